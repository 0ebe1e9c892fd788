"""Month-file layouts compared for issue 21: which lets a hosting service's merge button (git's
plain line merge, no custom driver) merge two branches that record different days of a month?

    python bench/layouts.py [--pairs 40] [--sizes year,100k]

For each layout (`month`: one file a month, records only; `day-lines`: the same with a fixed
line for every day; `day-files`: one file a day in month folders) it prints the number of
ledger files, the time to read every file cold and warm (`read.ledger_files.read_month`, as
`check` reads them), and how many of `--pairs` pairs of branches, each adding one different
day of October to a base that holds the month up to its 5th, conflict under
`git merge-tree` (git's merge, no driver, no hooks). CPU seconds, median of 3.
"""

from __future__ import annotations

import argparse
import os
import random
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections import defaultdict
from datetime import date
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import generate  # noqa: E402

from seatledger.core.records import Record  # noqa: E402
from seatledger.read import ledger_files  # noqa: E402

LAYOUTS = ("month", "day-lines", "day-files")
GIT = ["git", "-c", "user.email=bench@example.com", "-c", "user.name=bench", "-c", "commit.gpgsign=false"]


def files_of(ledger: Path) -> list[Path]:
    return sorted(p for p in ledger.rglob("*.yaml") if p.name[:2] == "20")


def read_all(ledger: Path) -> float:
    start = time.process_time()
    for path in files_of(ledger):
        ledger_files.read_month(path)
    return time.process_time() - start


def read_times(ledger: Path, cache: Path) -> tuple[float, float]:
    cold, warm = [], []
    for _ in range(3):
        shutil.rmtree(cache, ignore_errors=True)
        cache.mkdir()
        cold.append(read_all(ledger))
        warm.append(read_all(ledger))
    return statistics.median(cold), statistics.median(warm)


def git(repo: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([*GIT, "-C", str(repo), *args], capture_output=True, text=True, check=False)


def conflicts(records: list[Record], layout: str, pairs: int, work: Path) -> int:
    """Branch pairs adding different October days that git's plain merge cannot merge."""
    october = [r for r in records if (r.date.year, r.date.month) == (2022, 10)]
    base_records = [r for r in records if r.date <= date(2022, 10, 5)]
    days = sorted({r.date for r in october if r.date > date(2022, 10, 5)})
    repo = work / layout
    ledger = repo / "ledgers" / "x"
    ledger.mkdir(parents=True)
    months: dict[str, list[Record]] = defaultdict(list)
    for r in base_records:
        months[f"{r.date:%Y-%m}"].append(r)
    months.setdefault("2022-10", [])
    generate.write_months(ledger, months, layout)
    git(repo, "init", "-q", "-b", "main")
    git(repo, "add", "-A")
    git(repo, "commit", "-qm", "base")
    rng = random.Random(21)
    found = 0
    for n in range(pairs):
        heads = []
        for day in rng.sample(days, 2):
            git(repo, "checkout", "-q", "-B", f"b{n}-{day}", "main")
            with_day = defaultdict(list, {k: list(v) for k, v in months.items()})
            with_day["2022-10"] += [r for r in october if r.date == day]
            generate.write_months(ledger, with_day, layout)
            git(repo, "add", "-A")
            git(repo, "commit", "-qm", str(day))
            heads.append(f"b{n}-{day}")
        merged = git(repo, "merge-tree", "--write-tree", *heads)
        found += merged.returncode != 0
    return found


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pairs", type=int, default=40)
    parser.add_argument("--sizes", default="year,100k")
    args = parser.parse_args()
    work = Path(tempfile.mkdtemp(prefix="layouts-"))
    os.environ["SEATLEDGER_CACHE"] = str(work / "cache")
    print("| size | layout | files | read cold s | read warm s | plain-git conflicts |")
    print("|---|---|---|---|---|---|")
    try:
        for size in args.sizes.split(","):
            for layout in LAYOUTS:
                out = work / f"{size}-{layout}"
                generate.write(size, out, layout)
                ledger = out / "ledgers" / "haidian-hotline-2022"
                cold, warm = read_times(ledger, work / "cache")
                clash = "-"
                if size == "year":
                    rng = random.Random(20220401)
                    clash = f"{conflicts(generate.year_records(rng), layout, args.pairs, work)}/{args.pairs}"
                n = len(files_of(ledger))
                print(f"| {size} | {layout} | {n} | {cold:.2f} | {warm:.2f} | {clash} |", flush=True)
                shutil.rmtree(out)
    finally:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
