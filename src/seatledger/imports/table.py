"""Where an export's data is: which built-in profile fits it (sheet names, title cell, header
text, as beangulp's `identify`), which sheet the rules name, which row holds the headers and
which column holds each field, found by header text since column positions move between
versions of the same export."""

from __future__ import annotations

from typing import NamedTuple

from seatledger.core.errors import Problem, SeatledgerError
from seatledger.core.i18n import msg
from seatledger.read.exports import Export, Sheet
from seatledger.read.import_rules import ImportRules, builtin, profile_names

HEADER_SEARCH = 20  # title and header rows above the data: 3-4 in DingTalk's exports


class Table(NamedTuple):
    sheet: Sheet
    header: int  # 0-based index of the header row in sheet.rows
    columns: dict[str, list[int]]  # field -> column indexes (several for status)


def _sheet_named(export: Export, wanted: str) -> Sheet | None:
    if not wanted:
        return export.sheets[0] if export.sheets else None
    return next((s for s in export.sheets if wanted in s.name), None)


def _head_cells(sheet: Sheet) -> list[str]:
    return [c for row in sheet.rows[:HEADER_SEARCH] for c in row if c]


def fits(export: Export, rules: ImportRules) -> bool:
    """Every identifying mark the profile names is in the file."""
    names = [s.name for s in export.sheets]
    if rules.identify_sheets and not any(w in n for w in rules.identify_sheets for n in names):
        return False
    sheet = _sheet_named(export, rules.sheet)
    if sheet is None:
        return False
    if rules.identify_title and not any(rules.identify_title in c for c in _head_cells(sheet)):
        return False
    headers = rules.identify_headers
    return not headers or any(all(h in row for h in headers) for row in sheet.rows[:HEADER_SEARCH])


def identify(export: Export) -> ImportRules:
    """The built-in profile the file fits; the one with the most marks where several do."""
    fitting = [r for r in (builtin(n) for n in profile_names()) if fits(export, r)]
    if not fitting:
        sheets = ", ".join(s.name for s in export.sheets)
        raise SeatledgerError(
            msg("refused: nothing was written"),
            [
                Problem(
                    str(export.path),
                    0,
                    "",
                    msg(
                        "no built-in profile fits this file (sheets: {sheets}); give --profile "
                        "({values}) or --rules FILE",
                        sheets=sheets,
                        values=", ".join(profile_names()),
                    ),
                )
            ],
        )
    return max(fitting, key=lambda r: (len(r.identify_sheets) > 0, len(r.identify_headers)))


def _found(row: tuple[str, ...], headers: tuple[str, ...], every: bool) -> list[int]:
    at = [row.index(h) for h in headers if h in row]
    return at if every else at[:1]


def table(export: Export, rules: ImportRules) -> Table:
    sheet = _sheet_named(export, rules.sheet)
    if sheet is None:
        raise _no_data(export, msg("no sheet named {sheet}", sheet=rules.sheet), rules)
    needed = [f for f in rules.columns if f in ("person", "date", "time")]
    rows = range(rules.header_row - 1, rules.header_row) if rules.header_row else range(HEADER_SEARCH)
    for n in rows:
        if n >= len(sheet.rows):
            break
        row = sheet.rows[n]
        columns = {f: _found(row, h, f == "status") for f, h in rules.columns.items()}
        if all(columns[f] for f in needed):
            return Table(sheet, n, {f: at for f, at in columns.items() if at})
    wanted = " / ".join("|".join(rules.columns[f]) for f in needed)
    raise _no_data(
        export, msg("sheet {sheet}: no header row with {wanted}", sheet=sheet.name, wanted=wanted), rules
    )


def _no_data(export: Export, what: str, rules: ImportRules) -> SeatledgerError:
    return SeatledgerError(
        msg("refused: nothing was written"),
        [
            Problem(
                str(export.path),
                0,
                "",
                msg(
                    "{what}; expected the export that the rules {name} ({file}) describe",
                    what=what,
                    name=rules.name,
                    file=rules.file,
                ),
            )
        ],
    )
