"""A table for people that never cuts a figure: money, dates, ids and counts keep their full
width; text columns wrap; extra columns (detail, notes) are dropped when the figures need the
room; and where even the figures do not fit, each row is printed as `name: value` lines."""

from __future__ import annotations

from collections.abc import Iterator

from rich import box
from rich.console import Console, ConsoleOptions, RenderResult
from rich.table import Table
from rich.text import Text

from seatledger.core.i18n import _, local

EXTRA = frozenset({"detail", "note", "title"})  # dropped first, from the last one listed
TEXT = frozenset({"item", "clause", "source", "payments", "expected", "actual", "penalty", "unit",
                  "rule", "duty", "window", "period"})
COMFORTABLE = {"text": 12, "extra": 12}  # narrower than this, a text column is dropped or stacked


class Sheet:
    def __init__(self, title: str, columns: list[tuple[str, str]]) -> None:
        self.title = title
        self.columns = columns
        self.rows: list[tuple[str, ...] | None] = []  # None: a section line

    def add_row(self, *cells: str) -> None:
        self.rows.append(cells)

    def add_section(self) -> None:
        self.rows.append(None)

    def _cells(self, col: int) -> Iterator[int]:
        yield Text.from_markup(_(self.columns[col][0])).cell_len
        for row in self.rows:
            if row is not None:
                yield max((Text.from_markup(line).cell_len
                           for line in local(row[col]).splitlines()), default=0)

    def _role(self, col: int) -> str:
        name = self.columns[col][0]
        return "extra" if name in EXTRA else "text" if name in TEXT else "figure"

    def _width(self, col: int) -> int:
        """The width a column should not go below: a figure's widest cell."""
        widest = max(self._cells(col))
        role = self._role(col)
        return widest if role == "figure" else min(widest, COMFORTABLE[role])

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> RenderResult:
        keep = list(range(len(self.columns)))
        needed = sum(self._width(c) + 1 for c in keep) - 1  # one space between columns
        extras = [c for c in reversed(keep) if self.columns[c][0] in EXTRA]
        for col in extras:
            if needed <= options.max_width:
                break
            keep.remove(col)
            needed -= self._width(col) + 1
        if needed > options.max_width:
            yield from self._stacked()
            return
        table = Table(title=local(self.title), title_justify="left", box=box.SIMPLE_HEAD,
                      pad_edge=False, collapse_padding=True)
        for col in keep:
            name, justify = self.columns[col]
            figure = self._role(col) == "figure"
            table.add_column(_(name), justify=justify,  # type: ignore[arg-type]
                             no_wrap=figure, overflow="fold",
                             min_width=self._width(col))
        for row in self.rows:
            if row is None:
                table.add_section()
            else:
                table.add_row(*(local(row[c]) for c in keep))
        yield table

    def _stacked(self) -> Iterator[Text]:
        """Each row as `name: value` lines, for a terminal too narrow for the figures."""
        yield Text(local(self.title), style="italic")
        for row in self.rows:
            if row is None:
                yield Text("─" * 8)
                continue
            for (name, _justify), cell in zip(self.columns, row, strict=True):
                if cell:
                    yield Text.from_markup(f"  {_(name)}: {local(cell)}")
            yield Text("")
