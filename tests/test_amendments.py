"""Supplementary contracts (rule 16): every rule reads the terms in force on its date."""

from __future__ import annotations

import json
from pathlib import Path

from conftest import SEED, Run, write_roster

LEDGER = Path("ledgers") / "haidian-hotline-2022"

SEATS_52 = """amendments:
  - id: a1
    reference: 补充协议（一）海城指〔2022〕21号
    signed: 2022-09-20
    effective: 2022-10-01
    changes:
      seats: 52
"""


def amend(project: Path, text: str) -> None:
    contract = project / "contracts" / SEED.name
    contract.write_text(contract.read_text(encoding="utf-8") + text, encoding="utf-8")


def test_more_seats_from_an_amendment(project: Path, run: Run) -> None:
    """Seats rise from 48 to 52 from 2022-10-01. A working day in October with 49 present:
    52 - 49 = 3 person-shifts, 900.00, the line naming a1. The same in September with 47
    present: 48 - 47 = 1, 300.00, under the contract as signed."""
    amend(project, SEATS_52)
    assert run("init", "--recorded-from", "2022-09-01").exit_code == 0
    write_roster(project / LEDGER, seats=52)
    for day, present in (("2022-09-30", "47"), ("2022-10-10", "49")):
        assert run("record", "attendance", "--date", day, "--present", present).exit_code == 0
    oct_ = json.loads(run("deduct", "--month", "2022-10", "--format", "json").stdout)
    (line,) = oct_["lines"]
    assert (line["required"], line["quantity"], line["amount"], line["amendment"]) == (52, 3, "900.00", "a1")
    sep = json.loads(run("deduct", "--month", "2022-09", "--format", "json").stdout)
    (line,) = sep["lines"]
    assert (line["required"], line["amount"], line["amendment"]) == (48, "300.00", None)
    cal = json.loads(run("calendar", "--month", "2022-10", "--format", "json").stdout)
    assert next(d for d in cal["days"] if d["date"] == "2022-10-10")["required"]["day"] == 52


def test_an_amended_rate_and_instalment(project: Path, run: Run) -> None:
    """From 2022-10-01 post abandonment costs 2,000.00 and instalment 4 is 1,600,000.00 with
    the final payment cap raised by 41,000.00 to 172,568.00, so the total still adds up."""
    amend(
        project,
        """amendments:
  - id: a2
    reference: 补充协议（二）
    signed: 2022-09-25
    effective: 2022-10-01
    changes:
      penalties:
        post-abandonment:
          amount: "2000.00"
      instalments:
        4:
          amount: "1600000.00"
          capitals: 壹佰陆拾万元整
      final_payment:
        cap: "172568.00"
        capitals: 壹拾柒万贰仟伍佰陆拾捌元整
""",
    )
    assert run("init", "--recorded-from", "2022-10-01").exit_code == 0
    write_roster(project / LEDGER)
    for day in ("2022-09-15", "2022-10-15"):
        assert run("record", "incident", "--date", day, "--penalty", "post-abandonment").exit_code == 0
    d = json.loads(run("deduct", "--from", "2022-09-01", "--to", "2022-10-31", "--format", "json").stdout)
    assert [(x["date"], x["amount"], x["amendment"]) for x in d["lines"]] == [
        ("2022-09-15", "1000.00", None),
        ("2022-10-15", "2000.00", "a2"),
    ]
    q1 = json.loads(run("settle", "--quarter", "Q1", "--format", "json").stdout)
    assert [(a["label"], a["amount"], a["amendment"]) for a in q1["instalments"]] == [
        ("instalment 4", "1600000.00", "a2")
    ]


def test_an_amendment_that_does_not_add_up_is_refused(project: Path, run: Run) -> None:
    amend(
        project,
        """amendments:
  - id: a3
    reference: 补充协议（三）
    signed: 2022-09-25
    changes:
      instalments:
        4:
          amount: "1600000.00"
          capitals: 壹佰陆拾万元整
""",
    )
    result = run("check")
    assert result.exit_code == 1
    assert "amendments.0.changes: with a3 in force from 2022-09-25: instalments" in result.output


def test_an_amendment_outside_the_term_or_of_an_unknown_penalty(project: Path, run: Run) -> None:
    amend(
        project,
        """amendments:
  - id: a4
    reference: 补充协议（四）
    signed: 2023-05-01
    changes:
      penalties:
        yoga:
          amount: "1.00"
""",
    )
    result = run("check")
    assert result.exit_code == 1
    assert "amendments.0.effective: 2023-05-01 is outside the term" in result.output
    assert "'yoga' is not a penalty of the contract" in result.output


def test_an_amendment_reaching_into_a_closed_quarter(project: Path, run: Run) -> None:
    """Q3 closed on 2022-10-10; an amendment signed 2022-10-20 effective 2022-09-01 would
    change its figures: a problem until Q3 is reopened."""
    assert run("init", "--recorded-from", "2022-10-01").exit_code == 0
    write_roster(project / LEDGER)
    assert run("close", "--quarter", "Q3", "--date", "2022-10-10").exit_code == 0
    amend(project, SEATS_52.replace("2022-09-20", "2022-10-20").replace("2022-10-01", "2022-09-01"))
    result = run("check")
    assert result.exit_code == 1 and "reaching into 2022-Q3, closed on 2022-10-10" in result.output


def test_an_amended_degree_quota_and_duty(project: Path, run: Run) -> None:
    """From 2022-10-01 the quota is 70 % and three Weibo updates a week become five. With 29
    of 48 holding a degree (60.4 %), September meets the quota and October does not; a week
    of October with three updates falls short by two, one of September does not."""
    amend(
        project,
        """amendments:
  - id: a5
    reference: 补充协议（五）
    signed: 2022-09-25
    effective: 2022-10-01
    changes:
      degree_quota:
        min_degree: bachelor
        ratio: "0.70"
        clause: 补充协议（五）第一条
      obligations:
        weibo-update:
          title: 微博信息更新
          window: iso-week
          required: 5
          clause: 补充协议（五）第二条
""",
    )
    assert run("init", "--recorded-from", "2022-09-01").exit_code == 0
    write_roster(project / LEDGER)
    roster = json.loads(
        run("check-roster", "--from", "2022-09-01", "--to", "2022-10-31", "--format", "json").stdout
    )
    quota = [(v["from"], v["to"], v["clause"]) for v in roster["violations"] if v["rule"] == "degree-quota"]
    assert quota == [("2022-10-01", "2022-10-31", "补充协议（五）第一条")]
    for day in ("2022-09-20", "2022-10-11"):
        assert (
            run("record", "activity", "--date", day, "--obligation", "weibo-update", "--count", "3").exit_code
            == 0
        )
    c = json.loads(run("compliance", "--from", "2022-09-01", "--to", "2022-10-31", "--format", "json").stdout)
    weeks = {
        w["window"]: (w["required"], w["shortfall"])
        for o in c["obligations"]
        if o["obligation"] == "weibo-update"
        for w in o["lines"]
    }
    assert weeks["2022-W38"] == (3, 0) and weeks["2022-W41"] == (5, 2)


RAISE = """amendments:
  - id: a4
    reference: 补充协议（四）
    signed: 2022-12-20
    effective: 2023-01-01
    changes:
      total: "6795568.00"
      total_capitals: 人民币陆佰柒拾玖万伍仟伍佰陆拾捌元整
      instalments:
        4:
          amount: "1741000.00"
          capitals: 壹佰柒拾肆万壹仟元整
"""
# 2,995,200.00 + 100,000.00: the service line carries the raise
RESTATED = """      breakdown:
        - key: service
          title: 日常服务费用（含人工费、过节费及其他补助）
          amount: "3095200.00"
        - key: insurance-and-clothing
          title: 五险一金及置装费用（12个月）
          amount: "2580624.00"
        - key: management-and-tax
          title: 管理费及税费（12个月）
          amount: "1119744.00"
"""


def test_an_amendment_raising_the_total_restates_the_breakdown(project: Path, run: Run) -> None:
    """A supplementary contract adds 100,000.00 to instalment 4 and to the total from
    2023-01-01; restating the breakdown with it (3,095,200.00 + 2,580,624.00 + 1,119,744.00 =
    6,795,568.00) makes the amended contract add up, and instalment 4 is 1,741,000.00."""
    amend(project, RAISE + RESTATED)
    assert run("init", "--recorded-from", "2023-01-01").exit_code == 0
    write_roster(project / LEDGER)
    assert run("check").exit_code == 0
    q1 = json.loads(run("settle", "--quarter", "Q1", "--format", "json").stdout)
    assert [(a["label"], a["amount"], a["amendment"]) for a in q1["instalments"]] == [
        ("instalment 4", "1741000.00", "a4")
    ]


def test_a_raised_total_without_the_breakdown_is_refused(project: Path, run: Run) -> None:
    """The breakdown as signed adds up to 6,695,568.00, not the amended 6,795,568.00."""
    amend(project, RAISE)
    result = run("check")
    assert result.exit_code == 1
    assert (
        "with a4 in force from 2023-01-01: breakdown adds up to 6695568.00, not the total 6795568.00"
        in result.output
    )
