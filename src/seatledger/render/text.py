"""Reports for people: tables with every figure's clause beside it."""

from __future__ import annotations

from typing import Any

from seatledger.core.i18n import _, current, local, tr
from seatledger.core.vocabulary import ROSTER_RULES, SETTINGS, STATUSES, WINDOWS, shown, titled
from seatledger.render.sheet import Sheet
from seatledger.render.terminal import Markup, Terminal, escape
from seatledger.reports.compliance import ComplianceReport
from seatledger.reports.contract_terms import ContractTerms
from seatledger.reports.notices import NoticesReport
from seatledger.reports.roster_check import RosterReport
from seatledger.rules.gaps import Gap

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


def first_few(items: list[str], n: int = 8) -> tuple[str, str]:
    """The first `n` of a long list, joined, and the words for how many more there are."""
    more = tr(" and {n} more", n=len(items) - n) if len(items) > n else ""
    return ", ".join(items[:n]), more


def gap_warning(out: Any, gaps: tuple[Gap, ...], unrecorded: tuple[Gap, ...], recorded_to: object) -> None:
    if gaps:
        listed, more = first_few([f"{g.date} {shown(g.shift)}" for g in gaps])
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
    if not r.obligations:  # a contract that sets no counted duties: say so, not a bare header
        t.add_row(*([""] if keyed else []), _("(the contract sets no counted duties)"), "", "", "", "", "")
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
        "indicators": _("Service-level indicators"),
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
