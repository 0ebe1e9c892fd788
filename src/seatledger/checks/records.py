"""The rules one live record must meet by itself, against the contract and the roster: dates
inside the term, known penalties, duties, instalments and excuses, amounts inside a
penalty's range, staff on the roster."""

from __future__ import annotations

from decimal import Decimal

from seatledger.checks.problem import problem
from seatledger.core.amendments import terms_on
from seatledger.core.contract import Contract
from seatledger.core.errors import Problem, did_you_mean
from seatledger.core.money import fmt
from seatledger.core.records import (
    AFTER_TERM_KINDS,
    Activity,
    Attendance,
    Completion,
    Demand,
    Document,
    Incident,
    Invoice,
    Payment,
    Person,
    Record,
    ReplaceRequest,
    Request,
)


def record_problems(c: Contract, people: dict[str, Person], r: Record) -> list[Problem]:
    """The rules one live record must meet by itself against the contract and roster."""
    out = []
    start, end = c.term.start, c.term.end
    if r.date < start or (r.date > end and r.kind not in AFTER_TERM_KINDS):
        out.append(problem(r, "date", f"{r.date} is outside the term {start}..{end}"))
    if isinstance(r, Attendance):
        if r.id != f"att-{r.date}-{r.shift}":
            out.append(problem(r, "id", f"an attendance id is att-{r.date}-{r.shift}"))
        for sid in r.absent:
            person = people.get(sid)
            if person is None or not person.on_roster(r.date):
                out.append(problem(r, "absent", f"{sid!r} is not on the roster on {r.date}"))
        headcount = sum(1 for p in people.values() if p.on_roster(r.date))
        if r.present > headcount:
            out.append(problem(r, "present", f"{r.present} present is more than the {headcount} "
                               f"people on the roster on {r.date}"))
    elif isinstance(r, Incident):
        out += _incident_problems(c, people, r)
    elif isinstance(r, Demand):
        if r.to < r.date:
            out.append(problem(r, "to", f"{r.to} is before the demand's first day {r.date}"))
        elif r.to > end:
            out.append(problem(r, "to", f"{r.to} is after the term ends {end}"))
    elif isinstance(r, Activity):
        if r.obligation not in c.obligations:
            hint = did_you_mean(r.obligation, list(c.obligations))
            out.append(problem(r, "obligation", f"{r.obligation!r} is not a duty of the contract"
                          f"{hint} (valid: {', '.join(c.obligations)})"))
    elif isinstance(r, Request | Payment | Invoice | Document):
        n = r.instalment
        if n != "final" and (not isinstance(n, int) or c.instalment(n) is None):
            valid = ", ".join(str(i.number) for i in c.instalments)
            out.append(problem(r, "instalment", f"{n!r} is not an instalment; valid: {valid}"
                          + ("" if isinstance(r, Request) else ", final")))
        inst = c.instalment(n) if isinstance(n, int) else None
        if isinstance(r, Payment) and inst is not None and r.date < inst.start:
            out.append(problem(r, "date", f"{r.date} is before instalment {n}'s period starts "
                               f"({inst.start}); a payment is recorded against the instalment "
                               f"whose period has begun"))
        if isinstance(r, Payment) and r.excused is not None \
                and r.excused not in c.late_interest.excuses:
            out.append(problem(r, "excused", f"{r.excused!r} is not an excuse the contract allows; "
                          f"valid: {', '.join(c.late_interest.excuses)}"))
    elif isinstance(r, ReplaceRequest):
        for sid in r.staff:
            person = people.get(sid)
            if person is None or not person.on_roster(r.date):
                out.append(problem(r, "staff", f"{sid!r} is not on the roster on {r.date}"))
    elif isinstance(r, Completion):
        cap = terms_on(c, r.date).contract.final_payment.cap
        if r.amount > cap:
            out.append(problem(r, "amount", f"{fmt(r.amount)} is above the final payment's cap "
                               f"{fmt(cap)} ({c.final_payment.clause})"))
    return out


def _incident_problems(c: Contract, people: dict[str, Person], r: Incident) -> list[Problem]:
    c = terms_on(c, r.date).contract  # the penalty as in force on the incident's date
    penalty = c.penalties.get(r.penalty)
    if penalty is None:
        valid = [k for k, p in c.penalties.items() if not p.computed]
        return [problem(r, "penalty", f"{r.penalty!r} is not a penalty of the contract"
                   f"{did_you_mean(r.penalty, valid)} (valid: {', '.join(valid)})")]
    out = []
    if penalty.computed:
        out.append(problem(r, "penalty", f"{r.penalty} is computed from attendance and demands; "
                      f"record attendance instead"))
    elif penalty.basis == "percent-of-total" or penalty.amount is not None:
        if r.amount is not None:
            fixed = c.penalty_amount_fixed(r.penalty)
            out.append(problem(r, "amount", f"{r.penalty} is fixed at {fmt(fixed or Decimal(0))}; "
                          f"leave the amount out"))
    elif r.amount is None:
        out.append(problem(r, "amount", f"{r.penalty} has no fixed amount: give the amount per "
                      f"{'case' if penalty.basis == 'per-case' else 'occurrence'} "
                      f"({_range(penalty.min, penalty.max)})"))
    elif (penalty.min is not None and r.amount < penalty.min) or \
            (penalty.max is not None and r.amount > penalty.max):
        out.append(problem(r, "amount", f"{fmt(r.amount)} is outside {r.penalty}'s range "
                      f"{_range(penalty.min, penalty.max)} ({penalty.clause})"))
    for sid in r.staff:
        person = people.get(sid)
        if person is None or person.joined > r.date:
            out.append(problem(r, "staff", f"{sid!r} is not on the roster on {r.date}"))
    return out


def _range(lo: Decimal | None, hi: Decimal | None) -> str:
    if lo is not None and hi is not None:
        return f"{fmt(lo)} to {fmt(hi)}"
    return f"at least {fmt(lo)}" if lo is not None else f"at most {fmt(hi or Decimal(0))}"
