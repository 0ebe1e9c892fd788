"""What a change does to the ledger, for people: records, money, roster compliance."""

from __future__ import annotations

from seatledger.core.i18n import _, tr
from seatledger.core.money import fmt_grouped
from seatledger.core.vocabulary import CHANGES, KINDS, shown
from seatledger.render.terminal import Markup, escape
from seatledger.render.text import INCOMPLETE, console, table, tm
from seatledger.reports.ledger_diff import LedgerDiff


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
        _("Records"),
        [("change", "left"), ("record", "left"), ("kind", "left"), ("date", "left"), ("detail", "left")],
    )
    for r in (*d.records, *d.roster):
        t.add_row(shown(r.change, CHANGES), r.id, shown(r.kind, KINDS), str(r.date or ""), what_changed(r))
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
