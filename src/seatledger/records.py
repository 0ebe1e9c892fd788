"""Ledger data: the roster and every record kind, as plain frozen values.

Each value carries its `source` (file and line) so any figure can be traced to the line it
came from. Field order here is the key order the files are written in.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from decimal import Decimal


@dataclass(frozen=True, slots=True)
class Source:
    file: str
    line: int
    fields: dict[str, int] = field(default_factory=dict, compare=False, hash=False, repr=False)

    def line_of(self, name: str) -> int:
        """The line of one field, where the file gave it one; else the record's."""
        return self.fields.get(name, self.line)


NOWHERE = Source("", 0)


@dataclass(frozen=True, slots=True, kw_only=True)
class LedgerMeta:
    contract: str
    recorded_from: dt.date
    source: Source = NOWHERE


@dataclass(frozen=True, slots=True, kw_only=True)
class Person:
    id: str
    name: str | None = None
    role: str
    group: str | None = None
    degree: str
    joined: dt.date
    left: dt.date | None = None
    note: str | None = None
    source: Source = NOWHERE

    def on_roster(self, day: dt.date) -> bool:
        return self.joined <= day and (self.left is None or day < self.left)


@dataclass(frozen=True, slots=True, kw_only=True)
class Attendance:
    id: str
    date: dt.date
    shift: str
    present: int
    absent: tuple[str, ...] = ()
    note: str | None = None
    source: Source = NOWHERE
    kind = "attendance"


@dataclass(frozen=True, slots=True, kw_only=True)
class Incident:
    id: str
    date: dt.date
    penalty: str
    count: int = 1
    amount: Decimal | None = None  # per unit; None where the penalty fixes it
    staff: tuple[str, ...] = ()
    ref: str | None = None
    note: str | None = None
    source: Source = NOWHERE
    kind = "incident"


@dataclass(frozen=True, slots=True, kw_only=True)
class Demand:
    """Party A's staffing demand for one shift over a date range; `date` is its first day."""

    id: str
    date: dt.date
    to: dt.date
    shift: str
    required: int
    note: str | None = None
    source: Source = NOWHERE
    kind = "demand"


@dataclass(frozen=True, slots=True, kw_only=True)
class Activity:
    id: str
    date: dt.date
    obligation: str
    count: int = 1
    note: str | None = None
    source: Source = NOWHERE
    kind = "activity"


@dataclass(frozen=True, slots=True, kw_only=True)
class Request:
    """Party B's payment request, dated the day Party A received it (DOMAIN rule 9)."""

    id: str
    date: dt.date
    instalment: int
    note: str | None = None
    source: Source = NOWHERE
    kind = "request"


@dataclass(frozen=True, slots=True, kw_only=True)
class Payment:
    id: str
    date: dt.date
    instalment: int | str  # a number, or "final"
    amount: Decimal
    excused: str | None = None
    note: str | None = None
    source: Source = NOWHERE
    kind = "payment"


@dataclass(frozen=True, slots=True, kw_only=True)
class Completion:
    """The jointly confirmed amount of the final payment (gross, DOMAIN rule 8)."""

    id: str
    date: dt.date
    amount: Decimal
    note: str | None = None
    source: Source = NOWHERE
    kind = "completion"


@dataclass(frozen=True, slots=True, kw_only=True)
class Invoice:
    id: str
    date: dt.date
    instalment: int | str
    amount: Decimal
    note: str | None = None
    source: Source = NOWHERE
    kind = "invoice"


@dataclass(frozen=True, slots=True, kw_only=True)
class Void:
    """Withdraws the record `target`; carries that record's date (DOMAIN rule 7)."""

    id: str
    date: dt.date
    target: str
    reason: str
    note: str | None = None
    source: Source = NOWHERE
    kind = "void"


Record = Attendance | Incident | Demand | Activity | Request | Payment | Completion | Invoice | Void

KINDS: dict[str, type[Record]] = {
    cls.kind: cls
    for cls in (Attendance, Incident, Demand, Activity, Request, Payment, Completion, Invoice, Void)
}
ID_PREFIX = {
    "attendance": "att", "incident": "inc", "demand": "dem", "activity": "act",
    "request": "req", "payment": "pay", "completion": "cmp", "invoice": "inv", "void": "void",
}
# Kinds that may fall after the term ends (DOMAIN rule 11).
AFTER_TERM_KINDS = frozenset({"request", "payment", "completion", "invoice", "void"})
