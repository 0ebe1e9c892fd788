"""Printable pages: one self-contained HTML file (no external files, no JavaScript) with print
CSS for A4 and page numbers, the contract and its parties, the figures by clause with the
records behind them, an inline SVG chart of the running balance and the monthly deductions,
and signature and seal blocks for both parties. Print it from a browser, or to PDF with
`chromium --headless --print-to-pdf`."""

from __future__ import annotations

from decimal import Decimal
from html import escape
from typing import Any

from seatledger.core.i18n import _, current, local, tr
from seatledger.core.money import ZERO, capitals, fmt_grouped
from seatledger.render.page_style import CSS
from seatledger.reports.balance import BalanceRow
from seatledger.reports.deductions import DeductionReport
from seatledger.reports.printed import Printed
from seatledger.reports.settlement import Statement


def _money(value: Decimal) -> str:
    return f'<td class="n">{escape(fmt_grouped(value))}</td>'


def _capitals(value: Decimal) -> str:
    """An amount in capitals, kept on one line: a figure in words is read whole."""
    return f'<td class="c">{escape(capitals(value))}</td>'


def _text(value: object) -> str:
    return f"<td>{escape(local(value))}</td>"


def _table(headers: list[str], rows: list[str], total: str = "") -> str:
    head = "".join(f"<th>{escape(_(h))}</th>" for h in headers)
    return f"<table><thead><tr>{head}</tr></thead><tbody>{''.join(rows)}{total}</tbody></table>"


def _header(p: Printed[Any], title: str) -> str:
    c = p.contract
    rows = [
        (_("Contract"), f"{c.title}" + (f" ({c.number})" if c.number else "")),
        (_("Party A"), c.parties.a.name),
        (_("Party B"), c.parties.b.name),
        (_("Term"), f"{c.term.start} .. {c.term.end}"),
        (_("Period"), f"{local(p.period.label)} ({p.period.start} .. {p.period.end})"),
    ]
    meta = "".join(f"<tr><td>{escape(k)}</td><td>{escape(v)}</td></tr>" for k, v in rows)
    return f'<h1>{escape(title)}</h1><table class="meta">{meta}</table>'


def _incomplete(report: Statement | DeductionReport) -> str:
    if report.complete:
        return ""
    warning = tr(
        "Figures are INCOMPLETE: {n} required shift(s) have no attendance record; the "
        "deductions may be understated.",
        n=len(report.gaps) + len(report.unrecorded),
    )
    return f'<p class="warn">{escape(warning)}</p>'


def _lines(report: DeductionReport) -> str:
    rows = [
        f"<tr>{_text(line.clause)}{_text(line.penalty)}{_text(line.title)}"
        f'<td class="k">{line.date}</td><td class="n">{line.quantity}</td>'
        f'{_money(line.rate)}{_money(line.amount)}<td class="k">{escape(line.record)}</td></tr>'
        for line in sorted(report.lines, key=lambda x: (x.clause, x.penalty, x.date))
    ]
    total = (
        f'<tr class="total"><td colspan="6">{escape(_("total deducted from Party B"))}</td>'
        f"{_money(report.total)}<td></td></tr>"
    )
    return _table(["clause", "penalty", "title", "date", "qty", "rate", "amount", "record"], rows, total)


def chart(months: tuple[BalanceRow, ...]) -> str:
    """The running balance (a line, left scale) and the month's deductions (bars, right scale:
    beside instalments of millions they would not show), as inline SVG. The scale is computed
    in Decimal, so no float touches a figure."""
    if not months:
        return ""
    width, height, left, right, top, bottom = 720, 260, 90, 80, 20, 40
    plot_h = Decimal(height - top - bottom)
    base = Decimal(height - bottom)
    values = [m.running for m in months] + [ZERO]
    high, low = max(values), min(values)
    span = (high - low) or Decimal(1)
    most = max((m.deducted for m in months), default=ZERO) or Decimal(1)
    tenth = Decimal("0.1")

    def y(v: Decimal) -> Decimal:
        return (top + (high - v) * plot_h / span).quantize(tenth)

    step = Decimal(width - left - right) / len(months)

    def x(i: int) -> Decimal:
        return (left + step * i + step / 2).quantize(tenth)

    parts = [
        f'<line x1="{left}" x2="{width - right}" y1="{y(ZERO)}" y2="{y(ZERO)}" '
        'stroke="#000" stroke-dasharray="3,3"/>',
        f'<line x1="{left}" x2="{width - right}" y1="{base}" y2="{base}" stroke="#000"/>',
    ]
    for v in {high, low, ZERO}:
        parts.append(
            f'<text x="{left - 4}" y="{y(v)}" font-size="10" text-anchor="end">'
            f"{escape(fmt_grouped(v))}</text>"
        )
    parts.append(
        f'<text x="{width - right + 4}" y="{base - plot_h / 2}" font-size="10">'
        f"{escape(fmt_grouped(most))}</text>"
    )
    bar = (step * Decimal("0.5")).quantize(tenth)
    for i, m in enumerate(months):
        if m.deducted:
            h = (m.deducted * plot_h / 2 / most).quantize(tenth)
            parts.append(
                f'<rect x="{x(i) - bar / 2}" y="{base - h}" width="{bar}" height="{h}" '
                f'fill="#bbb"><title>{escape(fmt_grouped(m.deducted))}</title></rect>'
            )
        parts.append(
            f'<text x="{x(i)}" y="{base + 14}" font-size="9" '
            f'text-anchor="middle">{escape(local(m.period.label))}</text>'
        )
    points = " ".join(f"{x(i)},{y(m.running)}" for i, m in enumerate(months))
    parts.append(f'<polyline points="{points}" fill="none" stroke="#000" stroke-width="2"/>')
    legend = escape(
        _("line: running balance owed by Party A (left scale); bars: deductions in the month (right scale)")
    )
    parts.append(f'<text x="{left}" y="{height - 6}" font-size="10">{legend}</text>')
    return (
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {width} {height}" role="img">'
        f"{''.join(parts)}</svg>"
    )


def _signatures() -> str:
    blocks = "".join(
        f"<div><p><b>{escape(party)}</b> {escape(_('(seal)'))}</p><p>{escape(_('Signature:'))}</p>"
        f"<p>{escape(_('Date:'))}</p></div>"
        for party in (_("Party A"), _("Party B"))
    )
    return f'<div class="sign">{blocks}</div>'


def _page(title: str, body: str) -> str:
    lang = "zh-CN" if current() == "zh" else "en"
    return (
        f'<!DOCTYPE html><html lang="{lang}"><head><meta charset="utf-8">'
        f"<title>{escape(title)}</title><style>{CSS}</style></head><body>{body}</body></html>\n"
    )


def _findings(s: Statement) -> str:
    """The findings beside the figures (rule 13), where there are any."""
    if not s.findings:
        return ""
    rows = [f"<tr>{_text(f.record)}{_text(local(f.message))}</tr>" for f in s.findings]
    return f"<h2>{escape(_('Findings beside the figures (rule 13)'))}</h2>" + _table(
        ["record", "finding"], rows
    )


def statement(p: Printed[Statement]) -> str:
    s = p.body
    assert isinstance(s, Statement)
    title = tr("Settlement statement {label}", label=s.period.label)
    rows = [f"<tr>{_text(_('opening balance brought forward'))}<td></td>{_money(s.opening)}<td></td></tr>"]
    rows += [
        f"<tr>{_text(tr('+ {label} accrued', label=a.label))}{_text(a.clause)}"
        f"{_money(a.amount)}<td></td></tr>"
        for a in s.accruals
    ]
    rows += [
        f"<tr>{_text(s.deduction_item(k))}{_text(s.clauses.get(k, ''))}{_money(-v)}<td></td></tr>"
        for k, v in sorted(s.by_penalty.items())
    ]
    rows += [
        f"<tr>{_text(tr('- payment received (instalment {instalment})', instalment=pay.instalment))}"
        f"{_text(pay.date)}{_money(-pay.amount)}<td></td></tr>"
        for pay in s.payments
    ]
    closing = (
        f'<tr class="total">{_text(_("closing balance owed by Party A"))}<td></td>'
        f"{_money(s.closing)}{_capitals(s.closing)}</tr>"
    )
    pay_next = (
        [
            f"<tr>{_text(tr('next: {label}', label=s.next_label or ''))}<td></td>"
            f"{_money(s.next_amount)}<td></td></tr>"
        ]
        if s.next_label
        else []
    )
    if s.disputed:
        pay_next.append(
            f"<tr>{_text(_('+ deductions under dispute, not withheld (rule 17)'))}"
            f"<td></td>{_money(s.disputed_total)}<td></td></tr>"
        )
    to_pay = (
        f'<tr class="total">{_text(_("Party A should pay next"))}<td></td>'
        f"{_money(s.next_payment)}{_capitals(s.next_payment)}</tr>"
    )
    interest = (
        f"<tr>{_text(_('late-payment interest (beside the balance)'))}"
        f"{_text(s.interest_clause)}{_money(s.late_interest)}"
        f"{_capitals(s.late_interest)}</tr>"
    )
    due_rows = [
        f'<tr><td class="n">{d.instalment}</td>'
        f"{_money(d.amount) if d.amount is not None else '<td></td>'}{_text(d.requested or '')}"
        f'{_text(d.due or "")}{_money(d.paid)}<td class="n">{d.days_late}</td>'
        f"{_money(d.interest)}</tr>"
        for d in s.dues
    ]
    body = (
        _header(p, title)
        + _incomplete(s)
        + f"<h2>{escape(_('Statement'))}</h2>"
        + _table(["item", "clause", "amount", "in capitals"], rows, closing)
        + f"<h2>{escape(_('Amount to pay'))}</h2>"
        + _table(["item", "clause", "amount", "in capitals"], pay_next + [interest], to_pay)
        + f"<h2>{escape(_('Deductions by clause, with their records'))}</h2>"
        + _lines(p.deductions)
        + f"<h2>{escape(_('Due dates and late-payment interest (rules 9, 10)'))}</h2>"
        + _table(["inst", "amount", "requested", "due", "paid", "late", "interest"], due_rows)
        + _findings(s)
        + f"<h2>{escape(_('Running balance and deductions by month'))}</h2>"
        + chart(p.months)
        + _signatures()
    )
    return _page(title, body)


def deductions(p: Printed[DeductionReport]) -> str:
    r = p.body
    assert isinstance(r, DeductionReport)
    title = tr(
        "Deductions {label} ({start}..{end})", label=r.period.label, start=r.period.start, end=r.period.end
    )
    by = [f"<tr>{_text(k)}{_money(v)}{_capitals(v)}</tr>" for k, v in sorted(r.by_penalty.items())]
    total = (
        f'<tr class="total">{_text(_("total deducted from Party B"))}{_money(r.total)}'
        f"{_capitals(r.total)}</tr>"
    )
    body = (
        _header(p, title)
        + _incomplete(r)
        + f"<h2>{escape(_('By penalty'))}</h2>"
        + _table(["penalty", "amount", "in capitals"], by, total)
        + f"<h2>{escape(_('Deductions by clause, with their records'))}</h2>"
        + _lines(r)
        + f"<h2>{escape(_('Running balance and deductions by month'))}</h2>"
        + chart(p.months)
        + _signatures()
    )
    return _page(title, body)


def balance(p: Printed[list[BalanceRow]]) -> str:
    rows_in = tuple(p.body)
    title = _("Balance owed by Party A (accrued - deducted - paid)")
    rows = [
        f"<tr>{_text(r.period.label)}{_money(r.accrued)}{_money(r.deducted)}{_money(r.paid)}"
        f"{_money(r.balance)}{_money(r.running)}<td>{'' if r.complete else '*'}</td></tr>"
        for r in rows_in
    ]
    last = rows_in[-1].running if rows_in else ZERO
    total = (
        f'<tr class="total">{_text(_("total"))}'
        f"{_money(sum((r.accrued for r in rows_in), ZERO))}"
        f"{_money(sum((r.deducted for r in rows_in), ZERO))}"
        f"{_money(sum((r.paid for r in rows_in), ZERO))}"
        f"{_money(sum((r.balance for r in rows_in), ZERO))}{_money(last)}<td></td></tr>"
    )
    closing = (
        f"<p><b>{escape(_('closing balance owed by Party A'))}: {escape(fmt_grouped(last))} "
        f"({escape(capitals(last))})</b></p>"
    )
    body = (
        _header(p, title)
        + _table(["period", "accrued", "deducted", "paid", "balance", "running", ""], rows, total)
        + closing
        + f"<h2>{escape(_('Running balance and deductions by month'))}</h2>"
        + chart(p.months)
        + _signatures()
    )
    return _page(title, body)
