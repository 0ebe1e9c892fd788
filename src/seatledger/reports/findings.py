"""The findings beside a statement's figures (rule 13): what touches the period without making
its figures wrong — a payment in it that no invoice covered, an instalment still missing a
document that is a basis for payment, a notice to cure still open or past its cure-by date at
the as-of date, a contract term the statutory payment clock does not allow over the period
(rule 23). `check` lists them too; a statement shows them next to the money they touch."""

from __future__ import annotations

from datetime import date
from typing import NamedTuple

from seatledger.core.i18n import Msg, Term, msg
from seatledger.core.money import fmt
from seatledger.core.periods import Period
from seatledger.reports.notices import notices
from seatledger.rules.acceptance import late_acceptances
from seatledger.rules.book import Book
from seatledger.rules.invoices import Coverage, uncovered_payments
from seatledger.rules.pay_factor import low_scores
from seatledger.rules.payment_law import law_findings
from seatledger.rules.service_levels import missing


def titled(book: Book, keys: tuple[str, ...]) -> Term:
    """Documents as the contract names them: its title, with the key beside it (Chinese text
    shows the title alone)."""
    names = book.contract.payment_documents
    keyed = "、".join(f"{names[k]}（{k}）" if names.get(k) else k for k in keys)
    return Term(keyed, "、".join(names.get(k) or k for k in keys))


class Finding(NamedTuple):
    record: str  # the record it touches ("" for an instalment)
    message: Msg


def findings(book: Book, period: Period, as_of: date, covered: tuple[Coverage, ...]) -> tuple[Finding, ...]:
    out = [
        Finding(
            u.payment.id,
            msg(
                "{date}: paid {amount} on instalment {instalment} without an invoice covering it "
                "(invoiced {amount2} by then; rule 15)",
                date=u.payment.date,
                amount=fmt(u.amount),
                instalment=u.payment.instalment,
                amount2=fmt(u.invoiced),
            ),
        )
        for u in uncovered_payments(book)
        if period.start <= u.payment.date <= period.end
    ]
    out += [
        Finding(
            "",
            msg(
                "instalment {instalment}: missing {documents} (rule 15)",
                instalment=c.instalment,
                documents=titled(book, c.missing_documents),
            ),
        )
        for c in covered
        if c.missing_documents
    ]
    out += [
        Finding(
            line.id,
            msg("notice {id} ({clause}): {detail}", id=line.id, clause=line.clause, detail=line.detail),
        )
        for line in notices(book, as_of).lines
        if line.status not in ("cured", "terminated")
    ]
    out += [
        Finding("", msg("{month}: no {indicator} measured ({clause}): the figures are incomplete (rule 25)",
                        month=m.month, indicator=Term(m.indicator, m.title or m.indicator), clause=m.clause))
        for m in missing(book, period.start, period.end, as_of)
    ]  # fmt: skip
    out += [Finding(rid, found) for rid, found in low_scores(book, period.start, period.end)]
    out += [Finding(rid, found) for rid, found in late_acceptances(book, period.start, period.end, as_of)]
    out += [
        Finding("", f.message)
        for f in law_findings(book.contract)
        if f.start <= period.end and f.end >= period.start
    ]
    return tuple(out)
