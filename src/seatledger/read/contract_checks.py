"""The contract's cross-checks: the rules that span its fields (sums, capitals, instalment
periods, penalty ranges). Every problem is returned, not the first; `contract_file` turns
each into a Problem with its line."""

from __future__ import annotations

from collections.abc import Callable
from datetime import timedelta
from decimal import Decimal

from seatledger.core.amendments import versions
from seatledger.core.contract import Contract
from seatledger.core.i18n import msg
from seatledger.core.money import capitals, fmt

Loc = tuple[str | int, ...]


def cross_checks(c: Contract) -> list[tuple[Loc, str]]:
    """Every rule that spans fields: sums, capitals, periods, ranges; and each amended version
    of the contract passes the same (rule 16)."""
    out = _cross_checks(c)
    for n, a in enumerate(c.amendments):
        loc: Loc = ("amendments", n)
        if not c.term.start <= a.starts <= c.term.end:
            out.append(
                (
                    loc + ("effective",),
                    msg(
                        "{starts} is outside the term {start}..{end}",
                        starts=a.starts,
                        start=c.term.start,
                        end=c.term.end,
                    ),
                )
            )
        for key in a.changes.penalties:
            if key not in c.penalties:
                out.append(
                    (
                        loc + ("changes", "penalties", key),
                        msg("{key!r} is not a penalty of the contract", key=key),
                    )
                )
        for number in a.changes.instalments:
            if c.instalment(number) is None:
                out.append(
                    (
                        loc + ("changes", "instalments", number),
                        msg("{number} is not an instalment of the contract", number=number),
                    )
                )
    for since, terms in versions(c)[1:]:
        n = next(i for i, a in enumerate(c.amendments) if a.id == terms.amendment)
        for where, message in _cross_checks(terms.contract):
            out.append(
                (
                    ("amendments", n, "changes"),
                    msg(
                        "with {amendment} in force from {since}: {values} {message}",
                        amendment=terms.amendment,
                        since=since,
                        values=".".join(map(str, where)),
                        message=message,
                    ),
                )
            )
    return out


def _cross_checks(c: Contract) -> list[tuple[Loc, str]]:  # noqa: C901
    out: list[tuple[Loc, str]] = []
    if c.term.end < c.term.start:
        out.append(
            (
                ("term", "end"),
                msg("ends {end} before it starts {start}", end=c.term.end, start=c.term.start),
            )
        )
    if c.signed is not None and c.signed > c.term.end:
        out.append(
            (
                ("signed",),
                msg("signed {signed}, after the term ends {end}", signed=c.signed, end=c.term.end),
            )
        )

    parts = sum((line.amount for line in c.breakdown), Decimal(0))
    if parts != c.total:
        out.append(
            (
                ("breakdown",),
                msg("adds up to {amount}, not the total {amount2}", amount=fmt(parts), amount2=fmt(c.total)),
            )
        )
    plan = sum((i.amount for i in c.instalments), Decimal(0)) + c.final_payment.cap
    if plan != c.total:
        out.append(
            (
                ("instalments",),
                msg(
                    "instalments {amount} plus the final payment cap {amount2} make {amount3}, not "
                    "the total {amount4}",
                    amount=fmt(plan - c.final_payment.cap),
                    amount2=fmt(c.final_payment.cap),
                    amount3=fmt(plan),
                    amount4=fmt(c.total),
                ),
            )
        )
    _check_capitals(out, ("total_capitals",), c.total_capitals, c.total, capitals)
    _check_capitals(
        out, ("final_payment", "capitals"), c.final_payment.capitals, c.final_payment.cap, capitals
    )

    expected_start = c.term.start
    for n, inst in enumerate(c.instalments):
        if inst.number != n + 1:
            out.append((("instalments", n, "number"), f"is {inst.number}; expected {n + 1}"))
        _check_capitals(out, ("instalments", n, "capitals"), inst.capitals, inst.amount, capitals)
        if inst.end < inst.start:
            out.append(
                (
                    ("instalments", n, "end"),
                    msg("{end} is before start {start}", end=inst.end, start=inst.start),
                )
            )
        if inst.start < c.term.start or inst.end > c.term.end:
            out.append(
                (
                    ("instalments", n),
                    msg(
                        "period {start}..{end} leaves the term {start2}..{end2}",
                        start=inst.start,
                        end=inst.end,
                        start2=c.term.start,
                        end2=c.term.end,
                    ),
                )
            )
        if inst.start < expected_start:
            out.append(
                (
                    ("instalments", n, "start"),
                    msg(
                        "{start} overlaps the previous period; expected {expected_start}",
                        start=inst.start,
                        expected_start=expected_start,
                    ),
                )
            )
        elif inst.start > expected_start:
            out.append(
                (
                    ("instalments", n, "start"),
                    msg(
                        "{start} leaves a hole from {expected_start}; expected {expected_start}",
                        start=inst.start,
                        expected_start=expected_start,
                    ),
                )
            )
        expected_start = max(expected_start, inst.end + timedelta(days=1))
    if c.instalments and expected_start != c.term.end + timedelta(days=1):
        out.append(
            (
                ("instalments",),
                msg(
                    "periods stop at {value}; the term ends {end}",
                    value=expected_start - timedelta(days=1),
                    end=c.term.end,
                ),
            )
        )

    for key, p in c.penalties.items():
        loc: Loc = ("penalties", key)
        if p.min is not None and p.max is not None and p.min > p.max:
            out.append(
                (
                    loc + ("min",),
                    msg("{amount} is above max {amount2}", amount=fmt(p.min), amount2=fmt(p.max)),
                )
            )
        if p.basis == "percent-of-total":
            if p.percent is None or p.amount is not None or p.min is not None or p.max is not None:
                out.append((loc, msg("a percent-of-total penalty takes `percent` and no amount/min/max")))
        elif p.percent is not None:
            out.append(
                (
                    loc + ("percent",),
                    msg("only a percent-of-total penalty takes it, not {basis}", basis=p.basis),
                )
            )
        elif p.amount is not None and (p.min is not None or p.max is not None):
            out.append((loc, msg("give either a fixed `amount` or a `min`/`max` range, not both")))
        elif p.amount is None and p.min is None and p.max is None:
            out.append((loc, "needs a fixed `amount` or a `min` and/or `max`"))
    computed = [key for key, p in c.penalties.items() if p.computed]
    if len(computed) != 1:
        out.append(
            (
                ("penalties",),
                msg(
                    "exactly one penalty is `computed: true` (the seat shortage priced from "
                    "attendance, rule 5); found {n_computed}",
                    n_computed=len(computed),
                ),
            )
        )
    elif c.penalties[computed[0]].amount is None:
        out.append((("penalties", computed[0], "amount"), msg("needs a fixed rate per person-shift")))
    for n, inst in enumerate(c.instalments):
        for key in inst.documents or ():
            if key not in c.payment_documents:
                out.append(
                    (
                        ("instalments", n, "documents"),
                        msg(
                            "{key!r} is not one of the payment_documents: {value}",
                            key=key,
                            value=", ".join(c.payment_documents) or "none",
                        ),
                    )
                )
    for key, ob in c.obligations.items():
        if (ob.window == "rolling-months") != (ob.months is not None):
            out.append(
                (
                    ("obligations", key, "months"),
                    msg("a rolling-months window needs `months`, and only it takes one"),
                )
            )
    keys = [g.key for g in c.staffing.groups]
    for n, g in enumerate(c.staffing.groups):
        if keys.count(g.key) > 1:
            out.append((("staffing", "groups", n, "key"), msg("{key!r} appears twice", key=g.key)))
    rates = c.late_interest.rates
    for n in range(1, len(rates)):
        if rates[n].since <= rates[n - 1].since:
            out.append((("late_interest", "rates", n, "since"), msg("rates must be in date order")))
    if not rates:
        out.append((("late_interest", "rates"), msg("needs at least one rate")))
    if c.parties.b.sme and c.late_interest.lpr_at_signing is None:
        out.append(
            (
                ("late_interest", "lpr_at_signing"),
                msg(
                    "Party B is a small or medium enterprise: give the one-year LPR at signing, the "
                    "floor of the agreed rate (rule 20)"
                ),
            )
        )
    return out


def _check_capitals(
    out: list[tuple[Loc, str]], loc: Loc, written: str, amount: Decimal, capitals: Callable[[Decimal], str]
) -> None:
    expected = capitals(amount)
    if written.removeprefix("人民币") != expected:
        out.append(
            (
                loc,
                msg(
                    "{written!r} does not match {amount:.2f}; expected {expected!r}",
                    written=written,
                    amount=amount,
                    expected=expected,
                ),
            )
        )
