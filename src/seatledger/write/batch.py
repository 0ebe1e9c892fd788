"""Many attendance records in one write (an import): each refused as `record attendance` would
refuse it (a shift already recorded, a closed quarter, the same rules as `check`), but the
ledger checked once with all of them, and each month file replaced whole once."""

from __future__ import annotations

from pathlib import Path

from seatledger.checks.ledger import ledger_problems
from seatledger.core.atomic import write_atomic
from seatledger.core.errors import Problem, SeatledgerError
from seatledger.core.i18n import msg
from seatledger.core.ledger import Ledger
from seatledger.core.record_text import block
from seatledger.core.records import Attendance, Source
from seatledger.core.results import Written
from seatledger.core.text_lines import comment_block_start, in_ending, line_ending
from seatledger.write.guard import refuse_broken_seals, refuse_standing
from seatledger.write.store import item_key, parse_items
from seatledger.write.writer import _refuse_new_problems, refuse_closed


def refuse_overlaps(ledger: Ledger, records: list[Attendance]) -> None:
    """A date and shift already recorded is refused, each named with its file and line."""
    by_id = {r.id: r for r in ledger.records}
    problems = [
        Problem(
            str(old.source.file),
            old.source.line,
            "",
            msg("{id} is already recorded (use --replace to rewrite it)", id=r.id),
            record=r.id,
        )
        for r in records
        if (old := by_id.get(r.id)) is not None
    ]
    if problems:
        raise SeatledgerError(
            msg("refused: {n} shifts are already recorded; nothing was written", n=len(problems)), problems
        )


def append_attendance(ledger: Ledger, records: list[Attendance], *, dry_run: bool = False) -> list[Written]:
    """Add or replace (an id already recorded) every record, or none."""
    for r in records:
        refuse_closed(ledger, r.date)
    by_id = {r.id: r for r in records}
    paths = {r.id: ledger.path / f"{r.date:%Y-%m}.yaml" for r in records}
    planned = [r._replace(source=Source(str(paths[r.id]), 0)) for r in records]
    others = [r for r in ledger.records if r.id not in by_id]
    trial = ledger._replace(records=tuple(sorted([*others, *planned], key=lambda r: r.date)))
    after = ledger_problems(trial)
    _refuse_new_problems(ledger.problems, after, msg("the import"))
    refuse_standing(ledger.problems, after)
    refuse_broken_seals(ledger, trial)
    out: list[Written] = []
    for path in sorted(set(paths.values())):
        mine = [r for r in records if paths[r.id] == path]
        text, actions = _month_text(path, mine)
        if not dry_run:
            write_atomic(path, text)
        lines = {ln.strip(): n for n, ln in enumerate(text.splitlines(), 1) if ln.startswith("- id: ")}
        out += [
            Written(r.id, path, lines.get(f"- id: {r.id}", 0), block(r), dry_run, actions[r.id]) for r in mine
        ]
    return out


def _month_text(path: Path, records: list[Attendance]) -> tuple[str, dict[str, str]]:
    """The month file with each record in canonical (date, kind, id) order, or in the place of
    the item with its id; every other byte kept."""
    text, items = parse_items(path)
    eol = line_ending(text)
    lines = text.splitlines(keepends=True)
    if lines and not lines[-1].endswith("\n"):
        lines[-1] += eol
    index = {item.get("id"): n for n, item in enumerate(items) if hasattr(item, "get")}
    keys = [item_key(item) for item in items]
    edits: list[tuple[int, int, tuple[str, str, str], str]] = []  # (from, to, key, text)
    actions = {}
    for r in records:
        key = (str(r.date), r.kind, r.id)
        text_r = in_ending(block(r), eol)
        n = index.get(r.id)
        if n is not None:
            start, end = _item_span(lines, items.lines, n)
            edits.append((start, end, key, text_r))
            actions[r.id] = "replaced"
            continue
        before = next((i for i, k in enumerate(keys) if k > key), None)
        at = len(lines) if before is None else comment_block_start(lines, items.lines[before] - 1)
        edits.append((at, at, key, text_r))
        actions[r.id] = "added"
    for start, end, _, new in sorted(edits, key=lambda e: (e[0], e[2]), reverse=True):
        lines[start:end] = [new]
    return "".join(lines), actions


def _item_span(lines: list[str], starts: list[int], n: int) -> tuple[int, int]:
    start = starts[n] - 1
    end = comment_block_start(lines, starts[n + 1] - 1) if n + 1 < len(starts) else len(lines)
    while end > start + 1 and not lines[end - 1].strip():
        end -= 1  # keep blank lines that separate items
    return start, end
