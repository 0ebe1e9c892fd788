"""Reports for people: tables with every figure's clause beside it."""

from __future__ import annotations

import re
from datetime import date, timedelta
from typing import Any

from seatledger.core.i18n import _, local, tr
from seatledger.core.money import capitals, fmt_grouped
from seatledger.render.sheet import Sheet
from seatledger.render.terminal import Markup, Terminal, escape
from seatledger.reports.balance import BalanceRow
from seatledger.reports.compliance import ComplianceReport
from seatledger.reports.contract_terms import ContractTerms
from seatledger.reports.deductions import DeductionReport
from seatledger.reports.ledger_diff import LedgerDiff
from seatledger.reports.notices import NoticesReport
from seatledger.reports.roster_check import RosterReport
from seatledger.reports.settlement import Statement
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


def gap_warning(out: Any, gaps: tuple[Gap, ...], unrecorded: tuple[Gap, ...], recorded_to: object) -> None:
    if gaps:
        shown = ", ".join(f"{g.date} {g.shift}" for g in gaps[:8])
        more = tr(" and {n} more", n=len(gaps) - 8) if len(gaps) > 8 else ""
        out.print(
            tm(
                "[bold yellow]warning:[/] {n_gaps} required shift(s) have no attendance record "
                "(gaps, rule 6): {shown}{more}",
                n_gaps=len(gaps),
                shown=shown,
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
    out.print(_lines_table(title, r.lines))
    t = table(
        _("By penalty"), [("penalty", "left"), ("title", "left"), ("clause", "left"), ("amount", "right")]
    )
    titles = {line.penalty: (line.title, line.clause) for line in r.lines}
    for key, amount in sorted(r.by_penalty.items()):
        t.add_row(key, *titles[key], fmt_grouped(amount))
    t.add_section()
    t.add_row(
        mk("[bold]total deducted from Party B[/]"),
        "",
        "",
        tm("[bold]{amount}[/]", amount=fmt_grouped(r.total)),
    )
    out.print(t)
    if r.personal_fines:
        out.print(_lines_table(_("Fines on persons: reported, not deducted from Party B"), r.personal_fines))
    gap_warning(out, r.gaps, r.unrecorded, r.recorded_to)


def _lines_table(title: str, lines: tuple[Any, ...]) -> Any:
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
                    shift=line.shift,
                    present=line.present,
                    required=line.required,
                    headcount=line.headcount,
                )
            )
        if line.staff:
            detail.append(tr("staff {ids}", ids=",".join(line.staff)))
        if line.ref:
            detail.append(tr("ref {ref}", ref=line.ref))
        detail.append(line.record)
        t.add_row(
            line.date.isoformat(),
            line.penalty,
            line.clause,
            str(line.quantity),
            line.unit,
            fmt_grouped(line.rate),
            fmt_grouped(line.amount),
            "; ".join(detail),
        )
    if not lines:
        t.add_row("", "(none)", "", "", "", "", "", "")
    return t


def statement(s: Statement) -> None:
    out = console()
    t = table(
        tr(
            "Settlement {label} ({start}..{end}), as of {as_of}",
            label=s.period.label,
            start=s.period.start,
            end=s.period.end,
            as_of=s.as_of,
        ),
        [
            ("item", "left"),
            ("clause", "left"),
            ("amount", "right"),
            ("in capitals", "left"),
            ("detail", "left"),
        ],
    )
    t.add_row(_("opening balance brought forward"), "", fmt_grouped(s.opening), "", "")
    for a in s.accruals:
        t.add_row(tr("+ {label} accrued", label=a.label), a.clause, fmt_grouped(a.amount), "", str(a.date))
    for key, amount in sorted(s.by_penalty.items()):
        t.add_row(s.deduction_item(key), s.clauses.get(key, ""), fmt_grouped(-amount), "", "")
    for p in s.payments:
        t.add_row(
            tr("- payment received (instalment {instalment})", instalment=p.instalment),
            "",
            fmt_grouped(-p.amount),
            "",
            f"{p.date}; {p.id}",
        )
    t.add_section()
    t.add_row(
        mk("[bold]closing balance owed by Party A[/]"),
        "",
        tm("[bold]{amount}[/]", amount=fmt_grouped(s.closing)),
        capitals(s.closing),
        "",
    )
    if s.next_label:
        t.add_row(tr("next: {label}", label=s.next_label), "", fmt_grouped(s.next_amount), "", "")
    if s.disputed:
        t.add_row(
            _("+ deductions under dispute, not withheld (rule 17)"),
            "",
            fmt_grouped(s.disputed_total),
            "",
            ", ".join(line.record for line in s.disputed),
        )
    t.add_row(
        mk("[bold]Party A should pay next[/]"),
        "",
        tm("[bold]{amount}[/]", amount=fmt_grouped(s.next_payment)),
        capitals(s.next_payment),
        "",
    )
    t.add_row(
        _("late-payment interest (beside the balance)"),
        s.interest_clause,
        fmt_grouped(s.late_interest),
        capitals(s.late_interest),
        "",
    )
    if s.late_interest_at_floor is not None:
        t.add_row(
            tr(
                "late-payment interest at the statutory floor ({floor_percent} %, rule 20)",
                floor_percent=s.floor_percent,
            ),
            "",
            fmt_grouped(s.late_interest_at_floor),
            capitals(s.late_interest_at_floor),
            "",
        )
    out.print(t)
    accruing = any(e.accruing for e in s.dues)  # a column of zeros is left out
    d = table(
        _("Due dates and late-payment interest (rules 9, 10)"),
        [
            ("inst", "left"),
            ("amount", "right"),
            ("requested", "left"),
            ("due", "left"),
            ("paid", "right"),
            ("late", "right"),
            ("interest", "right"),
            *([("accruing", "right")] if accruing else []),
            ("note", "left"),
        ],
    )
    for e in s.dues:
        d.add_row(
            str(e.instalment),
            fmt_grouped(e.amount) if e.amount is not None else "unconfirmed",
            str(e.requested or _("no request")),
            str(e.due or _("none")),
            fmt_grouped(e.paid),
            tr("{days_late}d", days_late=e.days_late),
            fmt_grouped(e.interest),
            *([fmt_grouped(e.accruing)] if accruing else []),
            "",
        )
        for pd in e.payments:
            d.add_row(
                "",
                "",
                _("paid on"),
                str(pd.date),
                fmt_grouped(pd.amount),
                tr("{days_late}d", days_late=pd.days_late),
                fmt_grouped(pd.interest),
                *([""] if accruing else []),
                tr("excused: {excuse}", excuse=pd.excused) if pd.excused else pd.record,
            )
    out.print(d)
    v = table(
        _("Invoices and the documents that are the basis for payment (rule 15)"),
        [
            ("inst", "left"),
            ("invoiced", "right"),
            ("paid", "right"),
            ("uninvoiced", "right"),
            ("detail", "left"),
        ],
    )
    for c in s.invoices:
        missing = (
            tr("missing: {documents}", documents=", ".join(c.missing_documents))
            if c.missing_documents
            else ""
        )
        v.add_row(
            str(c.instalment),
            fmt_grouped(c.invoiced),
            fmt_grouped(c.paid),
            strong_red(fmt_grouped(c.uninvoiced)) if c.uninvoiced else "0.00",
            missing,
        )
    out.print(v)
    gap_warning(out, s.gaps, s.unrecorded, s.recorded_to)


def balance(rows: list[BalanceRow]) -> None:
    out = console()
    t = table(
        _("Balance owed by Party A (accrued - deducted - paid)"),
        [
            ("period", "left"),
            ("accrued", "right"),
            ("deducted", "right"),
            ("paid", "right"),
            ("balance", "right"),
            ("running", "right"),
            ("", "left"),
        ],
    )
    for r in rows:
        p = r.period
        label = p.label if _whole(p.label, p.start, p.end) else f"{p.start}..{p.end}"
        t.add_row(
            label,
            fmt_grouped(r.accrued),
            fmt_grouped(r.deducted),
            fmt_grouped(r.paid),
            fmt_grouped(r.balance),
            fmt_grouped(r.running),
            "" if r.complete else INCOMPLETE,
        )
    out.print(t)
    if not all(r.complete for r in rows):
        out.print(
            mk(
                "[bold yellow]warning:[/] rows marked * are incomplete: they have gaps or unrecorded "
                "attendance, so their deductions may be understated"
            )
        )


def _whole(label: str, start: date, end: date) -> bool:
    """Whether a row spans all of the month or quarter its label names."""
    if re.fullmatch(r"\d{4}-\d{2}", label):
        return (
            start.day == 1
            and (end + timedelta(days=1)).day == 1
            and f"{start:%Y-%m}" == label == f"{end:%Y-%m}"
        )
    if re.fullmatch(r"\d{4}-Q[1-4]", label):
        return start.day == 1 and (end + timedelta(days=1)).day == 1 and (end.month - start.month) == 2
    return False


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
        t.add_row(str(v.start), str(v.end), v.rule, v.clause, v.expected, v.actual, v.detail)
    out.print(t)


def compliance(r: ComplianceReport) -> None:
    out = console()
    t = table(
        tr(
            "Counted duties {label} ({start}..{end})",
            label=r.period.label,
            start=r.period.start,
            end=r.period.end,
        ),
        [
            ("duty", "left"),
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
            s.key,
            s.obligation.title,
            s.obligation.clause,
            s.obligation.window,
            str(s.obligation.required),
            str(len(s.lines)),
            strong_red(str(len(s.shortfalls))) if s.shortfalls else "0",
        )
    out.print(t)
    short = [line for s in r.obligations for line in s.shortfalls]
    if short:
        d = table(
            "Shortfalls",
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
                line.obligation,
                line.window.label,
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
        status = strong_red(local(n.status)) if n.status == "past cure-by" else local(n.status)
        t.add_row(n.id, str(n.date), n.clause, str(n.cure_by), status, n.detail)
    if not r.lines:
        t.add_row("(none)", "", "", "", "", "")
    out.print(t)
    if r.ended:
        out.print(tm("[bold]termination:[/] {ended}", ended=r.ended))


def ledger_diff(d: LedgerDiff) -> None:
    """`diff --format text`: the same as the pull-request comment, as tables for a terminal."""
    from seatledger.render.markdown import warnings, what_changed

    out = console()
    out.print(tm("[bold]seatledger diff:[/] {base} -> {head}", base=d.base, head=d.head))
    if d.empty:
        out.print(_("no change to the ledger's records, roster or figures"))
        return
    for w in warnings(d):
        out.print(Markup(f"[bold yellow]{escape(w.replace('**', '').replace('`', ''))}[/]"))
    t = table(
        "Records",
        [("change", "left"), ("record", "left"), ("kind", "left"), ("date", "left"), ("detail", "left")],
    )
    for r in (*d.records, *d.roster):
        t.add_row(r.change, r.id, r.kind, str(r.date or ""), what_changed(r))
    out.print(t)
    for c in d.closings:
        out.print(tr("closed periods: {c}", c=c))
    m = table(
        _("Money (deducted from Party B; balance owed by Party A)"),
        [
            ("period", "left"),
            ("deducted", "right"),
            ("change", "right"),
            ("balance", "right"),
            ("change", "right"),
            ("", "left"),
        ],
    )
    for row in (*d.months, *d.quarters):
        m.add_row(
            row.period.label,
            fmt_grouped(row.deducted_after),
            fmt_grouped(row.deducted),
            fmt_grouped(row.balance_after),
            fmt_grouped(row.balance),
            "" if row.complete else INCOMPLETE,
        )
    out.print(m)
    for v in d.new_violations:
        out.print(
            tr(
                "new roster violation: {rule} {start}..{end} ({clause})",
                rule=v.rule,
                start=v.start,
                end=v.end,
                clause=v.clause,
            )
        )
    for v in d.resolved_violations:
        out.print(
            tr(
                "resolved roster violation: {rule} {start}..{end} ({clause})",
                rule=v.rule,
                start=v.start,
                end=v.end,
                clause=v.clause,
            )
        )


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
            t.add_row(term.key, term.title, term.rate, term.clause)
        out.print(t)
