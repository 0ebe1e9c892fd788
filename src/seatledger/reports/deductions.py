"""What Party B owes for breaches: seat shortage computed from attendance (DOMAIN rules 4, 5)
and the recorded incidents priced by the penalty table. Every line names its penalty,
clause, date, quantity, rate and the record it comes from."""

from __future__ import annotations

from collections import defaultdict
from datetime import date
from decimal import Decimal
from typing import NamedTuple

from seatledger.core.money import ZERO, quantize
from seatledger.core.periods import Period
from seatledger.core.vocab import SHIFTS
from seatledger.core.workdays import days
from seatledger.rules.book import Book

UNITS = {"per-person-shift": "person-shifts", "per-occurrence": "occurrences",
         "per-case": "cases", "percent-of-total": "occurrences"}


class DeductionLine(NamedTuple):
    date: date
    penalty: str
    title: str
    clause: str
    quantity: int
    unit: str
    rate: Decimal
    amount: Decimal
    record: str  # the record it is computed from: att-<date>-<shift> or an incident id
    set_off: bool
    payer: str
    shift: str | None = None
    required: int | None = None
    present: int | None = None
    headcount: int | None = None  # roster headcount beside presence (DOMAIN rule 5)
    staff: tuple[str, ...] = ()
    ref: str | None = None


class Gap(NamedTuple):
    date: date
    shift: str
    required: int


class DeductionReport(NamedTuple):
    period: Period
    lines: tuple[DeductionLine, ...]  # set off against payments
    personal_fines: tuple[DeductionLine, ...]  # fines on persons: reported, not deducted
    total: Decimal
    by_penalty: dict[str, Decimal]
    gaps: tuple[Gap, ...]
    unrecorded: tuple[Gap, ...]  # required shifts after the last attendance record
    recorded_to: date | None

    @property
    def complete(self) -> bool:
        return not self.gaps and not self.unrecorded


def shortage_lines(book: Book, start: date, end: date) -> list[DeductionLine]:
    penalty = book.contract.penalties["seat-shortage"]
    rate = penalty.amount or ZERO
    out = []
    for (day, shift), att in sorted(book.attendance.items()):
        if not start <= day <= end or day < book.recorded_from:
            continue
        required = book.requirements.required(day, shift)
        short = max(0, required - att.present)
        if short:
            out.append(DeductionLine(
                day, "seat-shortage", penalty.title, penalty.clause, short, UNITS[penalty.basis],
                rate, quantize(rate * short), att.id, penalty.set_off, penalty.payer, shift,
                required, att.present, book.headcount(day), att.absent))
    return out


def incident_lines(book: Book, start: date, end: date) -> list[DeductionLine]:
    c = book.contract
    out = []
    for r in book.incidents:
        if not start <= r.date <= end:
            continue
        p = c.penalties[r.penalty]
        rate = quantize(r.amount if r.amount is not None else c.penalty_amount_fixed(r.penalty)
                        or ZERO)
        out.append(DeductionLine(r.date, r.penalty, p.title, p.clause, r.count, UNITS[p.basis],
                                 rate, quantize(rate * r.count), r.id, p.set_off, p.payer,
                                 staff=r.staff, ref=r.ref))
    return out


def all_lines(book: Book, start: date, end: date) -> list[DeductionLine]:
    lines = shortage_lines(book, start, end) + incident_lines(book, start, end)
    lines.sort(key=lambda line: (line.date, line.penalty, line.shift or "", line.record))
    return lines


def gaps_in(book: Book, start: date, end: date) -> tuple[list[Gap], list[Gap]]:
    """(gaps, unrecorded): required shifts with no attendance inside the recorded span, and
    those after it, which are not yet recorded; both leave the figures incomplete."""
    gaps = [Gap(d, s, book.requirements.required(d, s)) for d, s in book.gaps
            if start <= d <= end]
    after = book.last_attendance
    first = max(start, book.recorded_from, after if after is not None else start)
    last = min(end, book.contract.term.end)
    unrecorded = [
        Gap(d, s, book.requirements.required(d, s))
        for d in days(first, last) if after is None or d > after
        for s in SHIFTS if book.requirements.required(d, s) > 0
    ]
    return gaps, unrecorded


def deduct(book: Book, period: Period) -> DeductionReport:
    lines = all_lines(book, period.start, period.end)
    counted = tuple(line for line in lines if line.set_off)
    by_penalty: dict[str, Decimal] = defaultdict(lambda: ZERO)
    for line in counted:
        by_penalty[line.penalty] += line.amount
    gaps, unrecorded = gaps_in(book, period.start, period.end)
    return DeductionReport(
        period, counted, tuple(line for line in lines if not line.set_off),
        sum((line.amount for line in counted), ZERO), dict(by_penalty), tuple(gaps),
        tuple(unrecorded), book.last_attendance)
