"""Termination (rule 14): 十(2) after an expired, uncured notice; the unserved part of the
instalment in course reversed; nothing accrues or is required after it."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from conftest import Run, snapshot, write_roster

LEDGER = Path("ledgers") / "haidian-hotline-2022"


@pytest.fixture
def paid(project: Path, run: Run) -> Path:
    """Recorded from 2022-10-01, a full roster, instalments 1-3 paid in full on time."""
    assert run("init", "--recorded-from", "2022-10-01").exit_code == 0
    write_roster(project / LEDGER)
    for n, day in ((1, "2022-04-20"), (2, "2022-07-20"), (3, "2022-10-20")):
        assert (
            run("record", "payment", "--date", day, "--instalment", str(n), "--amount", "1641000").exit_code
            == 0
        )
    return project / LEDGER


def written(run: Run, *args: str) -> str:
    result = run(*args)
    assert result.exit_code == 0, (args, result)
    return result.stdout.split()[1]


def as_json(run: Run, *args: str) -> Any:
    result = run(*args, "--format", "json")
    assert result.exit_code in (0, 1), (args, result)
    return json.loads(result.stdout)


def test_termination_after_an_uncured_notice_reverses_the_unserved_part(paid: Path, run: Run) -> None:
    """Notice 2022-11-01 under 十(2), cure by 11-10, not cured; termination 2022-11-16 (the
    first day not served). Instalment 3 (Q4, 92 days) is reversed for 11-16..12-31, 46 days:
    1,641,000.00 x 46 / 92 = 820,500.00. Instalment 4 never accrues. Over the term, with
    instalments 1-3 paid in full and no deductions: 3 x 1,641,000.00 - 820,500.00 -
    3 x 1,641,000.00 = -820,500.00: Party B refunds that."""
    ntc = written(
        run,
        "record",
        "notice",
        "--date",
        "2022-11-01",
        "--clause",
        "十(2)",
        "--cure-by",
        "2022-11-10",
        "--ref",
        "海城指〔2022〕15号",
    )
    early = run("record", "termination", "--date", "2022-11-10", "--clause", "十(2)")
    assert early.exit_code == 1 and "cure-by date has passed uncured" in early.stderr
    trm = written(run, "record", "termination", "--date", "2022-11-16", "--clause", "十(2)", "--notice", ntc)
    q4 = as_json(run, "settle", "--quarter", "Q4")
    assert [(a["label"].split(" (")[0], a["date"], a["amount"], a["clause"]) for a in q4["instalments"]] == [
        ("instalment 3", "2022-10-01", "1641000.00", "九"),
        (
            "instalment 3 reversed for the unserved part 2022-11-16..2022-12-31",
            "2022-11-16",
            "-820500.00",
            "十(2)",
        ),
    ]
    assert q4["next_instalment"] == {"label": None, "amount": "0.00"}
    (term,) = as_json(run, "balance")["rows"]
    assert (term["accrued"], term["paid"], term["running"]) == ("4102500.00", "4923000.00", "-820500.00")
    q1 = as_json(run, "settle", "--quarter", "Q1")
    assert q1["instalments"] == [] and q1["closing_balance"] == "-820500.00"
    assert [d["instalment"] for d in q1["due"]] == [1, 2, 3, "final"]
    n = as_json(run, "notices", "--as-of", "2022-11-20")
    assert [(x["id"], x["status"]) for x in n["notices"]] == [(ntc, "terminated")]
    assert n["ended"].startswith(trm)
    # Nothing is required from the termination on: no gaps, no unrecorded shifts after it.
    assert run("record", "attendance", "--date", "2022-11-15", "--present", "48").exit_code == 0
    dec = as_json(run, "deduct", "--month", "2022-12")
    assert dec["gaps"] == [] and dec["unrecorded"] == [] and dec["complete"] is True
    after = run("record", "attendance", "--date", "2022-11-16", "--present", "48")
    assert after.exit_code == 1 and "the service ended on 2022-11-16" in after.stderr
    # The completion may come from the termination on, before the term's end.
    assert run("record", "completion", "--date", "2022-11-30", "--amount", "1000").exit_code == 0


def test_a_cured_notice_allows_no_termination(paid: Path, run: Run) -> None:
    ntc = written(
        run, "record", "notice", "--date", "2022-11-01", "--clause", "十(2)", "--cure-by", "2022-11-10"
    )
    assert as_json(run, "notices", "--as-of", "2022-11-12")["notices"][0]["status"] == "past cure-by"
    assert run("notices", "--as-of", "2022-11-12").exit_code == 1
    written(run, "record", "cured", "--date", "2022-11-09", "--notice", ntc)
    assert as_json(run, "notices", "--as-of", "2022-11-12")["notices"][0]["status"] == "cured"
    before = snapshot(paid)
    result = run("record", "termination", "--date", "2022-11-16", "--clause", "十(2)")
    assert result.exit_code == 1 and "passed uncured" in result.stderr
    assert snapshot(paid) == before


@pytest.mark.parametrize(
    "args, words",
    [
        (("--date", "2022-11-16", "--clause", "十(9)"), "not a ground for termination"),
        (("--date", "2023-04-01", "--clause", "十(3)"), "outside the term"),
    ],
)
def test_a_termination_on_no_ground_or_outside_the_term_is_refused(
    paid: Path, run: Run, args: tuple[str, ...], words: str
) -> None:
    before = snapshot(paid)
    result = run("record", "termination", *args)
    assert result.exit_code == 1 and words in result.stderr, result
    assert snapshot(paid) == before


def test_a_second_termination_is_refused_and_none_needs_a_notice_under_10_3(paid: Path, run: Run) -> None:
    """Under 十(3) no notice is needed: terminated from 2023-01-01, instalment 4 never accrues
    and nothing is reversed (its period starts on the day). A second termination is refused."""
    written(run, "record", "termination", "--date", "2023-01-01", "--clause", "十(3)")
    q1 = as_json(run, "settle", "--quarter", "Q1")
    assert q1["instalments"] == [] and q1["accrued"] == "0.00"
    again = run("record", "termination", "--date", "2023-02-01", "--clause", "三(一)9")
    assert again.exit_code == 1 and "already ended" in again.stderr


def test_the_new_record_kinds_are_records_like_the_others(paid: Path, run: Run) -> None:
    """Each new kind writes canonical text, has a dry run that writes nothing, and can be
    voided; the ledger stays in canonical form."""
    inc = written(run, "record", "incident", "--date", "2022-11-02", "--penalty", "post-abandonment")
    cases = [
        ("notice", "--date", "2022-11-01", "--clause", "十(2)", "--cure-by", "2022-11-10"),
        ("dispute", "--date", "2022-11-03", "--incident", inc, "--reason", "不认可"),
        ("document", "--date", "2022-11-04", "--instalment", "3", "--kind", "reports"),
    ]
    for case in cases:
        before = snapshot(paid)
        dry = run("record", *case, "--dry-run")
        assert dry.exit_code == 0 and "dry run: nothing written" in dry.stdout
        assert snapshot(paid) == before
        rid = written(run, "record", *case)
        assert f"kind: {case[0]}" in (paid / "2022-11.yaml").read_text()
        assert run("fmt", "--check").exit_code == 0
        assert run("void", rid, "--reason", "entered in error").exit_code == 0
    assert run("check").exit_code in (0, 1)  # gaps only
    problems = json.loads(run("check", "--format", "json").stdout)["problems"]
    assert {p["code"] for p in problems} <= {"gap", "uninvoiced"}


def test_the_reversal_in_working_days_and_on_the_last_day(project: Path, run: Run) -> None:
    """With termination.basis working-days: Q4 has 62 working days, 33 of them from 11-16, so
    1,641,000.00 x 33 / 62 = 873,435.483... -> 873,435.48 is reversed. In calendar days, a
    termination on 12-31, the period's last day, reverses 1 of 92: 17,836.96."""
    from conftest import SEED

    contract = project / "contracts" / SEED.name
    text = contract.read_text(encoding="utf-8")
    contract.write_text(text.replace("  basis: calendar-days", "  basis: working-days"), encoding="utf-8")
    assert run("init", "--recorded-from", "2022-10-01").exit_code == 0
    write_roster(project / LEDGER)
    trm = written(run, "record", "termination", "--date", "2022-11-16", "--clause", "十(3)")
    amounts = [a["amount"] for a in as_json(run, "settle", "--quarter", "Q4")["instalments"]]
    assert amounts == ["1641000.00", "-873435.48"]
    assert run("void", trm, "--reason", "entered wrong").exit_code == 0
    contract.write_text(text, encoding="utf-8")
    written(run, "record", "termination", "--date", "2022-12-31", "--clause", "十(3)")
    amounts = [a["amount"] for a in as_json(run, "settle", "--quarter", "Q4")["instalments"]]
    assert amounts == ["1641000.00", "-17836.96"]
