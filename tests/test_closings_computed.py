"""closings.yaml holds one short entry per close (digest and figures); the records as they were
closed come from the git revision that added the entry, so a changed closed quarter still names
each record added, removed or changed."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from conftest import LEDGER, Run, commit
from seatledger.core.workdays import WorkCalendar

# Each test records a quarter into a real git repository and closes it.
pytestmark = pytest.mark.slow


def _close_q3(repo: Path, run: Run) -> None:
    for d in WorkCalendar().working_days(date(2022, 7, 4), date(2022, 9, 30)):
        assert run("record", "attendance", "--date", str(d), "--present", "48").exit_code == 0
    assert (
        run(
            "record", "incident", "--date", "2022-08-03", "--penalty", "post-abandonment", "--staff", "S001"
        ).exit_code
        == 0
    )
    assert run("close", "--quarter", "Q3", "--date", "2022-10-10").exit_code == 0


def test_a_close_is_a_short_entry(repo: Path, run: Run) -> None:
    _close_q3(repo, run)
    text = (repo / LEDGER / "closings.yaml").read_text(encoding="utf-8")
    assert "\n  records:" not in text and "digest:" in text and "figures:" in text
    assert len(text.splitlines()) < 20


def test_changes_are_named_from_the_closing_revision(repo: Path, run: Run) -> None:
    _close_q3(repo, run)
    commit(repo, "close Q3")
    month = repo / LEDGER / "2022-08.yaml"
    text = month.read_text(encoding="utf-8")
    incident = text[text.index("- id: inc-2022-08-03") :]
    incident = incident[: incident.index("\n- id:") + 1] if "\n- id:" in incident else incident
    month.write_text(
        text.replace(incident, "").replace("present: 48", "present: 46", 1)
        + "- id: act-2022-08-05-x\n  kind: activity\n  date: 2022-08-05\n"
        "  obligation: weekly-training\n",
        encoding="utf-8",
    )
    result = run("check")
    assert result.exit_code == 1
    out = result.output
    assert "inc-2022-08-03" in out and "was removed from closed quarter 2022-Q3" in out
    assert "att-2022-08-01-day was changed in closed quarter 2022-Q3" in out
    assert "act-2022-08-05-x was added to closed quarter 2022-Q3" in out


def test_an_uncommitted_close_still_catches_a_change(repo: Path, run: Run) -> None:
    _close_q3(repo, run)
    month = repo / LEDGER / "2022-08.yaml"
    month.write_text(
        month.read_text(encoding="utf-8").replace("present: 48", "present: 46", 1), encoding="utf-8"
    )
    result = run("check")
    assert result.exit_code == 1 and "closed quarter 2022-Q3" in result.output
    assert "has the contract changed" not in result.output


def test_an_entry_with_stored_records_is_read_as_before(repo: Path, run: Run) -> None:
    _close_q3(repo, run)
    closings = repo / LEDGER / "closings.yaml"
    text = closings.read_text(encoding="utf-8")
    closings.write_text(text + "  records:\n    att-2022-08-01-day: 000000000000\n", encoding="utf-8")
    month = repo / LEDGER / "2022-09.yaml"
    month.write_text(
        month.read_text(encoding="utf-8").replace("present: 48", "present: 47", 1), encoding="utf-8"
    )
    result = run("check")
    assert result.exit_code == 1
    assert "att-2022-08-01-day was changed in closed quarter 2022-Q3" in result.output
