"""`compliance`: the counted duties (trainings, tests, Weibo updates, inspections, drills,
health reports), each in its own window: a calendar day, an ISO week, a calendar month, half
the term, or a rolling window of months, whose overdue spans are the lines (rule 18). A
window belongs to the period that holds its last day; a week with no working day requires
nothing."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date, timedelta
from typing import NamedTuple

from dateutil.relativedelta import relativedelta

from seatledger.core.amendments import terms_on
from seatledger.core.contract import Obligation
from seatledger.core.i18n import msg
from seatledger.core.periods import Period, months_of
from seatledger.rules.book import Book
from seatledger.rules.rolling_duties import overdue_spans


class Window(NamedTuple):
    label: str
    start: date
    end: date


class DutyLine(NamedTuple):
    obligation: str
    title: str
    clause: str
    window: Window
    required: int
    recorded: int

    @property
    def shortfall(self) -> int:
        return max(0, self.required - self.recorded)


class DutySummary(NamedTuple):
    key: str
    obligation: Obligation
    lines: tuple[DutyLine, ...]

    @property
    def shortfalls(self) -> tuple[DutyLine, ...]:
        return tuple(line for line in self.lines if line.shortfall)


class ComplianceReport(NamedTuple):
    period: Period
    obligations: tuple[DutySummary, ...]

    @property
    def compliant(self) -> bool:
        return not any(s.shortfalls for s in self.obligations)


def windows(kind: str, term_start: date, term_end: date) -> Iterator[Window]:
    """Every window of a kind over the term, clipped to it."""
    if kind == "day":
        d = term_start
        while d <= term_end:
            yield Window(d.isoformat(), d, d)
            d += timedelta(days=1)
    elif kind == "iso-week":
        monday = term_start - timedelta(days=term_start.weekday())
        while monday <= term_end:
            year, week, _ = monday.isocalendar()
            yield Window(
                f"{year}-W{week:02d}", max(monday, term_start), min(monday + timedelta(days=6), term_end)
            )
            monday += timedelta(days=7)
    elif kind == "month":
        for m in months_of(term_start, term_end):
            yield Window(m.label, max(m.start, term_start), min(m.end, term_end))
    else:  # half-term
        months = (term_end.year - term_start.year) * 12 + term_end.month - term_start.month + 1
        middle = term_start + relativedelta(months=(months + 1) // 2)
        yield Window(msg("first half"), term_start, middle - timedelta(days=1))
        yield Window(msg("second half"), middle, term_end)


def compliance(book: Book, period: Period) -> ComplianceReport:
    c = book.contract
    out = []
    for key, ob in c.obligations.items():
        done = [a for a in book.activities if a.obligation == key]
        if ob.window == "rolling-months" and ob.months is not None:
            spans = overdue_spans(
                ((a.date, a.count) for a in done),
                max(c.term.start, book.recorded_from),
                c.term.end,
                ob.months,
                ob.required,
            )
            out.append(
                DutySummary(
                    key,
                    ob,
                    tuple(
                        DutyLine(key, ob.title, ob.clause, Window("overdue", s, e), ob.required, 0)
                        for s, e in spans
                        if s <= period.end and e >= period.start
                    ),
                )
            )
            continue
        lines = []
        for w in windows(ob.window, c.term.start, c.term.end):
            if w.end not in period or w.end < book.recorded_from:
                continue
            if ob.window == "iso-week" and not any(book.calendar.working_days(w.start, w.end)):
                continue
            # The count the terms in force at the window's end require (rule 16).
            required = terms_on(c, w.end).contract.obligations.get(key, ob).required
            recorded = sum(a.count for a in done if w.start <= a.date <= w.end)
            lines.append(DutyLine(key, ob.title, ob.clause, w, required, recorded))
        out.append(DutySummary(key, ob, tuple(lines)))
    return ComplianceReport(period, tuple(out))
