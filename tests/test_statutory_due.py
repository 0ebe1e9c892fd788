"""The latest lawful due date of a payment to a small or medium supplier (rule 23), by the
text of 保障中小企业款项支付条例 in force on the day its clock starts: 728号 art. 8 before
2025-06-01, 802号 art. 9 from then. Every expected date below was counted by hand on a
calendar, the start not counted (May has 31 days, June 30, October 31)."""

from __future__ import annotations

import json
import re
from datetime import date
from pathlib import Path
from typing import Any, cast

import pytest

from conftest import Run, write_roster
from seatledger.app.ledger_access import book_for
from seatledger.core.periods import quarter_period
from seatledger.render.schemas_statement import statement
from seatledger.reports.settlement import settle
from seatledger.rules.statutory_due import latest_due, lawful_days
from test_payment_law import LEDGER, sme
from test_printed import pdf_text, print_to_pdf

R728 = "保障中小企业款项支付条例 (国务院令第728号) art. 8"
R802 = "保障中小企业款项支付条例 (国务院令第802号) art. 9"
# From acceptance, the days' article and the one that starts the clock on acceptance.
A728 = "保障中小企业款项支付条例 (国务院令第728号) art. 8 and art. 9"
A802 = "保障中小企业款项支付条例 (国务院令第802号) art. 9 and art. 10"


@pytest.mark.parametrize(
    ("delivered", "latest", "citation"),
    [
        (date(2025, 5, 20), date(2025, 6, 19), R728),
        (date(2025, 5, 31), date(2025, 6, 30), R728),  # the last day of the 2020 text
        (date(2025, 6, 1), date(2025, 7, 1), R802),  # the revision's first day
        (date(2025, 9, 30), date(2025, 10, 30), R802),
    ],
)
def test_thirty_days_from_delivery_under_the_text_in_force_on_delivery(
    delivered: date, latest: date, citation: str
) -> None:
    clock = latest_due(delivered)
    assert (clock.starts, clock.start, clock.days, clock.latest) == ("delivery", delivered, 30, latest)
    assert clock.citation == citation


def test_agreed_days_count_up_to_sixty_and_no_further() -> None:
    assert [lawful_days(d) for d in (None, 15, 45, 60, 61, 90)] == [30, 15, 45, 60, 30, 30]
    assert latest_due(date(2025, 6, 1), agreed_days=60).latest == date(2025, 7, 31)
    assert latest_due(date(2025, 6, 1), agreed_days=90).latest == date(2025, 7, 1)


def test_from_acceptance_where_acceptance_is_the_condition() -> None:
    """Issue 25's worked quarter: assessed (accepted) 2025-10-10, due 2025-11-09 at the latest."""
    clock = latest_due(date(2025, 9, 30), "acceptance", accepted=date(2025, 10, 10), acceptance_days=15)
    assert (clock.starts, clock.start, clock.latest) == ("acceptance", date(2025, 10, 10), date(2025, 11, 9))
    assert clock.citation == A802 and clock.articles == (9, 10)


def test_the_text_in_force_when_acceptance_starts_the_clock_not_at_delivery() -> None:
    """Delivered under 728号, accepted under 802号: the clock starts under 802号."""
    clock = latest_due(date(2025, 5, 20), "acceptance", accepted=date(2025, 6, 3))
    assert (clock.latest, clock.citation) == (date(2025, 7, 3), A802)
    before = latest_due(date(2025, 5, 10), "acceptance", accepted=date(2025, 5, 30))
    assert (before.latest, before.citation, before.articles) == (date(2025, 6, 29), A728, (8, 9))


def test_a_delayed_acceptance_starts_the_clock_when_the_acceptance_period_ends() -> None:
    """Delivered 2025-09-30 with 15 days to accept: the period ends 2025-10-15. Accepted on
    2025-11-20, the clock still starts on 2025-10-15 and runs out on 2025-11-14."""
    clock = latest_due(date(2025, 9, 30), "acceptance", accepted=date(2025, 11, 20), acceptance_days=15)
    assert (clock.starts, clock.start, clock.latest) == (
        "delayed-acceptance",
        date(2025, 10, 15),
        date(2025, 11, 14),
    )
    on_the_last_day = latest_due(
        date(2025, 9, 30), "acceptance", accepted=date(2025, 10, 15), acceptance_days=15
    )
    assert (on_the_last_day.starts, on_the_last_day.latest) == ("acceptance", date(2025, 11, 14))


def test_an_acceptance_not_recorded_gives_no_date_until_its_period_has_passed() -> None:
    waiting = latest_due(date(2025, 9, 30), "acceptance", acceptance_days=15, as_of=date(2025, 10, 15))
    assert (waiting.starts, waiting.start, waiting.latest, waiting.citation) == (None, None, None, None)
    passed = latest_due(date(2025, 9, 30), "acceptance", acceptance_days=15, as_of=date(2025, 10, 16))
    assert (passed.starts, passed.latest) == ("delayed-acceptance", date(2025, 11, 14))
    no_period = latest_due(date(2025, 9, 30), "acceptance", as_of=date(2026, 3, 1))
    assert no_period.latest is None  # no agreed period: nothing bounds the wait


def test_the_delayed_acceptance_period_across_the_revision() -> None:
    """Delivered 2025-05-20 with 15 days to accept and not accepted: the period ends on
    2025-06-04, so the clock starts under 802号."""
    clock = latest_due(date(2025, 5, 20), "acceptance", acceptance_days=15, as_of=date(2025, 7, 1))
    assert (clock.start, clock.latest, clock.citation) == (date(2025, 6, 4), date(2025, 7, 4), A802)


def test_before_the_2020_text_there_is_no_statutory_date() -> None:
    clock = latest_due(date(2020, 8, 1))
    assert clock.latest is None and clock.citation is None
    assert latest_due(date(2020, 9, 1)).citation == R728


# The statement (rule 23 beside the figures): the seed moved three years on, to the term
# 2025-04-01..2026-03-31, with Party B an SME; instalment 1 (2025-04-01..06-30) is delivered on
# 2025-06-30, under 802号, so its latest lawful due date is 30 days on: 2025-07-30.
DELIVERY = "payment:\n  clause: 九\n  days_after: 90\n  counted_from: delivery\n"
ACCEPTANCE = "payment:\n  clause: 九\n  days_after: 30\n  counted_from: acceptance\n  acceptance_days: 15\n"


def _project(project: Path, run: Run, payment: str) -> None:
    sme(project, shift_years=3, extra=payment)
    assert run("init", "--recorded-from", "2025-04-01").exit_code == 0
    write_roster(project / LEDGER)


def _settle(run: Run, *args: str) -> dict[str, Any]:
    s = run("settle", *args, "--format", "json")
    assert s.exit_code == 0, s
    return cast(dict[str, Any], json.loads(s.stdout))


def _clock_findings(statement: dict[str, Any]) -> list[str]:
    return [f["finding"] for f in statement["findings"] if "latest lawful" in f["finding"]]


def test_settle_shows_the_lawful_date_and_finds_the_later_contract_date_and_the_late_payment(
    project: Path, run: Run
) -> None:
    """90 days agreed from delivery: the contract's date is 2025-09-28, beyond the lawful
    2025-07-30 (the 90 days are no agreement the law allows, so 30 count); paid on 2025-08-05,
    6 days after it. Both are findings of Q3, where their dates fall, under 802号 art. 9."""
    _project(project, run, DELIVERY)
    ok = run("record", "payment", "--date", "2025-08-05", "--instalment", "1", "--amount", "1641000.00")
    assert ok.exit_code == 0, ok
    q3 = _settle(run, "--quarter", "Q3")
    first = q3["statutory_due"][0]
    assert {k: first[k] for k in ("instalment", "delivered", "clock_starts", "from", "days", "latest")} == {
        "instalment": 1,
        "delivered": "2025-06-30",
        "clock_starts": "delivery",
        "from": "2025-06-30",
        "days": 30,
        "latest": "2025-07-30",
    }
    assert (first["decree"], first["articles"], first["contract_due"]) == (
        "国务院令第802号",
        [9],
        "2025-09-28",
    )
    assert first["contract_later"] is True
    assert [(p["date"], p["days_late"]) for p in first["paid_after"]] == [("2025-08-05", 6)]
    found = _clock_findings(q3)
    assert len(found) == 2 and all(R802 in f for f in found)
    assert any(
        "due 2025-09-28 under the contract, later than the latest lawful due date 2025-07-30" in f
        for f in found
    )
    assert any(
        "2025-08-05: instalment 1 paid 6 days after its latest lawful due date 2025-07-30" in f for f in found
    )
    q2 = _settle(run, "--quarter", "Q2")
    assert q2["statutory_due"][0]["latest"] == "2025-07-30" and not _clock_findings(q2)


def test_the_text_and_the_printed_statement_show_the_clock(project: Path, run: Run) -> None:
    _project(project, run, DELIVERY)
    text = run("settle", "--quarter", "Q3")
    assert text.exit_code == 0, text
    assert "Latest lawful due dates for a small or medium supplier (rule 23)" in text.stdout
    assert "2025-07-30" in text.stdout and "国务院令第802号" in text.stdout
    made = run("settle", "--quarter", "Q3", "--format", "html", "--output", str(project / "q3.html"))
    assert made.exit_code == 0, made
    page = (project / "q3.html").read_text(encoding="utf-8")
    assert "Latest lawful due dates for a small or medium supplier (rule 23)" in page
    assert '<td class="k">2025-07-30</td>' in page
    zh = run("settle", "--quarter", "Q3", "--lang", "zh")
    assert "交付" in zh.stdout and "Latest lawful" not in zh.stdout


def test_an_acceptance_not_recorded_is_said_until_the_acceptance_period_ends(project: Path, run: Run) -> None:
    """Acceptance is the condition, 15 days to accept: until 2025-07-15 the clock waits for an
    acceptance no record holds; from 2025-07-16 it runs from 2025-07-15 (a delayed
    acceptance), due 2025-08-14 at the latest."""
    _project(project, run, ACCEPTANCE)
    waiting = _settle(run, "--quarter", "Q3", "--as-of", "2025-07-15")["statutory_due"][0]
    assert (waiting["clock_starts"], waiting["latest"], waiting["citation"]) == (None, None, None)
    text = run("settle", "--quarter", "Q3", "--as-of", "2025-07-15")
    assert "acceptance not recorded" in text.stdout
    late = _settle(run, "--quarter", "Q3", "--as-of", "2025-07-16")["statutory_due"][0]
    assert (late["clock_starts"], late["from"], late["latest"]) == (
        "delayed-acceptance",
        "2025-07-15",
        "2025-08-14",
    )


def test_acceptance_dates_supplied_start_the_clock(project: Path, run: Run) -> None:
    """Through the seam's stand-in: instalment 1 accepted on 2025-07-10 (within its period),
    instalment 2 on 2025-10-20 (five days after its period ended on 2025-10-15): the first
    runs from acceptance to 2025-08-09, the second from 2025-10-15 to 2025-11-14, and the
    contract's own date, 30 days after the actual acceptance (2025-11-19), is a finding."""
    _project(project, run, ACCEPTANCE)
    book = book_for(None, None)
    supplied = {1: date(2025, 7, 10), 2: date(2025, 10, 20)}
    s = settle(book, quarter_period(2025, 4), acceptances=supplied)
    one, two = s.statutory[0], s.statutory[1]
    assert (one.clock.starts, one.clock.latest, one.contract_due) == (
        "acceptance",
        date(2025, 8, 9),
        date(2025, 8, 9),
    )
    assert (two.clock.starts, two.clock.start, two.clock.latest) == (
        "delayed-acceptance",
        date(2025, 10, 15),
        date(2025, 11, 14),
    )
    assert two.contract_due == date(2025, 11, 19) and two.contract_later
    before = settle(book, quarter_period(2025, 4), as_of=date(2025, 10, 19), acceptances=supplied)
    assert before.statutory[1].clock.starts == "delayed-acceptance"  # the period ended 10-15
    assert before.statutory[1].contract_due is None  # its acceptance is not known on 10-19
    shown = statement(s)["statutory_due"]
    assert [r["clock_starts"] for r in shown] == ["acceptance", "delayed-acceptance", None]
    (later,) = [str(f.message) for f in s.findings if "due 2025-11-19 under the contract" in str(f.message)]
    assert "latest lawful due date 2025-11-14" in later and A802 in later


def test_the_seat_contract_without_a_payment_block_shows_no_clock(project: Path, run: Run) -> None:
    sme(project, shift_years=3)
    assert run("init", "--recorded-from", "2025-04-01").exit_code == 0
    write_roster(project / LEDGER)
    out = _settle(run, "--quarter", "Q3")
    assert "statutory_due" not in out and not _clock_findings(out)


@pytest.mark.slow
def test_the_printed_page_in_chinese_carries_the_clock_in_a_browser(project: Path, run: Run) -> None:
    """Printed by a real browser: the section, each date and the article are on the page."""
    _project(project, run, DELIVERY)
    page = project / "q3.html"
    made = run("settle", "--quarter", "Q3", "--format", "html", "--output", str(page), "--lang", "zh")
    assert made.exit_code == 0, made
    text = pdf_text(print_to_pdf(page, project))
    flat = re.sub(r"\s+", "", text)
    assert "中小企业供应商的法定最迟付款日（规则23）" in flat
    assert "交付2025-06-30" in flat and "2025-07-30" in flat and "2025-09-28" in flat
    assert "《保障中小企业款项支付条例》（国务院令第802号）第9条" in flat


def test_a_termination_delivers_the_service_the_day_before_it(project: Path, run: Run) -> None:
    """Terminated 2025-11-16 (十(3), the term moved on three years): instalment 3's service
    (2025-10-01..12-31) was delivered up to 2025-11-15, so its clock runs from then: due
    2025-12-15 at the latest (802号 art. 9); the earlier instalments keep their periods' ends."""
    _project(project, run, DELIVERY)
    assert run("record", "termination", "--date", "2025-11-16", "--clause", "十(3)").exit_code == 0
    rows = {
        r["instalment"]: r for r in _settle(run, "--quarter", "Q4", "--as-of", "2025-12-31")["statutory_due"]
    }
    assert (rows[3]["delivered"], rows[3]["from"], rows[3]["latest"]) == (
        "2025-11-15",
        "2025-11-15",
        "2025-12-15",
    )
    assert (rows[2]["delivered"], rows[2]["latest"]) == ("2025-09-30", "2025-10-30")


def test_agreed_days_within_60_set_the_day_and_a_payment_on_it_is_on_time(project: Path, run: Run) -> None:
    """45 days agreed from delivery (at most 60: the law lets the contract agree them):
    instalment 1, delivered 2025-06-30, is due 2025-08-14 at the latest. Instalment 1 paid
    half on that day (on time) and half a day later (1 day late); no finding of a contract date
    later than the law's."""
    _project(project, run, DELIVERY.replace("days_after: 90", "days_after: 45"))
    for day in ("2025-08-14", "2025-08-15"):
        ok = run("record", "payment", "--date", day, "--instalment", "1", "--amount", "820500.00")
        assert ok.exit_code == 0, ok
    first = _settle(run, "--quarter", "Q3")["statutory_due"][0]
    assert (first["days"], first["latest"], first["contract_due"], first["contract_later"]) == (
        45,
        "2025-08-14",
        "2025-08-14",
        False,
    )
    assert [(p["date"], p["days_late"]) for p in first["paid_after"]] == [("2025-08-15", 1)]


def test_a_payment_before_the_acceptance_is_known_is_no_finding(project: Path, run: Run) -> None:
    """Counted from acceptance, none recorded and its period not yet over at the as-of day: no
    lawful date is known, so a payment made meanwhile is neither late nor a finding."""
    _project(project, run, ACCEPTANCE)
    ok = run("record", "payment", "--date", "2025-07-05", "--instalment", "2", "--amount", "1641000.00")
    assert ok.exit_code == 0, ok
    q3 = _settle(run, "--quarter", "Q3", "--as-of", "2025-07-10")
    rows = {r["instalment"]: r for r in q3["statutory_due"]}
    assert rows[2]["latest"] is None and rows[2]["paid_after"] == []
    assert _clock_findings(q3) == []
