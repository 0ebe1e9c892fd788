"""The pages that show figures, each from the same report functions as the commands: the
overview, the month calendar of attendance, the roster and its degree quota over time, and
compliance by duty and window. Each returns its template's values; the printed pages (the
statement, deductions by clause) are `render/html.py`'s own (see `web/printed_pages.py`)."""

from __future__ import annotations

import calendar as stdlib_calendar
from datetime import date
from decimal import Decimal
from typing import Any

from seatledger.core.choices import SHIFTS, degree_rank
from seatledger.core.dates import parse_month
from seatledger.core.i18n import N_, msg
from seatledger.core.periods import Period, instalment_period, months_of, quarter, quarters_of
from seatledger.reports import compliance as compliance_report
from seatledger.reports import notices as notices_report
from seatledger.reports.roster_check import check_roster
from seatledger.reports.settlement import settle
from seatledger.rules.book import Book
from seatledger.web.site import Snapshot

Values = dict[str, Any]
WEEKDAYS = (N_("Mon"), N_("Tue"), N_("Wed"), N_("Thu"), N_("Fri"), N_("Sat"), N_("Sun"))
SHIFT_NAMES = {"day": N_("day shift"), "night": N_("night shift"), "duty": N_("on-duty shift")}


class PageError(Exception):
    """A query a page cannot answer (an unknown period or month): 400, with the valid ones."""


def periods(book: Book) -> list[tuple[str, str]]:
    """Every period a statement can cover: (query value, label), the quarters then the instalments."""
    out = [(q.label, q.label) for q in quarters_of(book.contract)]
    out += [(f"i{i.number}", msg("instalment {number}", number=i.number)) for i in book.contract.instalments]
    return out


def period_of(book: Book, value: str | None, as_of: date) -> Period:
    """`2022-Q3` or `i2`; none: the quarter holding `as_of`."""
    if not value:
        return next((q for q in quarters_of(book.contract) if as_of in q), quarters_of(book.contract)[-1])
    try:
        if value.startswith("i") and value[1:].isdigit():
            return instalment_period(book.contract, int(value[1:]))
        return quarter(book.contract, value)
    except ValueError as exc:
        raise PageError(msg("period {value!r}: {exc}", value=value, exc=exc)) from None


def overview(snap: Snapshot) -> Values:
    """What Party A owes and should pay next, interest accruing, open notices, the findings,
    and the duties of the window holding the as-of day: the quarter's statement as of the
    latest record, as `settle --quarter Q --as-of D` gives it."""
    book = snap.book
    assert book is not None
    as_of = snap.as_of
    period = period_of(book, None, as_of)
    s = settle(book, period, as_of)
    due = next((d for d in s.dues if d.due is not None and d.paid < (d.amount or Decimal(0))), None)
    notices = [n for n in notices_report.notices(book, as_of).lines if n.status != msg("cured")]
    duties = [
        line
        for summary in compliance_report.compliance(book, period).obligations
        for line in summary.lines
        if line.window.start <= as_of <= line.window.end
    ]
    return {"as_of": as_of, "period": period, "s": s, "due": due, "notices": notices, "duties": duties}


def attendance(snap: Snapshot, month: str | None) -> Values:
    """A month as a calendar: each day's required and present per shift, its shortage."""
    book = snap.book
    assert book is not None
    if month:
        try:
            year, mon = parse_month(month)
        except ValueError as exc:
            raise PageError(msg("month {value!r}: {exc}", value=month, exc=exc)) from None
    else:
        year, mon = snap.as_of.year, snap.as_of.month
    weeks = []
    for week in stdlib_calendar.Calendar().monthdatescalendar(year, mon):
        weeks.append([_day(book, d) if d.month == mon else None for d in week])
    term = book.contract.term
    months = [m.label for m in months_of(term.start, term.end)]
    return {"month": f"{year:04d}-{mon:02d}", "weeks": weeks, "months": months}


def _day(book: Book, day: date) -> Values:
    shifts = []
    short = 0
    gap = False
    for shift in SHIFTS:
        required = book.requirements.required(day, shift)
        record = book.attendance.get((day, shift))
        if record is None and required and book.recorded_from <= day <= (book.last_attendance or day):
            gap = True  # after the last attendance record: not yet recorded, not a gap
        present = record.present if record is not None else None
        lack = max(0, required - present) if present is not None else 0
        short += lack
        if required or record is not None:
            shifts.append({"shift": shift, "required": required, "record": record, "short": lack})
    state = "gap" if gap else "short" if short else "ok" if shifts else "none"
    return {"date": day, "shifts": shifts, "short": short, "state": state}


def roster(snap: Snapshot) -> Values:
    """The people, and on each month's first day the headcount against the seats and the
    degree quota, with the term's roster violations."""
    book = snap.book
    assert book is not None
    term = book.contract.term
    quota = []
    for m in months_of(term.start, term.end):
        day = max(m.start, term.start)
        s = book.requirements.terms_on(day).contract.staffing
        if s is None:  # a contract without seats: no headcount or quota to show
            continue
        people = book.counting(day)
        minimum = degree_rank(s.degree_quota.min_degree)
        qualified = sum(1 for p in people if degree_rank(p.degree) >= minimum)
        share = (Decimal(qualified) * 100 / len(people)).quantize(Decimal("0.1")) if people else Decimal(0)
        quota.append(
            {
                "day": day,
                "headcount": len(people),
                "seats": s.seats,
                "qualified": qualified,
                "share": share,
                "required": (s.degree_quota.ratio * 100).quantize(Decimal("0.1")),
                "met": bool(people) and qualified >= s.degree_quota.ratio * len(people),
            }
        )
    report = check_roster(book, Period("term", term.start, term.end))
    return {"people": book.roster, "quota": quota, "report": report}


def compliance(snap: Snapshot, value: str | None) -> Values:
    book = snap.book
    assert book is not None
    period = period_of(book, value, snap.as_of)
    report = compliance_report.compliance(book, period)
    return {"period": period, "report": report, "periods": periods(book), "chosen": period.label}
