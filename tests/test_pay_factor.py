"""The pay factor of a quarterly score (rule 26), worked by hand: between two points rounded
to a hundredth of a percent half up, as every figure is (rule 1), not half to even (Decimal's
default); by tiers, the highest tier reached; below the floor, the floor's factor."""

from __future__ import annotations

from decimal import Decimal

import pytest

from seatledger.core.service_terms import FactorTier, Floor, Linear, PayFactor
from seatledger.rules.pay_factor import factor


def test_a_factor_between_two_points_rounds_half_up() -> None:
    line = Linear(Decimal("80"), Decimal("85"), Decimal("90"), Decimal("100"))  # 1.5 % a point
    pf = PayFactor("七", linear=line)
    # 85 + 0.15 × 1.5 = 85.225: half up 85.23 (half to even would give 85.22)
    assert factor(pf, Decimal("80.15")) == Decimal("85.23")
    assert factor(pf, Decimal("86.5")) == Decimal("94.75")  # 85 + 6.5 × 1.5, exact
    assert factor(pf, Decimal("95")) == Decimal("100")


D = Decimal
# listed lowest first, so that a maximum taken in list order would be wrong
TIERS = (FactorTier(D("80"), D("95")), FactorTier(D("90"), D("100")))


@pytest.mark.parametrize(
    ("score", "paid"),
    [("95", "100"), ("90", "100"), ("89.99", "95"), ("80", "95"), ("79.99", "85"), ("0", "85")],
)
def test_tiers_pay_the_highest_tier_reached_and_the_floor_below_it(score: str, paid: str) -> None:
    pf = PayFactor("七", tiers=TIERS, floor=Floor(D("80"), D("85")))
    assert factor(pf, D(score)) == D(paid)


def test_a_score_below_every_tier_without_a_floor_pays_the_lowest_tier() -> None:
    assert factor(PayFactor("七", tiers=TIERS), D("70")) == D("95")


def test_the_floor_applies_below_its_score_only() -> None:
    line = Linear(D("80"), D("90"), D("90"), D("100"))
    pf = PayFactor("七", linear=line, floor=Floor(D("80"), D("85")))
    assert factor(pf, D("80")) == D("90")  # at 80: the line, 100 % - 10 x 1 %
    assert factor(pf, D("79.99")) == D("85")
    assert factor(PayFactor("七"), D("10")) == D("100")  # no factor agreed: the whole fee
