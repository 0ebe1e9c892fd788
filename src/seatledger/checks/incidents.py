"""What an incident must meet by itself: a penalty of the contract, priced as the penalty
says (an amount where it leaves one open, none where it fixes it, a percent-of-total penalty
once), and staff who were on the roster on its date."""

from __future__ import annotations

from decimal import Decimal

from seatledger.checks.problem import problem
from seatledger.core.amendments import terms_on
from seatledger.core.contract import Contract, Penalty
from seatledger.core.errors import Problem, did_you_mean
from seatledger.core.i18n import Msg, Term, msg
from seatledger.core.money import fmt
from seatledger.core.records import Incident, Person
from seatledger.core.titles import listed, titles


def incident_problems(c: Contract, people: dict[str, Person], r: Incident) -> list[Problem]:
    c = terms_on(c, r.date).contract  # the penalty as in force on the incident's date
    penalty = c.penalties.get(r.penalty)
    if penalty is None:
        valid = [k for k, p in c.penalties.items() if not p.computed]
        return [
            problem(
                r,
                "penalty",
                msg(
                    "{penalty!r} is not a penalty of the contract{did_you_mean} (valid: {values})",
                    penalty=r.penalty,
                    did_you_mean=did_you_mean(r.penalty, valid),
                    values=listed(titles(c, "penalty")),
                ),
            )
        ]
    return _priced(c, penalty, r) + _once_of_the_total(c, penalty, r) + _incident_staff(people, r)


def _priced(c: Contract, penalty: Penalty, r: Incident) -> list[Problem]:
    """The amount where the penalty leaves it open, and none where it fixes it."""
    if penalty.computed:
        return [
            problem(
                r,
                "penalty",
                msg(
                    "{penalty} is computed from attendance and demands; record attendance instead",
                    penalty=r.penalty,
                ),
            )
        ]
    if penalty.basis == "percent-of-total" or penalty.amount is not None:
        if r.amount is None:
            return []
        fixed = c.penalty_amount_fixed(r.penalty)
        return [
            problem(
                r,
                "amount",
                msg(
                    "{penalty} is fixed at {amount}; leave the amount out",
                    penalty=r.penalty,
                    amount=fmt(fixed or Decimal(0)),
                ),
            )
        ]
    if r.amount is None:
        return [
            problem(
                r,
                "amount",
                msg(
                    "{penalty} has no fixed amount: give the amount per {value} ({range})",
                    penalty=r.penalty,
                    value=Term("case", "件") if penalty.basis == "per-case" else Term("occurrence", "次"),
                    range=_range(penalty.min, penalty.max),
                ),
            )
        ]
    if (penalty.min is not None and r.amount < penalty.min) or (
        penalty.max is not None and r.amount > penalty.max
    ):
        return [
            problem(
                r,
                "amount",
                msg(
                    "{amount} is outside {penalty}'s range {range} ({clause})",
                    amount=fmt(r.amount),
                    penalty=r.penalty,
                    range=_range(penalty.min, penalty.max),
                    clause=penalty.clause,
                ),
            )
        ]
    return []


def _once_of_the_total(c: Contract, penalty: Penalty, r: Incident) -> list[Problem]:
    """A percent-of-total penalty is a share of the contract's total: it is incurred once, so
    its count is 1 (rule 7); a count of 2 would deduct the share twice."""
    if penalty.basis != "percent-of-total" or r.count == 1:
        return []
    return [
        problem(
            r,
            "count",
            msg(
                "{penalty} is {percent} % of the contract's total, incurred once: its count is 1, "
                "not {count}; record a second breach as an incident of its own",
                penalty=r.penalty,
                percent=penalty.percent,
                count=r.count,
            ),
        )
    ]


def _incident_staff(people: dict[str, Person], r: Incident) -> list[Problem]:
    """The staff it names were on the roster on its date: joined by then and not gone before
    it (one who leaves that day, as a barred person must, is still named)."""
    out = []
    for sid in r.staff:
        person = people.get(sid)
        if person is None or person.joined > r.date or (person.left is not None and person.left < r.date):
            out.append(
                problem(r, "staff", msg("{sid!r} is not on the roster on {date}", sid=sid, date=r.date))
            )
    return out


def _range(lo: Decimal | None, hi: Decimal | None) -> Msg:
    if lo is not None and hi is not None:
        return msg("{least} to {most}", least=fmt(lo), most=fmt(hi))
    return (
        msg("at least {amount}", amount=fmt(lo))
        if lo is not None
        else msg("at most {amount}", amount=fmt(hi or Decimal(0)))
    )
