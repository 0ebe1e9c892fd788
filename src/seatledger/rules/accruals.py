"""When money falls due to Party B, 九 in the seed contract (rule 8): instalment n accrues on
the first day of its period; the final payment (尾款) when its completion is confirmed, at the
confirmed gross amount. A termination stops later instalments and reverses the unserved part
of the one in course (rule 14)."""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from typing import NamedTuple

from seatledger.rules.book import Book
from seatledger.rules.termination import accrues, reversal


class Accrual(NamedTuple):
    label: str  # "instalment 2", or "final payment"
    date: date
    amount: Decimal
    clause: str


def accruals(book: Book, start: date, end: date) -> list[Accrual]:
    ended = book.termination
    out = [Accrual(f"instalment {i.number}", i.start, i.amount, i.clause)
           for i in book.contract.instalments
           if start <= i.start <= end and accrues(i, ended)]
    for i in book.contract.instalments:
        back = reversal(book.contract, book.calendar, i, ended)
        if back is not None and ended is not None and start <= ended.date <= end:
            out.append(Accrual(f"instalment {i.number} reversed for the unserved part "
                               f"{ended.date}..{i.end} (termination {ended.id})", ended.date,
                               -back, ended.clause))
    done = book.completion
    if done is not None and start <= done.date <= end:
        out.append(Accrual("final payment", done.date, done.amount,
                           book.contract.final_payment.clause))
    return out
