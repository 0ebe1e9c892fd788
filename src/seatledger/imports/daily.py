"""Rows of a daily report (DingTalk 每日统计, WeCom 打卡日报: one person and day a row) and of
a monthly summary (DingTalk 月度汇总: one person a row, one status word a day column) as
people seen on a date and shift."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator

from seatledger.core.i18n import msg
from seatledger.imports.clock import blank, parse_clock, parse_day, shift_at
from seatledger.imports.seen import RANK, Seen, Skipped, Where
from seatledger.imports.table import Table
from seatledger.read.import_rules import ImportRules

_DAY_HEADER = re.compile(r"(?:(\d{1,2})[-/])?(\d{1,2})(?:\D.*)?", re.S)
_ISO = re.compile(r"(\d{4})[-/年](\d{1,2})[-/月](\d{1,2})")


def _cell(row: tuple[str, ...], at: list[int] | None) -> str:
    if not at:
        return ""
    return row[at[0]] if at[0] < len(row) else ""


def _words(text: str, rules: ImportRules) -> list[str]:
    """The outcome words found in a cell, longest first so 严重迟到 is not read as 迟到."""
    found, rest = [], text
    for word in sorted(rules.outcomes, key=len, reverse=True):
        if word in rest:
            found.append(word)
            rest = rest.replace(word, " ")
    return found


def outcome_of(texts: list[str], approval: str, punched: bool, rules: ImportRules) -> tuple[str, str] | str:
    """(outcome, words), or the Msg saying which text no rule maps. An approval (leave,
    a punch correction) decides over the punch results; else the worst result word wins."""
    if approval and not blank(approval):
        words = _words(approval, rules)
        if words:
            return max((rules.outcomes[w] for w in words), key=RANK.__getitem__), approval
    words, unknown = [], []
    for text in texts:
        if blank(text):
            continue
        found = _words(text, rules)
        words += found
        if not found:
            unknown.append(text)
    if unknown:
        return msg(
            "{value!r} is not a word of the rules' outcomes ({values})",
            value=unknown[0],
            values=", ".join(rules.outcomes),
        )
    if not words:
        return ("present", "") if punched else (rules.missing, "")
    return max((rules.outcomes[w] for w in words), key=RANK.__getitem__), " ".join(words)


def _shift(name: str, first: tuple[int, int] | None, rules: ImportRules) -> str | None:
    if name and not blank(name):
        for word in sorted(rules.shifts, key=len, reverse=True):
            if word in name:
                return rules.shifts[word]
        return None  # a shift name the rules do not know: refused, never guessed
    if first is not None:
        return shift_at(first[1], rules.windows)
    return rules.default_shift


def _no_shift(name: str, rules: ImportRules) -> str:
    if name and not blank(name):
        return msg(
            "shift {value!r} is not in the rules' shifts ({values})",
            value=name,
            values=", ".join(rules.shifts),
        )
    return msg("no shift named and the first punch is near no shift's start in the rules' windows")


def _bad_date(text: str, rules: ImportRules) -> str:
    return msg(
        "date {value!r} is in none of the rules' date_formats ({values})",
        value=text,
        values=", ".join(rules.date_formats),
    )


def daily_rows(t: Table, rules: ImportRules) -> Iterator[Seen | Skipped]:
    cols = t.columns
    for n in range(t.header + 1, len(t.sheet.rows)):
        row = t.sheet.rows[n]
        where = Where(t.sheet.name, n + 1)
        person, day_text = _cell(row, cols.get("person")), _cell(row, cols.get("date"))
        if not any(row):
            continue  # a blank line between blocks is no row of data
        day = parse_day(day_text, rules)
        if person and day is None and not blank(day_text):  # a date the rules cannot read: never dropped
            yield Skipped(where, _bad_date(day_text, rules), True)
            continue
        if not person or day is None:
            yield Skipped(
                where, msg("no person or no date ({value!r}): not a data row", value=day_text or person)
            )
            continue
        first = parse_clock(_cell(row, cols.get("first")))
        last = parse_clock(_cell(row, cols.get("last")))
        shift = _shift(_cell(row, cols.get("shift")), first, rules)
        if shift is None:
            yield Skipped(where, _no_shift(_cell(row, cols.get("shift")), rules), True)
            continue
        texts = [row[i] for i in cols.get("status", []) if i < len(row)]
        decided = outcome_of(
            texts, _cell(row, cols.get("approval")), first is not None or last is not None, rules
        )
        if isinstance(decided, str):
            yield Skipped(where, decided, True)
        else:
            outcome = "rest" if shift == "rest" else decided[0]
            yield Seen(
                (where,), person, day, shift if shift != "rest" else rules.default_shift, outcome, decided[1]
            )


def _month(t: Table) -> tuple[int, int] | None:
    """The month of a monthly summary, from its title rows (统计日期：2022-10-01 至 ...)."""
    for row in t.sheet.rows[: t.header + 1]:
        for cell in row:
            found = _ISO.search(cell)
            if found:
                return int(found[1]), int(found[2])
    return None


def _day_columns(t: Table, at: int, year: int, month: int) -> dict[int, dt.date]:
    out = {}
    for i, head in enumerate(t.sheet.rows[at] if at < len(t.sheet.rows) else ()):
        found = _DAY_HEADER.fullmatch(head.strip())
        if not found or i in {c for at in t.columns.values() for c in at}:
            continue
        m, d = int(found[1] or month), int(found[2])
        try:
            out[i] = dt.date(year, m, d)
        except ValueError:
            continue
    return out


def monthly_rows(t: Table, rules: ImportRules) -> Iterator[Seen | Skipped]:
    month = _month(t)
    if month is None:
        yield Skipped(
            Where(t.sheet.name, 1), msg("no date in the title rows, so the month is not known"), True
        )
        return
    # the day numbers on the header row, or on the row below it (a merged 考勤结果 above them)
    at = t.header
    days = _day_columns(t, at, *month)
    if not days:
        at += 1
        days = _day_columns(t, at, *month)
    header = t.sheet.rows[at] if days else t.sheet.rows[t.header]
    for n in range(at + 1, len(t.sheet.rows)):
        row = t.sheet.rows[n]
        person = _cell(row, t.columns.get("person"))
        if not person:
            if any(row):
                yield Skipped(Where(t.sheet.name, n + 1), msg("no person: not a data row"))
            continue
        for i, day in days.items():
            where = Where(t.sheet.name, n + 1, header[i])
            text = row[i] if i < len(row) else ""
            if blank(text):
                yield Skipped(where, msg("no status for {day}", day=day))
                continue
            decided = outcome_of([text], "", False, rules)
            if isinstance(decided, str):
                yield Skipped(where, decided, True)
                continue
            shift = _shift(text, None, rules) or rules.default_shift
            yield Seen(
                (where,), person, day, rules.default_shift if shift == "rest" else shift, decided[0], text
            )
