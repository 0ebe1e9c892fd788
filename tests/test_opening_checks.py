"""What `check` says of opening records (rule 21), word for word, with file, line and field:
a second opening, one off the ledger's first day or on the term's start, keys that are not the
contract's, and the warning where none is recorded. From the mutation run of 2026-12-03."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from conftest import LEDGER, Run

JULY = f"{LEDGER}/2022-07.yaml"
PENALTIES = (
    "seat-shortage, post-abandonment, assessment-deduction, fire-hazard-personal, fire-hazard-serious, "
    "fire-rectification-overdue, liquidated-damages, confidentiality-breach"
)


def problems(run: Run) -> list[dict[str, Any]]:
    out = json.loads(run("check", "--format", "json").stdout)["problems"]
    return [p for p in out if p["code"] != "uninvoiced"]


def opening(project: Path, run: Run, extra: str, recorded_from: str = "2022-07-01") -> str:
    """A ledger recorded from `recorded_from` whose opening record (dated that day, instalment
    1 paid) has `extra` lines written after it by hand; the record's id."""
    assert run("init", "--recorded-from", recorded_from).exit_code == 0
    assert run("record", "opening", "--date", recorded_from, "--paid", "1=1641000").exit_code == 0
    month = project / LEDGER / f"{recorded_from[:7]}.yaml"
    text = month.read_text(encoding="utf-8")
    (rid,) = [line.split(": ")[1] for line in text.splitlines() if line.startswith("- id: opn-")]
    month.write_text(
        text.replace('  paid: ["1=1641000.00"]\n', '  paid: ["1=1641000.00"]\n' + extra), encoding="utf-8"
    )
    return rid


def test_keys_not_the_contracts_are_errors_at_their_field(project: Path, run: Run) -> None:
    rid = opening(
        project, run, '  invoiced: ["7=10.00"]\n  deducted: ["seat-shortage=300.00", "no-such=5.00"]\n'
    )
    found = problems(run)
    assert [(p["file"], p["line"], p["field"], p["record"], p["severity"], p["message"]) for p in found] == [
        (JULY, 8, "invoiced", rid, "error", "7 is not an instalment; valid: 1, 2, 3, 4, final"),
        (JULY, 9, "deducted", rid, "error", f"no-such is not a penalty; valid: {PENALTIES}"),
    ]


def test_a_paid_key_not_an_instalment(project: Path, run: Run) -> None:
    opening(
        project, run, '  invoiced: ["1=1641000.00", "final=1.00"]\n  deducted: ["seat-shortage=300.00"]\n'
    )
    assert problems(run) == []  # final and the contract's keys are valid
    text = (project / JULY).read_text(encoding="utf-8").replace('paid: ["1=1641000.00"]', 'paid: ["5=1.00"]')
    (project / JULY).write_text(text, encoding="utf-8")
    assert [(p["field"], p["message"]) for p in problems(run)] == [
        ("paid", "5 is not an instalment; valid: 1, 2, 3, 4, final")
    ]


def test_a_second_opening_is_an_error_naming_the_first(project: Path, run: Run) -> None:
    rid = opening(project, run, "- id: opn-2022-07-01-second\n  kind: opening\n  date: 2022-07-01\n")
    (second,) = problems(run)
    assert (second["record"], second["line"], second["field"], second["severity"]) == (
        "opn-2022-07-01-second",
        8,
        "id",
        "error",
    )
    assert second["message"] == f"a second opening record ({rid}); void one of them"


def test_an_opening_off_the_first_day(project: Path, run: Run) -> None:
    """Dated 2022-07-01 in a ledger whose recorded_from is moved to 2022-07-02 by hand."""
    rid = opening(project, run, "")
    settings = project / LEDGER / "ledger.yaml"
    settings.write_text(
        settings.read_text(encoding="utf-8").replace("2022-07-01", "2022-07-02"), encoding="utf-8"
    )
    (found,) = problems(run)
    assert (found["record"], found["field"], found["line"]) == (rid, "date", 6)
    assert found["message"] == (
        "an opening record stands on the ledger's recorded_from day, after the term's start "
        "2022-04-01; this ledger is recorded from 2022-07-02 (rule 21)"
    )


def test_an_opening_on_the_terms_first_day_is_out_of_place(project: Path, run: Run) -> None:
    assert run("init").exit_code == 0
    month = project / LEDGER / "2022-04.yaml"
    text = month.read_text(encoding="utf-8").replace(
        "# == 2022-04-01 ==\n", "# == 2022-04-01 ==\n- id: opn-early\n  kind: opening\n  date: 2022-04-01\n"
    )
    month.write_text(text, encoding="utf-8")
    assert [(p["record"], p["field"]) for p in problems(run) if p["severity"] == "error"] == [
        ("opn-early", "date")
    ]


def test_no_opening_warns_at_recorded_from_word_for_word(project: Path, run: Run) -> None:
    """Recorded from 2022-10-01: instalments 1 and 2 began before it and read unpaid."""
    assert run("init", "--recorded-from", "2022-10-01").exit_code == 0
    (found,) = [p for p in problems(run) if p["code"] == "no-opening"]
    assert (found["file"], found["line"], found["field"], found["severity"]) == (
        f"{LEDGER}/ledger.yaml",
        3,
        "recorded_from",
        "warning",
    )
    assert found["message"] == (
        "the ledger is recorded from 2022-10-01, after the term's start 2022-04-01, and has no "
        "opening record, so instalment(s) 1, 2 read as unpaid: bring forward what was paid, "
        "invoiced and deducted before that day and is not recorded with `seatledger record "
        "opening --date 2022-10-01 --paid 1=AMOUNT --deducted PENALTY=AMOUNT` (rule 21)"
    )


def test_no_warning_from_the_terms_first_day(project: Path, run: Run) -> None:
    assert run("init").exit_code == 0
    assert [p for p in problems(run) if p["code"] == "no-opening"] == []


def test_a_statement_says_which_instalments_read_unpaid_word_for_word(project: Path, run: Run) -> None:
    assert run("init", "--recorded-from", "2022-10-01").exit_code == 0
    s = json.loads(run("settle", "--quarter", "Q4", "--format", "json").stdout)
    tail = (
        "began before the ledger's first day 2022-10-01 and no opening record says what was paid "
        "of it: it reads as unpaid and the figures are incomplete (`seatledger record opening`, rule 21)"
    )
    assert [f for f in s["findings"] if "began before" in f["finding"]] == [
        {"record": None, "finding": f"instalment {n} {tail}"} for n in (1, 2)
    ]


def test_an_instalment_paid_in_full_after_the_start_is_not_flagged(project: Path, run: Run) -> None:
    """Recorded from 2022-10-01; instalment 1 paid in full on 10-05: only instalment 2 reads
    unpaid, however much was paid of the other."""
    assert run("init", "--recorded-from", "2022-10-01").exit_code == 0
    paid = run("record", "payment", "--date", "2022-10-05", "--instalment", "1", "--amount", "1641000")
    assert paid.exit_code == 0, paid
    (found,) = [p for p in problems(run) if p["code"] == "no-opening"]
    assert "so instalment(s) 2 read as unpaid" in found["message"]


def test_a_ledger_recorded_from_the_terms_last_day_is_warned_too(project: Path, run: Run) -> None:
    assert run("init", "--recorded-from", "2023-03-31").exit_code == 0
    (found,) = [p for p in problems(run) if p["code"] == "no-opening"]
    assert "so instalment(s) 1, 2, 3, 4 read as unpaid" in found["message"]


def test_a_first_day_after_the_term_is_an_error_and_no_opening_is_asked_for(project: Path, run: Run) -> None:
    assert run("init", "--recorded-from", "2023-03-31").exit_code == 0
    settings = project / LEDGER / "ledger.yaml"
    settings.write_text(
        settings.read_text(encoding="utf-8").replace("2023-03-31", "2023-04-01"), encoding="utf-8"
    )
    assert [(p["field"], p["severity"]) for p in problems(run)] == [("recorded_from", "error")]
