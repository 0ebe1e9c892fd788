"""How a statement names its deduction lines (rule 8): the penalty's title in the contract
with its key in English, the title alone in Chinese, the key where the statement has no title
for it. From the mutation run of 2026-12-03."""

from __future__ import annotations

import json
from datetime import date
from decimal import Decimal
from pathlib import Path
from typing import Any

from conftest import SEED, Run
from seatledger.core.i18n import local, use
from seatledger.core.ledger import Ledger
from seatledger.core.periods import quarter_period
from seatledger.core.records import Completion, Incident, LedgerMeta
from seatledger.read.contract_file import load_contract
from seatledger.reports.settlement import settle
from seatledger.rules.accruals import accruals
from seatledger.rules.book import make_book

TITLE = "座席缺口扣款（缺口人次）"  # the seed contract's title of seat-shortage (三(一)5)


def test_a_deduction_line_names_its_penalty_in_both_languages(project: Path, run: Run) -> None:
    """300.00 of seat-shortage brought forward by an opening record on 2022-07-01 is Q2's."""
    assert run("init", "--recorded-from", "2022-07-01").exit_code == 0
    args = ("--paid", "1=1641000", "--invoiced", "1=1641000", "--deducted", "seat-shortage=300")
    assert run("record", "opening", "--date", "2022-07-01", *args).exit_code == 0
    en = run("settle", "--quarter", "Q2").stdout.splitlines()
    zh = run("settle", "--quarter", "Q2", "--lang", "zh").stdout.splitlines()
    assert [line.split("  ")[0] for line in en if "deduction:" in line] == [
        f"- deduction: {TITLE} (seat-shortage)"
    ]
    assert [line.split("  ")[0] for line in zh if "扣款：" in line] == [f"- 扣款：{TITLE}"]


def test_a_key_without_a_title_reads_as_the_key() -> None:
    contract = load_contract(SEED)
    q3 = quarter_period(2022, 3)
    incident = Incident(
        id="inc-2022-07-05-000001", date=date(2022, 7, 5), penalty="post-abandonment", count=1
    )
    meta = LedgerMeta(contract=contract.id, recorded_from=q3.start)
    book = make_book(Ledger(contract, SEED, Path("."), meta, (), (incident,), []))
    statement = settle(book, q3)
    assert statement.by_penalty == {"post-abandonment": Decimal("1000.00")}  # 三(一)7: 1,000.00 each
    untitled = statement._replace(titles={})
    try:
        use("en")
        assert local(statement.deduction_item("post-abandonment")) == (
            "- deduction: 座席员无故脱岗、空岗 (post-abandonment)"
        )
        assert local(untitled.deduction_item("post-abandonment")) == "- deduction: post-abandonment"
        use("zh")
        assert local(statement.deduction_item("post-abandonment")) == "- 扣款：座席员无故脱岗、空岗"
        assert local(untitled.deduction_item("post-abandonment")) == "- 扣款：post-abandonment"
    finally:
        use("en")


def test_late_interest_shows_its_clause_and_an_excuse_its_title(project: Path, run: Run) -> None:
    """Instalment 2 (due 2022-07-22) paid in full on 08-05 with the excuse fiscal-allocation:
    its row names the excuse (in Chinese by the contract's title for it), and the interest
    line cites 十(1), the seed's late-interest clause."""
    assert run("init", "--recorded-from", "2022-10-01").exit_code == 0
    assert run("record", "request", "--date", "2022-07-01", "--instalment", "2").exit_code == 0
    args = (
        "--date",
        "2022-08-05",
        "--instalment",
        "2",
        "--amount",
        "1641000",
        "--excused",
        "fiscal-allocation",
    )
    assert run("record", "payment", *args).exit_code == 0
    en = run("settle", "--quarter", "Q3", "--as-of", "2022-08-05").stdout
    zh = run("settle", "--quarter", "Q3", "--as-of", "2022-08-05", "--lang", "zh").stdout
    (line,) = [x for x in en.splitlines() if "late-payment interest (beside the balance)" in x]
    assert "十(1)" in line
    assert "excused: fiscal-allocation" in en
    assert "因财政拨款问题造成逾期" in zh and "fiscal-allocation" not in zh


def test_a_termination_reverses_on_its_own_day_in_any_period_that_holds_it(project: Path, run: Run) -> None:
    """Terminated on 2022-11-16 (十(2), after an uncured notice): instalment 3 (92 days of Q4)
    gives back its 46 unserved days, 1,641,000.00 x 46 / 92 = 820,500.00, on that day: in a
    period of that one day, and in none that starts the day after."""
    assert run("init", "--recorded-from", "2022-10-01").exit_code == 0
    assert (
        run(
            "record", "notice", "--date", "2022-11-01", "--clause", "十(2)", "--cure-by", "2022-11-10"
        ).exit_code
        == 0
    )
    assert run("record", "termination", "--date", "2022-11-16", "--clause", "十(2)").exit_code == 0
    text = (project / "ledgers" / "haidian-hotline-2022" / "2022-11.yaml").read_text(encoding="utf-8")
    (tid,) = [line.split(": ")[1] for line in text.splitlines() if line.startswith("- id: trm-")]

    def accrued(start: str, end: str) -> Any:
        s = run("settle", "--from", start, "--to", end, "--format", "json")
        assert s.exit_code == 0, s
        return json.loads(s.stdout)["instalments"]

    assert accrued("2022-11-16", "2022-11-16") == [
        {
            "label": f"instalment 3 reversed for the unserved part 2022-11-16..2022-12-31 (termination {tid})",
            "date": "2022-11-16",
            "amount": "-820500.00",
            "clause": "十(2)",
            "amendment": None,
        }
    ]
    assert accrued("2022-11-17", "2022-11-30") == []


def test_the_final_payment_accrues_on_the_day_its_completion_is_confirmed() -> None:
    """尾款 accrues on the day its completion is confirmed (九, rule 8): in a range that starts
    on that day, and in none that starts the day after."""
    contract = load_contract(SEED)
    done = Completion(id="cmp-2023-04-20-000001", date=date(2023, 4, 20), amount=Decimal("131568.00"))
    meta = LedgerMeta(contract=contract.id, recorded_from=date(2022, 10, 1))
    book = make_book(Ledger(contract, SEED, Path("."), meta, (), (done,), []))
    on_the_day = accruals(book, date(2023, 4, 20), date(2023, 4, 20))
    assert [(a.label, a.date, a.amount, a.clause) for a in on_the_day] == [
        ("final payment", date(2023, 4, 20), Decimal("131568.00"), "九")
    ]
    assert accruals(book, date(2023, 4, 21), date(2023, 4, 30)) == []
