"""The portfolio as JSON, and its csv and spreadsheet grid (one row a contract, then the total)."""

from __future__ import annotations

import csv
import io
from decimal import Decimal
from typing import TYPE_CHECKING, Any

from seatledger.core.i18n import N_, _, tr
from seatledger.core.money import ZERO, fmt
from seatledger.render.schemas import day
from seatledger.render.schemas_statement import statement
from seatledger.reports.portfolio import ContractRow, Portfolio, Totals

if TYPE_CHECKING:  # the grids only for csv and xlsx
    from seatledger.render.grids import Grid


def _figures(r: ContractRow) -> dict[str, Any] | None:
    f = r.figures
    if f is None:
        return None
    s = f.statement
    return {
        "accrued": fmt(s.accrued),
        "deducted": fmt(s.deductions),
        "paid": fmt(s.paid),
        "balance_owed": fmt(s.closing),
        "next_payment": fmt(s.next_payment),
        "next_label": s.next_label,
        "next_due": day(f.next_due),
        "overdue": [
            {
                "instalment": o.instalment,
                "due": o.due.isoformat(),
                "unpaid": fmt(o.unpaid),
                "accruing": fmt(o.accruing),
            }
            for o in f.overdue
        ],
        "deductions_by_clause": {s.clauses.get(k, k): fmt(v) for k, v in sorted(s.by_penalty.items())},
        "open_notices": [
            {"id": n.id, "clause": n.clause, "cure_by": n.cure_by.isoformat(), "status": str(n.status)}
            for n in f.open_notices
        ],
        "findings": [{"record": x.record or None, "finding": str(x.message)} for x in s.findings],
        "complete": s.complete,
        "statement": statement(s),
    }


def _totals(t: Totals) -> dict[str, Any]:
    return {
        "accrued": fmt(t.accrued),
        "deducted": fmt(t.deducted),
        "paid": fmt(t.paid),
        "balance_owed": fmt(t.balance),
        "next_payment": fmt(t.next_payment),
        "overdue": fmt(t.overdue),
        "accruing": fmt(t.accruing),
        "deductions_by_clause": {k: fmt(v) for k, v in t.by_clause.items()},
        "open_notices": t.open_notices,
        "findings": t.findings,
    }


def portfolio(p: Portfolio) -> dict[str, Any]:
    return {
        "as_of": p.as_of.isoformat(),
        "complete": p.complete,
        "contracts": [
            {
                "id": r.id,
                "title": r.title,
                "party_a": r.party_a,
                "party_b": r.party_b,
                "term": {"from": r.start.isoformat(), "to": r.end.isoformat()},
                "renews": r.renews,
                "file": r.file,
                "ledger": r.ledger,
                "problems": [pr.as_json() for pr in r.problems],
                "figures": _figures(r),
            }
            for r in p.rows
        ],
        "total": _totals(p.totals),
    }


# the keys head the English csv as they always have; under zh each reads as its word
COLUMNS = (
    (N_("contract"), "text"), (N_("party_a"), "text"), (N_("party_b"), "text"), (N_("from"), "date"),
    (N_("to"), "date"), (N_("accrued"), "money"), (N_("deducted"), "money"), (N_("paid"), "money"),
    (N_("balance_owed"), "money"), (N_("next_payment"), "money"), (N_("next_due"), "date"),
    (N_("overdue"), "money"), (N_("accruing"), "money"), (N_("open_notices"), "int"),
    (N_("findings"), "int"), (N_("problems"), "int"), (N_("complete"), "flag"),
)  # fmt: skip


def _sum(items: list[dict[str, Any]], key: str) -> str:
    return fmt(sum((Decimal(o[key]) for o in items), ZERO))


def _line(c: dict[str, Any]) -> tuple[Any, ...]:
    f = c["figures"]
    head = (c["id"], c["party_a"], c["party_b"], c["term"]["from"], c["term"]["to"])
    if f is None:  # rule 13: its problems, no figures
        return (*head, "", "", "", "", "", "", "", "", "", "", len(c["problems"]), False)
    return (
        *head,
        f["accrued"],
        f["deducted"],
        f["paid"],
        f["balance_owed"],
        f["next_payment"],
        f["next_due"] or "",
        _sum(f["overdue"], "unpaid"),
        _sum(f["overdue"], "accruing"),
        len(f["open_notices"]),
        len(f["findings"]),
        0,
        bool(f["complete"]),
    )


def grid(p: Portfolio) -> Grid:
    """One row a contract (one with problems: their count, no figures), then the total."""
    from seatledger.render.grids import Grid, cols, yes_no

    data = portfolio(p)
    t = data["total"]
    total = (
        _("total"),
        "",
        "",
        "",
        "",
        t["accrued"],
        t["deducted"],
        t["paid"],
        t["balance_owed"],
        t["next_payment"],
        "",
        t["overdue"],
        t["accruing"],
        t["open_notices"],
        t["findings"],
        sum(len(c["problems"]) for c in data["contracts"]),
        yes_no(bool(data["complete"])),
    )
    rows = tuple(_line(c) for c in data["contracts"])
    title = tr("Portfolio as of {date}: {n} contract(s)", date=data["as_of"], n=len(rows))
    return Grid(_("Portfolio"), title, cols(*COLUMNS), rows, total)


def csv_bytes(p: Portfolio) -> bytes:
    """With a UTF-8 byte-order mark and CRLF, like the other csvs, so that Excel and WPS
    open the Chinese names right."""
    from seatledger.render.grids import yes_no

    g = grid(p)
    buf = io.StringIO()
    writer = csv.writer(buf, lineterminator="\r\n")
    writer.writerow([name for name, _kind in g.columns])
    for row in (*g.rows, *([g.total] if g.total is not None else [])):
        writer.writerow([yes_no(v) if isinstance(v, bool) else v for v in row])
    return ("\ufeff" + buf.getvalue()).encode("utf-8")
