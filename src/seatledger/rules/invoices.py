"""Invoices and the documents that are the basis for payment, 九 and 八 in the seed contract
(rule 15). Before each payment, the invoices recorded for its instalment up to and including
the payment's date must total at least what has been paid on it so far, that payment
included; what is not covered is a finding on the payment. The documents each instalment
needs are listed in the contract; those not received are listed for each instalment whose
payment request has been received. Neither moves a due date."""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from typing import NamedTuple

from seatledger.core.money import ZERO
from seatledger.core.records import Payment
from seatledger.rules.book import Book


class Uncovered(NamedTuple):
    payment: Payment
    amount: Decimal  # paid without an invoice covering it
    invoiced: Decimal  # by the payment's date
    paid: Decimal  # by the payment's date, this payment included


class Coverage(NamedTuple):
    instalment: int | str
    invoiced: Decimal
    paid: Decimal
    uninvoiced: Decimal  # paid and not yet invoiced, at the as-of date
    missing_documents: tuple[str, ...]


def uncovered_payments(book: Book) -> list[Uncovered]:
    out = []
    paid: dict[int | str, Decimal] = {}
    for p in sorted(book.payments, key=lambda p: p.date):
        paid[p.instalment] = paid.get(p.instalment, ZERO) + p.amount
        invoiced = sum(
            (i.amount for i in book.invoices if i.instalment == p.instalment and i.date <= p.date), ZERO
        )
        short = min(p.amount, paid[p.instalment] - invoiced)
        if short > 0:
            out.append(Uncovered(p, short, invoiced, paid[p.instalment]))
    return out


def coverage(book: Book, period_end: date, as_of: date) -> list[Coverage]:
    """Each instalment whose period has begun by `period_end`, as of `as_of`."""
    out = []
    requested = {r.instalment for r in book.requests if r.date <= as_of}
    for inst in book.contract.instalments:
        if inst.start > period_end:
            continue
        invoiced = sum(
            (i.amount for i in book.invoices if i.instalment == inst.number and i.date <= as_of), ZERO
        )
        paid = sum((p.amount for p in book.payments if p.instalment == inst.number and p.date <= as_of), ZERO)
        received = {d.document for d in book.documents if d.instalment == inst.number and d.date <= as_of}
        missing = (
            tuple(k for k in book.contract.documents_for(inst) if k not in received)
            if inst.number in requested
            else ()
        )
        out.append(Coverage(inst.number, invoiced, paid, max(ZERO, paid - invoiced), missing))
    return out
