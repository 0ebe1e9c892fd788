"""Disputed deductions (rule 17): Party A pays the undisputed part on time."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from conftest import Run, snapshot

LEDGER = Path("ledgers") / "haidian-hotline-2022"


def written(run: Run, *args: str) -> str:
    result = run(*args)
    assert result.exit_code == 0, (args, result)
    return result.stdout.split()[1]


def settle(run: Run, *args: str) -> Any:
    result = run("settle", "--quarter", "Q3", *args, "--format", "json")
    assert result.exit_code == 0, result
    return json.loads(result.stdout)


def test_a_disputed_deduction_is_not_withheld_until_it_is_ruled_on(blank: Path, run: Run) -> None:
    """An assessment deduction of 5,000.00 on 2022-08-16. Undisputed, Party A should pay next
    1,641,000.00 (instalment 3) + 1,641,000.00 (instalment 1) + 1,641,000.00 (instalment 2)
    - 5,000.00 = 4,918,000.00. Disputed on 08-20, it is shown apart and not withheld:
    4,923,000.00, 5,000.00 higher. Dismissed by a ruling on 09-10, it is withheld again from
    then on (as of 09-05 it was still open). Upheld by voiding the incident, it is gone."""
    inc = written(
        run,
        "record",
        "incident",
        "--date",
        "2022-08-16",
        "--penalty",
        "assessment-deduction",
        "--amount",
        "5000",
    )
    undisputed = settle(run)
    assert (undisputed["deductions"]["total"], undisputed["next_payment"]) == ("5000.00", "4918000.00")
    dsp = written(
        run, "record", "dispute", "--date", "2022-08-20", "--incident", inc, "--reason", "扣分与座席无关"
    )
    disputed = settle(run)
    assert disputed["next_payment"] == "4923000.00"
    assert disputed["disputed"]["total"] == "5000.00"
    assert [line["record"] for line in disputed["disputed"]["lines"]] == [inc]
    assert disputed["closing_balance"] == undisputed["closing_balance"]  # still owed
    text = run("settle", "--quarter", "Q3").stdout
    assert "under dispute" in text and "5,000.00" in text
    written(run, "record", "ruling", "--date", "2022-09-10", "--dispute", dsp)
    assert settle(run)["next_payment"] == "4918000.00"
    assert settle(run, "--as-of", "2022-09-05")["next_payment"] == "4923000.00"
    written(run, "void", inc, "--reason", "upheld on appeal")
    upheld = settle(run)
    assert (upheld["deductions"]["total"], upheld["next_payment"]) == ("0.00", "4923000.00")


@pytest.mark.parametrize(
    "args, words",
    [
        (
            (
                "record",
                "dispute",
                "--date",
                "2022-08-20",
                "--incident",
                "inc-2022-08-16-ffffff",
                "--reason",
                "x",
            ),
            "is not a live incident, so there is no deduction to dispute",
        ),
        (
            ("record", "ruling", "--date", "2022-08-20", "--dispute", "dsp-2022-08-20-ffffff"),
            "is not a live dispute",
        ),
    ],
)
def test_a_dispute_or_ruling_of_nothing_is_refused(
    blank: Path, run: Run, args: tuple[str, ...], words: str
) -> None:
    before = snapshot(blank)
    result = run(*args)
    assert result.exit_code == 1 and words in result.stderr, result
    assert snapshot(blank) == before


def test_one_open_dispute_per_incident_and_dates_in_order(blank: Path, run: Run) -> None:
    inc = written(run, "record", "incident", "--date", "2022-08-16", "--penalty", "post-abandonment")
    early = run("record", "dispute", "--date", "2022-08-15", "--incident", inc, "--reason", "x")
    assert early.exit_code == 1 and "before the incident" in early.stderr
    dsp = written(run, "record", "dispute", "--date", "2022-08-20", "--incident", inc, "--reason", "x")
    again = run("record", "dispute", "--date", "2022-08-21", "--incident", inc, "--reason", "y")
    assert again.exit_code == 1 and f"already disputed by {dsp}" in again.stderr
    late = run("record", "ruling", "--date", "2022-08-19", "--dispute", dsp)
    assert late.exit_code == 1 and "before the dispute" in late.stderr
    rul = written(run, "record", "ruling", "--date", "2022-08-25", "--dispute", dsp)
    twice = run("record", "ruling", "--date", "2022-08-26", "--dispute", dsp, "--note", "again")
    assert twice.exit_code == 1 and f"already ruled on by {rul}" in twice.stderr


def test_a_dispute_and_a_ruling_count_from_their_own_day(blank: Path, run: Run) -> None:
    """As of the day a dispute is raised it is open; as of the day of its ruling it is not."""
    inc = written(run, "record", "incident", "--date", "2022-08-16", "--penalty", "post-abandonment")
    dsp = written(run, "record", "dispute", "--date", "2022-08-20", "--incident", inc, "--reason", "x")
    written(run, "record", "ruling", "--date", "2022-09-01", "--dispute", dsp)
    assert settle(run, "--as-of", "2022-08-19")["disputed"]["total"] == "0.00"
    assert settle(run, "--as-of", "2022-08-20")["disputed"]["total"] == "1000.00"
    assert settle(run, "--as-of", "2022-08-31")["disputed"]["total"] == "1000.00"
    assert settle(run, "--as-of", "2022-09-01")["disputed"]["total"] == "0.00"
