"""Raw punches (a punch clock's CSV, DingTalk 原始记录) as people seen on a date and shift: a
punch near a shift's start (2 h before to 4 h after) opens that shift, dated the day it starts;
later punches up to 3 h after its end close it. Opened and closed is present; a lone punch is a
missing punch, which the rules' `missing` decides. Punches are read, never stored."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator

from seatledger.core.i18n import msg
from seatledger.imports.clock import length, parse_clock, parse_day, shift_at
from seatledger.imports.seen import Seen, Skipped, Where
from seatledger.imports.table import Table
from seatledger.read.import_rules import ImportRules

Punch = tuple[dt.datetime, Where]


def _cell(row: tuple[str, ...], at: list[int] | None) -> str:
    return row[at[0]] if at and at[0] < len(row) else ""


def _punches(t: Table, rules: ImportRules) -> Iterator[tuple[str, Punch] | Skipped]:
    for n in range(t.header + 1, len(t.sheet.rows)):
        row = t.sheet.rows[n]
        if not any(row):
            continue
        where = Where(t.sheet.name, n + 1)
        person, time_text = _cell(row, t.columns.get("person")), _cell(row, t.columns.get("time"))
        day = parse_day(_cell(row, t.columns.get("date")) or time_text, rules)
        clock = parse_clock(time_text.split()[-1] if time_text.split() else "")
        if not person or day is None or clock is None:
            yield Skipped(where, msg("no person, date or time: not a punch"), bool(person))
            continue
        yield (
            person,
            (dt.datetime.combine(day, dt.time()) + dt.timedelta(days=clock[0], minutes=clock[1]), where),
        )


def punch_rows(t: Table, rules: ImportRules) -> Iterator[Seen | Skipped]:
    by_person: dict[str, list[Punch]] = {}
    for item in _punches(t, rules):
        if isinstance(item, Skipped):
            yield item
        else:
            by_person.setdefault(item[0], []).append(item[1])
    for person, punches in by_person.items():
        punches.sort()
        yield from _shifts(person, punches, rules)


def _shifts(person: str, punches: list[Punch], rules: ImportRules) -> Iterator[Seen | Skipped]:
    i = 0
    while i < len(punches):
        at, where = punches[i]
        minutes = at.hour * 60 + at.minute
        shift = shift_at(minutes, rules.windows)
        if shift is None:
            yield Skipped(where, msg("a punch at {time} is near no shift's start", time=f"{at:%H:%M}"))
            i += 1
            continue
        w = rules.windows[shift]
        after = (minutes - w.start) % 1440
        offset = after if after <= 4 * 60 else after - 1440  # minutes from the shift's start
        start = at.replace(second=0, microsecond=0) - dt.timedelta(minutes=offset)
        day = start.date()
        end = start + dt.timedelta(minutes=length(w))
        group = [where]
        closed = False
        i += 1
        while i < len(punches) and punches[i][0] <= end + dt.timedelta(hours=3):
            closed = closed or punches[i][0] >= start + dt.timedelta(minutes=length(w) // 2)
            group.append(punches[i][1])
            i += 1
        outcome = "present" if closed else rules.missing
        words = "" if closed else msg("one punch, {time}", time=f"{at:%H:%M}")
        yield Seen(tuple(group), person, day, shift, outcome, words)
