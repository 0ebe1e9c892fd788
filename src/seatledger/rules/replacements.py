"""Replacements and consent, 三(一)4 (with 三(二)4) in the seed contract: a person Party A
asks to have replaced is off the roster within the contract's window (one month in the
seed), and the project manager or a team leader changes only with Party A's written consent
recorded first."""

from __future__ import annotations

from datetime import timedelta

from dateutil.relativedelta import relativedelta

from seatledger.core.i18n import msg
from seatledger.core.periods import Period
from seatledger.core.vocabulary import ROSTER_RULES, term
from seatledger.rules.book import Book
from seatledger.rules.violations import Violation, clip

MANAGER_ROLES = ("project-manager", "team-lead")


def replacement_violations(book: Book, period: Period) -> list[Violation]:
    if book.contract.staffing is None:
        return []
    rule = book.contract.staffing.replacement
    people = {p.id: p for p in book.roster}
    out = []
    for r in book.replace_requests:
        deadline = r.date + relativedelta(months=rule.within_months)
        for sid in r.staff:
            p = people.get(sid)
            if p is None or not p.on_roster(deadline + timedelta(days=1)):
                continue
            start, end = clip(deadline + timedelta(days=1), p.left, period)
            if start <= end:
                out.append(
                    Violation(
                        start,
                        end,
                        term("replacement", ROSTER_RULES),
                        rule.clause,
                        msg("{sid} replaced by {deadline}", sid=sid, deadline=deadline),
                        msg("still on the roster"),
                        msg("Party A asked on {date} ({id})", date=r.date, id=r.id),
                    )
                )
    return out


def consent_violations(book: Book, period: Period) -> list[Violation]:
    if book.contract.staffing is None:
        return []
    clause = book.contract.staffing.management.change_clause
    term_start = book.contract.term.start
    out = []
    for p in book.roster:
        if p.role not in MANAGER_ROLES:
            continue
        consented = [c.date for c in book.consents if p.id in c.staff]
        changes = [(msg("joins"), p.joined)] if p.joined > term_start else []
        if p.left is not None:
            changes.append((msg("leaves"), p.left))
        for what, day in changes:
            if day in period and not any(d <= day for d in consented):
                out.append(
                    Violation(
                        day,
                        day,
                        term("manager-change", ROSTER_RULES),
                        clause,
                        msg("Party A's written consent first"),
                        msg(
                            "{role} {id} {what} with no consent recorded",
                            role=term(p.role),
                            id=p.id,
                            what=what,
                        ),
                        msg("record it with `seatledger record consent`"),
                    )
                )
    return out
