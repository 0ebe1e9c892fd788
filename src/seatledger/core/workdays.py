"""The official working-day schedule (rule 2).

The State Council schedule, adjusted working days included, comes from `chinesecalendar`,
which tracks each year's notice; the contract may override single dates. A date the data
does not cover is an error, never a guess.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from datetime import date, timedelta
from functools import cache
from typing import Literal

from seatledger.core.errors import SeatledgerError
from seatledger.core.i18n import msg

DayKind = Literal["working", "weekend", "holiday"]


class WorkCalendar:
    def __init__(self, overrides: Iterable[tuple[date, bool, str]] = ()) -> None:
        self._overrides = {d: (working, note) for d, working, note in overrides}
        self._cache: dict[date, tuple[DayKind, str | None]] = {}

    def describe(self, day: date) -> tuple[DayKind, str | None]:
        """(kind, name): the kind of day and, for a holiday or override, its name."""
        hit = self._cache.get(day)
        if hit is not None:
            return hit
        if day in self._overrides:
            working, note = self._overrides[day]
            kind: DayKind = "working" if working else ("weekend" if day.weekday() >= 5 else "holiday")
            result: tuple[DayKind, str | None] = (kind, note)
        else:
            result = _official(day)
        self._cache[day] = result
        return result

    def is_working(self, day: date) -> bool:
        return self.describe(day)[0] == "working"

    def working_days(self, start: date, end: date) -> Iterator[date]:
        for d in days(start, end):
            if self.is_working(d):
                yield d

    def add_working_days(self, start: date, n: int) -> date:
        """The n-th working day after `start`, `start` itself not counted (rule 9)."""
        d = start
        while n > 0:
            d += timedelta(days=1)
            if self.is_working(d):
                n -= 1
        return d


def days(start: date, end: date) -> Iterator[date]:
    d = start
    while d <= end:
        yield d
        d += timedelta(days=1)


def _official(day: date) -> tuple[DayKind, str | None]:
    """chinesecalendar's answer, read from its tables: its `is_workday` and
    `get_holiday_detail` scan every holiday to find the years covered on each call, which was
    most of the time a report spent on the calendar."""
    holidays, workdays, (first, last) = _tables()
    if not first <= day.year <= last:
        raise SeatledgerError(
            msg(
                "{day}: the working-day calendar has no data for {year} ({exc}); upgrade "
                "chinesecalendar or add calendar_overrides to the contract",
                day=day,
                year=day.year,
                exc=f"no available data for year {day.year}, only year between [{first}, {last}] supported",
            )
        ) from None
    if day in workdays:
        return "working", (msg("adjusted working day") if day.weekday() >= 5 else None)
    if day in holidays:
        return "holiday", str(holidays[day])
    if day.weekday() <= 4:
        return "working", None
    return "weekend", None


@cache
def _tables() -> tuple[dict[date, object], dict[date, object], tuple[int, int]]:
    from chinese_calendar.constants import holidays, workdays

    return holidays, workdays, (min(holidays).year, max(holidays).year)
