"""`settle`: the statement for a period: the opening balance, instalments accrued (九),
deductions by penalty, payments, the closing balance owed by Party A (rule 8) and what it
should pay next (withholding only the undisputed deductions, rule 17), due dates (九, rule 9)
and late-payment interest (十(1), rule 10)."""

from __future__ import annotations

from collections import defaultdict
from datetime import date
from decimal import Decimal
from typing import NamedTuple

from seatledger.core.i18n import Term, msg
from seatledger.core.money import ZERO
from seatledger.core.periods import Period
from seatledger.core.records import Payment
from seatledger.reports.findings import Finding, findings
from seatledger.rules.acceptance import paid_after_acceptance
from seatledger.rules.accruals import Accrual, accruals, instalment_in_force
from seatledger.rules.balance_owed import opening_balance, unopened
from seatledger.rules.book import Book
from seatledger.rules.deduction_lines import DeductionLine
from seatledger.rules.disputes import open_disputes
from seatledger.rules.gaps import Gap, gaps_in
from seatledger.rules.invoices import Coverage, coverage
from seatledger.rules.late_interest import Due, dues, final_due, floor_rate
from seatledger.rules.penalties import deduction_lines
from seatledger.rules.service_levels import Missing, indicator_terms, missing
from seatledger.rules.statutory_due import StatutoryDue, statutory_dues, statutory_findings
from seatledger.rules.termination import accrues


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
    interest_clause: str  # the late-interest clause
    late_interest_at_floor: Decimal | None = None  # rule 20, where the floor applies
    floor_percent: Decimal | None = None
    disputed: tuple[DeductionLine, ...] = ()  # under open dispute at as_of: not withheld
    invoices: tuple[Coverage, ...] = ()  # per instalment: invoiced, paid, documents missing
    titles: dict[str, str] = {}  # penalty key -> its title in the contract, for people
    findings: tuple[Finding, ...] = ()  # beside the figures: uninvoiced payments, documents, notices
    document_titles: dict[str, str] = {}  # payment document key -> its title in the contract
    excuse_titles: dict[str, str] = {}  # late-payment excuse key -> its title in the contract
    brought_forward: tuple[date, str] | None = None  # rule 21: the opening record's day and id
    unopened: tuple[int, ...] = ()  # rule 21: instalments before the ledger's start read unpaid
    statutory: tuple[StatutoryDue, ...] = ()  # rule 23: the latest lawful due dates, for an SME
    missing: tuple[Missing, ...] = ()  # rule 25: months ended without an indicator's figure
    levels: tuple[DeductionLine, ...] = ()  # rule 25: the service-level lines, each traced

    def deduction_item(self, key: str) -> str:
        """A deduction as the statement names it: the penalty's title in the contract, and
        its key."""
        title = self.titles.get(key)
        return (
            msg("- deduction: {key}", key=Term(f"{title} ({key})", title))
            if title
            else msg("- deduction: {key}", key=key)
        )

    @property
    def disputed_total(self) -> Decimal:
        return sum((line.amount for line in self.disputed), ZERO)

    @property
    def accrued(self) -> Decimal:
        return sum((a.amount for a in self.accruals), ZERO)

    @property
    def complete(self) -> bool:
        return not self.gaps and not self.unrecorded and not self.unopened and not self.missing


def settle(
    book: Book,
    period: Period,
    as_of: date | None = None,
    final: bool = False,
    acceptances: dict[int, date] | None = None,
) -> Statement:
    """`acceptances` (instalment -> the day Party A accepted it) stands in for what
    `rules.statutory_due.acceptance_dates` finds in the ledger."""
    as_of = as_of or period.end
    lines = [line for line in deduction_lines(book, period.start, period.end) if line.set_off]
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
    late_floor = None
    if floor_rate(book) is not None:
        late_floor = sum(
            (pd.interest_at_floor or ZERO for d in due_list for pd in d.payments if pd.date in period), ZERO
        )
        late_floor += sum((d.accruing_at_floor or ZERO for d in due_list), ZERO)
    gaps, unrecorded = gaps_in(book, period.start, period.end)
    # Everything deducted so far is in the closing balance; what is under open dispute is not
    # withheld from the next payment (rule 17).
    contested = open_disputes(book, as_of)
    disputed = tuple(
        line
        for line in deduction_lines(book, book.contract.term.start, period.end)
        if line.set_off and line.record in contested
    )
    withheld_back = sum((line.amount for line in disputed), ZERO)
    covered = tuple(coverage(book, period.end, as_of))
    statutory = statutory_dues(book, due_list, as_of, acceptances)
    clock_findings = tuple(Finding(r, m) for r, m in statutory_findings(statutory, period.start, period.end))
    return Statement(
        period=period,
        as_of=as_of,
        opening=opening,
        accruals=accrued,
        deductions=deducted,
        by_penalty=dict(by_penalty),
        payments=payments,
        paid=paid,
        closing=closing,
        next_label=next_label,
        next_amount=next_amount,
        next_payment=next_amount + closing + withheld_back,
        late_interest=late,
        dues=tuple(due_list),
        gaps=tuple(gaps),
        unrecorded=tuple(unrecorded),
        recorded_to=book.last_attendance,
        clauses={k: p.clause for k, p in book.contract.penalties.items()} | indicator_terms(book, "clause"),
        interest_clause=book.contract.late_interest.clause,
        late_interest_at_floor=late_floor,
        floor_percent=floor_rate(book),
        disputed=disputed,
        invoices=covered,
        findings=findings(book, period, as_of, covered) + clock_findings + _unopened_findings(book),
        document_titles=dict(book.contract.payment_documents),
        excuse_titles=dict(book.contract.late_interest.excuses),
        titles={k: p.title for k, p in book.contract.penalties.items()} | indicator_terms(book, "title"),
        brought_forward=_brought_forward(book, period),
        unopened=unopened(book),
        statutory=statutory,
        missing=tuple(missing(book, period.start, period.end, as_of)),
        levels=tuple(line for line in lines if line.level is not None),
    )


def _unopened_findings(book: Book) -> tuple[Finding, ...]:
    return tuple(
        Finding(
            "",
            msg(
                "instalment {instalment} began before the ledger's first day {day} and no opening "
                "record says what was paid of it: it reads as unpaid and the figures are incomplete "
                "(`seatledger record opening`, rule 21)",
                instalment=n,
                day=book.recorded_from,
            ),
        )
        for n in unopened(book)
    )


def _brought_forward(book: Book, period: Period) -> tuple[date, str] | None:
    """The opening record the opening balance starts from, where the period starts on or after
    its day (rule 21)."""
    o = book.opening
    return (o.date, o.id) if o is not None and period.start >= o.date else None


def _next_instalment(book: Book, period: Period) -> tuple[str | None, Decimal]:
    if paid_after_acceptance(book.contract):
        return None, ZERO  # nothing is paid ahead: each quarter after its assessment (rule 26)
    for signed in book.contract.instalments:
        inst, _ = instalment_in_force(book, signed)
        if inst.start > period.end and accrues(inst, book.termination):
            return msg("instalment {number}", number=inst.number), inst.amount
    done = book.completion
    if done is not None and done.date > period.end:
        return msg("final payment"), done.amount
    return None, ZERO
