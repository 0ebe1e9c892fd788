"""The service-level terms' cross-checks (rules 25, 26): each rate and cap a percent or an
amount, never both or neither; tiers in order from zero; a pay factor by a line or by tiers,
the line's upper score above its lower."""

from __future__ import annotations

from decimal import Decimal

from seatledger.core.contract import Contract
from seatledger.core.i18n import msg
from seatledger.read.contract_money_checks import Loc

Found = list[tuple[Loc, str]]


def _one_of(loc: Loc, percent: Decimal | None, amount: Decimal | None) -> Found:
    if (percent is None) == (amount is None):
        return [(loc, msg("give either `percent` or `amount`, not both and not neither"))]
    return []


def service_levels(c: Contract) -> Found:
    levels = c.service_levels
    if levels is None:
        return []
    out: Found = []
    for key, ind in levels.indicators.items():
        loc: Loc = ("service_levels", "indicators", key)
        for n, tier in enumerate(ind.tiers):
            out += _one_of(loc + ("tiers", n), tier.percent, tier.amount)
            if tier.above < 0 or (n and tier.above <= ind.tiers[n - 1].above):
                out.append((loc + ("tiers", n, "above"), msg("tiers start at 0 points and rise")))
        if ind.monthly_cap is not None:
            out += _one_of(loc + ("monthly_cap",), ind.monthly_cap.percent, ind.monthly_cap.amount)
    if levels.cap is not None:
        out += _one_of(("service_levels", "cap"), levels.cap.percent, levels.cap.amount)
    pf = levels.pay_factor
    if pf is not None:
        loc = ("service_levels", "pay_factor")
        if (pf.linear is None) == (not pf.tiers):
            out.append((loc, msg("give either `linear` or `tiers`, not both and not neither")))
        if pf.linear is not None and pf.linear.high_score <= pf.linear.low_score:
            out.append((loc + ("linear", "high_score"), msg("must be above low_score")))
    return out
