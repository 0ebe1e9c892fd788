"""Rule 26: Party A's quarterly assessment is the acceptance that starts the payment clock,
where the contract says so (`service_levels.assessment_is_acceptance`, and `payment.counted_from:
acceptance`): the quarter's payment falls due `payment.days_after` calendar days after it.
Where the contract agrees a period for the acceptance (`payment.acceptance_days` after the
quarter's end, the one term rule 23's clock reads too), a later assessment, or none, starts
the clock when that period ends (保障中小企业款项支付条例: a buyer who delays acceptance), a
finding that cites the payment-term article of the text in force on that day (rule 23).
Nothing is paid ahead of the service."""

from __future__ import annotations

from datetime import date, timedelta

from seatledger.core.contract import Contract, Instalment
from seatledger.core.i18n import Msg, msg
from seatledger.core.records import Assessment
from seatledger.rules.book import Book
from seatledger.rules.pay_factor import scored
from seatledger.rules.payment_law import article


def paid_after_acceptance(c: Contract) -> bool:
    levels, p = c.service_levels, c.payment
    return bool(levels and levels.assessment_is_acceptance and p and p.counted_from == "acceptance")


def acceptance(book: Book, inst: Instalment) -> Assessment | None:
    """The assessment of the instalment's period, where it is the acceptance."""
    if not paid_after_acceptance(book.contract):
        return None
    return next((s.assessment for s in scored(book) if s.fee.number == inst.number), None)


def deadline(c: Contract, inst: Instalment) -> date | None:
    """The last day of the agreed assessment period, where the contract agrees one."""
    within = c.payment.acceptance_days if c.payment else None
    return inst.end + timedelta(days=within) if within is not None else None


def due_after_acceptance(book: Book, inst: Instalment) -> tuple[date, date] | None:
    """(the day the clock starts, due) where the contract counts its payment from acceptance."""
    c, p = book.contract, book.contract.payment
    if not paid_after_acceptance(c) or p is None or p.days_after is None:
        return None
    found, last = acceptance(book, inst), deadline(c, inst)
    start = found.date if found is not None else None
    if last is not None and (start is None or start > last):
        start = last
    return (start, start + timedelta(days=p.days_after)) if start is not None else None


def late_acceptances(book: Book, start: date, end: date, as_of: date) -> list[tuple[str, Msg]]:
    """(assessment id or "", finding) for each instalment whose agreed assessment period ended
    in `start..end` by `as_of` with no assessment by then."""
    out: list[tuple[str, Msg]] = []
    for inst in book.contract.instalments:
        last = deadline(book.contract, inst)
        if last is None or not start <= last <= end or last >= as_of:
            continue
        found = acceptance(book, inst)
        if found is not None and found.date <= last:
            continue
        out.append((found.id if found else "", _late(inst, last, found)))
    return out


def _late(inst: Instalment, last: date, found: Assessment | None) -> Msg:
    return msg(
        "instalment {number}: no assessment by {date}, the end of the agreed assessment period "
        "(assessed: {when}); the payment clock started on that day ({citation}; rule 26)",
        number=inst.number,
        date=last,
        when=found.date if found is not None else msg("none recorded"),
        citation=article("payment-term", last) or "",
    )
