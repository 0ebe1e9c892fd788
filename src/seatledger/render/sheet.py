"""A table for people that never cuts a figure and never drops a cell: money, dates, ids and
counts keep their full width; the row's label keeps its width where it can, so it stays on one
line with its amount; columns that do not fit (detail, notes, then other text) go on indented
`name: value` lines under their row; and where even the figures do not fit, each row is printed
as `name: value` lines."""

from __future__ import annotations

from seatledger.core.i18n import _, local
from seatledger.render.terminal import as_markup, cell_len, escape, plain, wrap, wrap_markup

EXTRA = frozenset({"detail", "note", "title", "in capitals"})  # moved under first, last one first
TEXT = frozenset(
    {
        "item",
        "clause",
        "source",
        "payments",
        "expected",
        "actual",
        "penalty",
        "unit",
        "rule",
        "duty",
        "window",
        "period",
        "holiday / note",
        "finding",
        "status",
        "kind",
        "notice",
    }
)
COMFORTABLE = {"text": 12, "extra": 20}  # narrower than this, a column goes under its row
INDENT = "    "  # the lines under a row
GAP = 2  # spaces between columns
RULE = "─"


class Sheet:
    def __init__(self, title: str, columns: list[tuple[str, str]]) -> None:
        self.title = title
        self.columns = columns
        self.rows: list[tuple[tuple[str, ...], str] | None] = []  # None: a section line
        self.caption = ""

    def add_row(self, *cells: str, style: str = "") -> None:
        """Cells are data, printed as they are, unless a cell is `Markup`."""
        self.rows.append((tuple(as_markup(c) for c in cells), style))

    def add_section(self) -> None:
        self.rows.append(None)

    def _role(self, col: int) -> str:
        name = self.columns[col][0]
        return "extra" if name in EXTRA else "text" if name in TEXT else "figure"

    def _natural(self, col: int) -> int:
        widest = cell_len(_(self.columns[col][0]))
        for row in self.rows:
            if row is not None:
                for line in plain(row[0][col]).split("\n"):
                    widest = max(widest, cell_len(line))
        return widest

    def _label(self) -> int | None:
        """The column that names a row (the first text column): kept at its width where it can."""
        return next((c for c in range(len(self.columns)) if self._role(c) == "text"), None)

    def _movable(self, label: int | None) -> list[int]:
        """The columns that may go under their row, in the order they go: extras, then text,
        each from the last one listed."""
        extras = [c for c in reversed(range(len(self.columns))) if self._role(c) == "extra"]
        text = [c for c in reversed(range(len(self.columns))) if self._role(c) == "text" and c != label]
        return extras + text

    def _fit(self, width: int) -> tuple[list[int], list[int], list[int]] | None:
        """Which columns stay on the row line, which go under it, and the least widths;
        None where even the figures do not fit."""
        natural = [self._natural(c) for c in range(len(self.columns))]
        least = [
            n if self._role(c) == "figure" else min(n, COMFORTABLE[self._role(c)])
            for c, n in enumerate(natural)
        ]
        label = self._label()
        if label is not None:
            least[label] = natural[label]
        keep, under = list(range(len(self.columns))), []

        def needed() -> int:
            return sum(least[c] for c in keep) + GAP * (len(keep) - 1)

        for col in self._movable(label):
            if needed() <= width:
                break
            keep.remove(col)
            under.append(col)
        if needed() > width and label is not None:  # the label wraps only as a last resort
            least[label] = min(natural[label], COMFORTABLE["text"])
        return (keep, sorted(under), least) if needed() <= width else None

    def lines(self, width: int) -> list[str]:
        """The table as lines of markup, none wider than `width` cells."""
        fit = self._fit(width)
        if fit is None:
            return self._stacked(width)
        keep, under, least = fit
        natural = [self._natural(c) for c in range(len(self.columns))]
        widths = _share(natural, least, keep, width - GAP * (len(keep) - 1))
        table = sum(widths[c] for c in keep) + GAP * (len(keep) - 1)
        out = [f"[italic]{escape(line)}[/]" for line in wrap(local(self.title), width)]
        out += self._row([escape(_(self.columns[c][0])) for c in keep], keep, widths, "bold")
        out.append(RULE * table)
        for row in self.rows:
            if row is None:
                out.append(RULE * table)
            else:
                out += self._row([row[0][c] for c in keep], keep, widths, row[1])
                out += self._under(row[0], under, width)
        if self.caption:
            out += [escape(line) for line in wrap(local(self.caption), width)]
        out.append("")
        return out

    def _under(self, cells: tuple[str, ...], under: list[int], width: int) -> list[str]:
        """A row's cells that did not fit beside it, as indented `name: value` lines."""
        out = []
        for col in under:
            if plain(cells[col]).strip():
                text = f"{escape(_(self.columns[col][0]))}: {cells[col]}"
                out += [INDENT + piece for piece in _wrap_cell(text, width - len(INDENT))]
        return out

    def _row(self, cells: list[str], keep: list[int], widths: dict[int, int], style: str) -> list[str]:
        wrapped = [_wrap_cell(cell, widths[c]) for cell, c in zip(cells, keep, strict=True)]
        height = max(len(w) for w in wrapped)
        lines = []
        for i in range(height):
            parts = []
            for col, pieces in zip(keep, wrapped, strict=True):
                piece = pieces[i] if i < len(pieces) else ""
                pad = " " * (widths[col] - cell_len(plain(piece)))
                parts.append(pad + piece if self.columns[col][1] == "right" else piece + pad)
            line = (" " * GAP).join(parts).rstrip()
            lines.append(f"[{style}]{line}[/]" if style and line else line)
        return lines

    def _stacked(self, width: int) -> list[str]:
        """Each row as `name: value` lines, for a terminal too narrow for the figures."""
        out = [f"[italic]{escape(line)}[/]" for line in wrap(local(self.title), width)]
        for row in self.rows:
            if row is None:
                out.append(RULE * 8)
                continue
            for (name, _justify), cell in zip(self.columns, row[0], strict=True):
                if cell:
                    out += _wrap_cell(f"  {escape(_(name))}: {cell}", width)
            out.append("")
        return out


def _share(natural: list[int], least: list[int], keep: list[int], room: int) -> dict[int, int]:
    """Column widths: each at least its least width; what is left is shared evenly among the
    columns that want more, none past its natural width."""
    widths = {c: least[c] for c in keep}
    spare = room - sum(widths.values())
    wanting = [c for c in keep if natural[c] > widths[c]]
    while spare > 0 and wanting:
        fair = max(1, spare // len(wanting))
        for c in list(wanting):
            give = min(fair, natural[c] - widths[c], spare)
            widths[c] += give
            spare -= give
            if widths[c] >= natural[c]:
                wanting.remove(c)
            if spare == 0:
                break
    return widths


def _wrap_cell(cell: str, width: int) -> list[str]:
    return wrap(cell, width) if plain(cell) == cell else wrap_markup(cell, width)
