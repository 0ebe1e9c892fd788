"""Import rules: how one attendance system's export maps to the contract's shifts, in the manner
of hledger's CSV rules. A built-in profile (`read/profiles/*.yaml`) or a rules file in the
ledger repository (which may start from a profile with `base:`) says where the data is (sheet,
header row, columns by header text, date formats, encoding), which words mean present, absent,
on leave, a rest day or ask, which shift names and clock windows are which of the contract's
shifts, and which column identifies a person. Every value is checked with its file and line."""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path
from typing import Any, NamedTuple

from seatledger.core.choices import SHIFTS
from seatledger.core.errors import Problem, SeatledgerError, UsageError, did_you_mean
from seatledger.core.i18n import msg
from seatledger.read.exports import ENCODINGS
from seatledger.read.yaml_reader import YamlError, YMap, load_text, read_text

PROFILES = Path(__file__).resolve().parent / "profiles"
LAYOUTS = ("daily", "monthly", "punches")
OUTCOMES = ("present", "absent", "leave", "ask", "rest")
FIELDS = ("person", "name", "date", "shift", "first", "last", "time", "status", "approval")
_CLOCK = re.compile(r"([01]?\d|2[0-3]):([0-5]\d)")


class Window(NamedTuple):
    start: int  # minutes after midnight
    end: int  # may be below start: the shift crosses midnight and is dated the day it starts


class ImportRules(NamedTuple):
    name: str
    file: str
    layout: str
    identify_sheets: tuple[str, ...] = ()
    identify_title: str = ""
    identify_headers: tuple[str, ...] = ()
    sheet: str = ""
    header_row: int = 0  # 0: the first row holding every column's header
    encoding: str = "auto"
    columns: dict[str, tuple[str, ...]] = {}
    date_formats: tuple[str, ...] = ("%Y-%m-%d", "%y-%m-%d", "%Y/%m/%d", "%Y年%m月%d日", "%Y%m%d")
    outcomes: dict[str, str] = {}
    shifts: dict[str, str] = {}
    windows: dict[str, Window] = {}
    default_shift: str = "day"
    missing: str = "ask"  # a shift with one punch, or a row with no punch and no status


def profile_names() -> list[str]:
    return sorted(p.stem for p in PROFILES.glob("*.yaml"))


def builtin(name: str) -> ImportRules:
    if name not in profile_names():
        raise UsageError(
            msg(
                "--profile {name!r} is not a built-in profile; valid: {values}{hint}",
                name=name,
                values=", ".join(profile_names()),
                hint=did_you_mean(name, profile_names()),
            )
        )
    return load_rules(PROFILES / f"{name}.yaml")


def load_rules(path: Path) -> ImportRules:
    try:
        raw = load_text(read_text(path), str(path))
    except (YamlError, OSError) as exc:
        problem = exc.problem if isinstance(exc, YamlError) else Problem(str(path), 0, "", str(exc))
        raise SeatledgerError(msg("refused: the import rules cannot be read"), [problem]) from None
    if not isinstance(raw, YMap):
        raise _bad(str(path), 1, "", msg("expected a mapping of rules (layout:, columns:, outcomes:, ...)"))
    base = None
    if "base" in raw:
        name = _text(raw, "base", str(path))
        if name not in profile_names():
            raise _bad(
                str(path),
                _line(raw, "base"),
                "base",
                msg(
                    "{value!r} is not a built-in profile; valid: {values}",
                    value=name,
                    values=", ".join(profile_names()),
                ),
            )
        base = builtin(name)._replace(file=str(path))
    return _rules(raw, str(path), base)


def _bad(file: str, line: int, field: str, message: str) -> SeatledgerError:
    return SeatledgerError(
        msg("refused: the import rules are not valid"), [Problem(file, line, field, message)]
    )


def _line(raw: Any, key: str) -> int:
    return int(getattr(raw, "lines", {}).get(key, getattr(raw, "line", 0)))


def _text(raw: Any, key: str, file: str) -> str:
    value = raw.get(key)
    if not isinstance(value, str) or not value.strip():
        raise _bad(file, _line(raw, key), key, msg("expected text"))
    return value.strip()


def _texts(raw: Any, key: str, file: str) -> tuple[str, ...]:
    value = raw.get(key)
    values = [value] if isinstance(value, str) else value
    if not isinstance(values, list) or not values or not all(isinstance(v, str) and v for v in values):
        raise _bad(file, _line(raw, key), key, msg("expected text or a list of texts"))
    return tuple(v.strip() for v in values)


def _choice(raw: Any, key: str, file: str, choices: tuple[str, ...]) -> str:
    value = _text(raw, key, file)
    if value not in choices:
        raise _bad(
            file,
            _line(raw, key),
            key,
            msg("{value!r} is not one of {values}", value=value, values=", ".join(choices)),
        )
    return value


def _table(raw: Any, key: str, file: str, choices: tuple[str, ...]) -> dict[str, str]:
    table = raw.get(key)
    if not isinstance(table, YMap):
        raise _bad(
            file,
            _line(raw, key),
            key,
            msg("expected a mapping of words to {values}", values=", ".join(choices)),
        )
    return {word: _choice(table, word, file, choices) for word in table}


def _windows(raw: Any, file: str) -> dict[str, Window]:
    table = raw.get("windows")
    if not isinstance(table, YMap):
        raise _bad(file, _line(raw, "windows"), "windows", msg("expected shifts with HH:MM-HH:MM"))
    out = {}
    for shift in table:
        _choice_of(table, shift, file, SHIFTS)
        parts = str(table[shift]).split("-")
        clocks = [_CLOCK.fullmatch(p.strip()) for p in parts]
        if len(parts) != 2 or not all(clocks):
            raise _bad(
                file, _line(table, shift), f"windows.{shift}", msg("expected HH:MM-HH:MM, e.g. 18:00-09:00")
            )
        start, end = (int(c[1]) * 60 + int(c[2]) for c in clocks if c)
        out[shift] = Window(start, end)
    return out


def _choice_of(table: Any, key: str, file: str, choices: tuple[str, ...]) -> None:
    if key not in choices:
        raise _bad(
            file,
            _line(table, key),
            key,
            msg("{value!r} is not one of {values}", value=key, values=", ".join(choices)),
        )


def _columns(raw: Any, file: str) -> dict[str, tuple[str, ...]]:
    table = raw.get("columns")
    if not isinstance(table, YMap):
        raise _bad(file, _line(raw, "columns"), "columns", msg("expected fields with their header text"))
    for field in table:
        _choice_of(table, field, file, FIELDS)
    return {field: _texts(table, field, file) for field in table}


def _header_row(raw: Any, file: str) -> int:
    value = _text(raw, "header_row", file)
    if not value.isdigit() or int(value) < 1:
        raise _bad(file, _line(raw, "header_row"), "header_row", msg("expected a row number, 1 or more"))
    return int(value)


# Each key of a rules file: how its value is read and which fields of the rules it sets; the
# tables (columns, outcomes, shifts, windows) add to the base profile's rather than replace it.
_KEYS: dict[str, Callable[[Any, str], dict[str, Any]]] = {
    "base": lambda raw, file: {},
    "profile": lambda raw, file: {"name": _text(raw, "profile", file)},
    "layout": lambda raw, file: {"layout": _choice(raw, "layout", file, LAYOUTS)},
    "identify": lambda raw, file: _identify(raw["identify"], file, _line(raw, "identify")),
    "sheet": lambda raw, file: {"sheet": _text(raw, "sheet", file)},
    "header_row": lambda raw, file: {"header_row": _header_row(raw, file)},
    "encoding": lambda raw, file: {"encoding": _choice(raw, "encoding", file, ENCODINGS)},
    "columns": lambda raw, file: {"columns": _columns(raw, file)},
    "date_formats": lambda raw, file: {"date_formats": _texts(raw, "date_formats", file)},
    "outcomes": lambda raw, file: {"outcomes": _table(raw, "outcomes", file, OUTCOMES)},
    "shifts": lambda raw, file: {"shifts": _table(raw, "shifts", file, (*SHIFTS, "rest"))},
    "windows": lambda raw, file: {"windows": _windows(raw, file)},
    "default_shift": lambda raw, file: {"default_shift": _choice(raw, "default_shift", file, SHIFTS)},
    "missing": lambda raw, file: {"missing": _choice(raw, "missing", file, ("present", "absent", "ask"))},
}
_TABLES = ("columns", "outcomes", "shifts", "windows")


def _rules(raw: Any, file: str, base: ImportRules | None) -> ImportRules:
    """The rules in `raw`, on top of `base` where the file starts from a profile."""
    out: dict[str, Any] = base._asdict() if base else {"name": Path(file).stem, "file": file}
    if base is None and "layout" not in raw:
        raise _bad(file, 1, "layout", msg("missing; expected one of {values}", values=", ".join(LAYOUTS)))
    for key in raw:
        read = _KEYS.get(key)
        if read is None:
            raise _bad(
                file,
                _line(raw, key),
                key,
                msg("not a rules key; valid: {values}", values=", ".join(sorted(_KEYS))),
            )
        for field, value in read(raw, file).items():
            out[field] = {**out.get(field, {}), **value} if field in _TABLES else value
    rules = ImportRules(**out)
    _complete(rules, raw, file)
    return rules


def _identify(raw: Any, file: str, line: int) -> dict[str, Any]:
    if not isinstance(raw, YMap):
        raise _bad(file, line, "identify", msg("expected sheets:, title: or headers:"))
    out: dict[str, Any] = {}
    if "sheets" in raw:
        out["identify_sheets"] = _texts(raw, "sheets", file)
    if "title" in raw:
        out["identify_title"] = _text(raw, "title", file)
    if "headers" in raw:
        out["identify_headers"] = _texts(raw, "headers", file)
    return out


_NEEDED = {"daily": ("person", "date"), "monthly": ("person",), "punches": ("person", "time")}


def _complete(rules: ImportRules, raw: Any, file: str) -> None:
    """The columns a layout cannot do without, and a window for every shift it may need."""
    for field in _NEEDED[rules.layout]:
        if field not in rules.columns:
            raise _bad(
                file,
                _line(raw, "columns"),
                f"columns.{field}",
                msg(
                    "the {layout} layout needs the header of the {field} column",
                    layout=rules.layout,
                    field=field,
                ),
            )
    if rules.layout == "punches" and not rules.windows:
        raise _bad(
            file, _line(raw, "windows"), "windows", msg("punches need clock windows: day: 09:00-18:00, ...")
        )
