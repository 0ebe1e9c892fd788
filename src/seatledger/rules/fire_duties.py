"""Fire safety, 附件1 in the seed contract. The counted duties (inspections 附件1 三, the drill
附件1 二(12)) are obligations that `compliance` counts in their windows. The rule here is 附件1
四's: a person named in an incident of a penalty marked `bars_staff` may no longer work on
Party A's projects, so is off the roster from that day."""

from __future__ import annotations

from seatledger.core.i18n import msg
from seatledger.core.periods import Period
from seatledger.core.vocabulary import ROSTER_RULES, term
from seatledger.rules.book import Book
from seatledger.rules.violations import Violation, clip


def barred_staff_violations(book: Book, period: Period) -> list[Violation]:
    penalties = book.contract.penalties
    people = {p.id: p for p in book.roster}
    out = []
    for inc in book.incidents:
        penalty = penalties.get(inc.penalty)
        if penalty is None or not penalty.bars_staff:
            continue
        for sid in inc.staff:
            p = people.get(sid)
            if p is None or not p.on_roster(inc.date):
                continue
            start, end = clip(inc.date, p.left, period)
            if start <= end:
                out.append(
                    Violation(
                        start,
                        end,
                        term("fire-hazard-removal", ROSTER_RULES),
                        penalty.clause,
                        msg("{sid} off the roster from {date}", sid=sid, date=inc.date),
                        msg("still on the roster"),
                        msg("named in {id}", id=inc.id),
                    )
                )
    return out
