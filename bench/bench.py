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
import datetime as dt
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import Any, NamedTuple

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

# `seatledger serve`'s app driven through ASGI in-process, no HTTP client: the server time of
# each page named (default: one of each kind), printed as JSON. The first includes the load.
SERVE = """
import asyncio, json, sys, time
from seatledger.web.server import make_app
PAGES = ["/", "/statement", "/deductions", "/attendance", "/roster", "/compliance", "/records",
         "/history", "/records?page=2", "/statement?period=i2", "/attendance?month=2022-11",
         "/compliance?period=2022-Q4", "/?lang=zh", "/statement?lang=zh"]
app = make_app(None, None, "en")
async def get(target):
    path, _, query = target.partition("?")
    scope = {"type": "http", "asgi": {"version": "3.0"}, "http_version": "1.1", "method": "GET",
             "scheme": "http", "path": path, "raw_path": path.encode(), "root_path": "",
             "query_string": query.encode(), "headers": [(b"host", b"localhost")],
             "client": ("127.0.0.1", 1), "server": ("127.0.0.1", 8000)}
    status = []
    async def receive():
        return {"type": "http.request", "body": b"", "more_body": False}
    async def send(message):
        if message["type"] == "http.response.start":
            status.append(message["status"])
    await app(scope, receive, send)
    assert status == [200], (target, status)
async def main():
    times = {}
    for target in sys.argv[1:] or PAGES:
        start = time.perf_counter()
        await get(target)
        times[target] = time.perf_counter() - start
    print(json.dumps(times))
asyncio.run(main())
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
        Job("serve, first page (year)", [PY, "-c", SERVE, "/"], project),
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

    from seatledger.core.day_lines import lay_out
    from seatledger.core.record_text import block
    from seatledger.core.records import Activity

    acts = [
        Activity(
            id=f"act-2022-07-{n:06x}",
            date=date(2022, 7, 1 + n * 31 // 5000),
            obligation="fire-inspection",
            count=10 + n,
        )
        for n in range(5000)
    ]
    big = lay_out("", [((a.date.isoformat(), a.kind, a.id), block(a)) for a in acts], (2022, 7))
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


def import_jobs(project: Path) -> list[Job]:
    """`import` of a month of 每日统计 for 48 people, and of a 12,000-row 原始记录 (every
    person punching eight times a day), into a ledger recorded from October (issue 22)."""
    sys.path.insert(0, str(ROOT / "tests"))
    from openpyxl import Workbook

    import export_fixtures as fx

    (project / "contracts").mkdir(parents=True)
    shutil.copy(ROOT / "contracts" / "haidian-hotline-2022.yaml", project / "contracts")
    subprocess.run(
        [*SEATLEDGER, "init", "--recorded-from", "2022-10-01"], cwd=project, check=True, capture_output=True
    )
    ledger = project / "ledgers" / "haidian-hotline-2022"
    ids = ["PM01", *(f"TL0{n}" for n in range(1, 5)), *(f"S{n:03d}" for n in range(1, 44))]
    roles = ["project-manager"] + ["team-lead"] * 4 + ["seat"] * 43
    groups = ("follow-up", "dispatch", "data", "supervision")
    (ledger / "roster.yaml").write_text(
        "".join(
            f"- id: {pid}\n  role: {role}\n  degree: {'bachelor' if n < 29 else 'associate'}\n"
            f"  joined: 2022-03-01\n" + (f"  group: {groups[n % 4]}\n" if role != "project-manager" else "")
            for n, (pid, role) in enumerate(zip(ids, roles, strict=True))
        ),
        encoding="utf-8",
    )
    schedule = fx.october(ids, ["S041", "S042"])
    fx.dingtalk(project / "daily.xlsx", schedule, {})
    wb = Workbook(write_only=True)
    raw = wb.create_sheet("原始记录")
    raw.append(["原始记录表 统计日期：2022-10-01 至 2022-10-31"])
    raw.append(["姓名", "工号", "部门", "考勤日期", "打卡时间"])
    punches = [
        [pid, pid, "话务部", f"{day:%Y-%m-%d}", f"{stamp + dt.timedelta(minutes=m):%Y-%m-%d %H:%M}"]
        for day, pid, stamp in fx.punches(schedule)
        for m in range(5)  # a punch repeated at the clock, as people do
    ]
    for row in punches[:12_000]:
        raw.append(row)
    wb.save(project / "raw.xlsx")
    pristine = {p.name: p.read_bytes() for p in ledger.iterdir() if p.is_file()}

    def reset() -> None:
        for extra in set(p.name for p in ledger.glob("*.yaml")) - set(pristine):
            (ledger / extra).unlink()

    return [
        Job("import 每日统计, 48 people", [*SEATLEDGER, "import", "daily.xlsx"], project, reset),
        Job(
            "import 原始记录, 12,000 rows",
            [*SEATLEDGER, "import", "raw.xlsx", "--profile", "dingtalk-raw"],
            project,
            reset,
        ),
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
        Job(f"serve {size}, every kind of page", [PY, "-c", SERVE], project),
    ]


def serve_times(project: Path, env: dict[str, str], runs: int) -> tuple[float, float]:
    """(first page, slowest page after the first) of the server in one process, in seconds:
    the medians over `runs` processes. Server time: from the request to the response, the
    first one loading the ledger; the process's start and imports are the job "serve, first
    page (year)" in the table."""
    import json

    firsts, rests = [], []
    for _ in range(runs):
        done = subprocess.run(
            [PY, "-c", SERVE], cwd=project, env=env, capture_output=True, text=True, check=True
        )
        times = list(json.loads(done.stdout).values())
        firsts.append(times[0])
        rests.append(max(times[1:]))
    return statistics.median(firsts), statistics.median(rests)


def all_jobs(sizes: list[str], work: Path, generate: Any) -> list[Job]:
    """The jobs of one run: the baselines, then each size's, its ledgers written first."""
    jobs = [
        Job("bare import", [PY, "-c", "import typer, pydantic, rich, yaml"], ROOT),
        Job("typer floor", [PY, "-c", TYPER_FLOOR, "check"], ROOT),
    ]
    if "year" in sizes:
        generate.write("year", work / "year")
        jobs += year_jobs(work / "year")
        generate.write("year", work / "edit")
        jobs += edit_jobs(work / "edit")
        generate.write("year", work / "append")
        jobs += append_jobs(work / "append")
    if "import" in sizes:
        jobs += import_jobs(work / "import")
    if "city" in sizes:  # issue 24: 16 districts x 10 contract-years (bench/city.py)
        import city

        city.write_city(work / "city")
        jobs += city.jobs(work / "city", work / "cache", SEATLEDGER, PY, Job)
    for size in (s for s in sizes if s not in ("year", "import", "city")):
        generate.write(size, work / size)
        jobs += big_jobs(work / size, size, work / "cache")
    return jobs


def main() -> None:
    parser = argparse.ArgumentParser(description="seatledger benchmarks")
    parser.add_argument("--runs", type=int, default=9)
    parser.add_argument("--sizes", default="year,100k", help="year, 25k, 100k, import, city")
    args = parser.parse_args()
    sys.path.insert(0, str(ROOT / "bench"))
    import generate

    work = Path(tempfile.mkdtemp(prefix="seatledger-bench-"))
    env = dict(os.environ, SEATLEDGER_CACHE=str(work / "cache"), COLUMNS="120")
    env.pop("PYTHONDONTWRITEBYTECODE", None)  # as users run it: compiled once, then from .pyc
    sizes = args.sizes.split(",")
    jobs = all_jobs(sizes, work, generate)
    medians = measure(jobs, args.runs, env)
    served = serve_times(work / "year", env, args.runs) if "year" in sizes else None
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
    if "import" in sizes:
        daily, raw = medians["import 每日统计, 48 people"].cpu, medians["import 原始记录, 12,000 rows"].cpu
        targets.append(("import 每日统计 48 people <= 3x import", daily / bare, 3.0))
        targets.append(("import 原始记录 12,000 rows <= 6x import", raw / bare, 6.0))
    if served is not None:
        first, rest = served
        print(
            f"\nserve (year), server time: first page {first * 1000:.1f} ms, "
            f"slowest after it {rest * 1000:.1f} ms"
        )
        targets.append(("serve: any page after the first <= 150 ms", rest * 1000, 150.0))
        targets.append(("serve: first page <= 2x check", first / medians["check (year)"].cpu, 2.0))
    if "city" in sizes:
        import city

        targets += city.targets(medians, bare)
    for size in (s for s in sizes if s not in ("year", "import", "city")):
        targets.append(
            (f"serve {size} peak <= 200 MiB", medians[f"serve {size}, every kind of page"].rss_mib, 200.0)
        )
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
