"""Properties that hold for any ledger (hypothesis): periods add up, and a deduction never
raises what Party A owes."""

from __future__ import annotations

from datetime import date, timedelta
from decimal import Decimal
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from conftest import SEED, examples
from seatledger.core.ledger import Ledger
from seatledger.core.periods import Period, month_period, quarter_period
from seatledger.core.records import Attendance, Incident, LedgerMeta, Payment, Record
from seatledger.core.workdays import WorkCalendar
from seatledger.read.contract_file import load_contract
from seatledger.reports.deductions import deduct
from seatledger.reports.settlement import settle
from seatledger.rules.balance_owed import movements
from seatledger.rules.book import make_book

CONTRACT = load_contract(SEED)
Q3 = quarter_period(2022, 3)
WORKING = list(WorkCalendar().working_days(Q3.start, Q3.end))
DAYS = [Q3.start + timedelta(days=n) for n in range(92)]

attendance = st.lists(st.tuples(st.sampled_from(WORKING), st.integers(0, 4)), max_size=30)
incidents = st.lists(
    st.tuples(
        st.sampled_from(DAYS),
        st.sampled_from(["post-abandonment", "assessment-deduction", "fire-hazard-serious"]),
        st.integers(1, 3),
        st.integers(1000, 10000),
    ),
    max_size=8,
)
payments = st.lists(st.tuples(st.sampled_from(DAYS), st.integers(1, 500_000_00)), max_size=3)


def ledger(
    att: list[tuple[date, int]], inc: list[tuple[date, str, int, int]], pay: list[tuple[date, int]]
) -> Ledger:
    records: list[Record] = []
    for day, short in dict(att).items():
        records.append(Attendance(id=f"att-{day}-day", date=day, shift="day", present=48 - short))
    for n, (day, key, count, amount) in enumerate(inc):
        records.append(
            Incident(
                id=f"inc-{day}-{n:06x}",
                date=day,
                penalty=key,
                count=count,
                amount=None if key == "post-abandonment" else Decimal(amount),
            )
        )
    left = Decimal("1641000.00")
    for n, (day, fen) in enumerate(pay):
        amount = min(left, Decimal(fen) / 100)
        if amount > 0:
            records.append(Payment(id=f"pay-{day}-{n:06x}", date=day, instalment=2, amount=amount))
            left -= amount
    records.sort(key=lambda r: r.date)
    meta = LedgerMeta(contract=CONTRACT.id, recorded_from=Q3.start)
    return Ledger(CONTRACT, SEED, Path("."), meta, (), tuple(records), [])


@settings(max_examples=examples(60), deadline=None)
@given(attendance, incidents, payments)
def test_months_of_a_quarter_add_up_to_the_quarter(att, inc, pay) -> None:  # type: ignore[no-untyped-def]
    book = make_book(ledger(att, inc, pay))
    months = [month_period(2022, m) for m in (7, 8, 9)]
    assert sum((deduct(book, m).total for m in months), Decimal(0)) == deduct(book, Q3).total
    parts = [movements(book, m.start, m.end) for m in months]
    whole = movements(book, Q3.start, Q3.end)
    assert sum((p.balance for p in parts), Decimal(0)) == whole.balance
    assert sum((p.deducted for p in parts), Decimal(0)) == whole.deducted


@settings(max_examples=examples(60), deadline=None)
@given(attendance, incidents, payments, st.integers(0, 90))
def test_adjacent_periods_add_up_to_their_union(att, inc, pay, split) -> None:  # type: ignore[no-untyped-def]
    book = make_book(ledger(att, inc, pay))
    cut = Q3.start + timedelta(days=split)
    first, second = Period("a", Q3.start, cut), Period("b", cut + timedelta(days=1), Q3.end)
    a, b = settle(book, first), settle(book, second)
    union = settle(book, Q3)
    assert a.closing == b.opening
    assert b.closing == union.closing
    assert (a.closing - a.opening) + (b.closing - b.opening) == union.closing - union.opening


@settings(max_examples=examples(60), deadline=None)
@given(attendance, incidents, payments, st.sampled_from(DAYS), st.integers(1000, 10000))
def test_a_deduction_never_raises_the_balance_owed(att, inc, pay, day, amount) -> None:  # type: ignore[no-untyped-def]
    before = settle(make_book(ledger(att, inc, pay)), Q3)
    after = settle(make_book(ledger(att, [*inc, (day, "assessment-deduction", 1, amount)], pay)), Q3)
    assert after.closing == before.closing - amount
    assert after.next_payment <= before.next_payment


_DAYS = st.dates(min_value=date(2022, 1, 1), max_value=date(2023, 12, 31))


@settings(max_examples=examples(200))
@given(
    st.lists(st.tuples(_DAYS, st.none() | _DAYS), max_size=12),
    st.lists(_DAYS, min_size=1, max_size=8),
)
def test_the_checks_headcount_is_the_roster_counted_person_by_person(spans, days) -> None:  # type: ignore[no-untyped-def]
    """checks/records.People finds a day's headcount by bisection; it is the count of people
    `Person.on_roster` that day, whatever the joins and leaves (a leave on or before the join
    included)."""
    from seatledger.checks.records import People
    from seatledger.core.roster import Person

    people = {
        f"S{n:03d}": Person(f"S{n:03d}", "seat", "bachelor", joined, left=left)
        for n, (joined, left) in enumerate(spans)
    }
    counted = People(people)
    for day in days:
        assert counted.headcount(day) == sum(1 for p in people.values() if p.on_roster(day))
