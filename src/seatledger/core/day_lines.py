"""The day lines of a month file: one fixed comment line per day of the month, written once
when the file is made, so that records of different days are always separated by lines no
one changes. Git's plain line merge (a hosting service's merge button runs no custom driver)
then merges two branches that record different days of a month without a conflict."""

from __future__ import annotations

import calendar
import re
from datetime import date

DAY_LINE = re.compile(r"^# == (\d{4}-\d{2}-\d{2}) ==\r?\n?$")


def day_line(day: date) -> str:
    return f"# == {day.isoformat()} ==\n"


def day_of(line: str) -> str | None:
    """The ISO day a day line stands for; None for any other line."""
    if not line.startswith("# == "):
        return None
    found = DAY_LINE.match(line)
    return found.group(1) if found else None


def days_of_month(year: int, month: int) -> list[date]:
    return [date(year, month, d) for d in range(1, calendar.monthrange(year, month)[1] + 1)]


def skeleton(year: int, month: int, ledger_name: str) -> str:
    """A new month file: its heading and every day line, no record yet."""
    return heading(year, month, ledger_name) + "\n" + "".join(day_line(d) for d in days_of_month(year, month))


def heading(year: int, month: int, ledger_name: str) -> str:
    """A month file's first line, for readers of both languages."""
    return f"# {year}-{month:02d}：{ledger_name} 的记录 · records of {ledger_name}\n"


def lay_out(preamble: str, blocks: list[tuple[tuple[str, ...], str]], month: tuple[int, int] | None) -> str:
    """Items (sort key starting with the ISO date, text) in canonical order under their day
    lines; items of no day of the month follow the last day, as they were. Without a month
    (the roster, a file of no month), the items alone."""
    ordered = sorted(blocks, key=lambda pair: pair[0])
    if month is None:
        return preamble + ("\n" if preamble and ordered else "") + "".join(t for _, t in ordered)
    by_day: dict[str, list[str]] = {}
    for key, text in ordered:
        by_day.setdefault(key[0], []).append(text)
    out = [preamble, "\n" if preamble else ""]
    for day in days_of_month(*month):
        out.append(day_line(day))
        out += by_day.pop(day.isoformat(), [])
    for texts in by_day.values():
        out += texts
    return "".join(out)
