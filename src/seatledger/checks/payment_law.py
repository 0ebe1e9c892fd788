"""Rule 23: the statutory payment clock where Party B is a small or medium enterprise, by the
text of 保障中小企业款项支付条例 in force over the contract's term. Findings, not problems: the
ledger still reads clearly, and the figures are computed as the contract says."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from seatledger.core.contract import Contract
from seatledger.core.errors import Problem
from seatledger.core.i18n import msg
from seatledger.rules.payment_law import AGREED_DAYS_AT_MOST, AUDIT_BINDS, cite, spans


def payment_law_findings(contract: Contract, contract_path: Path) -> list[Problem]:
    if not contract.parties.b.sme:
        return []
    return [*_terms(contract, contract_path), *_audit(contract, contract_path)]


def _finding(path: Path, field: str, message: str, code: str) -> Problem:
    return Problem(str(path), 0, field, message, severity="warning", code=code)


def _beyond(path: Path, field: str, days: int, what: str, start: date, end: date) -> list[Problem]:
    return [
        _finding(
            path,
            field,
            msg(
                "{what} {days} days is beyond the {limit} days a contract may agree for a small or "
                "medium supplier ({citation}, for {start}..{end}; rule 23)",
                what=what,
                days=days,
                limit=AGREED_DAYS_AT_MOST,
                citation=cite(v, "payment-term"),
                start=lo,
                end=hi,
            ),
            "payment-term",
        )
        for lo, hi, v in spans(start, end)
        if days > AGREED_DAYS_AT_MOST
    ]


def _terms(c: Contract, path: Path) -> list[Problem]:
    """The agreed days after delivery or acceptance; an instalment's working days, which are
    at least as many calendar days, beyond the limit."""
    out: list[Problem] = []
    p = c.payment
    if p is not None and p.days_after is not None:
        what = (
            msg("payment due after acceptance:")
            if p.counted_from == "acceptance"
            else msg("payment due after delivery:")
        )
        out += _beyond(path, "payment.days_after", p.days_after, what, c.term.start, c.term.end)
    for n, inst in enumerate(c.instalments):
        if inst.due_working_days is not None:
            out += _beyond(
                path,
                f"instalments.{n}.due_working_days",
                inst.due_working_days,
                msg("instalment {number} due after its request (working days):", number=inst.number),
                inst.start,
                inst.end,
            )
    return out


def _audit(c: Contract, path: Path) -> list[Problem]:
    if c.payment is None or not c.payment.depends_on_audit:
        return []
    return [
        _finding(
            path,
            "payment.depends_on_audit",
            msg(
                "settlement waits for an audit result, which may not be the basis of settlement "
                "unless a law or administrative regulation says so ({citation}, for "
                "{start}..{end}; rule 23)",
                citation=cite(v, "audit"),
                start=lo,
                end=hi,
            ),
            "audit-settlement",
        )
        for lo, hi, v in spans(c.term.start, c.term.end)
        if v.decree in AUDIT_BINDS
    ]
