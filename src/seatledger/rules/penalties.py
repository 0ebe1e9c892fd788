"""Recorded incidents priced by the contract's penalty table (in the seed: 三(一)7 post
abandonment and assessment deductions, 附件1 三–五 fire hazards, 十(2) and 十(3) liquidated
damages). Each penalty carries its own clause; an incident's amount is per unit and its
count multiplies it (rule 7); a percent-of-total penalty is that share of the total."""

from __future__ import annotations

from datetime import date, timedelta

from seatledger.core.i18n import msg
from seatledger.core.money import ZERO, quantize
from seatledger.core.opening import amounts
from seatledger.rules.book import Book
from seatledger.rules.deduction_lines import UNITS, DeductionLine
from seatledger.rules.service_levels import level_lines
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


def opening_lines(book: Book, start: date, end: date) -> list[DeductionLine]:
    """Rule 21: what the opening record brings forward as deducted, one line a penalty, dated
    the day before it and traced to it."""
    opening = book.opening
    if opening is None or not start <= opening.date - timedelta(days=1) <= end:
        return []
    out = []
    for key, amount in amounts(opening.deducted).items():
        p = book.contract.penalties.get(key)
        if p is None or not amount:
            continue  # an unknown key is a problem at its line (checks.opening)
        unit = msg("brought forward from {date}", date=opening.date)
        day = opening.date - timedelta(days=1)
        out.append(
            DeductionLine(
                day, key, p.title, p.clause, 1, unit, amount, amount, opening.id, p.set_off, p.payer
            )
        )
    return out


def deduction_lines(book: Book, start: date, end: date) -> list[DeductionLine]:
    """Seat shortage, incidents, what an opening record brings forward and service levels
    (rule 25), in date order."""
    lines = shortage_lines(book, start, end) + incident_lines(book, start, end)
    lines += opening_lines(book, start, end) + level_lines(book, start, end)
    lines.sort(key=lambda line: (line.date, line.penalty, line.shift or "", line.record))
    return lines
