"""The contract: the typed value of `contracts/<id>.yaml`, and its cross-checks.

NamedTuples that pydantic validates (`contract_file.validate`), cheap to define on every
command and refusing unknown keys by default. Field-level rules
(types, ranges, unknown keys) live in the annotations; the rules that span fields (sums,
capitals, periods) are `cross_checks`, which return every problem rather than the first.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import date, timedelta
from decimal import Decimal
from typing import Annotated, Any, Literal, NamedTuple

from seatledger.core.dates import parse_date
from seatledger.core.money import parse_amount
from seatledger.core.vocab import Degree


class Converted:
    """Annotation metadata that pydantic runs before its own type check. Written against
    pydantic's protocol so this module needs no pydantic import: a cached contract loads
    without pydantic at all (see `contract_file`)."""

    def __init__(self, convert: Callable[[Any], Any]) -> None:
        self.convert = convert

    def __get_pydantic_core_schema__(self, source: Any, handler: Any) -> Any:
        from pydantic_core import core_schema

        return core_schema.no_info_before_validator_function(self.convert, handler(source))


def _money(value: object) -> Decimal:
    return parse_amount(value, allow_zero=True)


def _pattern(regex: str, what: str) -> Callable[[Any], str]:
    compiled = re.compile(regex)

    def check(value: Any) -> str:
        if not isinstance(value, str) or not compiled.match(value):
            raise ValueError(f"{value!r} is not {what}")
        return value

    return check


def _text(value: Any) -> str:
    if not isinstance(value, str) or not value.strip():
        raise ValueError("expected non-empty text")
    return value


def _at_most(limit: int) -> Callable[[Any], Decimal]:
    def check(value: Any) -> Decimal:
        number = _money(value)
        if number > limit:
            raise ValueError(f"{value!r} is above {limit}")
        return number

    return check


def _at_least(least: int) -> Callable[[Any], Any]:
    def check(value: Any) -> Any:
        if isinstance(value, str) and value.strip().lstrip("-").isdigit():
            value = int(value)
        if isinstance(value, int) and not isinstance(value, bool) and value < least:
            raise ValueError(f"{value} is below {least}")
        return value  # pydantic checks the type after this

    return check


# annotated_types would do Ge/Le, but costs 6 ms of import on every command.
Money = Annotated[Decimal, Converted(_money)]
Percent = Annotated[Decimal, Converted(_at_most(100))]
Ratio = Annotated[Decimal, Converted(_at_most(1))]
Day = Annotated[date, Converted(parse_date)]
Key = Annotated[str, Converted(_pattern(r"^[a-z][a-z0-9-]*$", "a key (lower-case letters, digits, '-')"))]
Text = Annotated[str, Converted(_text)]
Count = Annotated[int, Converted(_at_least(0))]
Positive = Annotated[int, Converted(_at_least(1))]

Basis = Literal["per-person-shift", "per-occurrence", "per-case", "percent-of-total"]
Window = Literal["day", "iso-week", "month", "half-term"]


class Party(NamedTuple):
    name: Text
    address: str | None = None


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


class FinalPayment(NamedTuple):
    cap: Money
    capitals: Text
    clause: Text
    due_working_days: Positive | None = None


class DegreeQuota(NamedTuple):
    min_degree: Degree
    ratio: Ratio
    clause: Text


class Management(NamedTuple):
    project_managers: Count
    team_leaders: Count
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
    computed: bool = False
    note: str | None = None


class Obligation(NamedTuple):
    title: Text
    window: Window
    required: Positive
    clause: Text


class Rate(NamedTuple):
    since: Day
    annual_percent: Percent


class LateInterest(NamedTuple):
    clause: Text
    day_basis: Positive
    rates: tuple[Rate, ...]
    excuses: dict[Key, Text]


class Settings(NamedTuple):
    """Readings one party could contest (DOMAIN.md); the seed's values are DOMAIN's."""

    headcount_includes_management: bool
    shortage_basis: Literal["presence"]
    early_request_counts_from_period_start: bool
    completion_is_gross: bool


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
    final_payment: FinalPayment
    staffing: Staffing
    penalties: dict[Key, Penalty]
    obligations: dict[Key, Obligation]
    late_interest: LateInterest
    settings: Settings
    number: str | None = None
    signed: Day | None = None
    calendar_overrides: tuple[CalendarOverride, ...] = ()

    def instalment(self, number: int) -> Instalment | None:
        return next((i for i in self.instalments if i.number == number), None)

    def penalty_amount_fixed(self, key: str) -> Decimal | None:
        p = self.penalties[key]
        if p.basis == "percent-of-total" and p.percent is not None:
            return self.total * p.percent / 100
        return p.amount


Loc = tuple[str | int, ...]


def cross_checks(c: Contract) -> list[tuple[Loc, str]]:
    """Every rule that spans fields: sums, capitals, periods, ranges."""
    from seatledger.core.money import capitals, fmt

    out: list[tuple[Loc, str]] = []
    if c.term.end < c.term.start:
        out.append((("term", "end"), f"ends {c.term.end} before it starts {c.term.start}"))
    if c.signed is not None and c.signed > c.term.end:
        out.append((("signed",), f"signed {c.signed}, after the term ends {c.term.end}"))

    parts = sum((line.amount for line in c.breakdown), Decimal(0))
    if parts != c.total:
        out.append((("breakdown",), f"adds up to {fmt(parts)}, not the total {fmt(c.total)}"))
    plan = sum((i.amount for i in c.instalments), Decimal(0)) + c.final_payment.cap
    if plan != c.total:
        out.append(
            (("instalments",), f"instalments {fmt(plan - c.final_payment.cap)} plus the final "
             f"payment cap {fmt(c.final_payment.cap)} make {fmt(plan)}, not the total {fmt(c.total)}")
        )
    _check_capitals(out, ("total_capitals",), c.total_capitals, c.total, capitals)
    _check_capitals(out, ("final_payment", "capitals"), c.final_payment.capitals,
                    c.final_payment.cap, capitals)

    expected_start = c.term.start
    for n, inst in enumerate(c.instalments):
        if inst.number != n + 1:
            out.append((("instalments", n, "number"), f"is {inst.number}; expected {n + 1}"))
        _check_capitals(out, ("instalments", n, "capitals"), inst.capitals, inst.amount, capitals)
        if inst.end < inst.start:
            out.append((("instalments", n, "end"), f"{inst.end} is before start {inst.start}"))
        if inst.start < c.term.start or inst.end > c.term.end:
            out.append((("instalments", n), f"period {inst.start}..{inst.end} leaves the term "
                         f"{c.term.start}..{c.term.end}"))
        if inst.start < expected_start:
            out.append((("instalments", n, "start"), f"{inst.start} overlaps the previous "
                         f"period; expected {expected_start}"))
        elif inst.start > expected_start:
            out.append((("instalments", n, "start"), f"{inst.start} leaves a hole from "
                         f"{expected_start}; expected {expected_start}"))
        expected_start = max(expected_start, inst.end + timedelta(days=1))
    if c.instalments and expected_start != c.term.end + timedelta(days=1):
        out.append((("instalments",), f"periods stop at {expected_start - timedelta(days=1)}; "
                    f"the term ends {c.term.end}"))

    for key, p in c.penalties.items():
        loc: Loc = ("penalties", key)
        if p.min is not None and p.max is not None and p.min > p.max:
            out.append((loc + ("min",), f"{fmt(p.min)} is above max {fmt(p.max)}"))
        if p.basis == "percent-of-total":
            if p.percent is None or p.amount is not None or p.min is not None or p.max is not None:
                out.append((loc, "a percent-of-total penalty takes `percent` and no amount/min/max"))
        elif p.percent is not None:
            out.append((loc + ("percent",), f"only a percent-of-total penalty takes it, not {p.basis}"))
        elif p.amount is not None and (p.min is not None or p.max is not None):
            out.append((loc, "give either a fixed `amount` or a `min`/`max` range, not both"))
        elif p.amount is None and p.min is None and p.max is None:
            out.append((loc, "needs a fixed `amount` or a `min` and/or `max`"))
        if p.computed and key != "seat-shortage":
            out.append((loc + ("computed",), "only seat-shortage is computed from attendance"))
    if "seat-shortage" not in c.penalties:
        out.append((("penalties",), "needs `seat-shortage` (DOMAIN rule 5)"))
    elif c.penalties["seat-shortage"].amount is None:
        out.append((("penalties", "seat-shortage", "amount"), "needs a fixed rate per person-shift"))

    if not c.settings.completion_is_gross:
        out.append((("settings", "completion_is_gross"), "only true (DOMAIN rule 8) is supported"))
    keys = [g.key for g in c.staffing.groups]
    for n, g in enumerate(c.staffing.groups):
        if keys.count(g.key) > 1:
            out.append((("staffing", "groups", n, "key"), f"{g.key!r} appears twice"))
    rates = c.late_interest.rates
    for n in range(1, len(rates)):
        if rates[n].since <= rates[n - 1].since:
            out.append((("late_interest", "rates", n, "since"), "rates must be in date order"))
    if not rates:
        out.append((("late_interest", "rates"), "needs at least one rate"))
    return out


def _check_capitals(out: list[tuple[Loc, str]], loc: Loc, written: str, amount: Decimal,
                    capitals: Callable[[Decimal], str]) -> None:
    expected = capitals(amount)
    if written.removeprefix("人民币") != expected:
        out.append((loc, f"{written!r} does not match {amount:.2f}; expected {expected!r}"))
