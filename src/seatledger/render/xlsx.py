"""Reports as Excel workbooks (openpyxl): one sheet per grid; money as numbers with two
decimals (never text), dates as dates, a bold frozen header row, a bold totals row, widths
that fit the longest cell. The file is written whole and then renamed into place."""

from __future__ import annotations

import io
from datetime import date
from decimal import Decimal
from typing import Any

from seatledger.render.grids import Grid

MONEY = "#,##0.00;-#,##0.00"


def _cell(value: Any, kind: str, label: bool = False) -> Any:
    """`label`: the first cell of a totals row, text whatever its column holds."""
    if value in (None, ""):
        return None
    if label:
        return str(value)
    if kind == "money":
        return Decimal(value)  # openpyxl writes a Decimal as a number
    if kind == "date":
        return date.fromisoformat(value)
    return value


def _width(value: Any) -> int:
    text = f"{value:,.2f}" if isinstance(value, Decimal) else str(value if value is not None else "")
    return sum(2 if ord(ch) > 0x2E7F else 1 for ch in text)  # CJK cells are two wide


def workbook_bytes(grids: list[Grid]) -> bytes:
    from openpyxl import Workbook
    from openpyxl.styles import Font

    book = Workbook()
    book.remove(book.worksheets[0])
    for n, grid in enumerate(grids, 1):
        sheet = book.create_sheet(f"{n}")
        sheet.append([grid.title])
        sheet["A1"].font = Font(bold=True)
        sheet.append([header for header, _kind in grid.columns])
        for cell in sheet[2]:
            cell.font = Font(bold=True)
        sheet.freeze_panes = "A3"
        rows = list(grid.rows) + ([grid.total] if grid.total is not None else [])
        for n_row, row in enumerate(rows):
            total = grid.total is not None and n_row == len(rows) - 1
            sheet.append(
                [
                    _cell(v, kind, total and col == 0)
                    for col, (v, (_h, kind)) in enumerate(zip(row, grid.columns, strict=True))
                ]
            )
        for col, (header, kind) in enumerate(grid.columns, 1):
            cells = [sheet.cell(row=r, column=col) for r in range(3, sheet.max_row + 1)]
            for cell in cells:
                if kind == "money":
                    cell.number_format = MONEY
                elif kind == "date":
                    cell.number_format = "yyyy-mm-dd"
            widest = max([_width(header)] + [_width(c.value) for c in cells])
            sheet.column_dimensions[cell_letter(col)].width = min(max(widest + 2, 8), 60)
        if grid.total is not None:
            for cell in sheet[sheet.max_row]:
                cell.font = Font(bold=True)
    buf = io.BytesIO()
    book.save(buf)
    return buf.getvalue()


def cell_letter(col: int) -> str:
    from openpyxl.utils import get_column_letter

    return str(get_column_letter(col))
