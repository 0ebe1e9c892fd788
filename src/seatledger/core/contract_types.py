"""The contract's field types: each annotation carries the check pydantic runs before its own
type check (money as Decimal, a key's pattern, a range), so a contract value refuses a bad field
with a message that says what would be valid."""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import date
from decimal import Decimal
from typing import Annotated, Any

from seatledger.core.dates import parse_date
from seatledger.core.i18n import msg
from seatledger.core.money import parse_amount


class Converted:
    """Annotation metadata that pydantic runs before its own type check. Written against
    pydantic's protocol so this module needs no pydantic import: a cached contract loads
    without pydantic at all (see `contract_file`)."""

    def __init__(self, convert: Callable[[Any], Any]) -> None:
        self.convert = convert

    def __get_pydantic_core_schema__(self, source: Any, handler: Any) -> Any:
        from pydantic_core import core_schema

        return core_schema.no_info_before_validator_function(self.convert, handler(source))


def _money(value: object) -> Decimal:
    return parse_amount(value, allow_zero=True)


def _pattern(regex: str, what: str) -> Callable[[Any], str]:
    compiled = re.compile(regex)

    def check(value: Any) -> str:
        if not isinstance(value, str) or not compiled.match(value):
            raise ValueError(msg("{value!r} is not {what}", value=value, what=what))
        return value

    return check


def _text(value: Any) -> str:
    if not isinstance(value, str) or not value.strip():
        raise ValueError(msg("expected non-empty text"))
    return value


def _at_most(limit: int) -> Callable[[Any], Decimal]:
    def check(value: Any) -> Decimal:
        number = _money(value)
        if number > limit:
            raise ValueError(msg("{value!r} is above {limit}", value=value, limit=limit))
        return number

    return check


def _at_least(least: int) -> Callable[[Any], Any]:
    def check(value: Any) -> Any:
        if isinstance(value, str) and value.strip().lstrip("-").isdigit():
            value = int(value)
        if isinstance(value, int) and not isinstance(value, bool) and value < least:
            raise ValueError(msg("{value} is below {least}", value=value, least=least))
        return value  # pydantic checks the type after this

    return check


# annotated_types would do Ge/Le, but costs 6 ms of import on every command.
Money = Annotated[Decimal, Converted(_money)]
Percent = Annotated[Decimal, Converted(_at_most(100))]
Ratio = Annotated[Decimal, Converted(_at_most(1))]
Day = Annotated[date, Converted(parse_date)]
Key = Annotated[
    str, Converted(_pattern(r"^[a-z][a-z0-9-]*$", msg("a key (lower-case letters, digits, '-')")))
]
Text = Annotated[str, Converted(_text)]
Count = Annotated[int, Converted(_at_least(0))]
Positive = Annotated[int, Converted(_at_least(1))]
