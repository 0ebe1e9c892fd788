"""What a change does to the ledger, as JSON: the records, the money, the roster compliance."""

from __future__ import annotations

from typing import Any

from seatledger.core.money import fmt
from seatledger.render.schemas import day, violation
from seatledger.reports.ledger_diff import LedgerDiff, MoneyDelta, RecordChange


def _money_delta(m: MoneyDelta) -> dict[str, Any]:
    return {
        "period": m.period.label,
        "deducted_before": fmt(m.deducted_before),
        "deducted_after": fmt(m.deducted_after),
        "deducted_change": fmt(m.deducted),
        "balance_before": fmt(m.balance_before),
        "balance_after": fmt(m.balance_after),
        "balance_change": fmt(m.balance),
        "complete": m.complete,
    }


def ledger_diff(d: LedgerDiff) -> dict[str, Any]:
    def change(c: RecordChange) -> dict[str, Any]:
        return {
            "change": c.change,
            "id": c.id,
            "kind": c.kind,
            "date": day(c.date),
            "before": c.before,
            "after": c.after,
            "target": c.target,
            "closed_quarter": c.closed,
        }

    return {
        "base": d.base,
        "head": d.head,
        "records": [change(c) for c in d.records],
        "roster": [change(c) for c in d.roster],
        "closings": list(d.closings),
        "months": [_money_delta(m) for m in d.months],
        "quarters": [_money_delta(m) for m in d.quarters],
        "roster_compliance": {
            "new": [violation(v) for v in d.new_violations],
            "resolved": [violation(v) for v in d.resolved_violations],
        },
    }
