"""Rule 23: the statutory payment clock where Party B is a small or medium enterprise, by the
text of 保障中小企业款项支付条例 in force over the contract's term (`rules.payment_law`).
Findings, not problems: the ledger still reads clearly, and the figures are computed as the
contract says."""

from __future__ import annotations

from pathlib import Path

from seatledger.core.contract import Contract
from seatledger.core.errors import Problem
from seatledger.rules.payment_law import law_findings


def payment_law_findings(contract: Contract, contract_path: Path) -> list[Problem]:
    return [
        Problem(str(contract_path), 0, f.field, f.message, severity="warning", code=f.code)
        for f in law_findings(contract)
    ]
