"""Money rules at their edges, each computed by hand: the first and last day of a period, the
day a rate changes, the final payment and its own due date, settings switched the other way,
and the windows of the counted duties over the whole term."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from conftest import SEED, Run, write_roster

LEDGER = Path("ledgers") / "haidian-hotline-2022"


def edit_contract(project: Path, old: str, new: str) -> None:
    contract = project / "contracts" / SEED.name
    text = contract.read_text(encoding="utf-8")
    assert old in text, old
    contract.write_text(text.replace(old, new, 1), encoding="utf-8")


def start(project: Path, run: Run, recorded_from: str = "2022-10-01") -> Path:
    assert run("init", "--recorded-from", recorded_from).exit_code == 0
    write_roster(project / LEDGER)
    return project / LEDGER


def ok(run: Run, *args: str) -> str:
    result = run(*args)
    assert result.exit_code == 0, (args, result)
    return result.stdout


def as_json(run: Run, *args: str) -> Any:
    result = run(*args, "--format", "json")
    assert result.exit_code in (0, 1), (args, result)
    return json.loads(result.stdout)


def due_of(statement: dict[str, Any], instalment: int | str) -> dict[str, Any]:
    return next(d for d in statement["due"] if d["instalment"] == instalment)


def test_a_payment_on_the_first_or_last_day_counts_in_the_period(project: Path, run: Run) -> None:
    """1,000.00 paid on 2022-08-05 and 2,000.00 on 08-31: a period of the single day 08-05
    holds 1,000.00 paid; August holds both."""
    start(project, run)
    ok(run, "record", "payment", "--date", "2022-08-05", "--instalment", "2", "--amount", "1000")
    ok(run, "record", "payment", "--date", "2022-08-31", "--instalment", "2", "--amount", "2000")
    (day,) = as_json(run, "balance", "--from", "2022-08-05", "--to", "2022-08-05")["rows"]
    assert day["paid"] == "1000.00"
    (last,) = as_json(run, "balance", "--from", "2022-08-31", "--to", "2022-08-31")["rows"]
    assert last["paid"] == "2000.00"
    assert as_json(run, "balance", "--month", "2022-08")["rows"][0]["paid"] == "3000.00"


def test_a_period_ending_on_an_instalments_first_day_includes_it(project: Path, run: Run) -> None:
    """Instalment 2 starts 2022-07-01: a settlement over 06-01..07-01 accrues it and lists its
    due date; one over 06-01..06-30 does neither."""
    start(project, run)
    ok(run, "record", "request", "--date", "2022-07-01", "--instalment", "2")
    s = as_json(run, "settle", "--from", "2022-06-01", "--to", "2022-07-01")
    assert [a["label"] for a in s["instalments"]] == ["instalment 2"]
    assert [d["instalment"] for d in s["due"]] == [1, 2]
    s = as_json(run, "settle", "--month", "2022-06")
    assert s["instalments"] == [] and [d["instalment"] for d in s["due"]] == [1]


def test_interest_before_any_rate_and_on_the_day_a_rate_starts(project: Path, run: Run) -> None:
    """Rates from 2022-05-01 (0.35 %) and from 2022-07-22 (1.00 %). Instalment 1, due 04-26,
    paid 10 days late on 05-06: no rate was in force on its due date, so 0.00. Instalment 2,
    due 07-22, the day the new rate starts: 1,000,000.00 x 1 % x 14 / 360 = 388.89."""
    edit_contract(project, "    - since: 2015-10-24\n", "    - since: 2022-05-01\n")
    edit_contract(
        project,
        '      annual_percent: "0.35"  # 中国人民银行活期存款基准利率\n',
        '      annual_percent: "0.35"\n    - since: 2022-07-22\n      annual_percent: "1.00"\n',
    )
    start(project, run)
    ok(run, "record", "request", "--date", "2022-04-06", "--instalment", "1")
    ok(run, "record", "payment", "--date", "2022-05-06", "--instalment", "1", "--amount", "1641000")
    ok(run, "record", "request", "--date", "2022-07-01", "--instalment", "2")
    ok(run, "record", "payment", "--date", "2022-08-05", "--instalment", "2", "--amount", "1000000")
    q2 = as_json(run, "settle", "--quarter", "Q2")
    assert due_of(q2, 1)["payments"][0] == {
        **due_of(q2, 1)["payments"][0],
        "days_late": 10,
        "interest": "0.00",
    }
    q3 = as_json(run, "settle", "--quarter", "Q3", "--as-of", "2022-08-05")
    assert due_of(q3, 2)["payments"][0]["interest"] == "388.89"


def test_not_yet_due_and_no_request(project: Path, run: Run) -> None:
    """Instalment 2 requested 07-01 (due 07-22) and unpaid: as of 07-20 it is 0 days late with
    nothing accruing. Instalment 3 paid on 10-20 with no request: no due date, 0 days late."""
    start(project, run)
    ok(run, "record", "request", "--date", "2022-07-01", "--instalment", "2")
    s = as_json(run, "settle", "--instalment", "2", "--as-of", "2022-07-20")
    assert (due_of(s, 2)["days_late"], due_of(s, 2)["accruing"]) == (0, "0.00")
    ok(run, "record", "payment", "--date", "2022-10-20", "--instalment", "3", "--amount", "1000")
    s = as_json(run, "settle", "--quarter", "Q4")
    d3 = due_of(s, 3)
    assert (d3["due"], d3["days_late"], d3["payments"][0]["days_late"]) == (None, 0, 0)


def test_paid_in_full_late_shows_the_last_payments_days(project: Path, run: Run) -> None:
    """Instalment 2 due 07-22, paid 1,000,000.00 on 08-05 (14 days) and 641,000.00 on 08-24
    (33 days): the instalment shows 33 days late, nothing accruing; interest
    1,000,000.00 x 0.35 % x 14 / 360 = 136.11 plus 641,000.00 x 0.35 % x 33 / 360 = 205.65."""
    start(project, run)
    ok(run, "record", "request", "--date", "2022-07-01", "--instalment", "2")
    ok(run, "record", "payment", "--date", "2022-08-05", "--instalment", "2", "--amount", "1000000")
    ok(run, "record", "payment", "--date", "2022-08-24", "--instalment", "2", "--amount", "641000")
    d2 = due_of(as_json(run, "settle", "--quarter", "Q3"), 2)
    assert (d2["days_late"], d2["accruing"], d2["interest"]) == (33, "0.00", "341.76")


def test_the_final_payment_with_a_deadline_of_its_own(project: Path, run: Run) -> None:
    """A contract that gives the final payment 10 working days from the completion. Completion
    of 120,000.00 confirmed 2023-04-20 (it accrues that day, clause 九): due 2023-05-06, the 10th
    working day after (04-21, the adjusted Sunday 04-23, 04-24..28, then after the May Day
    holiday 04-29..05-03: 05-04, 05-05 and the adjusted Saturday 05-06). Paid 2023-05-19, 13 days
    late: 120,000.00 x 0.35 % x 13 / 360 = 15.166... -> 15.17. As of 04-19 the completion is
    not yet confirmed: the final payment is unconfirmed."""
    edit_contract(
        project,
        "  due_working_days: null  # the contract sets no deadline for 尾款\n",
        "  due_working_days: 10\n",
    )
    start(project, run)
    ok(run, "record", "completion", "--date", "2023-04-20", "--amount", "120000")
    ok(run, "record", "payment", "--date", "2023-05-19", "--instalment", "final", "--amount", "120000")
    s = as_json(run, "settle", "--final")
    final = due_of(s, "final")
    assert (final["amount"], final["requested"], final["due"]) == ("120000.00", "2023-04-20", "2023-05-06")
    assert final["payments"][0]["days_late"] == 13 and final["payments"][0]["interest"] == "15.17"
    assert {
        "label": "final payment",
        "date": "2023-04-20",
        "amount": "120000.00",
        "clause": "九",
        "amendment": None,
    } in s["instalments"]
    early = due_of(as_json(run, "settle", "--final", "--as-of", "2023-04-19"), "final")
    assert (early["amount"], early["requested"], early["due"]) == (None, None, None)
    (day,) = as_json(run, "balance", "--from", "2023-03-31", "--to", "2023-04-20")["rows"]
    assert day["accrued"] == "120000.00"


def test_the_final_payment_without_a_completion(project: Path, run: Run) -> None:
    start(project, run)
    final = due_of(as_json(run, "settle", "--final"), "final")
    assert (final["amount"], final["due"], final["days_late"], final["paid"]) == (None, None, 0, "0.00")


def test_an_instalment_without_a_deadline_keeps_its_request(project: Path, run: Run) -> None:
    """Instalment 1 with no deadline in the contract: the request is shown, no due date."""
    edit_contract(
        project, "    due_working_days: 15\n    due_note:", "    due_working_days: null\n    due_note:"
    )
    start(project, run)
    ok(run, "record", "request", "--date", "2022-04-06", "--instalment", "1")
    d1 = due_of(as_json(run, "settle", "--quarter", "Q2"), 1)
    assert (d1["requested"], d1["due"]) == ("2022-04-06", None)


def test_an_early_request_counts_from_its_own_day_when_the_setting_says(project: Path, run: Run) -> None:
    """A request for instalment 2 received 2022-06-24, before its period. Counted from the
    period's first day (the seed's reading) it is due 07-22; counted from its own day, 15
    working days after 06-24 (the Dragon Boat holiday is 06-03), it is due 07-15."""
    start(project, run)
    ok(run, "record", "request", "--date", "2022-06-24", "--instalment", "2")
    assert due_of(as_json(run, "settle", "--quarter", "Q3"), 2)["due"] == "2022-07-22"
    edit_contract(
        project,
        "early_request_counts_from_period_start: true",
        "early_request_counts_from_period_start: false",
    )
    assert due_of(as_json(run, "settle", "--quarter", "Q3"), 2)["due"] == "2022-07-15"


def test_gaps_and_unrecorded_shifts_stay_in_their_period(project: Path, run: Run) -> None:
    """Recorded from 2022-10-01; day shifts on 10-10 and 10-31 only, and a night demand of one
    person on 11-01..11-02. October's gaps are its 18 working days but 10-10 and 10-31 (the
    adjusted 10-08 and 10-09 among them), and the night of 10-20 that Party A asked one person
    for: 17; November has no gaps, only shifts not yet
    recorded, the night of 11-01 among them (it requires one person). September, before the
    ledger starts, has neither."""
    start(project, run)
    ok(run, "record", "attendance", "--date", "2022-10-10", "--present", "48")
    ok(run, "record", "attendance", "--date", "2022-10-31", "--present", "48")
    ok(
        run,
        "record",
        "demand",
        "--from",
        "2022-11-01",
        "--to",
        "2022-11-02",
        "--shift",
        "night",
        "--required",
        "1",
    )
    ok(
        run,
        "record",
        "demand",
        "--from",
        "2022-10-20",
        "--to",
        "2022-10-20",
        "--shift",
        "night",
        "--required",
        "1",
    )
    october = as_json(run, "deduct", "--month", "2022-10")
    assert [g["date"] for g in october["gaps"]][:3] == ["2022-10-08", "2022-10-09", "2022-10-11"]
    assert {"date": "2022-10-20", "shift": "night", "required": 1} in october["gaps"]
    assert len(october["gaps"]) == 17 and october["unrecorded"] == []
    november = as_json(run, "deduct", "--month", "2022-11")
    assert november["gaps"] == []
    assert november["unrecorded"][:2] == [
        {"date": "2022-11-01", "shift": "day", "required": 48},
        {"date": "2022-11-01", "shift": "night", "required": 1},
    ]
    september = as_json(run, "deduct", "--month", "2022-09")
    assert september["gaps"] == [] and september["unrecorded"] == []


def test_the_counted_duties_windows_over_the_whole_term(project: Path, run: Run) -> None:
    """Over the whole term: 365 daily windows (the last 2023-03-31), 53 ISO weeks with a
    working day (2022-W13 from 04-01, 2023-W13 to 03-31), 12 months, and (with the fire drill
    set to half-term windows) the two halves of the term 04-01..09-30 and 10-01..03-31."""
    edit_contract(
        project,
        "    window: rolling-months  # 半年内未举行消防演练: a drill in every "
        "six months (rule 18)\n    months: 6\n",
        "    window: half-term\n",
    )
    start(project, run, recorded_from="2022-04-01")
    r = as_json(run, "compliance", "--from", "2022-04-01", "--to", "2023-03-31")
    ob = {o["obligation"]: o for o in r["obligations"]}
    days = ob["fire-inspection"]["lines"]
    assert len(days) == 365 and days[-1]["window"] == days[-1]["from"] == "2023-03-31"
    weeks = ob["weekly-training"]["lines"]
    assert (weeks[0]["window"], weeks[0]["from"], weeks[0]["to"]) == ("2022-W13", "2022-04-01", "2022-04-03")
    assert (weeks[-1]["window"], weeks[-1]["to"]) == ("2023-W13", "2023-03-31")
    assert len(weeks) == 53
    months = ob["monthly-assessment"]["lines"]
    assert [m["window"] for m in months][:2] == ["2022-04", "2022-05"] and len(months) == 12
    halves = [(w["window"], w["from"], w["to"]) for w in ob["fire-drill"]["lines"]]
    assert halves == [("first half", "2022-04-01", "2022-09-30"), ("second half", "2022-10-01", "2023-03-31")]


def test_a_one_day_roster_check_ends_on_its_day(project: Path, run: Run) -> None:
    start(project, run)
    ok(run, "roster", "leave", "S001", "--date", "2022-10-01")
    r = as_json(run, "check-roster", "--date", "2022-10-10")
    assert [(v["rule"], v["from"], v["to"]) for v in r["violations"]] == [
        ("degree-quota", "2022-10-10", "2022-10-10"),
        ("headcount", "2022-10-10", "2022-10-10"),
    ]
    ok(
        run,
        "roster",
        "add",
        "S099",
        "--role",
        "seat",
        "--group",
        "data",
        "--degree",
        "bachelor",
        "--joined",
        "2022-03-01",
    )
    assert "roster compliant: 2022-Q3 (2022-07-01..2022-09-30, 92 days)" in ok(
        run, "check-roster", "--quarter", "Q3"
    )


@pytest.mark.parametrize("late_day, days", [("2022-07-22", 0), ("2022-07-23", 1)])
def test_a_payment_on_its_due_date_is_on_time(project: Path, run: Run, late_day: str, days: int) -> None:
    start(project, run)
    ok(run, "record", "request", "--date", "2022-07-01", "--instalment", "2")
    ok(run, "record", "payment", "--date", late_day, "--instalment", "2", "--amount", "1641000")
    pay = due_of(as_json(run, "settle", "--quarter", "Q3"), 2)["payments"][0]
    assert pay["days_late"] == days
    assert pay["interest"] == ("0.00" if days == 0 else "15.95")  # 1,641,000 x 0.35 % / 360


def test_the_fire_drill_is_a_rolling_duty(project: Path, run: Run) -> None:
    """Term from 2022-04-01, recorded from then, drills on 2022-04-01 and 2022-10-20. From
    10-01 each day needs a drill in the six months before it: 10-01 still sees 04-01; 10-02
    sees back to 04-02 only, so the drill is overdue from 10-02 until the drill of 10-20. The
    next is due by 2023-04-20, after the term."""
    start(project, run, recorded_from="2022-04-01")
    for day in ("2022-04-01", "2022-10-20"):
        ok(run, "record", "activity", "--date", day, "--obligation", "fire-drill")

    def spans(*args: str) -> list[tuple[object, ...]]:
        return [
            (w["window"], w["from"], w["to"], w["shortfall"])
            for o in as_json(run, "compliance", *args)["obligations"]
            if o["obligation"] == "fire-drill"
            for w in o["lines"]
        ]

    assert spans("--quarter", "Q4") == [("overdue", "2022-10-02", "2022-10-19", 1)]
    assert spans("--month", "2022-10") == [("overdue", "2022-10-02", "2022-10-19", 1)]
    assert spans("--quarter", "Q3") == [] and spans("--quarter", "Q1") == []
    text = run("compliance", "--quarter", "Q4").stdout
    assert "2022-10-02" in text and "2022-10-19" in text


def test_a_rolling_duty_counts_from_the_month_end_where_a_day_is_missing(project: Path, run: Run) -> None:
    """Drills on 2022-04-30 and 2022-11-01. For 2022-10-31 the window starts six months
    earlier on 04-31, which April does not have, so on its last day, 04-30: the drill of 04-30
    still counts, and nothing is overdue (were the window to start on 05-01, 10-31 would be)."""
    start(project, run, recorded_from="2022-04-01")
    for day in ("2022-04-30", "2022-11-01"):
        ok(run, "record", "activity", "--date", day, "--obligation", "fire-drill")
    lines = [
        w
        for o in as_json(run, "compliance", "--quarter", "Q4")["obligations"]
        if o["obligation"] == "fire-drill"
        for w in o["lines"]
    ]
    assert lines == []
