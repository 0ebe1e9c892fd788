"""`notices`: Party A's notices to cure (rule 14), each open, cured, past its cure-by date, or
followed by the termination, as of a date."""

from __future__ import annotations

import datetime as dt
from datetime import date
from typing import NamedTuple

from seatledger.core.i18n import msg
from seatledger.rules.book import Book


class NoticeLine(NamedTuple):
    id: str
    date: dt.date
    clause: str
    cure_by: dt.date
    status: str  # open, past cure-by, cured, terminated
    detail: str


class NoticesReport(NamedTuple):
    as_of: date
    lines: tuple[NoticeLine, ...]
    ended: str | None  # the termination, if any

    @property
    def overdue(self) -> tuple[NoticeLine, ...]:
        return tuple(line for line in self.lines if line.status == msg("past cure-by"))


def notices(book: Book, as_of: date) -> NoticesReport:
    out = []
    ended = book.termination if book.termination and book.termination.date <= as_of else None
    for n in book.notices:
        if n.date > as_of:
            continue
        cure = next((c for c in book.cures if c.notice == n.id and c.date <= as_of), None)
        if cure is not None:
            status, detail = "cured", msg("cured on {date} ({id})", date=cure.date, id=cure.id)
        elif ended is not None and ended.clause == n.clause:
            status, detail = (
                "terminated",
                msg("service ended {date} ({id})", date=ended.date, id=ended.id),
            )
        elif n.cure_by < as_of:
            status, detail = (
                msg("past cure-by"),
                msg("{days} days past {cure_by}", days=(as_of - n.cure_by).days, cure_by=n.cure_by),
            )
        else:
            status, detail = "open", msg("cure by {cure_by}", cure_by=n.cure_by)
        out.append(NoticeLine(n.id, n.date, n.clause, n.cure_by, status, detail))
    return NoticesReport(
        as_of,
        tuple(out),
        msg("{id}: service ended {date} under {clause}", id=ended.id, date=ended.date, clause=ended.clause)
        if ended
        else None,
    )
