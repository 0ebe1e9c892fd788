"""Write the bundled example export, examples/exports/dingtalk-2022-10.xlsx: DingTalk's 考勤报表
for October 2022 over the example ledger's roster (S043, who left in August, still in it), as
tests/export_fixtures.py writes it.

    python scripts/make_export.py [--out FILE]
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))

import export_fixtures as fx  # noqa: E402  (tests/ is not a package)

ROSTER = ROOT / "ledgers" / "haidian-hotline-2022" / "roster.yaml"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=ROOT / "examples" / "exports" / "dingtalk-2022-10.xlsx")
    args = parser.parse_args()
    lines = ROSTER.read_text(encoding="utf-8").splitlines()
    ids = [ln.split(": ")[1] for ln in lines if ln.startswith("- id: ")]
    schedule = fx.october(ids, night=["S041", "S042"])
    args.out.parent.mkdir(parents=True, exist_ok=True)
    fx.dingtalk(args.out, schedule, {pid: f"员工{pid}" for pid in ids})
    print(args.out)


if __name__ == "__main__":
    main()
