"""Two clerks and a reviewer on one ledger through a bare origin (issue 11's flow): weekly
branches, the same payment entered on both, pull requests read against their merge base,
merges through the driver, a void against a change, and a closed quarter at the end. Every
commit and merge goes through the real pre-commit framework (a local hook config whose hooks
are the ones in .pre-commit-hooks.yaml, run with this Python: no network needed)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest
from typer.testing import CliRunner

from conftest import LEDGER, SEED, git, write_roster
from seatledger.cli.main import narrowed
from seatledger.core.workdays import WorkCalendar

# Every step runs git, pre-commit and the CLI in processes of their own.
pytestmark = pytest.mark.slow

SEATLEDGER = [sys.executable, "-m", "seatledger"]


def sl(repo: Path, *args: str, code: int | None = 0) -> subprocess.CompletedProcess[str]:
    env = dict(os.environ, SEATLEDGER_NO_CACHE="1", COLUMNS="120")
    result = subprocess.run([*SEATLEDGER, *args], cwd=repo, capture_output=True, text=True, env=env)
    if code is not None:
        assert result.returncode == code, (args, result.stdout, result.stderr)
    return result


def here(repo: Path, *args: str) -> str:
    """The same command in this process, for the steps whose figures or files are all that is
    checked: a process of its own adds nothing there (git and the pre-commit hooks still run
    seatledger in theirs). The same environment as `sl`; its output."""
    cwd = os.getcwd()
    os.chdir(repo)
    try:
        result = CliRunner().invoke(
            narrowed(list(args)),
            list(args),
            catch_exceptions=False,
            env={"SEATLEDGER_NO_CACHE": "1", "COLUMNS": "120"},
        )
    finally:
        os.chdir(cwd)
    assert result.exit_code == 0, (args, result.stdout, result.stderr)
    return result.stdout


PRE_COMMIT = str(Path(sys.executable).with_name("pre-commit"))


def hook_config() -> str:
    """The repository's own hooks (.pre-commit-hooks.yaml), as a local repo of this Python."""
    import yaml

    hooks = yaml.safe_load((Path(__file__).parent.parent / ".pre-commit-hooks.yaml").read_text())
    for hook in hooks:
        hook["entry"] = f"{sys.executable} -m seatledger " + hook["entry"].split(" ", 1)[1]
        hook["language"] = "system"
    return yaml.safe_dump({"repos": [{"repo": "local", "hooks": hooks}]}, sort_keys=False)


def clone(origin: Path, where: Path) -> Path:
    git(where.parent, "clone", "-q", str(origin), str(where))
    sl(where, "git-setup")
    installed = subprocess.run(
        [PRE_COMMIT, "install", "-t", "pre-commit", "-t", "pre-merge-commit"],
        cwd=where,
        capture_output=True,
        text=True,
    )
    assert installed.returncode == 0, installed.stdout + installed.stderr
    return where


def week(repo: Path, first: date, last: date) -> None:
    for day in WorkCalendar().working_days(first, last):
        here(repo, "record", "attendance", "--date", str(day), "--present", "48")


def push_branch(repo: Path, branch: str, message: str) -> None:
    git(repo, "add", "-A")  # the commit runs seatledger check --allow-gaps through pre-commit
    git(repo, "commit", "-qm", message)
    git(repo, "push", "-q", "origin", branch)


def money(repo: Path, base: str) -> dict[str, tuple[str, str]]:
    """A pull request's money against its merge base: period -> (Δ deducted, Δ balance)."""
    data = json.loads(here(repo, "diff", "--base", base, "--format", "json"))
    return {
        m["period"]: (m["deducted_change"], m["balance_change"]) for m in (*data["months"], *data["quarters"])
    }


def test_two_clerks_and_a_reviewer(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("PRE_COMMIT_HOME", str(tmp_path / "pre-commit-home"))
    origin = tmp_path / "origin.git"
    git(tmp_path, "init", "-q", "--bare", "-b", "main", str(origin))
    seed = tmp_path / "seed"
    seed.mkdir()
    (seed / "contracts").mkdir()
    (seed / "contracts" / SEED.name).write_bytes(SEED.read_bytes())
    git(seed, "init", "-q", "-b", "main")
    sl(seed, "init", "--recorded-from", "2022-09-19")
    write_roster(seed / LEDGER)
    sl(seed, "git-setup")  # .gitattributes is committed; each clone runs git-setup for its config
    (seed / ".pre-commit-config.yaml").write_text(hook_config(), encoding="utf-8")
    git(seed, "add", "-A")
    git(seed, "commit", "-qm", "the ledger")
    git(seed, "remote", "add", "origin", str(origin))
    git(seed, "push", "-q", "origin", "main")

    a, b, reviewer = (clone(origin, tmp_path / n) for n in ("clerk-a", "clerk-b", "reviewer"))

    # Clerk A: week 38 and a payment of 1,000.00 on instalment 2.
    git(a, "checkout", "-qb", "week-38")
    week(a, date(2022, 9, 19), date(2022, 9, 23))
    pay = ("record", "payment", "--date", "2022-09-21", "--instalment", "2", "--amount", "1000")
    sl(a, *pay)
    # The hook refuses a broken file at commit time, through the framework.
    september = a / LEDGER / "2022-09.yaml"
    good = september.read_text(encoding="utf-8")
    september.write_text(good + "- id: x\n  kind: nosuch\n", encoding="utf-8")
    git(a, "add", "-A")
    refused = git(a, "commit", "-qm", "broken", check=False)
    assert refused.returncode != 0 and "is not a record kind" in refused.stdout + refused.stderr
    september.write_text(good, encoding="utf-8")
    push_branch(a, "week-38", "week 38")
    # Clerk B, at the same time: week 39, the same payment, and a post abandonment (1,000.00).
    git(b, "checkout", "-qb", "week-39")
    week(b, date(2022, 9, 26), date(2022, 9, 30))
    sl(b, *pay)
    inc = sl(b, "record", "incident", "--date", "2022-09-28", "--penalty", "post-abandonment").stdout.split()[
        1
    ]
    push_branch(b, "week-39", "week 39")

    # The reviewer reads each pull request against its merge base with main.
    git(reviewer, "fetch", "-q", "origin")
    git(reviewer, "checkout", "-q", "-b", "week-38", "origin/week-38")
    assert money(reviewer, "origin/main")["2022-09"] == ("0.00", "-1000.00")
    git(reviewer, "checkout", "-q", "-b", "week-39", "origin/week-39")
    assert money(reviewer, "origin/main")["2022-09"] == ("1000.00", "-2000.00")

    # Week 38 lands; week 39 is merged on top, locally, through the driver.
    git(reviewer, "checkout", "-q", "main")
    git(reviewer, "merge", "-q", "--no-edit", "origin/week-38")
    git(reviewer, "push", "-q", "origin", "main")
    # Main moved on, yet week 39's diff against the merge base still says the same.
    git(reviewer, "checkout", "-q", "week-39")
    assert money(reviewer, "main")["2022-09"] == ("1000.00", "-2000.00")
    git(reviewer, "checkout", "-q", "main")
    merged = git(reviewer, "merge", "-q", "--no-edit", "week-39", check=False)
    assert merged.returncode == 0, merged.stdout + merged.stderr
    september = (reviewer / LEDGER / "2022-09.yaml").read_text()
    pay_ids = [line for line in september.splitlines() if line.startswith("- id: pay-")]
    assert len(pay_ids) == 1  # the same payment from two branches is one record
    sl(reviewer, "check")  # strict: the whole of 09-19..09-30 is recorded
    git(reviewer, "push", "-q", "origin", "main")

    # A void against a change: A voids the incident, B raises its count to 2.
    for clerk in (a, b):
        git(clerk, "checkout", "-q", "main")
        git(clerk, "pull", "-q", "origin", "main")
    git(a, "checkout", "-qb", "appeal")
    sl(a, "void", inc, "--reason", "appeal upheld")
    push_branch(a, "appeal", "void the incident")
    git(b, "checkout", "-qb", "recount")
    month = b / LEDGER / "2022-09.yaml"
    text = month.read_text()
    block = text[text.index(f"- id: {inc}") :]
    block = block[: block.index("\n- ") + 1] if "\n- " in block else block
    month.write_text(text.replace(block, block.replace("  count: 1\n", "  count: 2\n")), encoding="utf-8")
    sl(b, "fmt")
    push_branch(b, "recount", "two occurrences")
    git(reviewer, "fetch", "-q", "origin")
    git(reviewer, "merge", "-q", "--no-edit", "origin/appeal")
    clash = git(reviewer, "merge", "-q", "--no-edit", "origin/recount", check=False)
    assert clash.returncode != 0  # never a silent -2,000.00 that no one reviewed
    assert sl(reviewer, "check", code=1).returncode == 1
    git(reviewer, "merge", "--abort")

    # Q3 closes on main; every record is there once; the figures are the hand-computed ones.
    sl(reviewer, "close", "--quarter", "Q3", "--date", "2022-10-10")
    sl(reviewer, "check")
    september = (reviewer / LEDGER / "2022-09.yaml").read_text()
    ids = [line for line in september.splitlines() if line.startswith("- id: ")]
    assert len(ids) == len(set(ids)) == 10 + 1 + 1 + 1  # 10 days, payment, incident, void
    s = json.loads(here(reviewer, "settle", "--month", "2022-09", "--format", "json"))
    assert (s["paid"], s["deductions"]["total"]) == ("1000.00", "0.00")  # the void stands
