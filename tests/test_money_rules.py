"""Money rules on small scenarios computed by hand, each aimed at a plausible bug: interest on
the wrong base, date or rate; a period counting another's interest; a balance row running past
its period; a person who left still counted; shortage charged before the ledger starts."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from conftest import SEED, Run, write_roster

LEDGER = Path("ledgers") / "haidian-hotline-2022"


def ok(run: Run, *args: str) -> None:
    result = run(*args)
    assert result.exit_code == 0, (args, result)


def as_json(run: Run, *args: str) -> Any:
    result = run(*args, "--format", "json")
    assert result.exit_code in (0, 1), (args, result)
    return json.loads(result.stdout)


def test_interest_accrues_on_the_unpaid_part_only(blank: Path, run: Run) -> None:
    """Instalment 2, requested 2022-07-01, is due 2022-07-22. 1,000,000.00 is paid on time on
    07-20; 641,000.00 stays unpaid. As of 2022-08-21, 30 days late:
    641,000.00 x 0.35 % x 30 / 360 = 186.958... -> 186.96 (on the whole instalment it would be
    478.63)."""
    ok(run, "record", "request", "--date", "2022-07-01", "--instalment", "2")
    ok(run, "record", "payment", "--date", "2022-07-20", "--instalment", "2", "--amount", "1000000")
    s = as_json(run, "settle", "--instalment", "2", "--as-of", "2022-08-21")
    due = next(d for d in s["due"] if d["instalment"] == 2)
    assert (due["due"], due["days_late"], due["accruing"]) == ("2022-07-22", 30, "186.96")
    assert due["payments"][0]["interest"] == "0.00"
    assert s["late_interest"] == "186.96"


def test_the_due_date_runs_from_the_first_request(blank: Path, run: Run) -> None:
    """Requests for instalment 2 on 2022-07-01 and again on 07-11: the clock starts at the
    first, so it is due 07-22 (from the second it would be 08-01). Paid in full on 08-01,
    10 days late: 1,641,000.00 x 0.35 % x 10 / 360 = 159.541... -> 159.54."""
    ok(run, "record", "request", "--date", "2022-07-01", "--instalment", "2")
    ok(run, "record", "request", "--date", "2022-07-11", "--instalment", "2")
    ok(run, "record", "payment", "--date", "2022-08-01", "--instalment", "2", "--amount", "1641000")
    s = as_json(run, "settle", "--quarter", "Q3")
    due = next(d for d in s["due"] if d["instalment"] == 2)
    assert (due["requested"], due["due"]) == ("2022-07-01", "2022-07-22")
    assert due["payments"][0]["days_late"] == 10 and due["payments"][0]["interest"] == "159.54"


def test_a_period_counts_only_its_own_interest(blank: Path, run: Run) -> None:
    """Instalment 2 (due 2022-07-22) paid on 08-05, 14 days late:
    1,641,000.00 x 0.35 % x 14 / 360 = 223.358... -> 223.36, in Q3. Instalment 3, requested
    2022-10-08 (a Saturday working day; the 15 working days from 10-09 end on 10-27), is paid on
    time on 10-20: Q4 has no interest of its own, and must not count Q3's."""
    ok(run, "record", "request", "--date", "2022-07-01", "--instalment", "2")
    ok(run, "record", "payment", "--date", "2022-08-05", "--instalment", "2", "--amount", "1641000")
    ok(run, "record", "request", "--date", "2022-10-08", "--instalment", "3")
    ok(run, "record", "payment", "--date", "2022-10-20", "--instalment", "3", "--amount", "1641000")
    assert as_json(run, "settle", "--quarter", "Q3")["late_interest"] == "223.36"
    q4 = as_json(run, "settle", "--quarter", "Q4")
    assert q4["late_interest"] == "0.00"
    assert next(d for d in q4["due"] if d["instalment"] == 3)["due"] == "2022-10-27"


def test_balance_rows_stop_at_the_period_end(blank: Path, run: Run) -> None:
    """Instalment 2 accrues on 2022-07-01 and is paid on 08-20. Over 07-01..08-15 nothing is
    paid: the August row runs 08-01..08-15 with paid 0.00, and the balance owed is
    1,641,000.00 (instalment 1 accrued in April and was never paid: running 3,282,000.00)."""
    ok(run, "record", "payment", "--date", "2022-08-20", "--instalment", "2", "--amount", "1641000")
    rows = as_json(run, "balance", "--from", "2022-07-01", "--to", "2022-08-15", "--by", "month")["rows"]
    last = rows[-1]
    assert (last["period"], last["from"], last["to"], last["paid"]) == (
        "2022-08",
        "2022-08-01",
        "2022-08-15",
        "0.00",
    )
    assert last["running"] == "3282000.00"
    (one,) = as_json(run, "balance", "--from", "2022-07-01", "--to", "2022-08-15")["rows"]
    assert (one["accrued"], one["paid"], one["balance"], one["running"]) == (
        "1641000.00",
        "0.00",
        "1641000.00",
        "3282000.00",
    )


def test_a_person_who_left_no_longer_staffs_a_group(blank: Path, run: Run) -> None:
    """Everyone in the data group (TL03 and 11 seats) leaves on 2022-10-15: from that day the
    group is empty (and the headcount is short), though they are still in the roster file."""
    entries = (blank / "roster.yaml").read_text().split("- id: ")[1:]
    members = [e.split("\n")[0] for e in entries if "group: data\n" in e]
    assert len(members) == 12
    for pid in members:
        ok(run, "roster", "leave", pid, "--date", "2022-10-15")
    r = as_json(run, "check-roster", "--month", "2022-10")
    groups = [v for v in r["violations"] if v["rule"] == "groups"]
    assert [(v["from"], v["to"], v["actual"]) for v in groups] == [
        ("2022-10-15", "2022-10-31", "no one in data")
    ]


def test_interest_uses_the_rate_in_force_on_the_due_date(project: Path, run: Run) -> None:
    """A contract whose rate rises from 0.35 % to 1.00 % on 2022-07-15. Instalment 1, due
    2022-04-26, paid 05-06: 10 days at 0.35 %: 1,641,000.00 x 0.35 % x 10 / 360 = 159.54.
    Instalment 2, due 07-22 (after the change), 1,000,000.00 paid on 08-05, 14 days at
    1.00 %: 1,000,000.00 x 1 % x 14 / 360 = 388.888... -> 388.89 (at the old rate 136.11)."""
    contract = project / "contracts" / SEED.name
    text = contract.read_text(encoding="utf-8")
    contract.write_text(
        text.replace(
            '      annual_percent: "0.35"  # 中国人民银行活期存款基准利率\n',
            '      annual_percent: "0.35"  # 中国人民银行活期存款基准利率\n'
            '    - since: 2022-07-15\n      annual_percent: "1.00"\n',
        ),
        encoding="utf-8",
    )
    assert run("init", "--recorded-from", "2022-10-01").exit_code == 0
    write_roster(project / LEDGER)
    ok(run, "record", "request", "--date", "2022-04-06", "--instalment", "1")
    ok(run, "record", "payment", "--date", "2022-05-06", "--instalment", "1", "--amount", "1641000")
    ok(run, "record", "request", "--date", "2022-07-01", "--instalment", "2")
    ok(run, "record", "payment", "--date", "2022-08-05", "--instalment", "2", "--amount", "1000000")
    q2 = as_json(run, "settle", "--quarter", "Q2")
    assert q2["late_interest"] == "159.54"
    q3 = as_json(run, "settle", "--quarter", "Q3", "--as-of", "2022-08-05")
    inst2 = next(d for d in q3["due"] if d["instalment"] == 2)
    assert inst2["payments"][0]["interest"] == "388.89"


def test_no_shortage_is_charged_before_the_ledger_starts(blank: Path, run: Run) -> None:
    """The ledger is recorded from 2022-10-01. A day shift on 2022-09-30 with 40 of 48 present
    is on record but costs nothing; the same on 10-10 costs 8 x 300.00 = 2,400.00."""
    ok(run, "record", "attendance", "--date", "2022-09-30", "--present", "40")
    ok(run, "record", "attendance", "--date", "2022-10-10", "--present", "40")
    assert as_json(run, "deduct", "--month", "2022-09")["total"] == "0.00"
    october = as_json(run, "deduct", "--month", "2022-10")
    assert october["total"] == "2400.00"
    assert [(x["date"], x["quantity"]) for x in october["lines"]] == [("2022-10-10", 8)]


def test_every_roster_rule_on_one_quarter(blank: Path, run: Run) -> None:
    """The full roster (PM01, TL01-TL04, S001-S043; the first 29 hold a degree) through Q4:
    - 10-10 Party A asks to replace S001: due by 11-10, so S001 still there from 11-11 is late;
    - 10-20 TL01 leaves with no consent: a manager change; from then 3 leads, 47 people, 28 of
      47 with a degree (below 60 % of 47 = 28.2);
    - 10-25 PM01 leaves, consent recorded that same day (in time): no project manager, 46
      people, 27 of 46 with a degree;
    - TL06 joined on the term's first day: no change to consent to;
    - 11-02 a serious fire hazard names S002: off the roster from that day, still on it."""
    roster = blank / "roster.yaml"
    roster.write_text(
        roster.read_text() + "- id: TL06\n  role: team-lead\n  degree: associate\n"
        "  joined: 2022-04-01\n  group: data\n",
        encoding="utf-8",
    )
    ok(run, "roster", "leave", "TL06", "--date", "2022-10-01")
    rpl = run("record", "replace-request", "--date", "2022-10-10", "--staff", "S001").stdout.split()[1]
    ok(run, "roster", "leave", "TL01", "--date", "2022-10-20")
    ok(run, "record", "consent", "--date", "2022-10-25", "--staff", "PM01")
    ok(run, "roster", "leave", "PM01", "--date", "2022-10-25")
    inc = run(
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
    ).stdout.split()[1]
    r = as_json(run, "check-roster", "--quarter", "Q4")
    got = [
        (v["from"], v["to"], v["rule"], v["clause"], v["expected"], v["actual"], v["detail"])
        for v in r["violations"]
    ]
    consent = "record it with `seatledger record consent`"
    assert got == [
        (
            "2022-10-01",
            "2022-10-01",
            "manager-change",
            "三(一)4, 三(二)4",
            "Party A's written consent first",
            "team-lead TL06 leaves with no consent recorded",
            consent,
        ),
        (
            "2022-10-20",
            "2022-10-24",
            "degree-quota",
            "四(二)1",
            "bachelor or above >= 60%",
            "28 of 47 (59.6%)",
            "",
        ),
        ("2022-10-20", "2022-10-24", "headcount", "三(二)4, 四(二)1", "48 on the roster", "47", ""),
        (
            "2022-10-20",
            "2022-10-20",
            "manager-change",
            "三(一)4, 三(二)4",
            "Party A's written consent first",
            "team-lead TL01 leaves with no consent recorded",
            consent,
        ),
        ("2022-10-20", "2022-12-31", "team-leaders", "四(二)1", ">= 4", "3", ""),
        (
            "2022-10-25",
            "2022-12-31",
            "degree-quota",
            "四(二)1",
            "bachelor or above >= 60%",
            "27 of 46 (58.7%)",
            "",
        ),
        ("2022-10-25", "2022-12-31", "headcount", "三(二)4, 四(二)1", "48 on the roster", "46", ""),
        ("2022-10-25", "2022-12-31", "project-manager", "四(二)1", ">= 1", "0", ""),
        (
            "2022-11-02",
            "2022-12-31",
            "fire-hazard-removal",
            "附件1 四",
            "S002 off the roster from 2022-11-02",
            "still on the roster",
            f"named in {inc}",
        ),
        (
            "2022-11-11",
            "2022-12-31",
            "replacement",
            "三(一)4",
            "S001 replaced by 2022-11-10",
            "still on the roster",
            f"Party A asked on 2022-10-10 ({rpl})",
        ),
    ]
    # Leaving on the day the request falls due is in time; leaving after the fire is late.
    ok(run, "roster", "leave", "S001", "--date", "2022-11-10")
    ok(run, "roster", "leave", "S002", "--date", "2022-11-03")
    r = as_json(run, "check-roster", "--quarter", "Q4")
    rules = {(v["rule"], v["from"], v["to"]) for v in r["violations"]}
    assert ("fire-hazard-removal", "2022-11-02", "2022-11-02") in rules
    assert not any(rule == "replacement" for rule, _, _ in rules)


def test_who_counts_toward_the_seats_is_a_setting(project: Path, run: Run) -> None:
    """With headcount_includes_management: false only the 43 seat staff count: headcount 43 of
    48, and 24 of 43 with a degree (24 < 25.8)."""
    contract = project / "contracts" / SEED.name
    contract.write_text(
        contract.read_text(encoding="utf-8").replace(
            "headcount_includes_management: true", "headcount_includes_management: false"
        ),
        encoding="utf-8",
    )
    assert run("init", "--recorded-from", "2022-10-01").exit_code == 0
    write_roster(project / LEDGER)
    r = as_json(run, "check-roster", "--date", "2022-10-10")
    got = {v["rule"]: v["actual"] for v in r["violations"]}
    assert got == {"headcount": "43", "degree-quota": "24 of 43 (55.8%)"}
