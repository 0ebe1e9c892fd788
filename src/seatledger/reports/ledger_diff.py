"""What a change to a ledger means: records added, removed and changed, and what that does
to the deductions and the balance owed per month and per quarter, and to roster
compliance. A pure function of the ledger before and after."""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from typing import NamedTuple

from seatledger.core.ledger import Ledger, closed_quarters
from seatledger.core.periods import Period, months_of, quarters_of
from seatledger.core.record_text import block
from seatledger.core.records import DECLARED
from seatledger.reports.roster_check import check_roster
from seatledger.rules.balance_owed import Movements, movements, opening_balance
from seatledger.rules.book import Book, make_book
from seatledger.rules.deduction_lines import DeductionLine
from seatledger.rules.gaps import Gap, gaps_in
from seatledger.rules.penalties import deduction_lines
from seatledger.rules.violations import Violation


class RecordChange(NamedTuple):
    change: str  # added, removed or changed
    id: str
    kind: str
    date: date | None
    before: str | None  # canonical text
    after: str | None
    target: str | None = None  # what a void withdraws: "<id> (<kind> <date>)"
    closed: str | None = None  # the closed quarter it lies in, if any
    lines: tuple[DeductionLine, ...] = ()  # the deductions it makes (after; before if removed)
    required: int | None = None  # attendance: the staff its date and shift require

    @property
    def fields(self) -> list[tuple[str, str | None, str | None]]:
        """(field, before, after) for each field that differs, for a changed record."""
        old, new = record_fields(self.before), record_fields(self.after)
        return [(k, old.get(k), new.get(k)) for k in dict.fromkeys([*old, *new]) if old.get(k) != new.get(k)]


def record_fields(text: str | None) -> dict[str, str]:
    out = {}
    for line in (text or "").splitlines():
        key, _, value = line.lstrip("- ").partition(": ")
        out[key] = value
    return out


class MoneyDelta(NamedTuple):
    period: Period
    deducted_before: Decimal
    deducted_after: Decimal
    balance_before: Decimal  # accrued - deducted - paid in the period
    balance_after: Decimal
    complete: bool = True  # after the change: no gaps or unrecorded shifts in the period
    accrued_before: Decimal = Decimal(0)
    accrued_after: Decimal = Decimal(0)
    paid_before: Decimal = Decimal(0)
    paid_after: Decimal = Decimal(0)
    owed_before: Decimal = Decimal(0)  # the balance owed at the period's end: opening + movement
    owed_after: Decimal = Decimal(0)

    @property
    def deducted(self) -> Decimal:
        return self.deducted_after - self.deducted_before

    @property
    def balance(self) -> Decimal:
        return self.balance_after - self.balance_before


class LedgerDiff(NamedTuple):
    base: str
    head: str
    records: tuple[RecordChange, ...]
    roster: tuple[RecordChange, ...]
    closings: tuple[str, ...]  # close and reopen entries added
    months: tuple[MoneyDelta, ...]
    quarters: tuple[MoneyDelta, ...]
    new_violations: tuple[Violation, ...]
    resolved_violations: tuple[Violation, ...]
    sealed: tuple[tuple[str, tuple[tuple[str, str], ...]], ...] = ()  # (quarter, figures) closed
    resolved: tuple[str, ...] = ()  # the base's problems, where the change repairs a broken base
    gaps: tuple[Gap, ...] = ()  # after the change, in the months whose money it moves: findings

    @property
    def empty(self) -> bool:
        return not (
            self.records
            or self.roster
            or self.closings
            or self.new_violations
            or self.resolved_violations
            or self.resolved
        )


# The records the roster check reads besides the roster and the contract.
ROSTER_KINDS = frozenset(kind for kind, d in DECLARED.items() if d.roster)


def _same(old: object, new: object) -> bool:
    """Equal in every field but `source`, without rendering either."""
    if type(old) is not type(new) or not hasattr(old, "_fields"):
        return False
    fields = old._fields
    return all(
        a == b
        for name, a, b in zip(fields, old, new, strict=True)  # type: ignore[call-overload]
        if name != "source"
    )


def _changes(before: dict[str, object], after: dict[str, object]) -> list[RecordChange]:
    out = []
    for rid in sorted(set(before) | set(after)):
        old, new = before.get(rid), after.get(rid)
        if old is not None and new is not None and _same(old, new):
            continue  # most records: equal but for where they were read from
        old_text = block(old) if old is not None else None  # type: ignore[arg-type]
        new_text = block(new) if new is not None else None  # type: ignore[arg-type]
        if old_text == new_text:
            continue
        value = new if new is not None else old
        change = "added" if old is None else "removed" if new is None else "changed"
        out.append(
            RecordChange(
                change,
                rid,
                getattr(value, "kind", "person"),
                getattr(value, "date", None),
                old_text,
                new_text,
            )
        )
    out.sort(key=lambda c: (c.date or date.min, c.id))
    return out


def _span(book: Book) -> tuple[date, date]:
    term = book.contract.term
    last = max((r.date for r in book.records), default=term.end)
    return term.start, max(term.end, last)


def _money(before: Book | None, after: Book, periods: list[Period]) -> list[MoneyDelta]:
    out = []
    zero = Movements(Decimal(0), Decimal(0), Decimal(0))
    for p in periods:
        new = movements(after, p.start, p.end)
        old = movements(before, p.start, p.end) if before is not None else zero
        if new == old:
            continue
        gaps, unrecorded = gaps_in(after, p.start, p.end)
        owed_old = opening_balance(before, p.start) + old.balance if before is not None else Decimal(0)
        out.append(
            MoneyDelta(
                p,
                old.deducted,
                new.deducted,
                old.balance,
                new.balance,
                not gaps and not unrecorded,
                old.accrued,
                new.accrued,
                old.paid,
                new.paid,
                owed_old,
                opening_balance(after, p.start) + new.balance,
            )
        )
    return out


def _substance(changes: list[RecordChange], old: Book | None, new: Book) -> list[RecordChange]:
    """Each change with the deductions its record makes and, for attendance, what its shift
    requires: what a reviewer needs to see why the money moves."""
    lines: dict[tuple[int, date], list[DeductionLine]] = {}
    out = []
    for c in changes:
        book = old if c.change == "removed" else new
        if book is None or c.date is None:
            out.append(c)
            continue
        key = (id(book), c.date)
        if key not in lines:
            lines[key] = deduction_lines(book, c.date, c.date)
        own = tuple(line for line in lines[key] if line.record == c.id)
        required = None
        if c.kind == "attendance":
            shift = record_fields(c.after or c.before).get("shift")
            required = book.requirements.required(c.date, shift) if shift else None
        out.append(c._replace(lines=own, required=required))
    return out


def _violations(book: Book | None, end: date) -> set[Violation]:
    if book is None:
        return set()
    start = book.contract.term.start
    return set(check_roster(book, Period("term", start, min(end, book.contract.term.end))).violations)


def compare(
    before: Ledger | None,
    after: Ledger,
    base: str,
    head: str,
    books: tuple[Book | None, Book] | None = None,
) -> LedgerDiff:
    """`books`: the ledgers' books where the caller has made them already."""
    old, new = books if books is not None else (None, make_book(after))
    if old is None and before is not None:
        old = make_book(before)
    records = _changes({r.id: r for r in before.records} if before else {}, {r.id: r for r in after.records})
    people = _changes({p.id: p for p in before.roster} if before else {}, {p.id: p for p in after.roster})
    start, end = _span(new)
    months = _money(old, new, list(months_of(start, end)))
    quarters = _money(old, new, [q for q in quarters_of(new.contract) if q.start <= end])
    last = max([r.date for r in new.records] + ([r.date for r in old.records] if old else []), default=start)
    if (
        old is not None
        and not people
        and old.contract == new.contract
        and not any(c.kind in ROSTER_KINDS for c in records)
    ):
        was = now = set()  # the roster's findings are the same on both sides: skip a day-by-day pass
    else:
        was, now = _violations(old, last), _violations(new, last)
    # closings.yaml is appended to: what the change adds is what follows the base's entries,
    # so a reopen and a close on one day both show.
    old_count = len(before.closings) if before else 0
    closings = tuple(
        f"{c.kind} {c.quarter} on {c.date}" + (f": {c.reason}" if c.reason else "")
        for c in after.closings[old_count:]
    )
    # A quarter this change reopens (and may close again) is not one it changes behind a seal.
    reopened = {c.quarter for c in after.closings[old_count:] if c.kind == "reopen"}
    closed = (
        {k: v for k, v in closed_quarters(before.closings).items() if k not in reopened} if before else {}
    )
    sealed = tuple(
        (c.quarter, tuple(c.figures.items())) for c in after.closings[old_count:] if c.kind == "close"
    )
    by_label = {q.label: q for q in quarters_of(after.contract)}
    every = {r.id: r for r in (*(before.records if before else ()), *after.records)}

    def annotate(c: RecordChange) -> RecordChange:
        value = every.get(c.id)
        target = every.get(getattr(value, "target", "") or "")
        where = next(
            (
                label
                for label in closed
                if c.date is not None and c.date in by_label.get(label, Period("", date.max, date.min))
            ),
            None,
        )
        return c._replace(
            target=f"{target.id} ({target.kind} {target.date})" if target is not None else None, closed=where
        )

    records = _substance([annotate(c) for c in records], old, new)
    return LedgerDiff(
        base,
        head,
        tuple(records),
        tuple(people),
        closings,
        tuple(months),
        tuple(quarters),
        tuple(sorted(now - was, key=lambda v: (v.start, v.rule))),
        tuple(sorted(was - now, key=lambda v: (v.start, v.rule))),
        sealed,
        gaps=tuple(g for m in months for g in gaps_in(new, m.period.start, m.period.end)[0]),
    )
