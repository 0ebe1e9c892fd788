"""The one table of output formats: for each command, the renderer of each format it offers
(people get text tables, machines JSON and csv, spreadsheets xlsx, paper html, a pull request
Markdown). Each command's `Renderers` is typed by its report, so mypy checks that every renderer
takes what the command's app function returns. The renderer modules are imported when a
renderer runs, not with this table (importing every renderer, and the reports behind their
types, cost a fifth of a warm `check`). A file format returns bytes; `show` writes them to
--output (whole, then renamed into place) or, for csv, to stdout."""

from __future__ import annotations

import sys
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any, Generic, NamedTuple, TypeVar

from seatledger.core import lazy
from seatledger.core.atomic import write_atomic_bytes
from seatledger.write.output import refuse_output

if TYPE_CHECKING:
    from seatledger.core.results import CheckResult
    from seatledger.render import (
        grids,
        grids_money,
        html,
        html_approval,
        html_reports,
        html_statement,
        markdown,
        messages,
        schemas,
        schemas_diff,
        schemas_portfolio,
        schemas_statement,
        text,
        text_deductions,
        text_diff,
        text_portfolio,
        text_statement,
    )
    from seatledger.render.grids import Grid
    from seatledger.reports.balance import BalanceRow
    from seatledger.reports.calendar_days import MonthCalendar
    from seatledger.reports.compliance import ComplianceReport
    from seatledger.reports.contract_terms import ContractTerms
    from seatledger.reports.deductions import DeductionReport
    from seatledger.reports.ledger_diff import LedgerDiff
    from seatledger.reports.notices import NoticesReport
    from seatledger.reports.portfolio import Portfolio
    from seatledger.reports.printed import Printed
    from seatledger.reports.roster_check import RosterReport
    from seatledger.reports.settlement import Statement
else:
    grids = lazy.module("seatledger.render.grids")
    grids_money = lazy.module("seatledger.render.grids_money")
    html = lazy.module("seatledger.render.html")
    html_approval = lazy.module("seatledger.render.html_approval")
    html_reports = lazy.module("seatledger.render.html_reports")
    html_statement = lazy.module("seatledger.render.html_statement")
    markdown = lazy.module("seatledger.render.markdown")
    messages = lazy.module("seatledger.render.messages")
    schemas = lazy.module("seatledger.render.schemas")
    schemas_diff = lazy.module("seatledger.render.schemas_diff")
    schemas_portfolio = lazy.module("seatledger.render.schemas_portfolio")
    schemas_statement = lazy.module("seatledger.render.schemas_statement")
    text_portfolio = lazy.module("seatledger.render.text_portfolio")
    text = lazy.module("seatledger.render.text")
    text_deductions = lazy.module("seatledger.render.text_deductions")
    text_diff = lazy.module("seatledger.render.text_diff")
    text_statement = lazy.module("seatledger.render.text_statement")

R = TypeVar("R")


class Renderers(NamedTuple, Generic[R]):
    """A command's formats; a value of type R (or its printed page, for html) goes in."""

    text: Callable[[R], None]  # prints
    json: Callable[[R], Any] | None = None  # the JSON value
    csv: Callable[[R], bytes] | None = None
    xlsx: Callable[[R], bytes] | None = None
    html: Callable[[Printed[Any]], str] | None = None  # the page, from the app's printed value
    markdown: Callable[[R], str] | None = None  # to stdout

    def formats(self) -> tuple[str, ...]:
        return tuple(name for name, fn in zip(self._fields, self, strict=True) if fn is not None)


def _csv(grid: list[Grid]) -> bytes:
    return grids.csv_bytes(grid)


def _xlsx(grid: list[Grid]) -> bytes:
    from seatledger.render.xlsx import workbook_bytes  # XlsxWriter only for a workbook

    return workbook_bytes(grid)


def _utf8(value: str) -> bytes:
    return value.encode("utf-8")


CHECK: Renderers[CheckResult] = Renderers(
    text=lambda r: messages.problems_text(r), json=lambda r: messages.problems_json(r)
)
CALENDAR: Renderers[MonthCalendar] = Renderers(
    text=lambda c: messages.calendar_text(c),
    json=lambda c: messages.calendar_json(c),
    csv=lambda c: _csv(grids.calendar(messages.calendar_json(c))),
    xlsx=lambda c: _xlsx(grids.calendar(messages.calendar_json(c))),
    html=lambda p: html_reports.calendar(p),
)
DEDUCT: Renderers[DeductionReport] = Renderers(
    text=lambda r: text_deductions.deductions(r),
    json=lambda r: schemas.deductions(r),
    csv=lambda r: _utf8(schemas.deduction_csv(r)),
    xlsx=lambda r: _xlsx(grids_money.deduct(schemas.deductions(r))),
    html=lambda p: html.deductions(p),
)
SETTLE: Renderers[Statement] = Renderers(
    text=lambda s: text_statement.statement(s),
    json=lambda s: schemas_statement.statement(s),
    csv=lambda s: _csv(grids_money.settle(s)),
    xlsx=lambda s: _xlsx(grids_money.settle(s)),
    html=lambda p: html_statement.statement(p),
)
# `settle --form approval`: the one-page approval form, a printed page only.
APPROVAL: Renderers[Statement] = Renderers(
    text=lambda s: text_statement.statement(s), html=lambda p: html_approval.approval(p)
)
BALANCE: Renderers[list[BalanceRow]] = Renderers(
    text=lambda rows: text_statement.balance(rows),
    json=lambda rows: schemas.balance(rows),
    csv=lambda rows: _utf8(schemas.balance_csv(rows)),
    xlsx=lambda rows: _xlsx(grids_money.balance(schemas.balance(rows))),
    html=lambda p: html.balance(p),
)
CHECK_ROSTER: Renderers[RosterReport] = Renderers(
    text=lambda r: text.roster(r),
    json=lambda r: schemas.roster(r),
    csv=lambda r: _csv(grids.roster(schemas.roster(r))),
    xlsx=lambda r: _xlsx(grids.roster(schemas.roster(r))),
    html=lambda p: html_reports.roster(p),
)
COMPLIANCE: Renderers[ComplianceReport] = Renderers(
    text=lambda r: text.compliance(r),
    json=lambda r: schemas.compliance(r),
    csv=lambda r: _csv(grids.compliance(schemas.compliance(r))),
    xlsx=lambda r: _xlsx(grids.compliance(schemas.compliance(r))),
    html=lambda p: html_reports.compliance(p),
)
NOTICES: Renderers[NoticesReport] = Renderers(
    text=lambda r: text.notices(r),
    json=lambda r: schemas.notices(r),
    csv=lambda r: _csv(grids.notices(schemas.notices(r))),
    xlsx=lambda r: _xlsx(grids.notices(schemas.notices(r))),
    html=lambda p: html_reports.notices(p),
)
CONTRACT: Renderers[ContractTerms] = Renderers(
    text=lambda r: text.contract_terms(r), json=lambda r: schemas.contract_terms(r)
)
DIFF: Renderers[LedgerDiff] = Renderers(
    text=lambda d: text_diff.ledger_diff(d),
    markdown=lambda d: markdown.ledger_diff(d),
    json=lambda d: schemas_diff.ledger_diff(d),
    html=lambda p: html_reports.diff(p),
)
PORTFOLIO: Renderers[Portfolio] = Renderers(
    text=lambda p: text_portfolio.portfolio(p),
    json=lambda p: schemas_portfolio.portfolio(p),
    csv=lambda p: schemas_portfolio.csv_bytes(p),
    xlsx=lambda p: _xlsx([schemas_portfolio.grid(p)]),
)
FILE_FORMATS = ("csv", "xlsx", "html")  # these make bytes
NEEDS_FILE = ("xlsx", "html")  # never to a terminal


def render(renderers: Renderers[R], fmt: str, value: R | Printed[Any]) -> bytes | None:
    """The bytes of a file format; None where the format printed by itself."""
    if fmt == "html":
        page = renderers.html
        assert page is not None and not isinstance(value, list) and hasattr(value, "body")
        return _utf8(page(value))  # type: ignore[arg-type]  # the app made the page for html
    fn: Callable[[Any], Any] | None = getattr(renderers, fmt)
    assert fn is not None, f"{fmt} is not offered"  # the CLI offers only renderers.formats()
    if fmt == "text":
        fn(value)
        return None
    if fmt == "json":
        messages.as_json(fn(value))
        return None
    if fmt == "markdown":
        sys.stdout.write(fn(value))
        return None
    data: bytes = fn(value)
    return data


def show(renderers: Renderers[R], fmt: str, value: R | Printed[Any], output: Path | None = None) -> None:
    if output is not None:
        refuse_output(output)
    data = render(renderers, fmt, value)
    if data is None:
        return
    if output is None:
        if hasattr(sys.stdout, "buffer"):
            sys.stdout.flush()
            sys.stdout.buffer.write(data)
        else:
            sys.stdout.write(data.decode("utf-8"))
        return
    write_atomic_bytes(output, data)
    print(f"{output}", file=sys.stderr)
