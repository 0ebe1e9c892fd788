"""Reports on scenarios computed by hand from the contract, through the real CLI."""

from __future__ import annotations

import json
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest

from conftest import Run, write_roster
from seatledger.core.workdays import WorkCalendar


@pytest.fixture
def fresh(project: Path, run: Run) -> Path:
    """A ledger recorded from 2022-10-01 with a full roster."""
    assert run("init", "--recorded-from", "2022-10-01").exit_code == 0
    ledger = project / "ledgers" / "haidian-hotline-2022"
    write_roster(ledger)
    return ledger


def ok(run: Run, *args: str) -> None:
    result = run(*args)
    assert result.exit_code == 0, (args, result)


def as_json(run: Run, *args: str, code: int = 0) -> Any:
    result = run(*args, "--format", "json")
    assert result.exit_code == code, (args, result)
    return json.loads(result.stdout)


def october(run: Run, skip_duty: str = "2022-10-05") -> None:
    cal = WorkCalendar()
    present = {"2022-10-08": "46", "2022-10-10": "47"}
    from datetime import date

    for d in cal.working_days(date(2022, 10, 1), date(2022, 10, 31)):
        ok(run, "record", "attendance", "--date", str(d), "--present", present.get(str(d), "48"))
    # A weekday holiday: a day shift with no requirement costs nothing.
    ok(run, "record", "attendance", "--date", "2022-10-03", "--present", "0")
    ok(
        run,
        "record",
        "demand",
        "--from",
        "2022-10-01",
        "--to",
        "2022-10-07",
        "--shift",
        "duty",
        "--required",
        "6",
    )
    for day in range(1, 8):
        d = f"2022-10-0{day}"
        if d != skip_duty:
            ok(
                run,
                "record",
                "attendance",
                "--date",
                d,
                "--shift",
                "duty",
                "--present",
                "4" if d == "2022-10-03" else "6",
            )
    ok(
        run,
        "record",
        "demand",
        "--from",
        "2022-10-10",
        "--to",
        "2022-10-10",
        "--shift",
        "night",
        "--required",
        "2",
    )
    ok(run, "record", "attendance", "--date", "2022-10-10", "--shift", "night", "--present", "1")


def test_deduct_hand_computed_month(fresh: Path, run: Run) -> None:
    october(run)
    ok(
        run,
        "record",
        "incident",
        "--date",
        "2022-10-12",
        "--penalty",
        "assessment-deduction",
        "--amount",
        "1000",
    )
    ok(
        run,
        "record",
        "incident",
        "--date",
        "2022-10-13",
        "--penalty",
        "assessment-deduction",
        "--amount",
        "10000",
        "--ref",
        "SZ-1",
    )
    ok(run, "record", "incident", "--date", "2022-10-14", "--penalty", "liquidated-damages")
    ok(
        run,
        "record",
        "incident",
        "--date",
        "2022-10-14",
        "--penalty",
        "fire-hazard-personal",
        "--amount",
        "500",
        "--staff",
        "S001",
    )
    data = as_json(run, "deduct", "--month", "2022-10")
    shortage = [
        (x["date"], x["shift"], x["quantity"], x["amount"])
        for x in data["lines"]
        if x["penalty"] == "seat-shortage"
    ]
    assert shortage == [
        ("2022-10-03", "duty", 2, "600.00"),  # holiday duty under Party A's demand
        ("2022-10-08", "day", 2, "600.00"),  # a Saturday that is a working day needs 48
        ("2022-10-10", "day", 1, "300.00"),  # one short on the day shift and the night
        ("2022-10-10", "night", 1, "300.00"),  # shift of one date is two person-shifts
    ]
    assert data["by_penalty"] == {
        "seat-shortage": "1800.00",
        "assessment-deduction": "11000.00",
        "liquidated-damages": "334778.40",
    }
    assert data["total"] == "347578.40"
    line = next(x for x in data["lines"] if x["penalty"] == "liquidated-damages")
    assert (line["clause"], line["rate"], line["quantity"]) == ("十(2)", "334778.40", 1)
    assert [x["amount"] for x in data["personal_fines"]] == ["500.00"]
    assert data["personal_fines"][0]["staff"] == ["S001"]
    # The missing duty record is a gap: listed, and the figures are incomplete.
    assert data["gaps"] == [{"date": "2022-10-05", "shift": "duty", "required": 6}]
    assert data["complete"] is False
    text = run("deduct", "--month", "2022-10")
    assert "INCOMPLETE" in text.stdout and "347,578.40" in text.stdout


def test_deduct_complete_and_csv(fresh: Path, run: Run) -> None:
    october(run, skip_duty="none")
    data = as_json(run, "deduct", "--month", "2022-10")
    assert data["complete"] is True and data["gaps"] == [] and data["total"] == "1800.00"
    result = run("deduct", "--month", "2022-10", "--format", "csv")
    assert result.stdout.startswith("\ufeffdate,penalty,title,clause")
    assert "座席缺口扣款" in result.stdout and len(result.stdout.splitlines()) == 6
    assert result.stdout.splitlines()[-1].startswith("total,")


def test_months_of_a_quarter_add_up(fresh: Path, run: Run) -> None:
    october(run)
    quarter = Decimal(as_json(run, "deduct", "--quarter", "Q4")["total"])
    months = sum(
        Decimal(as_json(run, "deduct", "--month", m)["total"]) for m in ("2022-10", "2022-11", "2022-12")
    )
    assert quarter == months == Decimal("1800.00")


def settle_ledger(run: Run) -> None:
    from datetime import date

    for d in WorkCalendar().working_days(date(2022, 7, 1), date(2022, 9, 30)):
        ok(run, "record", "attendance", "--date", str(d), "--present", "48")
    ok(run, "record", "request", "--date", "2022-06-20", "--instalment", "2")
    ok(run, "record", "payment", "--date", "2022-08-01", "--instalment", "2", "--amount", "1000000")
    ok(
        run,
        "record",
        "payment",
        "--date",
        "2022-08-15",
        "--instalment",
        "2",
        "--amount",
        "641000",
        "--excused",
        "fiscal-allocation",
    )
    ok(run, "record", "incident", "--date", "2022-09-01", "--penalty", "post-abandonment")


def test_settle_quarter_with_late_and_excused_payment(project: Path, run: Run) -> None:
    assert run("init", "--recorded-from", "2022-07-01").exit_code == 0
    write_roster(project / "ledgers" / "haidian-hotline-2022")
    ok(run, "record", "opening", "--date", "2022-07-01")  # nothing paid before (rule 21)
    settle_ledger(run)
    s = as_json(run, "settle", "--quarter", "Q3")
    assert s["period"] == {"label": "2022-Q3", "from": "2022-07-01", "to": "2022-09-30"}
    assert s["opening_balance"] == "1641000.00"  # instalment 1 accrued in Q2, never paid
    assert [i["amount"] for i in s["instalments"]] == ["1641000.00"]
    assert s["deductions"] == {"total": "1000.00", "by_penalty": {"post-abandonment": "1000.00"}}
    assert [p["amount"] for p in s["payments"]] == ["1000000.00", "641000.00"]
    assert s["closing_balance"] == "1640000.00"
    assert s["next_payment"] == "3281000.00"  # instalment 3 plus the closing balance
    assert s["next_payment_capitals"] == "叁佰贰拾捌万壹仟元整"
    assert s["complete"] is True
    due = {d["instalment"]: d for d in s["due"]}
    assert due[1]["requested"] is None and due[1]["due"] is None and due[1]["interest"] == "0.00"
    # Received before the period began: counted from 2022-07-01, due 15 working days later.
    assert (due[2]["requested"], due[2]["due"]) == ("2022-06-20", "2022-07-22")
    late, excused = due[2]["payments"]
    # 1,000,000.00 x 0.35 % x 10 / 360 = 97.222... -> 97.22
    assert (late["days_late"], late["interest"], late["excused"]) == (10, "97.22", None)
    assert (excused["days_late"], excused["interest"], excused["excused"]) == (
        24,
        "0.00",
        "fiscal-allocation",
    )
    assert (due[2]["paid"], due[2]["days_late"], due[2]["interest"], due[2]["accruing"]) == (
        "1641000.00",
        24,
        "97.22",
        "0.00",
    )
    assert s["late_interest"] == "97.22"
    assert set(due) == {1, 2}
    # Instalment 2 as one period gives the same statement.
    assert as_json(run, "settle", "--instalment", "2")["closing_balance"] == "1640000.00"


def test_unpaid_instalment_accrues_interest_to_as_of(project: Path, run: Run) -> None:
    assert run("init", "--recorded-from", "2022-10-01").exit_code == 0
    ok(run, "record", "request", "--date", "2022-10-10", "--instalment", "3")
    s = as_json(run, "settle", "--quarter", "Q4", "--as-of", "2022-11-30")
    due = {d["instalment"]: d for d in s["due"]}
    assert due[3]["due"] == "2022-10-31"
    # 1,641,000.00 x 0.35 % x 30 / 360 = 478.625 -> 478.63 (ROUND_HALF_UP)
    assert (due[3]["days_late"], due[3]["accruing"], due[3]["interest"]) == (30, "478.63", "0.00")
    assert s["late_interest"] == "478.63"
    assert s["complete"] is False and s["unrecorded"]


def test_final_payment_and_its_cap(fresh: Path, run: Run) -> None:
    ok(run, "record", "completion", "--date", "2023-04-20", "--amount", "131568")
    bad = run("record", "payment", "--date", "2023-05-10", "--instalment", "final", "--amount", "131568.01")
    assert bad.exit_code == 1 and "remains unpaid" in bad.output
    ok(run, "record", "payment", "--date", "2023-05-10", "--instalment", "final", "--amount", "131568")
    s = as_json(run, "settle", "--final")
    final = s["due"][-1]
    assert (final["instalment"], final["amount"], final["paid"], final["due"]) == (
        "final",
        "131568.00",
        "131568.00",
        None,
    )
    assert s["period"]["to"] == "2023-05-10"
    assert any(a["label"] == "final payment" and a["amount"] == "131568.00" for a in s["instalments"])


def test_balance_by_month_runs_from_the_term_start(fresh: Path, run: Run) -> None:
    october(run)
    rows = as_json(run, "balance", "--by", "month", "--quarter", "Q4")["rows"]
    assert [r["period"] for r in rows][:3] == ["2022-04", "2022-05", "2022-06"]
    oct_row = next(r for r in rows if r["period"] == "2022-10")
    assert (oct_row["accrued"], oct_row["deducted"], oct_row["balance"]) == (
        "1641000.00",
        "1800.00",
        "1639200.00",
    )
    assert rows[-1]["running"] == "4921200.00"  # three instalments accrued, none paid, 1,800 off
    single = as_json(run, "balance", "--month", "2022-10")["rows"]
    assert single[0]["balance"] == "1639200.00"
    assert run("balance", "--by", "quarter", "--format", "csv").stdout.startswith("\ufeffperiod,")


@pytest.mark.parametrize(
    ("args", "words"),
    [
        (("deduct",), "choose one period"),
        (("deduct", "--month", "2022-13"), "not a month"),
        (("deduct", "--quarter", "Q5"), "valid: 2022-Q2"),
        (("deduct", "--quarter", "2024-Q1"), "not in the term"),
        (("deduct", "--month", "2023-04"), "outside the term"),
        (("deduct", "--instalment", "7"), "valid: 1, 2, 3, 4"),
        (("deduct", "--from", "2022-07-10"), "go together"),
        (("deduct", "--from", "2022-07-10", "--to", "2022-07-01"), "before"),
        (("deduct", "--month", "2022-07", "--quarter", "Q3"), "choose one period"),
        (("settle", "--final", "--quarter", "Q3"), "whole term"),
    ],
)
def test_bad_periods(fresh: Path, run: Run, args: tuple[str, ...], words: str) -> None:
    result = run(*args)
    assert result.exit_code == 2, result
    assert words in result.output and "Traceback" not in result.output


def test_check_roster_quota_and_headcount(fresh: Path, run: Run) -> None:
    data = as_json(run, "check-roster", "--date", "2022-10-10")
    assert data["compliant"] is True
    write_roster(fresh, bachelors=28)  # 28 of 48 is below 60 %
    data = as_json(run, "check-roster", "--month", "2022-10", code=1)
    (v,) = data["violations"]
    assert (v["rule"], v["from"], v["to"], v["actual"]) == (
        "degree-quota",
        "2022-10-01",
        "2022-10-31",
        "28 of 48 (58.3%)",
    )
    assert v["clause"] == "四(二)1"
    write_roster(fresh, seats=47)
    ok(
        run,
        "roster",
        "add",
        "S100",
        "--role",
        "seat",
        "--group",
        "data",
        "--degree",
        "master",
        "--joined",
        "2022-10-15",
    )
    data = as_json(run, "check-roster", "--month", "2022-10", code=1)
    (v,) = data["violations"]
    assert (v["rule"], v["from"], v["to"], v["expected"], v["actual"]) == (
        "headcount",
        "2022-10-01",
        "2022-10-14",
        "48 on the roster",
        "47",
    )


def test_check_roster_duties(fresh: Path, run: Run) -> None:
    ok(run, "record", "replace-request", "--date", "2022-10-10", "--staff", "S001")
    ok(run, "roster", "leave", "TL01", "--date", "2022-10-20")
    ok(
        run,
        "roster",
        "add",
        "TL05",
        "--role",
        "team-lead",
        "--group",
        "follow-up",
        "--degree",
        "bachelor",
        "--joined",
        "2022-10-20",
    )
    ok(run, "record", "consent", "--date", "2022-10-18", "--staff", "TL01")
    ok(
        run,
        "record",
        "incident",
        "--date",
        "2022-11-02",
        "--penalty",
        "fire-hazard-serious",
        "--amount",
        "5000",
        "--staff",
        "S002",
    )
    data = as_json(run, "check-roster", "--quarter", "Q4", code=1)
    found = {(v["rule"], v["from"], v["to"]) for v in data["violations"]}
    assert found == {
        ("replacement", "2022-11-11", "2022-12-31"),  # asked 10-10, due by 11-10
        ("manager-change", "2022-10-20", "2022-10-20"),  # TL05 joined without consent
        ("fire-hazard-removal", "2022-11-02", "2022-12-31"),
    }
    ok(run, "record", "consent", "--date", "2022-10-18", "--staff", "TL05")
    ok(run, "roster", "leave", "S001", "--date", "2022-11-05")
    ok(run, "roster", "leave", "S002", "--date", "2022-11-02")
    data = as_json(run, "check-roster", "--quarter", "Q4", code=1)
    # Two seats now empty, and 27 of 46 hold a degree: what remains is the staffing itself.
    assert {v["rule"] for v in data["violations"]} == {"headcount", "degree-quota"}


def test_compliance_windows(fresh: Path, run: Run) -> None:
    ok(run, "record", "activity", "--date", "2022-10-10", "--obligation", "weibo-update", "--count", "3")
    ok(run, "record", "activity", "--date", "2022-10-11", "--obligation", "weekly-training")
    data = as_json(run, "compliance", "--month", "2022-10", code=1)
    ob = {o["obligation"]: o for o in data["obligations"]}
    weeks = {line["window"]: line for line in ob["weibo-update"]["lines"]}
    # The National Day week (10-03..10-09) has working days (10-08, 10-09); W39 ends in October.
    assert set(weeks) == {"2022-W39", "2022-W40", "2022-W41", "2022-W42", "2022-W43"}
    assert weeks["2022-W41"]["recorded"] == 3 and weeks["2022-W41"]["shortfall"] == 0
    assert weeks["2022-W40"]["shortfall"] == 3
    assert ob["fire-inspection"]["windows"] == 31
    assert ob["fire-drill"]["windows"] == 0  # the second half ends 2023-03-31
    assert ob["monthly-assessment"]["shortfalls"] == 1
