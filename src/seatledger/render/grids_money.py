"""The money reports as grids (settle, deduct, balance): every total a formula over the rows
above it, signed amounts, a date on every payment, deductions by title and key, fines on
persons apart from the company's deductions, and the incomplete flag."""

from __future__ import annotations

from typing import Any

from seatledger.core.i18n import N_, _, local, tr
from seatledger.core.vocabulary import UNITS, shown, titled
from seatledger.render.grids import SUM, Grid, cols, incomplete, keys_dropped
from seatledger.render.schemas_statement import statement
from seatledger.reports.settlement import Statement


def _neg(amount: str) -> str:
    return amount[1:] if amount.startswith("-") else f"-{amount}"


def _statement_rows(s: Statement, d: dict[str, Any]) -> list[tuple[Any, ...]]:
    rows: list[tuple[Any, ...]] = [
        (d["period"]["from"], _("opening balance brought forward"), d["opening_balance"], None, None)
    ]
    rows += [
        (i["date"], tr("+ {label} accrued", label=i["label"]), i["amount"], None, None)
        for i in d["instalments"]
    ]
    rows += [
        (None, local(s.deduction_item(k)), _neg(v), None, None)
        for k, v in d["deductions"]["by_penalty"].items()
    ]
    rows += [
        (
            p["date"],
            tr("- payment received (instalment {instalment})", instalment=p["instalment"]),
            _neg(p["amount"]),
            None,
            p["record"],
        )
        for p in d["payments"]
    ]
    return rows


def _to_pay(d: dict[str, Any]) -> Grid:
    rows: list[tuple[Any, ...]] = [(_("closing balance owed by Party A"), d["closing_balance"], None)]
    nxt = d["next_instalment"]
    if nxt["label"]:
        rows.append((tr("+ {label} accrued", label=nxt["label"]), nxt["amount"], None))
    if d["disputed"]["total"] != "0.00":
        rows.append((_("+ deductions under open dispute, not withheld"), d["disputed"]["total"], None))
    return Grid(
        _("To pay"),
        _("Party A should pay next"),
        cols((N_("item"), "text"), (N_("amount"), "money"), (N_("in capitals"), "text")),
        tuple(rows),
        (_("Party A should pay next"), SUM, d["next_payment_capitals"]),
    )


def _interest(s: Statement, d: dict[str, Any]) -> Grid:
    """Interest payment by payment; the counted column is what this statement charges: the
    interest of payments made in the period, and what still accrues on unpaid instalments."""
    start, end = d["period"]["from"], d["period"]["to"]
    rows: list[tuple[Any, ...]] = []
    for due in d["due"]:
        head = (due["instalment"], due["amount"], due["requested"], due["due"])
        for p in due["payments"]:
            counted = p["interest"] if start <= p["date"] <= end else "0.00"
            excused = titled(p["excused"], s.excuse_titles.get(p["excused"])) if p["excused"] else ""
            rows.append((*head, p["date"], p["amount"], p["days_late"], p["interest"], excused, counted))
        if due["accruing"] != "0.00":
            rows.append((*head, None, None, due["days_late"], due["accruing"], _("unpaid"), due["accruing"]))
    return Grid(
        _("Interest"),
        _("Due dates and late-payment interest (rules 9, 10)"),
        cols(
            (N_("inst"), "int"),
            (N_("amount"), "money"),
            (N_("requested"), "date"),
            (N_("due"), "date"),
            (N_("paid on"), "date"),
            (N_("paid"), "money"),
            (N_("late"), "int"),
            (N_("interest"), "money"),
            (N_("excused"), "text"),
            (N_("counted"), "money"),
        ),
        tuple(rows),
        (_("total"), None, None, None, None, None, None, None, None, SUM),
    )


def _invoices(s: Statement, d: dict[str, Any]) -> Grid:
    rows = [
        (
            c["instalment"],
            c["invoiced"],
            c["paid"],
            c["paid_uninvoiced"],
            "、".join(s.document_titles.get(k, k) for k in c["missing_documents"]),
        )
        for c in d["invoices"]
    ]
    return Grid(
        _("Invoices"),
        _("Invoices and documents per instalment (rule 15)"),
        cols(
            (N_("inst"), "int"),
            (N_("invoiced"), "money"),
            (N_("paid"), "money"),
            (N_("paid, not invoiced"), "money"),
            (N_("missing documents"), "text"),
        ),
        tuple(rows),
        (_("total"), SUM, SUM, SUM, None),
    )


def settle(s: Statement) -> list[Grid]:
    d = statement(s)
    banner = incomplete(d["complete"], len(d["gaps"]) + len(d["unrecorded"]))
    main = Grid(
        _("Settlement statement"),
        tr(
            "Settlement {label} ({start}..{end}), as of {as_of}",
            label=d["period"]["label"],
            start=d["period"]["from"],
            end=d["period"]["to"],
            as_of=d["as_of"],
        ),
        cols(
            (N_("date"), "date"),
            (N_("item"), "text"),
            (N_("amount"), "money"),
            (N_("in capitals"), "text"),
            (N_("record"), "text"),
        ),
        tuple(_statement_rows(s, d)),
        (None, _("closing balance owed by Party A"), SUM, d["closing_balance_capitals"], None),
        banner,
    )
    return [main, _to_pay(d)._replace(banner=banner), _interest(s, d), _invoices(s, d)]


DEDUCT_COLUMNS = (
    (N_("date"), "date"),
    (N_("penalty"), "text"),
    (N_("title"), "text"),
    (N_("clause"), "text"),
    (N_("qty"), "int"),
    (N_("unit"), "text"),
    (N_("rate"), "money"),
    (N_("deducted from Party B"), "money"),
    (N_("fine on a person"), "money"),
    (N_("staff"), "text"),
    (N_("record"), "text"),
)


def deduct(d: dict[str, Any]) -> list[Grid]:
    """One sheet: the company's deductions and the fines persons pay, each in its own amount
    column with its own total, so neither is summed into the other."""

    def row(x: dict[str, Any], fine: bool) -> tuple[Any, ...]:
        amounts = (None, x["amount"]) if fine else (x["amount"], None)
        return (
            x["date"],
            x["penalty"],
            x["title"],
            x["clause"],
            x["quantity"],
            shown(x["unit"], UNITS),
            x["rate"],
            *amounts,
            " ".join(x["staff"]),
            x["record"],
        )

    rows = [row(x, False) for x in d["lines"]] + [row(x, True) for x in d["personal_fines"]]
    title = tr(
        "Deductions {label} ({start}..{end})",
        label=d["period"]["label"],
        start=d["period"]["from"],
        end=d["period"]["to"],
    )
    total = (_("total"), None, None, None, None, None, None, SUM, SUM, None, None)
    banner = incomplete(d["complete"], len(d["gaps"]) + len(d["unrecorded"]))
    return [keys_dropped(Grid(_("Deductions"), title, cols(*DEDUCT_COLUMNS), tuple(rows), total, banner), 1)]


def balance(d: dict[str, Any]) -> list[Grid]:
    columns = cols(
        (N_("period"), "text"),
        (N_("from"), "date"),
        (N_("to"), "date"),
        (N_("accrued"), "money"),
        (N_("deducted"), "money"),
        (N_("paid"), "money"),
        (N_("balance"), "money"),
        (N_("running"), "money"),
        (N_("complete"), "flag"),
    )
    rows = [
        (
            _(r["period"]),  # the whole term's label is a word ("term"), a month's is not
            r["from"],
            r["to"],
            r["accrued"],
            _neg(r["deducted"]),
            _neg(r["paid"]),
            r["balance"],
            r["running"],
            r["complete"],
        )
        for r in d["rows"]
    ]
    banner = (
        ""
        if d["complete"]
        else _(
            "Figures are INCOMPLETE for the periods marked no under complete: attendance is not all recorded."
        )
    )
    return [
        Grid(
            _("Balance"),
            _("Balance owed by Party A (accrued - deducted - paid)"),
            columns,
            tuple(rows),
            (_("total"), None, None, SUM, SUM, SUM, SUM, None, None),
            banner,
        )
    ]
