"""What Party A owes: instalments accrued, deductions, payments, the balance (DOMAIN rule 8),
due dates (rule 9) and late-payment interest (rule 10, clause 十(1))."""

from __future__ import annotations

from collections import defaultdict
from datetime import date, timedelta
from decimal import Decimal
from typing import NamedTuple

from seatledger.core.money import ZERO, quantize
from seatledger.core.periods import Period
from seatledger.core.records import Payment
from seatledger.reports.deductions import Gap, all_lines, gaps_in
from seatledger.rules.book import Book


class Movements(NamedTuple):
    """The money that moves in a date range."""

    accrued: Decimal
    deducted: Decimal
    paid: Decimal

    @property
    def balance(self) -> Decimal:
        return self.accrued - self.deducted - self.paid


class Accrual(NamedTuple):
    label: str  # "instalment 2", or "final payment"
    date: date
    amount: Decimal
    clause: str


def accruals(book: Book, start: date, end: date) -> list[Accrual]:
    """Instalment n accrues on its period's first day; the final payment when its completion
    is confirmed, at the confirmed (gross) amount."""
    out = [Accrual(f"instalment {i.number}", i.start, i.amount, i.clause)
           for i in book.contract.instalments if start <= i.start <= end]
    done = book.completion
    if done is not None and start <= done.date <= end:
        out.append(Accrual("final payment", done.date, done.amount,
                           book.contract.final_payment.clause))
    return out


def movements(book: Book, start: date, end: date) -> Movements:
    accrued = sum((a.amount for a in accruals(book, start, end)), ZERO)
    deducted = sum((line.amount for line in all_lines(book, start, end) if line.set_off), ZERO)
    paid = sum((p.amount for p in book.payments if start <= p.date <= end), ZERO)
    return Movements(accrued, deducted, paid)


def opening_balance(book: Book, start: date) -> Decimal:
    first = book.contract.term.start
    if start <= first:
        return ZERO
    return movements(book, first, start - timedelta(days=1)).balance


# -- due dates and interest ------------------------------------------------------------------


class PaymentDue(NamedTuple):
    date: date
    amount: Decimal
    days_late: int
    interest: Decimal
    excused: str | None
    record: str


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


def annual_rate(book: Book, day: date) -> Decimal:
    """The rate in force on `day`, from the contract's dated table (DOMAIN rule 10)."""
    rate = ZERO
    for r in book.contract.late_interest.rates:
        if r.since <= day:
            rate = r.annual_percent
    return rate


def interest(book: Book, amount: Decimal, due: date, days: int) -> Decimal:
    basis = book.contract.late_interest.day_basis
    return quantize(amount * annual_rate(book, due) / 100 * days / basis)


def due_date(book: Book, number: int) -> tuple[date | None, date | None]:
    """(requested, due) for an instalment: 15 working days after Party A receives the request,
    a request received before the period begins counting from its first day (rule 9)."""
    c = book.contract
    inst = c.instalment(number)
    requests = sorted(r.date for r in book.requests if r.instalment == number)
    if inst is None or not requests or inst.due_working_days is None:
        return (requests[0] if requests else None), None
    received = requests[0]
    counted = max(received, inst.start) if c.settings.early_request_counts_from_period_start \
        else received
    return received, book.calendar.add_working_days(counted, inst.due_working_days)


def _due_entry(book: Book, key: int | str, amount: Decimal | None, requested: date | None,
               due: date | None, as_of: date) -> Due:
    payments = [p for p in book.payments if p.instalment == key and p.date <= as_of]
    lines = tuple(_payment_due(book, p, due) for p in payments)
    paid = sum((p.amount for p in payments), ZERO)
    unpaid = (amount - paid) if amount is not None else ZERO
    accruing = ZERO
    days_late = 0
    if due is not None and unpaid > 0 and as_of > due:
        days_late = (as_of - due).days
        accruing = interest(book, unpaid, due, days_late)
    elif lines and amount is not None and unpaid <= 0:
        days_late = lines[-1].days_late
    return Due(key, amount, requested, due, paid, lines, days_late,
               sum((p.interest for p in lines), ZERO), accruing)


def _payment_due(book: Book, p: Payment, due: date | None) -> PaymentDue:
    late = max(0, (p.date - due).days) if due is not None else 0
    charged = ZERO if (p.excused or not late or due is None) else interest(book, p.amount, due, late)
    return PaymentDue(p.date, p.amount, late, charged, p.excused, p.id)


def dues(book: Book, period_end: date, as_of: date) -> list[Due]:
    out = []
    for inst in book.contract.instalments:
        if inst.start <= period_end:
            requested, due = due_date(book, inst.number)
            out.append(_due_entry(book, inst.number, inst.amount, requested, due, as_of))
    return out


def final_due(book: Book, as_of: date) -> Due:
    fp = book.contract.final_payment
    done = book.completion if book.completion and book.completion.date <= as_of else None
    due = (book.calendar.add_working_days(done.date, fp.due_working_days)
           if done is not None and fp.due_working_days is not None else None)
    return _due_entry(book, "final", done.amount if done else None,
                      done.date if done else None, due, as_of)


# -- the statement ---------------------------------------------------------------------------


class Statement(NamedTuple):
    period: Period
    as_of: date
    opening: Decimal
    accruals: tuple[Accrual, ...]
    deductions: Decimal
    by_penalty: dict[str, Decimal]
    payments: tuple[Payment, ...]
    paid: Decimal
    closing: Decimal
    next_label: str | None
    next_amount: Decimal
    next_payment: Decimal
    late_interest: Decimal
    dues: tuple[Due, ...]
    gaps: tuple[Gap, ...]
    unrecorded: tuple[Gap, ...]
    recorded_to: date | None
    clauses: dict[str, str]  # penalty key -> its clause, for the deduction lines

    @property
    def accrued(self) -> Decimal:
        return sum((a.amount for a in self.accruals), ZERO)

    @property
    def complete(self) -> bool:
        return not self.gaps and not self.unrecorded


def settle(book: Book, period: Period, as_of: date | None = None,
           final: bool = False) -> Statement:
    as_of = as_of or period.end
    lines = [line for line in all_lines(book, period.start, period.end) if line.set_off]
    by_penalty: dict[str, Decimal] = defaultdict(lambda: ZERO)
    for line in lines:
        by_penalty[line.penalty] += line.amount
    deducted = sum(by_penalty.values(), ZERO)
    payments = tuple(p for p in book.payments if p.date in period)
    paid = sum((p.amount for p in payments), ZERO)
    opening = opening_balance(book, period.start)
    accrued = tuple(accruals(book, period.start, period.end))
    closing = opening + sum((a.amount for a in accrued), ZERO) - deducted - paid
    due_list = dues(book, period.end, as_of)
    if final or period.end >= book.contract.term.end:
        due_list.append(final_due(book, as_of))
    next_label, next_amount = _next_instalment(book, period)
    late = sum((pd.interest for d in due_list for pd in d.payments if pd.date in period), ZERO)
    late += sum((d.accruing for d in due_list), ZERO)
    gaps, unrecorded = gaps_in(book, period.start, period.end)
    return Statement(period, as_of, opening, accrued, deducted, dict(by_penalty), payments, paid,
                     closing, next_label, next_amount, next_amount + closing, late,
                     tuple(due_list), tuple(gaps), tuple(unrecorded), book.last_attendance,
                     {k: p.clause for k, p in book.contract.penalties.items()})


def _next_instalment(book: Book, period: Period) -> tuple[str | None, Decimal]:
    for inst in book.contract.instalments:
        if inst.start > period.end:
            return f"instalment {inst.number}", inst.amount
    done = book.completion
    if done is not None and done.date > period.end:
        return "final payment", done.amount
    return None, ZERO
