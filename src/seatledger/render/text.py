"""Reports for people: tables with every figure's clause beside it."""

from __future__ import annotations

from typing import Any

from seatledger.core.i18n import _, current, local, tr
from seatledger.core.money import fmt_grouped
from seatledger.core.vocabulary import ROSTER_RULES, SETTINGS, STATUSES, UNITS, WINDOWS, shown, titled
from seatledger.render.sheet import Sheet
from seatledger.render.terminal import Markup, Terminal, escape
from seatledger.reports.compliance import ComplianceReport
from seatledger.reports.contract_terms import ContractTerms
from seatledger.reports.deductions import DeductionReport
from seatledger.reports.notices import NoticesReport
from seatledger.reports.roster_check import RosterReport
from seatledger.rules.deduction_lines import Level
from seatledger.rules.gaps import Gap
from seatledger.rules.service_levels import Missing

INCOMPLETE = Markup("[yellow]*[/]")


def mk(template: str) -> Markup:
    """A translated message whose style tags are meant."""
    return Markup(_(template))


def tm(template: str, **args: object) -> Markup:
    """`tr` for a template with style tags: the data put in is escaped."""
    return Markup(tr(template, **{k: escape(local(v)) for k, v in args.items()}))


def strong_red(text: str) -> Markup:
    return Markup(f"[bold red]{escape(text)}[/]")


def console() -> Terminal:
    return Terminal()


def table(title: str, columns: list[tuple[str, str]]) -> Sheet:
    return Sheet(title, columns)


def gap_warning(out: Any, gaps: tuple[Gap, ...], unrecorded: tuple[Gap, ...], recorded_to: object) -> None:
    if gaps:
        listed = ", ".join(f"{g.date} {shown(g.shift)}" for g in gaps[:8])
        more = tr(" and {n} more", n=len(gaps) - 8) if len(gaps) > 8 else ""
        out.print(
            tm(
                "[bold yellow]warning:[/] {n_gaps} required shift(s) have no attendance record "
                "(gaps, rule 6): {shown}{more}",
                n_gaps=len(gaps),
                shown=listed,
                more=more,
            )
        )
    if unrecorded:
        out.print(
            tm(
                "[bold yellow]warning:[/] attendance is recorded up to {value}; {n_unrecorded} "
                "required shift(s) in the period from {date} are not recorded yet",
                value=recorded_to or _("no date"),
                n_unrecorded=len(unrecorded),
                date=unrecorded[0].date,
            )
        )
    if gaps or unrecorded:
        out.print(mk("[bold yellow]figures are INCOMPLETE[/]"))


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
    listed = ", ".join(f"{m.month} {m.indicator}" for m in missing[:8])
    more = tr(" and {n} more", n=len(missing) - 8) if len(missing) > 8 else ""
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


def roster(r: RosterReport) -> None:
    out = console()
    span = (
        f"{r.period.start}"
        if r.period.start == r.period.end
        else tr("{start}..{end}, {days} days", start=r.period.start, end=r.period.end, days=r.days)
    )
    if r.compliant:
        out.print(tr("roster compliant: {label} ({span})", label=r.period.label, span=span))
        return
    t = table(
        tr("Roster violations {label} ({span})", label=r.period.label, span=span),
        [
            ("from", "left"),
            ("to", "left"),
            ("rule", "left"),
            ("clause", "left"),
            ("expected", "left"),
            ("actual", "left"),
            ("detail", "left"),
        ],
    )
    for v in r.violations:
        t.add_row(
            str(v.start),
            str(v.end),
            shown(v.rule, ROSTER_RULES),
            v.clause,
            local(v.expected),
            local(v.actual),
            local(v.detail),
        )
    out.print(t)


def compliance(r: ComplianceReport) -> None:
    out = console()
    keyed = current() != "zh"
    titles = {s.key: s.obligation.title for s in r.obligations}
    t = table(
        tr(
            "Counted duties {label} ({start}..{end})",
            label=r.period.label,
            start=r.period.start,
            end=r.period.end,
        ),
        [
            *([("duty", "left")] if keyed else []),
            ("title", "left"),
            ("clause", "left"),
            ("window", "left"),
            ("required", "right"),
            ("windows", "right"),
            ("short", "right"),
        ],
    )
    for s in r.obligations:
        t.add_row(
            *((s.key,) if keyed else ()),
            s.obligation.title,
            s.obligation.clause,
            shown(s.obligation.window, WINDOWS),
            str(s.obligation.required),
            str(len(s.lines)),
            strong_red(str(len(s.shortfalls))) if s.shortfalls else "0",
        )
    out.print(t)
    short = [line for s in r.obligations for line in s.shortfalls]
    if short:
        d = table(
            _("Shortfalls"),
            [
                ("duty", "left"),
                ("window", "left"),
                ("from", "left"),
                ("to", "left"),
                ("required", "right"),
                ("recorded", "right"),
                ("shortfall", "right"),
                ("clause", "left"),
            ],
        )
        for line in short:
            d.add_row(
                titled(line.obligation, titles.get(line.obligation)),
                local(line.window.label),
                str(line.window.start),
                str(line.window.end),
                str(line.required),
                str(line.recorded),
                str(line.shortfall),
                line.clause,
            )
        out.print(d)


def notices(r: NoticesReport) -> None:
    out = console()
    t = table(
        tr("Notices to cure, as of {as_of}", as_of=r.as_of),
        [
            ("notice", "left"),
            ("date", "left"),
            ("clause", "left"),
            ("cure by", "left"),
            ("status", "left"),
            ("detail", "left"),
        ],
    )
    for n in r.lines:
        status = (
            strong_red(shown(n.status, STATUSES)) if n.status == "past cure-by" else shown(n.status, STATUSES)
        )
        t.add_row(n.id, str(n.date), n.clause, str(n.cure_by), status, local(n.detail))
    if not r.lines:
        t.add_row(_("(none)"), "", "", "", "", "")
    out.print(t)
    if r.ended:
        out.print(tm("[bold]termination:[/] {ended}", ended=r.ended))


def contract_terms(r: ContractTerms) -> None:
    out = console()
    out.print(
        tr(
            "{title} ({id}): {start}..{end}, total {total}",
            title=r.title,
            id=r.id,
            start=r.start,
            end=r.end,
            total=r.total,
        )
    )
    out.print(tr("Party A: {a}; Party B: {b}", a=r.party_a, b=r.party_b))
    sections = {
        "penalties": _("Penalties"),
        "duties": _("Counted duties"),
        "instalments": _("Instalments"),
        "excuses": _("Excuses for late payment"),
        "documents": _("Documents that are a basis for payment"),
        "groups": _("Groups"),
        "grounds": _("Grounds for termination"),
        "settings": _("Settings"),
    }
    for section, heading in sections.items():
        rows = [t for t in r.terms if t.section == section]
        if not rows:
            continue
        t = table(heading, [("key", "left"), ("title", "left"), ("rate", "right"), ("clause", "left")])
        for term in rows:
            title = term.title or (SETTINGS.get(term.key, "") if current() == "zh" else "")
            t.add_row(term.key, title, local(term.rate), term.clause)
        out.print(t)
