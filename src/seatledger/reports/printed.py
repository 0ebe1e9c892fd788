"""What a printed page needs beside its report: the contract's parties, the period's deduction
lines (the records behind each clause's figure) and the term month by month up to the period's
end (the chart of the running balance and the monthly deductions), and the document number
and meeting date the page is signed under."""

from __future__ import annotations

from datetime import date
from typing import Generic, NamedTuple, TypeVar

from seatledger.core.contract import Contract
from seatledger.core.periods import Period
from seatledger.reports.balance import BalanceRow, balance
from seatledger.reports.calendar_days import MonthCalendar
from seatledger.reports.compliance import ComplianceReport
from seatledger.reports.deductions import DeductionReport, deduct
from seatledger.reports.ledger_diff import LedgerDiff
from seatledger.reports.notices import NoticesReport
from seatledger.reports.roster_check import RosterReport
from seatledger.reports.settlement import Statement
from seatledger.rules.book import Book

Body = TypeVar(
    "Body",
    Statement,
    DeductionReport,
    list[BalanceRow],
    RosterReport,
    ComplianceReport,
    MonthCalendar,
    NoticesReport,
    LedgerDiff,
)


class Signing(NamedTuple):
    """What the payment meeting's paper is filed under; left blank to fill by hand."""

    doc_no: str | None = None
    meeting: date | None = None


class Printed(NamedTuple, Generic[Body]):
    """The page of one report (`body`): typed by it, so mypy checks the page's renderer."""

    contract: Contract
    period: Period
    body: Body
    deductions: DeductionReport | None = None  # the money pages' records behind each clause
    months: tuple[BalanceRow, ...] = ()  # the money pages' chart
    signing: Signing = Signing()


UNSIGNED = Signing()


def printed(book: Book, period: Period, body: Body, signing: Signing = UNSIGNED) -> Printed[Body]:
    """A money page: with the period's deduction lines and the term's months for the chart."""
    start = book.contract.term.start
    months = balance(book, Period("term", start, max(period.end, start)), "month")
    report = body if isinstance(body, DeductionReport) else deduct(book, period)
    return Printed(book.contract, period, body, report, tuple(months), signing)
