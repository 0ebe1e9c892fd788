"""The one table of output formats: for each command, the renderer of each format it offers
(people get text tables, machines JSON and csv, spreadsheets xlsx, paper html, a pull request
Markdown). Renderers are named, not imported: a run imports the one it uses (importing every
renderer, and the reports behind their types, cost a fifth of a warm `check`). A file format
returns bytes; `show` writes them to --output (whole, then renamed into place) or, for csv,
to stdout."""

from __future__ import annotations

import importlib
import sys
from pathlib import Path
from typing import Any

from seatledger.core.atomic import write_atomic_bytes
from seatledger.write.output import refuse_output

# format -> how to use the names: ("call", "module.fn"): fn(value) prints; ("json", schema);
# ("text", "module.fn"): the str fn(value) returns, to stdout; ("csv", schema, grids fn);
# ("csv_text", "module.fn") / ("html", "fn"): bytes of that text; ("xlsx", schema, grids fn).
FORMATS: dict[str, dict[str, tuple[str, ...]]] = {
    "check": {"text": ("call", "messages.problems_text"), "json": ("call", "messages.problems_json")},
    "calendar": {"text": ("call", "messages.calendar_text"), "json": ("call", "messages.calendar_json")},
    "deduct": {
        "text": ("call", "text.deductions"),
        "json": ("json", "schemas.deductions"),
        "csv": ("csv_text", "schemas.deduction_csv"),
        "xlsx": ("xlsx", "schemas.deductions", "grids.deduct"),
        "html": ("html", "deductions"),
    },
    "settle": {
        "text": ("call", "text.statement"),
        "json": ("json", "schemas.statement"),
        "csv": ("csv", "schemas.statement", "grids.settle"),
        "xlsx": ("xlsx", "schemas.statement", "grids.settle"),
        "html": ("html", "statement"),
    },
    "balance": {
        "text": ("call", "text.balance"),
        "json": ("json", "schemas.balance"),
        "csv": ("csv_text", "schemas.balance_csv"),
        "xlsx": ("xlsx", "schemas.balance", "grids.balance"),
        "html": ("html", "balance"),
    },
    "check-roster": {
        "text": ("call", "text.roster"),
        "json": ("json", "schemas.roster"),
        "csv": ("csv", "schemas.roster", "grids.roster"),
        "xlsx": ("xlsx", "schemas.roster", "grids.roster"),
    },
    "compliance": {
        "text": ("call", "text.compliance"),
        "json": ("json", "schemas.compliance"),
        "csv": ("csv", "schemas.compliance", "grids.compliance"),
        "xlsx": ("xlsx", "schemas.compliance", "grids.compliance"),
    },
    "notices": {"text": ("call", "text.notices"), "json": ("json", "schemas.notices")},
    "contract": {"text": ("call", "text.contract_terms"), "json": ("json", "schemas.contract_terms")},
    "diff": {
        "text": ("call", "text.ledger_diff"),
        "markdown": ("text", "markdown.ledger_diff"),
        "json": ("json", "schemas.ledger_diff"),
    },
}
FILE_FORMATS = ("csv", "xlsx", "html")  # these make bytes
NEEDS_FILE = ("xlsx", "html")  # never to a terminal


def _fn(name: str) -> Any:
    module, fn = name.split(".")
    return getattr(importlib.import_module(f"seatledger.render.{module}"), fn)


def formats(command: str) -> tuple[str, ...]:
    return tuple(FORMATS[command])


def render(command: str, fmt: str, value: Any) -> bytes | None:
    """The bytes of a file format; None where the format printed by itself."""
    how, *names = FORMATS[command][fmt]
    if how == "call":
        _fn(names[0])(value)
        return None
    if how == "json":
        from seatledger.render.messages import as_json

        as_json(_fn(names[0])(value))
        return None
    if how == "text":
        sys.stdout.write(_fn(names[0])(value))
        return None
    if how in ("csv_text", "html"):
        fn = _fn(names[0]) if how == "csv_text" else _fn(f"html.{names[0]}")
        return str(fn(value)).encode("utf-8")
    grids = _fn(names[1])(_fn(names[0])(value))
    if how == "csv":
        from seatledger.render.grids import csv_bytes

        return csv_bytes(grids)
    from seatledger.render.xlsx import workbook_bytes  # openpyxl only for a workbook

    return workbook_bytes(grids)


def show(command: str, fmt: str, value: Any, output: Path | None = None) -> None:
    if output is not None:
        refuse_output(output)
    data = render(command, fmt, value)
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
