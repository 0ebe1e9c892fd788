"""Writers at once and writers killed: nothing lost, nothing torn, no stale lock."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest

from conftest import Run, snapshot
from seatledger.read.yaml_reader import load_path

# Real writer processes, killed and raced: processes of their own by design.
pytestmark = pytest.mark.slow

JULY_WORKING_DAYS = [
    "2022-07-01",
    "2022-07-04",
    "2022-07-05",
    "2022-07-06",
    "2022-07-07",
    "2022-07-08",
    "2022-07-11",
    "2022-07-12",
]


def cli(cwd: Path, *args: str) -> subprocess.Popen[str]:
    return subprocess.Popen(
        [sys.executable, "-m", "seatledger", *args],
        cwd=cwd,
        text=True,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        env=os.environ.copy(),
    )


def test_eight_concurrent_writers_lose_nothing(ledger: Path, run: Run) -> None:
    project = ledger.parent.parent
    procs = [
        cli(project, "record", "attendance", "--date", day, "--present", "48") for day in JULY_WORKING_DAYS
    ]
    procs += [
        cli(project, "record", "activity", "--date", day, "--obligation", "fire-inspection", "--count", "3")
        for day in JULY_WORKING_DAYS
    ]
    for p in procs:
        out, err = p.communicate(timeout=120)
        assert p.returncode == 0, err
    records = load_path(ledger / "2022-07.yaml")
    assert len(records) == 16
    assert sorted(r["id"] for r in records if r["kind"] == "attendance") == [
        f"att-{d}-day" for d in JULY_WORKING_DAYS
    ]
    assert [r["date"] for r in records] == sorted(r["date"] for r in records)
    assert run("check", "--ledger", str(ledger)).exit_code in (0, 1)  # parses; gaps are fine
    assert "YAML" not in run("check").output


def _script(body: str, args: list[str]) -> str:
    return textwrap.dedent(f"""
        import os, signal, sys, time
        import seatledger.write.store as store
        {textwrap.indent(textwrap.dedent(body), "        ").strip()}
        from seatledger.cli.main import main
        sys.argv = ["seatledger", *{args!r}]
        main()
    """)


def test_killed_between_temp_write_and_rename(ledger: Path, run: Run) -> None:
    project = ledger.parent.parent
    assert run("record", "attendance", "--date", "2022-07-01", "--present", "48").exit_code == 0
    before = snapshot(ledger)
    body = """
        real_replace = os.replace
        def replace(src, dst):
            if str(dst).endswith("2022-07.yaml"):
                os.kill(os.getpid(), signal.SIGKILL)  # the crash window: temp written, not renamed
            real_replace(src, dst)
        os.replace = replace
    """
    code = _script(body, ["record", "attendance", "--date", "2022-07-04", "--present", "47"])
    proc = subprocess.run(
        [sys.executable, "-c", code], cwd=project, capture_output=True, text=True, timeout=60
    )
    assert proc.returncode == -signal.SIGKILL, proc.stderr
    temps = list(ledger.glob(".2022-07.yaml.*.tmp"))
    assert len(temps) == 1 and b"att-2022-07-04-day" in temps[0].read_bytes()
    after = snapshot(ledger)
    after.pop(str(temps[0].relative_to(ledger)))
    assert after == before  # the month file is the old one, whole
    # The ledger still checks, and the next writer gets the lock and sweeps the temp file.
    assert "2022-07.yaml" not in run("check").stdout
    result = run("record", "attendance", "--date", "2022-07-04", "--present", "47")
    assert result.exit_code == 0, result
    assert not list(ledger.glob(".*.tmp"))
    assert [r["id"] for r in load_path(ledger / "2022-07.yaml")] == [
        "att-2022-07-01-day",
        "att-2022-07-04-day",
    ]


def test_writer_killed_holding_the_lock_leaves_no_stale_lock(ledger: Path, run: Run) -> None:
    project = ledger.parent.parent
    ready = project / "holding"
    body = f"""
        real_sweep = store._sweep_temporaries
        def sweep(folder):
            open({str(ready)!r}, "w").close()
            time.sleep(60)
        store._sweep_temporaries = sweep
    """
    code = _script(body, ["record", "attendance", "--date", "2022-07-04", "--present", "47"])
    proc = subprocess.Popen([sys.executable, "-c", code], cwd=project)
    deadline = time.monotonic() + 30
    while not ready.exists():
        assert time.monotonic() < deadline and proc.poll() is None
        time.sleep(0.05)
    os.kill(proc.pid, signal.SIGKILL)
    proc.wait(timeout=10)
    assert (ledger / ".seatledger.lock").exists()
    started = time.monotonic()
    result = run("record", "attendance", "--date", "2022-07-04", "--present", "47")
    assert result.exit_code == 0, result
    assert time.monotonic() - started < 10


def test_a_small_crash_run() -> None:
    """scripts/crash_appends.py at a small size: SIGKILL during 30 appends, 4 writers x 5."""
    script = Path(__file__).resolve().parent.parent / "scripts" / "crash_appends.py"
    result = subprocess.run(
        [sys.executable, str(script), "--appends", "30", "--writers", "4", "--each", "5"],
        capture_output=True,
        text=True,
        timeout=600,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "0 acknowledged lost" in result.stdout and "20 of 20 present" in result.stdout
