"""A quarter of weekly pull requests merged as a hosting service merges them (issue 21): three
clerks on weekly branches started together, late corrections from paper, a reviewer merging
each batch in a different order with git's plain line merge (no driver configured, no hooks:
what GitHub's, GitLab's and Gitea's merge buttons run), in a clone whose `.gitattributes`
names the driver that its config lacks (a clone that never ran `git-setup`).

Branches that record different days merge without a conflict; the same day recorded on two
branches differently is a conflict around that record alone; no record is lost or doubled at
any merge; main's check passes after every merge (gaps while a batch lands out of order are
findings) and `check --complete` after every batch; and the quarter's figures equal those of a
ledger where one clerk recorded the same records one after the other, with no git at all."""

from __future__ import annotations

import json
import random
import re
import shutil
from datetime import date, timedelta
from pathlib import Path

import pytest

from conftest import LEDGER, SEED, Run, git, write_roster
from seatledger.core.workdays import WorkCalendar

pytestmark = pytest.mark.slow  # some 200 git processes and 150 appends

Command = tuple[str, ...]

QUARTER = (date(2022, 10, 1), date(2022, 12, 31))
CONFLICT_WEEK = 7  # this week's clerk also records, from paper, a day of week 6 otherwise


def weeks() -> list[tuple[date, date]]:
    out, first = [], QUARTER[0]
    while first <= QUARTER[1]:
        last = first + timedelta(days=6)
        if (QUARTER[1] - last).days < 7:  # the quarter's last days join its last week
            last = QUARTER[1]
        out.append((first, last))
        first = last + timedelta(days=1)
    return out


def week_commands(n: int, first: date, last: date) -> list[Command]:
    """What the clerk of week `n` records: every working day's day shift, one seat short on
    every fourth, an abandoned post in every third week."""
    out: list[Command] = []
    for k, day in enumerate(WorkCalendar().working_days(first, last)):
        if (n + k) % 4 == 0:
            out.append(("record", "attendance", "--date", str(day), "--present", "47", "--absent", "S001"))
        else:
            out.append(("record", "attendance", "--date", str(day), "--present", "48"))
    if n % 3 == 0:
        out.append(
            ("record", "incident", "--date", str(first + timedelta(days=2)), "--penalty", "post-abandonment")
        )
    return out


def paper_correction(previous: tuple[date, date]) -> Command:
    """The last working day of the week before, recorded from the paper sheet as 47 present."""
    day = list(WorkCalendar().working_days(*previous))[-1]
    return ("record", "attendance", "--date", str(day), "--present", "47", "--absent", "S002")


def ids(repo: Path) -> list[str]:
    return [
        line[6:].strip()
        for path in sorted((repo / LEDGER).glob("20??-??.yaml"))
        for line in path.read_text(encoding="utf-8").splitlines()
        if line.startswith("- id: ")
    ]


def resolve_for_paper(path: Path) -> int:
    """What the reviewer does by hand in an editor: keep, of each conflict, the side that holds
    the paper sheet's figure (S002 absent). Returns the lines between the markers: the hand
    work."""
    text = path.read_text(encoding="utf-8")
    blocks = re.findall(r"<<<<<<< [^\n]*\n(.*?)=======\n(.*?)>>>>>>> [^\n]*\n", text, re.S)
    assert blocks, text
    for ours, theirs in blocks:
        keep = theirs if "S002" in theirs else ours
        assert "S002" in keep
        text = re.sub(
            r"<<<<<<< [^\n]*\n.*?>>>>>>> [^\n]*\n", lambda _, keep=keep: keep, text, count=1, flags=re.S
        )
    path.write_text(text, encoding="utf-8")
    return sum(o.count("\n") + t.count("\n") for o, t in blocks)


def quarter_figures(run: Run) -> dict[str, object]:
    data = json.loads(run("settle", "--quarter", "2022-Q4", "--format", "json").stdout)
    figures = {k: data[k] for k in ("accrued", "paid", "closing_balance", "complete")}
    return figures | {"deducted": data["deductions"]["total"]}


def test_a_quarter_merged_by_a_hosting_service(
    project: Path, run: Run, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    assert run("init", "--recorded-from", QUARTER[0].isoformat()).exit_code == 0
    write_roster(project / LEDGER)
    # Committed as `git-setup` writes it; this clone's config has no driver: git's line merge.
    (project / ".gitattributes").write_text("ledgers/**/*.yaml merge=seatledger\n", encoding="utf-8")
    git(project, "init", "-q", "-b", "main")
    git(project, "add", "-A")
    git(project, "commit", "-qm", "the ledger")
    assert git(project, "config", "--get", "merge.seatledger.driver", check=False).returncode != 0

    all_weeks = weeks()
    recorded: list[Command] = []  # in the order the clerks recorded them, for the reference
    rng = random.Random(21)
    prs = plain_conflicts = true_conflicts = hand_lines = 0
    for start in range(0, len(all_weeks), 3):
        batch = list(range(start, min(start + 3, len(all_weeks))))
        for n in batch:  # three clerks start their weeks from the same main
            git(project, "checkout", "-q", "-B", f"week-{n}", "main")
            commands = week_commands(n, *all_weeks[n])
            if n == CONFLICT_WEEK:
                commands.append(paper_correction(all_weeks[n - 1]))
            for command in commands:
                result = run(*command)
                assert result.exit_code == 0, (command, result.output)
            recorded += commands
            git(project, "add", "-A")
            git(project, "commit", "-qm", f"week {n}")
        git(project, "checkout", "-q", "main")
        order = batch[:]
        rng.shuffle(order)
        for n in order:  # the merge button, in the order the reviewer reaches them
            prs += 1
            before = set(ids(project))
            merged = git(project, "merge", "-q", "--no-edit", f"week-{n}", check=False)
            if merged.returncode != 0:
                plain_conflicts += 1
                conflicted = git(project, "diff", "--name-only", "--diff-filter=U").stdout.split()
                # No false conflict: only the second of weeks 6 and 7 to land, the same day twice.
                assert n in (CONFLICT_WEEK - 1, CONFLICT_WEEK) and true_conflicts == 0, (n, merged.stdout)
                true_conflicts += 1
                assert run("check").exit_code == 1  # markers are never taken for records
                for name in conflicted:
                    hand_lines += resolve_for_paper(project / name)
                git(project, "add", "-A")
                git(project, "commit", "-qm", f"merge week {n}: the paper sheet says 47")
            after = ids(project)
            assert len(after) == len(set(after)), f"a record doubled merging week {n}"
            theirs = {line[6:].strip() for line in _branch_lines(project, f"week-{n}")}
            assert before | theirs <= set(after), f"a record lost merging week {n}"
            check = run("check")  # weeks out of order leave gaps: findings, not red
            assert check.exit_code == 0, (n, check.output)
            assert "run once in this clone: seatledger git-setup" in check.output  # a warning
        assert run("check", "--complete").exit_code == 0, "main is whole after each batch"

    # One clerk recording the same records one after the other, with no git.
    reference = tmp_path / "reference"
    (reference / "contracts").mkdir(parents=True)
    shutil.copy(SEED, reference / "contracts" / SEED.name)
    merged_figures = quarter_figures(run)
    monkeypatch.chdir(reference)
    assert run("init", "--recorded-from", QUARTER[0].isoformat()).exit_code == 0
    write_roster(reference / LEDGER)
    correction = paper_correction(all_weeks[CONFLICT_WEEK - 1])
    for command in recorded:
        args = (*command, "--replace") if command == correction else command
        assert run(*args).exit_code == 0, args
    assert quarter_figures(run) == merged_figures and merged_figures["deducted"] != "0.00"
    assert sorted(ids(reference)) == sorted(ids(project))
    assert (prs, plain_conflicts, true_conflicts) == (len(all_weeks), 1, 1)
    assert hand_lines <= 20  # the conflict is the one record on each side, not the month
    print(
        f"PRs {prs}, plain-git conflicts {plain_conflicts} (true {true_conflicts}), {hand_lines} lines by hand"
    )


def _branch_lines(repo: Path, branch: str) -> list[str]:
    names = git(repo, "ls-tree", "--name-only", f"{branch}:{LEDGER}").stdout.split()
    return [
        line
        for name in names
        if re.fullmatch(r"20\d\d-\d\d\.yaml", name)
        for line in git(repo, "show", f"{branch}:{LEDGER}/{name}").stdout.splitlines()
        if line.startswith("- id: ")
    ]
