"""Reports as plain grids for spreadsheets (xlsx, csv): built from the JSON schema of each
report, so a spreadsheet's figures are the JSON's figures. Each column has a kind: money (a
number with two decimals), int, date or text; a grid may end in a totals row."""

from __future__ import annotations

from decimal import Decimal
from typing import Any, NamedTuple

from seatledger.core.i18n import _, tr


class Grid(NamedTuple):
    title: str
    columns: tuple[tuple[str, str], ...]  # (header, kind)
    rows: tuple[tuple[Any, ...], ...]
    total: tuple[Any, ...] | None = None


def _sum(rows: list[tuple[Any, ...]], col: int) -> Decimal:
    return sum((Decimal(r[col]) for r in rows if r[col] not in (None, "")), Decimal("0.00"))


def _cols(*pairs: tuple[str, str]) -> tuple[tuple[str, str], ...]:
    return tuple((_(name), kind) for name, kind in pairs)


def deduct(d: dict[str, Any]) -> list[Grid]:
    cols = _cols(
        ("date", "date"),
        ("penalty", "text"),
        ("title", "text"),
        ("clause", "text"),
        ("qty", "int"),
        ("unit", "text"),
        ("rate", "money"),
        ("amount", "money"),
        ("record", "text"),
    )

    def rows(lines: list[dict[str, Any]]) -> list[tuple[Any, ...]]:
        return [
            (
                x["date"],
                x["penalty"],
                x["title"],
                x["clause"],
                x["quantity"],
                x["unit"],
                x["rate"],
                x["amount"],
                x["record"],
            )
            for x in lines
        ]

    label = d["period"]["label"]
    lines = rows(d["lines"])
    out = [
        Grid(
            tr(
                "Deductions {label} ({start}..{end})",
                label=label,
                start=d["period"]["from"],
                end=d["period"]["to"],
            ),
            cols,
            tuple(lines),
            (_("total"), "", "", "", None, "", None, d["total"], ""),
        )
    ]
    if d["personal_fines"]:
        fines = rows(d["personal_fines"])
        out.append(
            Grid(
                _("Fines on persons: reported, not deducted from Party B"),
                cols,
                tuple(fines),
                (_("total"), "", "", "", None, "", None, str(_sum(fines, 7)), ""),
            )
        )
    return out


def settle(d: dict[str, Any]) -> list[Grid]:
    cols = _cols(("item", "text"), ("amount", "money"), ("in capitals", "text"))
    rows: list[tuple[Any, ...]] = [(_("opening balance brought forward"), d["opening_balance"], "")]
    rows += [(tr("+ {label} accrued", label=i["label"]), i["amount"], "") for i in d["instalments"]]
    rows += [(tr("- deduction: {key}", key=k), f"-{v}", "") for k, v in d["deductions"]["by_penalty"].items()]
    rows += [
        (
            tr("- payment received (instalment {instalment})", instalment=p["instalment"]),
            f"-{p['amount']}",
            "",
        )
        for p in d["payments"]
    ]
    statement = Grid(
        tr(
            "Settlement {label} ({start}..{end}), as of {as_of}",
            label=d["period"]["label"],
            start=d["period"]["from"],
            end=d["period"]["to"],
            as_of=d["as_of"],
        ),
        cols,
        tuple(rows),
        (_("closing balance owed by Party A"), d["closing_balance"], d["closing_balance_capitals"]),
    )
    due_cols = _cols(
        ("inst", "int"),
        ("amount", "money"),
        ("requested", "date"),
        ("due", "date"),
        ("paid", "money"),
        ("late", "int"),
        ("interest", "money"),
    )
    due = [
        (x["instalment"], x["amount"], x["requested"], x["due"], x["paid"], x["days_late"], x["interest"])
        for x in d["due"]
    ]
    pay = Grid(
        _("Party A should pay next"),
        cols,
        (
            (_("closing balance owed by Party A"), d["closing_balance"], d["closing_balance_capitals"]),
            (_("late-payment interest (beside the balance)"), d["late_interest"], ""),
        ),
        (_("Party A should pay next"), d["next_payment"], d["next_payment_capitals"]),
    )
    return [
        statement,
        pay,
        Grid(
            _("Due dates and late-payment interest (rules 9, 10)"),
            due_cols,
            tuple(due),
            (_("total"), None, None, None, str(_sum(due, 4)), None, d["late_interest"]),
        ),
    ]


def balance(d: dict[str, Any]) -> list[Grid]:
    cols = _cols(
        ("period", "text"),
        ("from", "date"),
        ("to", "date"),
        ("accrued", "money"),
        ("deducted", "money"),
        ("paid", "money"),
        ("balance", "money"),
        ("running", "money"),
    )
    rows = [
        (r["period"], r["from"], r["to"], r["accrued"], r["deducted"], r["paid"], r["balance"], r["running"])
        for r in d["rows"]
    ]
    total = (
        _("total"),
        None,
        None,
        str(_sum(rows, 3)),
        str(_sum(rows, 4)),
        str(_sum(rows, 5)),
        str(_sum(rows, 6)),
        rows[-1][7] if rows else "0.00",
    )
    return [Grid(_("Balance owed by Party A (accrued - deducted - paid)"), cols, tuple(rows), total)]


def roster(d: dict[str, Any]) -> list[Grid]:
    cols = _cols(
        ("from", "date"),
        ("to", "date"),
        ("rule", "text"),
        ("clause", "text"),
        ("expected", "text"),
        ("actual", "text"),
        ("detail", "text"),
    )
    rows = [
        (v["from"], v["to"], v["rule"], v["clause"], v["expected"], v["actual"], v["detail"])
        for v in d["violations"]
    ]
    return [
        Grid(
            tr(
                "Roster violations {label} ({span})",
                label=d["period"]["label"],
                span=f"{d['period']['from']}..{d['period']['to']}",
            ),
            cols,
            tuple(rows),
            (_("total"), None, str(len(rows)), "", "", "", ""),
        )
    ]


def compliance(d: dict[str, Any]) -> list[Grid]:
    cols = _cols(
        ("duty", "text"),
        ("title", "text"),
        ("clause", "text"),
        ("window", "text"),
        ("required", "int"),
        ("windows", "int"),
        ("shortfall", "int"),
    )
    rows = [
        (o["obligation"], o["title"], o["clause"], o["window"], o["required"], o["windows"], o["shortfalls"])
        for o in d["obligations"]
    ]
    return [
        Grid(
            tr(
                "Counted duties {label} ({start}..{end})",
                label=d["period"]["label"],
                start=d["period"]["from"],
                end=d["period"]["to"],
            ),
            cols,
            tuple(rows),
            (_("total"), "", "", "", None, sum(r[5] for r in rows), sum(r[6] for r in rows)),
        )
    ]


def csv_bytes(grids: list[Grid]) -> bytes:
    """The grids one after another, a blank line between; a byte-order mark so that Excel and
    WPS open the Chinese as UTF-8."""
    import csv
    import io

    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    for n, grid in enumerate(grids):
        if n:
            writer.writerow([])
        writer.writerow([header for header, _kind in grid.columns])
        for row in (*grid.rows, *([grid.total] if grid.total is not None else [])):
            writer.writerow(["" if v is None else v for v in row])
    return ("\ufeff" + out.getvalue()).encode("utf-8")
