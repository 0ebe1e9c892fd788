"""An attendance system's export (DingTalk, WeCom, a punch clock) as plain rows of text: .xlsx
and .xls through python-calamine (one fast reader for both; numbers stored as text stay
text), .csv in UTF-8 (with or without BOM), GBK or GB18030. A file that is none of these is
refused with its name and what was expected."""

from __future__ import annotations

import datetime as dt
import hashlib
from pathlib import Path
from typing import Any, NamedTuple

from seatledger.core.errors import Problem, SeatledgerError
from seatledger.core.i18n import msg

MAX_BYTES = 64 * 1024 * 1024
WORKBOOKS = (".xlsx", ".xlsm", ".xls")
ENCODINGS = ("auto", "utf-8", "utf-8-sig", "gbk", "gb18030")


class Sheet(NamedTuple):
    name: str
    rows: list[tuple[str, ...]]  # rows[0] is the sheet's row 1


class Export(NamedTuple):
    path: Path
    sha256: str
    sheets: tuple[Sheet, ...]


def _refused(path: Path, what: Any) -> SeatledgerError:
    return SeatledgerError(msg("refused: nothing was written"), [Problem(str(path), 0, "", what)])


def read_export(path: Path, encoding: str = "auto") -> Export:
    try:
        if path.stat().st_size > MAX_BYTES:
            raise _refused(path, msg("larger than 64 MiB; an attendance export of one month is far smaller"))
        data = path.read_bytes()
    except (FileNotFoundError, IsADirectoryError, PermissionError) as exc:
        raise _refused(path, msg("cannot be read: {why}", why=exc.strerror)) from None
    digest = hashlib.sha256(data).hexdigest()
    suffix = path.suffix.lower()
    if suffix in WORKBOOKS:
        return Export(path, digest, _workbook(path, data))
    if suffix == ".csv":
        return Export(path, digest, (Sheet(path.stem, _csv_rows(path, data, encoding)),))
    raise _refused(
        path,
        msg("expected an attendance export: .xlsx, .xls or .csv (DingTalk, WeCom or a punch clock)"),
    )


def _workbook(path: Path, data: bytes) -> tuple[Sheet, ...]:
    import io

    from python_calamine import CalamineWorkbook

    try:  # the bytes already read and hashed: what is imported is what the note's sha256 names
        book = CalamineWorkbook.from_filelike(io.BytesIO(data))
        return tuple(
            Sheet(name, [tuple(_cell(v) for v in row) for row in book.get_sheet_by_name(name).to_python()])
            for name in book.sheet_names
        )
    except Exception as exc:  # calamine raises its own kinds for every damaged or foreign file
        raise _refused(
            path,
            msg(
                "not a readable {kind} workbook ({why}); expected a DingTalk, WeCom or punch-clock export",
                kind=path.suffix.lower(),
                why=type(exc).__name__,
            ),
        ) from None


def _cell(value: Any) -> str:
    """Every cell as the text a person sees: 12.0 is 12, a time is HH:MM:SS, a date ISO."""
    if value is None:
        return ""
    if isinstance(value, float):
        return str(int(value)) if value.is_integer() else str(value)
    if isinstance(value, dt.datetime):
        return value.isoformat(sep=" ")
    if isinstance(value, dt.date | dt.time):
        return value.isoformat()
    if isinstance(value, dt.timedelta):  # a duration cell holding a clock time
        seconds = int(value.total_seconds())
        return f"{seconds // 3600:02d}:{seconds % 3600 // 60:02d}:{seconds % 60:02d}"
    return str(value).strip()


def decode_export(path: Path, data: bytes, encoding: str) -> str:
    """UTF-8 (a BOM dropped), else GB18030 (GBK's superset), unless the rules name one."""
    tried = ("utf-8-sig", "gb18030") if encoding == "auto" else (encoding,)
    for name in tried:
        try:
            return data.decode(name)
        except UnicodeDecodeError:
            continue
    raise _refused(
        path,
        msg(
            "not text in {encodings}; save the export as CSV in UTF-8 or GBK, or set `encoding` in the rules",
            encodings=", ".join(tried),
        ),
    )


def _csv_rows(path: Path, data: bytes, encoding: str) -> list[tuple[str, ...]]:
    import csv
    import io

    if b"\x00" in data[:4096]:
        raise _refused(path, msg("a binary file, not CSV text; expected a punch-clock CSV export"))
    text = decode_export(path, data, encoding)
    reader = csv.reader(io.StringIO(text, newline=""))
    try:
        return [tuple(c.strip() for c in row) for row in reader]
    except csv.Error as exc:  # the csv module's own words are English: say it in ours
        too_long = "field limit" in str(exc)
        raise _refused(
            path,
            msg(
                "line {line} has a cell longer than 131,072 characters; expected short cells separated "
                "by commas",
                line=reader.line_num,
            )
            if too_long
            else msg("line {line} is not a readable CSV row", line=reader.line_num),
        ) from None
