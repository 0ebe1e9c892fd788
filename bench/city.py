"""A city's portfolio for the benchmarks (issue 24): 16 districts x 10 contract-years, each a
full, valid contract year as `generate.py year` writes it (about 1,900 records), so about
300,000 records in 160 ledgers. Every contract-year has its own id, Party A and random seed
(its month files differ byte for byte), on the seed contract's term: the working-day calendar
the tool ships covers that term, and the density, not the year, is what the jobs measure.

    python bench/city.py OUT          # write the city
    python bench/bench.py --sizes city --runs 1
"""

from __future__ import annotations

import random
import shutil
import sys
from collections import defaultdict
from collections.abc import Callable
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "bench"))

import generate  # noqa: E402

from seatledger.core.records import Record  # noqa: E402

DISTRICTS = 16
YEARS = 10
SEED_ID = "haidian-hotline-2022"


def ids(districts: int = DISTRICTS, years: int = YEARS) -> list[tuple[int, int, str]]:
    return [
        (d, y, f"d{d:02d}-hotline-y{y:02d}") for d in range(1, districts + 1) for y in range(1, years + 1)
    ]


def write_city(out: Path, districts: int = DISTRICTS, years: int = YEARS) -> int:
    if out.exists():
        shutil.rmtree(out)
    (out / "contracts").mkdir(parents=True)
    seed = (ROOT / "contracts" / f"{SEED_ID}.yaml").read_text(encoding="utf-8")
    total = 0
    for d, y, cid in ids(districts, years):
        text = seed.replace(f"id: {SEED_ID}", f"id: {cid}").replace(
            "海淀区城市管理指挥中心", f"第{d:02d}区城市管理指挥中心"
        )
        (out / "contracts" / f"{cid}.yaml").write_text(text, encoding="utf-8")
        total += _ledger(out / "ledgers" / cid, cid, random.Random(d * 1000 + y))
    return total


def _ledger(ledger: Path, cid: str, rng: random.Random) -> int:
    generate.make_example.write(ledger, generate.END)  # settings and roster
    meta = ledger / "ledger.yaml"
    meta.write_text(meta.read_text(encoding="utf-8").replace(SEED_ID, cid), encoding="utf-8")
    for old in ledger.glob("????-??.yaml"):
        old.unlink()
    records = generate.year_records(rng)
    by_month: dict[str, list[Record]] = defaultdict(list)
    for r in records:
        by_month[f"{r.date:%Y-%m}"].append(r)
    # The layout the tool writes (`init`, `migrate`): a day line for every day of each month.
    generate.write_months(ledger, by_month, "day-lines", cid)
    return len(records)


def jobs(project: Path, cache: Path, seatledger: list[str], py: str, job: Callable[..., Any]) -> list[Any]:
    cold = cache / "cold-city"

    def clear() -> None:
        shutil.rmtree(cold, ignore_errors=True)

    def clear_export() -> None:  # an export over an earlier one keeps its unchanged contracts
        clear()
        (project / "city.db").unlink(missing_ok=True)

    edited = project / "ledgers" / "d01-hotline-y01" / "2022-10.yaml"
    original = edited.read_text(encoding="utf-8")
    count = [0]

    def edit() -> None:  # one month of one contract changes before each export
        count[0] += 1
        edited.write_text(
            original + "- id: act-2022-10-31-bench\n  kind: activity\n  date: 2022-10-31\n"
            f"  obligation: weekly-training\n  count: {100 + count[0]}\n",
            encoding="utf-8",
        )

    portfolio = [*seatledger, "portfolio", "--as-of", "2023-03-31", "--format", "json"]
    export = [*seatledger, "export", "--sqlite", str(project / "city.db"), "--as-of", "2023-03-31"]
    events = "import sys, yaml\nfrom pathlib import Path\n" + (
        "for p in sorted(Path(sys.argv[1]).glob('*/*.yaml')) + sorted(Path(sys.argv[2]).glob('*.yaml')):\n"
        "    for _ in yaml.parse(p.read_bytes(), Loader=yaml.CSafeLoader):\n        pass\n"
    )
    return [
        job("portfolio city, warm", portfolio, project),
        job("portfolio city, cold", ["env", f"SEATLEDGER_CACHE={cold}", *portfolio], project, clear),
        job(
            "libyaml events city",
            [py, "-c", events, str(project / "ledgers"), str(project / "contracts")],
            project,
        ),
        job("export city, cold", ["env", f"SEATLEDGER_CACHE={cold}", *export], project, clear_export),
        job("export city, a month edited", export, project, edit),
    ]


def targets(medians: dict[str, Any], bare: float) -> list[tuple[str, float, float]]:
    cold = medians["portfolio city, cold"].cpu
    return [
        ("portfolio city warm <= 3x import", medians["portfolio city, warm"].cpu / bare, 3.0),
        ("portfolio city cold <= 2x libyaml events", cold / medians["libyaml events city"].cpu, 2.0),
        ("portfolio city peak <= 300 MiB", max(medians["portfolio city, warm"].rss_mib,
                                               medians["portfolio city, cold"].rss_mib), 300.0),
        ("export city cold <= 2x cold portfolio", medians["export city, cold"].cpu / cold, 2.0),
        ("export, a month edited <= 3x import", medians["export city, a month edited"].cpu / bare, 3.0),
    ]  # fmt: skip


if __name__ == "__main__":
    if len(sys.argv) != 2:
        raise SystemExit(__doc__)
    print(f"wrote {write_city(Path(sys.argv[1]))} records to {sys.argv[1]}")
