"""The settlement statement and the running balance for people: every figure with its clause."""

from __future__ import annotations

import re
from datetime import date, timedelta
from typing import Any

from seatledger.core.i18n import _, local, tr
from seatledger.core.money import capitals, fmt_grouped
from seatledger.core.vocabulary import titled
from seatledger.render.text import INCOMPLETE, console, gap_warning, mk, strong_red, table, tm
from seatledger.render.text_deductions import lines_table, missing_warning
from seatledger.reports.balance import BalanceRow
from seatledger.reports.settlement import Statement
from seatledger.rules.statutory_due import STARTS


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
    t.add_row(_("opening balance brought forward"), "", fmt_grouped(s.opening), "", _from(s))
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
        tm("[bold]= {label}[/]", label=_("closing balance owed by Party A")),
        "",
        tm("[bold]{amount}[/]", amount=fmt_grouped(s.closing)),
        capitals(s.closing),
        "",
    )
    t.add_section()  # what Party A pays next foots on its own: the next instalment + the balance
    if s.next_label:
        t.add_row(tr("next: {label}", label=s.next_label), "", fmt_grouped(s.next_amount), "", "")
    t.add_row(_("+ closing balance owed by Party A (above)"), "", fmt_grouped(s.closing), "", "")
    if s.disputed:
        t.add_row(
            _("+ deductions under dispute, not withheld (rule 17)"),
            "",
            fmt_grouped(s.disputed_total),
            "",
            ", ".join(line.record for line in s.disputed),
        )
    t.add_section()
    t.add_row(
        tm("[bold]= {label}[/]", label=_("Party A should pay next")),
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
    _levels(out, s)
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
            fmt_grouped(e.amount) if e.amount is not None else _("unconfirmed"),
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
                tr("excused: {excuse}", excuse=titled(pd.excused, s.excuse_titles.get(pd.excused)))
                if pd.excused
                else pd.record,
            )
    out.print(d)
    _statutory(out, s)
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
            tr(
                "missing: {documents}",
                documents="、".join(s.document_titles.get(k, k) for k in c.missing_documents),
            )
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
    _findings(out, s)
    gap_warning(out, s.gaps, s.unrecorded, s.recorded_to)
    missing_warning(out, s.missing, said=bool(s.gaps or s.unrecorded))


def _levels(out: Any, s: Statement) -> None:
    """The service-level lines behind the deductions, each with its figure (rule 25)."""
    if s.levels:
        out.print(lines_table(_("Service levels below target (rule 25)"), s.levels))


def _statutory(out: Any, s: Statement) -> None:
    """Rule 23, where Party B is a small or medium enterprise and the contract has `payment:`."""
    if not s.statutory:
        return
    t = table(
        _("Latest lawful due dates for a small or medium supplier (rule 23)"),
        [
            ("inst", "left"),
            ("delivered", "left"),
            ("clock starts", "left"),
            ("days", "right"),
            ("latest lawful", "left"),
            ("contract due", "left"),
            ("article", "left"),
        ],
    )
    for r in s.statutory:
        c = r.clock
        t.add_row(
            str(r.instalment),
            str(r.delivered),
            f"{_(STARTS[c.starts])} {c.start or ''}".strip(),
            str(c.days),
            str(c.latest or _("not known")),
            strong_red(str(r.contract_due)) if r.contract_later else str(r.contract_due or _("none")),
            local(c.citation) if c.citation else "",
        )
    out.print(t)


def _findings(out: Any, s: Statement) -> None:
    """The findings beside the figures (rule 13), where there are any."""
    if s.findings:
        f = table(_("Findings beside the figures (rule 13)"), [("record", "left"), ("finding", "left")])
        for finding in s.findings:
            f.add_row(finding.record, local(finding.message))
        out.print(f)


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


def _from(s: Statement) -> str:
    """Rule 21: the opening record a mid-term ledger's balance starts from."""
    if s.brought_forward is None:
        return ""
    day, record = s.brought_forward
    return tr("brought forward from {date}; {id}", date=day, id=record)
