"""The records of measured service levels and of Party A's quarterly assessment (rules 25 and
26), declared as every kind is (`core.declare`); `core.records` imports them into `Record`.
What a value must meet against the contract (its indicator, range, month, quarter) is
`checks.service_levels`'. No `from __future__ import annotations`: annotations are read."""

import datetime as dt
import re
import unicodedata
from decimal import Decimal, InvalidOperation
from typing import Annotated, Any, Literal, NamedTuple

from seatledger.core import convert as cv
from seatledger.core.dates import parse_month
from seatledger.core.declare import F, declare
from seatledger.core.field_types import Id, Note
from seatledger.core.i18n import N_, msg
from seatledger.core.source import NOWHERE, Source

_PERCENT = re.compile(r"^\d{1,3}(\.\d{1,2})?$")
_QUARTER = re.compile(r"^(?:(\d{4})(?:-|年)?)?(?:[Qq]([1-4])|第?([1-4一二三四])季度)$")


def percent(value: Any) -> Decimal:
    """0..100 with at most two decimals, kept to two places: 93.4 is 93.40."""
    raw = unicodedata.normalize("NFKC", str(value)).strip().rstrip("%％") if value is not None else ""
    try:
        number = Decimal(raw) if _PERCENT.match(raw) else None
    except InvalidOperation:  # pragma: no cover - the pattern admits only numbers
        number = None
    if number is None or number > 100:
        raise ValueError(
            msg(
                "{value!r} is not a percentage from 0 to 100 with at most two decimals, such as 93.40",
                value=value,
            )
        )
    return number.quantize(Decimal("0.01"))


def month(value: Any) -> str:
    year, number = parse_month(str(value))
    return f"{year:04d}-{number:02d}"


def quarter(value: Any) -> str:
    """`Q3`, `2025-Q3` or 三季度, kept as written (the term resolves it: `periods.quarter`)."""
    text = unicodedata.normalize("NFKC", str(value)).strip()
    if not _QUARTER.match(text):
        raise ValueError(msg("{text!r}: write Q1..Q4, YYYY-Qn or 三季度", text=value))
    return text


Percent = Annotated[Decimal, F(percent, N_("A percentage, 0 to 100: 93.40"))]


@declare(
    "msr",
    N_("A service level measured over a month, e.g. the answer rate (rule 25)."),
    after_term=True,
    book="measurements",
)
class Measurement(NamedTuple):
    """One indicator's figure for one month; dated the day it was reported (by default the
    month's last day)."""

    id: Id
    date: Annotated[
        dt.date, F(cv.day, N_("The day it was reported, not before the month's last day (default: that day)"),
                   cli_default="")
    ]  # fmt: skip
    month: Annotated[str, F(month, N_("The month measured: 2025-08"))]
    indicator: Annotated[str, F(cv.key, N_("An indicator key of the contract's service_levels."))]
    value: Percent
    note: Note = None
    source: Source = NOWHERE
    kind: Literal["measurement"] = "measurement"


@declare(
    "asm",
    N_("Party A's quarterly assessment score, which is also the acceptance (rule 26)."),
    after_term=True,
    book="assessments",
)
class Assessment(NamedTuple):
    id: Id
    date: Annotated[dt.date, F(cv.day, N_("The day of the assessment, after the quarter's end"))]
    quarter: Annotated[str, F(quarter, N_("The quarter assessed: Q3, 2025-Q3 or 三季度"))]
    score: Annotated[Decimal, F(percent, N_("The score, 0 to 100: 86.5"))]
    note: Note = None
    source: Source = NOWHERE
    kind: Literal["assessment"] = "assessment"
