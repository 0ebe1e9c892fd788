"""Rule 21: a ledger recorded from a day after the term's start brings forward what stood on
that day in one opening record, dated that day, whose keys are the contract's. Without one,
`check` warns where an instalment before that day has no payment recorded: it reads as unpaid."""

from __future__ import annotations

from seatledger.checks.problem import problem
from seatledger.core.contract import Contract
from seatledger.core.errors import Problem
from seatledger.core.i18n import msg
from seatledger.core.ledger import Ledger
from seatledger.core.opening import Opening, amounts
from seatledger.core.records import Record
from seatledger.rules.balance_owed import unopened
from seatledger.rules.book import Book


def opening_problems(ledger: Ledger, book: Book, counted: list[Record]) -> list[Problem]:
    meta, term = ledger.meta, ledger.contract.term
    openings = [r for r in counted if isinstance(r, Opening)]
    if not openings:
        unpaid = unopened(book) if term.start < meta.recorded_from <= term.end else ()
        return [_missing(ledger, unpaid)] if unpaid else []
    opening, out = openings[0], []
    out += [
        problem(r, "id", msg("a second opening record ({id}); void one of them", id=opening.id))
        for r in openings[1:]
    ]
    if opening.date != meta.recorded_from or opening.date <= term.start:
        out.append(
            problem(
                opening,
                "date",
                msg(
                    "an opening record stands on the ledger's recorded_from day, after the term's "
                    "start {start}; this ledger is recorded from {day} (rule 21)",
                    start=term.start,
                    day=meta.recorded_from,
                ),
            )
        )
    out += _keys(ledger.contract, opening)
    return out


def _missing(ledger: Ledger, unpaid: tuple[int, ...]) -> Problem:
    meta, where = ledger.meta, ledger.meta.source
    return Problem(
        where.file,
        where.line_of("recorded_from"),
        "recorded_from",
        msg(
            "the ledger is recorded from {day}, after the term's start {start}, and has no opening "
            "record, so instalment(s) {values} read as unpaid: bring forward what was paid, "
            "invoiced and deducted before that day and is not recorded with `seatledger record "
            "opening --date {day} --paid 1=AMOUNT --deducted PENALTY=AMOUNT` (rule 21)",
            day=meta.recorded_from,
            values=", ".join(map(str, unpaid)),
            start=ledger.contract.term.start,
        ),
        severity="warning",
        code="no-opening",
    )


def _keys(c: Contract, opening: Opening) -> list[Problem]:
    out = []
    numbers = {str(i.number) for i in c.instalments} | {"final"}
    for field in ("paid", "invoiced"):
        for key in amounts(getattr(opening, field)):
            if key not in numbers:
                found = msg(
                    "{key} is not an instalment; valid: {values}", key=key, values=", ".join(sorted(numbers))
                )
                out.append(problem(opening, field, found))
    for key in amounts(opening.deducted):
        if key not in c.penalties:
            found = msg("{key} is not a penalty; valid: {values}", key=key, values=", ".join(c.penalties))
            out.append(problem(opening, "deducted", found))
    return out
