"""`deduct`: what Party B owes for breaches in a period, seat shortage, incidents and service
levels below target, each line with its penalty (or indicator), clause, date, quantity, rate
and record; fines on persons apart; months without a measured figure listed (rule 25)."""

from __future__ import annotations

from collections import defaultdict
from datetime import date
from decimal import Decimal
from typing import NamedTuple

from seatledger.core.money import ZERO
from seatledger.core.periods import Period
from seatledger.rules.book import Book
from seatledger.rules.deduction_lines import DeductionLine
from seatledger.rules.gaps import Gap, gaps_in
from seatledger.rules.penalties import deduction_lines
from seatledger.rules.service_levels import Missing, missing


class DeductionReport(NamedTuple):
    period: Period
    lines: tuple[DeductionLine, ...]  # set off against payments
    personal_fines: tuple[DeductionLine, ...]  # fines on persons: reported, not deducted
    total: Decimal
    by_penalty: dict[str, Decimal]
    gaps: tuple[Gap, ...]
    unrecorded: tuple[Gap, ...]  # required shifts after the last attendance record
    recorded_to: date | None
    missing: tuple[Missing, ...] = ()  # rule 25: months ended without an indicator's figure

    @property
    def complete(self) -> bool:
        return not self.gaps and not self.unrecorded and not self.missing


def deduct(book: Book, period: Period) -> DeductionReport:
    lines = deduction_lines(book, period.start, period.end)
    counted = tuple(line for line in lines if line.set_off)
    by_penalty: dict[str, Decimal] = defaultdict(lambda: ZERO)
    for line in counted:
        by_penalty[line.penalty] += line.amount
    gaps, unrecorded = gaps_in(book, period.start, period.end)
    return DeductionReport(
        period,
        counted,
        tuple(line for line in lines if not line.set_off),
        sum((line.amount for line in counted), ZERO),
        dict(by_penalty),
        tuple(gaps),
        tuple(unrecorded),
        book.last_attendance,
        tuple(missing(book, period.start, period.end, period.end)),
    )
