"""Shared fixtures: a project folder in tmp_path with the seed contract and a new ledger,
driven through the real CLI."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest
from hypothesis import settings
from typer.testing import CliRunner

from seatledger.cli.main import narrowed

REPO = Path(__file__).resolve().parent.parent
SEED = REPO / "contracts" / "haidian-hotline-2022.yaml"
CONTRACTS = Path(__file__).resolve().parent / "contracts"

Run = Callable[..., "Result"]

# Hypothesis: `ci` runs hypothesis's own 100 examples a test and each explicit
# @settings(max_examples=examples(n)) at n, as the suite always has; `dev` (the default on a
# developer's machine, and so in the fast lane) runs a fifth of each. CI sets CI=true;
# HYPOTHESIS_PROFILE=ci or =dev chooses either by hand.
CI_EXAMPLES = 100
settings.register_profile("ci", max_examples=CI_EXAMPLES, print_blob=True)
settings.register_profile("dev", max_examples=CI_EXAMPLES // 5)
_ON_CI = os.environ.get("CI", "").strip().lower() not in ("", "0", "false", "no")
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE") or ("ci" if _ON_CI else "dev"))


def examples(n: int) -> int:
    """A test's example count: n under the ci profile, scaled by the loaded profile's
    max_examples (a fifth under dev), so an explicit count follows the profile too."""
    return max(1, n * settings.default.max_examples // CI_EXAMPLES)


class Result:
    def __init__(self, exit_code: int, stdout: str, stderr: str) -> None:
        self.exit_code = exit_code
        self.stdout = stdout
        self.stderr = stderr
        self.output = stdout + stderr

    def __repr__(self) -> str:
        return f"Result({self.exit_code}, stdout={self.stdout!r}, stderr={self.stderr!r})"


@pytest.fixture(autouse=True)
def _english(monkeypatch: pytest.MonkeyPatch) -> None:
    """Tests read English unless they ask for Chinese, whatever the machine's locale."""
    for name in ("LANGUAGE", "LC_ALL", "LC_MESSAGES", "SEATLEDGER_LANG"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("LANG", "C.UTF-8")


@pytest.fixture(autouse=True)
def _private_cache(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch) -> None:
    """Each test gets its own contract cache, so none depends on another's."""
    monkeypatch.setenv("SEATLEDGER_CACHE", str(tmp_path_factory.mktemp("cache")))


@pytest.fixture
def project(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A folder with contracts/ (the seed contract) and no ledger yet; the cwd."""
    (tmp_path / "contracts").mkdir()
    shutil.copy(SEED, tmp_path / "contracts" / SEED.name)
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("SEATLEDGER_CONTRACT", raising=False)
    monkeypatch.delenv("SEATLEDGER_LEDGER", raising=False)
    return tmp_path


@pytest.fixture
def run() -> Run:
    """The CLI in this process, as the console script runs it: main() builds only the command
    its arguments name (`narrowed`), where building all of them took most of a test's time."""
    runner = CliRunner()

    def invoke(*args: str) -> Result:
        r = runner.invoke(
            narrowed(list(args)),
            list(args),
            catch_exceptions=False,
            terminal_width=120,
            env={"COLUMNS": "120"},
        )
        return Result(r.exit_code, r.stdout, r.stderr)

    return invoke


def fill_roster(ledger: Path, count: int) -> None:
    """Append `count` seat staff (X001, X002, ..., after any other id) so that attendance of up to 48 is possible:
    no more people can be present than are on the roster."""
    groups = ("follow-up", "dispatch", "data", "supervision")
    with (ledger / "roster.yaml").open("a", encoding="utf-8") as f:
        for n in range(1, count + 1):
            f.write(
                f"- id: X{n:03d}\n  role: seat\n  degree: bachelor\n  joined: 2022-03-01\n"
                f"  group: {groups[n % 4]}\n"
            )


@pytest.fixture
def ledger(project: Path, run: Run) -> Path:
    """The seed contract with an initialised ledger: PM01 and S001, and 46 others (X001..)."""
    assert run("init").exit_code == 0
    assert (
        run(
            "roster",
            "add",
            "PM01",
            "--role",
            "project-manager",
            "--degree",
            "master",
            "--joined",
            "2022-03-01",
        ).exit_code
        == 0
    )
    assert (
        run(
            "roster",
            "add",
            "S001",
            "--role",
            "seat",
            "--group",
            "follow-up",
            "--degree",
            "bachelor",
            "--joined",
            "2022-03-01",
        ).exit_code
        == 0
    )
    led = project / "ledgers" / "haidian-hotline-2022"
    fill_roster(led, 46)
    return led


def snapshot(folder: Path) -> dict[str, bytes]:
    """Every file below `folder` and its bytes, to show a refused write changed nothing."""
    return {
        str(p.relative_to(folder)): p.read_bytes()
        for p in sorted(folder.rglob("*"))
        if p.is_file() and p.suffix != ".lock"
    }


GROUPS = ("follow-up", "dispatch", "data", "supervision")


def write_roster(ledger: Path, seats: int = 48, bachelors: int = 29) -> None:
    """A roster that meets the team rules: one manager, four leads, the rest seats."""
    people = (
        [("PM01", "project-manager", None)]
        + [(f"TL0{n}", "team-lead", GROUPS[n - 1]) for n in range(1, 5)]
        + [(f"S{n:03d}", "seat", GROUPS[n % 4]) for n in range(1, seats - 4)]
    )
    lines = []
    for n, (pid, role, group) in enumerate(people):
        degree = "bachelor" if n < bachelors else "associate"
        lines.append(
            f"- id: {pid}\n  role: {role}\n  degree: {degree}\n  joined: 2022-03-01\n"
            + (f"  group: {group}\n" if group else "")
        )
    (ledger / "roster.yaml").write_text("".join(sorted(lines)), encoding="utf-8")


LEDGER = "ledgers/haidian-hotline-2022"


@pytest.fixture
def example(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A copy of the bundled contract and example ledger (the cwd); the ledger folder."""
    shutil.copytree(REPO / "contracts", tmp_path / "contracts")
    shutil.copytree(REPO / LEDGER, tmp_path / LEDGER)
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("SEATLEDGER_CONTRACT", raising=False)
    monkeypatch.delenv("SEATLEDGER_LEDGER", raising=False)
    return tmp_path / LEDGER


@pytest.fixture
def blank(project: Path, run: Run) -> Path:
    """The seed contract, a ledger recorded from 2022-10-01 (so Q2 and Q3 have no gaps to
    mark figures incomplete), a full roster of 48."""
    assert run("init", "--recorded-from", "2022-10-01").exit_code == 0
    write_roster(project / LEDGER)
    return project / LEDGER


def git(repo: Path, *args: str, check: bool = True) -> subprocess.CompletedProcess[str]:
    env = dict(
        os.environ,
        GIT_AUTHOR_NAME="clerk",
        GIT_AUTHOR_EMAIL="clerk@example.org",
        GIT_COMMITTER_NAME="clerk",
        GIT_COMMITTER_EMAIL="clerk@example.org",
        PATH=f"{Path(sys.executable).parent}{os.pathsep}{os.environ.get('PATH', '')}",
    )
    proc = subprocess.run(["git", *args], cwd=repo, capture_output=True, text=True, env=env)
    if check and proc.returncode != 0:
        raise AssertionError(f"git {' '.join(args)}: {proc.stdout}{proc.stderr}")
    return proc


def install_driver(repo: Path) -> None:
    """What `seatledger git-setup` installs, simplified: the driver by name on PATH, without
    its line-merge fallback, and the attribute for every ledger folder (docs/git-and-teams.md)."""
    (repo / ".gitattributes").write_text("ledgers/**/*.yaml merge=seatledger\n")
    git(repo, "config", "merge.seatledger.name", "seatledger ledger merge")
    git(repo, "config", "merge.seatledger.driver", "seatledger merge-driver %O %A %B %P")


@pytest.fixture
def repo(project: Path, run: Run) -> Path:
    """A ledger repository on main, recorded from 2022-07-01, with a full roster."""
    assert run("init", "--recorded-from", "2022-07-01").exit_code == 0
    write_roster(project / LEDGER)
    assert run("record", "attendance", "--date", "2022-07-01", "--present", "48").exit_code == 0
    git(project, "init", "-q", "-b", "main")
    install_driver(project)
    git(project, "add", "-A")
    git(project, "commit", "-qm", "July opened")
    return project


def commit(repo: Path, message: str) -> None:
    git(repo, "add", "-A")
    git(repo, "commit", "-qm", message)
