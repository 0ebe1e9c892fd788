"""The live records of a ledger, indexed once for the rules and reports: voids applied
(rule 7), attendance by date and shift, and the required staffing (rule 4)."""

from __future__ import annotations

from datetime import date
from typing import NamedTuple

from seatledger.core.contract import Contract
from seatledger.core.ledger import Ledger
from seatledger.core.records import (
    Activity,
    Attendance,
    Completion,
    Consent,
    Cured,
    Dispute,
    Document,
    Incident,
    Invoice,
    Notice,
    Payment,
    Person,
    Record,
    ReplaceRequest,
    Request,
    Ruling,
    Termination,
)
from seatledger.core.workdays import WorkCalendar
from seatledger.rules.staffing import Requirements, calendar_for
from seatledger.rules.termination import termination_of
from seatledger.rules.voids import live


class Book(NamedTuple):
    contract: Contract
    calendar: WorkCalendar
    requirements: Requirements
    roster: tuple[Person, ...]
    recorded_from: date
    last_attendance: date | None
    records: tuple[Record, ...]  # live, in date order
    attendance: dict[tuple[date, str], Attendance]
    incidents: tuple[Incident, ...]
    activities: tuple[Activity, ...]
    requests: tuple[Request, ...]
    payments: tuple[Payment, ...]
    completion: Completion | None
    consents: tuple[Consent, ...]
    replace_requests: tuple[ReplaceRequest, ...]
    disputes: tuple[Dispute, ...] = ()
    rulings: tuple[Ruling, ...] = ()
    termination: Termination | None = None
    invoices: tuple[Invoice, ...] = ()
    documents: tuple[Document, ...] = ()
    notices: tuple[Notice, ...] = ()
    cures: tuple[Cured, ...] = ()

    def headcount(self, day: date) -> int:
        return sum(1 for p in self.roster if p.on_roster(day))

    def counting(self, day: date) -> list[Person]:
        """The people on the roster who count toward the seats (rule 3: a setting)."""
        on_roster = [p for p in self.roster if p.on_roster(day)]
        if self.contract.settings.headcount_includes_management:
            return on_roster
        return [p for p in on_roster if p.role == "seat"]


def make_book(ledger: Ledger) -> Book:
    c = ledger.contract
    records = tuple(live(ledger.records))
    calendar = calendar_for(c)
    attendance = {(r.date, r.shift): r for r in records if isinstance(r, Attendance)}
    return Book(
        contract=c,
        calendar=calendar,
        requirements=Requirements(c, calendar, records),
        roster=ledger.roster,
        recorded_from=ledger.meta.recorded_from,
        last_attendance=max((d for d, _ in attendance), default=None),
        records=records,
        attendance=attendance,
        incidents=tuple(r for r in records if isinstance(r, Incident)),
        activities=tuple(r for r in records if isinstance(r, Activity)),
        requests=tuple(r for r in records if isinstance(r, Request)),
        payments=tuple(r for r in records if isinstance(r, Payment)),
        completion=next((r for r in records if isinstance(r, Completion)), None),
        consents=tuple(r for r in records if isinstance(r, Consent)),
        replace_requests=tuple(r for r in records if isinstance(r, ReplaceRequest)),
        disputes=tuple(r for r in records if isinstance(r, Dispute)),
        rulings=tuple(r for r in records if isinstance(r, Ruling)),
        termination=termination_of(records),
        notices=tuple(r for r in records if isinstance(r, Notice)),
        cures=tuple(r for r in records if isinstance(r, Cured)),
        invoices=tuple(r for r in records if isinstance(r, Invoice)),
        documents=tuple(r for r in records if isinstance(r, Document)),
    )
