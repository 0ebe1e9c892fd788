"""A roster violation over a span of days, as the roster rules report it."""

from __future__ import annotations

from datetime import date, timedelta
from typing import NamedTuple

from seatledger.core.periods import Period


class Violation(NamedTuple):
    start: date
    end: date
    rule: str
    clause: str
    expected: str
    actual: str
    detail: str = ""


def clip(first: date, left: date | None, period: Period) -> tuple[date, date]:
    """The days from `first` while the person is on the roster, inside the period."""
    end = period.end if left is None else min(period.end, left - timedelta(days=1))
    return max(first, period.start), end
