"""The contract: the typed value of `contracts/<id>.yaml`.

NamedTuples that pydantic validates (`read.contract_file`), cheap to define on every command
and refusing unknown keys by default. Field-level rules (types, ranges, unknown keys) live in
the annotations; the rules that span fields (sums, capitals, periods) are
`read.contract_checks`, which return every problem rather than the first.
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from typing import Literal, NamedTuple

from seatledger.core.choices import Degree
from seatledger.core.contract_types import Count, Day, Key, Money, Percent, Positive, Ratio, Text
from seatledger.core.service_terms import ServiceLevels

Basis = Literal["per-person-shift", "per-occurrence", "per-case", "percent-of-total"]
Window = Literal["day", "iso-week", "month", "half-term", "rolling-months"]


class Party(NamedTuple):
    name: Text
    address: str | None = None
    sme: bool | None = None  # a small or medium enterprise (rule 20); None: not known


class Parties(NamedTuple):
    a: Party
    b: Party


class Term(NamedTuple):
    start: Day
    end: Day
    clause: Text


class CostLine(NamedTuple):
    key: Key
    title: Text
    amount: Money


class Instalment(NamedTuple):
    number: Positive
    start: Day
    end: Day
    amount: Money
    capitals: Text
    clause: Text
    due_working_days: Positive | None = None
    due_note: str | None = None
    documents: tuple[Key, ...] | None = None  # basis for payment (八); None: all the contract's


class FinalPayment(NamedTuple):
    cap: Money
    capitals: Text
    clause: Text
    due_working_days: Positive | None = None


class PaymentTerms(NamedTuple):
    """When Party A pays, as the statutory payment clock reads it (rule 23)."""

    clause: Text
    days_after: Positive | None = None  # calendar days from delivery, or from acceptance
    counted_from: Literal["delivery", "acceptance"] = "delivery"
    acceptance_days: Positive | None = None  # the agreed acceptance period, from delivery
    depends_on_audit: bool = False  # settlement waits for an audit result


class DegreeQuota(NamedTuple):
    min_degree: Degree
    ratio: Ratio
    clause: Text


class Management(NamedTuple):
    project_managers: Count
    team_leaders: Count
    clause: Text
    change_clause: Text  # Party A's written consent before a manager changes


class Replacement(NamedTuple):
    """Party A may ask for a person to be replaced; Party B replaces them within this window."""

    within_months: Positive
    clause: Text


class Group(NamedTuple):
    key: Key
    name: Text


class Staffing(NamedTuple):
    seats: Positive
    seats_clause: Text
    degree_quota: DegreeQuota
    management: Management
    groups: tuple[Group, ...]
    groups_clause: Text
    replacement: Replacement


class Penalty(NamedTuple):
    title: Text
    basis: Basis
    payer: Literal["company", "person"]
    set_off: bool
    clause: Text
    amount: Money | None = None
    min: Money | None = None
    max: Money | None = None
    percent: Percent | None = None
    computed: bool = False  # priced from attendance, never recorded as an incident (rule 5)
    bars_staff: bool = False  # the persons an incident names must leave the roster that day
    note: str | None = None


class Obligation(NamedTuple):
    title: Text
    window: Window
    required: Positive
    clause: Text
    months: Positive | None = None  # the length of a rolling-months window


class Rate(NamedTuple):
    since: Day
    annual_percent: Percent


class LateInterest(NamedTuple):
    clause: Text
    day_basis: Positive
    rates: tuple[Rate, ...]
    excuses: dict[Key, Text]
    lpr_at_signing: Percent | None = None  # the one-year Loan Prime Rate when signed (rule 20)


class Ground(NamedTuple):
    """A clause under which Party A may end the service (rule 14)."""

    clause: Text
    title: Text
    needs_notice: bool  # only after a written notice to cure whose cure-by date has passed


class TerminationTerms(NamedTuple):
    grounds: tuple[Ground, ...]
    basis: Literal["calendar-days", "working-days"] = "calendar-days"


class PenaltyChange(NamedTuple):
    amount: Money | None = None
    min: Money | None = None
    max: Money | None = None
    percent: Percent | None = None


class InstalmentChange(NamedTuple):
    amount: Money
    capitals: Text


class FinalPaymentChange(NamedTuple):
    cap: Money
    capitals: Text


class Changes(NamedTuple):
    """What a supplementary contract changes; anything left out stays as it was."""

    seats: Positive | None = None
    degree_quota: DegreeQuota | None = None
    obligations: dict[Key, Obligation] = {}  # a duty replaced, or added, from the date
    penalties: dict[Key, PenaltyChange] = {}
    instalments: dict[Positive, InstalmentChange] = {}
    total: Money | None = None
    total_capitals: Text | None = None
    final_payment: FinalPaymentChange | None = None
    breakdown: tuple[CostLine, ...] | None = None  # restated whole, beside a changed total
    service_levels: ServiceLevels | None = None  # restated whole (rules 25, 26)


class Amendment(NamedTuple):
    """A supplementary contract signed by both parties (十二3), part of the contract from its
    effective date (rule 16)."""

    id: Key
    reference: Text
    signed: Day
    changes: Changes
    effective: Day | None = None  # default: the day it is signed

    @property
    def starts(self) -> date:
        return self.effective or self.signed


class Settings(NamedTuple):
    """Readings one party could contest (docs/rules.md says which); each setting names its rule.
    The two seat readings are required where the contract has staffing (the cross-checks say
    so) and mean nothing without it."""

    early_request_counts_from_period_start: bool
    headcount_includes_management: bool | None = None
    shortage_basis: Literal["presence", "vacancy", "per-day"] | None = None


class CalendarOverride(NamedTuple):
    date: Day
    working: bool
    note: Text


class Contract(NamedTuple):
    id: Key
    title: Text
    parties: Parties
    term: Term
    total: Money
    total_capitals: Text
    total_clause: Text
    breakdown: tuple[CostLine, ...]
    instalments: tuple[Instalment, ...]
    late_interest: LateInterest
    settings: Settings
    # A contract paid for service, not seats, has no staffing, no seat-priced penalties, no
    # counted duties and no final payment (issue 25); a seat contract has all four.
    staffing: Staffing | None = None
    penalties: dict[Key, Penalty] = {}
    obligations: dict[Key, Obligation] = {}
    final_payment: FinalPayment | None = None
    number: str | None = None
    signed: Day | None = None
    calendar_overrides: tuple[CalendarOverride, ...] = ()
    termination: TerminationTerms | None = None
    amendments: tuple[Amendment, ...] = ()
    payment_documents: dict[Key, Text] = {}  # the documents that are the basis for payment (八)
    documents_clause: str | None = None
    renews: Key | None = None  # the contract this one renews (`seatledger renew`)
    payment: PaymentTerms | None = None  # the statutory clock's terms (rule 23)
    service_levels: ServiceLevels | None = None  # measured indicators and the score (rules 25, 26)

    def instalment(self, number: int) -> Instalment | None:
        return next((i for i in self.instalments if i.number == number), None)

    def documents_for(self, inst: Instalment) -> tuple[str, ...]:
        return inst.documents if inst.documents is not None else tuple(self.payment_documents)

    def ground(self, clause: str) -> Ground | None:
        grounds = self.termination.grounds if self.termination else ()
        return next((g for g in grounds if g.clause == clause), None)

    def computed_penalty(self) -> tuple[str, Penalty] | None:
        """The penalty priced from attendance (rule 5); the cross-checks make it exactly one
        where the contract has staffing, and none where it has not."""
        return next(((k, p) for k, p in self.penalties.items() if p.computed), None)

    def penalty_amount_fixed(self, key: str) -> Decimal | None:
        p = self.penalties[key]
        if p.basis == "percent-of-total" and p.percent is not None:
            return self.total * p.percent / 100
        return p.amount
