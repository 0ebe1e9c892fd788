"""Finding, loading and checking the ledger a command works on: the one place where the
app reads files, so each command function gets a loaded (and, where it needs one, checked)
ledger."""

from __future__ import annotations

from pathlib import Path

from seatledger.checks.ledger import ledger_problems
from seatledger.core.contract import Contract
from seatledger.core.errors import SeatledgerError
from seatledger.core.i18n import msg
from seatledger.core.ledger import Ledger
from seatledger.git.closings import closing_problems
from seatledger.read import verdicts
from seatledger.read.ledger_files import load
from seatledger.read.locate import Paths, resolve
from seatledger.rules.book import Book, make_book
from seatledger.write.guard import refuse_any


def existing_ledger(ledger: Path) -> Path:
    if not ledger.is_dir():
        raise SeatledgerError(
            msg("{ledger}: no ledger folder; create it with `seatledger init`", ledger=ledger)
        )
    return ledger


def paths_of(contract: Path | None, ledger: Path | None) -> Paths:
    """The contract file and an existing ledger folder."""
    paths = resolve(contract, ledger)
    return Paths(paths.contract, existing_ledger(paths.ledger))


def checked(ledger: Ledger, book: Book, *, closings: bool = True) -> Ledger:
    """The ledger with every problem the checks find added to those met while reading;
    `book`: the ledger's, made once for the checks, the closings and the run's report.
    Closed quarters are resealed only where asked: that computes their figures."""
    problems = [*ledger.problems, *ledger_problems(ledger, book)]
    if closings and ledger.closings:
        problems += closing_problems(ledger, book)
    return ledger._replace(problems=problems)


def open_checked(paths: Paths, *, closings: bool = True, key: str | None = None) -> Ledger:
    """The loaded ledger with its problems (see `open_with_book`)."""
    return open_with_book(paths, closings=closings, key=key)[0]


def open_with_book(
    paths: Paths, *, closings: bool = True, key: str | None = None
) -> tuple[Ledger, Book | None]:
    """The loaded ledger with its problems, and its book where the checks made one. A ledger
    found clean before, byte for byte and by this code (`read.verdicts`), is not checked
    again; the files are hashed before and after loading, so what was loaded is what the
    verdict is about."""
    key = key or verdicts.digest(paths.contract, paths.ledger)  # `key`: just made by the caller
    ledger = load(paths.contract, paths.ledger)
    if (
        not ledger.problems
        and verdicts.clean(key, paths.contract, paths.ledger) is not None
        and verdicts.digest(paths.contract, paths.ledger) == key
    ):
        return ledger, None
    book = make_book(ledger)
    ledger = checked(ledger, book, closings=closings)
    if (
        not ledger.problems
        and (closings or not ledger.closings)
        and verdicts.digest(paths.contract, paths.ledger) == key
    ):
        verdicts.found_clean(key, paths.contract, paths.ledger, counts(ledger))
    return ledger, book


def open_for_append(paths: Paths) -> Ledger:
    """The checked ledger an append goes into, closed quarters resealed; refused while any of
    its files has a problem (`write.guard`), which no append can fix."""
    key = verdicts.digest(paths.contract, paths.ledger)
    ledger = load(paths.contract, paths.ledger)
    refuse_any(ledger.problems)
    if (
        verdicts.clean(key, paths.contract, paths.ledger) is not None
        and verdicts.digest(paths.contract, paths.ledger) == key
    ):
        return ledger
    return checked(ledger, make_book(ledger))


def clean_book(paths: Paths, what: str | None = None) -> tuple[Ledger, Book]:
    """A ledger that reads cleanly (`refuse_problems`) and its book, made once."""
    ledger, book = open_with_book(paths)
    if what is None:
        refuse_problems(ledger)
    else:
        refuse_problems(ledger, what)
    return ledger, book if book is not None else make_book(ledger)


def counts(ledger: Ledger) -> verdicts.Counts:
    """What `check` reports it read: records, month files holding them, people."""
    return verdicts.Counts(
        len(ledger.records), len({r.source.file for r in ledger.records}), len(ledger.roster)
    )


def refuse_problems(ledger: Ledger, what: str = msg("the ledger")) -> Ledger:
    """No figure is computed while the ledger has a problem (rule 13); findings, such as gaps,
    never stop a report: they are shown with its figures."""
    problems = [p for p in ledger.problems if p.severity == "error" and p.code != "gap"]
    if problems:
        raise SeatledgerError(
            msg(
                "refused: {what} has {n_problems} problem(s), so no figure is computed "
                "until they are fixed (`seatledger check` lists them all):",
                what=what,
                n_problems=len(problems),
            ),
            problems,
        )
    return ledger


def book_for(contract: Path | None, ledger: Path | None) -> Book:
    """The book of a ledger that reads cleanly, for the reports."""
    return clean_book(paths_of(contract, ledger))[1]


def refuse_without_staffing(contract_path: Path, contract: Contract, what: str) -> None:
    """A seat command (attendance, the roster, check-roster) on a contract paid without seats:
    refused, naming the file and the block it lacks, rather than answering with nothing."""
    if contract.staffing is None:
        raise SeatledgerError(
            msg(
                "{contract}: this contract has no staffing terms (no `staffing:` block): {what} "
                "applies only to a contract with seats",
                contract=contract_path,
                what=what,
            )
        )
