"""Seat shortage, 三(一)5 (with 三(二)4) in the seed contract (rule 5): each required person
missing costs the computed penalty's rate. It is computed from attendance, never recorded.
How the missing are counted is the contract's `shortage_basis` (rule 19):

- `presence` (三(一)5 按天、一天一人次): on each date and shift, required − present; one person
  short on the day and the night shift of one date is two;
- `vacancy` (三(二)4 在职): on a working day's day shift, the seats − the people on the roster
  who count toward them; other shifts by presence;
- `per-day`: on each date, the largest presence shortage among its shifts, not their sum.

The roster headcount is always shown beside presence."""

from __future__ import annotations

from datetime import date

from seatledger.core.money import ZERO, quantize
from seatledger.core.records import Attendance
from seatledger.rules.book import Book
from seatledger.rules.deduction_lines import UNITS, DeductionLine


def shortage_lines(book: Book, start: date, end: date) -> list[DeductionLine]:
    computed = book.contract.computed_penalty()
    if computed is None:  # a contract without staffing has no seats to fall short of
        return []
    key = computed[0]
    basis = book.contract.settings.shortage_basis
    found: list[tuple[int, Attendance, int]] = []  # (short, attendance, required)
    for att in book.attendance_between(max(start, book.recorded_from), end):
        day, shift = att.date, att.shift
        required = book.requirements.required(day, shift)
        if basis == "vacancy" and shift == "day" and book.calendar.is_working(day):
            short = max(0, book.requirements.seats_on(day) - len(book.counting(day)))
        else:
            short = max(0, required - att.present)
        found.append((short, att, required))
    if basis == "per-day":
        found = _largest_each_day(found)
    return [_line(book, key, short, att, required) for short, att, required in found if short]


def _line(book: Book, key: str, short: int, att: Attendance, required: int) -> DeductionLine:
    """The line for one shortage, at the rate in force on its date (rule 16)."""
    terms = book.requirements.terms_on(att.date)
    penalty = terms.contract.penalties[key]
    rate = penalty.amount or ZERO
    return DeductionLine(
        att.date,
        key,
        penalty.title,
        penalty.clause,
        short,
        UNITS[penalty.basis],
        rate,
        quantize(rate * short),
        att.id,
        penalty.set_off,
        penalty.payer,
        att.shift,
        required,
        att.present,
        book.headcount(att.date),
        att.absent,
        amendment=terms.amendment,
    )


def _largest_each_day(found: list[tuple[int, Attendance, int]]) -> list[tuple[int, Attendance, int]]:
    """One entry per date: the shift with the largest shortage (the first such shift)."""
    best: dict[date, tuple[int, Attendance, int]] = {}
    for entry in found:
        day = entry[1].date
        if day not in best or entry[0] > best[day][0]:
            best[day] = entry
    return [best[day] for day in sorted(best)]
