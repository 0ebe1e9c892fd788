"""Required staffing per date and shift, and the gaps in attendance (DOMAIN rules 4 and 6)."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date

from seatledger.core.contract import Contract
from seatledger.core.records import Attendance, Demand, Record, Void
from seatledger.core.vocab import SHIFTS
from seatledger.core.workdays import WorkCalendar, days


def calendar_for(contract: Contract) -> WorkCalendar:
    return WorkCalendar((o.date, o.working, o.note) for o in contract.calendar_overrides)


def live(records: Iterable[Record]) -> list[Record]:
    """Records that count: not voids, and not withdrawn by one."""
    records = list(records)
    voided = {r.target for r in records if isinstance(r, Void)}
    return [r for r in records if not isinstance(r, Void) and r.id not in voided]


class Requirements:
    """How many people each date and shift requires: the seats on a working day's day shift,
    Party A's demand elsewhere; a demand may raise the day shift but never lower it."""

    def __init__(self, contract: Contract, calendar: WorkCalendar, records: Iterable[Record]):
        self.seats = contract.staffing.seats
        self.calendar = calendar
        self.demands: dict[str, list[Demand]] = {s: [] for s in SHIFTS}
        for r in records:
            if isinstance(r, Demand):
                self.demands[r.shift].append(r)

    def demand(self, day: date, shift: str) -> Demand | None:
        return next((d for d in self.demands[shift] if d.date <= day <= d.to), None)

    def required(self, day: date, shift: str) -> int:
        demand = self.demand(day, shift)
        demanded = demand.required if demand else 0
        if shift == "day" and self.calendar.is_working(day):
            return max(self.seats, demanded)
        return demanded


def gaps(recorded_from: date, requirements: Requirements,
         records: Iterable[Record]) -> list[tuple[date, str]]:
    """Required shifts with no attendance record, from `recorded_from` to the latest date that
    has one (DOMAIN rule 6)."""
    seen = {(r.date, r.shift) for r in records if isinstance(r, Attendance)}
    if not seen:
        return []
    last = max(d for d, _ in seen)
    return [
        (d, s)
        for d in days(recorded_from, last)
        for s in SHIFTS
        if (d, s) not in seen and requirements.required(d, s) > 0
    ]
