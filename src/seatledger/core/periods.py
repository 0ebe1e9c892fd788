"""Report periods (rule 11): a month, a quarter, an instalment's period or a date range.

A period starts inside the term and may end after it, where payments and the final
settlement fall.
"""

from __future__ import annotations

import calendar as stdlib_calendar
import re
import unicodedata
from collections.abc import Iterator
from datetime import date
from typing import NamedTuple

from seatledger.core.contract import Contract
from seatledger.core.dates import parse_date
from seatledger.core.i18n import msg


class Period(NamedTuple):
    label: str
    start: date
    end: date

    def __contains__(self, day: object) -> bool:
        return isinstance(day, date) and self.start <= day <= self.end

    def as_json(self) -> dict[str, str]:
        return {"label": self.label, "from": self.start.isoformat(), "to": self.end.isoformat()}


_QUARTER = re.compile(r"^(?:(\d{4})(?:-|年)?)?(?:[Qq]([1-4])|第?([1-4一二三四])季度)$")
_NUMERALS = {"一": 1, "二": 2, "三": 3, "四": 4}


def month_period(year: int, month: int) -> Period:
    last = stdlib_calendar.monthrange(year, month)[1]
    return Period(f"{year:04d}-{month:02d}", date(year, month, 1), date(year, month, last))


def quarter_period(year: int, quarter: int) -> Period:
    first = date(year, 3 * quarter - 2, 1)
    end = month_period(year, 3 * quarter).end
    return Period(f"{year}-Q{quarter}", first, end)


def quarters_of(contract: Contract) -> list[Period]:
    """The calendar quarters that the term touches, in order."""
    out: list[Period] = []
    year, q = contract.term.start.year, (contract.term.start.month - 1) // 3 + 1
    while True:
        p = quarter_period(year, q)
        if p.start > contract.term.end:
            return out
        out.append(p)
        year, q = (year + 1, 1) if q == 4 else (year, q + 1)


def months_of(start: date, end: date) -> Iterator[Period]:
    year, month = start.year, start.month
    while date(year, month, 1) <= end:
        yield month_period(year, month)
        year, month = (year + 1, 1) if month == 12 else (year, month + 1)


def quarter(contract: Contract, text: str) -> Period:
    """`Q3` or `2022-Q3`: the term's quarter of that name; ValueError naming the valid ones."""
    m = _QUARTER.match(unicodedata.normalize("NFKC", text).strip())
    valid = [q.label for q in quarters_of(contract)]
    if not m:
        raise ValueError(
            msg(
                "{text!r}: write Q1..Q4, YYYY-Qn or 三季度; valid: {values}",
                text=text,
                values=", ".join(valid),
            )
        )
    year, digit = m.group(1), m.group(2) or m.group(3)
    number = _NUMERALS.get(digit) or int(digit)
    matches = [
        q
        for q in quarters_of(contract)
        if q.label.endswith(f"Q{number}") and (year is None or q.label.startswith(year))
    ]
    if len(matches) != 1:
        why = msg("is ambiguous in this term") if len(matches) > 1 else msg("is not in the term")
        raise ValueError(msg("{text}: {why}; valid: {values}", text=text, why=why, values=", ".join(valid)))
    return matches[0]


def quarter_named(contract: Contract, label: str) -> Period:
    """The quarter whose label is exactly `label` (as closings.yaml writes it)."""
    for q in quarters_of(contract):
        if q.label == label:
            return q
    raise ValueError(msg("{label} is not a quarter of the term", label=label))


def instalment_period(contract: Contract, number: int) -> Period:
    inst = contract.instalment(number)
    if inst is None:
        valid = ", ".join(str(i.number) for i in contract.instalments)
        raise ValueError(msg("{number}: not an instalment; valid: {valid}", number=number, valid=valid))
    return Period(msg("instalment {number}", number=number), inst.start, inst.end)


def date_range(start: str, end: str) -> Period:
    period = Period(f"{start}..{end}", parse_date(start), parse_date(end))
    if period.end < period.start:
        raise ValueError(msg("the end {end} is before the start {start}", end=end, start=start))
    return period
