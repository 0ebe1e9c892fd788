"""Recorded incidents priced by the contract's penalty table (in the seed: 三(一)7 post
abandonment and assessment deductions, 附件1 三–五 fire hazards, 十(2) and 十(3) liquidated
damages). Each penalty carries its own clause; an incident's amount is per unit and its
count multiplies it (rule 7); a percent-of-total penalty is that share of the total."""

from __future__ import annotations

from datetime import date

from seatledger.core.money import ZERO, quantize
from seatledger.rules.book import Book
from seatledger.rules.deduction_lines import UNITS, DeductionLine
from seatledger.rules.shortage import shortage_lines


def incident_lines(book: Book, start: date, end: date) -> list[DeductionLine]:
    out = []
    for r in book.incidents:
        if not start <= r.date <= end:
            continue
        terms = book.requirements.terms_on(r.date)  # the rate in force on the incident's date
        c = terms.contract
        p = c.penalties[r.penalty]
        rate = quantize(r.amount if r.amount is not None else c.penalty_amount_fixed(r.penalty) or ZERO)
        out.append(
            DeductionLine(
                r.date,
                r.penalty,
                p.title,
                p.clause,
                r.count,
                UNITS[p.basis],
                rate,
                quantize(rate * r.count),
                r.id,
                p.set_off,
                p.payer,
                staff=r.staff,
                ref=r.ref,
                amendment=terms.amendment,
            )
        )
    return out


def deduction_lines(book: Book, start: date, end: date) -> list[DeductionLine]:
    """Seat shortage and incidents in a date range, in date order."""
    lines = shortage_lines(book, start, end) + incident_lines(book, start, end)
    lines.sort(key=lambda line: (line.date, line.penalty, line.shift or "", line.record))
    return lines
