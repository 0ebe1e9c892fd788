"""Rule 6: attendance is expected from the ledger's `recorded_from` date up to the latest
date that has an attendance record. A required shift in that span with no record is a gap;
one after it is not recorded yet. Both leave a figure incomplete, never a clean zero."""

from __future__ import annotations

from collections.abc import Collection
from datetime import date
from typing import NamedTuple

from seatledger.core.choices import SHIFTS
from seatledger.core.workdays import days
from seatledger.rules.book import Book
from seatledger.rules.staffing import Requirements


class Gap(NamedTuple):
    date: date
    shift: str
    required: int


def gaps(
    recorded_from: date,
    requirements: Requirements,
    attended: Collection[tuple[date, str]],
    start: date | None = None,
    end: date | None = None,
) -> list[tuple[date, str]]:
    """Required shifts with no attendance record, from `recorded_from` (or `start`) to the
    latest recorded date (or `end`, if earlier)."""
    if not attended:
        return []
    last = max(d for d, _ in attended)
    first = recorded_from if start is None else max(start, recorded_from)
    stop = last if end is None else min(end, last)
    return [
        (d, s)
        for d in days(first, stop)
        for s in SHIFTS
        if (d, s) not in attended and requirements.required(d, s) > 0
    ]


def gaps_in(book: Book, start: date, end: date) -> tuple[list[Gap], list[Gap]]:
    """(gaps, unrecorded) in a date range: required shifts with no attendance inside the
    recorded span, and those after it."""
    required = book.requirements.required
    found = [
        Gap(d, s, required(d, s))
        for d, s in gaps(book.recorded_from, book.requirements, book.attendance, start, end)
    ]
    after = book.last_attendance
    first = max(start, book.recorded_from, after if after is not None else start)
    last = min(end, book.contract.term.end)
    unrecorded = [
        Gap(d, s, required(d, s))
        for d in days(first, last)
        if after is None or d > after
        for s in SHIFTS
        if required(d, s) > 0
    ]
    return found, unrecorded
