"""Reports as Excel workbooks (XlsxWriter): one named sheet per grid; money as numbers with two
decimals (never text), dates as dates, a bold frozen header row, totals as formulas over the
rows above with their value cached (so a reader that does not recalculate still sees it, and a
clerk who corrects a cell gets a right total), and a page setup for A4: orientation by width,
fit to the page's width, header rows repeated on every page, page numbers in the footer.
openpyxl cannot cache a formula's value; XlsxWriter can."""

from __future__ import annotations

import io
from datetime import date
from decimal import Decimal
from typing import Any

from seatledger.core.i18n import _
from seatledger.render.grids import Formula, Grid, computed, sheet_name, yes_no

MONEY = "#,##0.00;-#,##0.00"
PORTRAIT_WIDTH = 90  # column-width units an A4 portrait page holds at the default margins
WIDEST = 60  # a wider text column wraps
A4 = 9


def _width(value: Any) -> int:
    text = f"{value:,.2f}" if isinstance(value, Decimal) else str(value if value is not None else "")
    return sum(2 if ord(ch) > 0x2E7F else 1 for ch in text)  # CJK cells are two wide


def _value(value: Any, kind: str) -> Any:
    if value in (None, ""):
        return None
    if kind == "money" and not isinstance(value, bool):
        return Decimal(value)
    if kind == "date" and isinstance(value, str) and len(value) == 10 and value[4] == "-":
        return date.fromisoformat(value)
    if kind == "flag" and isinstance(value, bool):
        return yes_no(value)
    return value


def _lines(value: Any, width: int) -> int:
    """How many lines a wrapped text cell takes; a CJK character prints nearer 1.7 widths than 2."""
    if not isinstance(value, str):
        return 1
    drawn = sum(1.7 if ord(ch) > 0x2E7F else 1 for ch in value)
    return max(1, -int(-drawn // (width - 2)))


class _Formats:
    def __init__(self, book: Any) -> None:
        self.banner = book.add_format({"bold": True, "font_color": "#9C0006", "bg_color": "#FFEB9C"})
        self.title = book.add_format({"bold": True, "font_size": 12})
        head = {"bold": True, "bottom": 1, "text_wrap": True, "valign": "top"}
        self.header = book.add_format({**head, "indent": 1, "align": "left"})  # clear of a figure
        self.header_figure = book.add_format({**head, "align": "right"})
        self.header_centre = book.add_format({**head, "align": "center"})
        self.body = {
            "money": book.add_format({"num_format": MONEY, "valign": "top"}),
            "date": book.add_format({"num_format": "yyyy-mm-dd", "valign": "top", "align": "center"}),
            "flag": book.add_format({"valign": "top", "align": "center"}),
            "int": book.add_format({"valign": "top"}),
            "text": book.add_format({"text_wrap": True, "valign": "top", "indent": 1, "align": "left"}),
        }
        self.total = {
            "money": book.add_format({"num_format": MONEY, "bold": True, "top": 1}),
            "date": book.add_format({"num_format": "yyyy-mm-dd", "bold": True, "top": 1}),
            "int": book.add_format({"bold": True, "top": 1}),
            "text": book.add_format({"bold": True, "top": 1, "indent": 1, "align": "left"}),
        }


def _kind(kind: str) -> str:
    return kind if kind in ("money", "date", "flag", "int") else "text"


def _header(f: _Formats, kind: str) -> Any:
    if kind in ("money", "int"):
        return f.header_figure
    return f.header_centre if kind in ("date", "flag") else f.header


def _write_total(sheet: Any, grid: Grid, at: int, first: int, f: _Formats) -> None:
    assert grid.total is not None
    for col, (cell, (_h, kind)) in enumerate(zip(grid.total, grid.columns, strict=True)):
        fmt = f.total.get(_kind(kind), f.total["text"])
        value = computed(grid, col)
        if isinstance(cell, Formula) and grid.rows:
            from xlsxwriter.utility import xl_range

            cells = xl_range(first, col, at - 1, col)
            formula = f"=SUM({cells})" if cell.fn == "SUM" else f'=COUNTIF({cells},">0")'
            sheet.write_formula(at, col, formula, fmt, _value(value, kind) if kind == "money" else value)
        else:
            sheet.write(at, col, _value(value, kind if isinstance(cell, Formula) else "text"), fmt)


def _page(sheet: Any, grid: Grid, widths: list[int], header_row: int) -> None:
    sheet.set_paper(A4)
    if sum(widths) > PORTRAIT_WIDTH:
        sheet.set_landscape()
    sheet.fit_to_pages(1, 0)  # one page wide, as many tall as it takes
    sheet.repeat_rows(0, header_row)  # banner, title and header on every page
    sheet.set_margins(left=0.5, right=0.5, top=0.6, bottom=0.6)
    sheet.set_footer("&C" + _("Page &P of &N"))  # &P, &N: the page and the page count


def _sheet(book: Any, grid: Grid, name: str, f: _Formats) -> None:
    sheet = book.add_worksheet(name)
    row = 0
    if grid.banner:
        sheet.write(row, 0, grid.banner, f.banner)
        row += 1
    sheet.write(row, 0, grid.title, f.title)
    header = row + 1
    for col, (title, kind) in enumerate(grid.columns):
        sheet.write(header, col, title, _header(f, kind))
    first = header + 1
    for n, values in enumerate(grid.rows):
        for col, (value, (_h, kind)) in enumerate(zip(values, grid.columns, strict=True)):
            sheet.write(first + n, col, _value(value, kind), f.body[_kind(kind)])
    end = first + len(grid.rows)
    if grid.total is not None:
        _write_total(sheet, grid, end, first, f)
    widths = []
    for col, (title, kind) in enumerate(grid.columns):
        cells = [_value(r[col], kind) for r in grid.rows]
        if grid.total is not None:
            cells.append(computed(grid, col))
        widest = max([_width(title)] + [_width(c) for c in cells])
        widths.append(min(max(widest + 2, 8), WIDEST))
        sheet.set_column(col, col, widths[-1])
    for n, values in enumerate(grid.rows):
        lines = max([_lines(v, w) for v, w in zip(values, widths, strict=True)] + [1])
        if lines > 1:  # a wrapped cell: Calc and Excel do not size the row on opening
            sheet.set_row(first + n, 15 * lines)
    sheet.freeze_panes(first, 0)
    _page(sheet, grid, widths, header)


def workbook_bytes(grids: list[Grid]) -> bytes:
    from xlsxwriter import Workbook

    buf = io.BytesIO()
    book = Workbook(buf, {"in_memory": True})
    f = _Formats(book)
    taken: set[str] = set()
    for grid in grids:
        _sheet(book, grid, sheet_name(grid.name, taken), f)
    book.close()
    return buf.getvalue()
