"""`portfolio`: find every contract of the repository, load and check each ledger once (the
verdict cache spares a clean one), and total the figures `settle` gives."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, NamedTuple

from seatledger import __version__
from seatledger.app import portfolio_cache
from seatledger.app.periods import option_date
from seatledger.core.errors import Problem, SeatledgerError, UsageError
from seatledger.core.i18n import msg
from seatledger.core.ledger import Ledger
from seatledger.read import cache, verdicts
from seatledger.read.contract_file import Head
from seatledger.read.locate import Paths, found_contracts
from seatledger.reports.portfolio import ContractRow, Portfolio, figures, portfolio
from seatledger.rules.book import Book, make_book
from seatledger.write.output import refuse_output

if TYPE_CHECKING:
    from seatledger.reports.export_tables import Rows

# Imported where first used: a warm portfolio reads every figure from the cache and needs
# neither the checks, git, nor the export's tables (their imports were a tenth of its time).


class Filters(NamedTuple):
    party: str | None = None  # a part of either party's name
    year: int | None = None  # the term overlaps this calendar year
    contracts: tuple[str, ...] = ()  # contract ids


def run(filters: Filters, as_of: str | None) -> Portfolio:
    day, chosen = _chosen(filters, as_of)
    return portfolio([_with_figures(r, path, ledger, day) for r, path, ledger in chosen], day)


def export_sqlite(filters: Filters, as_of: str | None, output: Path) -> int:
    """`export --sqlite FILE`: the tables (`reports.export_tables`), stamped with the git
    commit of the repository; returns the records exported. Over an earlier export by this
    code, a contract whose key is unchanged keeps its rows there and is not read at all."""
    from seatledger.render import sqlite_file  # sqlite3 only for an export
    from seatledger.reports import export_tables

    refuse_output(output)
    day, chosen = _chosen(filters, as_of)
    keys = {r.id: _export_key(r, path, ledger, day) for r, path, ledger in chosen}
    code = cache.code_key()
    reuse = len(keys) == len(chosen) and cache.configured() is not None  # ids unique, cache on
    before = sqlite_file.exported(output, code) if reuse else {}
    kept = {cid for cid, key in keys.items() if key is not None and before.get(cid) == key}
    built = [(r.id, _rows(r, path, ledger, day)) for r, path, ledger in chosen if r.id not in kept]
    parts = [rows for _id, (rows, _kept) in built]
    # Only rows that follow from the files alone are kept for the next export.
    known = {cid: keys[cid] for cid, (_rows, keep) in built if keep} | {cid: keys[cid] for cid in kept}
    stamp = {"as_of": day.isoformat(), "git_commit": _commit(), "seatledger": __version__}
    return sqlite_file.write_database(
        output, export_tables.tables(parts), stamp, (code, {k: v for k, v in known.items() if v}), kept
    )


def _export_key(row: ContractRow, path: Path, ledger: Path, day: date) -> str | None:
    """What a contract's rows follow from: its files' digest and the cache entry's name."""
    key = _key(row, path, ledger)
    return f"{key}\0{portfolio_cache.name(path, ledger, day)}" if key else None


def _key(row: ContractRow, path: Path, ledger: Path) -> str | None:
    return _digest(path, ledger) if not row.problems and ledger.is_dir() else None


def _digest(path: Path, ledger: Path) -> str | None:
    """The verdict digest, hashing only files whose status changed (`read.file_digests`)."""
    return verdicts.digest(path, ledger, remembered=True)


def _commit() -> str | None:
    """HEAD, marked -dirty where contracts/ or ledgers/ differ from it; None outside git."""
    from seatledger.git import repo

    try:
        head = repo.git(Path.cwd(), "rev-parse", "HEAD").strip()
        dirty = repo.git(Path.cwd(), "status", "--porcelain", "--", "contracts", "ledgers").strip()
    except (SeatledgerError, OSError):
        return None
    return head + ("-dirty" if dirty else "")


def _rows(row: ContractRow, path: Path, ledger: Path, day: date) -> tuple[Rows, bool]:
    """A contract's export rows, and whether they follow from its files alone: from the cache
    where its files are unchanged (a ledger with errors is read again every time), else built
    from its book."""
    from seatledger.reports import export_tables

    key = _key(row, path, ledger)
    name = portfolio_cache.name(path, ledger, day)
    found = portfolio_cache.get_rows(key, name, tuple(export_tables.TABLES))
    if found is not None:
        return found, True
    row, book = _figured(row, path, ledger, day, key)
    rows = export_tables.contract_rows(row, book)
    keep = row.figures is not None and _digest(path, ledger) == key
    if keep:
        portfolio_cache.put_rows(key, name, rows)
    return rows, keep


def _with_figures(row: ContractRow, path: Path, ledger: Path, day: date) -> ContractRow:
    """The row with its figures and warnings: from the cache where the contract's files are
    unchanged, so that no month file is read."""
    key = _key(row, path, ledger)
    name = portfolio_cache.name(path, ledger, day)
    found = portfolio_cache.get_figures(key, name)
    if found is not None:
        return row._replace(problems=found[0], figures=found[1])
    row, _book = _figured(row, path, ledger, day, key)
    if row.figures is not None and _digest(path, ledger) == key:
        portfolio_cache.put_figures(key, name, (row.problems, row.figures))
    return row


def _chosen(filters: Filters, as_of: str | None) -> tuple[date, list[tuple[ContractRow, Path, Path]]]:
    """The contracts the filters choose, with their files; no ledger is read yet."""
    day = option_date(as_of, "--as-of") if as_of else date.today()
    named = [(_contract(path, ledger, day, found), path, ledger) for path, ledger, found in found_contracts()]
    unknown = [c for c in filters.contracts if c not in {r.id for r, _p, _l in named}]
    if unknown:
        raise UsageError(
            msg(
                "--contract {value}: no such contract; valid: {values}",
                value=", ".join(unknown),
                values=", ".join(r.id for r, _p, _l in named),
            )
        )
    return day, [(r, path, ledger) for r, path, ledger in named if _wanted(r, filters)]


def _wanted(r: ContractRow, f: Filters) -> bool:
    if f.contracts and r.id not in f.contracts:
        return False
    if f.year is not None and not r.start.year <= f.year <= r.end.year:
        return False
    return f.party is None or f.party.casefold() in f"{r.party_a}\n{r.party_b}".casefold()


def _contract(path: Path, ledger: Path, day: date, found: Head | SeatledgerError) -> ContractRow:
    if isinstance(found, SeatledgerError):
        exc = found
        problems = tuple(exc.problems) or (Problem(path.as_posix(), 0, "", exc.message),)
        return ContractRow(
            path.stem, "", "", "", day, day, path.as_posix(), ledger.as_posix(), problems, None
        )
    h = found
    where = (path.as_posix(), ledger.as_posix())
    return ContractRow(h.id, h.title, h.party_a, h.party_b, h.start, h.end, *where, (), None, h.renews)


def open_with_book(paths: Paths, *, key: str | None, remembered: bool) -> tuple[Ledger, Book | None]:
    from seatledger.app import ledger_access

    return ledger_access.open_with_book(paths, key=key, remembered=remembered)


def _figured(
    row: ContractRow, path: Path, ledger: Path, day: date, key: str | None
) -> tuple[ContractRow, Book | None]:
    if row.problems:
        return row, None
    if not ledger.is_dir():
        missing = msg("{ledger}: no ledger folder; create it with `seatledger init`", ledger=ledger)
        return row._replace(problems=(Problem(ledger.as_posix(), 0, "", missing),)), None
    try:
        loaded, book = open_with_book(Paths(path, ledger), key=key, remembered=True)
    except SeatledgerError as exc:
        problems = tuple(exc.problems) or (Problem(ledger.as_posix(), 0, "", exc.message),)
        return row._replace(problems=problems), None
    errors = tuple(p for p in loaded.problems if p.severity == "error" and p.code != "gap")
    if errors:
        return row._replace(problems=errors), None
    book = book if book is not None else make_book(loaded)
    warnings = tuple(p for p in loaded.problems if p not in errors)
    return row._replace(problems=warnings, figures=figures(book, day)), book
