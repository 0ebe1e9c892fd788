"""Nothing a user, a file, a disk or git can do gives exit 3 (an internal error): each gets a
message naming the file and what to do, and changes nothing. The merge driver never loses a
side unseen, even when git cannot run it."""

from __future__ import annotations

import os
import resource
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import LEDGER, Run, commit, git, snapshot
from seatledger.git.merge import driver_command

SEATLEDGER = [sys.executable, "-m", "seatledger"]


def cli(
    cwd: Path, *args: str, limit: int | None = None, env: dict[str, str] | None = None
) -> subprocess.CompletedProcess[str]:
    """The real command in a process of its own (optionally with a file-size limit, as on a
    full disk)."""

    def limited() -> None:
        if limit is not None:
            resource.setrlimit(resource.RLIMIT_FSIZE, (limit, limit))

    return subprocess.run(
        [*SEATLEDGER, *args],
        cwd=cwd,
        capture_output=True,
        text=True,
        preexec_fn=limited,
        env=env or dict(os.environ, SEATLEDGER_NO_CACHE="1"),
    )


@pytest.mark.parametrize(
    "content",
    [
        "- id: x\n  kind: activity\n".encode("utf-16"),
        "# 注释\n".encode("gbk"),
    ],
    ids=["utf-16", "gbk"],
)
def test_append_into_a_file_that_is_not_utf8(ledger: Path, run: Run, content: bytes) -> None:
    (ledger / "2022-07.yaml").write_bytes(content)
    before = snapshot(ledger)
    result = run("record", "activity", "--date", "2022-07-04", "--obligation", "weekly-training")
    assert result.exit_code == 1, result
    assert "2022-07.yaml" in result.stderr and "UTF-8" in result.stderr
    assert snapshot(ledger) == before


def test_append_into_a_file_over_the_size_limit(ledger: Path, run: Run) -> None:
    path = ledger / "2022-07.yaml"
    with path.open("wb") as f:
        f.truncate(33 * 1024 * 1024)
    result = run("record", "activity", "--date", "2022-07-04", "--obligation", "weekly-training")
    assert result.exit_code == 1 and "the limit is" in result.stderr, result
    assert path.stat().st_size == 33 * 1024 * 1024


def test_a_full_disk_names_the_file_and_leaves_it_whole(ledger: Path, run: Run) -> None:
    # Only the write under the size limit needs a process of its own (the limit is per process).
    for day in range(1, 20):
        assert (
            run(
                "record",
                "activity",
                "--date",
                f"2022-07-{day:02d}",
                "--obligation",
                "fire-inspection",
                "--count",
                "3",
            ).exit_code
            == 0
        )
    month = ledger / "2022-07.yaml"
    before = snapshot(ledger)
    result = cli(
        ledger.parent.parent,
        "record",
        "activity",
        "--date",
        "2022-07-20",
        "--obligation",
        "fire-inspection",
        "--count",
        "3",
        limit=month.stat().st_size,
    )
    assert result.returncode == 1, result
    assert f"{LEDGER}/2022-07.yaml: File too large; the file was left as it was" in result.stderr
    assert snapshot(ledger) == before


@pytest.mark.slow
def test_an_argument_that_is_not_utf8(ledger: Path) -> None:
    result = subprocess.run(
        [
            *SEATLEDGER,
            "record",
            "activity",
            "--date",
            "2022-07-04",
            "--obligation",
            "weekly-training",
            "--note",
            b"bad \xff".decode("utf-8", "surrogateescape"),
        ],
        cwd=ledger.parent.parent,
        capture_output=True,
    )
    assert result.returncode == 2, result
    assert b"U+DCFF" in result.stderr and b"Traceback" not in result.stderr


# -- the merge driver -------------------------------------------------------------------------


def driver(base: Path, ours: Path, theirs: Path, name: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [*SEATLEDGER, "merge-driver", str(base), str(ours), str(theirs), name], capture_output=True, text=True
    )


REC = (
    "- id: act-2022-07-0{d}-00000{d}\n  kind: activity\n  date: 2022-07-0{d}\n"
    "  obligation: weekly-training\n  count: 1\n"
)


@pytest.mark.slow
@pytest.mark.parametrize("damage", ["gbk", "garbage", "missing-theirs"])
def test_the_driver_keeps_both_sides_of_an_input_it_cannot_read(tmp_path: Path, damage: str) -> None:
    base, ours, theirs = (tmp_path / n for n in ("base", "ours", "theirs"))
    base.write_text(REC.format(d=1), encoding="utf-8")
    ours.write_text(REC.format(d=1) + REC.format(d=2), encoding="utf-8")
    their_text = REC.format(d=1) + REC.format(d=3) + "# 中文注释\n"
    if damage == "gbk":
        theirs.write_bytes(their_text.encode("gbk"))
    elif damage == "garbage":
        theirs.write_text(their_text + "  - [unclosed\n", encoding="utf-8")
    result = driver(base, ours, theirs, f"{LEDGER}/2022-07.yaml")
    assert result.returncode == 1, result
    assert result.stderr.startswith("seatledger: ") and "Traceback" not in result.stderr
    merged = ours.read_bytes()
    assert b"act-2022-07-02" in merged  # our side is never lost
    if damage != "missing-theirs":
        assert b"act-2022-07-03" in merged  # nor theirs


@pytest.mark.slow
def test_a_missing_base_counts_as_empty(tmp_path: Path) -> None:
    ours, theirs = tmp_path / "ours", tmp_path / "theirs"
    ours.write_text(REC.format(d=2), encoding="utf-8")
    theirs.write_text(REC.format(d=3), encoding="utf-8")
    result = driver(tmp_path / "nowhere", ours, theirs, f"{LEDGER}/2022-07.yaml")
    assert result.returncode == 0, result
    assert "act-2022-07-02" in ours.read_text() and "act-2022-07-03" in ours.read_text()


@pytest.fixture
def setup_repo(repo: Path, run: Run) -> Path:
    """The git workflow's repository, with the driver installed by `git-setup` instead."""
    (repo / ".gitattributes").unlink()
    git(repo, "config", "--unset", "merge.seatledger.driver")
    result = run("git-setup")
    assert result.exit_code == 0, result
    attributes = (repo / ".gitattributes").read_text()
    assert attributes == f"{LEDGER}/*.yaml merge=seatledger\n"
    configured = git(repo, "config", "merge.seatledger.driver").stdout
    assert configured.startswith("/")  # an absolute path: git's PATH does not matter
    assert run("git-setup").exit_code == 0  # a second run changes nothing
    assert (repo / ".gitattributes").read_text() == attributes
    commit(repo, "merge driver")
    return repo


def two_branches(repo: Path, run: Run) -> None:
    """Two clerks append different days to the end of July."""
    git(repo, "checkout", "-qb", "monday")
    assert run("record", "attendance", "--date", "2022-07-04", "--present", "48").exit_code == 0
    commit(repo, "Monday")
    git(repo, "checkout", "-q", "main")
    git(repo, "checkout", "-qb", "tuesday")
    assert run("record", "attendance", "--date", "2022-07-05", "--present", "48").exit_code == 0
    commit(repo, "Tuesday")


@pytest.mark.slow
def test_git_setup_installs_a_driver_that_runs_without_seatledger_on_path(setup_repo: Path, run: Run) -> None:
    two_branches(setup_repo, run)
    env = dict(os.environ, PATH="/usr/bin:/bin")
    merged = subprocess.run(
        ["git", "merge", "-q", "--no-edit", "monday"], cwd=setup_repo, capture_output=True, text=True, env=env
    )
    assert merged.returncode == 0, merged.stderr
    text = (setup_repo / LEDGER / "2022-07.yaml").read_text()
    assert "att-2022-07-04-day" in text and "att-2022-07-05-day" in text


@pytest.mark.slow
def test_a_driver_that_cannot_run_never_leaves_one_side_unseen(setup_repo: Path, run: Run) -> None:
    git(
        setup_repo, "config", "merge.seatledger.driver", driver_command(["/nowhere/seatledger"])
    )  # the tool moved or was uninstalled
    two_branches(setup_repo, run)
    merged = git(setup_repo, "merge", "-q", "--no-edit", "monday", check=False)
    assert merged.returncode != 0  # git reports a conflict
    assert "merging" in merged.stderr and "line by line" in merged.stderr
    text = (setup_repo / LEDGER / "2022-07.yaml").read_text()
    assert "att-2022-07-04-day" in text and "att-2022-07-05-day" in text  # both sides kept
    # Different days sit under different day lines: the line merge keeps both without a marker.
    assert "<<<<<<<" not in text
    assert run("check").exit_code == 0


@pytest.mark.slow
def test_a_git_without_the_driver_configured_merges_by_line(setup_repo: Path, run: Run) -> None:
    git(setup_repo, "config", "--remove-section", "merge.seatledger")  # a fresh clone
    two_branches(setup_repo, run)
    git(setup_repo, "merge", "-q", "--no-edit", "monday", check=False)
    text = (setup_repo / LEDGER / "2022-07.yaml").read_text()
    assert "att-2022-07-04-day" in text and "att-2022-07-05-day" in text
    assert "<<<<<<<" not in text  # different days: no conflict, with or without the driver
    check = run("check")
    assert check.exit_code == 0 and "seatledger git-setup" in check.output  # and a warning


def test_git_setup_outside_a_repository_says_so(ledger: Path, run: Run) -> None:
    shutil.rmtree(ledger.parent.parent / ".git", ignore_errors=True)
    result = run("git-setup")
    assert result.exit_code == 1 and "not inside a git repository" in result.stderr, result


@pytest.mark.slow
def test_a_sample_of_generated_hostile_inputs() -> None:
    """scripts/hostile_inputs.py throws 770 generated bad inputs; the tests run a fixed
    sample of them (the whole run is in CONTRIBUTING.md and the closing note)."""
    result = subprocess.run(
        [
            sys.executable,
            str(Path(__file__).parent.parent / "scripts" / "hostile_inputs.py"),
            "--sample",
            "60",
        ],
        capture_output=True,
        text=True,
        timeout=600,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "60 cases;" in result.stdout and "0 tracebacks, 0 exit 3, 0 refused" in result.stdout


@pytest.mark.slow
def test_a_void_of_a_record_changed_on_the_other_side_is_a_conflict(tmp_path: Path) -> None:
    """Ours voids an assessment deduction of 1,000.00; theirs raised it to 2,000.00. A merge
    by id would keep both (a void of a 2,000.00 deduction that nobody reviewed): it is a
    conflict instead, with the record and the void together on our side."""
    inc = (
        "- id: inc-2022-07-05-aaaaaa\n  kind: incident\n  date: 2022-07-05\n"
        '  penalty: assessment-deduction\n  amount: "{amount}"\n'
    )
    void = (
        "- id: void-2022-07-05-bbbbbb\n  kind: void\n  date: 2022-07-05\n"
        "  target: inc-2022-07-05-aaaaaa\n  reason: withdrawn\n"
    )
    base, ours, theirs = (tmp_path / n for n in ("base", "ours", "theirs"))
    base.write_text(inc.format(amount="1000.00"), encoding="utf-8")
    ours.write_text(inc.format(amount="1000.00") + void, encoding="utf-8")
    theirs.write_text(inc.format(amount="2000.00"), encoding="utf-8")
    result = driver(base, ours, theirs, f"{LEDGER}/2022-07.yaml")
    assert result.returncode == 1, result
    merged = ours.read_text(encoding="utf-8")
    ours_side, theirs_side = merged.split("=======\n")
    assert "void-2022-07-05-bbbbbb" in ours_side and '"1000.00"' in ours_side
    assert '"2000.00"' in theirs_side and "void" not in theirs_side.replace("theirs", "")
    # The same void against an unchanged record merges cleanly.
    ours.write_text(inc.format(amount="1000.00") + void, encoding="utf-8")
    theirs.write_text(inc.format(amount="1000.00"), encoding="utf-8")
    assert driver(base, ours, theirs, f"{LEDGER}/2022-07.yaml").returncode == 0


def closing(kind: str, quarter: str, day: str, extra: str = "") -> str:
    return f"- kind: {kind}\n  quarter: {quarter}\n  date: {day}\n{extra}"


@pytest.mark.slow
def test_closings_from_two_branches_merge_in_date_order(tmp_path: Path) -> None:
    """Base: Q2 closed. Ours closes Q3 on 10-10; theirs reopens Q2 on 10-05: both kept, in date
    order, no conflict. Both sides closing Q4 with different digests is a conflict."""
    head = "# closed and reopened quarters\n\n"
    q2 = closing("close", "2022-Q2", "2022-07-10", "  digest: aaa\n")
    base, ours, theirs = (tmp_path / n for n in ("base", "ours", "theirs"))
    base.write_text(head + q2, encoding="utf-8")
    ours.write_text(
        head + q2 + closing("close", "2022-Q3", "2022-10-10", "  digest: bbb\n"), encoding="utf-8"
    )
    theirs.write_text(
        head + q2 + closing("reopen", "2022-Q2", "2022-10-05", "  reason: appeal\n"), encoding="utf-8"
    )
    result = driver(base, ours, theirs, f"{LEDGER}/closings.yaml")
    assert result.returncode == 0, result
    merged = ours.read_text(encoding="utf-8")
    assert merged.index("2022-07-10") < merged.index("2022-10-05") < merged.index("2022-10-10")
    assert merged.startswith(head) and "<<<<<<<" not in merged
    ours.write_text(
        head + q2 + closing("close", "2022-Q4", "2023-01-10", "  digest: ccc\n"), encoding="utf-8"
    )
    theirs.write_text(
        head + q2 + closing("close", "2022-Q4", "2023-01-11", "  digest: ddd\n"), encoding="utf-8"
    )
    result = driver(base, ours, theirs, f"{LEDGER}/closings.yaml")
    assert result.returncode == 1 and "same quarter" in result.stderr
    merged = ours.read_text(encoding="utf-8")
    assert "<<<<<<< ours" in merged and "digest: ccc" in merged and "digest: ddd" in merged
