"""Output that is not a report table: what a write did, the problems `check` found, a month's
calendar."""

from __future__ import annotations

import json
import sys
from typing import TYPE_CHECKING, Any

from seatledger.core.choices import SHIFTS
from seatledger.core.i18n import _, local, tr
from seatledger.core.results import CheckResult, Written
from seatledger.core.vocabulary import DAY_KINDS, HOLIDAYS, WEEKDAYS, shown

if TYPE_CHECKING:
    from seatledger.reports.calendar_days import MonthCalendar


def as_json(data: Any) -> None:
    """Indented for a person at a terminal; one compact line for a pipe or a file, which
    json's C encoder writes (the indented one is pure Python: a third of a warm portfolio)."""
    if _is_terminal(sys.stdout):
        text = json.dumps(data, ensure_ascii=False, indent=2)
    else:
        text = json.dumps(data, ensure_ascii=False, separators=(",", ":"))
    sys.stdout.write(text + "\n")


def _is_terminal(stream: Any) -> bool:
    try:
        return bool(stream.isatty())
    except (AttributeError, ValueError):  # a replaced or closed stream
        return False


def written(w: Written) -> None:
    done = {
        "added": _("added {what} in {path}:{line}"),
        "replaced": _("replaced {what} in {path}:{line}"),
        "updated": _("updated {what} in {path}:{line}"),
        "created": _("created {what} in {path}:{line}"),
    }[w.action]
    if w.dry_run:
        print(
            tr(
                "would {verb} {what} in {path}:{line} (dry run: nothing written)",
                verb={
                    "added": _("add"),
                    "replaced": _("replace"),
                    "updated": _("update"),
                    "created": _("create"),
                }[w.action],
                what=w.what,
                path=w.path,
                line=w.line,
            )
        )
    else:
        print(done.format(what=local(w.what), path=w.path, line=w.line))
    sys.stdout.write("".join(f"  {line}\n" for line in w.text.splitlines()))
    if w.next_step:
        print(local(w.next_step))


def problems_json(r: CheckResult) -> dict[str, Any]:
    return {
        "ok": r.errors == 0,
        "errors": r.errors,
        "gaps": r.gaps,
        "problems": [p.as_json() for p in r.problems],
    }


def problems_text(r: CheckResult) -> None:
    for p in r.problems:
        print(p.render())
    if r.problems:
        print(
            tr(
                "{errors} error(s), {gaps} gap(s), {warnings} warning(s) in {checked}",
                errors=r.errors,
                gaps=r.gaps,
                warnings=len(r.problems) - r.errors - r.gaps,
                checked=r.checked,
            ),
            file=sys.stderr,
        )
    else:
        print(tr("ok: no problems in {checked}", checked=r.checked))


def calendar_json(c: MonthCalendar) -> dict[str, Any]:
    return {
        "month": c.month,
        "days": [
            {
                "date": d.date.isoformat(),
                "weekday": d.weekday,
                "kind": d.kind,
                "name": d.name,
                "required": d.required,
            }
            for d in c.days
        ],
    }


def calendar_text(c: MonthCalendar) -> None:
    from seatledger.render.sheet import Sheet
    from seatledger.render.terminal import Terminal

    table = Sheet(
        tr("{month}: working days and people required per shift", month=c.month),
        [
            ("date", "left"),
            ("wd", "left"),
            ("kind", "left"),
            ("holiday / note", "left"),
            *((shown(shift), "right") for shift in SHIFTS),
        ],
    )
    for d in c.days:
        table.add_row(
            d.date.isoformat(),
            shown(d.weekday, WEEKDAYS),
            shown(d.kind, DAY_KINDS),
            shown(d.name, HOLIDAYS) if d.name else "",
            *(str(d.required[s] or "") for s in SHIFTS),
            style="" if d.kind == "working" else "dim",
        )
    working = sum(1 for d in c.days if d.kind == "working")
    table.caption = tr("{working} working days", working=working)
    Terminal().print(table)
