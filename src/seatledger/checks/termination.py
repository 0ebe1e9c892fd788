"""What notices, cures and a termination must meet (rule 14), and what a termination means
for the other records: no attendance from its date, a completion from its date rather than
after the term."""

from __future__ import annotations

from collections.abc import Sequence

from seatledger.checks.problem import problem
from seatledger.core.contract import Contract
from seatledger.core.errors import Problem
from seatledger.core.i18n import msg
from seatledger.core.records import Attendance, Completion, Cured, Notice, Record, Termination


def service_problems(c: Contract, live: Sequence[Record]) -> list[Problem]:
    notices = {r.id: r for r in live if isinstance(r, Notice)}
    cures = [r for r in live if isinstance(r, Cured)]
    ends = [r for r in live if isinstance(r, Termination)]
    grounds = ", ".join(g.clause for g in c.termination.grounds) if c.termination else "none"
    out = []
    for n in notices.values():
        if c.ground(n.clause) is None:
            out.append(
                problem(
                    n,
                    "clause",
                    msg(
                        "{clause!r} is not a ground for termination in the contract (valid: {grounds})",
                        clause=n.clause,
                        grounds=grounds,
                    ),
                )
            )
        if n.cure_by < n.date:
            out.append(
                problem(
                    n, "cure_by", msg("{cure_by} is before the notice {date}", cure_by=n.cure_by, date=n.date)
                )
            )
    for extra in ends[1:]:
        out.append(
            problem(
                extra,
                "date",
                msg("the service was already ended by {id} on {date}", id=ends[0].id, date=ends[0].date),
            )
        )
    if ends:
        out += _termination(c, ends[0], list(notices.values()), cures, grounds)
    end = ends[0].date if ends else None
    for r in live:
        if isinstance(r, Attendance) and end is not None and r.date >= end:
            out.append(
                problem(
                    r,
                    "date",
                    msg(
                        "the service ended on {end} ({id}); no attendance is recorded from then",
                        end=end,
                        id=ends[0].id,
                    ),
                )
            )
        if isinstance(r, Completion) and r.date <= c.term.end and (end is None or r.date < end):
            when = (
                msg("from the termination on {end}", end=end)
                if end
                else msg("after the term ends ({end})", end=c.term.end)
            )
            out.append(
                problem(
                    r,
                    "date",
                    msg("the completion is confirmed {when}, not on {date}", when=when, date=r.date),
                )
            )
    return out


def _termination(
    c: Contract, t: Termination, notices: list[Notice], cures: list[Cured], grounds: str
) -> list[Problem]:
    ground = c.ground(t.clause)
    if ground is None:
        return [
            problem(
                t,
                "clause",
                msg(
                    "{clause!r} is not a ground for termination in the contract (valid: {grounds})",
                    clause=t.clause,
                    grounds=grounds,
                ),
            )
        ]
    out = []
    if not c.term.start <= t.date <= c.term.end:
        out.append(
            problem(
                t,
                "date",
                msg(
                    "{date} is outside the term {start}..{end}",
                    date=t.date,
                    start=c.term.start,
                    end=c.term.end,
                ),
            )
        )
    if ground.needs_notice:
        cured = {cure.notice for cure in cures if cure.date <= t.date}
        expired = [
            n
            for n in notices
            if n.clause == t.clause
            and n.cure_by < t.date
            and n.id not in cured
            and (t.notice is None or n.id == t.notice)
        ]
        if not expired:
            named = (
                msg("notice {notice}", notice=t.notice)
                if t.notice
                else msg("a notice under {clause}", clause=t.clause)
            )
            out.append(
                problem(
                    t,
                    "notice",
                    msg(
                        "{clause} ends the service only after {named} whose cure-by date has "
                        "passed uncured; record the notice (`seatledger record notice`) and wait "
                        "for its cure-by date",
                        clause=t.clause,
                        named=named,
                    ),
                )
            )
    return out
