"""Nothing lost (issue 19): no record leaves the ledger but by a void, at any commit. `check`
compares the work tree with HEAD (and MERGE_HEAD during a merge); `check --since REV` walks
every commit from REV to HEAD."""

from __future__ import annotations

import json
import re
import sys
from pathlib import Path

import pytest

from conftest import LEDGER, Run, commit, git

# Real git repositories, branches, merges and rebases.
pytestmark = pytest.mark.slow

JULY = f"{LEDGER}/2022-07.yaml"


def lost(run: Run, *args: str) -> dict[str, str]:
    """The records `check` finds lost, each with the first message that names it."""
    result = run("check", "--allow-gaps", "--format", "json", *args)
    assert result.stdout.startswith("{"), result
    found: dict[str, str] = {}
    for p in json.loads(result.stdout)["problems"]:
        if p["code"] == "lost":
            found.setdefault(p["record"], p["message"])
    if found:
        assert result.exit_code == 1, result
    return found


def ids_in(path: Path) -> list[str]:
    return re.findall(r"^- id: (\S+)$", path.read_text(), re.MULTILINE)


def record_days(run: Run, *days: int, present: str = "48") -> None:
    for day in days:
        assert (
            run("record", "attendance", "--date", f"2022-07-{day:02d}", "--present", present).exit_code == 0
        )


@pytest.fixture
def july(repo: Path, run: Run) -> Path:
    """main with July 1 to 8 recorded and an incident, committed; the month file."""
    record_days(run, 4, 5, 6, 7, 8)
    assert run("record", "incident", "--date", "2022-07-05", "--penalty", "post-abandonment").exit_code == 0
    commit(repo, "first week of July")
    return repo / JULY


def cut_at(path: Path, rid: str, extra: int = 0) -> list[str]:
    """Cut the file at the record `rid` (plus `extra` bytes into it); the ids cut off."""
    text = path.read_text()
    at = text.index(f"- id: {rid}\n")
    ids = ids_in(path)
    path.write_text(text[: at + extra])
    return ids[ids.index(rid) + (1 if extra else 0) :]


@pytest.mark.parametrize("how", ["emptied", "truncated", "truncated mid-line", "deleted"])
def test_a_month_lost_in_the_work_tree_or_a_commit_names_each_record(
    july: Path, repo: Path, run: Run, how: str
) -> None:
    assert lost(run) == {}
    ids = ids_in(july)
    if how == "emptied":
        july.write_bytes(b"")
        gone = ids
    elif how == "deleted":
        july.unlink()
        gone = ids
    elif how == "truncated":
        gone = cut_at(july, "att-2022-07-06-day")
    else:  # inside `  present: 48`: YAML no more, the ids before the cut still count
        gone = cut_at(july, "att-2022-07-06-day", len("- id: att-2022-07-06-day\n  kind: attendance\n  pre"))
    assert "att-2022-07-07-day" in gone and ("att-2022-07-05-day" in gone) == (how in ("emptied", "deleted"))
    found = lost(run)
    assert set(found) == set(gone)
    message = found["att-2022-07-07-day"]
    assert "in HEAD" in message and f"git show HEAD:{JULY}" in message
    # In a commit, the walk names the commit; the work tree then matches HEAD.
    commit(repo, f"July {how}")
    assert lost(run) == {}
    found = lost(run, "--since", "HEAD~1")
    assert set(found) == set(gone)
    assert f"(July {how}) drops record att-2022-07-07-day" in found["att-2022-07-07-day"]


def test_the_line_in_head_is_named(july: Path, run: Run) -> None:
    line = july.read_text().splitlines().index("- id: att-2022-07-07-day") + 1
    july.write_bytes(b"")
    assert f"(line {line} in HEAD)" in lost(run)["att-2022-07-07-day"]


def test_a_void_a_replace_and_an_append_are_not_losses(july: Path, repo: Path, run: Run) -> None:
    git(repo, "checkout", "-qb", "changes")
    inc = next(i for i in ids_in(july) if i.startswith("inc-"))
    assert run("void", inc, "--reason", "appeal upheld").exit_code == 0
    assert run("record", "attendance", "--date", "2022-07-05", "--present", "47", "--replace").exit_code == 0
    record_days(run, 11)
    commit(repo, "a void, a replace, an append")
    # A voided record taken out of the file by hand: its void withdraws it.
    text = july.read_text()
    start = text.index(f"- id: {inc}\n")
    july.write_text(text[:start] + text[text.index("- id: ", start + 1) :])
    assert inc not in ids_in(july)
    assert lost(run) == {}
    commit(repo, "the voided incident taken out")
    # A record moved to another month file (a misfiled one, say) is not lost: ids are
    # compared across the whole ledger.
    text = july.read_text()
    start = text.index("- id: att-2022-07-11-day\n")
    end = text.find("- id: ", start + 1)
    moved = text[start:] if end < 0 else text[start:end]
    july.write_text(text.replace(moved, ""))
    (july.parent / "2022-08.yaml").write_text("# 2022-08\n\n" + moved)
    assert lost(run) == {}
    commit(repo, "moved")
    assert lost(run, "--since", "main") == {}


def test_a_conflict_resolved_by_keeping_ours_loses_theirs(july: Path, repo: Path, run: Run) -> None:
    git(repo, "checkout", "-qb", "theirs")
    assert run("record", "attendance", "--date", "2022-07-11", "--present", "46").exit_code == 0
    record_days(run, 12)
    commit(repo, "theirs")
    git(repo, "checkout", "-q", "main")
    record_days(run, 11, 13)
    commit(repo, "ours")
    merged = git(repo, "merge", "--no-edit", "theirs", check=False)
    assert merged.returncode != 0 and "CONFLICT" in merged.stdout
    git(repo, "checkout", "--ours", JULY)
    git(repo, "add", JULY)
    # Before the merge is committed (where the pre-merge-commit hook runs): MERGE_HEAD's record.
    found = lost(run)
    assert set(found) == {"att-2022-07-12-day"} and "in MERGE_HEAD" in found["att-2022-07-12-day"]
    git(repo, "commit", "-q", "--no-edit")
    assert lost(run) == {}
    found = lost(run, "--since", "main~1")
    assert set(found) == {"att-2022-07-12-day"}
    assert "Merge branch 'theirs'" in found["att-2022-07-12-day"]


def test_a_merge_whose_driver_failed_loses_the_other_side(july: Path, repo: Path, run: Run) -> None:
    git(repo, "config", "merge.seatledger.driver", "false")
    git(repo, "checkout", "-qb", "theirs")
    record_days(run, 12, 13)
    commit(repo, "theirs")
    git(repo, "checkout", "-q", "main")
    record_days(run, 11)
    commit(repo, "ours")
    merged = git(repo, "merge", "--no-edit", "theirs", check=False)
    assert merged.returncode != 0
    git(repo, "add", "-A")
    # Before the commit (where the pre-commit hook runs): theirs is MERGE_HEAD.
    assert set(lost(run)) == {"att-2022-07-12-day", "att-2022-07-13-day"}
    git(repo, "commit", "-q", "--no-edit")
    found = lost(run, "--since", "main~1")
    assert set(found) == {"att-2022-07-12-day", "att-2022-07-13-day"}
    # From before the branch, the branch's own commit is no loss: only the merge is.
    assert set(lost(run, "--since", "HEAD^2~1")) == set(found)


def test_a_rebase_that_keeps_its_own_side_drops_mains_records(july: Path, repo: Path, run: Run) -> None:
    git(repo, "config", "merge.seatledger.driver", "false")
    git(repo, "checkout", "-qb", "feature")
    record_days(run, 11)
    commit(repo, "feature")
    git(repo, "checkout", "-q", "main")
    record_days(run, 12)
    commit(repo, "main goes on")
    git(repo, "checkout", "-q", "feature")
    assert git(repo, "rebase", "main", check=False).returncode != 0
    git(repo, "checkout", "--theirs", JULY)  # in a rebase, theirs is the commit replayed
    git(repo, "add", JULY)
    git(repo, "-c", "core.editor=true", "rebase", "--continue")
    assert lost(run) == {}
    found = lost(run, "--since", "main")
    assert set(found) == {"att-2022-07-12-day"} and "(feature) drops" in found["att-2022-07-12-day"]


def test_a_file_reset_to_an_older_commit_drops_mains_records(july: Path, repo: Path, run: Run) -> None:
    record_days(run, 11)
    commit(repo, "main goes on")
    git(repo, "checkout", "-qb", "feature")
    git(repo, "reset", "-q", "main~1", "--", JULY)  # the index only: the work tree keeps the 11th
    git(repo, "commit", "-q", "--allow-empty-message", "-m", "")  # rev-list prints no subject line
    assert lost(run) == {}  # the work tree still has it; the commit does not
    assert set(lost(run, "--since", "main")) == {"att-2022-07-11-day"}


def test_outside_git_or_before_the_ledger_is_committed_the_audit_says_nothing(
    ledger: Path, project: Path, run: Run
) -> None:
    record_days(run, 4)
    assert lost(run) == {}
    git(project, "init", "-q", "-b", "main")
    assert lost(run) == {}  # no commit yet
    (project / "README").write_text("x\n")
    git(project, "add", "README")
    git(project, "commit", "-qm", "no ledger yet")
    assert lost(run) == {}
    assert lost(run, "--since", "HEAD") == {}


def test_the_pre_merge_commit_hook_refuses_a_merge_that_loses_records(
    july: Path, repo: Path, run: Run
) -> None:
    """A driver that says it merged and kept only our side (`true`): git commits the merge
    itself, so the pre-merge-commit hook is the last stop. MERGE_HEAD does not exist yet
    then; git names the merged heads in the hook's environment (GITHEAD_<commit>)."""
    git(repo, "config", "merge.seatledger.driver", "true")
    hook = repo / ".git" / "hooks" / "pre-merge-commit"
    hook.write_text(f"#!/bin/sh\nexec {sys.executable} -m seatledger check --allow-gaps\n")
    hook.chmod(0o755)
    git(repo, "checkout", "-qb", "theirs")
    record_days(run, 12)
    commit(repo, "theirs")
    git(repo, "checkout", "-q", "main")
    record_days(run, 11)
    commit(repo, "ours")
    merged = git(repo, "merge", "--no-edit", "theirs", check=False)
    assert merged.returncode != 0
    assert "record att-2022-07-12-day" in merged.stdout + merged.stderr
    assert git(repo, "rev-parse", "HEAD^2", check=False).returncode != 0  # nothing committed
    hook.unlink()
    git(repo, "merge", "--abort")
    git(repo, "config", "merge.seatledger.driver", "seatledger merge-driver %O %A %B %P")
    hook.write_text(f"#!/bin/sh\nexec {sys.executable} -m seatledger check --allow-gaps\n")
    hook.chmod(0o755)
    merged = git(repo, "merge", "--no-edit", "theirs", check=False)
    assert merged.returncode == 0, merged.stdout + merged.stderr  # the driver kept both sides
