"""Commands that read: `check`, `calendar` and the reports. (No `from __future__ import
annotations` in the command modules: typer would evaluate each string annotation with eval,
300 compiles on every run.)"""

from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, TypeVar

import typer

from seatledger.cli.groups import app
from seatledger.cli.options import Opts, command
from seatledger.core import lazy
from seatledger.core.errors import UsageError
from seatledger.core.i18n import _, msg
from seatledger.render.formats import (
    APPROVAL,
    BALANCE,
    CALENDAR,
    CHECK,
    CHECK_ROSTER,
    COMPLIANCE,
    CONTRACT,
    DEDUCT,
    NOTICES,
    SETTLE,
    show,
)

if TYPE_CHECKING:
    from seatledger.app import check as checking
    from seatledger.app import reports
    from seatledger.reports.compliance import ComplianceReport
    from seatledger.reports.notices import NoticesReport
    from seatledger.reports.printed import Printed
    from seatledger.reports.roster_check import RosterReport
else:
    checking = lazy.module("seatledger.app.check")
    reports = lazy.module("seatledger.app.reports")


R = TypeVar("R", "RosterReport", "ComplianceReport", "NoticesReport")


def body(value: "R | Printed[R]") -> R:
    """The report itself, whether the app returned it or its printed page."""
    from seatledger.reports.printed import Printed

    return value.body if isinstance(value, Printed) else value


@command(app, "check", formats=CHECK.formats())
def check(
    opts: Opts,
    complete: Annotated[
        bool,
        typer.Option(
            "--complete",
            help=_(
                "Gaps fail the check too (without it they are listed as findings: weeks on "
                "branches not yet merged; `close` refuses them either way)."
            ),
        ),
    ] = False,
    allow_gaps: Annotated[
        bool,
        typer.Option(
            "--allow-gaps", hidden=True, help=_("Kept for old scripts: gaps fail only with --complete.")
        ),
    ] = False,
    since: Annotated[
        str | None,
        typer.Option(
            "--since",
            metavar=_("REV"),
            help=_(
                "Audit every commit from REV to HEAD: a record a commit drops without a void is "
                "a problem (the work tree is always compared with HEAD)."
            ),
        ),
    ] = None,
) -> None:
    """Validate the contract and every ledger file; exit 1 on any problem (on gaps too with
    --complete)."""
    result = checking.check(opts.contract, opts.ledger, since)
    show(CHECK, opts.format, result)
    if result.errors or (complete and not allow_gaps and result.gaps):
        raise typer.Exit(1)


@command(app, "contract", where=False, formats=CONTRACT.formats())
def contract(
    opts: Opts,
    path: Annotated[
        Path | None,
        typer.Option(
            "--contract",
            metavar=_("FILE"),
            help=_("Contract YAML (default: $SEATLEDGER_CONTRACT, or the one in contracts/)."),
        ),
    ] = None,
) -> None:
    """The contract's keys with their titles, rates and clauses: what the commands accept."""
    show(CONTRACT, opts.format, reports.contract(path))


@command(app, "calendar", formats=CALENDAR.formats())
def calendar(opts: Opts, month: Annotated[str, typer.Option("--month", help="YYYY-MM")]) -> None:
    """Each day of a month: working day, weekend or holiday, and the people it requires."""
    show(
        CALENDAR,
        opts.format,
        checking.calendar(opts.contract, opts.ledger, month, page=opts.format == "html"),
        opts.output,
    )


@command(app, "deduct", period=True, formats=DEDUCT.formats())
def deduct(opts: Opts) -> None:
    """Deductions for a period: seat shortage and incidents, each with its clause."""
    show(
        DEDUCT,
        opts.format,
        reports.deduct(opts.contract, opts.ledger, opts.period, page=opts.format == "html"),
        opts.output,
    )


class Form(StrEnum):
    statement = "statement"
    approval = "approval"


@command(app, "settle", period=True, formats=SETTLE.formats())
def settle(
    opts: Opts,
    as_of: Annotated[
        str | None,
        typer.Option("--as-of", help=_("Interest accrues up to this day (default: the period's last day).")),
    ] = None,
    final: Annotated[bool, typer.Option("--final", help=_("The whole term with the final payment."))] = False,
    form: Annotated[
        Form,
        typer.Option(
            "--form",
            help=_(
                "html only: the full statement, or the one-page approval form (结算单 / 付款审批单) "
                "a finance office attaches to its OA approval."
            ),
        ),
    ] = Form.statement,
    doc_no: Annotated[
        str | None,
        typer.Option(
            "--doc-no", help=_("html only: the document number printed on the page (default: a blank line).")
        ),
    ] = None,
    meeting_date: Annotated[
        str | None,
        typer.Option(
            "--meeting-date", help=_("html only: the payment meeting's date (default: a blank line).")
        ),
    ] = None,
) -> None:
    """The statement for an instalment's period: balance, deductions, due dates, interest."""
    page = opts.format == "html"
    if not page and (form is Form.approval or doc_no or meeting_date):
        raise UsageError(
            msg("--form, --doc-no and --meeting-date are for the printed page: add --format html")
        )
    show(
        APPROVAL if form is Form.approval else SETTLE,
        opts.format,
        reports.settle(
            opts.contract,
            opts.ledger,
            opts.period,
            as_of,
            final,
            page=page,
            doc_no=doc_no,
            meeting=meeting_date,
        ),
        opts.output,
    )


class By(StrEnum):
    month = "month"
    quarter = "quarter"


@command(app, "balance", period=True, formats=BALANCE.formats())
def balance(
    opts: Opts,
    by: Annotated[By | None, typer.Option("--by", help=_("A running table by month or quarter."))] = None,
) -> None:
    """The balance owed by Party A over a period (default: the whole term)."""
    show(
        BALANCE,
        opts.format,
        reports.balance(
            opts.contract, opts.ledger, opts.period, by.value if by else None, page=opts.format == "html"
        ),
        opts.output,
    )


@command(app, "check-roster", period=True, formats=CHECK_ROSTER.formats())
def check_roster(
    opts: Opts,
    on: Annotated[
        str | None, typer.Option("--date", help=_("One day (default: the latest day-shift attendance)."))
    ] = None,
) -> None:
    """The roster against the contract's staffing rules and duties; exit 1 on a violation."""
    r = reports.check_roster(opts.contract, opts.ledger, opts.period, on, page=opts.format == "html")
    show(CHECK_ROSTER, opts.format, r, opts.output)
    if not body(r).compliant:
        raise typer.Exit(1)


@command(app, "compliance", period=True, formats=COMPLIANCE.formats())
def compliance(opts: Opts) -> None:
    """The counted duties over a period, each in its own window; exit 1 on a shortfall."""
    r = reports.compliance(opts.contract, opts.ledger, opts.period, page=opts.format == "html")
    show(COMPLIANCE, opts.format, r, opts.output)
    if not body(r).compliant:
        raise typer.Exit(1)


@command(app, "notices", formats=NOTICES.formats())
def notices(
    opts: Opts,
    as_of: Annotated[
        str | None, typer.Option("--as-of", help=_("YYYY-MM-DD (default: the latest record's date)."))
    ] = None,
) -> None:
    """Notices to cure: open, cured, past their cure-by date; exit 1 if any is past it."""
    r = reports.notices(opts.contract, opts.ledger, as_of, page=opts.format == "html")
    show(NOTICES, opts.format, r, opts.output)
    if body(r).overdue:
        raise typer.Exit(1)
