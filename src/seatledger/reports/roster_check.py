"""`check-roster`: the roster against the contract's staffing rules, day by day (the team the
contract requires), and its roster duties (replacements and consent, staff barred after a
serious fire hazard). Consecutive days with the same violation are one line."""

from __future__ import annotations

from typing import NamedTuple

from seatledger.core.periods import Period
from seatledger.core.workdays import days
from seatledger.rules.book import Book
from seatledger.rules.fire_duties import barred_staff_violations
from seatledger.rules.replacements import consent_violations, replacement_violations
from seatledger.rules.staff_composition import daily_violations
from seatledger.rules.violations import Violation


class RosterReport(NamedTuple):
    period: Period
    days: int
    violations: tuple[Violation, ...]

    @property
    def compliant(self) -> bool:
        return not self.violations


def check_roster(book: Book, period: Period) -> RosterReport:
    merged: list[Violation] = []
    open_: dict[tuple[str, str, str], Violation] = {}
    last = min(period.end, book.contract.term.end)
    span = list(days(period.start, last))
    for day in span:
        today = {
            (rule, expected, actual): (clause, detail)
            for rule, clause, expected, actual, detail in daily_violations(book, day)
        }
        for key in list(open_):
            if key not in today:
                merged.append(open_.pop(key))
        for key, (clause, detail) in today.items():
            if key in open_:
                open_[key] = open_[key]._replace(end=day)
            else:
                open_[key] = Violation(day, day, key[0], clause, key[1], key[2], detail)
    merged += open_.values()
    merged += replacement_violations(book, period)
    merged += consent_violations(book, period)
    merged += barred_staff_violations(book, period)
    merged.sort(key=lambda v: (v.start, v.rule))
    return RosterReport(period, len(span), tuple(merged))
