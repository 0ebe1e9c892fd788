"""When money falls due to Party B, 九 in the seed contract (rule 8): instalment n accrues on
the first day of its period; the final payment (尾款) when its completion is confirmed, at the
confirmed gross amount. A termination stops later instalments and reverses the unserved part
of the one in course (rule 14)."""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from typing import NamedTuple

from seatledger.core.amendments import terms_on
from seatledger.core.contract import Instalment
from seatledger.core.i18n import msg
from seatledger.rules.book import Book
from seatledger.rules.pay_factor import label, reductions
from seatledger.rules.termination import accrues, reversal


class Accrual(NamedTuple):
    label: str  # "instalment 2", or "final payment"
    date: date
    amount: Decimal
    clause: str
    amendment: str | None = None  # the supplementary contract its amount comes from


def instalment_in_force(book: Book, inst: Instalment) -> tuple[Instalment, str | None]:
    """An instalment as the terms in force on its period's first day set it (rule 16)."""
    terms = terms_on(book.contract, inst.start)
    return terms.contract.instalment(inst.number) or inst, terms.amendment


def accruals(book: Book, start: date, end: date) -> list[Accrual]:
    ended = book.termination
    out = []
    for signed in book.contract.instalments:
        i, amendment = instalment_in_force(book, signed)
        if start <= i.start <= end and accrues(i, ended):
            out.append(
                Accrual(msg("instalment {number}", number=i.number), i.start, i.amount, i.clause, amendment)
            )
    for signed in book.contract.instalments:
        i, _ = instalment_in_force(book, signed)
        back = reversal(book.contract, book.calendar, i, ended)
        if back is not None and ended is not None and start <= ended.date <= end:
            out.append(
                Accrual(
                    msg(
                        "instalment {number} reversed for the unserved part {date}..{end} (termination {id})",
                        number=i.number,
                        date=ended.date,
                        end=i.end,
                        id=ended.id,
                    ),
                    ended.date,
                    -back,
                    ended.clause,
                )
            )
    out += [Accrual(label(s), s.quarter.end, -s.reduction, s.clause) for s in reductions(book, start, end)]
    done = book.completion
    final = book.contract.final_payment  # a completion without one is refused by the checks
    if done is not None and final is not None and start <= done.date <= end:
        out.append(Accrual(msg("final payment"), done.date, done.amount, final.clause))
    return out
