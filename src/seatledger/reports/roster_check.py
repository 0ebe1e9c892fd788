"""`check-roster`: the roster against the contract's staffing rules, day by day.

Daily rules (四(二)1, 三(二)4): headcount against the seats, the bachelor-or-above share
against the quota (an exact ratio: 29 of 48 meets 60 %, 28 does not), at least the project
managers and team leaders the contract names, every group staffed. Roster duties: a
replacement within one month of Party A's request and Party A's consent before a manager
changes (三(一)4), and a person named in a serious fire hazard off the roster from that day
(附件1 四). Consecutive days with the same violation are one line.
"""

from __future__ import annotations

from datetime import date, timedelta
from decimal import Decimal
from typing import NamedTuple

from dateutil.relativedelta import relativedelta

from seatledger.core.periods import Period
from seatledger.core.vocab import degree_rank
from seatledger.core.workdays import days
from seatledger.rules.book import Book


class Violation(NamedTuple):
    start: date
    end: date
    rule: str
    clause: str
    expected: str
    actual: str
    detail: str = ""


class RosterReport(NamedTuple):
    period: Period
    days: int
    violations: tuple[Violation, ...]

    @property
    def compliant(self) -> bool:
        return not self.violations


def daily_violations(book: Book, day: date) -> list[tuple[str, str, str, str, str]]:
    """(rule, clause, expected, actual, detail) for one day."""
    s = book.contract.staffing
    on_roster = [p for p in book.roster if p.on_roster(day)]
    # DOMAIN rule 3: everyone counts toward the seats and the quota, unless the contract says
    # only seat staff do.
    people = on_roster if book.contract.settings.headcount_includes_management \
        else [p for p in on_roster if p.role == "seat"]
    out = []
    if len(people) < s.seats:
        out.append(("headcount", s.seats_clause, f"{s.seats} on the roster", f"{len(people)}", ""))
    minimum = degree_rank(s.degree_quota.min_degree)
    qualified = sum(1 for p in people if degree_rank(p.degree) >= minimum)
    if qualified < s.degree_quota.ratio * len(people) or not people:
        share = (Decimal(qualified) / len(people) * 100).quantize(Decimal("0.1")) if people else 0
        out.append(("degree-quota", s.degree_quota.clause,
                    f"{s.degree_quota.min_degree} or above >= {s.degree_quota.ratio * 100:.0f}%",
                    f"{qualified} of {len(people)} ({share}%)", ""))
    managers = sum(1 for p in on_roster if p.role == "project-manager")
    leads = sum(1 for p in on_roster if p.role == "team-lead")
    m = s.management
    if managers < m.project_managers:
        out.append(("project-manager", m.clause, f">= {m.project_managers}", str(managers), ""))
    if leads < m.team_leaders:
        out.append(("team-leaders", m.clause, f">= {m.team_leaders}", str(leads), ""))
    staffed = {p.group for p in on_roster}
    empty = [g.key for g in s.groups if g.key not in staffed]
    if empty:
        out.append(("groups", s.groups_clause, "every group staffed",
                    f"no one in {', '.join(empty)}", ""))
    return out


def duty_violations(book: Book, period: Period) -> list[Violation]:
    out = []
    people = {p.id: p for p in book.roster}
    for r in book.replace_requests:
        deadline = r.date + relativedelta(months=1)
        for sid in r.staff:
            p = people.get(sid)
            if p is None or not p.on_roster(deadline + timedelta(days=1)):
                continue
            start, end = _clip(deadline + timedelta(days=1), p.left, period)
            if start <= end:
                out.append(Violation(start, end, "replacement", "三(一)4",
                                     f"{sid} replaced by {deadline}", "still on the roster",
                                     f"Party A asked on {r.date} ({r.id})"))
    consented = {sid: [c.date for c in book.consents if sid in c.staff] for sid in people}
    term_start = book.contract.term.start
    for p in book.roster:
        if p.role not in ("project-manager", "team-lead"):
            continue
        changes = [("joins", p.joined)] if p.joined > term_start else []
        if p.left is not None:
            changes.append(("leaves", p.left))
        for what, day in changes:
            if day in period and not any(d <= day for d in consented[p.id]):
                out.append(Violation(day, day, "manager-change", "三(一)4, 三(二)4",
                                     "Party A's written consent first",
                                     f"{p.role} {p.id} {what} with no consent recorded",
                                     "record it with `seatledger record consent`"))
    for inc in book.incidents:
        if inc.penalty != "fire-hazard-serious":
            continue
        for sid in inc.staff:
            p = people.get(sid)
            if p is None or not p.on_roster(inc.date):
                continue
            start, end = _clip(inc.date, p.left, period)
            if start <= end:
                out.append(Violation(start, end, "fire-hazard-removal", "附件1 四",
                                     f"{sid} off the roster from {inc.date}",
                                     "still on the roster", f"named in {inc.id}"))
    return out


def _clip(first: date, left: date | None, period: Period) -> tuple[date, date]:
    """The days from `first` while the person is on the roster, inside the period."""
    end = period.end if left is None else min(period.end, left - timedelta(days=1))
    return max(first, period.start), end


def check_roster(book: Book, period: Period) -> RosterReport:
    merged: list[Violation] = []
    open_: dict[tuple[str, str, str], Violation] = {}
    last = min(period.end, book.contract.term.end)
    span = list(days(period.start, last))
    for day in span:
        today = {(rule, expected, actual): (clause, detail)
                 for rule, clause, expected, actual, detail in daily_violations(book, day)}
        for key in list(open_):
            if key not in today:
                merged.append(open_.pop(key))
        for key, (clause, detail) in today.items():
            if key in open_:
                open_[key] = open_[key]._replace(end=day)
            else:
                open_[key] = Violation(day, day, key[0], clause, key[1], key[2], detail)
    merged += open_.values()
    merged += duty_violations(book, period)
    merged.sort(key=lambda v: (v.start, v.rule))
    return RosterReport(period, len(span), tuple(merged))
