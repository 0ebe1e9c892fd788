"""Rule 21: a ledger started mid-term brings forward what stood on its first day in one
opening record. The figures below are derived by hand from the seed contract (九: four
instalments of 1,641,000.00, the first for Apr-Jun 2022; 三(一)5: 300.00 a missing
person-shift; 三(一)7: 1,000.00 a post abandonment)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from conftest import LEDGER, Run, snapshot

# Before 2022-07-01: instalment 1 paid and invoiced in full; 10 person-shifts short
# (10 x 300.00 = 3,000.00) and 2 post abandonments (2 x 1,000.00 = 2,000.00) deducted.
OPENING = ("--paid", "1=1,641,000.00", "--invoiced", "1=1641000", "--deducted")
DEDUCTED = "seat-shortage=3000,post-abandonment=2000.00"


def ok(run: Run, *args: str) -> str:
    result = run(*args)
    assert result.exit_code == 0, (args, result)
    return result.stdout


def as_json(run: Run, *args: str) -> Any:
    return json.loads(ok(run, *args, "--format", "json"))


def test_without_an_opening_instalment_1_reads_unpaid_and_is_flagged(project: Path, run: Run) -> None:
    """The issue's finding: recorded from 2022-07-01, instalment 1 counted as unpaid. It still
    is without an opening record, but init asks for one, check warns and the statement is
    incomplete with a finding that says why."""
    assert "record opening --date 2022-07-01" in ok(run, "init", "--recorded-from", "2022-07-01")
    check = as_json(run, "check")
    (warning,) = [p for p in check["problems"] if p["code"] == "no-opening"]
    assert (warning["severity"], warning["line"], warning["field"]) == ("warning", 3, "recorded_from")
    assert "instalment(s) 1 read as unpaid" in warning["message"]
    q3 = as_json(run, "settle", "--quarter", "Q3")
    assert q3["opening_balance"] == "1641000.00"
    q2 = as_json(run, "settle", "--quarter", "Q2")  # no attendance expected: no gaps in Q2
    assert (q2["gaps"], q2["unrecorded"], q2["complete"]) == ([], [], False)
    assert any("instalment 1 began before" in f["finding"] for f in q2["findings"])
    assert [r["complete"] for r in as_json(run, "balance", "--quarter", "Q2")["rows"]] == [False]


def test_the_opening_is_brought_forward(project: Path, run: Run) -> None:
    """Q2: 1,641,000.00 accrued - 5,000.00 deducted - 1,641,000.00 paid = -5,000.00 (Party B
    overpaid by the deductions). Q3 opens at -5,000.00 brought forward from 2022-07-01,
    accrues instalment 2: closing 1,636,000.00; next instalment 3 (1,641,000.00), so Party A
    should pay 3,277,000.00 next, not 4,918,000.00 (instalment 1 again)."""
    ok(run, "init", "--recorded-from", "2022-07-01")
    out = ok(run, "record", "opening", "--date", "2022-07-01", *OPENING, DEDUCTED)
    assert "kind: opening" in out
    assert [p["code"] for p in as_json(run, "check")["problems"]] == []
    q2 = as_json(run, "settle", "--quarter", "Q2")
    assert q2["deductions"] == {
        "total": "5000.00",
        "by_penalty": {"post-abandonment": "2000.00", "seat-shortage": "3000.00"},
    }
    assert (q2["paid"], q2["closing_balance"], q2["complete"]) == ("1641000.00", "-5000.00", True)
    q3 = as_json(run, "settle", "--quarter", "Q3")
    assert q3["opening_balance"] == "-5000.00"
    assert q3["brought_forward"]["from"] == "2022-07-01"
    assert q3["brought_forward"]["record"].startswith("opn-2022-07-01-")
    assert (q3["closing_balance"], q3["next_payment"]) == ("1636000.00", "3277000.00")
    due1 = next(d for d in q3["due"] if d["instalment"] == 1)
    assert (due1["paid"], due1["interest"], due1["accruing"]) == ("1641000.00", "0.00", "0.00")
    assert not [f for f in q3["findings"] if "instalment 1" in f["finding"]]  # invoiced too
    text = ok(run, "settle", "--quarter", "Q3")
    assert "brought forward from 2022-07-01" in text
    rows = as_json(run, "balance", "--quarter", "Q3", "--by", "quarter")
    assert [r["running"] for r in rows["rows"]] == ["-5000.00", "1636000.00"]
    lines = as_json(run, "deduct", "--quarter", "Q2")["lines"]
    assert {(x["penalty"], x["clause"], x["amount"]) for x in lines} == {
        ("seat-shortage", "三(一)5, 三(二)4", "3000.00"),
        ("post-abandonment", "三(一)7", "2000.00"),
    }


def test_a_payment_beyond_what_the_opening_left_unpaid_is_refused(project: Path, run: Run) -> None:
    ok(run, "init", "--recorded-from", "2022-07-01")
    ok(run, "record", "opening", "--date", "2022-07-01", "--paid", "1=1000000")
    ok(run, "record", "payment", "--date", "2022-07-05", "--instalment", "1", "--amount", "641000")
    before = snapshot(project / LEDGER)
    refused = run("record", "payment", "--date", "2022-07-06", "--instalment", "1", "--amount", "0.01")
    assert refused.exit_code == 1 and "remains unpaid of instalment 1" in refused.stderr
    assert snapshot(project / LEDGER) == before


def test_a_bad_opening_is_refused_naming_field_and_what_is_valid(project: Path, run: Run) -> None:
    ok(run, "init", "--recorded-from", "2022-07-01")
    before = snapshot(project / LEDGER)
    cases = [
        (("--date", "2022-07-01", "--paid", "9=100"), "9 is not an instalment; valid: 1, 2, 3, 4, final"),
        (("--date", "2022-07-01", "--deducted", "no-such=5"), "no-such is not a penalty; valid:"),
        (("--date", "2022-07-01", "--paid", "1:100"), "is not key=amount"),
        (("--date", "2022-07-01", "--paid", "1=1,2"), "is not an amount"),
        # 九: instalment 1 is 1,641,000.00, so no more of it can have been paid or invoiced.
        (
            ("--date", "2022-07-01", "--paid", "1=1641000.01"),
            "--paid: 1641000.01 is more than the 1641000.00",
        ),
        (
            ("--date", "2022-07-01", "--invoiced", "2=2000000"),
            "--invoiced: invoices for instalment 2 come to",
        ),
        (
            (
                "--date",
                "2022-08-01",
            ),
            "this ledger is recorded from 2022-07-01",
        ),
    ]
    for args, message in cases:
        en = run("record", "opening", *args)
        assert en.exit_code in (1, 2) and message in en.stderr, (args, en)
        zh = run("record", "opening", *args, "--lang", "zh")
        assert zh.exit_code == en.exit_code and "已拒绝" in zh.stderr, (args, zh)
    assert snapshot(project / LEDGER) == before
