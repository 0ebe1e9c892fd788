"""Rules 25 and 26 on a contract with seats and service levels together: a copy of the seed
contract (九: instalment 2 is 1,641,000.00 for 2022-07-01..09-30) with the issue's service-level
terms added (answer rate 95.00 %, 0.5 % of the fee a full point below, at most 5 % a month;
satisfaction 90.00 %, 0.3 %, at most 3 %; at most 10 % a quarter; pay factor 100 % at a score of
90 or more, 100 − (90 − S) % from 80 to 90, 85 % below 80 with a notice; two such quarters in a
row give the right to terminate; paid 30 days after the assessment). Every expected figure is
worked out by hand in the comments, from the fee, not by the rule."""

from __future__ import annotations

import json
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest

from conftest import LEDGER, Run, snapshot

SERVICE_LEVELS = """
payment:
  clause: 九
  days_after: 30
  counted_from: acceptance
service_levels:
  clause: 附件2
  indicators:
    answer-rate:
      title: 接通率
      target: "95.00"
      clause: 附件2 一
      tiers:
        - above: "0"
          percent: "0.5"
      monthly_cap:
        percent: "5"
    satisfaction:
      title: 满意度
      target: "90.00"
      clause: 附件2 二
      tiers:
        - above: "0"
          percent: "0.3"
      monthly_cap:
        percent: "3"
  cap:
    window: period
    percent: "10"
    clause: 附件2 三
  pay_factor:
    clause: 附件2 四
    linear: {low_score: "80", low_factor: "90", high_score: "90", high_factor: "100"}
    floor: {below: "80", factor: "85"}
    low_score: {below: "80", clause: 附件2 五, consecutive: 2}
"""

FEE = Decimal("1641000.00")  # instalment 2, and 3, of the seed contract (九)
CENT = Decimal("0.01")


def ok(run: Run, *args: str) -> str:
    result = run(*args)
    assert result.exit_code == 0, (args, result)
    return result.stdout


def as_json(run: Run, *args: str) -> Any:
    return json.loads(ok(run, *args, "--format", "json"))


@pytest.fixture
def levels(project: Path, run: Run) -> Path:
    contract = project / "contracts" / "haidian-hotline-2022.yaml"
    contract.write_text(contract.read_text(encoding="utf-8") + SERVICE_LEVELS, encoding="utf-8")
    ok(run, "init")
    return project / LEDGER


def measure(run: Run, month: str, indicator: str, value: str) -> None:
    ok(run, "record", "measurement", "--month", month, "--indicator", indicator, "--value", value)


def worked_example(run: Run) -> None:
    """The issue's quarter, moved to the seed contract's 2022-Q3."""
    for month, answer, satisfied in (
        ("07", "96.10", "91.0"),
        ("08", "93.40", "89.5"),
        ("09", "88.20", "86.0"),
    ):
        measure(run, f"2022-{month}", "answer-rate", answer)
        measure(run, f"2022-{month}", "满意度", satisfied)  # the contract's title names the key
    ok(run, "record", "assessment", "--quarter", "Q3", "--score", "86.5", "--date", "2022-10-10")


def test_the_worked_example_by_hand(levels: Path, run: Run) -> None:
    """July meets both targets. August: answer rate 95.00 − 93.40 = 1.60, 1 full point × 0.5 % of
    1,641,000.00 = 8,205.00; satisfaction 0.50 below: no full point. September: answer rate 6.80
    below, 6 points = 3 % = 49,230.00 (under the 5 % cap 82,050.00); satisfaction 4 points × 0.3 %
    = 1.2 % = 19,692.00. Total 77,127.00, under the quarter's cap 164,100.00. Score 86.5: factor
    100 − 3.5 = 96.5 %, 1,641,000.00 × 96.5 % = 1,583,565.00, i.e. 57,435.00 less. Q3 closes at
    1,641,000.00 brought forward (instalment 1, nothing paid) + 1,583,565.00 − 77,127.00 =
    3,147,438.00; the payment is due 2022-10-10 + 30 days = 2022-11-09."""
    worked_example(run)
    assert [p["code"] for p in as_json(run, "check")["problems"]] == []
    d = as_json(run, "deduct", "--quarter", "Q3")
    sl = [(x["date"], x["penalty"], x["quantity"], x["rate"], x["amount"]) for x in d["lines"]]
    assert sl == [
        ("2022-08-31", "answer-rate", 1, "8205.00", "8205.00"),
        ("2022-09-30", "answer-rate", 6, "8205.00", "49230.00"),
        ("2022-09-30", "satisfaction", 4, "4923.00", "19692.00"),
    ]
    assert d["total"] == "77127.00"
    assert d["lines"][1]["service_level"] == {
        "month": "2022-09",
        "value": "88.20",
        "target": "95.00",
        "points": 6,
        "uncapped": "49230.00",
        "cap": None,
    }
    assert d["lines"][1]["clause"] == "附件2 一" and d["lines"][1]["record"].startswith("msr-2022-09-30-")
    s = as_json(run, "settle", "--quarter", "Q3")
    factor = [i for i in s["instalments"] if "pay factor" in i["label"]]
    assert [(i["date"], i["amount"], i["clause"]) for i in factor] == [
        ("2022-09-30", "-57435.00", "附件2 四")
    ]
    assert s["deductions"]["by_penalty"] == {"answer-rate": "57435.00", "satisfaction": "19692.00"}
    assert len(s["deductions"]["service_levels"]) == 3
    assert s["closing_balance"] == "3147438.00"
    assert s["next_payment"] == "3147438.00"  # nothing is paid ahead of its assessment
    (q3,) = [x for x in s["due"] if x["instalment"] == 2]
    assert (q3["requested"], q3["due"], q3["amount"]) == ("2022-10-10", "2022-11-09", "1583565.00")
    # independently: the fee × factor less the deductions
    assert FEE * Decimal("0.965") - Decimal("77127.00") == Decimal("1506438.00")
    assert Decimal(s["closing_balance"]) == FEE + Decimal("1506438.00")


def test_text_and_html_show_each_line_with_its_figure(levels: Path, run: Run) -> None:
    worked_example(run)
    text = ok(run, "settle", "--quarter", "Q3")
    assert "Service levels below target (rule 25)" in text
    assert "2022-09: 88.20 % against 95.00 %" in text
    assert "3,147,438.00" in text
    ok(run, "settle", "--quarter", "Q3", "--format", "html", "--output", "q3.html")
    page = Path("q3.html").read_text(encoding="utf-8")
    assert "Service levels below target (rule 25)" in page
    assert "49,230.00" in page and "2022-11-09" in page
    zh = ok(run, "--lang", "zh", "deduct", "--quarter", "Q3")
    assert "2022-09：实测 88.20 %，目标 95.00 %" in zh


def test_caps_bite(levels: Path, run: Run) -> None:
    """Answer rate 80.00 in each month of Q3: 15 points × 8,205.00 = 123,075.00, cut to the
    monthly cap 5 % = 82,050.00. July and August use 164,100.00, the quarter's 10 % cap, so
    September's line is cut to 0.00; satisfaction (met) adds nothing."""
    for month in ("07", "08", "09"):
        measure(run, f"2022-{month}", "answer-rate", "80")
        measure(run, f"2022-{month}", "satisfaction", "95")
    d = as_json(run, "deduct", "--quarter", "Q3")
    assert [x["amount"] for x in d["lines"]] == ["82050.00", "82050.00", "0.00"]
    assert [x["service_level"]["uncapped"] for x in d["lines"]] == ["123075.00"] * 3
    assert "monthly cap 82,050.00" in d["lines"][0]["service_level"]["cap"]
    assert "cap 164,100.00 over 2022-07-01..2022-09-30 (附件2 三)" in d["lines"][2]["service_level"]["cap"]
    assert d["total"] == str((FEE * Decimal("0.10")).quantize(CENT))


def test_low_scores_floor_notice_and_the_right_to_terminate(levels: Path, run: Run) -> None:
    """A score of 78.0 pays the 85 % floor: 1,641,000.00 × 15 % = 246,150.00 less; Q3 alone is a
    notice finding, Q3 and Q4 in a row give the right to terminate."""
    ok(run, "record", "assessment", "--quarter", "Q3", "--score", "78", "--date", "2022-10-10")
    s = as_json(run, "settle", "--quarter", "Q3")
    assert [i["amount"] for i in s["instalments"] if "pay factor" in i["label"]] == ["-246150.00"]
    findings = [f["finding"] for f in s["findings"]]
    assert any("score 78.00 is below 80.00" in f and "85.00 %" in f for f in findings)
    assert not any("right to terminate" in f for f in findings)
    ok(run, "record", "assessment", "--quarter", "Q4", "--score", "79.5", "--date", "2023-01-12")
    q4 = [f["finding"] for f in as_json(run, "settle", "--quarter", "Q4")["findings"]]
    assert any("2022-Q3, 2022-Q4: 2 quarters in a row" in f and "附件2 五" in f for f in q4)


def test_a_missing_month_is_a_gap_not_a_zero(levels: Path, run: Run) -> None:
    measure(run, "2022-07", "answer-rate", "96")
    d = as_json(run, "deduct", "--month", "2022-07")
    assert d["complete"] is False
    assert d["missing_measurements"] == [
        {"month": "2022-07", "indicator": "satisfaction", "clause": "附件2 二"}
    ]
    assert "monthly figure(s) of the service levels are not recorded" in ok(
        run, "deduct", "--month", "2022-07"
    )


@pytest.mark.parametrize(
    ("args", "field", "english", "chinese"),
    [
        (("measurement", "--month", "2022-08", "--indicator", "speed", "--value", "90"), "--indicator",
         "'speed' is not an indicator of the contract in 2022-08; valid: answer-rate, satisfaction",
         "'speed' 不是合同在 2022-08 的指标"),
        (("measurement", "--month", "2022-08", "--indicator", "answer-rate", "--value", "100.5"), "--value",
         "is not a percentage from 0 to 100", "不是 0 至 100 之间"),
        (("measurement", "--month", "2023-04", "--indicator", "answer-rate", "--value", "90"), "--month",
         "2023-04 is outside the term 2022-04-01..2023-03-31", "2023-04 不在合同期"),
        (("measurement", "--month", "2022-08", "--indicator", "answer-rate", "--value", "90",
          "--date", "2022-08-30"), "--date",
         "2022-08-30 is before the end of the month measured (2022-08-31)", "早于所测月份的结束日"),
        (("measurement", "--month", "2022-07", "--indicator", "answer-rate", "--value", "91"), "--indicator",
         "2022-07 answer-rate is measured already by msr-2022-07-31-", "已由 msr-2022-07-31-"),
        (("assessment", "--quarter", "Q3", "--score", "101", "--date", "2022-10-10"), "--score",
         "is not a percentage from 0 to 100", "不是 0 至 100 之间"),
        (("assessment", "--quarter", "Q3", "--score", "88", "--date", "2022-09-30"), "--date",
         "an assessment of 2022-Q3 is dated after its end 2022-09-30, not 2022-09-30", "应在其结束日"),
        (("assessment", "--quarter", "2021-Q3", "--score", "88", "--date", "2021-10-10"), "--quarter",
         "2021-Q3: is not in the term", "2021-Q3"),
    ],
)  # fmt: skip
def test_refused_in_both_languages_and_nothing_changes(
    levels: Path, run: Run, args: tuple[str, ...], field: str, english: str, chinese: str
) -> None:
    measure(run, "2022-07", "answer-rate", "96")
    before = snapshot(levels)
    r = run("record", *args)
    assert r.exit_code not in (0, 3) and english in r.output and f"command line: {field}" in r.output
    zh = run("--lang", "zh", "record", *args)
    assert zh.exit_code == r.exit_code and chinese in zh.output and "命令行" in zh.output
    assert snapshot(levels) == before


def test_a_measurement_in_a_file_is_refused_at_its_line(levels: Path, run: Run) -> None:
    """A hand-written duplicate is a problem at its file, line and field."""
    measure(run, "2022-08", "answer-rate", "93.40")
    month = levels / "2022-08.yaml"
    text = month.read_text(encoding="utf-8")
    month.write_text(
        text + text[text.index("- id: msr") :].replace("93.40", "93.50").replace("msr-", "msr-x-")
    )
    r = run("check", "--format", "json")
    (p,) = json.loads(r.stdout)["problems"]
    assert r.exit_code != 0 and (p["file"].endswith("2022-08.yaml"), p["field"]) == (True, "indicator")
    assert p["line"] > text.count("\n") and "is measured already by msr-2022-08-31-" in p["message"]


def test_an_amendment_changes_a_target_from_its_date(levels: Path, run: Run) -> None:
    """Rule 16: from 2022-09-01 the answer-rate target is 90.00, so September's 88.20 is one
    full point (8,205.00) where it was six; August keeps 95.00."""
    contract = Path("contracts/haidian-hotline-2022.yaml")
    block = SERVICE_LEVELS.split("service_levels:\n", 1)[1].replace('target: "95.00"', 'target: "90.00"')
    indented = "".join(f"      {line}\n" if line else "\n" for line in block.splitlines())
    contract.write_text(
        contract.read_text(encoding="utf-8")
        + "amendments:\n  - id: sl-2022\n    reference: 补充协议\n    signed: 2022-08-20\n"
        + "    effective: 2022-09-01\n    changes:\n      service_levels:\n"
        + indented,
        encoding="utf-8",
    )
    measure(run, "2022-08", "answer-rate", "93.40")
    measure(run, "2022-09", "answer-rate", "88.20")
    d = as_json(run, "deduct", "--quarter", "Q3")
    answer = [
        (x["quantity"], x["amount"], x["amendment"]) for x in d["lines"] if x["penalty"] == "answer-rate"
    ]
    assert answer == [(1, "8205.00", None), (1, "8205.00", "sl-2022")]


def test_a_rate_with_both_a_percent_and_an_amount_is_refused_at_its_line(project: Path, run: Run) -> None:
    contract = project / "contracts" / "haidian-hotline-2022.yaml"
    bad = SERVICE_LEVELS.replace('percent: "0.5"', 'percent: "0.5"\n          amount: "100.00"')
    contract.write_text(contract.read_text(encoding="utf-8") + bad, encoding="utf-8")
    r = run("init")
    assert r.exit_code not in (0, 3)
    assert "give either `percent` or `amount`, not both and not neither" in r.output
    assert "service_levels.indicators.answer-rate.tiers.0" in r.output
    zh = run("--lang", "zh", "init")
    assert "请给出 `percent` 或 `amount` 之一" in zh.output


def test_started_points_tiers_and_a_twelve_month_cap(project: Path, run: Run) -> None:
    """Answer rate counted per started point, 0.5 % of the fee for the first 3 points and 1 % for
    each beyond; the cap is 60,000.00 over 12 months. August 93.40: 1.60 below, 2 started points
    × 8,205.00 = 16,410.00. September 88.20: 6.80 below, 7 started points = 3 × 8,205.00 + 4 ×
    16,410.00 = 24,615.00 + 65,640.00 = 90,255.00, cut by the monthly cap (5 % = 82,050.00) and
    then by what the 12-month cap leaves: 60,000.00 − 16,410.00 = 43,590.00."""
    contract = project / "contracts" / "haidian-hotline-2022.yaml"
    terms = SERVICE_LEVELS.replace(
        '      tiers:\n        - above: "0"\n          percent: "0.5"\n',
        '      points: started\n      tiers:\n        - above: "0"\n          percent: "0.5"\n'
        '        - above: "3"\n          percent: "1"\n',
    ).replace('window: period\n    percent: "10"', 'window: 12-months\n    amount: "60000.00"')
    contract.write_text(contract.read_text(encoding="utf-8") + terms, encoding="utf-8")
    ok(run, "init")
    measure(run, "2022-08", "answer-rate", "93.40")
    measure(run, "2022-09", "answer-rate", "88.20")
    d = as_json(run, "deduct", "--quarter", "Q3")
    got = [(x["quantity"], x["amount"], x["service_level"]["uncapped"]) for x in d["lines"]]
    assert got == [(2, "16410.00", "16410.00"), (7, "43590.00", "90255.00")]
    assert "cap 60,000.00 over 2021-10-01..2022-09-30" in d["lines"][1]["service_level"]["cap"]
    assert d["total"] == "60000.00"


def test_lower_is_better_at_a_fixed_amount(project: Path, run: Run) -> None:
    """An abandonment rate of at most 5.00 %, 1,000.00 a full point above: 7.50 is 2 points,
    2,000.00; 5.00 itself costs nothing."""
    contract = project / "contracts" / "haidian-hotline-2022.yaml"
    extra = (
        '    abandon-rate:\n      title: 呼损率\n      target: "5.00"\n      direction: lower-is-better\n'
        '      clause: 附件2 六\n      tiers:\n        - above: "0"\n          amount: "1000.00"\n'
    )
    terms = SERVICE_LEVELS.replace("  indicators:\n", "  indicators:\n" + extra)
    contract.write_text(contract.read_text(encoding="utf-8") + terms, encoding="utf-8")
    ok(run, "init")
    measure(run, "2022-08", "abandon-rate", "7.5")
    measure(run, "2022-09", "呼损率", "5")
    d = as_json(run, "deduct", "--quarter", "Q3")
    assert [(x["date"], x["quantity"], x["rate"], x["amount"]) for x in d["lines"]] == [
        ("2022-08-31", 2, "1000.00", "2000.00")
    ]


def test_a_late_assessment_starts_the_clock_when_the_agreed_period_ends(project: Path, run: Run) -> None:
    """Assessment agreed within 15 days of the quarter's end (2022-09-30 + 15 = 2022-10-15).
    Q3 assessed 2022-10-20: the clock starts 2022-10-15, due 30 days later, 2022-11-14, and Q4's
    statement has the finding, citing the text in force on 2022-10-15 (728号 art. 8). Q4 is not
    assessed by 2023-01-15: due 2023-02-14, a finding too."""
    contract = project / "contracts" / "haidian-hotline-2022.yaml"
    terms = SERVICE_LEVELS.replace(
        "  counted_from: acceptance\n", "  counted_from: acceptance\n  acceptance_days: 15\n"
    )
    contract.write_text(contract.read_text(encoding="utf-8") + terms, encoding="utf-8")
    ok(run, "init")
    ok(run, "record", "assessment", "--quarter", "Q3", "--score", "95", "--date", "2022-10-20")
    q4 = as_json(run, "settle", "--quarter", "Q4", "--as-of", "2023-01-31")
    due = {d["instalment"]: (d["requested"], d["due"]) for d in q4["due"]}
    assert due[2] == ("2022-10-15", "2022-11-14")
    assert due[3] == ("2023-01-15", "2023-02-14")
    found = [f for f in q4["findings"] if "agreed assessment period" in f["finding"]]
    assert len(found) == 1 and "instalment 2: no assessment by 2022-10-15" in found[0]["finding"]
    assert "(国务院令第728号) art. 8" in found[0]["finding"] and found[0]["record"].startswith("asm-")
    q1 = as_json(run, "settle", "--quarter", "Q1", "--as-of", "2023-01-31")
    assert any("instalment 3: no assessment by 2023-01-15" in f["finding"] for f in q1["findings"])


def test_a_pay_factor_by_tiers(project: Path, run: Run) -> None:
    """Tiers: 100 % from a score of 90, 95 % from 80, the floor 85 % below 80. A score of 85.0
    pays 95 %: 1,641,000.00 × 5 % = 82,050.00 less; 79.99 pays 85 %: 246,150.00 less."""
    contract = project / "contracts" / "haidian-hotline-2022.yaml"
    terms = SERVICE_LEVELS.replace(
        '    linear: {low_score: "80", low_factor: "90", high_score: "90", high_factor: "100"}\n',
        '    tiers: [{at_least: "90", factor: "100"}, {at_least: "80", factor: "95"}]\n',
    )
    contract.write_text(contract.read_text(encoding="utf-8") + terms, encoding="utf-8")
    ok(run, "init")
    ok(run, "record", "assessment", "--quarter", "Q3", "--score", "85.0", "--date", "2022-10-10")
    ok(run, "record", "assessment", "--quarter", "Q4", "--score", "79.99", "--date", "2023-01-10")
    rows = as_json(run, "balance", "--by", "quarter")["rows"]
    assert [r["accrued"] for r in rows[1:3]] == [
        str(FEE - Decimal("82050.00")),
        str(FEE - Decimal("246150.00")),
    ]
