"""The printed pages of the reports beside the statement: check-roster, compliance, calendar,
notices and diff, in the same page shell as the statement (the contract, its parties and the period at
the top; the signature blocks of both parties under a finding either may sign). Values go
through `_`, so the words the catalogue knows (weekdays, day kinds, statuses) print in the
reader's language."""

from __future__ import annotations

from html import escape

from seatledger.core.choices import SHIFTS
from seatledger.core.i18n import N_, _, local, tr
from seatledger.core.vocabulary import CHANGES, DAY_KINDS, HOLIDAYS, KINDS, STATUSES, WEEKDAYS, WINDOWS, shown
from seatledger.render.html import header, money, page, section, signatures, table, text
from seatledger.reports.calendar_days import MonthCalendar
from seatledger.reports.compliance import ComplianceReport
from seatledger.reports.ledger_diff import LedgerDiff, MoneyDelta
from seatledger.reports.notices import NoticesReport
from seatledger.reports.printed import Printed
from seatledger.reports.roster_check import RosterReport
from seatledger.rules.violations import Violation


def _count(n: int) -> str:
    return f'<td class="n">{n}</td>'


def _said(line: str, cls: str = "note") -> str:
    return f'<p class="{cls}">{escape(line)}</p>'


def roster(p: Printed[RosterReport]) -> str:
    r = p.body
    assert isinstance(r, RosterReport)
    title = tr("Roster check {label}", label=r.period.label)
    rows = [
        f"<tr>{text(v.start, 'k')}{text(v.end, 'k')}{text(_(v.rule))}{text(v.clause, 'k')}"
        f"{text(v.expected)}{text(v.actual)}{text(v.detail)}</tr>"
        for v in r.violations
    ]
    verdict = (
        tr("roster compliant on each of the {days} days", days=r.days)
        if r.compliant
        else tr("{n} violation(s) over {days} days", n=len(r.violations), days=r.days)
    )
    heads = ["from", "to", "rule", "clause", "expected", "actual", "detail"]
    body = (
        header(p, title)
        + _said(verdict, "note" if r.compliant else "warn")
        + (section(_("Roster violations"), table(heads, rows)) if rows else "")
        + signatures(p)
    )
    return page(title, body)


def compliance(p: Printed[ComplianceReport]) -> str:
    r = p.body
    assert isinstance(r, ComplianceReport)
    title = tr("Counted duties {label}", label=r.period.label)
    rows = [
        f"<tr>{text(s.obligation.title)}{text(s.obligation.clause, 'k')}"
        f"{text(shown(s.obligation.window, WINDOWS))}"
        f"{_count(s.obligation.required)}{_count(len(s.lines))}{_count(len(s.shortfalls))}</tr>"
        for s in r.obligations
    ]
    short = [
        f"<tr>{text(s.obligation.title)}{text(local(line.window.label), 'k')}{text(line.window.start, 'k')}"
        f"{text(line.window.end, 'k')}{_count(line.required)}{_count(line.recorded)}"
        f"{_count(line.shortfall)}</tr>"
        for s in r.obligations
        for line in s.shortfalls
    ]
    heads = ["title", "clause", "window", "required", N_("windows"), N_("windows short")]
    short_heads = ["title", "window", "from", "to", "required", "recorded", "shortfall"]
    body = (
        header(p, title)
        + ("" if r.compliant else _said(_("Some counted duties fall short; see the shortfalls."), "warn"))
        + section(_("Counted duties, each in its own window"), table(heads, rows))
        + (section(_("Shortfalls"), table(short_heads, short)) if short else "")
        + signatures(p)
    )
    return page(title, body)


def calendar(p: Printed[MonthCalendar]) -> str:
    c = p.body
    assert isinstance(c, MonthCalendar)
    title = tr("{month}: working days and people required per shift", month=c.month)
    rows = []
    for d in c.days:
        need = "".join(_count(d.required[s]) if d.required[s] else "<td></td>" for s in SHIFTS)
        rows.append(
            f'<tr class="{d.kind}">{text(d.date, "k")}{text(shown(d.weekday, WEEKDAYS))}'
            f"{text(shown(d.kind, DAY_KINDS))}{text(shown(d.name, HOLIDAYS) if d.name else '')}{need}</tr>"
        )
    working = sum(1 for d in c.days if d.kind == "working")
    body = (
        header(p, title)
        + table(["date", "wd", "kind", "holiday / note", *map(shown, SHIFTS)], rows)
        + _said(tr("{working} working days", working=working))
    )
    return page(title, body)


def notices(p: Printed[NoticesReport]) -> str:
    r = p.body
    assert isinstance(r, NoticesReport)
    title = tr("Notices to cure, as of {as_of}", as_of=r.as_of)
    rows = [
        f"<tr>{text(n.id, 'k')}{text(n.date, 'k')}{text(n.clause, 'k')}{text(n.cure_by, 'k')}"
        f"{text(shown(n.status, STATUSES))}{text(n.detail)}</tr>"
        for n in r.lines
    ]
    content = (
        table(["notice", "date", "clause", "cure by", "status", "detail"], rows)
        if rows
        else _said(_("No notice to cure has been served."))
    )
    ended = _said(tr("termination: {ended}", ended=local(r.ended)), "warn") if r.ended else ""
    body = header(p, title) + ended + content + signatures(p)
    return page(title, body)


def _delta_row(m: MoneyDelta) -> str:
    return (
        f"<tr>{text(m.period.label + ('' if m.complete else ' *'), 'k')}"
        f"{money(m.deducted_before)}{money(m.deducted_after)}{money(m.deducted)}"
        f"{money(m.balance_before)}{money(m.balance_after)}{money(m.balance)}</tr>"
    )


def _violations(heading: str, found: tuple[Violation, ...]) -> str:
    rows = [
        f"<tr>{text(v.start, 'k')}{text(v.end, 'k')}{text(_(v.rule))}{text(v.clause, 'k')}"
        f"{text(v.expected)}{text(v.actual)}</tr>"
        for v in found
    ]
    return (
        section(heading, table(["from", "to", "rule", "clause", "expected", "actual"], rows)) if rows else ""
    )


def diff(p: Printed[LedgerDiff]) -> str:
    """What a change does to the ledger, on paper: for the meeting that approves a correction."""
    from seatledger.render.markdown import warnings, what_changed

    d = p.body
    assert isinstance(d, LedgerDiff)
    title = tr("What the change does: {base} -> {head}", base=d.base, head=d.head)
    if d.empty:
        return page(
            title, header(p, title) + _said(_("no change to the ledger's records, roster or figures"))
        )
    warned = "".join(_said(w.replace("**", "").replace("`", ""), "warn") for w in warnings(d))
    records = [
        f"<tr>{text(shown(r.change, CHANGES))}{text(r.id, 'k')}{text(shown(r.kind, KINDS))}"
        f"{text(r.date or '', 'k')}"
        f"{text(what_changed(r))}</tr>"
        for r in (*d.records, *d.roster)
    ]
    deltas = [_delta_row(m) for m in (*d.months, *d.quarters)]
    heads = ["period", N_("deducted before"), N_("deducted after"), "change"]
    heads += [N_("balance before"), N_("balance after"), "change"]
    closings = "".join(_said(tr("closed periods: {c}", c=c)) for c in d.closings)
    incomplete = any(not m.complete for m in (*d.months, *d.quarters))
    legend = _("* incomplete: some required shifts of the period have no attendance record yet.")
    body = (
        header(p, title)
        + warned
        + section(_("Records"), table(["change", "record", "kind", "date", "detail"], records))
        + closings
        + section(_("Money (deducted from Party B; balance owed by Party A)"), table(heads, deltas))
        + (_said(legend) if incomplete else "")
        + _violations(_("New roster violations"), d.new_violations)
        + _violations(_("Resolved roster violations"), d.resolved_violations)
        + signatures(p)
    )
    return page(title, body)
