"""Explicit output schemas for `--format json` and `csv`: what tools may rely on, written out
field by field so that a renamed internal never changes the output. Money is a two-decimal
string."""

from __future__ import annotations

import csv
import io
from datetime import date
from typing import TYPE_CHECKING, Any

from seatledger.core.i18n import N_, _, current, local
from seatledger.core.money import ZERO, fmt
from seatledger.core.vocabulary import PAYERS, UNITS, shown

if TYPE_CHECKING:  # the reports' types only: `portfolio --format json` imports none of them
    from seatledger.reports.balance import BalanceRow
    from seatledger.reports.compliance import ComplianceReport
    from seatledger.reports.contract_terms import ContractTerms
    from seatledger.reports.deductions import DeductionReport
    from seatledger.reports.notices import NoticesReport
    from seatledger.reports.roster_check import RosterReport
    from seatledger.rules.deduction_lines import DeductionLine, Level
    from seatledger.rules.gaps import Gap
    from seatledger.rules.service_levels import Missing
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
        **({"service_level": level(line.level)} if line.level is not None else {}),
    }


def level(lv: Level) -> dict[str, Any]:
    """What a service-level line is computed from (rule 25)."""
    return {
        "month": lv.month,
        "value": str(lv.value),
        "target": str(lv.target),
        "points": lv.points,
        "uncapped": fmt(lv.uncapped),
        "cap": str(lv.cap) if lv.cap is not None else None,
    }


def missing(found: tuple[Missing, ...]) -> dict[str, Any]:
    """Months ended without an indicator's figure, where there are any (rule 25)."""
    if not found:
        return {}
    rows = [{"month": m.month, "indicator": m.indicator, "clause": m.clause} for m in found]
    return {"missing_measurements": rows}


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
        **missing(r.missing),
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
    N_("fine on a person"),
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
    """The lines, with a UTF-8 byte-order mark so that Excel and WPS show the Chinese. A fine
    a person pays is in a column of its own, so that the amount column sums to the total
    deducted from Party B and the fines to theirs."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    # under zh the title names the penalty; its key is for typing (as in the text report)
    columns = [c for c in CSV_COLUMNS if c != "penalty" or current() != "zh"]
    writer.writerow([_(c) for c in columns])
    lines = [(False, line) for line in r.lines] + [(True, line) for line in r.personal_fines]
    for fine, line in lines:
        row = deduction_line(line)
        row["staff"] = " ".join(row["staff"])
        row |= {"unit": shown(line.unit, UNITS), "payer": shown(line.payer, PAYERS)}
        row["shift"] = line.shift and shown(line.shift)
        if fine:
            row["fine on a person"], row["amount"] = row["amount"], None
        writer.writerow(["" if row.get(c) is None else row[c] for c in columns])
    fines = sum((line.amount for line in r.personal_fines), ZERO)
    at = columns.index("amount")
    writer.writerow(
        [_("total")] + [""] * (at - 1) + [fmt(r.total), fmt(fines)] + [""] * (len(columns) - at - 2)
    )
    return "\ufeff" + out.getvalue()


def day(d: date | None) -> str | None:
    return d.isoformat() if d is not None else None


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
        row["complete"] = _("yes") if r.complete else _("no")
        row["period"] = local(r.period.label)
        writer.writerow([row[c] for c in BALANCE_COLUMNS])
    sums = [fmt(sum((getattr(r, c) for r in rows), ZERO)) for c in ("accrued", "deducted", "paid", "balance")]
    writer.writerow([_("total"), "", "", *sums, fmt(rows[-1].running) if rows else "0.00", ""])
    return "\ufeff" + out.getvalue()


def roster(r: RosterReport) -> dict[str, Any]:
    return {
        "period": r.period.as_json(),
        "compliant": r.compliant,
        "violations": [violation(v) for v in r.violations],
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


def violation(v: Violation) -> dict[str, Any]:
    return {
        "from": v.start.isoformat(),
        "to": v.end.isoformat(),
        "rule": v.rule,
        "clause": v.clause,
        "expected": v.expected,
        "actual": v.actual,
        "detail": v.detail,
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
