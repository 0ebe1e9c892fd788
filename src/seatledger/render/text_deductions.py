"""The deductions report for people: each line with its penalty or indicator, clause, rate and
the detail it comes from (the shift's presence, the staff, a service level's figure, rule 25);
fines on persons apart; months without a service level's figure listed (rule 25)."""

from __future__ import annotations

from typing import Any

from seatledger.core.i18n import _, current, local, tr
from seatledger.core.money import fmt_grouped
from seatledger.core.vocabulary import UNITS, shown, titled
from seatledger.render.sheet import Sheet
from seatledger.render.text import console, first_few, gap_warning, mk, table, tm
from seatledger.reports.deductions import DeductionReport
from seatledger.rules.deduction_lines import Level
from seatledger.rules.service_levels import Missing


def deductions(r: DeductionReport) -> None:
    out = console()
    title = tr(
        "Deductions {label} ({start}..{end})", label=r.period.label, start=r.period.start, end=r.period.end
    )
    out.print(lines_table(title, r.lines))
    t = _by_penalty(r)
    t.add_section()
    t.add_row(
        mk("[bold]total deducted from Party B[/]"),
        *[""] * (len(t.columns) - 2),
        tm("[bold]{amount}[/]", amount=fmt_grouped(r.total)),
    )
    out.print(t)
    if r.personal_fines:
        out.print(lines_table(_("Fines on persons: reported, not deducted from Party B"), r.personal_fines))
    gap_warning(out, r.gaps, r.unrecorded, r.recorded_to)
    missing_warning(out, r.missing, said=bool(r.gaps or r.unrecorded))


def missing_warning(out: Any, missing: tuple[Missing, ...], said: bool = False) -> None:
    """Months ended without a service level's figure (rule 25): never read as zero. `said`:
    the gap warning has said the figures are incomplete already."""
    if not missing:
        return
    listed, more = first_few([f"{m.month} {titled(m.indicator, m.title)}" for m in missing])
    out.print(
        tm(
            "[bold yellow]warning:[/] {n} monthly figure(s) of the service levels are not recorded "
            "(rule 25): {shown}{more}",
            n=len(missing),
            shown=listed,
            more=more,
        )
    )
    if not said:
        out.print(mk("[bold yellow]figures are INCOMPLETE[/]"))


def _by_penalty(r: DeductionReport) -> Sheet:
    """Each penalty's total; in Chinese by its title alone (the key is for typing)."""
    keyed = current() != "zh"
    columns = [("penalty", "left"), ("title", "left")] if keyed else [("penalty", "left")]
    t = table(_("By penalty"), [*columns, ("clause", "left"), ("amount", "right")])
    titles = {line.penalty: (line.title, line.clause) for line in r.lines}
    for key, amount in sorted(r.by_penalty.items()):
        title, clause = titles[key]
        names = (key, title) if keyed else (titled(key, title),)
        t.add_row(*names, clause, fmt_grouped(amount))
    return t


def lines_table(title: str, lines: tuple[Any, ...]) -> Any:
    t = table(
        title,
        [
            ("date", "left"),
            ("penalty", "left"),
            ("clause", "left"),
            ("qty", "right"),
            ("unit", "left"),
            ("rate", "right"),
            ("amount", "right"),
            ("detail", "left"),
        ],
    )
    for line in lines:
        detail = []
        if line.shift:
            detail.append(
                tr(
                    "{shift} shift {present}/{required} present, {headcount} on roster",
                    shift=shown(line.shift),
                    present=line.present,
                    required=line.required,
                    headcount=line.headcount,
                )
            )
        if line.staff:
            detail.append(tr("staff {ids}", ids=",".join(line.staff)))
        if line.ref:
            detail.append(tr("ref {ref}", ref=line.ref))
        if line.level is not None:
            detail.append(level_detail(line.level))
        detail.append(line.record)
        t.add_row(
            line.date.isoformat(),
            titled(line.penalty, line.title),
            line.clause,
            str(line.quantity),
            shown(line.unit, UNITS),
            fmt_grouped(line.rate),
            fmt_grouped(line.amount),
            "; ".join(detail),
        )
    if not lines:
        t.add_row("", _("(none)"), "", "", "", "", "", "")
    return t


def level_detail(level: Level) -> str:
    """A service-level line's figure, target and cap (rule 25)."""
    text = tr(
        "{month}: {value} % against {target} %",
        month=level.month,
        value=level.value,
        target=level.target,
    )
    if level.cap is not None:
        text += tr("; capped from {amount}: {cap}", amount=fmt_grouped(level.uncapped), cap=local(level.cap))
    return text
