"""Write the bundled example ledger, ledgers/haidian-hotline-2022/, deterministically.

    python scripts/make_example.py [--out DIR] [--until 2022-09-30]

A clerk's first two quarters (2022-04 to 2022-09): 48 staff by id, attendance for every
working day with a few shortfalls, night shifts and holiday duty under Party A's demands, a
handful of incidents (one withdrawn on appeal), the counted duties, payment requests,
invoices and payments. The same run always writes the same bytes.
"""

from __future__ import annotations

import argparse
import random
from collections import defaultdict
from datetime import date, timedelta
from pathlib import Path

from seatledger.core.dates import parse_date
from seatledger.core.day_lines import heading, lay_out
from seatledger.core.money import parse_amount
from seatledger.core.record_text import block
from seatledger.core.records import (
    Activity,
    Attendance,
    Demand,
    Incident,
    Invoice,
    Payment,
    Person,
    Record,
    ReplaceRequest,
    Request,
    Void,
)
from seatledger.core.workdays import days
from seatledger.read.contract_file import load_contract
from seatledger.rules.staffing import calendar_for
from seatledger.write.writer import GITIGNORE, new_id

ROOT = Path(__file__).resolve().parent.parent
CONTRACT = ROOT / "contracts" / "haidian-hotline-2022.yaml"
TERM_MONTHS = [(2022, m) for m in range(4, 13)] + [(2023, m) for m in range(1, 4)]
GROUPS = ("follow-up", "dispatch", "data", "supervision")

# (first day, last day, people on 24-hour duty): the State Council holidays of 2022.
HOLIDAY_DUTY = [
    (date(2022, 4, 3), date(2022, 4, 5), 4, "清明节值班"),
    (date(2022, 4, 30), date(2022, 5, 4), 4, "劳动节值班"),
    (date(2022, 6, 3), date(2022, 6, 5), 4, "端午节值班"),
    (date(2022, 9, 10), date(2022, 9, 12), 4, "中秋节值班"),
]
# Day-shift shortfalls: date -> absent staff.
SHORTFALLS = {
    date(2022, 5, 10): ("S012",),
    date(2022, 6, 21): ("S007", "S030"),
    date(2022, 7, 15): ("S018",),
    date(2022, 8, 22): ("S025", "S026", "S027"),
}
NIGHT_SHORT = {date(2022, 7, 28): ("S040",)}


def roster() -> list[Person]:
    people = [Person(id="PM01", role="project-manager", degree="master", joined=date(2022, 3, 1))]
    people += [
        Person(
            id=f"TL0{n + 1}", role="team-lead", group=GROUPS[n], degree="bachelor", joined=date(2022, 3, 1)
        )
        for n in range(4)
    ]
    for n in range(1, 44):
        degree = "master" if n % 10 == 0 else ("bachelor" if n <= 26 else "associate")
        people.append(
            Person(
                id=f"S{n:03d}",
                role="seat",
                group=GROUPS[n % 4],
                degree=degree,
                joined=date(2022, 3, 15),
                left=date(2022, 8, 1) if n == 43 else None,
            )
        )
    people.append(
        Person(
            id="S044",
            role="seat",
            group=GROUPS[44 % 4],
            degree="bachelor",
            joined=date(2022, 8, 1),
            note="replaces S043",
        )
    )
    return people


def records(until: date, rng: random.Random) -> list[Record]:
    contract = load_contract(CONTRACT)
    cal = calendar_for(contract)
    start = contract.term.start
    out: list[Record] = []
    taken: set[str] = set()

    def rid(kind: str, day: date) -> str:
        value = new_id(kind, day, taken, rng)
        taken.add(value)
        return value

    out.append(
        Demand(
            id=rid("demand", start),
            date=start,
            to=date(2022, 9, 30),
            shift="night",
            required=2,
            note="夜班 18:00-次日9:00，2 人",
        )
    )
    for first, last, people, note in HOLIDAY_DUTY:
        if first <= until:
            out.append(
                Demand(id=rid("demand", first), date=first, to=last, shift="duty", required=people, note=note)
            )
    duty_days = {d: n for first, last, n, _ in HOLIDAY_DUTY for d in days(first, last)}
    monday_seen: set[date] = set()
    for d in days(start, until):
        if cal.is_working(d):
            absent = SHORTFALLS.get(d, ())
            out.append(
                Attendance(id=f"att-{d}-day", date=d, shift="day", present=48 - len(absent), absent=absent)
            )
        night_absent = NIGHT_SHORT.get(d, ())
        out.append(
            Attendance(
                id=f"att-{d}-night", date=d, shift="night", present=2 - len(night_absent), absent=night_absent
            )
        )
        if d in duty_days:
            out.append(Attendance(id=f"att-{d}-duty", date=d, shift="duty", present=duty_days[d]))
        out.append(Activity(id=rid("activity", d), date=d, obligation="fire-inspection", count=3))
        week = d - timedelta(days=d.weekday())
        if cal.is_working(d) and week not in monday_seen:
            monday_seen.add(week)  # the week's first working day
            out.append(Activity(id=rid("activity", d), date=d, obligation="health-report"))
            out.append(Activity(id=rid("activity", d), date=d, obligation="weekly-training"))
            out.append(Activity(id=rid("activity", d), date=d, obligation="weibo-update", count=3))
        if (
            cal.is_working(d)
            and d.day >= 25
            and not any(
                isinstance(r, Activity)
                and r.obligation == "monthly-assessment"
                and (r.date.year, r.date.month) == (d.year, d.month)
                for r in out
            )
        ):
            out.append(Activity(id=rid("activity", d), date=d, obligation="monthly-assessment"))
    out.append(
        Activity(
            id=rid("activity", date(2022, 6, 15)),
            date=date(2022, 6, 15),
            obligation="fire-drill",
            note="上半期消防演练",
        )
    )

    appealed = Incident(
        id=rid("incident", date(2022, 8, 3)),
        date=date(2022, 8, 3),
        penalty="post-abandonment",
        staff=("S009",),
        note="巡查发现空岗",
    )
    out += [
        Incident(
            id=rid("incident", date(2022, 5, 18)),
            date=date(2022, 5, 18),
            penalty="post-abandonment",
            staff=("S020",),
            note="午间无故脱岗",
        ),
        Incident(
            id=rid("incident", date(2022, 6, 9)),
            date=date(2022, 6, 9),
            penalty="assessment-deduction",
            amount=parse_amount("2000"),
            ref="ZFHF-2022-06-031",
            note="政风行风考核扣分：回访记录不实",
        ),
        Incident(
            id=rid("incident", date(2022, 7, 6)),
            date=date(2022, 7, 6),
            penalty="fire-hazard-personal",
            amount=parse_amount("500"),
            staff=("S031",),
            note="插座上附着其他物品（第5项）",
        ),
        appealed,
        Void(
            id=rid("void", appealed.date),
            date=appealed.date,
            target=appealed.id,
            reason="乙方申诉成立：该员当日经批准外出核实",
        ),
        Incident(
            id=rid("incident", date(2022, 8, 16)),
            date=date(2022, 8, 16),
            penalty="assessment-deduction",
            amount=parse_amount("5000"),
            ref="SZFW-2022-08-112",
            note="市政服务管理局考核扣分：派单错误",
        ),
        Incident(
            id=rid("incident", date(2022, 9, 7)),
            date=date(2022, 9, 7),
            penalty="post-abandonment",
            count=2,
            staff=("S014", "S015"),
            note="两人同时空岗",
        ),
    ]
    out.append(
        ReplaceRequest(
            id=rid("replace-request", date(2022, 7, 15)),
            date=date(2022, 7, 15),
            staff=("S043",),
            note="甲方要求调整：S043 不适应岗位",
        )
    )
    money = parse_amount("1641000")
    out += [
        Request(id=rid("request", date(2022, 4, 6)), date=date(2022, 4, 6), instalment=1),
        Invoice(id=rid("invoice", date(2022, 4, 8)), date=date(2022, 4, 8), instalment=1, amount=money),
        Payment(id=rid("payment", date(2022, 4, 26)), date=date(2022, 4, 26), instalment=1, amount=money),
        Request(id=rid("request", date(2022, 7, 1)), date=date(2022, 7, 1), instalment=2),
        Invoice(id=rid("invoice", date(2022, 7, 5)), date=date(2022, 7, 5), instalment=2, amount=money),
        Payment(
            id=rid("payment", date(2022, 8, 5)),
            date=date(2022, 8, 5),
            instalment=2,
            amount=parse_amount("1000000"),
            note="部分付款",
        ),
        Payment(
            id=rid("payment", date(2022, 8, 24)),
            date=date(2022, 8, 24),
            instalment=2,
            amount=parse_amount("641000"),
            excused="fiscal-allocation",
            note="财政拨款延迟，余款",
        ),
        Request(
            id=rid("request", date(2022, 9, 26)),
            date=date(2022, 9, 26),
            instalment=3,
            note="提前提交，按 10 月 1 日起算",
        ),
    ]
    return [r for r in out if r.date <= until]


def write(out_dir: Path, until: date) -> None:
    rng = random.Random(20220401)
    out_dir.mkdir(parents=True, exist_ok=True)
    for old in out_dir.glob("????-??.yaml"):
        old.unlink()
    (out_dir / ".gitignore").write_text(GITIGNORE, encoding="utf-8")
    (out_dir / "ledger.yaml").write_text(
        "# seatledger 台账设置 · ledger settings\ncontract: haidian-hotline-2022\n"
        "recorded_from: 2022-04-01  # 自此日起应有考勤记录 · attendance is expected from this day on\n",
        encoding="utf-8",
    )
    people = sorted(roster(), key=lambda p: p.id)
    (out_dir / "roster.yaml").write_text(
        "# 人员名册：每人一条（示例只有工号，不含姓名）· the roster: one entry per person (ids only; "
        "names are kept off the example)\n\n" + "".join(block(p) for p in people),
        encoding="utf-8",
    )
    by_month: dict[str, list[Record]] = defaultdict(list)
    for r in records(until, rng):
        by_month[f"{r.date:%Y-%m}"].append(r)
    for year, month in TERM_MONTHS:  # every month of the term, with its day lines (`migrate`)
        name = f"{year}-{month:02d}"
        blocks = [((r.date.isoformat(), r.kind, r.id), block(r)) for r in by_month[name]]
        (out_dir / f"{name}.yaml").write_text(
            lay_out(heading(year, month, "haidian-hotline-2022"), blocks, (year, month)), encoding="utf-8"
        )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=ROOT / "ledgers" / "haidian-hotline-2022")
    parser.add_argument("--until", type=parse_date, default=date(2022, 9, 30))
    args = parser.parse_args()
    write(args.out, args.until)
    print(f"wrote {args.out}")


if __name__ == "__main__":
    main()
