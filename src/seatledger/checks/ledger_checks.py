"""What the contract allows in a ledger. `check` runs these over the whole ledger; every
record command runs them over the ledger plus its new record and refuses the write when the
new record is at fault, so each rule lives here once."""

from __future__ import annotations

from collections import defaultdict
from datetime import date
from decimal import Decimal

from seatledger.core.contract import Contract
from seatledger.core.errors import Problem, did_you_mean
from seatledger.core.money import fmt
from seatledger.core.records import (
    AFTER_TERM_KINDS,
    Activity,
    Attendance,
    Completion,
    Demand,
    Incident,
    Invoice,
    Payment,
    Person,
    Record,
    ReplaceRequest,
    Request,
    Void,
)
from seatledger.read.ledger_files import Ledger
from seatledger.rules.staffing import Requirements, calendar_for, gaps, live


def _p(r: Record | Person, field: str, message: str) -> Problem:
    return Problem(r.source.file, r.source.line_of(field), field, message, record=r.id)


def ledger_problems(ledger: Ledger) -> list[Problem]:
    c = ledger.contract
    out: list[Problem] = []
    out += roster_problems(c, ledger.roster)
    people = {p.id: p for p in ledger.roster}
    records = ledger.records
    seen: dict[str, Record] = {}
    for r in records:
        if r.id in seen:
            first = seen[r.id].source
            out.append(_p(r, "id", f"{r.id!r} is already used ({first.file}:{first.line})"))
        else:
            seen[r.id] = r
    voided: dict[str, Void] = {}
    for r in records:
        if isinstance(r, Void):
            target = seen.get(r.target)
            if target is None or isinstance(target, Void):
                out.append(_p(r, "target", f"{r.target!r} is not a record that can be voided"))
            elif r.target in voided:
                out.append(_p(r, "target", f"{r.target} is already voided by {voided[r.target].id}"))
            else:
                voided[r.target] = r
            if target is not None and target.date != r.date:
                out.append(_p(r, "date", f"must be the voided record's date {target.date}"))
    counted = live(records)
    for r in counted:
        out += record_problems(c, people, r)
    out += _overlaps(counted)
    if ledger.closings:
        from seatledger.git.closings import closing_problems

        out += closing_problems(ledger, list(ledger.closings))
    out += _money_limits(c, counted)
    calendar = calendar_for(c)
    try:
        requirements = Requirements(c, calendar, counted)
        for d, shift in gaps(ledger.meta.recorded_from, requirements, counted):
            out.append(Problem(ledger.path.joinpath(f"{d:%Y-%m}.yaml").as_posix(), 0, "date",
                               f"gap: no attendance recorded for {d} {shift} shift, which "
                               f"requires {requirements.required(d, shift)} (DOMAIN rule 6)",
                               record=f"att-{d}-{shift}", code="gap"))
    except Exception as exc:  # the calendar has no data for a date: say so, once
        from seatledger.core.errors import SeatledgerError

        if not isinstance(exc, SeatledgerError):
            raise
        out.append(Problem(str(ledger.contract_path), 0, "calendar", exc.message))
    return out


def roster_problems(c: Contract, roster: tuple[Person, ...]) -> list[Problem]:
    out = []
    groups = {g.key for g in c.staffing.groups}
    seen: set[str] = set()
    for p in roster:
        if p.id in seen:
            out.append(_p(p, "id", f"{p.id!r} is on the roster twice"))
        seen.add(p.id)
        if p.group is None and p.role != "project-manager":
            out.append(_p(p, "group", f"a {p.role} needs a group: {', '.join(sorted(groups))}"))
        if p.group is not None and p.group not in groups:
            out.append(_p(p, "group", f"{p.group!r} is not a group; valid: "
                          f"{', '.join(sorted(groups))}"))
        if p.left is not None and p.left <= p.joined:
            out.append(_p(p, "left", f"{p.left} is not after joined {p.joined}"))
    return out


def record_problems(c: Contract, people: dict[str, Person], r: Record) -> list[Problem]:
    """The rules one live record must meet by itself against the contract and roster."""
    out = []
    start, end = c.term.start, c.term.end
    if r.date < start or (r.date > end and r.kind not in AFTER_TERM_KINDS):
        out.append(_p(r, "date", f"{r.date} is outside the term {start}..{end}"))
    if isinstance(r, Attendance):
        if r.id != f"att-{r.date}-{r.shift}":
            out.append(_p(r, "id", f"an attendance id is att-{r.date}-{r.shift}"))
        for sid in r.absent:
            person = people.get(sid)
            if person is None or not person.on_roster(r.date):
                out.append(_p(r, "absent", f"{sid!r} is not on the roster on {r.date}"))
    elif isinstance(r, Incident):
        out += _incident_problems(c, people, r)
    elif isinstance(r, Demand):
        if r.to < r.date:
            out.append(_p(r, "to", f"{r.to} is before the demand's first day {r.date}"))
        elif r.to > end:
            out.append(_p(r, "to", f"{r.to} is after the term ends {end}"))
    elif isinstance(r, Activity):
        if r.obligation not in c.obligations:
            hint = did_you_mean(r.obligation, list(c.obligations))
            out.append(_p(r, "obligation", f"{r.obligation!r} is not a duty of the contract"
                          f"{hint} (valid: {', '.join(c.obligations)})"))
    elif isinstance(r, Request | Payment | Invoice):
        n = r.instalment
        if n != "final" and (not isinstance(n, int) or c.instalment(n) is None):
            valid = ", ".join(str(i.number) for i in c.instalments)
            out.append(_p(r, "instalment", f"{n!r} is not an instalment; valid: {valid}"
                          + ("" if isinstance(r, Request) else ", final")))
        if isinstance(r, Payment) and r.excused is not None \
                and r.excused not in c.late_interest.excuses:
            out.append(_p(r, "excused", f"{r.excused!r} is not an excuse the contract allows; "
                          f"valid: {', '.join(c.late_interest.excuses)}"))
    elif isinstance(r, ReplaceRequest):
        for sid in r.staff:
            person = people.get(sid)
            if person is None or not person.on_roster(r.date):
                out.append(_p(r, "staff", f"{sid!r} is not on the roster on {r.date}"))
    elif isinstance(r, Completion):
        if r.date < end:
            out.append(_p(r, "date", f"the completion is confirmed after the term ends ({end})"))
        if r.amount > c.final_payment.cap:
            out.append(_p(r, "amount", f"{fmt(r.amount)} is above the final payment's cap "
                          f"{fmt(c.final_payment.cap)} ({c.final_payment.clause})"))
    return out


def _incident_problems(c: Contract, people: dict[str, Person], r: Incident) -> list[Problem]:
    penalty = c.penalties.get(r.penalty)
    if penalty is None:
        valid = [k for k, p in c.penalties.items() if not p.computed]
        return [_p(r, "penalty", f"{r.penalty!r} is not a penalty of the contract"
                   f"{did_you_mean(r.penalty, valid)} (valid: {', '.join(valid)})")]
    out = []
    if penalty.computed:
        out.append(_p(r, "penalty", f"{r.penalty} is computed from attendance and demands; "
                      f"record attendance instead"))
    elif penalty.basis == "percent-of-total" or penalty.amount is not None:
        if r.amount is not None:
            fixed = c.penalty_amount_fixed(r.penalty)
            out.append(_p(r, "amount", f"{r.penalty} is fixed at {fmt(fixed or Decimal(0))}; "
                          f"leave the amount out"))
    elif r.amount is None:
        out.append(_p(r, "amount", f"{r.penalty} has no fixed amount: give the amount per "
                      f"{'case' if penalty.basis == 'per-case' else 'occurrence'} "
                      f"({_range(penalty.min, penalty.max)})"))
    elif (penalty.min is not None and r.amount < penalty.min) or \
            (penalty.max is not None and r.amount > penalty.max):
        out.append(_p(r, "amount", f"{fmt(r.amount)} is outside {r.penalty}'s range "
                      f"{_range(penalty.min, penalty.max)} ({penalty.clause})"))
    for sid in r.staff:
        person = people.get(sid)
        if person is None or person.joined > r.date:
            out.append(_p(r, "staff", f"{sid!r} is not on the roster on {r.date}"))
    return out


def _range(lo: Decimal | None, hi: Decimal | None) -> str:
    if lo is not None and hi is not None:
        return f"{fmt(lo)} to {fmt(hi)}"
    return f"at least {fmt(lo)}" if lo is not None else f"at most {fmt(hi or Decimal(0))}"


def _overlaps(records: list[Record]) -> list[Problem]:
    out = []
    attendance: dict[tuple[date, str], Attendance] = {}
    demands: dict[str, list[Demand]] = defaultdict(list)
    completions: list[Completion] = []
    for r in records:
        if isinstance(r, Attendance):
            first = attendance.setdefault((r.date, r.shift), r)
            if first is not r:
                out.append(_p(r, "shift", f"a second attendance record for {r.date} {r.shift} "
                              f"(first: {first.source.file}:{first.source.line}); use --replace"))
        elif isinstance(r, Demand):
            for other in demands[r.shift]:
                if other.date <= r.to and r.date <= other.to:
                    out.append(_p(r, "date", f"overlaps demand {other.id} ({other.date}.."
                                  f"{other.to}) for the {r.shift} shift; void it first"))
            demands[r.shift].append(r)
        elif isinstance(r, Completion):
            if completions:
                out.append(_p(r, "id", f"a completion is already recorded ({completions[0].id}); "
                              f"void it first"))
            completions.append(r)
    return out


def _money_limits(c: Contract, records: list[Record]) -> list[Problem]:
    """No instalment is paid beyond its amount, nor the final payment beyond its confirmed
    amount (DOMAIN rule 8)."""
    out = []
    paid: dict[int | str, Decimal] = defaultdict(Decimal)
    confirmed = next((r.amount for r in records if isinstance(r, Completion)), None)
    for r in records:
        if not isinstance(r, Payment):
            continue
        if r.instalment == "final":
            limit = confirmed
            if limit is None:
                out.append(_p(r, "instalment", "the final payment needs a completion "
                              "confirmation first (`seatledger record completion`)"))
                continue
        else:
            inst = c.instalment(int(r.instalment))
            if inst is None:
                continue
            limit = inst.amount
        remaining = limit - paid[r.instalment]
        if r.amount > remaining:
            out.append(_p(r, "amount", f"{fmt(r.amount)} is more than the {fmt(remaining)} that "
                          f"remains unpaid of instalment {r.instalment}"))
        paid[r.instalment] += r.amount
    return out
