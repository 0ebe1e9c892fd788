"""The contract's cross-checks: the rules that span its fields (sums, capitals, instalment
periods, penalty ranges). Every problem is returned, not the first; `contract_file` turns
each into a Problem with its line."""

from __future__ import annotations

from collections.abc import Callable

from seatledger.core.amendments import versions
from seatledger.core.contract import Contract
from seatledger.core.i18n import msg
from seatledger.read import contract_level_checks as levels
from seatledger.read import contract_money_checks as money

Loc = money.Loc


def cross_checks(c: Contract) -> list[tuple[Loc, str]]:
    """Every rule that spans fields: sums, capitals, periods, ranges; and each amended version
    of the contract passes the same (rule 16)."""
    out = _cross_checks(c)
    for n, a in enumerate(c.amendments):
        loc: Loc = ("amendments", n)
        out += _seatless_changes(c, n)
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


def _cross_checks(c: Contract) -> list[tuple[Loc, str]]:
    return [found for check in SECTIONS for found in check(c)]


def _term(c: Contract) -> list[tuple[Loc, str]]:
    """The term and the signing date."""
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
    return out


def _obligations(c: Contract) -> list[tuple[Loc, str]]:
    """Counted duties' windows."""
    out: list[tuple[Loc, str]] = []
    for key, ob in c.obligations.items():
        if (ob.window == "rolling-months") != (ob.months is not None):
            out.append(
                (
                    ("obligations", key, "months"),
                    msg("a rolling-months window needs `months`, and only it takes one"),
                )
            )
    return out


def _staffing(c: Contract) -> list[tuple[Loc, str]]:
    """Staffing groups named once; the seat readings given where there are seats."""
    out: list[tuple[Loc, str]] = []
    if c.staffing is None:
        return out
    keys = [g.key for g in c.staffing.groups]
    for n, g in enumerate(c.staffing.groups):
        if keys.count(g.key) > 1:
            out.append((("staffing", "groups", n, "key"), msg("{key!r} appears twice", key=g.key)))
    for field in ("headcount_includes_management", "shortage_basis"):
        if getattr(c.settings, field) is None:
            out.append((("settings", field), msg("is required where the contract has `staffing:`")))
    return out


def _seatless_changes(c: Contract, n: int) -> list[tuple[Loc, str]]:
    """An amendment changes only terms the contract has."""
    ch, loc = c.amendments[n].changes, ("amendments", n, "changes")
    out: list[tuple[Loc, str]] = []
    for field in ("seats", "degree_quota"):
        if c.staffing is None and getattr(ch, field) is not None:
            out.append((loc + (field,), msg("the contract has no `staffing:` block to change")))
    if c.final_payment is None and ch.final_payment is not None:
        out.append((loc + ("final_payment",), msg("the contract has no `final_payment:` to change")))
    return out


def _late_interest(c: Contract) -> list[tuple[Loc, str]]:
    """Rates in date order; the LPR floor where Party B is an SME."""
    out: list[tuple[Loc, str]] = []
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


# One function a section of the contract, in the file's order.
SECTIONS: tuple[Callable[[Contract], list[tuple[Loc, str]]], ...] = (
    _term,
    money.sums,
    money.instalments,
    money.penalties,
    money.payment_documents,
    _obligations,
    _staffing,
    _late_interest,
    levels.service_levels,
)
