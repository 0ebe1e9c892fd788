"""Checks: a pass over a loaded ledger that returns every problem, as values. `check` runs it
over the whole ledger; every record command runs it over the ledger plus its new record and
refuses the write when the new record is at fault, so each rule lives here once. (Closed
quarters are checked a layer up, in `git.closings`, since their seal is a report.)"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable
from datetime import date
from decimal import Decimal
from pathlib import Path
from typing import NamedTuple

from seatledger.checks.duplicates import duplicate_problems
from seatledger.checks.interest_floor import floor_findings
from seatledger.checks.invoices import invoice_findings, invoice_problems
from seatledger.checks.opening import opening_problems
from seatledger.checks.payment_law import payment_law_findings
from seatledger.checks.problem import problem
from seatledger.checks.records import People, record_problems
from seatledger.checks.references import reference_problems
from seatledger.checks.roster import roster_problems
from seatledger.checks.service_levels import level_problems
from seatledger.checks.termination import service_problems
from seatledger.core.amendments import terms_on
from seatledger.core.contract import Contract
from seatledger.core.errors import Problem, SeatledgerError
from seatledger.core.i18n import msg
from seatledger.core.ledger import Ledger
from seatledger.core.money import fmt
from seatledger.core.records import (
    DECLARED,
    Attendance,
    Completion,
    Demand,
    Payment,
    Record,
    Void,
)
from seatledger.core.vocabulary import term
from seatledger.rules.book import Book, make_book
from seatledger.rules.gaps import gaps

_BULK = frozenset(d.cls for d in DECLARED.values() if d.bulk)


class Checked(NamedTuple):
    """What every check reads: the ledger, its book, the records that count, and those of them
    that are not bulk (attendance and activities are nearly every record, and most checks never
    read them)."""

    ledger: Ledger
    book: Book
    counted: list[Record]
    rare: list[Record]


Check = Callable[[Checked], list[Problem]]


def ledger_problems(ledger: Ledger, book: Book | None = None) -> list[Problem]:
    """Every problem of `ledger`, check by check (CHECKS); `book`: its book where the caller
    has made it already."""
    book = make_book(ledger) if book is None else book
    counted = list(book.records)
    checked = Checked(ledger, book, counted, [r for r in counted if type(r) not in _BULK])
    return [found for check in CHECKS for found in check(checked)]


def _ids(x: Checked) -> list[Problem]:
    out = []
    seen: dict[str, Record] = {}
    for r in x.ledger.records:
        first = seen.setdefault(r.id, r)
        if first is not r:
            where = first.source
            out.append(
                problem(
                    r,
                    "id",
                    msg("{id!r} is already used ({file}:{line})", id=r.id, file=where.file, line=where.line),
                )
            )
    return out


def _each_record(x: Checked) -> list[Problem]:
    """Every record by itself, voided ones included: a voided record stays in its file, so its
    fields still name what the contract and roster know; only its money is not counted."""
    c, people = x.ledger.contract, People({p.id: p for p in x.ledger.roster})
    return [
        found for r in x.ledger.records if not isinstance(r, Void) for found in record_problems(c, people, r)
    ]


def _recorded_from(x: Checked) -> list[Problem]:
    """Rule 6: attendance is expected from a day of the term; a day outside it would make every
    gap vanish (after the term) or stand before the contract began (before it)."""
    meta, term = x.ledger.meta, x.ledger.contract.term
    if term.start <= meta.recorded_from <= term.end:
        return []
    where = meta.source
    return [
        Problem(
            where.file,
            where.line_of("recorded_from"),
            "recorded_from",
            msg(
                "{day} is outside the term {start}..{end}; attendance is expected from a day of the "
                "term (rule 6)",
                day=meta.recorded_from,
                start=term.start,
                end=term.end,
            ),
        )
    ]


def _gaps(x: Checked) -> list[Problem]:
    """Rule 6: attendance for every shift that requires staff, from `recorded_from` on."""
    if _recorded_from(x):
        return []  # the gaps of a day outside the term say nothing
    ledger, out = x.ledger, []
    try:
        requirements = x.book.requirements
        attended = {(r.date, r.shift) for r in x.counted if isinstance(r, Attendance)}
        # A month left with conflict markers is not read: its days are not gaps but unknown.
        unread = {Path(p.file).name for p in ledger.problems if p.code == "conflict-marker"}
        for d, shift in gaps(ledger.meta.recorded_from, requirements, attended):
            if f"{d:%Y-%m}.yaml" in unread:
                continue
            out.append(
                Problem(
                    ledger.path.joinpath(f"{d:%Y-%m}.yaml").as_posix(),
                    0,
                    "date",
                    msg(
                        "gap: no attendance recorded for {d} {shift} shift, which requires "
                        "{required} (rule 6)",
                        d=d,
                        shift=term(shift),
                        required=requirements.required(d, shift),
                    ),
                    record=f"att-{d}-{shift}",
                    code="gap",
                )
            )
    except SeatledgerError as exc:  # the calendar has no data for a date: say so, once
        out.append(Problem(str(ledger.contract_path), 0, "calendar", exc.message))
    return out


# Every check of a ledger, in the order their problems are listed.
CHECKS: tuple[Check, ...] = (
    lambda x: floor_findings(x.ledger.contract, x.ledger.contract_path),
    lambda x: payment_law_findings(x.ledger.contract, x.ledger.contract_path),
    lambda x: roster_problems(x.ledger.contract, x.ledger.roster),
    _ids,
    _each_record,
    lambda x: _overlaps(x.counted),
    lambda x: duplicate_problems(x.counted),
    lambda x: reference_problems(x.rare, x.ledger.records),
    lambda x: service_problems(x.ledger.contract, x.counted),
    lambda x: _at_opening(x.book, invoice_problems(x.ledger.contract, [*_brought_forward(x.book), *x.rare])),
    lambda x: invoice_findings(x.book),
    lambda x: _at_opening(x.book, _money_limits(x.ledger.contract, [*_brought_forward(x.book), *x.rare])),
    _recorded_from,
    _gaps,
    lambda x: opening_problems(x.ledger, x.book, x.rare),
    lambda x: level_problems(x.ledger.contract, x.rare),
)


def _brought_forward(book: Book) -> list[Record]:
    """The opening's payments and invoices (rule 21), counted first against each instalment."""
    o = book.opening
    if o is None:
        return []
    mine = f"{o.id}-"
    return [
        *(p for p in book.payments if p.id.startswith(mine)),
        *(i for i in book.invoices if i.id.startswith(mine)),
    ]


def _at_opening(book: Book, problems: list[Problem]) -> list[Problem]:
    """A problem of the opening's payment or invoice, at the opening's own field (rule 21)."""
    o = book.opening
    if o is None:
        return problems
    out = []
    for p in problems:
        if p.record.startswith(f"{o.id}-"):
            field = "paid" if "-paid-" in p.record else "invoiced"
            p = p._replace(line=o.source.line_of(field), field=field, record=o.id)
        out.append(p)
    return out


def _overlaps(records: list[Record]) -> list[Problem]:
    out = []
    attendance: dict[tuple[date, str], Attendance] = {}
    demands: dict[str, list[Demand]] = defaultdict(list)
    completions: list[Completion] = []
    for r in records:
        if isinstance(r, Attendance):
            first = attendance.setdefault((r.date, r.shift), r)
            if first is not r:
                out.append(
                    problem(
                        r,
                        "shift",
                        msg(
                            "a second attendance record for {date} {shift} (first: {file}:{line}); "
                            "use --replace",
                            date=r.date,
                            shift=term(r.shift),
                            file=first.source.file,
                            line=first.source.line,
                        ),
                    )
                )
        elif isinstance(r, Demand):
            for other in demands[r.shift]:
                if other.date <= r.to and r.date <= other.to:
                    out.append(
                        problem(
                            r,
                            "date",
                            msg(
                                "overlaps demand {id} ({date}..{to}) for the {shift} shift; void it first",
                                id=other.id,
                                date=other.date,
                                to=other.to,
                                shift=term(r.shift),
                            ),
                        )
                    )
            demands[r.shift].append(r)
        elif isinstance(r, Completion):
            if completions:
                out.append(
                    problem(
                        r,
                        "id",
                        msg("a completion is already recorded ({id}); void it first", id=completions[0].id),
                    )
                )
            completions.append(r)
    return out


def _money_limits(c: Contract, records: list[Record]) -> list[Problem]:
    """No instalment is paid beyond its amount, nor the final payment beyond its confirmed
    amount (rule 8)."""
    out = []
    paid: dict[int | str, Decimal] = defaultdict(Decimal)
    confirmed = next((r.amount for r in records if isinstance(r, Completion)), None)
    for r in records:
        if not isinstance(r, Payment):
            continue
        if r.instalment == "final":
            limit = confirmed
            if limit is None:
                out.append(
                    problem(
                        r,
                        "instalment",
                        msg(
                            "the final payment needs a completion confirmation first (`seatledger "
                            "record completion`)"
                        ),
                    )
                )
                continue
        else:
            signed = c.instalment(int(r.instalment))
            inst = terms_on(c, signed.start).contract.instalment(signed.number) if signed else None
            if inst is None:
                continue
            limit = inst.amount
        remaining = limit - paid[r.instalment]
        if r.amount > remaining:
            out.append(
                problem(
                    r,
                    "amount",
                    msg(
                        "{amount} is more than the {amount2} that remains unpaid of instalment {instalment}",
                        amount=fmt(r.amount),
                        amount2=fmt(remaining),
                        instalment=r.instalment,
                    ),
                )
            )
        paid[r.instalment] += r.amount
    return out
