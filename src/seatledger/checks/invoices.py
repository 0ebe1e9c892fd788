"""Invoices (rule 15): a payment not covered by the invoices recorded before it is a finding;
invoicing more than an instalment's amount is a problem; a document is one the contract
lists."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from decimal import Decimal

from seatledger.checks.problem import problem
from seatledger.core.amendments import terms_on
from seatledger.core.contract import Contract
from seatledger.core.errors import Problem
from seatledger.core.i18n import msg
from seatledger.core.money import fmt
from seatledger.core.records import Completion, Document, Invoice, Record
from seatledger.core.titles import listed, titles
from seatledger.rules.book import Book
from seatledger.rules.invoices import uncovered_payments


def invoice_findings(book: Book) -> list[Problem]:
    return [
        problem(
            u.payment,
            "amount",
            msg(
                "paid {amount} without an invoice covering it: instalment {instalment} "
                "was invoiced {amount2} and paid {amount3} by {date} (an invoice comes "
                "before each payment)",
                amount=fmt(u.amount),
                instalment=u.payment.instalment,
                amount2=fmt(u.invoiced),
                amount3=fmt(u.paid),
                date=u.payment.date,
            ),
        )._replace(severity="warning", code="uninvoiced")
        for u in uncovered_payments(book)
    ]


def invoice_problems(c: Contract, live: Sequence[Record]) -> list[Problem]:
    out = []
    invoiced: dict[int | str, Decimal] = defaultdict(Decimal)
    confirmed = next((r.amount for r in live if isinstance(r, Completion)), None)
    for r in sorted((r for r in live if isinstance(r, Invoice)), key=lambda r: r.date):
        invoiced[r.instalment] += r.amount
        signed = c.instalment(r.instalment) if isinstance(r.instalment, int) else None
        inst = terms_on(c, signed.start).contract.instalment(signed.number) if signed else None
        limit = inst.amount if inst is not None else confirmed
        if limit is not None and invoiced[r.instalment] > limit:
            out.append(
                problem(
                    r,
                    "amount",
                    msg(
                        "invoices for instalment {instalment} come to {amount}, more than its {amount2}",
                        instalment=r.instalment,
                        amount=fmt(invoiced[r.instalment]),
                        amount2=fmt(limit),
                    ),
                )
            )
    for d in live:
        if isinstance(d, Document) and d.document not in c.payment_documents:
            valid = listed(titles(c, "document")) or "none"
            out.append(
                problem(
                    d,
                    "document",
                    msg(
                        "{document!r} is not a document the contract lists as a basis for "
                        "payment (valid: {valid})",
                        document=d.document,
                        valid=valid,
                    ),
                )
            )
    return out
