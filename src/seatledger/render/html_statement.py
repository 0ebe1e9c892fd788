"""The printed settlement statement, made to foot: each total is the sum of the signed lines
above it, in the same column; late-payment interest is shown payment by payment (days late,
amount, rate, and the excused part with its reason); the instalments carry their due dates,
invoices and the documents still missing as a basis for payment."""

from __future__ import annotations

from decimal import Decimal
from html import escape

from seatledger.core.contract import Contract
from seatledger.core.i18n import N_, _, current, local, tr
from seatledger.core.money import ZERO, fmt_grouped
from seatledger.render.html import (
    chart_and_signatures,
    deduction_lines,
    empty,
    header,
    in_capitals,
    incomplete,
    money,
    page,
    section,
    table,
    text,
)
from seatledger.reports.printed import Printed
from seatledger.reports.settlement import Statement
from seatledger.rules.late_interest import Due, PaymentDue, rate_on
from seatledger.rules.statutory_due import STARTS, Clock

FOOT = ["item", "clause", "date", "record", "amount"]


def _row(item: object, amount: Decimal, clause: object = "", day: object = "", record: object = "") -> str:
    return f"<tr>{text(item)}{text(clause, 'k')}{text(day, 'k')}{text(record, 'k')}{money(amount)}</tr>"


def total(label: str, amount: Decimal, span: int, caps: bool = True) -> str:
    """The sum of the rows above, marked "=", with its amount in capitals under it."""
    row = f'<tr class="total"><td colspan="{span - 1}">= {escape(label)}</td>{money(amount)}</tr>'
    return row + (in_capitals(label, amount, span) if caps else "")


def balance_lines(s: Statement) -> list[str]:
    rows = [_row(_("opening balance brought forward"), s.opening, day=s.period.start)]
    rows += [_row(tr("+ {label} accrued", label=a.label), a.amount, a.clause, a.date) for a in s.accruals]
    rows += [_row(s.deduction_item(k), -v, s.clauses.get(k, "")) for k, v in sorted(s.by_penalty.items())]
    rows += [
        _row(
            tr("- payment received (instalment {instalment})", instalment=pay.instalment),
            -pay.amount,
            day=pay.date,
            record=pay.id,
        )
        for pay in s.payments
    ]
    return rows


def subtotals(s: Statement) -> str:
    """The period's movements, each the sum of its own lines above."""
    said = tr(
        "In the period: accrued {accrued}, deducted {deducted}, paid {paid}.",
        accrued=fmt_grouped(s.accrued),
        deducted=fmt_grouped(s.deductions),
        paid=fmt_grouped(s.paid),
    )
    return f'<p class="note">{escape(said)}</p>'


def to_pay_lines(s: Statement) -> list[str]:
    rows = []
    if s.next_label:
        rows.append(_row(tr("next: {label}", label=s.next_label), s.next_amount))
    rows.append(_row(_("+ closing balance owed by Party A (above)"), s.closing))
    if s.disputed:
        rows.append(_row(_("+ deductions under dispute, not withheld (rule 17)"), s.disputed_total))
    return rows


def _excuse(c: Contract, key: str | None) -> str:
    if not key:
        return ""
    title = c.late_interest.excuses.get(key, key)
    if current() == "zh":  # the key is for typing; the contract's title names the excuse
        return tr("excused: {title}", title=title)
    return tr("excused: {title} ({key})", title=title, key=key)


def _rate(c: Contract, d: Due) -> str:
    return f"{rate_on(c.late_interest.rates, d.due)}%" if d.due else ""


def _payment_row(c: Contract, d: Due, pd: PaymentDue) -> str:
    return (
        f"<tr>{text(d.instalment)}{text(d.due or '', 'k')}{text(pd.date, 'k')}{money(pd.amount)}"
        f'<td class="n">{pd.days_late}</td>{text(_rate(c, d), "n")}{text(_excuse(c, pd.excused))}'
        f"{money(pd.interest)}</tr>"
    )


def _accruing_row(c: Contract, s: Statement, d: Due) -> str:
    unpaid = (d.amount or ZERO) - d.paid
    return (
        f"<tr>{text(d.instalment)}{text(d.due or '', 'k')}{text(tr('unpaid to {day}', day=s.as_of), 'k')}"
        f'{money(unpaid)}<td class="n">{d.days_late}</td>{text(_rate(c, d), "n")}{empty()}'
        f"{money(d.accruing)}</tr>"
    )


INTEREST = [
    "inst",
    "due",
    N_("paid on"),
    "amount",
    N_("days late"),
    N_("annual rate"),
    N_("excused, why"),
    "interest",
]


def interest(p: Printed[Statement]) -> str:
    s, c = p.body, p.contract
    in_period = [(d, pd) for d in s.dues for pd in d.payments if pd.date in s.period]
    rows = [_payment_row(c, d, pd) for d, pd in in_period]
    rows += [_accruing_row(c, s, d) for d in s.dues if d.accruing]
    label = _("late-payment interest in the period")
    how = tr(
        "Interest = amount × annual rate × days late / {basis}, per payment, at the rate in force on "
        "the due date ({clause}); an excused payment is charged nothing. It is owed beside the amount "
        "to pay above, not in it.",
        basis=c.late_interest.day_basis,
        clause=c.late_interest.clause,
    )
    out = table(INTEREST, rows, total(label, s.late_interest, len(INTEREST)))
    out += f'<p class="note">{escape(how)}</p>'
    if s.late_interest_at_floor is not None:
        floor = tr(
            "At the statutory floor of {percent}% a year (rule 20) the interest would be {amount}.",
            percent=s.floor_percent,
            amount=fmt_grouped(s.late_interest_at_floor),
        )
        out += f'<p class="note">{escape(floor)}</p>'
    earlier = [(d, pd) for d in s.dues for pd in d.payments if pd.date < s.period.start and pd.interest]
    if earlier:
        before = _("Interest on payments before this period (in their own statements):")
        out += f'<p class="note">{escape(before)}</p>'
        out += table(INTEREST, [_payment_row(c, d, pd) for d, pd in earlier])
    return out


def instalments(s: Statement) -> str:
    covered = {c.instalment: c for c in s.invoices}
    rows = []
    for d in s.dues:
        cov = covered.get(d.instalment)
        missing = "、".join(s.document_titles.get(k, k) for k in cov.missing_documents) if cov else ""
        rows.append(
            f"<tr>{text(d.instalment)}"
            f"{money(d.amount) if d.amount is not None else empty()}{text(d.requested or '', 'k')}"
            f"{text(d.due or '', 'k')}{money(d.paid)}{money(d.interest)}"
            f"{money(cov.invoiced) if cov else empty()}{money(cov.uninvoiced) if cov else empty()}"
            f"{text(missing)}</tr>"
        )
    heads = ["inst", "amount", "requested", "due", "paid", "interest", "invoiced", "uninvoiced"]
    return table([*heads, N_("documents missing")], rows)


def _started(c: Clock) -> str:
    return f"{_(STARTS[c.starts])} {c.start}" if c.start else _(STARTS[c.starts])


def statutory(s: Statement) -> str:
    """Rule 23: each instalment's latest lawful due date, for a small or medium supplier."""
    if not s.statutory:
        return ""
    rows = [
        f"<tr>{text(r.instalment)}{text(r.delivered, 'k')}{text(_started(r.clock))}{text(r.clock.days)}"
        f"{text(r.clock.latest or '', 'k')}{text(r.contract_due or '', 'k')}"
        f"{text(local(r.clock.citation) if r.clock.citation else '')}</tr>"
        for r in s.statutory
    ]
    heads = ["inst", "delivered", "clock starts", "days", "latest lawful", "contract due", "article"]
    return section(_("Latest lawful due dates for a small or medium supplier (rule 23)"), table(heads, rows))


def levels(s: Statement) -> str:
    """Each service-level line with the figure, target, points and cap it comes from (rule 25)."""
    if not s.levels:
        return ""
    rows = [
        f"<tr>{text(line.clause, 'k')}{text(line.title)}{text(lv.month, 'k')}"
        f'<td class="n">{lv.value}</td><td class="n">{lv.target}</td><td class="n">{lv.points}</td>'
        f"{money(line.rate)}{money(lv.uncapped)}{text(local(lv.cap) if lv.cap else '')}{money(line.amount)}"
        f"{text(line.record, 'k')}</tr>"
        for line in s.levels
        if (lv := line.level) is not None
    ]
    heads = ["clause", "title", "month", N_("value %"), N_("target %"), N_("points"), "rate"]
    heads += [N_("before caps"), N_("cap applied"), "amount", "record"]
    return section(_("Service levels below target (rule 25)"), table(heads, rows))


def findings(s: Statement) -> str:
    if not s.findings:
        return ""
    rows = [f"<tr>{text(f.record)}{text(local(f.message))}</tr>" for f in s.findings]
    return section(_("Findings beside the figures (rule 13)"), table(["record", "finding"], rows))


def extra_header(p: Printed[Statement]) -> list[tuple[str, str]]:
    s = p.body
    rows = [(_("As of"), str(s.as_of)), (_("Attendance recorded to"), str(s.recorded_to or "-"))]
    if p.signing.doc_no:
        rows.append((_("Document number"), p.signing.doc_no))
    if p.signing.meeting:
        rows.append((_("Payment meeting"), str(p.signing.meeting)))
    return rows


def statement(p: Printed[Statement]) -> str:
    s = p.body
    assert isinstance(s, Statement) and p.deductions is not None
    title = tr("Settlement statement {label}", label=s.period.label)
    n = len(FOOT)
    closing = _("closing balance owed by Party A")
    body = (
        header(p, title, extra_header(p))
        + incomplete(s)
        + section(_("Statement"), table(FOOT, balance_lines(s), total(closing, s.closing, n)) + subtotals(s))
        + section(
            _("Amount to pay"),
            table(FOOT, to_pay_lines(s), total(_("Party A should pay next"), s.next_payment, n)),
        )
        + section(_("Late-payment interest, payment by payment (rules 9, 10)"), interest(p))
        + section(_("Instalments: due dates, invoices and documents (rules 9, 15)"), instalments(s))
        + statutory(s)
        + section(_("Deductions by clause, with their records"), deduction_lines(p.deductions))
        + levels(s)
        + findings(s)
        + chart_and_signatures(p)
    )
    return page(title, body)
