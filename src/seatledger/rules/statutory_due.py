"""Rule 23: the latest lawful due date of a payment to a small or medium supplier, by the text
of 保障中小企业款项支付条例 in force on the day its clock starts (the days: 728号 art. 8, 802号
art. 9; the clock from acceptance: 728号 art. 9, 802号 art. 10).

The clock starts on delivery, or on acceptance where acceptance is the agreed condition; where
the buyer delays acceptance past the agreed acceptance period (`payment.acceptance_days` after
delivery), on the day that period ends. The payment is due within 30 days of the start, or
within the contract's agreed days where those are at most 60. Days are calendar days, the
start not counted: accepted 2025-10-10, 30 days, due 2025-11-09 at the latest. The service of
an instalment is delivered on its period's last day (the day before a termination, where that
comes first)."""

from __future__ import annotations

from datetime import date, timedelta
from typing import Literal, NamedTuple

from seatledger.core.contract import PaymentTerms
from seatledger.core.i18n import N_, Msg, msg
from seatledger.rules.acceptance import acceptance
from seatledger.rules.accruals import instalment_in_force
from seatledger.rules.book import Book
from seatledger.rules.late_interest import Due
from seatledger.rules.payment_law import (
    AGREED_DAYS_AT_MOST,
    STATUTORY_DAYS,
    Version,
    cite,
    cite_two,
    in_force,
)

Start = Literal["delivery", "acceptance", "delayed-acceptance"]

# Where the clock starts, for people (the renderers translate them).
STARTS: dict[str | None, str] = {
    "delivery": N_("delivery"),
    "acceptance": N_("acceptance"),
    "delayed-acceptance": N_("end of the acceptance period (acceptance delayed)"),
    None: N_("acceptance not recorded"),
}


class Clock(NamedTuple):
    """The statutory clock of one payment; `start` None: acceptance not recorded yet."""

    starts: Start | None
    start: date | None
    days: int
    latest: date | None
    version: Version | None  # the text in force on the start; None before 2020-09-01

    @property
    def articles(self) -> tuple[int, ...]:
        """The days (728号 art. 8, 802号 art. 9) and, from acceptance, where the clock starts
        (728号 art. 9, 802号 art. 10)."""
        if self.version is None:
            return ()
        days = self.version.articles["payment-term"]
        return (days,) if self.starts == "delivery" else (days, self.version.articles["acceptance"])

    @property
    def citation(self) -> Msg | None:
        if self.version is None:
            return None
        if self.starts == "delivery":
            return cite(self.version, "payment-term")
        return cite_two(self.version, "payment-term", "acceptance")


def lawful_days(agreed: int | None) -> int:
    """30 days, or the contract's agreed days where they are at most 60."""
    return agreed if agreed is not None and agreed <= AGREED_DAYS_AT_MOST else STATUTORY_DAYS


def clock_start(
    delivered: date,
    counted_from: Literal["delivery", "acceptance"] = "delivery",
    accepted: date | None = None,
    acceptance_days: int | None = None,
    as_of: date | None = None,
) -> tuple[Start | None, date | None]:
    """Where the clock starts; (None, None) while the acceptance it waits for is unknown."""
    if counted_from == "delivery":
        return "delivery", delivered
    period_end = delivered + timedelta(days=acceptance_days) if acceptance_days is not None else None
    if accepted is not None and (period_end is None or accepted <= period_end):
        return "acceptance", accepted
    if period_end is not None and (accepted is not None or (as_of is not None and as_of > period_end)):
        return "delayed-acceptance", period_end
    return None, None


def latest_due(
    delivered: date,
    counted_from: Literal["delivery", "acceptance"] = "delivery",
    accepted: date | None = None,
    acceptance_days: int | None = None,
    agreed_days: int | None = None,
    as_of: date | None = None,
) -> Clock:
    """The latest lawful due date, under the text in force on the day the clock starts."""
    days = lawful_days(agreed_days)
    starts, start = clock_start(delivered, counted_from, accepted, acceptance_days, as_of)
    if start is None:
        return Clock(None, None, days, None, None)
    version = in_force(start)
    latest = start + timedelta(days=days) if version is not None else None
    return Clock(starts, start, days, latest, version)


class StatutoryDue(NamedTuple):
    """An instalment's latest lawful due date beside the contract's own (rule 23)."""

    instalment: int
    delivered: date
    clock: Clock
    contract_due: date | None  # rule 9's, else the agreed days from the clock's start
    paid_after: tuple[tuple[date, str, int], ...]  # payments after the latest: date, record, days

    @property
    def contract_later(self) -> bool:
        c = self.clock.latest
        return c is not None and self.contract_due is not None and self.contract_due > c


def acceptance_dates(book: Book) -> dict[int, date]:
    """Instalment number -> the day Party A accepted its service: the quarterly assessment of
    its period, where the contract makes the assessment the acceptance (rule 26)."""
    found = {inst.number: acceptance(book, inst) for inst in book.contract.instalments}
    return {n: a.date for n, a in found.items() if a is not None}


def statutory_dues(
    book: Book, dues: list[Due], as_of: date, acceptances: dict[int, date] | None = None
) -> tuple[StatutoryDue, ...]:
    """Each instalment's statutory clock, where the contract has a `payment:` block and Party
    B is a small or medium enterprise; else none."""
    terms = book.contract.payment
    if terms is None or not book.contract.parties.b.sme:
        return ()
    known = acceptance_dates(book) if acceptances is None else acceptances
    accepted = {n: day for n, day in known.items() if day <= as_of}  # not yet, as of the statement
    return tuple(
        _row(book, terms, d, accepted.get(d.instalment), as_of) for d in dues if isinstance(d.instalment, int)
    )


def _delivered(book: Book, number: int) -> date:
    signed = book.contract.instalment(number)
    assert signed is not None  # dues come from the contract's instalments
    end = instalment_in_force(book, signed)[0].end
    ended = book.termination
    return min(end, ended.date - timedelta(days=1)) if ended is not None else end


def _row(book: Book, terms: PaymentTerms, d: Due, accepted: date | None, as_of: date) -> StatutoryDue:
    assert isinstance(d.instalment, int)
    delivered = _delivered(book, d.instalment)
    clock = latest_due(
        delivered, terms.counted_from, accepted, terms.acceptance_days, terms.days_after, as_of
    )
    contract_due = d.due or _agreed_due(terms, clock, accepted)
    latest = clock.latest
    late = tuple(
        (p.date, p.record, (p.date - latest).days)
        for p in d.payments
        if latest is not None and p.date > latest
    )
    return StatutoryDue(d.instalment, delivered, clock, contract_due, late)


def _agreed_due(terms: PaymentTerms, clock: Clock, accepted: date | None) -> date | None:
    """The contract's own date: its agreed days from delivery, or from the actual acceptance."""
    if terms.days_after is None or clock.start is None:
        return None
    since = clock.start if terms.counted_from == "delivery" else accepted
    return since + timedelta(days=terms.days_after) if since is not None else None


def statutory_findings(rows: tuple[StatutoryDue, ...], start: date, end: date) -> list[tuple[str, Msg]]:
    """(record, message): a contract due date later than the lawful one, dated the lawful one,
    and a payment made after it, dated the payment; those inside `start..end`."""
    out: list[tuple[str, Msg]] = []
    for r in rows:
        latest, citation = r.clock.latest, r.clock.citation
        if latest is None or citation is None:
            continue
        if r.contract_later and start <= latest <= end:
            out.append(
                (
                    "",
                    msg(
                        "instalment {instalment}: due {due} under the contract, later than the latest "
                        "lawful due date {latest} ({citation}; rule 23)",
                        instalment=r.instalment,
                        due=r.contract_due,
                        latest=latest,
                        citation=citation,
                    ),
                )
            )
        out += [
            (
                record,
                msg(
                    "{date}: instalment {instalment} paid {days} days after its latest lawful due "
                    "date {latest} ({citation}; rule 23)",
                    date=paid,
                    instalment=r.instalment,
                    days=days,
                    latest=latest,
                    citation=citation,
                ),
            )
            for paid, record, days in r.paid_after
            if start <= paid <= end
        ]
    return out
