"""Points below target priced over tiers (rule 25), worked by hand: each point at its own
tier's rate, tiers taken in order of where they start whatever order the contract lists them."""

from __future__ import annotations

from decimal import Decimal as D

from seatledger.core.service_terms import Indicator, Tier
from seatledger.rules.service_levels import priced

# listed out of order: points 1-2 at 0.5 % of the fee, 3-5 at 1,000.00 each, beyond 5 at 1 %
TIERS = (Tier(D("5"), percent=D("1")), Tier(D("0"), percent=D("0.5")), Tier(D("2"), amount=D("1000.00")))
ANSWER = Indicator("接通率", D("95.00"), "六", tiers=TIERS)
FEE = D("100000.00")


def test_each_point_is_priced_at_its_own_tier() -> None:
    # 2 x 500.00 + 3 x 1,000.00 + 2 x 1,000.00 = 6,000.00; the first point's rate is 500.00
    assert priced(ANSWER, 7, FEE) == (D("500.00"), D("6000.00"))
    assert priced(ANSWER, 4, FEE) == (D("500.00"), D("3000.00"))  # 2 x 500 + 2 x 1,000
    assert priced(ANSWER, 1, FEE) == (D("500.00"), D("500.00"))
    assert priced(ANSWER, 0, FEE) == (D("500.00"), D("0.00"))


def test_no_tiers_price_nothing() -> None:
    assert priced(ANSWER._replace(tiers=()), 3, FEE) == (D("0"), D("0"))
