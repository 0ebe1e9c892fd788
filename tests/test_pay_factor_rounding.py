"""The pay factor between two points is rounded to a hundredth of a percent half up, as every
figure is (rule 1), not half to even (Decimal's default)."""

from __future__ import annotations

from decimal import Decimal

from seatledger.core.service_terms import Linear, PayFactor
from seatledger.rules.pay_factor import factor


def test_a_factor_between_two_points_rounds_half_up() -> None:
    line = Linear(Decimal("80"), Decimal("85"), Decimal("90"), Decimal("100"))  # 1.5 % a point
    pf = PayFactor("七", linear=line)
    # 85 + 0.15 × 1.5 = 85.225: half up 85.23 (half to even would give 85.22)
    assert factor(pf, Decimal("80.15")) == Decimal("85.23")
    assert factor(pf, Decimal("86.5")) == Decimal("94.75")  # 85 + 6.5 × 1.5, exact
    assert factor(pf, Decimal("95")) == Decimal("100")
