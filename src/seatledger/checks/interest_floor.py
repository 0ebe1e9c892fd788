"""Rule 20: where Party B is a small or medium enterprise, an agreed late-interest rate below
the one-year LPR at signing is below the statutory floor (保障中小企业款项支付条例, art. 15 of
the 2020 text, art. 17 from 2025-06-01: the finding cites the text in force while the rate
applies, rule 23). A finding, not a problem: the ledger reads clearly; `settle` shows interest
at both rates."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

from seatledger.core.contract import Contract
from seatledger.core.errors import Problem
from seatledger.core.i18n import msg
from seatledger.rules.payment_law import cite_span


def floor_findings(contract: Contract, contract_path: Path) -> list[Problem]:
    li = contract.late_interest
    if not contract.parties.b.sme or li.lpr_at_signing is None:
        return []
    return [
        Problem(
            str(contract_path),
            0,
            f"late_interest.rates.{n}",
            msg(
                "the agreed rate {annual_percent} % (since {since}) is below the "
                "statutory floor for a small or medium supplier, the one-year LPR at "
                "signing {lpr_at_signing} % (rule 20; {citation}); settle shows interest at both",
                annual_percent=r.annual_percent,
                since=r.since,
                lpr_at_signing=li.lpr_at_signing,
                citation=_citation(contract, n),
            ),
            severity="warning",
            code="interest-floor",
        )
        for n, r in enumerate(li.rates)
        if r.annual_percent < li.lpr_at_signing
    ]


def _citation(c: Contract, n: int) -> str:
    """The article of each text in force while rate `n` applies within the term."""
    rates = c.late_interest.rates
    start = max(rates[n].since, c.term.start)
    end = min(rates[n + 1].since - timedelta(days=1), c.term.end) if n + 1 < len(rates) else c.term.end
    return cite_span("interest-floor", start, max(start, end)) or msg("the text in force")
