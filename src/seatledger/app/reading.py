"""What each reading command does, between parsed arguments and rendering: find the files,
load once, call one report. The commands that write are in `mutations`."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, NamedTuple

from seatledger.core.dates import parse_date, parse_month
from seatledger.core.errors import Problem, SeatledgerError, UsageError
from seatledger.read.contract_file import load_contract
from seatledger.read.ledger_files import Ledger, load
from seatledger.read.locate import resolve

if TYPE_CHECKING:
    from seatledger.core.contract import Contract
    from seatledger.core.periods import Period
    from seatledger.reports.balance import BalanceRow
    from seatledger.reports.calendar_days import CalendarDay
    from seatledger.reports.compliance import ComplianceReport
    from seatledger.reports.deductions import DeductionReport
    from seatledger.reports.ledger_diff import LedgerDiff
    from seatledger.reports.roster_check import RosterReport
    from seatledger.reports.settlement import Statement
    from seatledger.rules.book import Book


def existing_ledger(ledger: Path) -> Path:
    if not ledger.is_dir():
        raise SeatledgerError(f"{ledger}: no ledger folder; create it with `seatledger init`")
    return ledger


def option_date(value: str, option: str) -> date:
    try:
        return parse_date(value)
    except ValueError as exc:
        raise UsageError(f"{option}: {exc}") from None


def check(contract: Path | None, ledger: Path | None) -> tuple[list[Problem], str]:
    """Every problem, and a line saying what was checked."""
    paths = resolve(contract, ledger)
    try:
        if not paths.ledger.is_dir():
            load_contract(paths.contract)  # the contract's own problems come first
        led = load(paths.contract, existing_ledger(paths.ledger))
    except SeatledgerError as exc:
        if exc.problems:
            return exc.problems, f"{paths.contract}"
        raise
    months = len({r.source.file for r in led.records})
    return led.problems, (f"{paths.contract} and {paths.ledger}: {len(led.records)} records in "
                          f"{months} month files, {len(led.roster)} people on the roster")


def calendar(contract: Path | None, ledger: Path | None, month: str) -> list[CalendarDay]:
    from seatledger.reports.calendar_days import month_calendar

    try:
        year, mon = parse_month(month)
    except ValueError as exc:
        raise UsageError(f"--month: {exc}") from None
    paths = resolve(contract, ledger)
    if paths.ledger.is_dir():
        led: Ledger = load(paths.contract, paths.ledger, checks=False)
        return month_calendar(led.contract, led.records, year, mon)
    return month_calendar(load_contract(paths.contract), (), year, mon)


class PeriodArgs(NamedTuple):
    month: str | None = None
    quarter: str | None = None
    instalment: int | None = None
    start: str | None = None
    end: str | None = None


def book_for(contract: Path | None, ledger: Path | None) -> Book:
    from seatledger.rules.book import make_book

    paths = resolve(contract, ledger)
    return make_book(load(paths.contract, existing_ledger(paths.ledger), checks=False))


def period_from(contract: Contract, args: PeriodArgs) -> Period:
    from seatledger.core.periods import parse_period

    return parse_period(contract, month=args.month, quarter=args.quarter,
                        instalment=args.instalment, start=args.start, end=args.end)


def deduct(contract: Path | None, ledger: Path | None, args: PeriodArgs) -> DeductionReport:
    from seatledger.reports.deductions import deduct as report

    book = book_for(contract, ledger)
    return report(book, period_from(book.contract, args))


def settle(contract: Path | None, ledger: Path | None, args: PeriodArgs, as_of: str | None,
           final: bool) -> Statement:
    from seatledger.core.periods import Period
    from seatledger.reports.settlement import settle as report

    book = book_for(contract, ledger)
    day = option_date(as_of, "--as-of") if as_of else None
    if final:
        if any(v is not None for v in args):
            raise UsageError("--final covers the whole term; give no other period")
        last = max((r.date for r in book.records), default=book.contract.term.end)
        end = day or max(last, book.contract.term.end)
        return report(book, Period("final settlement", book.contract.term.start, end), end,
                      final=True)
    period = period_from(book.contract, args)
    if day is not None and day < period.start:
        raise UsageError(f"--as-of {day} is before the period starts {period.start}")
    return report(book, period, day)


def balance(contract: Path | None, ledger: Path | None, args: PeriodArgs,
            by: str | None) -> list[BalanceRow]:
    from seatledger.core.periods import Period
    from seatledger.reports.balance import balance as report

    book = book_for(contract, ledger)
    if all(v is None for v in args):
        last = max((r.date for r in book.records), default=book.contract.term.end)
        period = Period("term", book.contract.term.start, max(last, book.contract.term.end))
    else:
        period = period_from(book.contract, args)
    return report(book, period, by)


def check_roster(contract: Path | None, ledger: Path | None, args: PeriodArgs,
                 on: str | None) -> RosterReport:
    from seatledger.core.periods import Period
    from seatledger.reports.roster_check import check_roster as report

    book = book_for(contract, ledger)
    if on is not None:
        if any(v is not None for v in args):
            raise UsageError("give --date or a period, not both")
        day = option_date(on, "--date")
    elif all(v is None for v in args):
        day_shifts = [d for d, shift in book.attendance if shift == "day"]
        day = max(day_shifts, default=book.contract.term.start)
    else:
        return report(book, period_from(book.contract, args))
    c = book.contract
    if not c.term.start <= day <= c.term.end:
        raise UsageError(f"--date {day} is outside the term {c.term.start}..{c.term.end}")
    return report(book, Period(str(day), day, day))


def compliance(contract: Path | None, ledger: Path | None, args: PeriodArgs) -> ComplianceReport:
    from seatledger.reports.compliance import compliance as report

    book = book_for(contract, ledger)
    return report(book, period_from(book.contract, args))


def diff(contract: Path | None, ledger: Path | None, revs: list[str],
         base_branch: str | None) -> LedgerDiff:
    import tempfile

    from seatledger.git import repo as gitrepo
    from seatledger.reports.ledger_diff import compare

    if len(revs) > 2:
        raise UsageError("diff takes at most two revisions")
    paths = resolve(contract, ledger)
    contract_abs, ledger_abs = paths.contract.resolve(), paths.ledger.resolve()
    root = gitrepo.repo_root(ledger_abs.parent if not ledger_abs.exists() else ledger_abs)
    try:
        rel = [contract_abs.relative_to(root), ledger_abs.relative_to(root)]
    except ValueError:
        raise SeatledgerError(f"the contract and the ledger must lie inside the repository "
                              f"{root}") from None
    if revs:
        base_label, base = revs[0], gitrepo.verify(root, revs[0])
    else:
        base_label, base = gitrepo.merge_base(root, base_branch)
    head_label, head = (revs[1], gitrepo.verify(root, revs[1])) if len(revs) == 2 \
        else ("working tree", None)
    with tempfile.TemporaryDirectory(prefix="seatledger-diff-") as tmp:
        def at(rev: str | None, name: str) -> Ledger | None:
            if rev is None:
                return load(contract_abs, existing_ledger(ledger_abs), checks=False)
            dest = Path(tmp) / name
            gitrepo.export(root, rev, rel, dest)
            led_dir, con = dest / rel[1], dest / rel[0]
            if not (led_dir / "ledger.yaml").exists():
                return None
            return load(con if con.exists() else contract_abs, led_dir, checks=False)

        before, after = at(base, "base"), at(head, "head")
        if after is None:
            raise SeatledgerError(f"there is no ledger at {rel[1]} in {head_label}")
        return compare(before, after, f"{base_label} ({base[:10]})",
                       head_label if head is None else f"{head_label} ({head[:10]})")
