"""The one table of output formats: for each command, the renderer of each format it offers
(people get rich tables, machines JSON and csv, spreadsheets xlsx, paper html, a pull request
Markdown). A file format returns bytes; `show` writes them to --output (whole, then renamed
into place) or, for csv, to stdout."""

from __future__ import annotations

import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

from seatledger.core.atomic import write_atomic_bytes
from seatledger.render import grids, markdown, messages, schemas, text

Show = Callable[[Any], None]
Make = Callable[[Any], bytes]


def _json(schema: Callable[[Any], Any]) -> Show:
    return lambda value: messages.as_json(schema(value))


def _out(render: Callable[[Any], str]) -> Show:
    def write(value: Any) -> None:
        sys.stdout.write(render(value))

    return write


def _xlsx(schema: Callable[[Any], Any], grid: Callable[[dict[str, Any]], list[grids.Grid]]) -> Make:
    def make(value: Any) -> bytes:
        from seatledger.render.xlsx import workbook_bytes  # openpyxl only for a workbook

        return workbook_bytes(grid(schema(value)))

    return make


def _csv(schema: Callable[[Any], Any], grid: Callable[[dict[str, Any]], list[grids.Grid]]) -> Make:
    return lambda value: grids.csv_bytes(grid(schema(value)))


def _html(page: str) -> Make:
    def make(value: Any) -> bytes:
        from seatledger.render import html  # only for a printed page

        pages: dict[str, Callable[[Any], str]] = {
            "statement": html.statement, "deductions": html.deductions, "balance": html.balance}
        return pages[page](value).encode("utf-8")

    return make


def _csv_text(render: Callable[[Any], str]) -> Make:
    return lambda value: render(value).encode("utf-8")


FORMATS: dict[str, dict[str, Show | Make]] = {
    "check": {"text": messages.problems_text, "json": messages.problems_json},
    "calendar": {"text": messages.calendar_text, "json": messages.calendar_json},
    "deduct": {"text": text.deductions, "json": _json(schemas.deductions),
               "csv": _csv_text(schemas.deduction_csv),
               "xlsx": _xlsx(schemas.deductions, grids.deduct), "html": _html("deductions")},
    "settle": {"text": text.statement, "json": _json(schemas.statement),
               "csv": _csv(schemas.statement, grids.settle),
               "xlsx": _xlsx(schemas.statement, grids.settle), "html": _html("statement")},
    "balance": {"text": text.balance, "json": _json(schemas.balance),
                "csv": _csv_text(schemas.balance_csv),
                "xlsx": _xlsx(schemas.balance, grids.balance), "html": _html("balance")},
    "check-roster": {"text": text.roster, "json": _json(schemas.roster),
                     "csv": _csv(schemas.roster, grids.roster),
                     "xlsx": _xlsx(schemas.roster, grids.roster)},
    "compliance": {"text": text.compliance, "json": _json(schemas.compliance),
                   "csv": _csv(schemas.compliance, grids.compliance),
                   "xlsx": _xlsx(schemas.compliance, grids.compliance)},
    "notices": {"text": text.notices, "json": _json(schemas.notices)},
    "contract": {"text": text.contract_terms, "json": _json(schemas.contract_terms)},
    "diff": {"text": text.ledger_diff, "markdown": _out(markdown.ledger_diff),
             "json": _json(schemas.ledger_diff)},
}
FILE_FORMATS = ("csv", "xlsx", "html")  # these return bytes
NEEDS_FILE = ("xlsx", "html")  # never to a terminal


def formats(command: str) -> tuple[str, ...]:
    return tuple(FORMATS[command])


def show(command: str, fmt: str, value: Any, output: Path | None = None) -> None:
    render = FORMATS[command][fmt]
    if fmt not in FILE_FORMATS:
        render(value)
        return
    data = render(value)
    assert isinstance(data, bytes)
    if output is None:
        sys.stdout.buffer.write(data) if hasattr(sys.stdout, "buffer") else sys.stdout.write(
            data.decode("utf-8"))
        return
    write_atomic_bytes(output, data)
    print(f"{output}", file=sys.stderr)
