"""`seatledger calendar`: each day of a month, its kind and the people it requires."""

from __future__ import annotations

import calendar as stdlib_calendar
from datetime import date
from typing import NamedTuple

from seatledger.core.choices import SHIFTS
from seatledger.core.contract import Contract
from seatledger.core.records import Record
from seatledger.core.workdays import days
from seatledger.rules.staffing import Requirements, calendar_for
from seatledger.rules.voids import live

WEEKDAYS = ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun")


class CalendarDay(NamedTuple):
    date: date
    weekday: str
    kind: str
    name: str | None
    required: dict[str, int]


class MonthCalendar(NamedTuple):
    month: str  # YYYY-MM
    days: list[CalendarDay]


def month_calendar(contract: Contract, records: tuple[Record, ...], year: int, month: int) -> MonthCalendar:
    calendar = calendar_for(contract)
    requirements = Requirements(contract, calendar, live(records))
    last = stdlib_calendar.monthrange(year, month)[1]
    out = []
    for d in days(date(year, month, 1), date(year, month, last)):
        kind, name = calendar.describe(d)
        out.append(
            CalendarDay(
                d, WEEKDAYS[d.weekday()], kind, name, {s: requirements.required(d, s) for s in SHIFTS}
            )
        )
    return MonthCalendar(f"{year:04d}-{month:02d}", out)
