"""When money falls due to Party B, 九 in the seed contract (rule 8): instalment n accrues on
the first day of its period; the final payment (尾款) when its completion is confirmed, at the
confirmed gross amount."""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from typing import NamedTuple

from seatledger.rules.book import Book


class Accrual(NamedTuple):
    label: str  # "instalment 2", or "final payment"
    date: date
    amount: Decimal
    clause: str


def accruals(book: Book, start: date, end: date) -> list[Accrual]:
    out = [Accrual(f"instalment {i.number}", i.start, i.amount, i.clause)
           for i in book.contract.instalments if start <= i.start <= end]
    done = book.completion
    if done is not None and start <= done.date <= end:
        out.append(Accrual("final payment", done.date, done.amount,
                           book.contract.final_payment.clause))
    return out
