"""The bundled score-hotline example (issue 25's worked example, rules 25 and 26), run as a
clerk would from `examples/`: its 2025-Q3 holds the answer rate 96.10 / 93.40 / 88.20 % and
satisfaction 91.0 / 89.5 / 86.0 % for July..September and Party A's score 86.5 on 2025-10-10.

By hand, from the contract's terms (fee 1,700,000.00 / 4 = 425,000.00 a quarter):
- August answer rate: 95.00 − 93.40 = 1.60, 1 full point × 0.5 % = 2,125.00;
- September answer rate: 95.00 − 88.20 = 6.80, 6 points = 3 % = 12,750.00 (cap 5 % = 21,250.00);
- September satisfaction: 90.00 − 86.00 = 4 points × 0.3 % = 1.2 % = 5,100.00 (August's 0.50
  below is no full point; cap 3 %);
- total 19,975.00, under the quarter's cap 10 % = 42,500.00;
- factor 100 − (90 − 86.5) × 1 = 96.5 %: 425,000.00 × 96.5 % = 410,125.00;
- payment 410,125.00 − 19,975.00 = 390,150.00, due 2025-10-10 + 30 days = 2025-11-09."""

from __future__ import annotations

import json
import re
import shutil
from decimal import Decimal
from pathlib import Path

import pytest

from conftest import REPO, Run

EXAMPLES = REPO / "examples"
FEE = Decimal("1700000.00") / 4
DEDUCTIONS = [Decimal("2125.00"), Decimal("12750.00"), Decimal("5100.00")]
PAYMENT = Decimal("390150.00")


@pytest.fixture
def examples(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    shutil.copytree(EXAMPLES / "contracts", tmp_path / "contracts")
    shutil.copytree(EXAMPLES / "ledgers", tmp_path / "ledgers")
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("SEATLEDGER_CONTRACT", raising=False)
    monkeypatch.delenv("SEATLEDGER_LEDGER", raising=False)
    return tmp_path


def test_the_hand_figures_hold_together() -> None:
    """The worked example's own arithmetic, apart from the tool."""
    assert Decimal("425000.00") == FEE
    assert [FEE * Decimal("0.005") * 1, FEE * Decimal("0.005") * 6, FEE * Decimal("0.003") * 4] == DEDUCTIONS
    assert sum(DEDUCTIONS) == Decimal("19975.00") < FEE * Decimal("0.10") == Decimal("42500.00")
    paid = FEE * (Decimal(100) - (Decimal(90) - Decimal("86.5"))) / 100
    assert paid == Decimal("410125.00") and paid - sum(DEDUCTIONS) == PAYMENT


def test_settle_q3_in_json(examples: Path, run: Run) -> None:
    got = run("settle", "--quarter", "Q3", "--format", "json")
    assert got.exit_code == 0, got.output
    s = json.loads(got.stdout)
    assert s["complete"] and s["gaps"] == [] and "missing_measurements" not in s
    lines = s["deductions"]["service_levels"]
    assert [
        (x["penalty"], x["service_level"]["month"], x["quantity"], Decimal(x["amount"])) for x in lines
    ] == [
        ("answer-rate", "2025-08", 1, DEDUCTIONS[0]),
        ("answer-rate", "2025-09", 6, DEDUCTIONS[1]),
        ("satisfaction", "2025-09", 4, DEDUCTIONS[2]),
    ]
    assert all(x["service_level"]["cap"] is None and x["clause"].startswith("第六条") for x in lines)
    assert Decimal(s["deductions"]["total"]) == sum(DEDUCTIONS)
    accrued = [Decimal(i["amount"]) for i in s["instalments"]]
    assert accrued == [FEE, Decimal("410125.00") - FEE]
    # the factor's line names its instalment, factor, score, quarter and the assessment
    assert re.fullmatch(
        r"instalment 1 × pay factor 96\.50 % \(score 86\.50, 2025-Q3, assessment asm-2025-10-10-[0-9a-f]{6}\)",
        s["instalments"][1]["label"],
    ), s["instalments"][1]["label"]
    # the statement foots: opening + accrued − deducted − paid = closing
    closing = (
        Decimal(s["opening_balance"]) + sum(accrued) - Decimal(s["deductions"]["total"]) - Decimal(s["paid"])
    )
    assert closing == Decimal(s["closing_balance"]) == PAYMENT == Decimal(s["next_payment"])
    (due,) = s["due"]
    assert (due["requested"], due["due"], Decimal(due["amount"])) == (
        "2025-10-10",
        "2025-11-09",
        Decimal("410125.00"),
    )


def test_settle_q3_in_text_and_html(examples: Path, run: Run) -> None:
    text = run("settle", "--quarter", "Q3")
    assert text.exit_code == 0, text.output
    assert "390,150.00" in text.stdout and "2025-11-09" in text.stdout
    assert "-14,875.00" in text.stdout and "pay factor 96.50 %" in text.stdout
    assert re.search(r"2025-09: 88\.20 % against 95\.00 %", text.stdout)
    assert "叁拾玖万零壹佰伍拾元整" in text.stdout
    zh = run("--lang", "zh", "settle", "--quarter", "Q3")
    assert "支付系数 96.50 %" in zh.stdout and "390,150.00" in zh.stdout
    got = run("settle", "--quarter", "Q3", "--format", "html", "--output", "q3.html")
    assert got.exit_code == 0, got.output
    page = Path("q3.html").read_text(encoding="utf-8")
    for figure in (
        "425,000.00",
        "-14,875.00",
        "2,125.00",
        "12,750.00",
        "5,100.00",
        "390,150.00",
        "2025-11-09",
    ):
        assert figure in page, figure


def test_deduct_and_balance(examples: Path, run: Run) -> None:
    d = json.loads(run("deduct", "--quarter", "Q3", "--format", "json").stdout)
    assert Decimal(d["total"]) == sum(DEDUCTIONS) and d["complete"]
    b = json.loads(run("balance", "--quarter", "Q3", "--format", "json").stdout)
    (row,) = b["rows"]
    assert Decimal(row["balance"]) == PAYMENT and row["complete"]


def test_a_missing_month_makes_q4_incomplete(examples: Path, run: Run) -> None:
    """October has ended by the end of Q4 with no figures recorded: a finding, not a zero."""
    s = json.loads(run("settle", "--quarter", "Q4", "--format", "json").stdout)
    assert not s["complete"]
    assert {(m["month"], m["indicator"]) for m in s["missing_measurements"]} >= {
        ("2025-10", "answer-rate"),
        ("2025-10", "satisfaction"),
    }


def test_contract_lists_the_indicators(examples: Path, run: Run) -> None:
    terms = json.loads(run("contract", "--format", "json").stdout)["terms"]
    found = {t["key"]: (t["title"], t["rate"], t["clause"]) for t in terms if t["section"] == "indicators"}
    assert found == {
        "answer-rate": ("接通率", "target 95.00 %; 0.50% of the fee a point", "第六条第一款"),
        "satisfaction": ("满意度", "target 90.00 %; 0.30% of the fee a point", "第六条第二款"),
    }
    assert "服务水平指标" in run("--lang", "zh", "contract").stdout


def test_the_statutory_clock_reads_the_assessment_as_acceptance(examples: Path, run: Run) -> None:
    """Rule 23 meets rule 26: the Q3 assessment of 2025-10-10 is the acceptance, so the latest
    lawful day is 30 days on, 2025-11-09 under 802号 arts. 9 and 10, the contract's own day."""
    s = json.loads(run("settle", "--quarter", "Q3", "--as-of", "2025-11-30", "--format", "json").stdout)
    (clock,) = s["statutory_due"]
    assert (clock["clock_starts"], clock["from"], clock["latest"], clock["contract_due"]) == (
        "acceptance",
        "2025-10-10",
        "2025-11-09",
        "2025-11-09",
    )
    assert (clock["decree"], clock["articles"], clock["contract_later"]) == (
        "国务院令第802号",
        [9, 10],
        False,
    )


def test_the_quarter_cap_counts_every_earlier_line_of_its_last_day(examples: Path, run: Run) -> None:
    """The quarterly cap lowered to 4 % (17,000.00): August's 2,125.00 and September's answer
    rate 12,750.00 (dated 2025-09-30, the quarter's last day) leave 2,125.00 under the cap, so
    September's satisfaction line (5,100.00, the same day) is capped at 2,125.00: 17,000.00 in all."""
    contract = examples / "contracts" / "score-hotline-2025.yaml"
    text = contract.read_text(encoding="utf-8")
    old = '  cap:  # 一个季度的服务水平扣款合计至多当季服务费的 10%\n    window: period\n    percent: "10"\n'
    assert old in text
    contract.write_text(text.replace(old, old.replace('percent: "10"', 'percent: "4"')), encoding="utf-8")
    got = run("settle", "--quarter", "Q3", "--format", "json")
    assert got.exit_code == 0, got.output
    lines = json.loads(got.stdout)["deductions"]["service_levels"]
    amounts = [(x["penalty"], x["service_level"]["month"], Decimal(x["amount"])) for x in lines]
    assert amounts == [
        ("answer-rate", "2025-08", Decimal("2125.00")),
        ("answer-rate", "2025-09", Decimal("12750.00")),
        ("satisfaction", "2025-09", Decimal("2125.00")),
    ]
    assert lines[2]["service_level"]["cap"] is not None and lines[1]["service_level"]["cap"] is None
