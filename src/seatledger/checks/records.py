"""The rules one live record must meet by itself, against the contract and the roster: dates
inside the term, known penalties, duties, instalments and excuses, amounts inside a
penalty's range, staff on the roster."""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import date
from typing import Any

from seatledger.checks.incidents import incident_problems
from seatledger.checks.problem import problem
from seatledger.core.amendments import terms_on
from seatledger.core.contract import Contract
from seatledger.core.errors import Problem, did_you_mean
from seatledger.core.i18n import msg
from seatledger.core.money import fmt
from seatledger.core.records import (
    DECLARED,
    Activity,
    Attendance,
    Completion,
    Demand,
    Document,
    Invoice,
    Payment,
    Person,
    Record,
    ReplaceRequest,
    Request,
)
from seatledger.core.titles import listed, titles
from seatledger.core.vocabulary import KINDS, term


def record_problems(c: Contract, people: dict[str, Person], r: Record) -> list[Problem]:
    """The rules one live record must meet by itself against the contract and roster."""
    out = []
    start, end = c.term.start, c.term.end
    if r.date < start or (r.date > end and not DECLARED[r.kind].after_term):
        out.append(
            problem(
                r, "date", msg("{date} is outside the term {start}..{end}", date=r.date, start=start, end=end)
            )
        )
    elif r.date > (latest := latest_after_term(c)):
        out.append(
            problem(
                r,
                "date",
                msg(
                    "{date} is more than a year after the term ends {end}: a record after the term "
                    "is dated by {latest} at the latest (rule 8)",
                    date=r.date,
                    end=end,
                    latest=latest,
                ),
            )
        )
    if DECLARED[r.kind].seats and c.staffing is None:
        return out + [problem(r, "kind", without_staffing(r.kind))]
    own = _BY_KIND.get(r.kind)
    return out + own(c, people, r) if own is not None else out


def without_staffing(kind: str) -> str:
    """Why a seat record or a roster entry does not fit a contract paid without seats."""
    return msg(
        "the contract has no `staffing:` block (seats, degree quota, groups): a record of kind "
        "{kind} applies only to a contract with seats",
        kind=term(kind, KINDS),
    )


# What follows att-<date>-<shift> in an attendance id: nothing, or -N (N >= 2) where the
# shift's earlier records were voided (rule 7).
_ATTENDANCE_ID = re.compile(r"(-([2-9]|[1-9][0-9]+))?")


def latest_after_term(c: Contract) -> date:
    """The last day a record after the term (a payment, an invoice, the completion, ...) may
    carry: one year after the term's last day. The contract states no longer window for the
    final payment, so a later date is a typo (2030 for 2023), not a late payment."""
    end = c.term.end
    try:
        return end.replace(year=end.year + 1)
    except ValueError:  # 29 February
        return end.replace(year=end.year + 1, day=28)


def _attendance(c: Contract, people: dict[str, Person], r: Attendance) -> list[Problem]:
    """Its id names its shift; the absent and the present are people on the roster."""
    out = []
    base = f"att-{r.date}-{r.shift}"
    if not (r.id.startswith(base) and _ATTENDANCE_ID.fullmatch(r.id[len(base) :])):
        out.append(
            problem(
                r,
                "id",
                msg(
                    "an attendance id is att-{date}-{shift} (att-{date}-{shift}-2, -3, ... after a void)",
                    date=r.date,
                    shift=r.shift,
                ),
            )
        )
    for sid in r.absent:
        person = people.get(sid)
        if person is None or not person.on_roster(r.date):
            out.append(
                problem(r, "absent", msg("{sid!r} is not on the roster on {date}", sid=sid, date=r.date))
            )
    headcount = sum(1 for p in people.values() if p.on_roster(r.date))
    if r.present > headcount:
        out.append(
            problem(
                r,
                "present",
                msg(
                    "{present} present is more than the {headcount} people on the roster on {date}",
                    present=r.present,
                    headcount=headcount,
                    date=r.date,
                ),
            )
        )
    elif r.absent and r.present + len(r.absent) > headcount:  # each absent id is one not present
        out.append(
            problem(
                r,
                "absent",
                msg(
                    "{present} present and {absent} absent make {total}, more than the {headcount} people "
                    "on the roster on {date}",
                    present=r.present,
                    absent=len(r.absent),
                    total=r.present + len(r.absent),
                    headcount=headcount,
                    date=r.date,
                ),
            )
        )
    return out


def _demand(c: Contract, people: dict[str, Person], r: Demand) -> list[Problem]:
    """A demand's range runs forward and inside the term."""
    out = []
    if r.to < r.date:
        out.append(
            problem(r, "to", msg("{to} is before the demand's first day {date}", to=r.to, date=r.date))
        )
    elif r.to > c.term.end:
        out.append(problem(r, "to", msg("{to} is after the term ends {end}", to=r.to, end=c.term.end)))
    return out


def _activity(c: Contract, people: dict[str, Person], r: Activity) -> list[Problem]:
    """A duty of the contract."""
    out = []
    if r.obligation not in c.obligations:
        hint = did_you_mean(r.obligation, list(c.obligations))
        out.append(
            problem(
                r,
                "obligation",
                msg(
                    "{obligation!r} is not a duty of the contract{hint} (valid: {values})",
                    obligation=r.obligation,
                    hint=hint,
                    values=listed(titles(c, "obligation")),
                ),
            )
        )
    return out


def _instalment_record(
    c: Contract, people: dict[str, Person], r: Request | Payment | Invoice | Document
) -> list[Problem]:
    """It names an instalment; a payment falls in its period and names an allowed excuse."""
    out = []
    n = r.instalment
    if n != "final" and (not isinstance(n, int) or c.instalment(n) is None):
        valid = ", ".join(str(i.number) for i in c.instalments)
        valid += "" if isinstance(r, Request) else ", final"
        out.append(
            problem(r, "instalment", msg("{n!r} is not an instalment; valid: {valid}", n=n, valid=valid))
        )
    inst = c.instalment(n) if isinstance(n, int) else None
    if isinstance(r, Payment) and inst is not None and r.date < inst.start:
        out.append(
            problem(
                r,
                "date",
                msg(
                    "{date} is before instalment {n}'s period starts ({start}); a payment is "
                    "recorded against the instalment whose period has begun",
                    date=r.date,
                    n=n,
                    start=inst.start,
                ),
            )
        )
    if isinstance(r, Payment) and r.excused is not None and r.excused not in c.late_interest.excuses:
        out.append(
            problem(
                r,
                "excused",
                msg(
                    "{excused!r} is not an excuse the contract allows; valid: {values}",
                    excused=r.excused,
                    values=listed(titles(c, "excused")),
                ),
            )
        )
    return out


def _replace_request(c: Contract, people: dict[str, Person], r: ReplaceRequest) -> list[Problem]:
    """The staff to replace are on the roster."""
    out = []
    for sid in r.staff:
        person = people.get(sid)
        if person is None or not person.on_roster(r.date):
            out.append(
                problem(r, "staff", msg("{sid!r} is not on the roster on {date}", sid=sid, date=r.date))
            )
    return out


def _completion(c: Contract, people: dict[str, Person], r: Completion) -> list[Problem]:
    """The confirmed final payment is within its cap (rule 8)."""
    out = []
    final = terms_on(c, r.date).contract.final_payment
    if final is None or c.final_payment is None:
        return [
            problem(
                r, "amount", msg("the contract has no final payment (final_payment); nothing to complete")
            )
        ]
    cap = final.cap
    if r.amount > cap:
        out.append(
            problem(
                r,
                "amount",
                msg(
                    "{amount} is above the final payment's cap {amount2} ({clause})",
                    amount=fmt(r.amount),
                    amount2=fmt(cap),
                    clause=final.clause,
                ),
            )
        )
    return out


# The per-kind rules of record_problems, by kind.
_BY_KIND: dict[str, Callable[[Contract, dict[str, Person], Any], list[Problem]]] = {
    "attendance": _attendance,
    "incident": incident_problems,
    "demand": _demand,
    "activity": _activity,
    "request": _instalment_record,
    "payment": _instalment_record,
    "invoice": _instalment_record,
    "document": _instalment_record,
    "replace-request": _replace_request,
    "completion": _completion,
}
