"""The live records of a ledger, indexed once for the rules and reports: voids applied
(rule 7), attendance by date and shift, and the required staffing (rule 4)."""

from __future__ import annotations

from bisect import bisect_left
from collections import defaultdict
from datetime import date, timedelta
from typing import Any, NamedTuple

from seatledger.core.contract import Contract
from seatledger.core.ledger import Ledger
from seatledger.core.opening import amounts
from seatledger.core.records import (
    DECLARED,
    Activity,
    Assessment,
    Attendance,
    Completion,
    Consent,
    Cured,
    Dispute,
    Document,
    Incident,
    Invoice,
    Measurement,
    Notice,
    Opening,
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
from seatledger.rules.voids import live


class Book(NamedTuple):
    contract: Contract
    calendar: WorkCalendar
    requirements: Requirements
    roster: tuple[Person, ...]
    recorded_from: date
    last_attendance: date | None
    records: tuple[Record, ...]  # live, in date order
    attendance: dict[tuple[date, str], Attendance]  # in (date, shift) order
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
    attendance_keys: tuple[tuple[date, str], ...] = ()  # attendance's keys, for bisecting
    opening: Opening | None = None  # rule 21: what stood on recorded_from, brought forward
    measurements: tuple[Measurement, ...] = ()  # rule 25: service levels measured by month
    assessments: tuple[Assessment, ...] = ()  # rule 26: Party A's quarterly scores

    def attendance_between(self, start: date, end: date) -> list[Attendance]:
        """Attendance from `start` to `end`, in (date, shift) order, without a pass over all."""
        keys = self.attendance_keys
        lo, hi = bisect_left(keys, (start, "")), bisect_left(keys, (end + timedelta(days=1), ""))
        attendance = self.attendance
        return [attendance[k] for k in keys[lo:hi]]

    def headcount(self, day: date) -> int:
        return sum(1 for p in self.roster if p.on_roster(day))

    def counting(self, day: date) -> list[Person]:
        """The people on the roster who count toward the seats (rule 3: a setting)."""
        on_roster = [p for p in self.roster if p.on_roster(day)]
        if self.contract.settings.headcount_includes_management:
            return on_roster
        return [p for p in on_roster if p.role == "seat"]


def make_book(ledger: Ledger) -> Book:
    """The book of `ledger`. Made afresh on every call: the app makes it once per run and
    passes it to the checks, the closings check and the report (`app.ledger_access`)."""
    return _make_book(ledger)


def _make_book(ledger: Ledger) -> Book:
    c = ledger.contract
    records = tuple(live(ledger.records))
    calendar = calendar_for(c)
    by_kind: dict[str, list[Any]] = defaultdict(list)
    for r in records:  # one pass, not one per kind
        by_kind[r.kind].append(r)
    attendance = dict(sorted({(r.date, r.shift): r for r in by_kind["attendance"]}.items()))
    grouped: dict[str, Any] = {
        d.book: (by_kind[kind][0] if by_kind[kind] else None) if d.single else tuple(by_kind[kind])
        for kind, d in DECLARED.items()
        if d.book and d.book != "attendance"  # attendance: by (date, shift), below
    }
    if grouped["opening"] is not None:
        grouped["payments"], grouped["invoices"] = brought_forward(
            grouped["opening"], grouped["payments"], grouped["invoices"]
        )
    return Book(
        contract=c,
        calendar=calendar,
        requirements=Requirements(c, calendar, records),
        roster=ledger.roster,
        recorded_from=ledger.meta.recorded_from,
        last_attendance=max((d for d, _ in attendance), default=None),
        records=records,
        attendance=attendance,
        **grouped,
        attendance_keys=tuple(attendance),
    )


BROUGHT_FORWARD = "brought-forward"  # the excuse of an opening's payments: no interest is known


def brought_forward(
    opening: Opening, payments: tuple[Payment, ...], invoices: tuple[Invoice, ...]
) -> tuple[tuple[Payment, ...], tuple[Invoice, ...]]:
    """Rule 21: the opening's payments and invoices, dated the day before it and traced to it,
    ahead of the recorded ones (none of which may fall before it: `checks.opening`)."""
    day = opening.date - timedelta(days=1)
    paid = tuple(
        Payment(f"{opening.id}-paid-{k}", day, _ref(k), v, BROUGHT_FORWARD, source=opening.source)
        for k, v in amounts(opening.paid).items()
        if v
    )
    invoiced = tuple(
        Invoice(f"{opening.id}-invoiced-{k}", day, _ref(k), v, source=opening.source)
        for k, v in amounts(opening.invoiced).items()
        if v
    )
    return paid + payments, invoiced + invoices


def _ref(key: str) -> int | str:
    return key if key == "final" else int(key)
