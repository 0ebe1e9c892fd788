"""Due dates, 九 in the seed contract (rule 9): instalments fall due a number of working days
after Party A receives Party B's payment request, the day of receipt not counted; a request
received before its period begins counts from the period's first day (a setting). Without a
request, or where the contract sets no deadline, there is no due date. Where the quarterly
assessment is the acceptance and payment is counted from it, the assessment's date stands for
the request and the due date is that many calendar days after it (rule 26). The final payment is
due from the completion only where the contract sets a deadline for it."""

from __future__ import annotations

from datetime import date

from seatledger.core.records import Completion
from seatledger.rules.acceptance import due_after_acceptance
from seatledger.rules.book import Book


def due_date(book: Book, number: int) -> tuple[date | None, date | None]:
    """(requested, due) for instalment `number`; the earliest request starts the clock."""
    c = book.contract
    inst = c.instalment(number)
    accepted = due_after_acceptance(book, inst) if inst is not None else None
    if accepted is not None:  # the assessment is the acceptance (rule 26)
        return accepted
    requests = sorted(r.date for r in book.requests if r.instalment == number)
    if inst is None or not requests or inst.due_working_days is None:
        return (requests[0] if requests else None), None
    received = requests[0]
    counted = max(received, inst.start) if c.settings.early_request_counts_from_period_start else received
    return received, book.calendar.add_working_days(counted, inst.due_working_days)


def final_due_date(book: Book, done: Completion | None) -> date | None:
    final = book.contract.final_payment
    days = final.due_working_days if final is not None else None
    if done is None or days is None:
        return None
    return book.calendar.add_working_days(done.date, days)
