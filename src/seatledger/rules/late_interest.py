"""Late-payment interest, 十(1) in the seed contract (rule 10): on each payment made after its
due date, amount × the rate in force on the due date (the contract's dated table) × days late
/ the day basis, rounded per payment. What is still unpaid past its due date accrues interest
up to the as-of date. An excused payment is charged nothing.

Where Party B is a small or medium enterprise, the agreed rate may not be below the one-year
LPR at signing (rule 20, 保障中小企业款项支付条例 art. 15, art. 17 from 2025-06-01, rule 23):
every interest figure is then also computed at that floor, and shown beside the agreed one."""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from typing import NamedTuple

from seatledger.core.contract import Rate
from seatledger.core.money import ZERO, quantize
from seatledger.core.records import Payment
from seatledger.rules.accruals import instalment_in_force
from seatledger.rules.book import Book
from seatledger.rules.due_dates import due_date, final_due_date
from seatledger.rules.pay_factor import scored
from seatledger.rules.termination import accrues, reversal


class PaymentDue(NamedTuple):
    date: date
    amount: Decimal
    days_late: int
    interest: Decimal
    excused: str | None
    record: str
    interest_at_floor: Decimal | None = None  # rule 20, where the floor applies


class Due(NamedTuple):
    instalment: int | str
    amount: Decimal | None  # None: the final payment before its completion is confirmed
    requested: date | None  # the day Party A received the request
    due: date | None
    paid: Decimal
    payments: tuple[PaymentDue, ...]
    days_late: int
    interest: Decimal  # charged on the payments made late
    accruing: Decimal  # on what is still unpaid past the due date, up to the as-of date
    interest_at_floor: Decimal | None = None
    accruing_at_floor: Decimal | None = None


def annual_rate(book: Book, day: date) -> Decimal:
    """The rate in force on `day`."""
    return rate_on(book.contract.late_interest.rates, day)


def rate_on(rates: tuple[Rate, ...], day: date) -> Decimal:
    """The annual percent of the contract's dated table in force on `day` (also for the page)."""
    rate = ZERO
    for r in rates:
        if r.since <= day:
            rate = r.annual_percent
    return rate


def floor_rate(book: Book) -> Decimal | None:
    """The statutory floor of the rate, where Party B is a small or medium enterprise."""
    li = book.contract.late_interest
    return li.lpr_at_signing if book.contract.parties.b.sme else None


def interest(book: Book, amount: Decimal, due: date, days: int) -> Decimal:
    """At the rate in force on the due date."""
    return at_rate(book, amount, days, annual_rate(book, due))


def at_floor(book: Book, amount: Decimal, due: date, days: int, floor: Decimal) -> Decimal:
    """At the statutory floor, or at the agreed rate where that is higher (rule 20)."""
    return at_rate(book, amount, days, max(floor, annual_rate(book, due)))


def at_rate(book: Book, amount: Decimal, days: int, percent: Decimal) -> Decimal:
    return quantize(amount * percent / 100 * days / book.contract.late_interest.day_basis)


def _due_entry(
    book: Book, key: int | str, amount: Decimal | None, requested: date | None, due: date | None, as_of: date
) -> Due:
    payments = [p for p in book.payments if p.instalment == key and p.date <= as_of]
    lines = tuple(_payment_due(book, p, due) for p in payments)
    paid = sum((p.amount for p in payments), ZERO)
    unpaid = (amount - paid) if amount is not None else ZERO
    accruing = ZERO
    days_late = 0
    floor = floor_rate(book)
    accruing_floor: Decimal | None = None  # shown as 0.00 where the floor applies
    if due is not None and unpaid > 0 and as_of > due:
        days_late = (as_of - due).days
        accruing = interest(book, unpaid, due, days_late)
        if floor is not None:
            accruing_floor = at_floor(book, unpaid, due, days_late, floor)
    elif lines and amount is not None and unpaid <= 0:
        days_late = lines[-1].days_late
    floored = sum((p.interest_at_floor or ZERO for p in lines), ZERO) if floor is not None else None
    return Due(
        key,
        amount,
        requested,
        due,
        paid,
        lines,
        days_late,
        sum((p.interest for p in lines), ZERO),
        accruing,
        floored,
        accruing_floor,
    )


def _payment_due(book: Book, p: Payment, due: date | None) -> PaymentDue:
    late = max(0, (p.date - due).days) if due is not None else 0
    charged = ZERO if (p.excused or not late or due is None) else interest(book, p.amount, due, late)
    floor = floor_rate(book)
    floored = None
    if floor is not None:
        floored = (
            ZERO if (p.excused or not late or due is None) else at_floor(book, p.amount, due, late, floor)
        )
    return PaymentDue(p.date, p.amount, late, charged, p.excused, p.id, floored)


def dues(book: Book, period_end: date, as_of: date) -> list[Due]:
    """Each instalment whose period has begun by `period_end`, with its payments to `as_of`."""
    out = []
    ended = book.termination
    for signed in book.contract.instalments:
        inst, _ = instalment_in_force(book, signed)
        if inst.start <= period_end and accrues(inst, ended):
            requested, due = due_date(book, inst.number)
            amount = inst.amount - (reversal(book.contract, book.calendar, inst, ended) or ZERO)
            amount -= sum((s.reduction for s in scored(book) if s.fee.number == inst.number), ZERO)
            out.append(_due_entry(book, inst.number, amount, requested, due, as_of))
    return out


def final_due(book: Book, as_of: date) -> Due:
    done = book.completion if book.completion and book.completion.date <= as_of else None
    return _due_entry(
        book,
        "final",
        done.amount if done else None,
        done.date if done else None,
        final_due_date(book, done),
        as_of,
    )
