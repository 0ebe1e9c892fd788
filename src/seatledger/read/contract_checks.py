"""The contract's cross-checks: the rules that span its fields (sums, capitals, instalment
periods, penalty ranges). Every problem is returned, not the first; `contract_file` turns
each into a Problem with its line."""

from __future__ import annotations

from collections.abc import Callable
from datetime import timedelta
from decimal import Decimal

from seatledger.core.amendments import versions
from seatledger.core.contract import Contract
from seatledger.core.money import capitals, fmt

Loc = tuple[str | int, ...]


def cross_checks(c: Contract) -> list[tuple[Loc, str]]:
    """Every rule that spans fields: sums, capitals, periods, ranges; and each amended version
    of the contract passes the same (rule 16)."""
    out = _cross_checks(c)
    for n, a in enumerate(c.amendments):
        loc: Loc = ("amendments", n)
        if not c.term.start <= a.starts <= c.term.end:
            out.append((loc + ("effective",), f"{a.starts} is outside the term "
                        f"{c.term.start}..{c.term.end}"))
        for key in a.changes.penalties:
            if key not in c.penalties:
                out.append((loc + ("changes", "penalties", key), f"{key!r} is not a penalty of "
                            f"the contract"))
        for number in a.changes.instalments:
            if c.instalment(number) is None:
                out.append((loc + ("changes", "instalments", number), f"{number} is not an "
                            f"instalment of the contract"))
    for since, terms in versions(c)[1:]:
        n = next(i for i, a in enumerate(c.amendments) if a.id == terms.amendment)
        for where, message in _cross_checks(terms.contract):
            out.append((("amendments", n, "changes"), f"with {terms.amendment} in force from "
                        f"{since}: {'.'.join(map(str, where))} {message}"))
    return out


def _cross_checks(c: Contract) -> list[tuple[Loc, str]]:
    out: list[tuple[Loc, str]] = []
    if c.term.end < c.term.start:
        out.append((("term", "end"), f"ends {c.term.end} before it starts {c.term.start}"))
    if c.signed is not None and c.signed > c.term.end:
        out.append((("signed",), f"signed {c.signed}, after the term ends {c.term.end}"))

    parts = sum((line.amount for line in c.breakdown), Decimal(0))
    if parts != c.total:
        out.append((("breakdown",), f"adds up to {fmt(parts)}, not the total {fmt(c.total)}"))
    plan = sum((i.amount for i in c.instalments), Decimal(0)) + c.final_payment.cap
    if plan != c.total:
        out.append(
            (("instalments",), f"instalments {fmt(plan - c.final_payment.cap)} plus the final "
             f"payment cap {fmt(c.final_payment.cap)} make {fmt(plan)}, not the total {fmt(c.total)}")
        )
    _check_capitals(out, ("total_capitals",), c.total_capitals, c.total, capitals)
    _check_capitals(out, ("final_payment", "capitals"), c.final_payment.capitals,
                    c.final_payment.cap, capitals)

    expected_start = c.term.start
    for n, inst in enumerate(c.instalments):
        if inst.number != n + 1:
            out.append((("instalments", n, "number"), f"is {inst.number}; expected {n + 1}"))
        _check_capitals(out, ("instalments", n, "capitals"), inst.capitals, inst.amount, capitals)
        if inst.end < inst.start:
            out.append((("instalments", n, "end"), f"{inst.end} is before start {inst.start}"))
        if inst.start < c.term.start or inst.end > c.term.end:
            out.append((("instalments", n), f"period {inst.start}..{inst.end} leaves the term "
                         f"{c.term.start}..{c.term.end}"))
        if inst.start < expected_start:
            out.append((("instalments", n, "start"), f"{inst.start} overlaps the previous "
                         f"period; expected {expected_start}"))
        elif inst.start > expected_start:
            out.append((("instalments", n, "start"), f"{inst.start} leaves a hole from "
                         f"{expected_start}; expected {expected_start}"))
        expected_start = max(expected_start, inst.end + timedelta(days=1))
    if c.instalments and expected_start != c.term.end + timedelta(days=1):
        out.append((("instalments",), f"periods stop at {expected_start - timedelta(days=1)}; "
                    f"the term ends {c.term.end}"))

    for key, p in c.penalties.items():
        loc: Loc = ("penalties", key)
        if p.min is not None and p.max is not None and p.min > p.max:
            out.append((loc + ("min",), f"{fmt(p.min)} is above max {fmt(p.max)}"))
        if p.basis == "percent-of-total":
            if p.percent is None or p.amount is not None or p.min is not None or p.max is not None:
                out.append((loc, "a percent-of-total penalty takes `percent` and no amount/min/max"))
        elif p.percent is not None:
            out.append((loc + ("percent",), f"only a percent-of-total penalty takes it, not {p.basis}"))
        elif p.amount is not None and (p.min is not None or p.max is not None):
            out.append((loc, "give either a fixed `amount` or a `min`/`max` range, not both"))
        elif p.amount is None and p.min is None and p.max is None:
            out.append((loc, "needs a fixed `amount` or a `min` and/or `max`"))
    computed = [key for key, p in c.penalties.items() if p.computed]
    if len(computed) != 1:
        out.append((("penalties",), "exactly one penalty is `computed: true` (the seat shortage "
                    f"priced from attendance, rule 5); found {len(computed)}"))
    elif c.penalties[computed[0]].amount is None:
        out.append((("penalties", computed[0], "amount"), "needs a fixed rate per person-shift"))
    for n, inst in enumerate(c.instalments):
        for key in inst.documents or ():
            if key not in c.payment_documents:
                out.append((("instalments", n, "documents"), f"{key!r} is not one of the "
                            f"payment_documents: {', '.join(c.payment_documents) or 'none'}"))
    for key, ob in c.obligations.items():
        if (ob.window == "rolling-months") != (ob.months is not None):
            out.append((("obligations", key, "months"),
                        "a rolling-months window needs `months`, and only it takes one"))
    keys = [g.key for g in c.staffing.groups]
    for n, g in enumerate(c.staffing.groups):
        if keys.count(g.key) > 1:
            out.append((("staffing", "groups", n, "key"), f"{g.key!r} appears twice"))
    rates = c.late_interest.rates
    for n in range(1, len(rates)):
        if rates[n].since <= rates[n - 1].since:
            out.append((("late_interest", "rates", n, "since"), "rates must be in date order"))
    if not rates:
        out.append((("late_interest", "rates"), "needs at least one rate"))
    if c.parties.b.sme and c.late_interest.lpr_at_signing is None:
        out.append((("late_interest", "lpr_at_signing"), "Party B is a small or medium "
                    "enterprise: give the one-year LPR at signing, the floor of the agreed rate "
                    "(rule 20)"))
    return out


def _check_capitals(out: list[tuple[Loc, str]], loc: Loc, written: str, amount: Decimal,
                    capitals: Callable[[Decimal], str]) -> None:
    expected = capitals(amount)
    if written.removeprefix("人民币") != expected:
        out.append((loc, f"{written!r} does not match {amount:.2f}; expected {expected!r}"))
