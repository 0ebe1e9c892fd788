"""The roster by itself: each person once, in a group of the contract, leaving after joining."""

from __future__ import annotations

from seatledger.checks.problem import problem
from seatledger.checks.records import without_staffing
from seatledger.core.contract import Contract
from seatledger.core.errors import Problem
from seatledger.core.i18n import msg
from seatledger.core.records import Person
from seatledger.core.titles import listed, titles


def roster_problems(c: Contract, roster: tuple[Person, ...]) -> list[Problem]:
    if c.staffing is None:
        return [problem(p, "id", without_staffing("person")) for p in roster]
    out = []
    groups = {g.key for g in c.staffing.groups}
    seen: set[str] = set()
    for p in roster:
        if p.id in seen:
            out.append(problem(p, "id", msg("{id!r} is on the roster twice", id=p.id)))
        seen.add(p.id)
        if p.group is None and p.role != "project-manager":
            out.append(
                problem(
                    p,
                    "group",
                    msg("a {role} needs a group: {values}", role=p.role, values=", ".join(sorted(groups))),
                )
            )
        if p.group is not None and p.group not in groups:
            out.append(
                problem(
                    p,
                    "group",
                    msg(
                        "{group!r} is not a group; valid: {values}",
                        group=p.group,
                        values=listed(titles(c, "group")),
                    ),
                )
            )
        if p.left is not None and p.left <= p.joined:
            out.append(
                problem(p, "left", msg("{left} is not after joined {joined}", left=p.left, joined=p.joined))
            )
    return out
