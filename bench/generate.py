"""Deterministic ledgers for the benchmarks, each valid (`seatledger check` passes):

    python bench/generate.py year  OUT   # a full contract year: every required shift, three
                                         # fire inspections a day, the weekly and monthly duties,
                                         # incidents, demands, requests, invoices, payments
    python bench/generate.py 25k   OUT   # the year plus counted-duty records up to 25,000
    python bench/generate.py 100k  OUT   # the same up to 100,000

OUT becomes a project folder: contracts/ (the bundled contract) and ledgers/<id>/.
The same arguments always write the same bytes.
"""

from __future__ import annotations

import random
import shutil
import sys
from collections import defaultdict
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "scripts"))

import make_example  # noqa: E402  (scripts/ is not a package)

from seatledger.core.day_lines import lay_out  # noqa: E402
from seatledger.core.record_text import block  # noqa: E402
from seatledger.core.records import Activity, Record  # noqa: E402
from seatledger.core.workdays import days  # noqa: E402

END = date(2023, 3, 31)
SIZES = {"year": 0, "25k": 25_000, "100k": 100_000}
DUTIES = ("fire-inspection", "weibo-update", "weekly-training", "health-report")


def year_records(rng: random.Random) -> list[Record]:
    """The example's year, with each day's fire inspections as three records (morning,
    afternoon, night), as a clerk who records each round writes them."""
    out: list[Record] = []
    for r in make_example.records(END, rng):
        if isinstance(r, Activity) and r.obligation == "fire-inspection" and r.count == 3:
            for n in range(3):
                out.append(r._replace(id=f"{r.id}-{n}", count=1, repeat=n + 1 if n else None))
        else:
            out.append(r)
    return out


def stress(records: list[Record], total: int) -> list[Record]:
    """Extra counted-duty records up to `total`: each (day, duty) gets records of counts
    10, 11, 12, ... so that no two are alike (a duplicate would be a problem)."""
    out = list(records)
    all_days = list(days(date(2022, 4, 1), END))
    n = 0
    while len(out) < total:
        day = all_days[n % len(all_days)]
        duty = DUTIES[(n // len(all_days)) % len(DUTIES)]
        count = 10 + n // (len(all_days) * len(DUTIES))  # the year's own counts are below 10
        out.append(Activity(id=f"act-{day}-s{n:06d}", date=day, obligation=duty, count=count))
        n += 1
    return out


def write(size: str, out: Path, layout: str = "day-lines") -> int:
    rng = random.Random(20220401)
    ledger = out / "ledgers" / "haidian-hotline-2022"
    if out.exists():
        shutil.rmtree(out)
    shutil.copytree(ROOT / "contracts", out / "contracts")
    make_example.write(ledger, date(2022, 4, 1))  # the settings and roster files
    records = year_records(rng)
    if SIZES[size]:
        records = stress(records, SIZES[size])
    by_month: dict[str, list[Record]] = defaultdict(list)
    for r in records:
        by_month[f"{r.date:%Y-%m}"].append(r)
    for old in ledger.glob("????-??.yaml"):
        old.unlink()
    write_months(ledger, by_month, layout)
    return len(records)


def write_months(
    ledger: Path, by_month: dict[str, list[Record]], layout: str, name: str = "haidian-hotline-2022"
) -> None:
    """The month files in a layout: `day-lines` (what seatledger writes), or, for
    bench/layouts.py's comparison, `month` (no day lines) or `day-files` (one file a day)."""
    for month, items in sorted(by_month.items()):
        items.sort(key=lambda r: (r.date, r.kind, r.id))
        head = f"# {month}: records of {name}\n"
        if layout == "day-files":
            folder = ledger / month
            folder.mkdir(exist_ok=True)
            by_day: dict[date, list[Record]] = defaultdict(list)
            for r in items:
                by_day[r.date].append(r)
            for day, rs in by_day.items():
                (folder / f"{day}.yaml").write_text("".join(block(r) for r in rs), encoding="utf-8")
            continue
        blocks = [((r.date.isoformat(), r.kind, r.id), block(r)) for r in items]
        year_month = (int(month[:4]), int(month[5:])) if layout == "day-lines" else None
        (ledger / f"{month}.yaml").write_text(lay_out(head, blocks, year_month), encoding="utf-8")


if __name__ == "__main__":
    if len(sys.argv) != 3 or sys.argv[1] not in SIZES:
        raise SystemExit(__doc__)
    count = write(sys.argv[1], Path(sys.argv[2]))
    print(f"wrote {count} records to {sys.argv[2]}")
