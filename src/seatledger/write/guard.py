"""What every append refuses before it writes: a ledger with a problem (rule 13), since what
is written into it cannot be checked against what cannot be read, and a problem left standing
only grows; and a write that would break the seal of a closed quarter (rule 12)."""

from __future__ import annotations

from seatledger.core.errors import Problem, SeatledgerError
from seatledger.core.i18n import msg
from seatledger.core.ledger import Ledger, closed_quarters
from seatledger.core.periods import quarter_named
from seatledger.reports.seal import seal
from seatledger.rules.book import make_book

SHOWN = 5  # problems named in a refusal; `check` lists them all


def errors(problems: list[Problem]) -> list[Problem]:
    """The problems that stop a write: errors, not findings such as gaps."""
    return [p for p in problems if p.severity == "error" and p.code != "gap"]


def refuse_any(problems: list[Problem]) -> None:
    """Refuse while the ledger's files have any problem: nothing can be fixed by appending."""
    found = errors(problems)
    if found:
        raise SeatledgerError(
            msg(
                "refused: the ledger has {n_problems} problem(s) (the first are below); fix them "
                "first (`seatledger check` lists them all); nothing was written",
                n_problems=len(found),
            ),
            found[:SHOWN],
        )


def refuse_standing(before: list[Problem], after: list[Problem]) -> None:
    """Refuse a write into a ledger with problems unless it fixes one of them (a void of a
    record entered twice, a person added to a roster too short): the rest then stay."""
    standing = errors(before)
    if standing and set(standing) <= set(after):
        refuse_any(standing)


def refuse_broken_seals(ledger: Ledger, trial: Ledger) -> None:
    """A write into an open quarter must not change a closed one's figures (a record in a
    reopened Q2 changes the balance Q3 was closed with): refuse it, naming the quarter."""
    closed = closed_quarters(ledger.closings)
    if not closed:
        return
    book = make_book(trial)
    for label, entry in sorted(closed.items()):
        try:
            quarter = quarter_named(ledger.contract, label)
        except ValueError:
            continue  # `check` names the entry
        if seal(trial, book, quarter).digest != entry.digest:
            raise SeatledgerError(
                msg(
                    "refused: this would change closed quarter {label} (closed on {date}), whose "
                    "seal would no longer match; reopen it first (`seatledger reopen --quarter "
                    '{label} --reason "..."`); nothing was written',
                    label=label,
                    date=entry.date,
                )
            )
