"""保障中小企业款项支付条例 as data, by version (rule 23): the text in force on a date and the
article it gives each duty, so a finding cites the article of the text in force on the date
it concerns, never a fixed number.

Verified against the published texts (found with the project's search tool): 802号's art. 9
(30 days from delivery, at most 60 by contract), art. 12 (the audit result is no basis of
settlement unless a law or administrative regulation says so), art. 15 (the undisputed part
paid on time) and art. 17 (the interest floor); 728号's art. 15 (the interest floor).
Not verified there, from the texts as commonly cited: 728号's art. 8 (30/60 days) and art.
11 (audit, which allowed the contract to agree otherwise, so an agreed audit condition is no
finding under it); the clock from acceptance, or from the end of a delayed acceptance period,
728号 art. 9 and 802号 art. 10. 728号 has no article on the undisputed part."""

from __future__ import annotations

from datetime import date, timedelta
from typing import Literal, NamedTuple

from seatledger.core.contract import Contract
from seatledger.core.i18n import Msg, msg

Duty = Literal["payment-term", "acceptance", "audit", "undisputed", "interest-floor"]

# Days from delivery, or from acceptance where that is the agreed condition (both texts).
STATUTORY_DAYS = 30
AGREED_DAYS_AT_MOST = 60


class Version(NamedTuple):
    decree: str  # the State Council decree that issued the text
    in_force: date
    articles: dict[Duty, int]


VERSIONS: tuple[Version, ...] = (
    Version(
        "国务院令第728号",
        date(2020, 9, 1),
        {"payment-term": 8, "acceptance": 9, "audit": 11, "interest-floor": 15},
    ),
    Version(
        "国务院令第802号",
        date(2025, 6, 1),
        {"payment-term": 9, "acceptance": 10, "audit": 12, "undisputed": 15, "interest-floor": 17},
    ),
)

# Duties a contract cannot agree away under a version (728号 art. 11 allowed an agreed audit).
AUDIT_BINDS: frozenset[str] = frozenset({"国务院令第802号"})


def in_force(day: date) -> Version | None:
    """The text in force on `day`; None before 2020-09-01."""
    found = None
    for v in VERSIONS:
        if v.in_force <= day:
            found = v
    return found


def spans(start: date, end: date) -> list[tuple[date, date, Version]]:
    """The texts in force over `start..end`, each with the part of the span it governs."""
    out = []
    for n, v in enumerate(VERSIONS):
        until = VERSIONS[n + 1].in_force - timedelta(days=1) if n + 1 < len(VERSIONS) else date.max
        lo, hi = max(start, v.in_force), min(end, until)
        if lo <= hi:
            out.append((lo, hi, v))
    return out


def article(duty: Duty, day: date) -> Msg | None:
    """The citation for `duty` on `day`, e.g. 保障中小企业款项支付条例 (国务院令第728号) art. 15."""
    v = in_force(day)
    if v is None or duty not in v.articles:
        return None
    return cite(v, duty)


def cite(v: Version, duty: Duty) -> Msg:
    return msg(
        "保障中小企业款项支付条例 ({decree}) art. {article}", decree=v.decree, article=v.articles[duty]
    )


def cite_two(v: Version, duty: Duty, also: Duty) -> Msg:
    """Two articles of one text, e.g. the 30/60 days and the clock from acceptance."""
    return msg(
        "保障中小企业款项支付条例 ({decree}) art. {article} and art. {article2}",
        decree=v.decree,
        article=v.articles[duty],
        article2=v.articles[also],
    )


def cite_span(duty: Duty, start: date, end: date) -> Msg | None:
    """One citation where one text governs `start..end`; else each with its dates."""
    parts = [(lo, hi, v) for lo, hi, v in spans(start, end) if duty in v.articles]
    if not parts:
        return None
    if len(parts) == 1:
        return cite(parts[0][2], duty)
    out: Msg | None = None
    for lo, hi, v in parts:
        part = msg("{citation}, for {start}..{end}", citation=cite(v, duty), start=lo, end=hi)
        out = part if out is None else msg("{a}; {b}", a=out, b=part)
    return out


class LawFinding(NamedTuple):
    """A contract term the text in force over `start..end` does not allow (rule 23)."""

    field: str  # the contract's field, e.g. payment.days_after
    code: str
    message: Msg
    start: date
    end: date


def law_findings(contract: Contract) -> list[LawFinding]:
    """Where Party B is a small or medium enterprise: a payment term beyond 60 days, and
    settlement that waits for an audit where the text in force forbids it."""
    if not contract.parties.b.sme:
        return []
    return [*_terms(contract), *_acceptance_period(contract), *_audit(contract)]


def _beyond(field: str, days: int, what: Msg, start: date, end: date) -> list[LawFinding]:
    return [
        LawFinding(
            field,
            "payment-term",
            msg(
                "{what} {days} days is beyond the {limit} days a contract may agree for a small or "
                "medium supplier ({citation}, for {start}..{end}; rule 23)",
                what=what,
                days=days,
                limit=AGREED_DAYS_AT_MOST,
                citation=cite(v, "payment-term"),
                start=lo,
                end=hi,
            ),
            lo,
            hi,
        )
        for lo, hi, v in spans(start, end)
        if days > AGREED_DAYS_AT_MOST
    ]


def _terms(c: Contract) -> list[LawFinding]:
    """The agreed days after delivery or acceptance; an instalment's working days, which are
    at least as many calendar days, beyond the limit."""
    out: list[LawFinding] = []
    p = c.payment
    if p is not None and p.days_after is not None:
        what = (
            msg("payment due after acceptance:")
            if p.counted_from == "acceptance"
            else msg("payment due after delivery:")
        )
        out += _beyond("payment.days_after", p.days_after, what, c.term.start, c.term.end)
    for n, inst in enumerate(c.instalments):
        if inst.due_working_days is not None:
            out += _beyond(
                f"instalments.{n}.due_working_days",
                inst.due_working_days,
                msg("instalment {number} due after its request (working days):", number=inst.number),
                inst.start,
                inst.end,
            )
    return out


def _acceptance_period(c: Contract) -> list[LawFinding]:
    """Payment that waits for acceptance needs an agreed acceptance period: without one, no
    day says when a delayed acceptance starts the clock."""
    p = c.payment
    if p is None or p.counted_from != "acceptance" or p.acceptance_days is not None:
        return []
    return [
        LawFinding(
            "payment.acceptance_days",
            "acceptance-period",
            msg(
                "payment waits for acceptance, but the contract agrees no acceptance period "
                "(payment.acceptance_days), so a delayed acceptance cannot start the clock "
                "({citation}, for {start}..{end}; rule 23)",
                citation=cite(v, "acceptance"),
                start=lo,
                end=hi,
            ),
            lo,
            hi,
        )
        for lo, hi, v in spans(c.term.start, c.term.end)
    ]


def _audit(c: Contract) -> list[LawFinding]:
    if c.payment is None or not c.payment.depends_on_audit:
        return []
    return [
        LawFinding(
            "payment.depends_on_audit",
            "audit-settlement",
            msg(
                "settlement waits for an audit result, which may not be the basis of settlement "
                "unless a law or administrative regulation says so ({citation}, for "
                "{start}..{end}; rule 23)",
                citation=cite(v, "audit"),
                start=lo,
                end=hi,
            ),
            lo,
            hi,
        )
        for lo, hi, v in spans(c.term.start, c.term.end)
        if v.decree in AUDIT_BINDS
    ]
