"""Printable pages: one self-contained HTML file (no external files, no JavaScript) with print
CSS for A4 and page numbers. This module holds the page shell (the contract and its parties,
the as-of date, the signature blocks of both parties) and the deductions and balance pages;
the statement and the approval form have modules of their own. Every total row is the sum of
the rows above it in its column, its label starting with "=". Print it from a browser, or to
PDF with `chromium --headless --no-pdf-header-footer --print-to-pdf=page.pdf page.html`."""

from __future__ import annotations

from collections.abc import Iterable
from decimal import Decimal
from html import escape
from typing import Any

from seatledger.core.i18n import _, current, local, tr
from seatledger.core.money import ZERO, capitals, fmt_grouped
from seatledger.core.vocabulary import titled
from seatledger.render.chart import chart
from seatledger.render.page_style import CSS
from seatledger.reports.balance import BalanceRow
from seatledger.reports.deductions import DeductionReport
from seatledger.reports.printed import Printed
from seatledger.reports.settlement import Statement


def money(value: Decimal) -> str:
    return f'<td class="n">{escape(fmt_grouped(value))}</td>'


def text(value: object, cls: str = "") -> str:
    attr = f' class="{cls}"' if cls else ""
    return f"<td{attr}>{escape(local(value))}</td>"


def empty(n: int = 1) -> str:
    return "<td></td>" * n


def table(headers: Iterable[str], rows: Iterable[str], total: str = "", cls: str = "") -> str:
    head = "".join(f"<th>{escape(_(h))}</th>" for h in headers)
    attr = f' class="{cls}"' if cls else ""
    return f"<table{attr}><thead><tr>{head}</tr></thead><tbody>{''.join(rows)}{total}</tbody></table>"


def section(heading: str, content: str) -> str:
    """A heading kept with what follows it: the two never part at a page foot."""
    return f'<section class="keep"><h2>{escape(heading)}</h2>{content}</section>'


def in_capitals(label: str, value: Decimal, span: int) -> str:
    """A total in capitals on its own row under the figure: read whole, never summed."""
    return (
        f'<tr class="caps"><td colspan="{span}">'
        f"{escape(tr('{label} in capitals: {amount}', label=label, amount=capitals(value)))}</td></tr>"
    )


def header(p: Printed[Any], title: str, extra: Iterable[tuple[str, str]] = ()) -> str:
    c = p.contract
    rows = [
        (_("Contract"), f"{c.title}" + (f" ({c.number})" if c.number else "")),
        (_("Party A"), c.parties.a.name),
        (_("Party B"), c.parties.b.name),
        (_("Term"), f"{c.term.start} .. {c.term.end}"),
        (_("Period"), f"{local(p.period.label)} ({p.period.start} .. {p.period.end})"),
        *extra,
    ]
    meta = "".join(f"<tr><td>{escape(k)}</td><td>{escape(v)}</td></tr>" for k, v in rows)
    return f'<h1>{escape(title)}</h1><table class="meta">{meta}</table>'


def incomplete(report: Statement | DeductionReport) -> str:
    if report.complete:
        return ""
    if not report.gaps and not report.unrecorded:
        warning = tr(
            "Figures are INCOMPLETE: {n} monthly figure(s) of the service levels are not recorded (rule 25).",
            n=len(report.missing),
        )
        return f'<p class="warn">{escape(warning)}</p>'
    warning = tr(
        "Figures are INCOMPLETE: {n} required shift(s) have no attendance record; the "
        "deductions may be understated.",
        n=len(report.gaps) + len(report.unrecorded),
    )
    return f'<p class="warn">{escape(warning)}</p>'


def deduction_lines(report: DeductionReport) -> str:
    rows = [
        f"<tr>{text(line.clause, 'k')}{text(line.title or line.penalty)}"
        f'<td class="k">{line.date}</td><td class="n">{line.quantity}</td>'
        f'{money(line.rate)}{money(line.amount)}<td class="k">{escape(line.record)}</td></tr>'
        for line in sorted(report.lines, key=lambda x: (x.clause, x.penalty, x.date))
    ]
    total = (
        f'<tr class="total"><td colspan="5">= {escape(_("total deducted from Party B"))}</td>'
        f"{money(report.total)}<td></td></tr>"
    )
    return table(["clause", "title", "date", "qty", "rate", "amount", "record"], rows, total)


def signatures(p: Printed[Any]) -> str:
    """Who signs for each party: the one who prepared, checked and approved it, the seal, the day."""
    a, b = p.contract.parties.a.name, p.contract.parties.b.name
    head = (
        f"<tr><th></th><th>{escape(_('Party A'))} {escape(_('(seal)'))}<br>{escape(a)}</th>"
        f"<th>{escape(_('Party B'))} {escape(_('(seal)'))}<br>{escape(b)}</th></tr>"
    )
    roles = (_("Prepared by (signature)"), _("Checked by (signature)"), _("Approved by (signature)"))
    rows = "".join(f"<tr><td>{escape(r)}</td><td></td><td></td></tr>" for r in roles)
    seal = f'<tr class="seal"><td>{escape(_("Seal"))}</td><td></td><td></td></tr>'
    day = escape(_("____ year __ month __ day"))
    dated = f"<tr><td>{escape(_('Date'))}</td><td>{day}</td><td>{day}</td></tr>"
    return f'<table class="sign">{head}{rows}{seal}{dated}</table>'


def page(title: str, body: str) -> str:
    lang = "zh-CN" if current() == "zh" else "en"
    return (
        f'<!DOCTYPE html><html lang="{lang}"><head><meta charset="utf-8">'
        f"<title>{escape(title)}</title><style>{CSS}</style></head><body>{body}</body></html>\n"
    )


def chart_and_signatures(p: Printed[Any]) -> str:
    """The chart and the signature blocks, kept on one page: a signature never stands alone."""
    chart_part = section(_("Running balance and deductions by month"), chart(p.months))
    return f'<div class="close">{chart_part}{signatures(p)}</div>'


def deductions(p: Printed[DeductionReport]) -> str:
    r = p.body
    assert isinstance(r, DeductionReport)
    title = tr(
        "Deductions {label} ({start}..{end})", label=r.period.label, start=r.period.start, end=r.period.end
    )
    titles = {line.penalty: line.title for line in (*r.lines, *r.personal_fines)}
    by = [f"<tr>{text(titled(k, titles.get(k)))}{money(v)}</tr>" for k, v in sorted(r.by_penalty.items())]
    total = f'<tr class="total">{text("= " + _("total deducted from Party B"))}{money(r.total)}</tr>'
    body = (
        header(p, title)
        + incomplete(r)
        + section(
            _("By penalty"),
            table(
                ["penalty", "amount"], by, total + in_capitals(_("total deducted from Party B"), r.total, 2)
            ),
        )
        + section(_("Deductions by clause, with their records"), deduction_lines(r))
        + chart_and_signatures(p)
    )
    return page(title, body)


def balance(p: Printed[list[BalanceRow]]) -> str:
    rows_in = tuple(p.body)
    title = _("Balance owed by Party A (accrued - deducted - paid)")
    rows = [
        f"<tr>{text(r.period.label + ('' if r.complete else ' *'))}{money(r.accrued)}{money(r.deducted)}"
        f"{money(r.paid)}{money(r.balance)}{money(r.running)}</tr>"
        for r in rows_in
    ]
    last = rows_in[-1].running if rows_in else ZERO
    total = (
        f'<tr class="total">{text("= " + _("total"))}'
        f"{money(sum((r.accrued for r in rows_in), ZERO))}"
        f"{money(sum((r.deducted for r in rows_in), ZERO))}"
        f"{money(sum((r.paid for r in rows_in), ZERO))}"
        f"{money(sum((r.balance for r in rows_in), ZERO))}<td></td></tr>"
    )
    missing = [r for r in rows_in if not r.complete]
    warn = tr(
        "Figures are INCOMPLETE: {n} period(s) marked * have required shifts with no attendance "
        "record; their deductions may be understated.",
        n=len(missing),
    )
    legend = _("* incomplete: some required shifts of the period have no attendance record yet.")
    flagged = (f'<p class="warn">{escape(warn)}</p>', f'<p class="note">{escape(legend)}</p>')
    if not missing:
        flagged = ("", "")
    closing = (
        f"<p><b>{escape(_('closing balance owed by Party A'))}: {escape(fmt_grouped(last))} "
        f"({escape(capitals(last))})</b></p>"
    )
    body = (
        header(p, title)
        + flagged[0]
        + table(["period", "accrued", "deducted", "paid", "balance", "running"], rows, total)
        + flagged[1]
        + closing
        + chart_and_signatures(p)
    )
    return page(title, body)
