"""Benchmarks: every command on generated ledgers, as whole processes, in one table.

    python bench/bench.py [--runs 9] [--sizes year,100k]

For each job: the median CPU time (user + system of the process), the median wall time and
the peak RSS over `--runs` runs; runs are interleaved (one of each job in turn), so drift in the
machine's load falls on every job alike. Ratios are CPU-time ratios against two baselines taken
in the same run: the bare import (`python -c "import typer, pydantic, rich, yaml"`) and a
do-nothing typer app. Ledgers come from bench/generate.py (a full contract year, 25k and 100k
records). Targets (issue 13) are printed beside the ratios they judge.
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import NamedTuple

ROOT = Path(__file__).resolve().parent.parent
PY = sys.executable
SEATLEDGER = [PY, "-c", "from seatledger.cli.main import main; main()"]
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
YAML_EVENTS = """
import sys, yaml
from pathlib import Path
for path in sorted(Path(sys.argv[1]).glob("*.yaml")):
    for _ in yaml.parse(path.read_bytes(), Loader=yaml.CSafeLoader):
        pass
"""


class Sample(NamedTuple):
    cpu: float
    wall: float
    rss_mib: float


class Job(NamedTuple):
    name: str
    cmd: list[str]
    cwd: Path
    before: Callable[[], None] | None = None  # run before each sample, untimed
    ok: tuple[int, ...] = (0,)


TIME = shutil.which("time") or "/usr/bin/time"


def sample(job: Job, env: dict[str, str]) -> Sample:
    """CPU from wait4 (it counts the waited-for descendants too); peak RSS from GNU time: a
    forked child starts with the bench's own RSS, so wait4's maxrss would report that floor."""
    import time

    if job.before is not None:
        job.before()
    rss_file = Path(tempfile.mkstemp(prefix="seatledger-rss-")[1])
    cmd = [TIME, "-f", "%M", "-o", str(rss_file), *job.cmd] if os.path.exists(TIME) else job.cmd
    start = time.perf_counter()
    proc = subprocess.Popen(cmd, cwd=job.cwd, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    _, status, usage = os.wait4(proc.pid, 0)
    wall = time.perf_counter() - start
    text = rss_file.read_text().strip().splitlines()
    rss_file.unlink()
    rss_kib = float(text[-1]) if text and text[-1].isdigit() else float(usage.ru_maxrss)
    code = os.waitstatus_to_exitcode(status)
    if code not in job.ok:
        err = proc.stderr.read().decode() if proc.stderr else ""
        raise SystemExit(f"{job.name}: exit {code}\n{err}")
    if proc.stderr:
        proc.stderr.close()
    return Sample(usage.ru_utime + usage.ru_stime, wall, rss_kib / 1024)


def measure(jobs: list[Job], runs: int, env: dict[str, str]) -> dict[str, Sample]:
    samples: dict[str, list[Sample]] = {j.name: [] for j in jobs}
    for job in jobs:  # one untimed run each: caches filled, as for any second run
        sample(job, env)
    for _ in range(runs):
        for job in jobs:
            samples[job.name].append(sample(job, env))
    return {
        name: Sample(
            statistics.median(s.cpu for s in got),
            statistics.median(s.wall for s in got),
            max(s.rss_mib for s in got),
        )
        for name, got in samples.items()
    }


def git(cwd: Path, *args: str) -> None:
    subprocess.run(
        ["git", "-c", "user.name=bench", "-c", "user.email=bench@example.org", *args],
        cwd=cwd,
        check=True,
        capture_output=True,
    )


def year_jobs(project: Path) -> list[Job]:
    ledger = project / "ledgers" / "haidian-hotline-2022"
    git(project, "init", "-q", "-b", "main")
    git(project, "add", "-A")
    git(project, "commit", "-q", "-m", "year")
    month = ledger / "2022-11.yaml"
    month.write_text(
        month.read_text(encoding="utf-8") + "- id: act-2022-11-30-bench\n  kind: activity\n"
        "  date: 2022-11-30\n  obligation: weekly-training\n  count: 7\n",
        encoding="utf-8",
    )
    run = SEATLEDGER
    return [
        Job("check (year)", [*run, "check"], project),
        Job("deduct Q3", [*run, "deduct", "--quarter", "Q3"], project),
        Job("settle Q3", [*run, "settle", "--quarter", "Q3"], project),
        Job("balance by month", [*run, "balance", "--by", "month"], project),
        Job("check-roster Q3", [*run, "check-roster", "--quarter", "Q3"], project, ok=(0, 1)),
        Job("compliance Q3", [*run, "compliance", "--quarter", "Q3"], project, ok=(0, 1)),
        Job("diff, one month changed", [*run, "diff", "HEAD"], project),
        Job("fmt --check", [*run, "fmt", "--check"], project, ok=(0, 1)),
    ]


def edit_jobs(project: Path) -> list[Job]:
    """check after an edit: a new state every run, so no verdict; 11 of 12 months cached."""
    edited = project / "ledgers" / "haidian-hotline-2022" / "2022-10.yaml"
    original = edited.read_text(encoding="utf-8")
    count = [0]

    def edit() -> None:
        count[0] += 1  # from 100: no twin of a generated activity (that is a problem)
        edited.write_text(
            original + "- id: act-2022-10-31-bench\n  kind: activity\n"
            "  date: 2022-10-31\n  obligation: weekly-training\n"
            f"  count: {100 + count[0]}\n",
            encoding="utf-8",
        )

    return [Job("check (year), a month edited", [*SEATLEDGER, "check"], project, edit)]


def append_jobs(project: Path) -> list[Job]:
    """One append into a month of 5,000 records and one into an empty month, same ledger."""
    ledger = project / "ledgers" / "haidian-hotline-2022"
    from datetime import date

    from seatledger.core.record_text import block
    from seatledger.core.records import Activity

    big = "".join(
        block(
            Activity(
                id=f"act-2022-07-{n:06x}",
                date=date(2022, 7, 1 + n * 31 // 5000),
                obligation="fire-inspection",
                count=10 + n,
            )
        )
        for n in range(5000)
    )
    (ledger / "2022-07.yaml").write_text(big, encoding="utf-8")
    pristine = {p.name: p.read_bytes() for p in ledger.iterdir() if p.is_file()}

    def reset() -> None:
        for name, data in pristine.items():
            (ledger / name).write_bytes(data)
        for extra in set(p.name for p in ledger.glob("*.yaml")) - set(pristine):
            (ledger / extra).unlink()

    add = [*SEATLEDGER, "record", "activity", "--obligation", "weekly-training", "--count", "9"]
    return [
        Job("append, 5,000-record month", [*add, "--date", "2022-07-31"], project, reset),
        Job("append, empty month", [*add, "--date", "2022-08-01"], project, reset),
    ]


def big_jobs(project: Path, size: str, cache: Path) -> list[Job]:
    ledger = project / "ledgers" / "haidian-hotline-2022"
    cold = cache / f"cold-{size}"

    def clear() -> None:
        shutil.rmtree(cold, ignore_errors=True)

    edited = ledger / "2022-10.yaml"
    original = edited.read_text(encoding="utf-8")
    count = [0]

    def edit() -> None:  # a new state each run: no verdict; 11 of 12 months from the cache
        count[0] += 1
        edited.write_text(
            original + "- id: act-2022-10-31-bench\n  kind: activity\n"
            "  date: 2022-10-31\n  obligation: weekly-training\n"
            f"  count: {100 + count[0]}\n",
            encoding="utf-8",
        )

    return [
        Job(f"check {size}, warm cache", [*SEATLEDGER, "check"], project),
        Job(f"check {size}, a month edited", [*SEATLEDGER, "check"], project, edit),
        Job(
            f"check {size}, cold cache",
            ["env", f"SEATLEDGER_CACHE={cold}", *SEATLEDGER, "check"],
            project,
            clear,
        ),
        Job(f"libyaml events {size}", [PY, "-c", YAML_EVENTS, str(ledger)], project),
    ]


def main() -> None:
    parser = argparse.ArgumentParser(description="seatledger benchmarks")
    parser.add_argument("--runs", type=int, default=9)
    parser.add_argument("--sizes", default="year,100k", help="year, 25k, 100k, city")
    args = parser.parse_args()
    sys.path.insert(0, str(ROOT / "bench"))
    import generate

    work = Path(tempfile.mkdtemp(prefix="seatledger-bench-"))
    env = dict(os.environ, SEATLEDGER_CACHE=str(work / "cache"), COLUMNS="120")
    env.pop("PYTHONDONTWRITEBYTECODE", None)  # as users run it: compiled once, then from .pyc
    jobs = [
        Job("bare import", [PY, "-c", "import typer, pydantic, rich, yaml"], ROOT),
        Job("typer floor", [PY, "-c", TYPER_FLOOR, "check"], ROOT),
    ]
    sizes = args.sizes.split(",")
    if "year" in sizes:
        generate.write("year", work / "year")
        jobs += year_jobs(work / "year")
        generate.write("year", work / "edit")
        jobs += edit_jobs(work / "edit")
        generate.write("year", work / "append")
        jobs += append_jobs(work / "append")
    if "city" in sizes:  # issue 24: 16 districts x 10 contract-years (bench/city.py)
        import city

        city.write_city(work / "city")
        jobs += city.jobs(work / "city", work / "cache", SEATLEDGER, PY, Job)
    for size in (s for s in sizes if s not in ("year", "city")):
        generate.write(size, work / size)
        jobs += big_jobs(work / size, size, work / "cache")
    medians = measure(jobs, args.runs, env)
    bare, floor = medians["bare import"].cpu, medians["typer floor"].cpu
    print(
        f"python {sys.version.split()[0]}, {os.cpu_count()} cores, {args.runs} interleaved "
        f"runs, medians (peak RSS: the largest)"
    )
    print(f"{'job':<28} {'CPU ms':>8} {'wall ms':>8} {'RSS MiB':>8} {'x import':>9} {'x typer':>8}")
    for name, s in medians.items():
        print(
            f"{name:<28} {s.cpu * 1000:8.1f} {s.wall * 1000:8.1f} {s.rss_mib:8.1f} "
            f"{s.cpu / bare:9.2f} {s.cpu / floor:8.2f}"
        )
    targets = []
    if "year" in sizes:
        targets.append(("check (year) <= 1.5x import", medians["check (year)"].cpu / bare, 1.5))
        targets.append(
            (
                "  the same, a month edited (no verdict)",
                medians["check (year), a month edited"].cpu / bare,
                1.5,
            )
        )
        for name in ("deduct Q3", "settle Q3", "balance by month", "check-roster Q3", "compliance Q3"):
            targets.append((f"{name} <= 1.7x import", medians[name].cpu / bare, 1.7))
        targets.append(("diff one month <= 2x import", medians["diff, one month changed"].cpu / bare, 2.0))
        targets.append(
            (
                "append 5,000 / empty <= 1.2x",
                medians["append, 5,000-record month"].cpu / medians["append, empty month"].cpu,
                1.2,
            )
        )
    if "city" in sizes:
        targets += city.targets(medians, bare)
    for size in (s for s in sizes if s not in ("year", "city")):
        events = medians[f"libyaml events {size}"].cpu
        targets.append(
            (
                f"check {size} cold <= 2x libyaml events",
                medians[f"check {size}, cold cache"].cpu / events,
                2.0,
            )
        )
        targets.append(
            (f"check {size} warm <= 3x import", medians[f"check {size}, warm cache"].cpu / bare, 3.0)
        )
        targets.append(
            (
                f"check {size} peak <= 150 MiB",
                max(
                    medians[f"check {size}, warm cache"].rss_mib, medians[f"check {size}, cold cache"].rss_mib
                ),
                150.0,
            )
        )
    print("\ntargets:")
    for name, value, limit in targets:
        print(f"  {name:<42} {value:8.2f}  {'meets' if value <= limit else 'MISSES'}")
    shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
