"""The balance owed by Party A over any period, and a running table by month or quarter
from the term's start (rule 8: accrued - deducted - paid)."""

from __future__ import annotations

from decimal import Decimal
from typing import NamedTuple

from seatledger.core.periods import Period, months_of, quarters_of
from seatledger.rules.balance_owed import movements, opening_balance, unopened
from seatledger.rules.book import Book
from seatledger.rules.gaps import gaps_in
from seatledger.rules.service_levels import missing


class BalanceRow(NamedTuple):
    period: Period
    accrued: Decimal
    deducted: Decimal
    paid: Decimal
    balance: Decimal
    running: Decimal  # the balance owed at the row's end, from the term's start
    complete: bool


def row(book: Book, period: Period, opening: Decimal) -> BalanceRow:
    m = movements(book, period.start, period.end)
    gaps, unrecorded = gaps_in(book, period.start, period.end)
    # Rule 21: before a mid-term ledger's first day, an instalment with no payment recorded and
    # no opening record reads as unpaid: not a figure to trust.
    unknown = period.start < book.recorded_from and bool(unopened(book))
    # Rule 25: a month ended without a service level's figure is not a figure to trust either.
    return BalanceRow(
        period,
        m.accrued,
        m.deducted,
        m.paid,
        m.balance,
        opening + m.balance,
        not (gaps or unrecorded or unknown or missing(book, period.start, period.end, period.end)),
    )


def balance(book: Book, period: Period, by: str | None = None) -> list[BalanceRow]:
    """One row for the period, or with `by` one row per month or quarter from the term's
    start to the period's end."""
    if by is None:
        return [row(book, period, opening_balance(book, period.start))]
    start = book.contract.term.start
    if by == "month":
        parts = list(months_of(start, period.end))
    else:
        parts = [q for q in quarters_of(book.contract) if q.start <= period.end]
        extra = [m for m in months_of(start, period.end) if m.start > book.contract.term.end]
        parts += extra  # after the term, where only payments fall, months will do
    rows: list[BalanceRow] = []
    for p in parts:
        r = row(
            book,
            Period(p.label, max(p.start, start), min(p.end, period.end)),
            rows[-1].running if rows else Decimal(0),
        )
        rows.append(r)
    return rows
