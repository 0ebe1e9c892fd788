"""Rule 25: service levels measured by month, priced by the contract's `service_levels` terms in
force in that month (rule 16). Points below target = target − value (higher is better) or
value − target (lower is better), counted when full or once started as the indicator says;
each point priced by its tier, as a share of the fee of the period the month falls in or a
fixed amount, rounded per point (rule 1); then the indicator's monthly cap; then the cap over
all service-level deductions of the fee's period or of 12 months. A month that has ended
without its figure is missing: the figures are incomplete, never a silent zero."""

from __future__ import annotations

import math
from collections.abc import Iterable
from datetime import date
from decimal import Decimal
from typing import NamedTuple

from seatledger.core.amendments import terms_on
from seatledger.core.contract import Contract, Instalment
from seatledger.core.i18n import msg
from seatledger.core.money import ZERO, fmt_grouped, quantize
from seatledger.core.periods import Period, month_period, months_of
from seatledger.core.records import Measurement
from seatledger.core.service_terms import Indicator, ServiceLevels
from seatledger.rules.book import Book
from seatledger.rules.deduction_lines import DeductionLine, Level


class Missing(NamedTuple):
    """A month that has ended without an indicator's figure."""

    month: str
    indicator: str
    clause: str
    title: str = ""  # the indicator's title, the word Chinese readers know it by


def fee_of(c: Contract, day: date) -> Instalment | None:
    """The instalment in force whose period holds `day`: its amount is the period's fee."""
    terms = terms_on(c, day).contract
    return next((i for i in terms.instalments if i.start <= day <= i.end), None)


def levels_on(c: Contract, day: date) -> ServiceLevels | None:
    return terms_on(c, day).contract.service_levels


def points_below(ind: Indicator, value: Decimal) -> int:
    short = ind.target - value if ind.direction == "higher-is-better" else value - ind.target
    if short <= 0:
        return 0
    return int(math.floor(short)) if ind.points == "full" else int(math.ceil(short))


def share(percent: Decimal | None, amount: Decimal | None, fee: Decimal) -> Decimal:
    """A percent of the fee, or the fixed amount, rounded half up (rule 1)."""
    return quantize(fee * percent / 100) if percent is not None else quantize(amount or ZERO)


def priced(ind: Indicator, points: int, fee: Decimal) -> tuple[Decimal, Decimal]:
    """(rate of the first point, amount) over the tiers, each point at its tier's rate."""
    amount, first = ZERO, None
    tiers = sorted(ind.tiers, key=lambda t: t.above)
    for n, tier in enumerate(tiers):
        upto = Decimal(points) if n + 1 == len(tiers) else min(Decimal(points), tiers[n + 1].above)
        counted = max(ZERO, upto - tier.above)
        rate = share(tier.percent, tier.amount, fee)
        first = rate if first is None else first
        amount += quantize(rate * counted)
    return first or ZERO, amount


def _line(book: Book, m: Measurement) -> DeductionLine | None:
    year, number = (int(x) for x in m.month.split("-"))
    month = month_period(year, number)
    levels = levels_on(book.contract, month.start)
    ind = levels.indicators.get(m.indicator) if levels else None
    inst = fee_of(book.contract, month.start)
    if ind is None or inst is None:
        return None  # an unknown indicator or a month outside the term is a problem (checks)
    points = points_below(ind, m.value)
    if not points:
        return None
    rate, amount = priced(ind, points, inst.amount)
    cap, capped = None, amount
    if ind.monthly_cap is not None:
        most = share(ind.monthly_cap.percent, ind.monthly_cap.amount, inst.amount)
        if amount > most:
            cap = msg("monthly cap {amount} ({clause})", amount=fmt_grouped(most), clause=ind.clause)
            capped = most
    level = Level(m.month, m.value, ind.target, points, amount, cap)
    terms = terms_on(book.contract, month.start)
    return DeductionLine(
        month.end, m.indicator, ind.title, ind.clause, points, "points", rate, capped, m.id, True,
        "company", amendment=terms.amendment, level=level,
    )  # fmt: skip


def _capped(book: Book, lines: list[DeductionLine]) -> list[DeductionLine]:
    """The cap over all service-level deductions of a window, in date then indicator order."""
    out: list[DeductionLine] = []
    for line in lines:
        levels = levels_on(book.contract, line.date)
        cap = levels.cap if levels else None
        if cap is None or line.level is None:
            out.append(line)
            continue
        window = _window(book, line.date, cap.window)
        base = sum((i.amount for i in _fees(book.contract, window)), ZERO)
        most = share(cap.percent, cap.amount, base)
        before = sum((o.amount for o in out if window.start <= o.date <= window.end), ZERO)
        left = max(ZERO, most - before)
        if line.amount > left:
            note = msg("cap {amount} over {period} ({clause})", amount=fmt_grouped(most), period=window.label,
                       clause=cap.clause)  # fmt: skip
            line = line._replace(amount=left, level=line.level._replace(cap=note))
        out.append(line)
    return out


def _window(book: Book, day: date, kind: str) -> Period:
    if kind == "12-months":  # the month of `day` and the 11 before it
        back = day.year * 12 + day.month - 1 - 11
        start = date(back // 12, back % 12 + 1, 1)
        return Period(f"{start}..{day}", start, day)
    inst = fee_of(book.contract, day)
    if inst is None:  # pragma: no cover - the line's month is in the term
        return Period(str(day), day, day)
    return Period(f"{inst.start}..{inst.end}", inst.start, inst.end)


def _fees(c: Contract, window: Period) -> Iterable[Instalment]:
    terms = terms_on(c, window.start).contract
    return (i for i in terms.instalments if i.start <= window.end and i.end >= window.start)


def indicator_terms(book: Book, field: str) -> dict[str, str]:
    """Each indicator's title or clause, from every version of the terms (rule 16)."""
    found = [book.contract, *(terms_on(book.contract, a.starts).contract for a in book.contract.amendments)]
    out: dict[str, str] = {}
    for c in found:
        if c.service_levels is not None:
            out |= {k: getattr(i, field) for k, i in c.service_levels.indicators.items()}
    return out


def level_lines(book: Book, start: date, end: date) -> list[DeductionLine]:
    """The service-level deduction lines dated `start..end`, each month's on its last day."""
    if book.contract.service_levels is None and not book.contract.amendments:
        return []
    found = (_line(book, m) for m in book.measurements)
    lines = sorted((x for x in found if x is not None), key=lambda x: (x.date, x.penalty))
    return [line for line in _capped(book, lines) if start <= line.date <= end]


def missing(book: Book, start: date, end: date, as_of: date) -> list[Missing]:
    """Each indicator's figure for each month in `start..end` that has ended by `as_of` and
    from the ledger's first day on, that no live measurement gives."""
    have = {(m.month, m.indicator) for m in book.measurements}
    out = []
    for month in months_of(max(start, book.recorded_from), min(end, book.contract.term.end)):
        levels = levels_on(book.contract, month.start)
        if levels is None or month.end > as_of:
            continue
        label = month.start.strftime("%Y-%m")
        found = levels.indicators.items()
        out += [Missing(label, k, i.clause, i.title) for k, i in found if (label, k) not in have]
    return out
