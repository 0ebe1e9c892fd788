"""`portfolio`: every contract of a repository, each with the figures `settle` gives for its
term up to the as-of date (the same report function), and their total. A contract whose ledger
has problems shows its problems and no figures (rule 13), and the total then says it is
incomplete."""

from __future__ import annotations

from collections import defaultdict
from datetime import date
from decimal import Decimal
from typing import NamedTuple

from seatledger.core.errors import Problem
from seatledger.core.i18n import msg
from seatledger.core.money import ZERO
from seatledger.core.periods import Period
from seatledger.reports.notices import NoticeLine, notices
from seatledger.reports.settlement import Statement, settle
from seatledger.rules.book import Book
from seatledger.rules.late_interest import Due


class Overdue(NamedTuple):
    instalment: int | str
    due: date
    unpaid: Decimal
    accruing: Decimal  # interest accruing at the as-of date (rule 10)


class ContractFigures(NamedTuple):
    statement: Statement  # settle over the term up to the as-of date
    next_due: date | None  # the earliest due date of an instalment not wholly paid
    overdue: tuple[Overdue, ...]
    open_notices: tuple[NoticeLine, ...]


class ContractRow(NamedTuple):
    id: str
    title: str
    party_a: str
    party_b: str
    start: date
    end: date
    file: str  # the contract file
    ledger: str  # the ledger folder
    problems: tuple[Problem, ...]  # errors: no figures (rule 13)
    figures: ContractFigures | None
    renews: str | None = None  # the contract this one renews


class Totals(NamedTuple):
    accrued: Decimal
    deducted: Decimal
    paid: Decimal
    balance: Decimal
    next_payment: Decimal
    overdue: Decimal
    accruing: Decimal
    by_clause: dict[str, Decimal]  # clause -> deducted
    open_notices: int
    findings: int


class Portfolio(NamedTuple):
    as_of: date
    rows: tuple[ContractRow, ...]
    totals: Totals
    complete: bool  # every contract counted, and its figures complete


def figures(book: Book, as_of: date) -> ContractFigures:
    term = book.contract.term
    period = Period(book.contract.id, term.start, max(as_of, term.start))
    s = settle(book, period, period.end)
    late = tuple(_overdue(d, period.end) for d in s.dues if _is_overdue(d, period.end))
    unpaid = [d.due for d in s.dues if d.due is not None and d.amount is not None and d.paid < d.amount]
    open_lines = tuple(n for n in notices(book, period.end).lines if n.status not in ("cured", "terminated"))
    return ContractFigures(s, min(unpaid, default=None), late, open_lines)


def _is_overdue(d: Due, as_of: date) -> bool:
    return d.due is not None and d.amount is not None and d.due < as_of and d.paid < d.amount


def _overdue(d: Due, as_of: date) -> Overdue:
    assert d.due is not None and d.amount is not None
    return Overdue(d.instalment, d.due, d.amount - d.paid, d.accruing)


def portfolio(rows: list[ContractRow], as_of: date) -> Portfolio:
    counted = [r.figures for r in rows if r.figures is not None]
    by_clause: dict[str, Decimal] = defaultdict(lambda: ZERO)
    for f in counted:
        for key, amount in f.statement.by_penalty.items():
            by_clause[f.statement.clauses.get(key, key)] += amount

    def total(get: object) -> Decimal:
        return sum((get(f) for f in counted), ZERO)  # type: ignore[operator]

    totals = Totals(
        accrued=total(lambda f: f.statement.accrued),
        deducted=total(lambda f: f.statement.deductions),
        paid=total(lambda f: f.statement.paid),
        balance=total(lambda f: f.statement.closing),
        next_payment=total(lambda f: f.statement.next_payment),
        overdue=total(lambda f: sum((o.unpaid for o in f.overdue), ZERO)),
        accruing=total(lambda f: sum((o.accruing for o in f.overdue), ZERO)),
        by_clause=dict(sorted(by_clause.items())),
        open_notices=sum(len(f.open_notices) for f in counted),
        findings=sum(len(f.statement.findings) for f in counted),
    )
    complete = all(r.figures is not None and r.figures.statement.complete for r in rows)
    return Portfolio(as_of, tuple(rows), totals, complete)


def incomplete_note(p: Portfolio) -> str:
    """Why the total is not the whole (for people)."""
    missing = [r.id for r in p.rows if r.figures is None]
    if missing:
        return msg(
            "the total leaves out {values}, whose ledgers have problems: it is INCOMPLETE",
            values=", ".join(missing),
        )
    return msg("some figures are incomplete (gaps or no opening record): the total is INCOMPLETE")
