"""The pull-request workflow on real git repositories: merge driver, semantic diff, closed
quarters."""

from __future__ import annotations

import json
import os
from datetime import date
from pathlib import Path

import pytest

from conftest import LEDGER, Run, commit, git, write_roster
from seatledger.core.workdays import WorkCalendar

# Real git repositories, branches and merges through the driver.
pytestmark = pytest.mark.slow


def test_branches_appending_different_days_merge_cleanly(repo: Path, run: Run) -> None:
    git(repo, "checkout", "-qb", "monday")
    assert run("record", "attendance", "--date", "2022-07-04", "--present", "48").exit_code == 0
    commit(repo, "Monday")
    git(repo, "checkout", "-q", "main")
    git(repo, "checkout", "-qb", "tuesday")
    assert run("record", "attendance", "--date", "2022-07-05", "--present", "47").exit_code == 0
    assert run("record", "incident", "--date", "2022-07-05", "--penalty", "post-abandonment").exit_code == 0
    commit(repo, "Tuesday")
    merged = git(repo, "merge", "-q", "--no-edit", "monday", check=False)
    assert merged.returncode == 0, merged.stdout + merged.stderr
    text = (repo / LEDGER / "2022-07.yaml").read_text()
    assert (
        text.index("att-2022-07-01-day") < text.index("att-2022-07-04-day") < text.index("att-2022-07-05-day")
    )
    assert run("check").exit_code == 0
    assert run("fmt", "--check").exit_code == 0


def test_same_record_changed_on_both_sides_is_a_conflict(repo: Path, run: Run) -> None:
    git(repo, "checkout", "-qb", "clerk-a")
    assert run("record", "attendance", "--date", "2022-07-04", "--present", "48").exit_code == 0
    assert run("record", "attendance", "--date", "2022-07-06", "--present", "48").exit_code == 0
    commit(repo, "clerk a")
    git(repo, "checkout", "-q", "main")
    git(repo, "checkout", "-qb", "clerk-b")
    assert run("record", "attendance", "--date", "2022-07-04", "--present", "46").exit_code == 0
    assert run("record", "attendance", "--date", "2022-07-05", "--present", "48").exit_code == 0
    commit(repo, "clerk b")
    merged = git(repo, "merge", "--no-edit", "clerk-a", check=False)
    assert merged.returncode != 0 and "CONFLICT" in merged.stdout
    # The driver names the record and the count, and the sides by their branches.
    said = merged.stdout + merged.stderr
    assert "1 record(s) changed differently on clerk-b and on clerk-a: att-2022-07-04-day" in said
    text = (repo / LEDGER / "2022-07.yaml").read_text()
    assert text.count("<<<<<<< clerk-b\n") == 1 and text.count(">>>>>>> clerk-a\n") == 1  # that record only
    assert "att-2022-07-05-day" in text and "att-2022-07-06-day" in text
    result = run("check")
    assert result.exit_code == 1 and "conflict marker" in result.output
    # Resolving it by keeping both sides, as a careless text merge would, is caught too.
    kept = "".join(
        line
        for line in text.splitlines(keepends=True)
        if not line.startswith(("<<<<<<<", "=======", ">>>>>>>"))
    )
    (repo / LEDGER / "2022-07.yaml").write_text(kept)
    result = run("check")
    assert result.exit_code == 1 and "second attendance record for 2022-07-04 day" in result.output


def test_diff_shows_money_per_month_and_quarter(repo: Path, run: Run) -> None:
    git(repo, "checkout", "-qb", "shortage")
    assert run("record", "attendance", "--date", "2022-07-01", "--present", "45", "--replace").exit_code == 0
    md = run("diff", "--format", "markdown")
    assert md.exit_code == 0, md
    assert "merge-base(main)" in md.stdout and "working tree" in md.stdout
    row = next(line for line in md.stdout.splitlines() if "`att-2022-07-01-day`" in line)
    assert row.startswith("| changed | `att-2022-07-01-day` | 2022-07-01 | day shift: 45 of 48 present")
    assert "(present: 48 → 45)" in row and row.endswith(" −900.00 |")  # before -> after, and its cost
    # July is recorded only in part: its figures are marked incomplete.
    for period in ("2022-07", "2022-Q3"):
        line = next(x for x in md.stdout.splitlines() if x.startswith(f"| {period} (incomplete) |"))
        assert "| 0.00 → 900.00 (+900.00) | 0.00 |" in line and line.endswith(" (-900.00) |")
    commit(repo, "three missing person-shifts")
    data = json.loads(run("diff", "main", "HEAD", "--format", "json").stdout)
    assert [(m["period"], m["balance_change"]) for m in data["months"]] == [("2022-07", "-900.00")]
    assert [(m["period"], m["balance_change"]) for m in data["quarters"]] == [("2022-Q3", "-900.00")]
    assert data["records"][0]["before"].endswith("present: 48\n")
    # From any folder inside the repository.
    os.chdir(repo / LEDGER)
    assert "-900.00" in run("diff", "main", "--format", "markdown").stdout
    os.chdir(repo)
    missing = run("diff", "no-such-branch")
    assert missing.exit_code == 1 and "git fetch" in missing.output


@pytest.mark.parametrize("branches", ["--single-branch", "--no-single-branch"])
def test_diff_on_a_shallow_clone_says_what_to_fetch(
    repo: Path, run: Run, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, branches: str
) -> None:
    git(repo, "checkout", "-qb", "feature")
    assert run("record", "attendance", "--date", "2022-07-04", "--present", "48").exit_code == 0
    commit(repo, "more")
    clone = tmp_path / "clone"
    git(
        tmp_path, "clone", "-q", "--depth", "1", branches, "--branch", "feature", f"file://{repo}", str(clone)
    )
    monkeypatch.chdir(clone)
    result = run("diff", "--base", "origin/main")
    assert result.exit_code == 1
    assert "fetch" in result.output and "Traceback" not in result.output
    # The hint is a command that works: after it, the diff runs.
    hint = result.output.split("`")[1]
    assert hint == "git fetch --unshallow origin main:refs/remotes/origin/main", hint
    git(clone, *hint.split()[1:])
    assert run("diff", "--base", "origin/main").exit_code == 0


def test_diff_between_unrelated_histories_says_so(repo: Path, run: Run) -> None:
    git(repo, "checkout", "-q", "--orphan", "elsewhere")
    commit(repo, "a history of its own")
    result = run("diff")
    assert result.exit_code == 1 and "no common history" in result.output, result
    assert "shallow" not in result.output


def test_closed_quarter_is_sealed_until_reopened(repo: Path, run: Run) -> None:
    from datetime import date

    from seatledger.core.workdays import WorkCalendar

    for d in WorkCalendar().working_days(date(2022, 7, 4), date(2022, 9, 30)):
        assert run("record", "attendance", "--date", str(d), "--present", "48").exit_code == 0
    refused = run("close", "--quarter", "Q4", "--date", "2023-01-10")
    assert refused.exit_code == 1 and "no attendance" in refused.output
    assert run("close", "--quarter", "Q3", "--date", "2022-10-10").exit_code == 0
    assert run("check").exit_code == 0
    commit(repo, "close Q3")
    # Record commands refuse to write into it, and say how to reopen.
    result = run("record", "incident", "--date", "2022-08-01", "--penalty", "post-abandonment")
    assert result.exit_code == 1 and "seatledger reopen --quarter 2022-Q3" in result.output
    # A hand edit is caught, naming the period and the record.
    path = repo / LEDGER / "2022-08.yaml"
    path.write_text(
        path.read_text().replace(
            "- id: att-2022-08-01-day\n  kind: attendance\n  date: 2022-08-01\n  shift: day\n  present: 48\n",
            "- id: att-2022-08-01-day\n  kind: attendance\n  date: 2022-08-01\n  shift: day\n  present: 47\n",
        )
    )
    result = run("check")
    assert result.exit_code == 1
    assert "att-2022-08-01-day was changed in closed quarter 2022-Q3" in result.output
    # fmt never breaks the digest: reordering keys is not a change.
    git(repo, "checkout", "--", str(path))
    text = path.read_text()
    path.write_text(text.replace("  shift: day\n  present: 48\n", "  present: 48\n  shift: day\n", 1))
    assert run("check").exit_code == 0
    assert run("fmt").exit_code == 0 and run("check").exit_code == 0
    # Reopening is explicit, recorded, and shows in the diff; then the edit goes through.
    assert (
        run(
            "reopen", "--quarter", "Q3", "--reason", "Party B's appeal upheld", "--date", "2022-10-20"
        ).exit_code
        == 0
    )
    assert run("record", "attendance", "--date", "2022-08-01", "--present", "47", "--replace").exit_code == 0
    assert run("check").exit_code == 0
    md = run("diff", "--format", "markdown").stdout
    assert "reopen 2022-Q3 on 2022-10-20: Party B's appeal upheld" in md
    assert run("close", "--quarter", "Q3", "--date", "2022-10-21").exit_code == 0
    assert run("check").exit_code == 0


def test_driver_tells_the_file_kind_from_content_without_a_path(tmp_path: Path, run: Run) -> None:
    base = "- id: att-2022-07-01-day\n  kind: attendance\n  date: 2022-07-01\n  shift: day\n  present: 48\n"
    ours = (
        base
        + "- id: att-2022-07-04-day\n  kind: attendance\n  date: 2022-07-04\n  shift: day\n  present: 48\n"
    )
    theirs = (
        base
        + "- id: att-2022-07-05-day\n  kind: attendance\n  date: 2022-07-05\n  shift: day\n  present: 48\n"
    )
    files = []
    for name, text in (("O", base), ("A", ours), ("B", theirs)):
        (tmp_path / name).write_text(text)
        files.append(str(tmp_path / name))
    assert run("merge-driver", *files).exit_code == 0
    merged = (tmp_path / "A").read_text()
    assert merged.count("- id:") == 3 and merged.index("07-04") < merged.index("07-05")


def test_branch_work_with_gaps_and_closing_one_quarter(project: Path, run: Run) -> None:
    """Recorded from 2022-09-19; every working day to 09-30 recorded, then 2022-10-10 while
    10-08 and 10-09 (adjusted working days) are on another clerk's branch. check lists those
    gaps as findings and passes; check --complete fails on them. Q3 has no gaps of its own, so
    it closes although Q4 has some, which stop Q4's close."""
    assert run("init", "--recorded-from", "2022-09-19").exit_code == 0
    write_roster(project / LEDGER)
    assert run("record", "opening", "--date", "2022-09-19").exit_code == 0  # else a warning (rule 21)
    for day in WorkCalendar().working_days(date(2022, 9, 19), date(2022, 9, 30)):
        assert run("record", "attendance", "--date", str(day), "--present", "48").exit_code == 0
    assert run("record", "attendance", "--date", "2022-10-10", "--present", "48").exit_code == 0
    strict = run("check", "--complete")
    assert strict.exit_code == 1 and "gap: no attendance recorded for 2022-10-08" in strict.output
    relaxed = run("check")
    assert relaxed.exit_code == 0 and "gap: no attendance recorded for 2022-10-09" in relaxed.output
    assert "0 error(s), 2 gap(s), 0 warning(s)" in relaxed.output
    assert run("check", "--allow-gaps").exit_code == 0  # still accepted
    q3 = run("close", "--quarter", "Q3", "--date", "2022-10-12")
    assert q3.exit_code == 0, q3
    q4 = run("close", "--quarter", "Q4", "--date", "2023-01-05")
    assert q4.exit_code == 1 and "required shift(s) with no attendance" in q4.stderr


def test_the_same_payment_on_two_branches_merges_as_one(repo: Path, run: Run) -> None:
    """Two clerks enter the same payment (one with a note) on their branches: its id comes from
    its content, so the merge sees one record, added on both sides; it counts once. The same
    entered twice on one branch is refused, naming the first."""
    args = ("record", "payment", "--date", "2022-07-20", "--instalment", "2", "--amount", "1000")
    git(repo, "checkout", "-qb", "clerk-a")
    first = run(*args)
    assert first.exit_code == 0, first
    rid = first.stdout.split()[1]
    again = run(*args, "--note", "again")
    assert again.exit_code == 1 and f"the same payment as {rid}" in again.stderr
    commit(repo, "payment, clerk A")
    git(repo, "checkout", "-q", "main")
    git(repo, "checkout", "-qb", "clerk-b")
    second = run(*args)
    assert second.exit_code == 0 and second.stdout.split()[1] == rid
    commit(repo, "payment, clerk B")
    merged = git(repo, "merge", "-q", "--no-edit", "clerk-a", check=False)
    assert merged.returncode == 0, merged.stdout + merged.stderr
    text = (repo / LEDGER / "2022-07.yaml").read_text()
    assert text.count(f"- id: {rid}") == 1
    assert run("check", "--allow-gaps").exit_code == 0
    s = json.loads(run("settle", "--quarter", "Q3", "--format", "json").stdout)
    assert s["paid"] == "1000.00"


def test_the_diff_a_reviewer_reads(project: Path, run: Run) -> None:
    """Q3 recorded in full and closed on 2022-10-10 on main. A branch reopens and closes Q3 on
    the same day, voids an incident in it and changes a day's attendance: the diff names what
    the void withdraws, shows the change before -> after and the reopen and the close, and does
    not tell a change that reopens the quarter to reopen it."""
    assert run("init", "--recorded-from", "2022-09-19").exit_code == 0
    write_roster(project / LEDGER)
    assert run("record", "opening", "--date", "2022-09-19").exit_code == 0  # else a warning (rule 21)
    for day in WorkCalendar().working_days(date(2022, 9, 19), date(2022, 9, 30)):
        assert run("record", "attendance", "--date", str(day), "--present", "48").exit_code == 0
    inc = run("record", "incident", "--date", "2022-09-20", "--penalty", "post-abandonment").stdout.split()[1]
    assert run("close", "--quarter", "Q3", "--date", "2022-10-10").exit_code == 0
    git(project, "init", "-q", "-b", "main")
    commit(project, "Q3 closed")
    git(project, "checkout", "-qb", "appeal")
    assert (
        run("reopen", "--quarter", "Q3", "--reason", "appeal upheld", "--date", "2022-10-10").exit_code == 0
    )
    assert run("void", inc, "--reason", "appeal upheld").exit_code == 0
    assert run("record", "attendance", "--date", "2022-09-30", "--present", "47", "--replace").exit_code == 0
    assert run("close", "--quarter", "Q3", "--date", "2022-10-10").exit_code == 0
    md = run("diff", "--format", "markdown").stdout
    assert f"withdraws {inc} (incident 2022-09-20)" in md
    assert "present: 48 → 47" in md
    assert "reopen it first" not in md  # the change reopens it (issue 21)
    assert "reopen 2022-Q3 on 2022-10-10: appeal upheld; close 2022-Q3 on 2022-10-10" in md
    text = run("diff").stdout
    assert "Records" in text and "withdraws" in text and "###" not in text
    data = json.loads(run("diff", "--format", "json").stdout)
    void = next(r for r in data["records"] if r["kind"] == "void")
    # The change reopens Q3 itself: nothing in it is changed behind a seal.
    assert void["target"] == f"{inc} (incident 2022-09-20)" and void["closed_quarter"] is None


def test_in_a_rebase_the_sides_are_named_by_their_branches(repo: Path, run: Run) -> None:
    """In a rebase git's "ours" is the upstream and "theirs" the clerk's own commits: the
    markers name main and the clerk's branch instead."""
    git(repo, "checkout", "-qb", "week-27")
    assert run("record", "attendance", "--date", "2022-07-04", "--present", "46").exit_code == 0
    commit(repo, "week 27")
    git(repo, "checkout", "-q", "main")
    assert run("record", "attendance", "--date", "2022-07-04", "--present", "48").exit_code == 0
    commit(repo, "the paper sheet")
    git(repo, "checkout", "-q", "week-27")
    rebased = git(repo, "rebase", "main", check=False)
    assert rebased.returncode != 0
    assert "changed differently on main and on week-27: att-2022-07-04-day" in rebased.stdout + rebased.stderr
    text = (repo / LEDGER / "2022-07.yaml").read_text()
    assert "<<<<<<< main\n" in text and ">>>>>>> week-27\n" in text
    # While the marker stands, the month is not read: no false gap is listed for its days.
    result = run("check")
    assert result.exit_code == 1 and "conflict marker" in result.output and "gap:" not in result.output
    git(repo, "rebase", "--abort")


def test_check_warns_in_a_clone_without_the_driver(repo: Path, run: Run) -> None:
    assert "git-setup" not in run("check").output
    git(repo, "config", "--unset", "merge.seatledger.driver")
    result = run("check")
    assert result.exit_code == 0
    assert "lacks the merge driver that .gitattributes names" in result.output
    assert "seatledger git-setup" in result.output
