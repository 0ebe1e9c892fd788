"""Issue 19: the ledger's files as files. A month emptied or cut short, a missing roster or
settings file, a misnamed month, a FIFO or folder where a file belongs: each named as such,
and every write refused beside it with every byte kept."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from tests.conftest import LEDGER, Run, snapshot


def test_an_empty_month_file_is_a_problem(example: Path, run: Run) -> None:
    (example / "2022-09.yaml").write_bytes(b"")
    r = run("check")
    assert r.exit_code == 1
    assert "2022-09.yaml: empty month file" in r.output


def test_a_month_cut_mid_record_is_a_problem(example: Path, run: Run) -> None:
    data = (example / "2022-09.yaml").read_bytes()
    (example / "2022-09.yaml").write_bytes(data[: data.rindex(b"present: 2") + len(b"present: ")])
    r = run("check")
    assert r.exit_code == 1
    assert "truncated month file" in r.output
    (example / "2022-09.yaml").write_bytes(data[:-1])  # `present: 2` -> whole but cut
    assert "truncated month file" in run("check").output


def test_a_missing_roster_is_named_first(example: Path, run: Run) -> None:
    (example / "roster.yaml").unlink()
    r = run("check")
    assert r.exit_code == 1
    assert r.stdout.splitlines()[0].endswith(
        "roster.yaml: missing: every ledger has its roster.yaml (`seatledger init` writes it); "
        f"restore it, e.g. `git checkout -- {LEDGER}/roster.yaml`"
    )


@pytest.mark.parametrize("month", ["2022-08", "2023-03"])
def test_a_deleted_month_file_does_not_pass_check(example: Path, run: Run, month: str) -> None:
    """Every month of the term has its file (init and migrate write them), so a deleted one is
    a problem, not only gaps (which check lists without failing): between two months or last."""
    (example / f"{month}.yaml").unlink()
    r = run("check")
    assert r.exit_code == 1
    assert f"{month}.yaml: missing month file" in r.output
    assert run("settle", "--quarter", "Q3").exit_code == 1


def test_a_missing_ledger_yaml_is_named(example: Path, run: Run) -> None:
    (example / "ledger.yaml").unlink()
    r = run("check")
    assert r.exit_code == 1
    assert "ledger.yaml: missing: every ledger has its ledger.yaml" in r.output
    before = snapshot(example)
    assert run("record", "attendance", "--date", "2022-09-30", "--present", "48").exit_code == 1
    assert snapshot(example) == before


@pytest.mark.parametrize("name", ["2022-9.yaml", "2022-09.yml", "2022-09.yaml.txt"])
def test_a_misnamed_month_is_named_and_refuses_appends(example: Path, run: Run, name: str) -> None:
    (example / "2022-09.yaml").rename(example / name)
    before = snapshot(example)
    r = run("check")
    assert r.exit_code == 1
    assert (
        f"{name}: misnamed month file: its records are not read under this name; rename it 2022-09.yaml"
        in r.output
    )
    r = run("record", "activity", "--date", "2022-09-30", "--obligation", "fire-inspection", "--count", "1")
    assert r.exit_code == 1
    assert f"{name}: misnamed month file" in r.output and "seatledger check" in r.output
    assert snapshot(example) == before
    assert not (example / "2022-09.yaml").exists()


def _cli(*args: str, timeout: float = 30) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "seatledger", *args], capture_output=True, text=True, timeout=timeout
    )


@pytest.mark.slow
@pytest.mark.parametrize("name", ["roster.yaml", "ledger.yaml", "closings.yaml", "2022-10.yaml"])
def test_a_fifo_is_refused_not_opened(example: Path, name: str) -> None:
    path = example / name
    path.unlink(missing_ok=True)
    os.mkfifo(path)
    for args in (
        ["check"],
        ["settle", "--quarter", "2022-Q3"],
        ["record", "attendance", "--date", "2022-09-30", "--present", "48"],
    ):
        r = _cli(*args)  # a FIFO opened for reading waits for a writer: the timeout fails it
        assert r.returncode == 1, (args, r.stdout, r.stderr)
        assert "FIFO (named pipe), not a regular file" in r.stdout + r.stderr


def test_a_folder_where_a_month_belongs(example: Path, run: Run) -> None:
    (example / "2022-10.yaml").unlink()  # a month file of day lines only
    (example / "2022-10.yaml").mkdir()
    r = run("check")
    assert r.exit_code == 1
    assert "2022-10.yaml: is a folder, not a regular file" in r.output


def test_a_folder_at_the_lock_path_is_named_by_every_command(example: Path, run: Run) -> None:
    assert run("check").exit_code == 0  # a clean verdict kept: the lock folder must still show
    (example / ".seatledger.lock").mkdir()
    before = snapshot(example)
    for args in (
        ["check"],
        ["settle", "--quarter", "2022-Q3"],
        ["record", "attendance", "--date", "2022-09-30", "--present", "48", "--replace"],
        ["fmt"],
    ):
        r = run(*args)
        assert r.exit_code == 1, args
        assert ".seatledger.lock: is a folder, not a regular file" in r.output, (args, r.output)
    assert snapshot(example) == before


@pytest.mark.parametrize(
    "target",
    ["ledger:2022-09.yaml", "ledger:roster.yaml", "contracts/haidian-hotline-2022.yaml", "folder", "fifo"],
)
def test_output_never_replaces_a_ledger_or_contract_file_or_a_non_file(
    example: Path, run: Run, target: str
) -> None:
    root = example.parent.parent
    if target.startswith("ledger:"):
        out = example / target.split(":")[1]
    elif target == "folder":
        out = root / "reports"
        out.mkdir()
    elif target == "fifo":
        out = root / "pipe.csv"
        os.mkfifo(out)
    else:
        out = root / target
    before = snapshot(root)
    r = run("settle", "--quarter", "2022-Q3", "--format", "xlsx", "--output", str(out))
    assert r.exit_code == 1, r.output
    assert "a report would replace it: choose another file" in r.output
    assert snapshot(root) == before


def test_output_to_a_new_or_other_file_is_fine(example: Path, run: Run) -> None:
    root = example.parent.parent
    other = root / "old.csv"
    other.write_text("old\n")
    for out in (root / "new.html", other):
        assert (
            run(
                "settle",
                "--quarter",
                "2022-Q3",
                "--format",
                "csv" if out == other else "html",
                "--output",
                str(out),
            ).exit_code
            == 0
        )
    assert other.read_text() != "old\n"
