"""`diff --format markdown`: a compact summary to paste as a pull-request comment, which says
why the money moves: each record's substance and the deductions it makes, and per period what
was accrued, deducted and paid, and the balance owed before and after."""

from __future__ import annotations

from decimal import Decimal

from seatledger.core.choices import SHIFT_TITLES
from seatledger.core.i18n import N_, _, current, tr
from seatledger.core.money import fmt_grouped
from seatledger.core.vocabulary import FIELDS, shown
from seatledger.reports.ledger_diff import LedgerDiff, MoneyDelta, RecordChange, record_fields

SHOWN = 30  # records listed; the rest are counted
CHANGES = {"added": N_("added"), "changed": N_("changed"), "removed": N_("removed")}
SEALED = {
    "records": N_("records"),
    "accrued": N_("accrued"),
    "deducted": N_("deducted"),
    "paid": N_("paid"),
    "closing_balance": N_("balance owed"),
    "personal_fines": N_("personal fines"),
}


def _signed(value: Decimal) -> str:
    return ("+" if value > 0 else "") + fmt_grouped(value)


def _before_after(before: Decimal, after: Decimal) -> str:
    if before == after:
        return fmt_grouped(after)
    return f"{fmt_grouped(before)} → {fmt_grouped(after)} ({_signed(after - before)})"


def _money_rows(rows: tuple[MoneyDelta, ...]) -> list[str]:
    return [
        "| "
        + " | ".join(
            [
                m.period.label + ("" if m.complete else " " + _("(incomplete)")),
                _before_after(m.accrued_before, m.accrued_after),
                _before_after(m.deducted_before, m.deducted_after),
                _before_after(m.paid_before, m.paid_after),
                _before_after(m.owed_before, m.owed_after),
            ]
        )
        + " |"
        for m in rows
    ]


def what_changed(r: RecordChange) -> str:
    """The detail of one change: what a void withdraws, each changed field before -> after."""
    if r.kind == "void" and r.target:
        return tr("withdraws {target}", target=r.target)
    if r.change == "changed":
        return "; ".join(
            f"{shown(k, FIELDS)}: {a or _('(none)')} → {b or _('(none)')}" for k, a, b in r.fields
        )
    return ""


def _shift(name: str) -> str:
    return SHIFT_TITLES.get(name, name) if current() == "zh" else name  # the contract's words


def substance(r: RecordChange) -> str:
    """What the record says: for attendance, present of required and who was absent; for any
    other kind its fields (penalty, count, instalment, amount...)."""
    fields = record_fields(r.after or r.before)
    if r.kind == "attendance":
        text = tr(
            "{shift} shift: {present} of {required} present",
            shift=_shift(fields.get("shift", "")),
            present=fields.get("present", "?"),
            required=r.required if r.required is not None else "?",
        )
        if fields.get("absent"):
            text += "; " + tr("absent {ids}", ids=fields["absent"].strip("[]"))
        return text
    skip = {"id", "kind", "date", "note"}
    if current() != "zh":
        return ", ".join(f"{k} {v.strip(chr(34))}" for k, v in fields.items() if k not in skip and v)
    # in Chinese each field by its word, a penalty by its title, a shift or role by its word
    titles = {line.penalty: line.title for line in r.lines}
    return "，".join(
        f"{shown(k, FIELDS)} {titles.get(v.strip(chr(34))) or shown(v.strip(chr(34)))}"
        for k, v in fields.items()
        if k not in skip and v
    )


def money_of(r: RecordChange) -> str:
    sign = "+" if r.change == "removed" else "−"  # a removed deduction gives the money back
    return "; ".join(
        f"{line.title} {sign}{fmt_grouped(line.amount)}" + ("" if line.set_off else " " + _("(not set off)"))
        for line in r.lines
    )


def warnings(d: LedgerDiff) -> list[str]:
    return [
        tr(
            "**Warning**: `{id}` {change} inside closed quarter {closed}; reopen it first "
            "(`seatledger reopen --quarter {closed}`)",
            id=r.id,
            change=_(CHANGES.get(r.change, r.change)),
            closed=r.closed,
        )
        for r in d.records
        if r.closed
    ]


def _records(d: LedgerDiff) -> list[str]:
    counts = {c: sum(1 for r in d.records if r.change == c) for c in CHANGES}
    out = [
        tr(
            "**Records**: {added} added, {changed} changed, {removed} removed",
            added=counts["added"],
            changed=counts["changed"],
            removed=counts["removed"],
        )
    ]
    if d.records:
        out += [
            "",
            _("| change | record | date | what it says | deductions |"),
            "|---|---|---|---|---|",
        ]
        for r in d.records[:SHOWN]:
            said = " ".join(x for x in (substance(r), what_changed(r) and f"({what_changed(r)})") if x)
            change = _(CHANGES.get(r.change, r.change))
            out.append(f"| {change} | `{r.id}` | {r.date or ''} | {said} | {money_of(r)} |")
        if len(d.records) > SHOWN:
            out.append(tr("| … | {n} more | | | |", n=len(d.records) - SHOWN))
    return out


def _sealed(d: LedgerDiff) -> list[str]:
    out = []
    for quarter, figures in d.sealed:
        shown = ", ".join(f"{_(SEALED.get(k, k))} {v}" for k, v in figures)
        out.append(tr("**Sealed**: closing {quarter} seals {figures}", quarter=quarter, figures=shown))
    return out


def ledger_diff(d: LedgerDiff) -> str:
    out = [tr("### seatledger diff: {base} → {head}", base=d.base, head=d.head), ""]
    if d.empty:
        return "\n".join([*out, _("No change to the ledger's records, roster or figures."), ""])
    out += [f"> {w}" for w in warnings(d)] + ([""] if warnings(d) else [])
    if d.resolved:
        out += [tr("**Problems of {base} that this change resolves**:", base=d.base), ""]
        out += [f"- `{line}`" for line in d.resolved] + [""]
    out += _records(d)
    if d.roster:
        out += [
            "",
            _("**Roster**: ")
            + ", ".join(
                f"{_(CHANGES.get(r.change, r.change))} `{r.id}`"
                + (f" ({what_changed(r)})" if r.change == "changed" else "")
                for r in d.roster
            ),
        ]
    if d.closings:
        out += ["", _("**Closed periods**: ") + "; ".join(d.closings)]
    if d.sealed:
        out += ["", *_sealed(d)]
    if d.gaps:
        listed = ", ".join(f"{g.date} {_shift(g.shift)}" for g in d.gaps[:SHOWN])
        more = tr(" and {n} more", n=len(d.gaps) - SHOWN) if len(d.gaps) > SHOWN else ""
        out += [
            "",
            tr(
                "**Gaps** ({n}; findings, such as weeks not merged yet; `close` refuses a quarter "
                "with one): {listed}{more}",
                n=len(d.gaps),
                listed=listed,
                more=more,
            ),
        ]
    if d.months or d.quarters:
        out += [
            "",
            _(
                "**Money**, before → after (change): accrued to Party B, deducted from it, paid "
                "by Party A, and the balance Party A owes at the period's end (accrued − deducted "
                "− paid since the term began)"
            ),
            "",
            _("| period | accrued | deducted | paid | balance owed |"),
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
