"""The team the contract requires on each day, 四(二)1 and 三(二)4 in the seed contract: the
headcount against the seats, the degree quota as an exact ratio (29 of 48 meets 60 %, 28 does
not), at least the project managers and team leaders named, every group staffed. Who counts
toward the seats and the quota is a setting (rule 3)."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from seatledger.core.choices import DEGREE_TITLES, degree_rank
from seatledger.core.i18n import Term, msg
from seatledger.core.vocabulary import ROSTER_RULES, term
from seatledger.rules.book import Book

DailyViolation = tuple[str, str, str, str, str]  # rule, clause, expected, actual, detail


def daily_violations(book: Book, day: date) -> list[DailyViolation]:
    s = book.requirements.terms_on(day).contract.staffing
    if s is None:  # no seats, no quota: the roster check is refused a layer up
        return []
    on_roster = [p for p in book.roster if p.on_roster(day)]
    people = book.counting(day)
    out: list[DailyViolation] = []
    if len(people) < s.seats:
        out.append(
            (
                term("headcount", ROSTER_RULES),
                s.seats_clause,
                msg("{seats} on the roster", seats=s.seats),
                str(len(people)),
                "",
            )
        )
    minimum = degree_rank(s.degree_quota.min_degree)
    qualified = sum(1 for p in people if degree_rank(p.degree) >= minimum)
    if qualified < s.degree_quota.ratio * len(people) or not people:
        share = (Decimal(qualified) / len(people) * 100).quantize(Decimal("0.1")) if people else 0
        out.append(
            (
                term("degree-quota", ROSTER_RULES),
                s.degree_quota.clause,
                msg(
                    "{min_degree} or above >= {value:.0f}%",
                    min_degree=term(s.degree_quota.min_degree, DEGREE_TITLES),
                    value=s.degree_quota.ratio * 100,
                ),
                msg("{qualified} of {total} ({share}%)", qualified=qualified, total=len(people), share=share),
                "",
            )
        )
    managers = sum(1 for p in on_roster if p.role == "project-manager")
    leads = sum(1 for p in on_roster if p.role == "team-lead")
    m = s.management
    if managers < m.project_managers:
        out.append(
            (term("project-manager", ROSTER_RULES), m.clause, f">= {m.project_managers}", str(managers), "")
        )
    if leads < m.team_leaders:
        out.append((term("team-leaders", ROSTER_RULES), m.clause, f">= {m.team_leaders}", str(leads), ""))
    staffed = {p.group for p in on_roster}
    empty = [g for g in s.groups if g.key not in staffed]
    if empty:
        out.append(
            (
                term("groups", ROSTER_RULES),
                s.groups_clause,
                msg("every group staffed"),
                msg(
                    "no one in {values}",
                    values=Term(", ".join(g.key for g in empty), "、".join(g.name for g in empty)),
                ),
                "",
            )
        )
    return out
