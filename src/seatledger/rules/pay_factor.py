"""Rule 26: Party A's quarterly score sets the share of the quarter's fee that is paid. The
factor is read from the score by the contract's `pay_factor` in force at the quarter's start
(rule 16): a floor below a score, else tiers or a line between two points (100 % at or above
its upper score); the fee × factor, rounded half up (rule 1), is what accrues, so the
difference is a negative accrual dated the quarter's last day. A score below `low_score.below`
is a finding (Party A may give notice); that many quarters in a row give Party A the right to
terminate (a finding, not a termination: that is Party A's record). The assessment as the
acceptance that starts the payment clock is `rules.acceptance`'s."""

from __future__ import annotations

from datetime import date, timedelta
from decimal import Decimal
from typing import NamedTuple

from seatledger.core.contract import Instalment
from seatledger.core.i18n import Msg, msg
from seatledger.core.money import fmt_grouped, quantize
from seatledger.core.periods import Period, quarter
from seatledger.core.records import Assessment
from seatledger.core.service_terms import PayFactor
from seatledger.rules.book import Book
from seatledger.rules.service_levels import fee_of, levels_on

HUNDRED = Decimal(100)


class Scored(NamedTuple):
    """An assessment read against the terms: its quarter, the fee it scales, the factor."""

    assessment: Assessment
    quarter: Period
    fee: Instalment
    factor: Decimal  # percent, two places
    clause: str
    amendment: str | None = None

    @property
    def paid(self) -> Decimal:
        return quantize(self.fee.amount * self.factor / HUNDRED)

    @property
    def reduction(self) -> Decimal:
        return self.fee.amount - self.paid


def factor(pf: PayFactor, score: Decimal) -> Decimal:
    """The percent of the fee that a score pays."""
    if pf.floor is not None and score < pf.floor.below:
        return pf.floor.factor
    if pf.tiers:
        reached = [t for t in pf.tiers if score >= t.at_least]
        lowest = min(pf.tiers, key=lambda t: t.at_least)
        return max(reached, key=lambda t: t.at_least).factor if reached else lowest.factor
    line = pf.linear
    if line is None:
        return HUNDRED
    if score >= line.high_score:
        return line.high_factor
    if score <= line.low_score:
        return line.low_factor
    slope = (line.high_factor - line.low_factor) / (line.high_score - line.low_score)
    return quantize(line.low_factor + (score - line.low_score) * slope)  # half up, as rule 1


def scored(book: Book) -> list[Scored]:
    """Every live assessment that names a quarter of the term with a fee and a pay factor, in
    quarter order (the others are problems: `checks.service_levels`)."""
    out = []
    for a in book.assessments:
        try:
            q = quarter(book.contract, a.quarter)
        except ValueError:
            continue
        levels = levels_on(book.contract, q.start)
        inst = fee_of(book.contract, q.start)
        if levels is None or levels.pay_factor is None or inst is None:
            continue
        pf = levels.pay_factor
        out.append(Scored(a, q, inst, factor(pf, a.score), pf.clause))
    return sorted(out, key=lambda s: s.quarter.start)


def reductions(book: Book, start: date, end: date) -> list[Scored]:
    """The assessments whose quarter ends in `start..end` and pay less than the whole fee."""
    return [s for s in scored(book) if start <= s.quarter.end <= end and s.reduction]


def label(s: Scored) -> Msg:
    return msg(
        "instalment {number} × pay factor {percent} % (score {score}, {quarter}, assessment {id})",
        number=s.fee.number,
        percent=s.factor,
        score=s.assessment.score,
        quarter=s.quarter.label,
        id=s.assessment.id,
    )


def low_scores(book: Book, start: date, end: date) -> list[tuple[str, Msg]]:
    """(assessment id, finding) for each low score whose quarter overlaps `start..end`."""
    out: list[tuple[str, Msg]] = []
    run: list[Scored] = []
    for s in scored(book):
        low = levels_on(book.contract, s.quarter.start)
        rule = low.pay_factor.low_score if low and low.pay_factor else None
        if rule is None or s.assessment.score >= rule.below:
            run = []
            continue
        follows = run and run[-1].quarter.end + timedelta(days=1) == s.quarter.start
        run = [*run, s] if follows else [s]
        if not (s.quarter.start <= end and s.quarter.end >= start):
            continue
        out.append((s.assessment.id, _notice(s, rule.below, rule.clause)))
        if rule.consecutive and len(run) >= rule.consecutive:
            clause = rule.terminate_clause or rule.clause
            out.append((s.assessment.id, _terminate(run, rule.consecutive, clause)))
    return out


def _notice(s: Scored, below: Decimal, clause: str) -> Msg:
    return msg(
        "{quarter}: score {score} is below {below}: the fee is paid at {percent} % ({amount}) and "
        "Party A may give notice ({clause}; rule 26)",
        quarter=s.quarter.label,
        score=s.assessment.score,
        below=below,
        percent=s.factor,
        amount=fmt_grouped(s.paid),
        clause=clause,
    )


def _terminate(run: list[Scored], n: int, clause: str) -> Msg:
    return msg(
        "{quarters}: {count} quarters in a row below the score that the contract requires: Party A "
        "has the right to terminate ({clause}; rule 26)",
        quarters=", ".join(s.quarter.label for s in run[-n:]),
        count=n,
        clause=clause,
    )
