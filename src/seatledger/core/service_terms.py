"""The contract's service-level terms (rules 25 and 26): measured indicators with a target and
a direction, deductions per point below target with their caps, and the pay factor that Party
A's quarterly score sets. Part of `core.contract`'s typed value, validated by pydantic; the
rules that span fields are `read.contract_checks`'. An amendment replaces the block whole."""

from __future__ import annotations

from decimal import Decimal
from typing import Literal, NamedTuple

from seatledger.core.contract_types import Key, Money, Percent, Positive, Text


class Rate(NamedTuple):
    """A share of the period's fee (percent) or a fixed amount: exactly one is given."""

    percent: Percent | None = None
    amount: Money | None = None


class Tier(NamedTuple):
    """Each point beyond `above` (up to the next tier's) is priced at this rate."""

    above: Decimal
    percent: Percent | None = None
    amount: Money | None = None


class Indicator(NamedTuple):
    title: Text
    target: Percent
    clause: Text
    direction: Literal["higher-is-better", "lower-is-better"] = "higher-is-better"
    unit: Literal["%"] = "%"
    points: Literal["full", "started"] = "full"  # a point counts when full, or once started
    tiers: tuple[Tier, ...] = ()  # none: a miss costs nothing but is reported
    monthly_cap: Rate | None = None


class Cap(NamedTuple):
    """All service-level deductions over a window at most this share of its fees."""

    window: Literal["period", "12-months"]  # the fee's period (a quarter), or 12 months
    clause: Text
    percent: Percent | None = None
    amount: Money | None = None


class Linear(NamedTuple):
    """The factor runs linearly from (low_score, low_factor) to (high_score, high_factor);
    at or above high_score it is high_factor."""

    low_score: Percent
    low_factor: Percent
    high_score: Percent
    high_factor: Percent


class FactorTier(NamedTuple):
    at_least: Percent
    factor: Percent


class Floor(NamedTuple):
    below: Percent  # a score below this ...
    factor: Percent  # ... pays this factor


class LowScore(NamedTuple):
    """A score below `below` is a notice finding; `consecutive` such periods in a row give Party
    A the right to terminate (a finding)."""

    below: Percent
    clause: Text
    consecutive: Positive | None = None
    terminate_clause: str | None = None


class PayFactor(NamedTuple):
    clause: Text
    linear: Linear | None = None
    tiers: tuple[FactorTier, ...] = ()
    floor: Floor | None = None
    low_score: LowScore | None = None


class ServiceLevels(NamedTuple):
    indicators: dict[Key, Indicator]
    clause: Text
    cap: Cap | None = None
    pay_factor: PayFactor | None = None
    assessment_is_acceptance: bool = True  # the assessment's date starts the payment clock
