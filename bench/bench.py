"""Benchmarks, printed as medians with ratios against baselines taken in the same run.

    python bench/bench.py [--runs N]

1. `seatledger check` and `seatledger settle --quarter Q3` on the bundled example, next to
   the bare import of
   `typer, pydantic, rich, ruamel.yaml` (target: check within 2x) and next to a typer app
   whose one command does nothing (the floor typer itself sets).
2. One append to a month that already holds 5,000 records, next to one append to an empty
   month of the same ledger (target: within 1.3x).

Each figure is a whole process, as a user runs it; runs alternate so that drift in the
machine's load hits both sides of a ratio alike.
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PY = sys.executable
TYPER_FLOOR = """
import typer
app = typer.Typer()
@app.command()
def check() -> None:
    pass
@app.command()
def other() -> None:
    pass
app()
"""


def timed(cmd: list[str], cwd: Path, env: dict[str, str]) -> float:
    start = time.perf_counter()
    proc = subprocess.run(cmd, cwd=cwd, env=env, capture_output=True, text=True)
    elapsed = time.perf_counter() - start
    if proc.returncode != 0:
        raise SystemExit(f"{' '.join(cmd)} failed:\n{proc.stdout}{proc.stderr}")
    return elapsed


def alternate(runs: int, jobs: dict[str, Callable[[], float]]) -> dict[str, float]:
    samples: dict[str, list[float]] = {name: [] for name in jobs}
    for _ in range(runs):
        for name, job in jobs.items():
            samples[name].append(job())
    return {name: statistics.median(values) for name, values in samples.items()}


def bench_check(runs: int, env: dict[str, str]) -> None:
    seatledger = [PY, "-m", "seatledger"]
    timed([*seatledger, "check"], ROOT, env)  # fills the contract cache, as any first run does
    medians = alternate(runs, {
        "imports": lambda: timed([PY, "-c", "import typer, pydantic, rich, ruamel.yaml"], ROOT, env),
        "typer floor": lambda: timed([PY, "-c", TYPER_FLOOR, "check"], ROOT, env),
        "check": lambda: timed([*seatledger, "check"], ROOT, env),
        "settle Q3": lambda: timed([*seatledger, "settle", "--quarter", "Q3"], ROOT, env),
    })
    base = medians["imports"]
    print(f"commands on the bundled example ({runs} runs, medians):")
    for name, value in medians.items():
        print(f"  {name:<12} {value * 1000:7.1f} ms  {value / base:5.2f}x imports")
    for name in ("check", "settle Q3"):
        verdict = "meets" if medians[name] <= 2 * base else "misses"
        beyond = (medians[name] - medians["typer floor"]) * 1000
        print(f"  {name} {verdict} the 2x target ({medians[name] / base:.2f}x); "
              f"beyond the typer floor it costs {beyond:.1f} ms")


def big_month(ledger: Path, count: int) -> None:
    """`count` activity records in 2022-07, written as the CLI writes them."""
    from datetime import date

    from seatledger.core.record_text import block
    from seatledger.core.records import Activity

    parts = []
    for n in range(count):
        day = date(2022, 7, 1 + n * 31 // count)
        parts.append(block(Activity(id=f"act-{day}-{n:06x}", date=day,
                                    obligation="fire-inspection")))
    (ledger / "2022-07.yaml").write_text("".join(parts), encoding="utf-8")


def bench_append(runs: int, env: dict[str, str]) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        project = Path(tmp)
        shutil.copytree(ROOT / "contracts", project / "contracts")
        ledger = project / "ledgers" / "haidian-hotline-2022"
        shutil.copytree(ROOT / "ledgers" / "haidian-hotline-2022", ledger)
        for old in ("2022-07.yaml", "2022-08.yaml", "2022-09.yaml"):
            (ledger / old).unlink()
        big_month(ledger, 5000)
        pristine = {p.name: p.read_bytes() for p in ledger.iterdir() if p.is_file()}

        def append(day: str) -> float:
            for name, data in pristine.items():
                (ledger / name).write_bytes(data)
            (ledger / "2022-08.yaml").unlink(missing_ok=True)
            cmd = [PY, "-m", "seatledger", "record", "activity", "--date", day,
                   "--obligation", "weekly-training"]
            return timed(cmd, project, env)

        append("2022-07-31")
        medians = alternate(runs, {
            "5,000-record month": lambda: append("2022-07-31"),
            "empty month": lambda: append("2022-08-01"),
        })
    full, empty = medians["5,000-record month"], medians["empty month"]
    print(f"one append, same ledger ({runs} runs, medians):")
    print(f"  to a month of 5,000 records {full * 1000:7.1f} ms")
    print(f"  to an empty month           {empty * 1000:7.1f} ms")
    verdict = "meets" if full <= 1.3 * empty else "misses"
    print(f"  ratio {full / empty:.2f}x: {verdict} the 1.3x target")


def main() -> None:
    parser = argparse.ArgumentParser(description="seatledger benchmarks")
    parser.add_argument("--runs", type=int, default=15)
    args = parser.parse_args()
    env = dict(os.environ)
    env.setdefault("SEATLEDGER_CACHE", tempfile.mkdtemp(prefix="seatledger-bench-cache-"))
    print(f"python {sys.version.split()[0]} on {os.cpu_count()} cores")
    bench_check(args.runs, env)
    bench_append(max(5, args.runs // 2), env)


if __name__ == "__main__":
    main()
