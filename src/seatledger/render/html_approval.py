"""The one-page settlement and payment approval form (结算单 / 付款审批单) that a finance office
attaches to its OA approval: document number and meeting date (blank lines to fill by hand when
not given), the parties, the period, the amount to pay as a footing sum in figures and in
capitals, the deductions and interest beside it, what is missing, and who prepared, checked and
approved it."""

from __future__ import annotations

from html import escape

from seatledger.core.i18n import _, tr
from seatledger.core.money import capitals, fmt_grouped
from seatledger.render.html import header, incomplete, page, table
from seatledger.render.html_statement import FOOT, balance_lines, to_pay_lines, total
from seatledger.reports.printed import Printed
from seatledger.reports.settlement import Statement

BLANK = "________________"


def _field(label: str, value: object | None) -> str:
    shown = escape(str(value)) if value else BLANK
    return f"<td>{escape(label)}</td><td>{shown}</td>"


def _filing(p: Printed[Statement]) -> str:
    s = p.body
    return (
        '<table class="meta form">'
        f"<tr>{_field(_('Document number'), p.signing.doc_no)}"
        f"{_field(_('Payment meeting'), p.signing.meeting)}</tr>"
        f"<tr>{_field(_('As of'), s.as_of)}{_field(_('Attendance recorded to'), s.recorded_to)}</tr>"
        "</table>"
    )


def _amount(s: Statement) -> str:
    """The closing balance from its lines, then the amount to pay from it: both foot."""
    closing = _("closing balance owed by Party A")
    label = _("Party A should pay next")
    figures = tr("Amount in figures: {amount}", amount="¥" + fmt_grouped(s.next_payment))
    words = tr("Amount in capitals: {amount}", amount=capitals(s.next_payment))
    big = f'<p class="amount">{escape(figures)}<br>{escape(words)}</p>'
    return (
        table(FOOT, balance_lines(s), total(closing, s.closing, len(FOOT), caps=False))
        + table(FOOT, to_pay_lines(s), total(label, s.next_payment, len(FOOT), caps=False), "follow")
        + big
    )


def _beside(s: Statement) -> str:
    """The figures the meeting weighs beside the amount: deductions, interest, what is missing."""
    lines = [
        tr("Deductions in the period: {amount} (in the balance above)", amount=fmt_grouped(s.deductions)),
        tr(
            "Late-payment interest in the period ({clause}): {amount}, owed beside the amount above",
            clause=s.interest_clause,
            amount=fmt_grouped(s.late_interest),
        ),
    ]
    for c in s.invoices:
        if c.missing_documents:
            titles = "、".join(s.document_titles.get(k, k) for k in c.missing_documents)
            lines.append(tr("instalment {n}: documents missing: {titles}", n=c.instalment, titles=titles))
        if c.uninvoiced:
            lines.append(
                tr(
                    "instalment {n}: paid without an invoice: {amount}",
                    n=c.instalment,
                    amount=fmt_grouped(c.uninvoiced),
                )
            )
    return "<ul>" + "".join(f"<li>{escape(line)}</li>" for line in lines) + "</ul>"


def _approvals() -> str:
    roles = (_("Prepared by"), _("Checked by"), _("Approved by"))
    head = "".join(f"<th>{escape(r)}</th>" for r in roles)
    sign = "".join(f"<td>{escape(_('Signature:'))}<br><br>{escape(_('Date:'))}</td>" for _r in roles)
    seal = f'<tr class="seal"><td colspan="3">{escape(_("Seal of Party A"))}</td></tr>'
    return f'<table class="sign approve"><tr>{head}</tr><tr class="seal">{sign}</tr>{seal}</table>'


def approval(p: Printed[Statement]) -> str:
    s = p.body
    assert isinstance(s, Statement)
    title = tr("Settlement and payment approval form {label}", label=s.period.label)
    body = (
        '<div class="onepage">'
        + header(p, title)
        + _filing(p)
        + incomplete(s)
        + f"<h2>{escape(_('Amount to pay'))}</h2>"
        + _amount(s)
        + f"<h2>{escape(_('Beside the amount'))}</h2>"
        + _beside(s)
        + f"<h2>{escape(_('Approval'))}</h2>"
        + _approvals()
        + "</div>"
    )
    return page(title, body)
