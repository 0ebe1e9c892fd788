"""An export's rows as the attendance records the contract counts (rule 22), a pure function of
the export, its rules and the ledger: one record per date and shift that requires staff
(present count, absent ids), each noting its source, and every row accounted for: used,
skipped with its reason, or refused. People are matched by badge, then id; never guessed."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from typing import NamedTuple

from seatledger.core.i18n import msg
from seatledger.core.ledger import Ledger
from seatledger.core.records import Attendance, Person
from seatledger.core.results import Written
from seatledger.core.vocabulary import term
from seatledger.imports.daily import daily_rows, monthly_rows
from seatledger.imports.punches import punch_rows
from seatledger.imports.seen import Seen, Skipped, Where
from seatledger.imports.table import table
from seatledger.read.exports import Export
from seatledger.read.import_rules import ImportRules
from seatledger.rules.staffing import Requirements, calendar_for
from seatledger.rules.voids import live

LAYOUTS = {"daily": daily_rows, "monthly": monthly_rows, "punches": punch_rows}
Key = tuple[dt.date, str]


class Planned(NamedTuple):
    record: Attendance
    rows: tuple[Where, ...]
    action: str  # add, replace (an overlap: refused without --replace) or unchanged


class Plan(NamedTuple):
    file: str
    sha256: str
    profile: str
    records: list[Planned]
    used: int
    skipped: list[Skipped]
    refused: list[Skipped]


def _people(roster: Iterable[Person]) -> dict[str, Person]:
    people = {p.id: p for p in roster}
    people.update({p.badge: p for p in roster if p.badge})  # a badge wins over an id alike
    return people


class _Context(NamedTuple):
    people: dict[str, Person]
    required: Requirements
    first: dt.date
    last: dt.date


def _reason(seen: Seen, cx: _Context) -> str | None:
    """Why a person seen on a shift does not count, or None where they do."""
    person = cx.people.get(seen.person)
    if seen.outcome == "rest":
        return msg("a rest day ({words})", words=seen.words or "-")
    if person is None:
        return msg("{person!r} is not on the roster (no id or badge is {person})", person=seen.person)
    if not person.on_roster(seen.day):
        return msg("{id} is not on the roster on {day}", id=person.id, day=seen.day)
    if not cx.first <= seen.day <= cx.last:
        return msg(
            "{day} is outside {first}..{last}, where attendance is recorded",
            day=seen.day,
            first=cx.first,
            last=cx.last,
        )
    if cx.required.required(seen.day, seen.shift) == 0:
        return msg(
            "the contract requires no staff on {day}'s {shift} shift", day=seen.day, shift=term(seen.shift)
        )
    return None


def plan(export: Export, rules: ImportRules, ledger: Ledger) -> Plan:
    t = table(export, rules)
    records = live(ledger.records)
    c = ledger.contract
    cx = _Context(
        _people(ledger.roster),
        Requirements(c, calendar_for(c), records),
        max(ledger.meta.recorded_from, c.term.start),
        c.term.end,
    )
    recorded = {(r.date, r.shift): r for r in records if isinstance(r, Attendance)}
    withdrawn = {r.id for r in ledger.records} - {r.id for r in records}
    skipped: list[Skipped] = []
    refused: list[Skipped] = []
    shifts: dict[Key, dict[str, Seen]] = {}
    asks: dict[Key, Seen] = {}
    for item in LAYOUTS[rules.layout](t, rules):
        if isinstance(item, Skipped):
            (refused if item.refused else skipped).append(item)
            continue
        reason = _reason(item, cx)
        if reason is not None:
            skipped += [Skipped(w, reason) for w in item.where]
            continue
        key, pid = (item.day, item.shift), cx.people[item.person].id
        if item.outcome == "ask":
            asks.setdefault(key, item)
            skipped += [Skipped(w, _asked(item)) for w in item.where]
            continue
        seen = shifts.setdefault(key, {})
        if pid not in seen or item.outcome == "present":  # at work on any row: at work
            seen[pid] = item._replace(where=(*seen[pid].where, *item.where) if pid in seen else item.where)
    out, used = [], 0
    for key in sorted(shifts):
        rows = tuple(sorted(w for s in shifts[key].values() for w in s.where))
        if key in asks:
            first = asks[key].where[0]
            skipped += [Skipped(w, _held(key, first)) for w in rows]
            continue
        used += len(rows)
        out.append(_planned(export, key, shifts[key], rows, recorded, withdrawn))
    return Plan(str(export.path), export.sha256, rules.name, out, used, sorted(skipped), sorted(refused))


def _asked(seen: Seen) -> str:
    return msg(
        "{words}: the rules send it to ask; nothing is written for {day} {shift}",
        words=seen.words or msg("no punch and no status"),
        day=seen.day,
        shift=term(seen.shift),
    )


def _held(key: Key, asking: Where) -> str:
    return msg(
        "{day} {shift} is not written: {sheet} row {row} asks",
        day=key[0],
        shift=term(key[1]),
        sheet=asking.sheet,
        row=asking.row,
    )


def source_note(export: Export, rows: tuple[Where, ...]) -> str:
    """The record's source: file name, the file's sha256, sheet and rows (5-52,54)."""
    sheets = dict.fromkeys(w.sheet for w in rows)
    parts = [f"{sheet} rows {_ranges(sorted({w.row for w in rows if w.sheet == sheet}))}" for sheet in sheets]
    return f"imported from {export.path.name} sha256:{export.sha256} " + "; ".join(parts)


def _ranges(numbers: list[int]) -> str:
    out: list[str] = []
    start = prev = numbers[0]
    for n in [*numbers[1:], None]:
        if n is not None and n == prev + 1:
            prev = n
            continue
        out.append(str(start) if start == prev else f"{start}-{prev}")
        if n is not None:
            start = prev = n
    return ",".join(out)


def _planned(
    export: Export,
    key: Key,
    seen: dict[str, Seen],
    rows: tuple[Where, ...],
    recorded: dict[Key, Attendance],
    withdrawn: set[str],
) -> Planned:
    present = sum(1 for s in seen.values() if s.outcome == "present")
    absent = tuple(sorted(pid for pid, s in seen.items() if s.outcome != "present"))
    rid, n = f"att-{key[0]}-{key[1]}", 2
    while rid in withdrawn:  # a void freed the shift: att-<date>-<shift>-2, as record attendance does
        rid, n = f"att-{key[0]}-{key[1]}-{n}", n + 1
    rec = Attendance(rid, key[0], key[1], present, absent, source_note(export, rows))
    old = recorded.get(key)
    if old is None:
        return Planned(rec, rows, "add")
    rec = rec._replace(id=old.id)
    same = (old.present, tuple(old.absent), old.note) == (present, absent, rec.note)
    return Planned(rec, rows, "unchanged" if same else "replace")


class Imported(NamedTuple):
    """What an import did or, on a dry run, would do."""

    plans: list[Plan]
    written: list[Written]  # one a record added or replaced
    dry_run: bool
