"""Turning a record's raw YAML mapping into a typed value, field by field.

Records are read on every command, so this is hand-rolled and declarative rather than a
pydantic model per kind: building those costs more than reading a whole ledger. Each
converter raises ValueError with a message that says what would be valid.
"""

from __future__ import annotations

import re
import sys
from collections.abc import Callable
from datetime import date
from decimal import Decimal
from functools import lru_cache
from typing import Any, NamedTuple, TypeVar

from seatledger.core.dates import parse_date
from seatledger.core.errors import did_you_mean
from seatledger.core.i18n import message_of, msg
from seatledger.core.money import parse_amount
from seatledger.core.records import KINDS, LedgerMeta, Person, Record, Source
from seatledger.core.vocab import DEGREES, ROLES, SHIFTS

_IDENT = re.compile(r"^[A-Za-z0-9][A-Za-z0-9_.-]{0,63}$")
_KEY = re.compile(r"^[a-z][a-z0-9-]{0,63}$")
MAX_COUNT = 100_000


def ident(value: Any) -> str:
    if not isinstance(value, str) or not _IDENT.match(value):
        raise ValueError(msg("{value!r} is not an id; use letters, digits, '-', '_' or '.'", value=value))
    return value


T = TypeVar("T")


def _memo(convert: Callable[[Any], T]) -> Callable[[Any], T]:
    """`convert` remembering its answers for text: keys, dates, counts and amounts repeat on
    thousands of records (answers are immutable; a refusal is not remembered)."""
    remembered = lru_cache(maxsize=4096)(convert)

    def converter(value: Any) -> T:
        return remembered(value) if type(value) is str else convert(value)

    converter.__name__ = convert.__name__
    return converter


def _key(value: Any) -> str:
    if not isinstance(value, str) or not _KEY.match(value):
        raise ValueError(msg("{value!r} is not a key; use lower-case letters, digits and '-'", value=value))
    return sys.intern(value)  # a few keys, each on thousands of records


# What YAML cannot carry back unchanged (rule 13): C0 and C1 controls, DEL, the line and
# paragraph separators, U+FFFE, U+FFFF and lone surrogates (invalid UTF-8 on a command line).
_UNREADABLE = re.compile("[\x00-\x1f\x7f-\x9f\u2028\u2029\ufffe\uffff\ud800-\udfff]")


def text(value: Any) -> str:
    if not isinstance(value, str) or not value.strip():
        raise ValueError(msg("expected non-empty text"))
    bad = _UNREADABLE.search(value)
    if bad:
        raise ValueError(
            msg(
                "contains the control character U+{ord:04X} at position {value}; write plain text on "
                "one line",
                ord=ord(bad.group()),
                value=bad.start() + 1,
            )
        )
    return value


def _day(value: Any) -> date:
    return parse_date(value)


def _whole(value: Any, least: int) -> int:
    if type(value) is str and value.isascii() and value.isdigit() and len(value) <= 9:
        number = int(value)  # the usual case, without a regex
    elif isinstance(value, int) and not isinstance(value, bool):
        number = value
    elif isinstance(value, str) and re.fullmatch(r"[+-]?\d{1,9}", value.strip()):
        number = int(value)
    else:
        raise ValueError(msg("{value!r} is not a whole number", value=value))
    if number < least or number > MAX_COUNT:
        raise ValueError(
            msg(
                "{number} is out of range ({least} to {MAX_COUNT})",
                number=number,
                least=least,
                MAX_COUNT=MAX_COUNT,
            )
        )
    return number


def _count0(value: Any) -> int:
    return _whole(value, 0)


def _count1(value: Any) -> int:
    return _whole(value, 1)


def repeat(value: Any) -> int:
    return _whole(value, 2)


def _money(value: Any) -> Decimal:
    return parse_amount(value)


key = _memo(_key)
day = _memo(_day)
count0 = _memo(_count0)
count1 = _memo(_count1)
money = _memo(_money)


def instalment_ref(value: Any) -> int | str:
    if value == "final":
        return "final"
    try:
        return count1(value)
    except ValueError:
        raise ValueError(
            msg("{value!r} is not an instalment; write its number or 'final'", value=value)
        ) from None


def instalment_number(value: Any) -> int:
    try:
        return count1(value)
    except ValueError:
        raise ValueError(msg("{value!r} is not an instalment number", value=value)) from None


def one_of(choices: tuple[str, ...]) -> Callable[[Any], str]:
    def convert(value: Any) -> str:
        if value not in choices:
            hint = did_you_mean(value, list(choices))
            raise ValueError(
                msg(
                    "{value!r} is not one of {values}{hint}",
                    value=value,
                    values=", ".join(choices),
                    hint=hint,
                )
            )
        return str(value)

    return convert


_ID_LIST = re.compile(r"[,，、]")


def idents(value: Any) -> tuple[str, ...]:
    """One or more ids: a YAML list, or text with either comma (S001,S002 or S001，S002)."""
    if isinstance(value, str):
        value = [v for v in _ID_LIST.split(value) if v.strip()]
    if not isinstance(value, list) or not value:
        raise ValueError(msg("expected one or more ids such as S001,S002"))
    ids = tuple(ident(v.strip() if isinstance(v, str) else v) for v in value)
    twice = sorted({i for i in ids if ids.count(i) > 1})
    if twice:
        raise ValueError(msg("{values} listed twice", values=", ".join(twice)))
    return ids


class Spec(NamedTuple):
    cls: Callable[..., Any]
    required: dict[str, Callable[[Any], Any]]
    optional: dict[str, Callable[[Any], Any]]


_NOTE = {"note": text}
_REPEAT = {"repeat": repeat}
SPECS: dict[str, Spec] = {
    "attendance": Spec(
        KINDS["attendance"],
        {"id": ident, "date": day, "shift": one_of(SHIFTS), "present": count0},
        {"absent": idents, **_NOTE},
    ),
    "incident": Spec(
        KINDS["incident"],
        {"id": ident, "date": day, "penalty": key},
        {"count": count1, "amount": money, "staff": idents, "ref": text, **_REPEAT, **_NOTE},
    ),
    "demand": Spec(
        KINDS["demand"],
        {"id": ident, "date": day, "to": day, "shift": one_of(SHIFTS), "required": count0},
        dict(_NOTE),
    ),
    "activity": Spec(
        KINDS["activity"],
        {"id": ident, "date": day, "obligation": key},
        {"count": count1, **_REPEAT, **_NOTE},
    ),
    "request": Spec(
        KINDS["request"], {"id": ident, "date": day, "instalment": instalment_number}, {**_REPEAT, **_NOTE}
    ),
    "payment": Spec(
        KINDS["payment"],
        {"id": ident, "date": day, "instalment": instalment_ref, "amount": money},
        {"excused": key, **_REPEAT, **_NOTE},
    ),
    "completion": Spec(KINDS["completion"], {"id": ident, "date": day, "amount": money}, dict(_NOTE)),
    "invoice": Spec(
        KINDS["invoice"],
        {"id": ident, "date": day, "instalment": instalment_ref, "amount": money},
        {**_REPEAT, **_NOTE},
    ),
    "replace-request": Spec(
        KINDS["replace-request"], {"id": ident, "date": day, "staff": idents}, {**_REPEAT, **_NOTE}
    ),
    "consent": Spec(KINDS["consent"], {"id": ident, "date": day, "staff": idents}, {**_REPEAT, **_NOTE}),
    "dispute": Spec(
        KINDS["dispute"], {"id": ident, "date": day, "incident": ident, "reason": text}, dict(_NOTE)
    ),
    "ruling": Spec(KINDS["ruling"], {"id": ident, "date": day, "dispute": ident}, dict(_NOTE)),
    "notice": Spec(
        KINDS["notice"], {"id": ident, "date": day, "clause": text, "cure_by": day}, {"ref": text, **_NOTE}
    ),
    "cured": Spec(KINDS["cured"], {"id": ident, "date": day, "notice": ident}, dict(_NOTE)),
    "termination": Spec(
        KINDS["termination"], {"id": ident, "date": day, "clause": text}, {"notice": ident, **_NOTE}
    ),
    "document": Spec(
        KINDS["document"],
        {"id": ident, "date": day, "instalment": instalment_ref, "document": key},
        dict(_NOTE),
    ),
    "void": Spec(KINDS["void"], {"id": ident, "date": day, "target": ident, "reason": text}, dict(_NOTE)),
}
PERSON = Spec(
    Person,
    {"id": ident, "role": one_of(ROLES), "degree": one_of(DEGREES), "joined": day},
    {"group": key, "left": day, "name": text, "note": text},
)
META = Spec(LedgerMeta, {"contract": key, "recorded_from": day}, {})


class FieldProblems(Exception):
    """All the field errors of one mapping: (field, message) pairs."""

    def __init__(self, errors: list[tuple[str, str]]) -> None:
        super().__init__("; ".join(f"{f}: {m}" for f, m in errors))
        self.errors = errors


# Per spec (held, so its id is never reused): every field's converter, the required names.
_CONVERTERS: dict[int, tuple[Spec, dict[str, Callable[[Any], Any]], frozenset[str]]] = {}


def build(spec: Spec, raw: Any, source: Source, skip: tuple[str, ...] = ()) -> Any:
    """The value of `spec` that `raw` gives, or FieldProblems naming every bad field."""
    if isinstance(raw, dict):  # the usual, clean record: one pass
        known = _CONVERTERS.get(id(spec))
        if known is None or known[0] is not spec:
            known = _CONVERTERS[id(spec)] = (
                spec,
                {**spec.optional, **spec.required},
                frozenset(spec.required),
            )
        _spec, converters, required = known
        values = {}
        try:
            for name, value in raw.items():
                convert = converters.get(name)
                if convert is None or value is None:
                    if name in skip:
                        continue
                    break  # unknown, or empty: the full pass below says what is wrong
                values[name] = convert(value)
            else:
                if required <= values.keys():
                    return spec.cls(**values, source=source)
        except ValueError:
            pass
    return _build_reporting(spec, raw, source, skip)


def _build_reporting(spec: Spec, raw: Any, source: Source, skip: tuple[str, ...]) -> Any:  # noqa: C901
    if not isinstance(raw, dict):
        raise FieldProblems([("", msg("expected a mapping of field: value"))])
    errors: list[tuple[str, str]] = []
    values: dict[str, Any] = {}
    for name, convert in spec.required.items():
        if name not in raw or raw[name] is None:
            errors.append((name, msg("is required")))
            continue
        try:
            values[name] = convert(raw[name])
        except ValueError as exc:
            errors.append((name, message_of(exc)))
    for name, value in raw.items():
        if name in spec.required or name in skip:
            continue
        optional = spec.optional.get(name)
        if optional is None:
            valid = ", ".join([*spec.required, *spec.optional])
            hint = did_you_mean(name, [*spec.required, *spec.optional])
            errors.append(
                (
                    name,
                    msg(
                        "unknown key {name!r}{hint} (valid keys: {valid})", name=name, hint=hint, valid=valid
                    ),
                )
            )
        elif value is not None:
            try:
                values[name] = optional(value)
            except ValueError as exc:
                errors.append((name, message_of(exc)))
    if errors:
        raise FieldProblems(errors)
    return spec.cls(**values, source=source)


def build_record(raw: Any, source: Source) -> Record:
    if not isinstance(raw, dict):
        raise FieldProblems([("", msg("a record must be a mapping of field: value"))])
    kind = raw.get("kind")
    spec = SPECS.get(kind) if isinstance(kind, str) else None
    if spec is None:
        hint = did_you_mean(kind, list(SPECS))
        raise FieldProblems(
            [
                (
                    "kind",
                    msg(
                        "{kind!r} is not a record kind{hint} (valid: {values})",
                        kind=kind,
                        hint=hint,
                        values=", ".join(SPECS),
                    ),
                )
            ]
        )
    record: Record = build(spec, raw, source, skip=("kind",))
    return record
