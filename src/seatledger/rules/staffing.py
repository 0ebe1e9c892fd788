"""Required staffing per date and shift (rule 4): the contract's seats on a working day's day
shift (三(二)4 in the seed), and what Party A demands elsewhere or at peak times (三(二)5). A
demand may raise the day shift's requirement but never lower it below the seats. Nothing is
required from the day a termination ends the service (rule 14)."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date

from seatledger.core.amendments import Terms, terms_in, versions
from seatledger.core.choices import SHIFTS
from seatledger.core.contract import Contract
from seatledger.core.records import Demand, Record
from seatledger.core.workdays import WorkCalendar
from seatledger.rules.termination import termination_of


def calendar_for(contract: Contract) -> WorkCalendar:
    return WorkCalendar((o.date, o.working, o.note) for o in contract.calendar_overrides)


class Requirements:
    """How many people each date and shift requires."""

    def __init__(self, contract: Contract, calendar: WorkCalendar, records: Iterable[Record]):
        self.contract = contract
        # as signed; seats_on() reads the terms in force; none without staffing (issue 25)
        self.seats = contract.staffing.seats if contract.staffing else 0
        self.versions = versions(contract)  # made once per book: rules ask for many dates
        self.calendar = calendar
        self.demands: dict[str, list[Demand]] = {s: [] for s in SHIFTS}
        records = list(records)
        for r in records:
            if isinstance(r, Demand):
                self.demands[r.shift].append(r)
        ended = termination_of(records)
        self.ends = ended.date if ended else None  # no one is required from a termination on

    def demand(self, day: date, shift: str) -> Demand | None:
        return next((d for d in self.demands[shift] if d.date <= day <= d.to), None)

    def terms_on(self, day: date) -> Terms:
        """`core.amendments.terms_on(contract, day)`, from the versions made once."""
        if len(self.versions) == 1:
            return self.versions[0][1]
        return terms_in(self.versions, day)

    def seats_on(self, day: date) -> int:
        staffing = self.terms_on(day).contract.staffing
        return staffing.seats if staffing else 0

    def required(self, day: date, shift: str) -> int:
        if self.ends is not None and day >= self.ends:
            return 0
        demand = self.demand(day, shift)
        demanded = demand.required if demand else 0
        if shift == "day" and self.calendar.is_working(day):
            return max(self.seats_on(day), demanded)
        return demanded
