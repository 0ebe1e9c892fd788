"""Disputed deductions (rule 17; 保障中小企业款项支付条例: the undisputed part is paid on time).
Party B may dispute an incident's deduction; a void of the incident upholds the dispute (the
deduction goes), a ruling dismisses it (the deduction stands). While a dispute is open, what
Party A should pay next withholds only the undisputed deductions."""

from __future__ import annotations

from datetime import date

from seatledger.core.records import Dispute
from seatledger.rules.book import Book


def open_disputes(book: Book, as_of: date) -> dict[str, Dispute]:
    """Incident id -> its dispute, for each dispute raised by `as_of` and not ruled on by it."""
    ruled = {r.dispute for r in book.rulings if r.date <= as_of}
    return {d.incident: d for d in book.disputes if d.date <= as_of and d.id not in ruled}
