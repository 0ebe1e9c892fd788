"""The record commands' one path to disk: check the new value against the contract and the
ledger with the same rules `check` uses, then insert it where it belongs.

Callers hold `store.ledger_lock` around loading and writing, so the ledger a write is
checked against is the one it lands in.
"""

from __future__ import annotations

import hashlib
import random
import secrets
from datetime import date
from pathlib import Path

from seatledger.checks.ledger import ledger_problems
from seatledger.checks.roster import roster_problems
from seatledger.core.atomic import write_atomic
from seatledger.core.day_lines import skeleton
from seatledger.core.errors import Problem, SeatledgerError
from seatledger.core.i18n import msg
from seatledger.core.ledger import Ledger, closed_quarters
from seatledger.core.periods import quarters_of
from seatledger.core.record_text import block, scalar
from seatledger.core.records import DECLARED, Attendance, Person, Record, Source
from seatledger.core.results import Written
from seatledger.read.closings_file import CLOSINGS_FILE
from seatledger.read.file_problems import old_layout, old_layout_message
from seatledger.read.ledger_files import META_FILE, ROSTER_FILE
from seatledger.read.yaml_reader import read_text
from seatledger.write.guard import errors, refuse_broken_seals, refuse_standing
from seatledger.write.store import (
    append_line_to_item,
    insert_before_line,
    insert_sorted,
    parse_items,
    person_key,
    replace_item,
)

ROSTER_HEAD = "# 人员名册：每人一条 · the roster: one entry per person\n\n"
GITIGNORE = "# seatledger 的锁和临时文件 · seatledger's lock and temporary files\n.seatledger.lock\n.*.tmp\n"


def content_id(record: Record) -> str:
    """`<kind>-<date>-<digest>` (rule 7): the digest of the fields that define the record (all
    but its id and note), so the same record entered twice, or on two branches, gets the same
    id and collides rather than counting twice. A genuine second one differs by `repeat`."""
    defining = "\n".join(
        f"{name}={value}"
        for name, value in zip(record._fields, record, strict=True)
        if name not in ("id", "note", "source")
    )
    digest = hashlib.sha256(defining.encode("utf-8")).hexdigest()[:6]
    return f"{DECLARED[record.kind].prefix}-{record.date}-{digest}"


def new_id(kind: str, day: date, taken: set[str], rng: random.Random | None = None) -> str:
    """`<kind>-<date>-<suffix>`, random: what ids were before they came from content; the
    example generator still draws them from its seeded generator."""
    prefix = DECLARED[kind].prefix
    while True:
        suffix = f"{rng.getrandbits(24):06x}" if rng is not None else secrets.token_hex(3)
        rid = f"{prefix}-{day}-{suffix}"
        if rid not in taken:
            return rid


def _new_problems(before: list[Problem], after: list[Problem]) -> list[Problem]:
    old = set(before)
    # Findings (gaps, warnings) never block a write; `check` shows them.
    return [_on_command_line(p) for p in after if p not in old and p.code != "gap" and p.severity == "error"]


def _refuse_new_problems(before: list[Problem], after: list[Problem], what: str) -> None:
    new = _new_problems(before, after)
    if new:
        raise SeatledgerError(
            msg("refused: {what} breaks the contract or the ledger; nothing was written", what=what), new
        )


def _on_command_line(p: Problem) -> Problem:
    """A problem of the record being written is the command line's, not a file line's."""
    if p.line != 0 or not p.field:
        return p
    return p._replace(file=msg("command line"), field="" if p.field == "id" else f"--{p.field}")


def refuse_closed(ledger: Ledger, day: date) -> None:
    """Record commands never write into a closed quarter (rule 12), nor anywhere while the
    closings cannot be read, since which quarters are closed is then unknown."""
    closings = str(ledger.path / CLOSINGS_FILE)
    broken = [p for p in ledger.problems if p.file == closings]
    if broken:
        raise SeatledgerError(
            msg(
                "refused: {closings} cannot be read, so it is not known which quarters "
                "are closed; fix it first; nothing was written",
                closings=closings,
            ),
            broken,
        )
    closed = closed_quarters(ledger.closings)
    for q in quarters_of(ledger.contract):
        if day in q and q.label in closed:
            raise SeatledgerError(
                msg(
                    "refused: {label} is closed ({value}:{line}); nothing was written. To "
                    "change it, reopen it first: seatledger reopen --quarter {label} "
                    '--reason "..."',
                    label=q.label,
                    value=ledger.path / CLOSINGS_FILE,
                    line=closed[q.label].line,
                )
            )


def append_record(ledger: Ledger, record: Record, *, replace: bool = False, dry_run: bool = False) -> Written:
    path = ledger.path / f"{record.date:%Y-%m}.yaml"
    old = next((r for r in ledger.records if r.id == record.id), None)
    if old is not None and not (replace and isinstance(record, Attendance)):
        if isinstance(record, Attendance):
            raise SeatledgerError(
                msg(
                    "refused: {id} is already recorded at {file}:{line} (use --replace to "
                    "rewrite it); nothing was written",
                    id=record.id,
                    file=old.source.file,
                    line=old.source.line,
                )
            )
        raise SeatledgerError(
            msg(
                "refused: the same {kind} as {id} ({file}:{line}) in every field but id "
                "and note is already recorded, so it would count twice; if it is a "
                "genuine second one, record it with --duplicate; nothing was written",
                kind=record.kind,
                id=old.id,
                file=old.source.file,
                line=old.source.line,
            )
        )
    refuse_closed(ledger, record.date)
    planned = record._replace(source=Source(str(path), 0))
    others = [r for r in ledger.records if r is not old]
    trial = ledger._replace(records=tuple(sorted([*others, planned], key=lambda r: r.date)))
    after = ledger_problems(trial)
    _refuse_new_problems(ledger.problems, after, record.id)
    refuse_standing(ledger.problems, after)
    refuse_broken_seals(ledger, trial)
    text = block(record)
    if path.exists() and old_layout(path, path.read_bytes()):
        raise SeatledgerError(old_layout_message(path))
    if old is not None:
        _, items = parse_items(path)
        index = next(n for n, raw in enumerate(items) if raw.get("id") == record.id)
        new_text, line = replace_item(path, index, text)
        action = "replaced"
    else:
        new_text, line = _insert(ledger, path, record, text)
        action = "added"
    if not dry_run:
        write_atomic(path, new_text)
    return Written(record.id, path, line, text, dry_run, action)


def _insert(ledger: Ledger, path: Path, record: Record, text: str) -> tuple[str, int]:
    """The month file with the record at its place in canonical order, under its day line (a
    new month file gets every day line first). Where the file read cleanly, the loaded records
    already say where each item starts, so the month is not parsed again (an append's cost
    then does not grow with the month)."""
    name = str(path)
    key = (str(record.date), record.kind, record.id)
    if not path.exists():
        new = skeleton(record.date.year, record.date.month, ledger.path.name)
        return insert_sorted(path, text, key, new_text=new)
    existing = read_text(path)
    if any(p.file == name and p.code != "gap" for p in ledger.problems):
        return insert_sorted(path, text, key)
    here = sorted((r for r in ledger.records if r.source.file == name), key=lambda r: r.source.line)
    if not here:  # an empty month (or one read under another name): parsing it costs nothing
        return insert_sorted(path, text, key)
    after = next((r for r in here if (str(r.date), r.kind, r.id) > key), None)
    return insert_before_line(existing, after.source.line if after else None, text, key[0])


def add_person(ledger: Ledger, person: Person, *, dry_run: bool = False) -> Written:
    path = ledger.path / ROSTER_FILE
    if any(p.id == person.id for p in ledger.roster):
        raise SeatledgerError(
            msg("refused: {id} is already on the roster; nothing was written", id=person.id)
        )
    trial = (*ledger.roster, person._replace(source=Source(str(path), 0)))
    _refuse_new_problems(
        roster_problems(ledger.contract, ledger.roster), roster_problems(ledger.contract, trial), person.id
    )
    _refuse_standing_roster(ledger, trial)
    text = block(person)
    new_text, line = insert_sorted(path, text, (person.id,), person_key)
    if not dry_run:
        write_atomic(path, new_text)
    return Written(person.id, path, line, text, dry_run)


def person_leaves(ledger: Ledger, person_id: str, day: date, *, dry_run: bool = False) -> Written:
    path = ledger.path / ROSTER_FILE
    person = next((p for p in ledger.roster if p.id == person_id), None)
    if person is None:
        raise SeatledgerError(
            msg("refused: {person_id!r} is not on the roster; nothing was written", person_id=person_id)
        )
    if person.left is not None:
        raise SeatledgerError(
            msg(
                "refused: {person_id} already left on {left} ({file}:{line}); nothing was written",
                person_id=person_id,
                left=person.left,
                file=person.source.file,
                line=person.source.line,
            )
        )
    if day <= person.joined:
        raise SeatledgerError(
            msg(
                "refused: {person_id} joined on {joined}; the leaving date must be after "
                "it; nothing was written",
                person_id=person_id,
                joined=person.joined,
            )
        )
    _refuse_standing_roster(ledger, tuple(p._replace(left=day) if p is person else p for p in ledger.roster))
    _refuse_broken_by_leaving(ledger, person, day)
    _, items = parse_items(path)
    index = next(n for n, raw in enumerate(items) if raw.get("id") == person_id)
    line_text = f"  left: {scalar(day)}\n"
    new_text, line = append_line_to_item(path, index, line_text)
    if not dry_run:
        write_atomic(path, new_text)
    return Written(person_id, path, line, line_text, dry_run, "updated")


def _refuse_broken_by_leaving(ledger: Ledger, person: Person, day: date) -> None:
    """A back-dated leave checks the records already written with the same rules as `check`:
    attendance or an incident after `day` that counts or names the person is refused, each
    record named, rather than accepted and every report refused after."""
    roster = tuple(p._replace(left=day) if p is person else p for p in ledger.roster)
    new = _new_problems(ledger_problems(ledger), ledger_problems(ledger._replace(roster=roster)))
    if new:
        records = ", ".join(dict.fromkeys(p.record for p in new if p.record))
        raise SeatledgerError(
            msg(
                "refused: {person_id} leaving on {day} breaks records already written ({records}); "
                "nothing was written",
                person_id=person.id,
                day=day,
                records=records,
            ),
            new,
        )


def _refuse_standing_roster(ledger: Ledger, roster: tuple[Person, ...]) -> None:
    """A roster write into a ledger with problems goes ahead only where it fixes one."""
    if errors(ledger.problems):
        refuse_standing(ledger.problems, ledger_problems(ledger._replace(roster=roster)))


def init_ledger(ledger_dir: Path, contract_id: str, recorded_from: date, *, dry_run: bool = False) -> Written:
    meta = ledger_dir / META_FILE
    if meta.exists():
        raise SeatledgerError(
            msg("refused: {ledger_dir} is already a ledger ({meta} exists)", ledger_dir=ledger_dir, meta=meta)
        )
    text = (
        f"# seatledger 台账设置 · ledger settings\ncontract: {contract_id}\n"
        f"recorded_from: {recorded_from}  # 自此日起应有考勤记录 · attendance is expected from this day on\n"
    )
    if not dry_run:
        ledger_dir.mkdir(parents=True, exist_ok=True)
        write_atomic(ledger_dir / ".gitignore", GITIGNORE)
        if not (ledger_dir / ROSTER_FILE).exists():
            write_atomic(ledger_dir / ROSTER_FILE, ROSTER_HEAD)
        write_atomic(meta, text)
    return Written(contract_id, meta, 1, text, dry_run, "created")
