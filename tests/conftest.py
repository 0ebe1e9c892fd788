"""Shared fixtures: a project folder in tmp_path with the seed contract and a new ledger,
driven through the real CLI."""

from __future__ import annotations

import shutil
from collections.abc import Callable
from pathlib import Path

import pytest
from typer.testing import CliRunner

from seatledger.cli.main import app

REPO = Path(__file__).resolve().parent.parent
SEED = REPO / "contracts" / "haidian-hotline-2022.yaml"
CONTRACTS = Path(__file__).resolve().parent / "contracts"

Run = Callable[..., "Result"]


class Result:
    def __init__(self, exit_code: int, stdout: str, stderr: str) -> None:
        self.exit_code = exit_code
        self.stdout = stdout
        self.stderr = stderr
        self.output = stdout + stderr

    def __repr__(self) -> str:
        return f"Result({self.exit_code}, stdout={self.stdout!r}, stderr={self.stderr!r})"


@pytest.fixture(autouse=True)
def _private_cache(tmp_path_factory: pytest.TempPathFactory,
                   monkeypatch: pytest.MonkeyPatch) -> None:
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
    runner = CliRunner()

    def invoke(*args: str) -> Result:
        r = runner.invoke(app, list(args), catch_exceptions=False, terminal_width=120,
                          env={"COLUMNS": "120"})
        return Result(r.exit_code, r.stdout, r.stderr)

    return invoke


def fill_roster(ledger: Path, count: int) -> None:
    """Append `count` seat staff (X001, X002, ..., after any other id) so that attendance of up to 48 is possible:
    no more people can be present than are on the roster."""
    groups = ("follow-up", "dispatch", "data", "supervision")
    with (ledger / "roster.yaml").open("a", encoding="utf-8") as f:
        for n in range(1, count + 1):
            f.write(f"- id: X{n:03d}\n  role: seat\n  degree: bachelor\n  joined: 2022-03-01\n"
                    f"  group: {groups[n % 4]}\n")


@pytest.fixture
def ledger(project: Path, run: Run) -> Path:
    """The seed contract with an initialised ledger: PM01 and S001, and 46 others (X001..)."""
    assert run("init").exit_code == 0
    assert run("roster", "add", "PM01", "--role", "project-manager", "--degree", "master",
               "--joined", "2022-03-01").exit_code == 0
    assert run("roster", "add", "S001", "--role", "seat", "--group", "follow-up",
               "--degree", "bachelor", "--joined", "2022-03-01").exit_code == 0
    led = project / "ledgers" / "haidian-hotline-2022"
    fill_roster(led, 46)
    return led


def snapshot(folder: Path) -> dict[str, bytes]:
    """Every file below `folder` and its bytes, to show a refused write changed nothing."""
    return {str(p.relative_to(folder)): p.read_bytes()
            for p in sorted(folder.rglob("*")) if p.is_file() and p.suffix != ".lock"}
