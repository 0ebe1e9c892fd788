"""Renderers: one function per report and format. People get rich tables, machines JSON."""

from __future__ import annotations

import json
import sys
from typing import TYPE_CHECKING, Any

from seatledger.core.vocab import SHIFTS

if TYPE_CHECKING:
    from seatledger.core.errors import Problem
    from seatledger.reports.calendar_days import CalendarDay
    from seatledger.write.writer import Written


def as_json(data: Any) -> None:
    sys.stdout.write(json.dumps(data, ensure_ascii=False, indent=2) + "\n")


def _console() -> Any:
    from rich.console import Console

    return Console(highlight=False, soft_wrap=True)


def written(w: Written) -> None:
    verb = {"added": "add", "replaced": "replace", "updated": "update", "created": "create"}
    if w.dry_run:
        print(f"would {verb[w.action]} {w.what} in {w.path}:{w.line} (dry run: nothing written)")
    else:
        print(f"{w.action} {w.what} in {w.path}:{w.line}")
    sys.stdout.write("".join(f"  {line}\n" for line in w.text.splitlines()))


def problems(found: list[Problem], checked: str, fmt: str) -> None:
    errors = sum(1 for p in found if p.severity == "error")
    if fmt == "json":
        as_json({"ok": errors == 0, "errors": errors, "problems": [p.as_json() for p in found]})
        return
    for p in found:
        print(p.render())
    if found:
        print(f"{errors} error(s), {len(found) - errors} warning(s) in {checked}", file=sys.stderr)
    else:
        print(f"ok: no problems in {checked}")


def calendar(days: list[CalendarDay], month: str, fmt: str) -> None:
    if fmt == "json":
        as_json({"month": month, "days": [
            {"date": d.date.isoformat(), "weekday": d.weekday, "kind": d.kind,
             "name": d.name, "required": d.required} for d in days]})
        return
    from rich.table import Table

    table = Table(title=f"{month}: working days and people required per shift")
    table.add_column("date", no_wrap=True)
    table.add_column("wd", no_wrap=True)
    table.add_column("kind", no_wrap=True)
    table.add_column("holiday / note", overflow="fold")
    for shift in SHIFTS:
        table.add_column(shift, justify="right", no_wrap=True)
    for d in days:
        style = None if d.kind == "working" else "dim"
        table.add_row(d.date.isoformat(), d.weekday, d.kind, d.name or "",
                      *(str(d.required[s] or "") for s in SHIFTS), style=style)
    working = sum(1 for d in days if d.kind == "working")
    table.caption = f"{working} working days"
    _console().print(table)
