"""One deduction line: what Party B owes for one breach, with everything needed to trace it
(its penalty, clause, date, quantity, rate and the record it comes from)."""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from typing import NamedTuple

UNITS = {
    "per-person-shift": "person-shifts",
    "per-occurrence": "occurrences",
    "per-case": "cases",
    "percent-of-total": "occurrences",
}


class DeductionLine(NamedTuple):
    date: date
    penalty: str
    title: str
    clause: str
    quantity: int
    unit: str
    rate: Decimal
    amount: Decimal
    record: str  # the record it is computed from: att-<date>-<shift> or an incident id
    set_off: bool
    payer: str
    shift: str | None = None
    required: int | None = None
    present: int | None = None
    headcount: int | None = None  # roster headcount beside presence (rule 5)
    staff: tuple[str, ...] = ()
    ref: str | None = None
    amendment: str | None = None  # the supplementary contract whose terms priced it (rule 16)
    level: Level | None = None  # a service-level line: the measured figure behind it (rule 25)


class Level(NamedTuple):
    """What a service-level deduction line is computed from (rule 25)."""

    month: str
    value: Decimal
    target: Decimal
    points: int
    uncapped: Decimal  # before any cap
    cap: str | None = None  # the cap applied, with its amount and clause
