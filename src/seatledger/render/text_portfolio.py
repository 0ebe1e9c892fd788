"""The portfolio for people: one row a contract and the total; then, per contract, what is
overdue, deducted by clause, open notices, findings, or its problems in place of figures."""

from __future__ import annotations

from seatledger.core.i18n import _, local, tr
from seatledger.core.money import fmt_grouped
from seatledger.render.text import console, mk, strong_red, table, tm
from seatledger.reports.portfolio import ContractRow, Portfolio, incomplete_note


def portfolio(p: Portfolio) -> None:
    out = console()
    t = table(
        tr("Portfolio as of {date}: {n} contract(s)", date=p.as_of, n=len(p.rows)),
        [
            ("contract", "left"),
            ("accrued", "right"),
            ("deducted", "right"),
            ("paid", "right"),
            ("balance owed", "right"),
            ("next payment", "right"),
            ("due", "left"),
            ("overdue", "right"),
        ],
    )
    for r in p.rows:
        t.add_row(*_cells(r))
    t.add_section()
    tot = p.totals
    t.add_row(
        mk("[bold]total[/]"),
        fmt_grouped(tot.accrued),
        fmt_grouped(tot.deducted),
        fmt_grouped(tot.paid),
        tm("[bold]{amount}[/]", amount=fmt_grouped(tot.balance)),
        fmt_grouped(tot.next_payment),
        "",
        fmt_grouped(tot.overdue),
    )
    out.print(t)
    for r in p.rows:
        _detail(out, r)
    if tot.by_clause:
        out.print(_("Deductions by clause, all contracts"))
        for clause, amount in tot.by_clause.items():
            out.print(f"  {clause}  {fmt_grouped(amount)}")
    if not p.complete:
        out.print(strong_red(local(incomplete_note(p))))


def _cells(r: ContractRow) -> tuple[str, ...]:
    f = r.figures
    if f is None:
        return (r.id, *([_("problems: no figures (rule 13)")] + [""] * 6))
    s = f.statement
    return (
        r.id,
        fmt_grouped(s.accrued),
        fmt_grouped(s.deductions),
        fmt_grouped(s.paid),
        fmt_grouped(s.closing),
        fmt_grouped(s.next_payment),
        str(f.next_due or ""),
        fmt_grouped(sum((o.unpaid for o in f.overdue), s.paid * 0)),
    )


def _detail(out: object, r: ContractRow) -> None:
    lines: list[str] = []
    if r.figures is None:
        lines += [p.render() for p in r.problems]
    else:
        f = r.figures
        lines += [
            tr(
                "overdue: instalment {instalment} due {date}, unpaid {amount}, interest accruing {amount2}",
                instalment=o.instalment,
                date=o.due,
                amount=fmt_grouped(o.unpaid),
                amount2=fmt_grouped(o.accruing),
            )
            for o in f.overdue
        ]
        lines += [
            tr("notice {id} ({clause}): {detail}", id=n.id, clause=n.clause, detail=n.detail)
            for n in f.open_notices
        ]
        lines += [local(x.message) for x in f.statement.findings]
        missing = len(f.statement.gaps) + len(f.statement.unrecorded)
        if missing:
            lines.append(tr("{n} required shift(s) not recorded (gaps, rule 6)", n=missing))
        if not f.statement.complete:
            lines.append(_("figures are INCOMPLETE"))
    if lines:
        print(f"{r.id} ({r.title})" if r.title else r.id)
        for line in lines:
            print(f"  {line}")
