"""The live records of a ledger, indexed once for the reports: voids applied, attendance by
date and shift, required staffing, and the gaps (DOMAIN rules 4, 6 and 7)."""

from __future__ import annotations

from datetime import date
from typing import NamedTuple

from seatledger.core.contract import Contract
from seatledger.core.records import (
    Activity,
    Attendance,
    Completion,
    Consent,
    Incident,
    Payment,
    Person,
    Record,
    ReplaceRequest,
    Request,
)
from seatledger.core.workdays import WorkCalendar
from seatledger.read.ledger_files import Ledger
from seatledger.rules.staffing import Requirements, calendar_for, gaps, live


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
    gaps: tuple[tuple[date, str], ...]

    def headcount(self, day: date) -> int:
        return sum(1 for p in self.roster if p.on_roster(day))


def make_book(ledger: Ledger) -> Book:
    c = ledger.contract
    records = tuple(live(ledger.records))
    calendar = calendar_for(c)
    requirements = Requirements(c, calendar, records)
    attendance = {(r.date, r.shift): r for r in records if isinstance(r, Attendance)}
    return Book(
        contract=c,
        calendar=calendar,
        requirements=requirements,
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
        gaps=tuple(gaps(ledger.meta.recorded_from, requirements, records)),
    )
