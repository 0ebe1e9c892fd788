"""The converters of field values: text from a file or the command line to a typed value.

Each raises ValueError with a message that says what would be valid. They live in core so that
a record's declaration (`core.records`) names its fields' converters; `read.fields` applies them.
Keys, dates, counts and amounts repeat on thousands of records, so those remember their answers
for text (pure functions of their argument; a refusal is not remembered).
"""

from __future__ import annotations

import re
import sys
from collections.abc import Callable
from datetime import date
from decimal import Decimal
from functools import lru_cache
from typing import Any, TypeVar

from seatledger.core.dates import parse_date
from seatledger.core.errors import did_you_mean
from seatledger.core.i18n import msg
from seatledger.core.money import parse_amount

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


def one_of(choices: tuple[str, ...], titles: dict[str, str] | None = None) -> Callable[[Any], str]:
    """One of `choices`, by its key or (where `titles` gives one) its Chinese title: 夜班 is night."""
    by_title = {t: k for k, t in (titles or {}).items()}

    def convert(value: Any) -> str:
        if value in choices:
            return str(value)
        if isinstance(value, str) and value.strip() in by_title:
            return by_title[value.strip()]
        hint = did_you_mean(value, list(choices)) if isinstance(value, str) else ""
        listed = ", ".join(f"{k} ({titles[k]})" if titles and k in titles else k for k in choices)
        raise ValueError(msg("{value!r} is not one of {values}{hint}", value=value, values=listed, hint=hint))

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
