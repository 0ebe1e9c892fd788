"""`diff --format markdown`: a compact summary to paste as a pull-request comment."""

from __future__ import annotations

from decimal import Decimal

from seatledger.core.money import fmt_grouped
from seatledger.reports.ledger_diff import LedgerDiff, MoneyDelta, RecordChange


def _signed(value: Decimal) -> str:
    return ("+" if value > 0 else "") + fmt_grouped(value)


def _money_rows(rows: tuple[MoneyDelta, ...]) -> list[str]:
    return [f"| {m.period.label}{'' if m.complete else ' (incomplete)'} | "
            f"{fmt_grouped(m.deducted_after)} | {_signed(m.deducted)} | "
            f"{fmt_grouped(m.balance_after)} | {_signed(m.balance)} |" for m in rows]


def what_changed(r: RecordChange) -> str:
    """The detail of one change: what a void withdraws, each changed field before -> after."""
    if r.kind == "void" and r.target:
        return f"withdraws {r.target}"
    if r.change == "changed":
        return "; ".join(f"{k}: {a or '(none)'} → {b or '(none)'}" for k, a, b in r.fields)
    return ""


def warnings(d: LedgerDiff) -> list[str]:
    return [f"**Warning**: `{r.id}` {r.change} inside closed quarter {r.closed}; reopen it "
            f"first (`seatledger reopen --quarter {r.closed}`)" for r in d.records if r.closed]


def ledger_diff(d: LedgerDiff) -> str:
    out = [f"### seatledger diff: {d.base} → {d.head}", ""]
    if d.empty:
        return "\n".join([*out, "No change to the ledger's records, roster or figures.", ""])
    out += [f"> {w}" for w in warnings(d)] + ([""] if warnings(d) else [])
    counts = {c: sum(1 for r in d.records if r.change == c) for c in ("added", "changed", "removed")}
    out.append(f"**Records**: {counts['added']} added, {counts['changed']} changed, "
               f"{counts['removed']} removed")
    if d.records:
        out += ["", "| change | record | kind | date | detail |", "|---|---|---|---|---|"]
        shown = d.records[:30]
        out += [f"| {r.change} | `{r.id}` | {r.kind} | {r.date or ''} | {what_changed(r)} |"
                for r in shown]
        if len(d.records) > len(shown):
            out.append(f"| … | {len(d.records) - len(shown)} more | | | |")
    if d.roster:
        out += ["", "**Roster**: " + ", ".join(
            f"{r.change} `{r.id}`" + (f" ({what_changed(r)})" if r.change == "changed" else "")
            for r in d.roster)]
    if d.closings:
        out += ["", "**Closed periods**: " + "; ".join(d.closings)]
    if d.months or d.quarters:
        out += ["", "**Money** (deducted from Party B; balance owed by Party A = accrued − "
                "deducted − paid)", "",
                "| period | deducted | Δ deducted | balance | Δ balance |",
                "|---|---:|---:|---:|---:|", *_money_rows(d.months), *_money_rows(d.quarters)]
        if not all(m.complete for m in (*d.months, *d.quarters)):
            out += ["", "Periods marked (incomplete) have gaps or unrecorded attendance: their "
                    "deductions may be understated."]
    else:
        out += ["", "**Money**: no change to deductions or the balance owed."]
    if d.new_violations or d.resolved_violations:
        out += ["", "**Roster compliance**:"]
        out += [f"- new: {v.rule} {v.start}..{v.end} ({v.clause}): expected {v.expected}, "
                f"actual {v.actual}" for v in d.new_violations]
        out += [f"- resolved: {v.rule} {v.start}..{v.end} ({v.clause})"
                for v in d.resolved_violations]
    else:
        out += ["", "**Roster compliance**: unchanged."]
    return "\n".join([*out, ""])
