"""`portfolio`: find every contract of the repository, load and check each ledger once (the
verdict cache spares a clean one), and total the figures `settle` gives."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import NamedTuple

from seatledger.app.ledger_access import open_with_book
from seatledger.app.periods import option_date
from seatledger.core.contract import Contract
from seatledger.core.errors import Problem, SeatledgerError, UsageError
from seatledger.core.i18n import msg
from seatledger.read.contract_file import load_contract
from seatledger.read.locate import Paths, contract_files
from seatledger.reports.portfolio import ContractRow, Portfolio, figures, portfolio
from seatledger.rules.book import make_book


class Filters(NamedTuple):
    party: str | None = None  # a part of either party's name
    year: int | None = None  # the term overlaps this calendar year
    contracts: tuple[str, ...] = ()  # contract ids


def run(filters: Filters, as_of: str | None) -> Portfolio:
    day = option_date(as_of, "--as-of") if as_of else date.today()
    found = contract_files()
    rows = [_row(path, ledger, day) for path, ledger in found]
    chosen = [r for r in rows if _wanted(r, filters)]
    unknown = [c for c in filters.contracts if c not in {r.id for r in rows}]
    if unknown:
        raise UsageError(
            msg(
                "--contract {value}: no such contract; valid: {values}",
                value=", ".join(unknown),
                values=", ".join(r.id for r in rows),
            )
        )
    return portfolio(chosen, day)


def _wanted(r: ContractRow, f: Filters) -> bool:
    if f.contracts and r.id not in f.contracts:
        return False
    if f.year is not None and not r.start.year <= f.year <= r.end.year:
        return False
    return f.party is None or f.party.casefold() in f"{r.party_a}\n{r.party_b}".casefold()


def _row(path: Path, ledger: Path, day: date) -> ContractRow:
    try:
        contract = load_contract(path)
    except SeatledgerError as exc:
        problems = tuple(exc.problems) or (Problem(path.as_posix(), 0, "", exc.message),)
        where = (path.as_posix(), ledger.as_posix())
        return ContractRow(path.stem, "", "", "", day, day, *where, problems, None)
    row = _named(contract, path, ledger)
    if not ledger.is_dir():
        missing = msg("{ledger}: no ledger folder; create it with `seatledger init`", ledger=ledger)
        return row._replace(problems=(Problem(ledger.as_posix(), 0, "", missing),))
    try:
        loaded, book = open_with_book(Paths(path, ledger))
    except SeatledgerError as exc:
        return row._replace(problems=tuple(exc.problems) or (Problem(ledger.as_posix(), 0, "", exc.message),))
    errors = tuple(p for p in loaded.problems if p.severity == "error" and p.code != "gap")
    if errors:
        return row._replace(problems=errors)
    return row._replace(figures=figures(book if book is not None else make_book(loaded), day))


def _named(c: Contract, path: Path, ledger: Path) -> ContractRow:
    return ContractRow(
        c.id,
        c.title,
        c.parties.a.name,
        c.parties.b.name,
        c.term.start,
        c.term.end,
        path.as_posix(),
        ledger.as_posix(),
        (),
        None,
    )
