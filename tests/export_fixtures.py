"""Attendance exports shaped like the real ones (no public export with rows exists): DingTalk's
考勤报表 (每日统计 and 月度汇总 with title rows, text numbers, Chinese headers, `22-10-10 星期一`
dates; 原始记录 punches), WeCom's 打卡日报 and a punch clock's GBK CSV, all written from one
`Schedule` (who worked which shift each day, with which result), so a test can derive what the
contract counts from the schedule itself, not from the importer."""

from __future__ import annotations

import csv
import datetime as dt
import random
from pathlib import Path
from typing import NamedTuple

WEEKDAYS = "一二三四五六日"
AT_WORK = ("正常", "迟到", "早退")  # rule 23: at work; 旷工, leave and 休息 are not


class Day(NamedTuple):
    shift: str  # 白班, 夜班 or 休息
    result: str  # 正常, 迟到, 早退, 缺卡, 旷工, 休息
    approval: str = ""  # 事假 ..., 补卡


Schedule = dict[tuple[str, dt.date], Day]  # (badge as the export writes it, date)


def october(badges: list[str], night: list[str], seed: int = 7, first: int = 1, last: int = 31) -> Schedule:
    """Everyone on the day shift every day but `night`, who work nights; a few late, absent,
    on leave, one missing punch corrected by 补卡, and one night crossing midnight."""
    rng = random.Random(seed)
    out: Schedule = {}
    for d in range(first, last + 1):
        day = dt.date(2022, 10, d)
        for b in badges:
            shift = "夜班" if b in night else "白班"
            roll = rng.random()
            if roll < 0.03:
                out[b, day] = Day(shift, "旷工")
            elif roll < 0.06:
                out[b, day] = Day(shift, "旷工", "事假")
            elif roll < 0.10:
                out[b, day] = Day(shift, "迟到")
            elif roll < 0.11:
                out[b, day] = Day(shift, "缺卡", "补卡")
            else:
                out[b, day] = Day(shift, "正常")
    return out


def counted(
    schedule: Schedule, badge_to_id: dict[str, str]
) -> dict[tuple[dt.date, str], tuple[int, tuple[str, ...]]]:
    """What the contract counts from the schedule (rule 23), by (date, shift): present, absent."""
    out: dict[tuple[dt.date, str], tuple[int, list[str]]] = {}
    for (b, day), d in schedule.items():
        if d.shift == "休息" or b not in badge_to_id:
            continue
        shift = "night" if d.shift == "夜班" else "day"
        present, absent = out.setdefault((day, shift), (0, []))
        if d.result in AT_WORK or d.approval == "补卡":
            out[day, shift] = (present + 1, absent)
        else:
            absent.append(badge_to_id[b])
    return {k: (p, tuple(sorted(a))) for k, (p, a) in out.items()}


def _times(d: Day) -> tuple[str, str]:
    if d.shift == "夜班":
        start, end = ("18:21", "次日 09:01") if d.result == "迟到" else ("17:55", "次日 09:02")
    else:
        start, end = ("09:17", "18:03") if d.result == "迟到" else ("08:52", "18:05")
    if d.result in ("旷工", "休息"):
        return "", ""
    if d.result == "缺卡":
        return start, ""
    return start, end


def dingtalk(
    path: Path, schedule: Schedule, names: dict[str, str], departed: dict[str, str] | None = None
) -> Path:
    """A DingTalk 考勤报表 workbook: 月度汇总, 打卡时间, 原始记录, 每日统计, each under title rows;
    工号 stored as text. `departed`: people still in DingTalk but off the roster (badge: name)."""
    from openpyxl import Workbook

    wb = Workbook()
    days = sorted({d for _, d in schedule})
    span = f"统计日期：{days[0]} 至 {days[-1]}"
    people = {**names, **(departed or {})}
    daily = wb.active
    daily.title = "每日统计"
    daily.append([f"每日统计表 {span}"])
    daily.append(["报表生成时间：2022-11-01 10:00"])
    daily.append(
        [
            "姓名",
            "考勤组",
            "部门",
            "工号",
            "职位",
            "UserId",
            "日期",
            "班次",
            "上班1打卡时间",
            "上班1打卡结果",
            "下班1打卡时间",
            "下班1打卡结果",
            "关联的审批单",
        ]
    )
    for (b, day), d in sorted(schedule.items(), key=lambda x: (x[0][1], x[0][0])):
        first, last = _times(d)
        r1 = {"缺卡": "正常"}.get(d.result, d.result)
        r2 = {"迟到": "正常"}.get(d.result, d.result)
        approval = f"{d.approval} {day:%m-%d} 09:00到{day:%m-%d} 18:00" if d.approval else ""
        daily.append(
            [
                people.get(b, b),
                "12345热线",
                "话务部",
                b,
                "座席员",
                f"u{b}",
                f"{day:%y-%m-%d} 星期{WEEKDAYS[day.weekday()]}",
                f"{d.shift} 09:00-18:00" if d.shift == "白班" else d.shift,
                first,
                r1,
                last,
                r2,
                approval,
            ]
        )
    _monthly(wb.create_sheet("月度汇总"), schedule, people, span, days)
    wb.create_sheet("打卡时间").append(["打卡时间表", span])
    raw = wb.create_sheet("原始记录")
    raw.append([f"原始记录表 {span}"])
    raw.append(["姓名", "工号", "部门", "考勤日期", "打卡时间", "打卡结果", "打卡设备"])
    for day_, b, stamp in punches(schedule):
        raw.append(
            [people.get(b, b), b, "话务部", f"{day_:%Y-%m-%d}", f"{stamp:%Y-%m-%d %H:%M}", "正常", "考勤机1"]
        )
    wb.save(path)
    return path


def _monthly(ws: object, schedule: Schedule, people: dict[str, str], span: str, days: list[dt.date]) -> None:
    ws.append([f"月度汇总 {span}"])  # type: ignore[attr-defined]
    ws.append(["姓名", "考勤组", "部门", "工号", *[f"{d.day}\n{WEEKDAYS[d.weekday()]}" for d in days]])  # type: ignore[attr-defined]
    for b in sorted({b for b, _ in schedule}):
        cells = []
        for d in days:
            x = schedule.get((b, d))
            word = (
                ""
                if x is None
                else x.approval
                if x.approval and x.approval != "补卡"
                else ("正常" if x.approval == "补卡" else x.result)
            )
            cells.append(f"夜班{word}" if x is not None and x.shift == "夜班" else word)
        ws.append([people.get(b, b), "12345热线", "话务部", b, *cells])  # type: ignore[attr-defined]


def punches(schedule: Schedule) -> list[tuple[dt.date, str, dt.datetime]]:
    """Raw punches of the schedule: two a shift, one where a punch is missing; a night's
    second punch on the next morning."""
    out = []
    for (b, day), d in sorted(schedule.items()):
        first, last = _times(d)
        for t in (first, last):
            if not t:
                continue
            nxt = t.startswith("次日")
            hh, mm = t.split()[-1].split(":")
            stamp = dt.datetime.combine(day, dt.time(int(hh), int(mm))) + dt.timedelta(days=1 if nxt else 0)
            out.append((stamp.date(), b, stamp))
    return out


def wecom(path: Path, schedule: Schedule, names: dict[str, str]) -> Path:
    from openpyxl import Workbook

    wb = Workbook()
    ws = wb.active
    ws.title = "打卡日报"
    ws.append(
        [
            "日期",
            "姓名",
            "账号",
            "部门",
            "规则/班次",
            "打卡次数",
            "最早打卡",
            "最晚打卡",
            "异常",
            "假勤",
            "日期类型",
        ]
    )
    for (b, day), d in sorted(schedule.items(), key=lambda x: (x[0][1], x[0][0])):
        first, last = _times(d)
        anomaly = {"正常": "--", "缺卡": "缺卡1次"}.get(d.result, f"{d.result}1次")
        leave = d.approval or "--"
        kind = "休息日" if d.shift == "休息" else "工作日"
        ws.append(
            [
                day,  # WeCom writes real date and time cells, DingTalk text
                names.get(b, b),
                b,
                "话务部",
                d.shift,
                str(int(bool(first)) + int(bool(last))),
                dt.time(*map(int, first.split(":"))) if first else "",
                last.replace("次日 ", "次日"),
                anomaly,
                leave,
                kind,
            ]
        )
    wb.save(path)
    return path


def punch_csv(path: Path, schedule: Schedule, names: dict[str, str], encoding: str = "gbk") -> Path:
    with path.open("w", encoding=encoding, newline="") as f:
        w = csv.writer(f)
        w.writerow(["工号", "姓名", "日期", "时间", "设备"])
        for _, b, stamp in punches(schedule):
            w.writerow([b, names.get(b, b), f"{stamp:%Y-%m-%d}", f"{stamp:%H:%M:%S}", "前台考勤机"])
    return path
