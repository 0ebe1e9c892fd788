"""Reports as plain grids for spreadsheets (xlsx, csv): built from the JSON schema of each
report, so a spreadsheet's figures are the JSON's figures. Each column has a kind: money (a
number with two decimals), int, date, flag (yes/no) or text. A grid has a sheet name, may open
with a banner (figures incomplete) and may end in a totals row whose cells are formulas over
the rows above (SUM, or a count of rows above zero): xlsx writes the formula with its value,
csv the value, so every total foots."""

from __future__ import annotations

from decimal import Decimal
from typing import Any, NamedTuple

from seatledger.core.i18n import N_, _, current, local, tr
from seatledger.core.vocabulary import DAY_KINDS, HOLIDAYS, ROSTER_RULES, STATUSES, WEEKDAYS, WINDOWS, shown

FORBIDDEN = str.maketrans({c: "-" for c in "[]:*?/\\"})  # Excel refuses these in a sheet name


class Formula(NamedTuple):
    """A totals cell computed from the rows above it."""

    fn: str  # "SUM" or "COUNTIF" (rows above zero)


SUM = Formula("SUM")
COUNT_ABOVE_ZERO = Formula("COUNTIF")


class Grid(NamedTuple):
    name: str  # the sheet's name in the report's language
    title: str
    columns: tuple[tuple[str, str], ...]  # (header, kind)
    rows: tuple[tuple[Any, ...], ...]
    total: tuple[Any, ...] | None = None  # a value, a Formula, or None per column
    banner: str = ""  # above the title: the figures are incomplete


def keys_dropped(grid: Grid, col: int) -> Grid:
    """Under zh the column `col` of keys goes: the title beside it names the row, and a key
    is for typing, not for the reader (as in the text reports)."""
    if current() != "zh":
        return grid

    def cut(row: tuple[Any, ...]) -> tuple[Any, ...]:
        return row[:col] + row[col + 1 :]

    total = cut(grid.total) if grid.total is not None else None
    return grid._replace(columns=cut(grid.columns), rows=tuple(cut(r) for r in grid.rows), total=total)


def sheet_name(name: str, taken: set[str]) -> str:
    """A name Excel and Calc accept: no []:*?/\\, at most 31 characters, unique in the book."""
    base = name.translate(FORBIDDEN).strip("'")[:31] or "-"
    unique, n = base, 2
    while unique.lower() in taken:
        suffix = f" ({n})"
        unique, n = base[: 31 - len(suffix)] + suffix, n + 1
    taken.add(unique.lower())
    return unique


def _number(value: Any) -> Decimal:
    return Decimal(str(value)) if value not in (None, "") else Decimal(0)


def computed(grid: Grid, col: int) -> Any:
    """The value of the totals cell `col`: a formula's result over the rows, else the cell."""
    assert grid.total is not None
    cell = grid.total[col]
    if not isinstance(cell, Formula):
        return cell
    values = [_number(r[col]) for r in grid.rows]
    if cell.fn == "COUNTIF":
        return sum(1 for v in values if v > 0)
    result = sum(values, Decimal(0))
    return f"{result:.2f}" if grid.columns[col][1] == "money" else int(result)


def yes_no(flag: bool) -> str:
    return _("yes") if flag else _("no")


def cols(*pairs: tuple[str, str]) -> tuple[tuple[str, str], ...]:
    return tuple((_(name), kind) for name, kind in pairs)


def incomplete(complete: bool, n_missing: int) -> str:
    if complete:
        return ""
    return tr(
        "Figures are INCOMPLETE: {n} required shift(s) have no attendance record; the "
        "deductions may be understated.",
        n=n_missing,
    )


def roster(d: dict[str, Any]) -> list[Grid]:
    columns = cols(
        (N_("from"), "date"),
        (N_("to"), "date"),
        (N_("rule"), "text"),
        (N_("clause"), "text"),
        (N_("expected"), "text"),
        (N_("actual"), "text"),
        (N_("detail"), "text"),
    )
    rows = [
        (
            v["from"],
            v["to"],
            shown(v["rule"], ROSTER_RULES),
            v["clause"],
            v["expected"],
            v["actual"],
            v["detail"],
        )
        for v in d["violations"]
    ]
    return [
        Grid(
            _("Roster violations"),
            tr(
                "Roster violations {label} ({span})",
                label=d["period"]["label"],
                span=f"{d['period']['from']}..{d['period']['to']}",
            ),
            columns,
            tuple(rows),
            (tr("violations: {n}", n=len(rows)), None, None, None, None, None, None),
        )
    ]


def compliance(d: dict[str, Any]) -> list[Grid]:
    """One row a duty; windows are of different kinds (days, weeks, months), so the only
    total is how many duties fell short."""
    columns = cols(
        (N_("duty"), "text"),
        (N_("title"), "text"),
        (N_("clause"), "text"),
        (N_("window"), "text"),
        (N_("required"), "int"),
        (N_("windows"), "int"),
        (N_("shortfall"), "int"),
    )
    rows = [
        (
            o["obligation"] if current() != "zh" else o["title"] or o["obligation"],
            o["title"],
            o["clause"],
            shown(o["window"], WINDOWS),
            o["required"],
            o["windows"],
            o["shortfalls"],
        )
        for o in d["obligations"]
    ]
    grid = keys_dropped(
        Grid(
            _("Counted duties"),
            tr(
                "Counted duties {label} ({start}..{end})",
                label=d["period"]["label"],
                start=d["period"]["from"],
                end=d["period"]["to"],
            ),
            columns,
            tuple(rows),
            (_("duties short"), None, None, None, None, None, COUNT_ABOVE_ZERO),
        ),
        1,
    )
    return [grid]


def _csv_cell(value: Any, kind: str) -> Any:
    if value is None:
        return ""
    if kind == "flag" and isinstance(value, bool):
        return yes_no(value)
    return value


def csv_bytes(grids: list[Grid]) -> bytes:
    """The grids one after another, a blank line between, each with its banner, header, rows
    and totals (the values the xlsx formulas give); a byte-order mark so that Excel and WPS
    open the Chinese as UTF-8."""
    import csv
    import io

    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    for n, grid in enumerate(grids):
        if n:
            writer.writerow([])
        if grid.banner:
            writer.writerow([grid.banner])
        writer.writerow([header for header, _kind in grid.columns])
        kinds = [kind for _header, kind in grid.columns]
        for row in grid.rows:
            writer.writerow([_csv_cell(v, k) for v, k in zip(row, kinds, strict=True)])
        if grid.total is not None:
            writer.writerow([_csv_cell(computed(grid, c), "text") for c in range(len(kinds))])
    return ("\ufeff" + out.getvalue()).encode("utf-8")


def calendar(d: dict[str, Any]) -> list[Grid]:
    """A month's days; the totals are the person-shifts the month requires, shift by shift."""
    shifts = list(d["days"][0]["required"]) if d["days"] else []
    columns = (
        *cols((N_("date"), "date"), (N_("wd"), "text"), (N_("kind"), "text"), (N_("holiday / note"), "text")),
        *((shown(s), "int") for s in shifts),
    )
    rows = [
        (
            x["date"],
            shown(x["weekday"], WEEKDAYS),
            shown(x["kind"], DAY_KINDS),
            x["name"] and shown(x["name"], HOLIDAYS),
            *x["required"].values(),
        )
        for x in d["days"]
    ]
    working = sum(1 for x in d["days"] if x["kind"] == "working")
    return [
        Grid(
            d["month"],
            tr("{month}: working days and people required per shift", month=d["month"]),
            columns,
            tuple(rows),
            (None, None, None, tr("{working} working days", working=working), *(SUM for _s in shifts)),
        )
    ]


def notices(d: dict[str, Any]) -> list[Grid]:
    columns = cols(
        (N_("id"), "text"),
        (N_("date"), "date"),
        (N_("clause"), "text"),
        (N_("cure by"), "date"),
        (N_("status"), "text"),
        (N_("detail"), "text"),
    )
    rows = [
        (n["id"], n["date"], n["clause"], n["cure_by"], shown(n["status"], STATUSES), local(n["detail"]))
        for n in d["notices"]
    ]
    title = tr("Notices to cure, as of {as_of}", as_of=d["as_of"])
    return [Grid(_("Notices to cure"), title, columns, tuple(rows))]
