"""The settlement statement as JSON: every figure with its rule, clause, dates and amounts."""

from __future__ import annotations

from typing import Any

from seatledger.core.money import ZERO, capitals, fmt
from seatledger.render.schemas import day, deduction_line, gap, missing, money_map
from seatledger.reports.settlement import Statement
from seatledger.rules.late_interest import Due
from seatledger.rules.statutory_due import StatutoryDue


def due(d: Due) -> dict[str, Any]:
    return {
        "instalment": d.instalment,
        "amount": fmt(d.amount) if d.amount is not None else None,
        "requested": day(d.requested),
        "due": day(d.due),
        "paid": fmt(d.paid),
        "payments": [
            {
                "date": p.date.isoformat(),
                "amount": fmt(p.amount),
                "days_late": p.days_late,
                "interest": fmt(p.interest),
                "excused": p.excused,
                "record": p.record,
                **(
                    {"interest_at_floor": fmt(p.interest_at_floor)} if p.interest_at_floor is not None else {}
                ),
            }
            for p in d.payments
        ],
        "days_late": d.days_late,
        "interest": fmt(d.interest),
        "accruing": fmt(d.accruing),
        **(
            {
                "interest_at_floor": fmt(d.interest_at_floor),
                "accruing_at_floor": fmt(d.accruing_at_floor or ZERO),
            }
            if d.interest_at_floor is not None
            else {}
        ),
    }


def statutory(r: StatutoryDue) -> dict[str, Any]:
    """Rule 23: `clock_starts` null while the acceptance it waits for is not recorded."""
    c, v = r.clock, r.clock.version
    return {
        "instalment": r.instalment,
        "delivered": r.delivered.isoformat(),
        "clock_starts": c.starts,
        "from": day(c.start),
        "days": c.days,
        "latest": day(c.latest),
        "decree": v.decree if v else None,
        "articles": list(c.articles),
        "citation": str(c.citation) if c.citation else None,
        "contract_due": day(r.contract_due),
        "contract_later": r.contract_later,
        "paid_after": [{"date": d.isoformat(), "record": rec, "days_late": n} for d, rec, n in r.paid_after],
    }


def statement(s: Statement) -> dict[str, Any]:
    return {
        "period": s.period.as_json(),
        "as_of": s.as_of.isoformat(),
        "complete": s.complete,
        "recorded_to": day(s.recorded_to),
        "opening_balance": fmt(s.opening),
        **(
            {"brought_forward": {"from": s.brought_forward[0].isoformat(), "record": s.brought_forward[1]}}
            if s.brought_forward is not None
            else {}
        ),
        "instalments": [
            {
                "label": a.label,
                "date": a.date.isoformat(),
                "amount": fmt(a.amount),
                "clause": a.clause,
                "amendment": a.amendment,
            }
            for a in s.accruals
        ],
        "accrued": fmt(s.accrued),
        "deductions": {
            "total": fmt(s.deductions),
            "by_penalty": money_map(s.by_penalty),
            **({"service_levels": [deduction_line(line) for line in s.levels]} if s.levels else {}),
        },
        "payments": [
            {"date": p.date.isoformat(), "instalment": p.instalment, "amount": fmt(p.amount), "record": p.id}
            for p in s.payments
        ],
        "paid": fmt(s.paid),
        "closing_balance": fmt(s.closing),
        "closing_balance_capitals": capitals(s.closing),
        "late_interest": fmt(s.late_interest),
        **(
            {"late_interest_at_floor": fmt(s.late_interest_at_floor), "floor_percent": str(s.floor_percent)}
            if s.late_interest_at_floor is not None
            else {}
        ),
        "next_instalment": {"label": s.next_label, "amount": fmt(s.next_amount)},
        "disputed": {"total": fmt(s.disputed_total), "lines": [deduction_line(line) for line in s.disputed]},
        "next_payment": fmt(s.next_payment),
        "next_payment_capitals": capitals(s.next_payment),
        "due": [due(d) for d in s.dues],
        **({"statutory_due": [statutory(r) for r in s.statutory]} if s.statutory else {}),
        "invoices": [
            {
                "instalment": c.instalment,
                "invoiced": fmt(c.invoiced),
                "paid": fmt(c.paid),
                "paid_uninvoiced": fmt(c.uninvoiced),
                "missing_documents": list(c.missing_documents),
            }
            for c in s.invoices
        ],
        "findings": [{"record": f.record or None, "finding": str(f.message)} for f in s.findings],
        "gaps": [gap(g) for g in s.gaps],
        "unrecorded": [gap(g) for g in s.unrecorded],
        **missing(s.missing),
    }
