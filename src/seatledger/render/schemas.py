"""Explicit output schemas for `--format json` and `csv`: what tools may rely on, written out
field by field so that a renamed internal never changes the output. Money is a two-decimal
string."""

from __future__ import annotations

import csv
import io
from datetime import date
from typing import Any

from seatledger.core.i18n import N_, _
from seatledger.core.money import ZERO, capitals, fmt
from seatledger.reports.balance import BalanceRow
from seatledger.reports.compliance import ComplianceReport
from seatledger.reports.contract_terms import ContractTerms
from seatledger.reports.deductions import DeductionReport
from seatledger.reports.ledger_diff import LedgerDiff, MoneyDelta, RecordChange
from seatledger.reports.notices import NoticesReport
from seatledger.reports.roster_check import RosterReport
from seatledger.reports.settlement import Statement
from seatledger.rules.deduction_lines import DeductionLine
from seatledger.rules.gaps import Gap
from seatledger.rules.late_interest import Due
from seatledger.rules.violations import Violation


def money_map(values: dict[str, Any]) -> dict[str, str]:
    return {k: fmt(v) for k, v in values.items()}


def deduction_line(line: DeductionLine) -> dict[str, Any]:
    return {
        "date": line.date.isoformat(),
        "penalty": line.penalty,
        "title": line.title,
        "clause": line.clause,
        "quantity": line.quantity,
        "unit": line.unit,
        "rate": fmt(line.rate),
        "amount": fmt(line.amount),
        "record": line.record,
        "shift": line.shift,
        "required": line.required,
        "present": line.present,
        "headcount": line.headcount,
        "staff": list(line.staff),
        "ref": line.ref,
        "payer": line.payer,
        "amendment": line.amendment,
    }


def gap(g: Gap) -> dict[str, Any]:
    return {"date": g.date.isoformat(), "shift": g.shift, "required": g.required}


def deductions(r: DeductionReport) -> dict[str, Any]:
    return {
        "period": r.period.as_json(),
        "complete": r.complete,
        "recorded_to": r.recorded_to.isoformat() if r.recorded_to else None,
        "total": fmt(r.total),
        "by_penalty": money_map(r.by_penalty),
        "lines": [deduction_line(line) for line in r.lines],
        "personal_fines": [deduction_line(line) for line in r.personal_fines],
        "gaps": [gap(g) for g in r.gaps],
        "unrecorded": [gap(g) for g in r.unrecorded],
    }


CSV_COLUMNS = (
    N_("date"),
    N_("penalty"),
    N_("title"),
    N_("clause"),
    N_("quantity"),
    N_("unit"),
    N_("rate"),
    N_("amount"),
    N_("record"),
    N_("shift"),
    N_("required"),
    N_("present"),
    N_("headcount"),
    N_("staff"),
    N_("ref"),
    N_("payer"),
)


def deduction_csv(r: DeductionReport) -> str:
    """The lines, with a UTF-8 byte-order mark so that Excel and WPS show the Chinese."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow([_(c) for c in CSV_COLUMNS])
    for line in (*r.lines, *r.personal_fines):
        row = deduction_line(line)
        row["staff"] = " ".join(row["staff"])
        writer.writerow(["" if row[c] is None else row[c] for c in CSV_COLUMNS])
    writer.writerow([_("total")] + [""] * 6 + [fmt(r.total)] + [""] * (len(CSV_COLUMNS) - 8))
    return "\ufeff" + out.getvalue()


def _day(d: date | None) -> str | None:
    return d.isoformat() if d is not None else None


def due(d: Due) -> dict[str, Any]:
    return {
        "instalment": d.instalment,
        "amount": fmt(d.amount) if d.amount is not None else None,
        "requested": _day(d.requested),
        "due": _day(d.due),
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


def statement(s: Statement) -> dict[str, Any]:
    return {
        "period": s.period.as_json(),
        "as_of": s.as_of.isoformat(),
        "complete": s.complete,
        "recorded_to": _day(s.recorded_to),
        "opening_balance": fmt(s.opening),
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
        "deductions": {"total": fmt(s.deductions), "by_penalty": money_map(s.by_penalty)},
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
        "gaps": [gap(g) for g in s.gaps],
        "unrecorded": [gap(g) for g in s.unrecorded],
    }


BALANCE_COLUMNS = (
    N_("period"),
    N_("from"),
    N_("to"),
    N_("accrued"),
    N_("deducted"),
    N_("paid"),
    N_("balance"),
    N_("running"),
    N_("complete"),
)


def balance_row(r: BalanceRow) -> dict[str, Any]:
    return {
        "period": r.period.label,
        "from": r.period.start.isoformat(),
        "to": r.period.end.isoformat(),
        "accrued": fmt(r.accrued),
        "deducted": fmt(r.deducted),
        "paid": fmt(r.paid),
        "balance": fmt(r.balance),
        "running": fmt(r.running),
        "complete": r.complete,
    }


def balance(rows: list[BalanceRow]) -> dict[str, Any]:
    return {"complete": all(r.complete for r in rows), "rows": [balance_row(r) for r in rows]}


def balance_csv(rows: list[BalanceRow]) -> str:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow([_(c) for c in BALANCE_COLUMNS])
    for r in rows:
        row = balance_row(r)
        writer.writerow([row[c] for c in BALANCE_COLUMNS])
    sums = [fmt(sum((getattr(r, c) for r in rows), ZERO)) for c in ("accrued", "deducted", "paid", "balance")]
    writer.writerow([_("total"), "", "", *sums, fmt(rows[-1].running) if rows else "0.00", ""])
    return "\ufeff" + out.getvalue()


def roster(r: RosterReport) -> dict[str, Any]:
    return {
        "period": r.period.as_json(),
        "compliant": r.compliant,
        "violations": [_violation(v) for v in r.violations],
    }


def compliance(r: ComplianceReport) -> dict[str, Any]:
    return {
        "period": r.period.as_json(),
        "compliant": r.compliant,
        "obligations": [
            {
                "obligation": s.key,
                "title": s.obligation.title,
                "clause": s.obligation.clause,
                "window": s.obligation.window,
                "required": s.obligation.required,
                "windows": len(s.lines),
                "shortfalls": len(s.shortfalls),
                "lines": [
                    {
                        "window": line.window.label,
                        "from": line.window.start.isoformat(),
                        "to": line.window.end.isoformat(),
                        "required": line.required,
                        "recorded": line.recorded,
                        "shortfall": line.shortfall,
                    }
                    for line in s.lines
                ],
            }
            for s in r.obligations
        ],
    }


def _violation(v: Violation) -> dict[str, Any]:
    return {
        "from": v.start.isoformat(),
        "to": v.end.isoformat(),
        "rule": v.rule,
        "clause": v.clause,
        "expected": v.expected,
        "actual": v.actual,
        "detail": v.detail,
    }


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
            "date": _day(c.date),
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
            "new": [_violation(v) for v in d.new_violations],
            "resolved": [_violation(v) for v in d.resolved_violations],
        },
    }


def notices(r: NoticesReport) -> dict[str, Any]:
    return {
        "as_of": r.as_of.isoformat(),
        "ended": r.ended,
        "notices": [
            {
                "id": n.id,
                "date": n.date.isoformat(),
                "clause": n.clause,
                "cure_by": n.cure_by.isoformat(),
                "status": n.status,
                "detail": n.detail,
            }
            for n in r.lines
        ],
    }


def contract_terms(r: ContractTerms) -> dict[str, Any]:
    return {
        "id": r.id,
        "title": r.title,
        "party_a": r.party_a,
        "party_b": r.party_b,
        "start": r.start,
        "end": r.end,
        "total": r.total,
        "terms": [t._asdict() for t in r.terms],
    }
