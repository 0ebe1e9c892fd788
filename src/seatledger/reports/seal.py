"""The seal of a quarter (rule 12): a digest over its records in canonical form (not file
bytes, so `fmt` never breaks it) and over the figures computed for it (so a later edit of a
rate in the contract is caught too). `close` writes it; the closings check recomputes it."""

from __future__ import annotations

import hashlib
from typing import NamedTuple

from seatledger.core.ledger import Ledger
from seatledger.core.money import ZERO, fmt
from seatledger.core.periods import Period
from seatledger.core.record_text import block
from seatledger.core.records import Record
from seatledger.reports.deductions import deduct
from seatledger.rules.balance_owed import movements, opening_balance
from seatledger.rules.book import Book


class Seal(NamedTuple):
    digest: str
    figures: dict[str, str]
    records: dict[str, str]  # record id -> the hash of its canonical text


def record_hash(record: Record) -> str:
    return hashlib.sha256(block(record).encode("utf-8")).hexdigest()[:12]


def seal(ledger: Ledger, book: Book, quarter: Period) -> Seal:
    records = {r.id: record_hash(r) for r in ledger.records if r.date in quarter}
    m = movements(book, quarter.start, quarter.end)
    figures = {
        "records": str(len(records)),
        "accrued": fmt(m.accrued),
        "deducted": fmt(m.deducted),
        "paid": fmt(m.paid),
        "closing_balance": fmt(opening_balance(book, quarter.start) + m.balance),
        "personal_fines": fmt(sum((line.amount for line in deduct(book, quarter).personal_fines), ZERO)),
    }
    return Seal(digest_of(records, figures), figures, records)


def digest_of(records: dict[str, str], figures: dict[str, str]) -> str:
    text = "".join(f"{k} {v}\n" for k, v in sorted(records.items()))
    text += "".join(f"{k}={v}\n" for k, v in figures.items())
    return hashlib.sha256(text.encode("utf-8")).hexdigest()
