"""`diff --format markdown`: a compact summary to paste as a pull-request comment."""

from __future__ import annotations

from decimal import Decimal

from seatledger.core.i18n import _, tr
from seatledger.core.money import fmt_grouped
from seatledger.core.vocabulary import CHANGES, KINDS, shown
from seatledger.reports.ledger_diff import LedgerDiff, MoneyDelta, RecordChange


def _signed(value: Decimal) -> str:
    return ("+" if value > 0 else "") + fmt_grouped(value)


def _money_rows(rows: tuple[MoneyDelta, ...]) -> list[str]:
    return [
        tr(
            "| {label}{value} | {amount} | {signed} | {amount2} | {signed2} |",
            label=m.period.label,
            value="" if m.complete else _(" (incomplete)"),
            amount=fmt_grouped(m.deducted_after),
            signed=_signed(m.deducted),
            amount2=fmt_grouped(m.balance_after),
            signed2=_signed(m.balance),
        )
        for m in rows
    ]


def what_changed(r: RecordChange) -> str:
    """The detail of one change: what a void withdraws, each changed field before -> after."""
    if r.kind == "void" and r.target:
        return tr("withdraws {target}", target=r.target)
    if r.change == "changed":
        none = _("(none)")
        return "; ".join(f"{k}: {a or none} → {b or none}" for k, a, b in r.fields)
    return ""


def warnings(d: LedgerDiff) -> list[str]:
    return [
        tr(
            "**Warning**: `{id}` {change} inside closed quarter {closed}; reopen it first "
            "(`seatledger reopen --quarter {closed}`)",
            id=r.id,
            change=shown(r.change, CHANGES),
            closed=r.closed,
        )
        for r in d.records
        if r.closed
    ]


def ledger_diff(d: LedgerDiff) -> str:
    out = [tr("### seatledger diff: {base} → {head}", base=d.base, head=d.head), ""]
    if d.empty:
        return "\n".join([*out, _("No change to the ledger's records, roster or figures."), ""])
    out += [f"> {w}" for w in warnings(d)] + ([""] if warnings(d) else [])
    counts = {c: sum(1 for r in d.records if r.change == c) for c in ("added", "changed", "removed")}
    out.append(
        tr(
            "**Records**: {added} added, {changed} changed, {removed} removed",
            added=counts["added"],
            changed=counts["changed"],
            removed=counts["removed"],
        )
    )
    if d.records:
        out += ["", _("| change | record | kind | date | detail |"), "|---|---|---|---|---|"]
        first = d.records[:30]
        out += [
            tr(
                "| {change} | `{id}` | {kind} | {value} | {what_changed} |",
                change=shown(r.change, CHANGES),
                id=r.id,
                kind=shown(r.kind, KINDS),
                value=r.date or "",
                what_changed=what_changed(r),
            )
            for r in first
        ]
        if len(d.records) > len(first):
            out.append(tr("| … | {n} more | | | |", n=len(d.records) - len(first)))
    if d.roster:
        out += [
            "",
            _("**Roster**: ")
            + ", ".join(
                f"{shown(r.change, CHANGES)} `{r.id}`"
                + (f" ({what_changed(r)})" if r.change == "changed" else "")
                for r in d.roster
            ),
        ]
    if d.closings:
        out += ["", _("**Closed periods**: ") + "; ".join(d.closings)]
    if d.months or d.quarters:
        out += [
            "",
            _("**Money** (deducted from Party B; balance owed by Party A = accrued − deducted − paid)"),
            "",
            _("| period | deducted | Δ deducted | balance | Δ balance |"),
            "|---|---:|---:|---:|---:|",
            *_money_rows(d.months),
            *_money_rows(d.quarters),
        ]
        if not all(m.complete for m in (*d.months, *d.quarters)):
            out += [
                "",
                _(
                    "Periods marked (incomplete) have gaps or unrecorded attendance: their "
                    "deductions may be understated."
                ),
            ]
    else:
        out += ["", _("**Money**: no change to deductions or the balance owed.")]
    if d.new_violations or d.resolved_violations:
        out += ["", _("**Roster compliance**:")]
        out += [
            tr(
                "- new: {rule} {start}..{end} ({clause}): expected {expected}, actual {actual}",
                rule=v.rule,
                start=v.start,
                end=v.end,
                clause=v.clause,
                expected=v.expected,
                actual=v.actual,
            )
            for v in d.new_violations
        ]
        out += [
            tr(
                "- resolved: {rule} {start}..{end} ({clause})",
                rule=v.rule,
                start=v.start,
                end=v.end,
                clause=v.clause,
            )
            for v in d.resolved_violations
        ]
    else:
        out += ["", _("**Roster compliance**: unchanged.")]
    return "\n".join([*out, ""])
