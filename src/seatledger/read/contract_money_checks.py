"""The contract's cross-checks of money: sums and capitals, instalment periods, penalties and
the documents each instalment needs (`contract_checks.SECTIONS` runs them)."""

from __future__ import annotations

from collections.abc import Callable
from datetime import timedelta
from decimal import Decimal

from seatledger.core.contract import Contract
from seatledger.core.i18n import msg
from seatledger.core.money import capitals, fmt

Loc = tuple[str | int, ...]


def sums(c: Contract) -> list[tuple[Loc, str]]:
    """The breakdown and the instalments add up to the total; the capitals match."""
    out: list[tuple[Loc, str]] = []
    parts = sum((line.amount for line in c.breakdown), Decimal(0))
    if parts != c.total:
        out.append(
            (
                ("breakdown",),
                msg("adds up to {amount}, not the total {amount2}", amount=fmt(parts), amount2=fmt(c.total)),
            )
        )
    cap = c.final_payment.cap if c.final_payment is not None else Decimal(0)
    plan = sum((i.amount for i in c.instalments), Decimal(0)) + cap
    if plan != c.total:
        out.append(
            (
                ("instalments",),
                msg(
                    "instalments {amount} plus the final payment cap {amount2} make {amount3}, not "
                    "the total {amount4}",
                    amount=fmt(plan - cap),
                    amount2=fmt(cap),
                    amount3=fmt(plan),
                    amount4=fmt(c.total),
                ),
            )
        )
    _check_capitals(out, ("total_capitals",), c.total_capitals, c.total, capitals)
    if c.final_payment is not None:
        final = c.final_payment
        _check_capitals(out, ("final_payment", "capitals"), final.capitals, final.cap, capitals)
    return out


def instalments(c: Contract) -> list[tuple[Loc, str]]:
    """Instalments numbered in order, their periods tiling the term."""
    out: list[tuple[Loc, str]] = []
    expected_start = c.term.start
    for n, inst in enumerate(c.instalments):
        if inst.number != n + 1:
            out.append(
                (("instalments", n, "number"), msg("is {number}; expected {n}", number=inst.number, n=n + 1))
            )
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
    return out


def payment_documents(c: Contract) -> list[tuple[Loc, str]]:
    """The documents each instalment needs are the contract's."""
    out: list[tuple[Loc, str]] = []
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
    return out


def penalties(c: Contract) -> list[tuple[Loc, str]]:
    """Each penalty priced one way; exactly one computed from attendance."""
    out: list[tuple[Loc, str]] = []
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
            out.append((loc, msg("needs a fixed `amount` or a `min` and/or `max`")))
    return out + _computed(c)


def _computed(c: Contract) -> list[tuple[Loc, str]]:
    """Exactly one penalty priced from attendance where there are seats; none without."""
    out: list[tuple[Loc, str]] = []
    computed = [key for key, p in c.penalties.items() if p.computed]
    if c.staffing is None:
        out += [
            (
                ("penalties", key, "computed"),
                msg("the contract has no `staffing:` block, so no penalty is priced from attendance"),
            )
            for key in computed
        ]
    elif len(computed) != 1:
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
