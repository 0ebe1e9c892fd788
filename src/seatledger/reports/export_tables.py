"""The portfolio as plain tables for `export --sqlite`: contracts, periods (instalments),
records, deduction lines, settlement rows and findings, each row with its clause and source
(file, line). Money is exact text with two decimals and whole fen (分) beside it, so a
database sums it without a float."""

from __future__ import annotations

import json
from datetime import date
from decimal import Decimal
from typing import Any, NamedTuple

from seatledger.core.money import fmt
from seatledger.core.records import DECLARED, Record
from seatledger.core.source import Source
from seatledger.reports.portfolio import ContractRow
from seatledger.reports.settlement import Statement
from seatledger.rules.book import Book
from seatledger.rules.penalties import deduction_lines


class Table(NamedTuple):
    name: str
    columns: tuple[str, ...]  # "name TYPE"
    rows: list[tuple[Any, ...]]


def money(value: Decimal) -> tuple[str, int]:
    """Exact text and whole fen."""
    return fmt(value), int(value * 100)


TABLES = {
    "contracts": (
        "id TEXT PRIMARY KEY",
        "title TEXT",
        "party_a TEXT",
        "party_b TEXT",
        "start TEXT",
        "end TEXT",
        "total TEXT",
        "total_fen INTEGER",
        "file TEXT",
        "ledger TEXT",
        "problems INTEGER",
        "complete INTEGER",
    ),
    "periods": (
        "contract TEXT",
        "instalment INTEGER",
        "start TEXT",
        "end TEXT",
        "amount TEXT",
        "amount_fen INTEGER",
        "clause TEXT",
        "file TEXT",
    ),
    "records": (
        "contract TEXT",
        "id TEXT",
        "kind TEXT",
        "date TEXT",
        "instalment TEXT",
        "amount TEXT",
        "amount_fen INTEGER",
        "fields TEXT",
        "file TEXT",
        "line INTEGER",
    ),
    "deduction_lines": (
        "contract TEXT",
        "date TEXT",
        "penalty TEXT",
        "title TEXT",
        "clause TEXT",
        "quantity INTEGER",
        "unit TEXT",
        "rate TEXT",
        "amount TEXT",
        "amount_fen INTEGER",
        "set_off INTEGER",
        "record TEXT",
        "file TEXT",
        "line INTEGER",
    ),
    "settlement_rows": (
        "contract TEXT",
        "item TEXT",
        "label TEXT",
        "clause TEXT",
        "date TEXT",
        "amount TEXT",
        "amount_fen INTEGER",
        "record TEXT",
        "file TEXT",
        "line INTEGER",
    ),
    "findings": (
        "contract TEXT",
        "severity TEXT",
        "code TEXT",
        "message TEXT",
        "record TEXT",
        "file TEXT",
        "line INTEGER",
        "field TEXT",
    ),
}


Rows = dict[str, list[tuple[Any, ...]]]  # table name -> rows


def tables(parts: list[Rows]) -> list[Table]:
    """The tables of every contract's rows (`contract_rows`), in the order given."""
    return [Table(name, cols, [r for part in parts for r in part[name]]) for name, cols in TABLES.items()]


def contract_rows(row: ContractRow, book: Book | None) -> Rows:
    """One contract's rows of every table, as plain values (str, int, None): what the cache
    keeps and a database stores alike."""
    out: Rows = {name: [] for name in TABLES}
    _contract(out, row, book)
    for p in row.problems:
        out["findings"].append(
            (row.id, p.severity, p.code, str(p.message), p.record or None, p.file, p.line, p.field)
        )
    if book is not None and row.figures is not None:
        _figures(out, row, book)
    return {name: [tuple(map(_exact, r)) for r in rows] for name, rows in out.items()}


def _exact(v: Any) -> Any:
    """A str subclass (a message, a term) as the plain str it is stored as."""
    return str(v) if isinstance(v, str) and type(v) is not str else v


def _figures(out: Rows, row: ContractRow, book: Book) -> None:
    assert row.figures is not None
    sources = {r.id: r.source for r in book.records}
    out["records"] += [_record(row.id, r) for r in book.records]
    for line in deduction_lines(book, book.contract.term.start, row.figures.statement.period.end):
        s = sources.get(line.record, Source("", 0))
        out["deduction_lines"].append(
            (
                row.id,
                line.date.isoformat(),
                line.penalty,
                line.title,
                line.clause,
                line.quantity,
                str(line.unit),
                fmt(line.rate),
                *money(line.amount),
                int(line.set_off),
                line.record,
                s.file,
                s.line,
            )
        )
    out["settlement_rows"] += _settlement(row.id, row.figures.statement, sources)
    out["findings"] += [
        (row.id, "finding", "", str(f.message), f.record or None, *_at(sources, f.record), "")
        for f in row.figures.statement.findings
    ]


def _contract(out: Rows, row: ContractRow, book: Book | None) -> None:
    total = book.contract.total if book is not None else None
    complete = row.figures is not None and row.figures.statement.complete
    out["contracts"].append(
        (
            row.id,
            row.title,
            row.party_a,
            row.party_b,
            row.start.isoformat(),
            row.end.isoformat(),
            *(money(total) if total is not None else (None, None)),
            row.file,
            row.ledger,
            len(row.problems),
            int(complete),
        )
    )
    if book is not None:
        out["periods"] += [
            (row.id, i.number, i.start.isoformat(), i.end.isoformat(), *money(i.amount), i.clause, row.file)
            for i in book.contract.instalments
        ]


def _record(contract: str, r: Record) -> tuple[Any, ...]:
    values = {f.name: getattr(r, f.name) for f in DECLARED[r.kind].fields}
    amount = values.get("amount")
    plain = {k: _plain(v) for k, v in values.items() if v not in (None, ())}
    return (
        contract,
        r.id,
        r.kind,
        r.date.isoformat(),
        _plain(values.get("instalment")),
        *(money(amount) if isinstance(amount, Decimal) else (None, None)),
        json.dumps(plain, ensure_ascii=False, sort_keys=True),
        r.source.file,
        r.source.line,
    )


def _plain(v: Any) -> Any:
    if v is None:
        return None
    if isinstance(v, Decimal):
        return fmt(v)
    if isinstance(v, date):
        return v.isoformat()
    if isinstance(v, tuple):
        return [_plain(x) for x in v]
    return v if isinstance(v, int) else str(v)


def _at(sources: dict[str, Source], record: str | None) -> tuple[str, int]:
    s = sources.get(record or "")
    return (s.file, s.line) if s is not None else ("", 0)


def _settlement(contract: str, s: Statement, sources: dict[str, Source]) -> list[tuple[Any, ...]]:
    end = s.period.end.isoformat()
    rows: list[tuple[Any, ...]] = [
        (
            contract,
            "opening",
            "opening balance",
            "",
            s.period.start.isoformat(),
            *money(s.opening),
            None,
            "",
            0,
        )
    ]
    rows += [
        (contract, "accrued", str(a.label), a.clause, a.date.isoformat(), *money(a.amount), None, "", 0)
        for a in s.accruals
    ]
    rows += [
        (contract, "deducted", key, s.clauses.get(key, ""), end, *money(-v), None, "", 0)
        for key, v in sorted(s.by_penalty.items())
    ]
    rows += [
        (
            contract,
            "paid",
            f"instalment {p.instalment}",
            "",
            p.date.isoformat(),
            *money(-p.amount),
            p.id,
            p.source.file,
            p.source.line,
        )
        for p in s.payments
    ]
    rows.append(
        (contract, "closing", "closing balance owed by Party A", "", end, *money(s.closing), None, "", 0)
    )
    rows.append((contract, "next", "Party A should pay next", "", end, *money(s.next_payment), None, "", 0))
    rows.append(
        (
            contract,
            "interest",
            "late-payment interest",
            s.interest_clause,
            end,
            *money(s.late_interest),
            None,
            "",
            0,
        )
    )
    return rows
