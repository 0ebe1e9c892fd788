"""The report commands: load the ledger once, turn the options into a period, call one
report (a pure function of the book and the period)."""

from __future__ import annotations

from pathlib import Path

from seatledger.app.ledger_access import book_for, paths_of, refuse_without_staffing
from seatledger.app.periods import PeriodArgs, option_date, period_from
from seatledger.core.errors import UsageError
from seatledger.core.i18n import msg
from seatledger.core.periods import Period
from seatledger.read.contract_file import load_contract
from seatledger.read.locate import resolve
from seatledger.reports import balance as balance_report
from seatledger.reports import compliance as compliance_report
from seatledger.reports import deductions, roster_check, settlement
from seatledger.reports import notices as notices_report
from seatledger.reports.balance import BalanceRow
from seatledger.reports.compliance import ComplianceReport
from seatledger.reports.contract_terms import ContractTerms, contract_terms
from seatledger.reports.deductions import DeductionReport
from seatledger.reports.notices import NoticesReport
from seatledger.reports.printed import Printed, Signing, printed
from seatledger.reports.roster_check import RosterReport
from seatledger.reports.settlement import Statement
from seatledger.rules.book import Book


def _whole_term(book: Book, label: str) -> Period:
    """From the term's start to its end, or to the latest record if that is later."""
    last = max((r.date for r in book.records), default=book.contract.term.end)
    return Period(label, book.contract.term.start, max(last, book.contract.term.end))


def deduct(
    contract: Path | None, ledger: Path | None, args: PeriodArgs, page: bool = False
) -> DeductionReport | Printed[DeductionReport]:
    book = book_for(contract, ledger)
    period = period_from(book.contract, args)
    report = deductions.deduct(book, period)
    return printed(book, period, report) if page else report


def settle(
    contract: Path | None,
    ledger: Path | None,
    args: PeriodArgs,
    as_of: str | None,
    final: bool,
    page: bool = False,
    doc_no: str | None = None,
    meeting: str | None = None,
) -> Statement | Printed[Statement]:
    """The statement, or its printed page (filed under `doc_no` for the meeting on `meeting`)."""
    book = book_for(contract, ledger)
    day = option_date(as_of, "--as-of") if as_of else None
    signing = Signing(doc_no or None, option_date(meeting, "--meeting-date") if meeting else None)
    if final:
        if args.given:
            raise UsageError(msg("--final covers the whole term; give no other period"))
        whole = _whole_term(book, msg("final settlement"))
        end = day or whole.end
        statement = settlement.settle(book, whole._replace(end=end), end, final=True)
        return printed(book, statement.period, statement, signing) if page else statement
    period = period_from(book.contract, args)
    if day is not None and day < period.start:
        raise UsageError(
            msg("--as-of {day} is before the period starts {start}", day=day, start=period.start)
        )
    statement = settlement.settle(book, period, day)
    return printed(book, period, statement, signing) if page else statement


def balance(
    contract: Path | None, ledger: Path | None, args: PeriodArgs, by: str | None, page: bool = False
) -> list[BalanceRow] | Printed[list[BalanceRow]]:
    book = book_for(contract, ledger)
    period = period_from(book.contract, args) if args.given else _whole_term(book, msg("term"))
    rows = balance_report.balance(book, period, by)
    return printed(book, period, rows) if page else rows


def check_roster(
    contract: Path | None, ledger: Path | None, args: PeriodArgs, on: str | None, page: bool = False
) -> RosterReport | Printed[RosterReport]:
    paths = paths_of(contract, ledger)
    refuse_without_staffing(paths.contract, load_contract(paths.contract), msg("the roster check"))
    book = book_for(contract, ledger)
    report = roster_check.check_roster(book, _roster_period(book, args, on))
    return Printed(book.contract, report.period, report) if page else report


def _roster_period(book: Book, args: PeriodArgs, on: str | None) -> Period:
    """The period given, one --date, or the latest day-shift attendance."""
    if on is not None:
        if args.given:
            raise UsageError(msg("give --date or a period, not both"))
        day = option_date(on, "--date")
    elif not args.given:
        day_shifts = [d for d, shift in book.attendance if shift == "day"]
        day = max(day_shifts, default=book.contract.term.start)
    else:
        return period_from(book.contract, args)
    c = book.contract
    if not c.term.start <= day <= c.term.end:
        raise UsageError(
            msg(
                "--date {day} is outside the term {start}..{end}", day=day, start=c.term.start, end=c.term.end
            )
        )
    return Period(str(day), day, day)


def compliance(
    contract: Path | None, ledger: Path | None, args: PeriodArgs, page: bool = False
) -> ComplianceReport | Printed[ComplianceReport]:
    book = book_for(contract, ledger)
    report = compliance_report.compliance(book, period_from(book.contract, args))
    return Printed(book.contract, report.period, report) if page else report


def notices(
    contract: Path | None, ledger: Path | None, as_of: str | None, page: bool = False
) -> NoticesReport | Printed[NoticesReport]:
    book = book_for(contract, ledger)
    if as_of is not None:
        day = option_date(as_of, "--as-of")
    else:
        day = max((r.date for r in book.records), default=book.contract.term.start)
    report = notices_report.notices(book, day)
    start = book.contract.term.start
    return Printed(book.contract, Period(str(day), start, max(day, start)), report) if page else report


def contract(contract_path: Path | None) -> ContractTerms:
    return contract_terms(load_contract(resolve(contract_path, None).contract))
