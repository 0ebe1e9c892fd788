"""Dates and clock times as attendance exports write them: `22-10-10 星期一`, `2022/10/10`,
`08:57`, `次日 09:02` (the next day, on a shift that crosses midnight), `2022-10-10 08:57:00`."""

from __future__ import annotations

import datetime as dt
import re
from functools import lru_cache

from seatledger.read.import_rules import ImportRules, Window

_CLOCK = re.compile(r"(次日|次晨)?\s*(\d{1,2}):(\d{2})(?::\d{2})?")
_BLANK = frozenset({"", "-", "--", "—", "未打卡", "无"})
DAY = 24 * 60


@lru_cache(maxsize=4096)
def _parse_day(text: str, formats: tuple[str, ...]) -> dt.date | None:
    token = text.strip().split()[0] if text.strip() else ""
    for fmt in formats:
        try:
            return dt.datetime.strptime(token, fmt).date()
        except ValueError:
            continue
    return None


def parse_day(text: str, rules: ImportRules) -> dt.date | None:
    """The date in a cell, its weekday and any time after it left aside."""
    return _parse_day(text, rules.date_formats)


def blank(text: str) -> bool:
    return text.strip() in _BLANK


@lru_cache(maxsize=8192)
def parse_clock(text: str) -> tuple[int, int] | None:
    """(days after the row's date, minutes after midnight), or None where no time is given."""
    if blank(text):
        return None
    found = _CLOCK.search(text)
    if found is None:
        return None
    minutes = int(found[2]) * 60 + int(found[3])
    return (1 if found[1] else 0), minutes


def shift_at(minutes: int, windows: dict[str, Window]) -> str | None:
    """The shift whose start is nearest the first punch, within 2 h before to 4 h after it."""
    best: tuple[int, str] | None = None
    for shift, w in windows.items():
        after = (minutes - w.start) % DAY
        distance = after if after <= 4 * 60 else DAY - after if DAY - after <= 2 * 60 else None
        if distance is not None and (best is None or distance < best[0]):
            best = (distance, shift)
    return best[1] if best else None


def length(w: Window) -> int:
    return (w.end - w.start) % DAY or DAY
