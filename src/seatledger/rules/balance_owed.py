"""The balance owed by Party A (rule 8): accrued instalments − deductions set off − payments
received. Negative means Party B was overpaid."""

from __future__ import annotations

from datetime import date, timedelta
from decimal import Decimal
from typing import NamedTuple

from seatledger.core.money import ZERO
from seatledger.rules.accruals import accruals, instalment_in_force
from seatledger.rules.book import Book
from seatledger.rules.penalties import deduction_lines


class Movements(NamedTuple):
    """The money that moves in a date range."""

    accrued: Decimal
    deducted: Decimal
    paid: Decimal

    @property
    def balance(self) -> Decimal:
        return self.accrued - self.deducted - self.paid


def movements(book: Book, start: date, end: date) -> Movements:
    accrued = sum((a.amount for a in accruals(book, start, end)), ZERO)
    deducted = sum((line.amount for line in deduction_lines(book, start, end) if line.set_off), ZERO)
    paid = sum((p.amount for p in book.payments if start <= p.date <= end), ZERO)
    return Movements(accrued, deducted, paid)


def opening_balance(book: Book, start: date) -> Decimal:
    first = book.contract.term.start
    if start <= first:
        return ZERO
    return movements(book, first, start - timedelta(days=1)).balance


def unopened(book: Book) -> tuple[int, ...]:
    """Rule 21: the instalments that began before a mid-term ledger's first day and read as
    not wholly paid, where no opening record says what stood on that day."""
    if book.opening is not None or book.recorded_from <= book.contract.term.start:
        return ()
    out = []
    for signed in book.contract.instalments:
        inst, _ = instalment_in_force(book, signed)
        if inst.start < book.recorded_from:
            paid = sum((p.amount for p in book.payments if p.instalment == inst.number), ZERO)
            if paid < inst.amount:
                out.append(inst.number)
    return tuple(out)
