"""Seat shortage, 三(一)5 (with 三(二)4) in the seed contract: on each date and shift with a
requirement, each required person missing costs the computed penalty's rate (缺口人次, rule 5):
one person short on the day shift and on the night shift of one date is two. Shortage is
computed from attendance, never recorded; the roster headcount is shown beside presence,
since Party B could read 三(二)4 as pricing vacancies only."""

from __future__ import annotations

from datetime import date

from seatledger.core.money import ZERO, quantize
from seatledger.rules.book import Book
from seatledger.rules.deduction_lines import UNITS, DeductionLine


def shortage_lines(book: Book, start: date, end: date) -> list[DeductionLine]:
    key, penalty = book.contract.computed_penalty()
    rate = penalty.amount or ZERO
    out = []
    for (day, shift), att in sorted(book.attendance.items()):
        if not start <= day <= end or day < book.recorded_from:
            continue
        required = book.requirements.required(day, shift)
        short = max(0, required - att.present)
        if short:
            out.append(DeductionLine(
                day, key, penalty.title, penalty.clause, short, UNITS[penalty.basis],
                rate, quantize(rate * short), att.id, penalty.set_off, penalty.payer, shift,
                required, att.present, book.headcount(day), att.absent))
    return out
