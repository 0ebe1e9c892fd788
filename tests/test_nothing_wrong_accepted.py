"""Issue 19, nothing wrong accepted: each case first through the real CLI as a user met it,
then refused with a message that says why, every file left byte for byte as it was."""

from __future__ import annotations

import json
from pathlib import Path

from conftest import Run, snapshot


def refused(run: Run, ledger: Path, *args: str, words: str = "") -> str:
    before = snapshot(ledger)
    result = run(*args)
    assert result.exit_code != 0, (args, result)
    assert words in result.output, (words, result.output)
    assert snapshot(ledger) == before
    return result.output


def ok(run: Run, *args: str) -> str:
    result = run(*args)
    assert result.exit_code == 0, (args, result)
    return result.stdout


def problems(run: Run) -> list[dict]:  # type: ignore[type-arg]
    result = run("check", "--allow-gaps", "--format", "json")
    data = json.loads(result.stdout)
    return [p for p in data["problems"] if p.get("severity", "error") == "error" and p.get("code") != "gap"]


def test_a_percent_of_total_penalty_is_counted_once(ledger: Path, run: Run) -> None:
    """Liquidated damages are 5 % of the total, 334,778.40: a count of 2 deducted 669,556.80."""
    refused(
        run,
        ledger,
        *("record", "incident", "--date", "2022-07-05", "--penalty", "liquidated-damages", "--count", "2"),
        words="its count is 1, not 2",
    )
    ok(run, "record", "incident", "--date", "2022-07-05", "--penalty", "liquidated-damages")


def test_an_incident_names_only_staff_on_the_roster_that_day(ledger: Path, run: Run) -> None:
    ok(run, "roster", "leave", "S001", "--date", "2022-08-01")
    ok(
        run,
        *("roster", "add", "S050", "--role", "seat", "--group", "data", "--degree", "bachelor"),
        *("--joined", "2022-09-01"),
    )
    inc = ("record", "incident", "--penalty", "post-abandonment", "--staff")
    refused(
        run, ledger, *inc, "S001", "--date", "2022-08-02", words="'S001' is not on the roster on 2022-08-02"
    )
    refused(
        run, ledger, *inc, "S050", "--date", "2022-08-31", words="'S050' is not on the roster on 2022-08-31"
    )
    # The day a person leaves, as one barred by a serious fire hazard must, they are named.
    ok(run, *inc, "S001", "--date", "2022-08-01")
    ok(run, *inc, "S050", "--date", "2022-09-01")


def test_a_record_more_than_a_year_after_the_term_is_refused(ledger: Path, run: Run) -> None:
    """The term ends 2023-03-31: a payment dated 2030-01-20 (for 2023-01-20) made 2030-01.yaml."""
    pay = ("record", "payment", "--instalment", "4", "--amount", "1000")
    refused(
        run, ledger, *pay, "--date", "2030-01-20", words="more than a year after the term ends 2023-03-31"
    )
    refused(run, ledger, *pay, "--date", "2024-04-01", words="by 2024-03-31 at the latest (rule 8)")
    assert not (ledger / "2030-01.yaml").exists()
    ok(run, *pay, "--date", "2024-03-31")


VOIDED = """\
- id: inc-2022-07-05-aaaaaa
  kind: incident
  date: 2022-07-05
  penalty: {penalty}
  count: 1
  staff: [{staff}]
- id: void-2022-07-05-bbbbbb
  kind: void
  date: 2022-07-05
  target: inc-2022-07-05-aaaaaa
  reason: "entered by mistake"
"""


def test_a_voided_record_is_still_checked_but_not_counted(ledger: Path, run: Run) -> None:
    month = ledger / "2022-07.yaml"
    month.write_text(VOIDED.format(penalty="no-such-penalty", staff="S001"), encoding="utf-8")
    found = problems(run)
    assert [(p["field"], p["record"]) for p in found] == [("penalty", "inc-2022-07-05-aaaaaa")], found
    month.write_text(VOIDED.format(penalty="post-abandonment", staff="S999"), encoding="utf-8")
    found = problems(run)
    assert [(p["field"], p["record"]) for p in found] == [("staff", "inc-2022-07-05-aaaaaa")], found
    assert "'S999' is not on the roster on 2022-07-05" in found[0]["message"]
    # Valid, it is withdrawn: its 1,000.00 is not deducted.
    month.write_text(VOIDED.format(penalty="post-abandonment", staff="S001"), encoding="utf-8")
    assert problems(run) == []
    deduct = json.loads(run("deduct", "--month", "2022-07", "--format", "json").stdout)
    assert all(line.get("penalty") != "post-abandonment" for line in deduct["lines"]), deduct


def test_a_void_frees_the_shift_for_a_new_record(ledger: Path, run: Run) -> None:
    """Rule 7: after a void of att-2022-07-01-day, --replace said "replaced" and the record
    stayed void; now the shift is recorded anew as att-2022-07-01-day-2, the void and the
    voided record kept for the audit trail."""
    day = ("record", "attendance", "--date", "2022-07-01")
    ok(run, *day, "--present", "48")
    ok(run, "void", "att-2022-07-01-day", "--reason", "wrong day")
    out = ok(run, *day, "--present", "47", "--absent", "S001")
    assert "att-2022-07-01-day-2" in out and "added" in out, out
    refused(run, ledger, *day, "--present", "46", words="use --replace")
    out = ok(run, *day, "--present", "46", "--absent", "S001,X001", "--replace")
    assert "att-2022-07-01-day-2" in out and "replaced" in out, out
    assert problems(run) == []
    data = json.loads(run("deduct", "--from", "2022-07-01", "--to", "2022-07-01", "--format", "json").stdout)
    assert data["total"] == "600.00", data  # two short at 300.00: the live record counts
    text = (ledger / "2022-07.yaml").read_text(encoding="utf-8")
    assert text.count("- id: att-2022-07-01-day") == 2 and "target: att-2022-07-01-day\n" in text
    ok(run, "void", "att-2022-07-01-day-2", "--reason", "again")
    assert "att-2022-07-01-day-3" in ok(run, *day, "--present", "48")


def test_a_back_dated_leave_that_breaks_recorded_attendance_is_refused(ledger: Path, run: Run) -> None:
    """48 present on 2022-07-05 and 2022-07-06 with 48 on the roster: S001 leaving on
    2022-07-01 leaves 47, so both records would say more present than on the roster."""
    for d in ("2022-07-05", "2022-07-06"):
        ok(run, "record", "attendance", "--date", d, "--present", "48")
    out = refused(
        run, ledger, "roster", "leave", "S001", "--date", "2022-07-01", words="S001 leaving on 2022-07-01"
    )
    assert "att-2022-07-05-day" in out and "att-2022-07-06-day" in out, out
    assert "48 present is more than the 47 people on the roster on 2022-07-05" in out, out
    ok(run, "roster", "leave", "S001", "--date", "2022-07-07")  # after the last record: fine
    assert problems(run) == []


def test_present_and_absent_cannot_add_up_to_more_than_the_roster(ledger: Path, run: Run) -> None:
    """48 on the roster: 48 present and S001 absent would be 49 people."""
    refused(
        run,
        ledger,
        *("record", "attendance", "--date", "2022-07-05", "--present", "48", "--absent", "S001"),
        words="48 present and 1 absent make 49, more than the 48 people on the roster",
    )
    ok(run, "record", "attendance", "--date", "2022-07-05", "--present", "47", "--absent", "S001")


def test_recorded_from_outside_the_term_is_a_problem(example: Path, run: Run) -> None:
    """Edited by hand to a day after the term, recorded_from made every gap vanish and Q3 read
    complete; before the term, every day back to it was a gap. Either is one problem at its line."""
    meta = example / "ledger.yaml"
    for day in ("2023-06-01", "2021-01-01"):
        meta.write_text(meta.read_text().replace("recorded_from: 2022-04-01", f"recorded_from: {day}"))
        found = problems(run)
        assert [(p["line"], p["field"]) for p in found] == [(3, "recorded_from")], found
        assert f"{day} is outside the term 2022-04-01..2023-03-31" in found[0]["message"]
        assert run("deduct", "--quarter", "Q3").exit_code == 1
        meta.write_text(meta.read_text().replace(f"recorded_from: {day}", "recorded_from: 2022-04-01"))
