"""Rules 25 and 26: what a measurement and an assessment must meet against the contract. A
measurement names an indicator of the service-level terms in force in its month, a month of
the term, a value in the indicator's range (0..100 %), a date not before the month's last day,
and is the only live one for its month and indicator (void it to correct it). An assessment
names a quarter of the term, is dated after that quarter's end, and is the only live one for
its quarter."""

from __future__ import annotations

from collections.abc import Iterable

from seatledger.checks.problem import problem
from seatledger.core.amendments import terms_on
from seatledger.core.contract import Contract
from seatledger.core.errors import Problem
from seatledger.core.i18n import msg
from seatledger.core.periods import month_period, quarter
from seatledger.core.records import Assessment, Measurement, Record


def level_problems(c: Contract, counted: Iterable[Record]) -> list[Problem]:
    out: list[Problem] = []
    seen: dict[tuple[str, str], Record] = {}
    for r in sorted(counted, key=lambda r: r.source.line == 0):  # a new one (line 0) is the second
        if isinstance(r, Measurement):
            out += _measurement(c, r)
            key = (r.month, r.indicator)
        elif isinstance(r, Assessment):
            out += _assessment(c, r)
            key = ("quarter", _label(c, r.quarter))
        else:
            continue
        first = seen.setdefault(key, r)
        if first is not r:
            out.append(_twice(r, first))
    return out


def _label(c: Contract, text: str) -> str:
    try:
        return quarter(c, text).label
    except ValueError:
        return text


def _twice(r: Record, first: Record) -> Problem:
    if isinstance(r, Measurement):
        text = msg(
            "{month} {indicator} is measured already by {id2} ({file}:{line}); to correct it, void "
            "that one first (rules 7, 25)",
            month=r.month,
            indicator=r.indicator,
            id2=first.id,
            file=first.source.file,
            line=first.source.line,
        )
        return problem(r, "indicator", text)
    text = msg(
        "the quarter is assessed already by {id2} ({file}:{line}); to correct it, void that one "
        "first (rules 7, 26)",
        id2=first.id,
        file=first.source.file,
        line=first.source.line,
    )
    return problem(r, "quarter", text)


def _measurement(c: Contract, m: Measurement) -> list[Problem]:
    year, number = (int(x) for x in m.month.split("-"))
    month = month_period(year, number)
    if not (c.term.start <= month.start <= c.term.end):
        return [
            problem(
                m,
                "month",
                msg(
                    "{month} is outside the term {start}..{end}",
                    month=m.month,
                    start=c.term.start,
                    end=c.term.end,
                ),
            )
        ]
    out = []
    levels = terms_on(c, month.start).contract.service_levels
    if levels is None or m.indicator not in levels.indicators:
        valid = ", ".join(levels.indicators) if levels else msg("none: the contract has no service_levels")
        out.append(
            problem(
                m,
                "indicator",
                msg(
                    "{key!r} is not an indicator of the contract in {month}; valid: {values}",
                    key=m.indicator,
                    month=m.month,
                    values=valid,
                ),
            )
        )
    if m.date < month.end:
        out.append(
            problem(
                m,
                "date",
                msg("{date} is before the end of the month measured ({end})", date=m.date, end=month.end),
            )
        )
    return out


def _assessment(c: Contract, a: Assessment) -> list[Problem]:
    try:
        q = quarter(c, a.quarter)
    except ValueError as exc:
        return [problem(a, "quarter", str(exc))]
    out = []
    if a.date <= q.end:
        out.append(
            problem(
                a,
                "date",
                msg(
                    "an assessment of {quarter} is dated after its end {end}, not {date}",
                    quarter=q.label,
                    end=q.end,
                    date=a.date,
                ),
            )  # fmt: skip
        )
    if terms_on(c, q.start).contract.service_levels is None:
        out.append(
            problem(a, "quarter", msg("the contract has no service_levels: no score sets its pay (rule 26)"))
        )
    return out
