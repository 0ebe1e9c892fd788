"""Writing ledger files: one lock per ledger, and insertion that keeps every byte that was
there, comments included (files are replaced whole through `core.atomic`)."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from seatledger.core.atomic import TMP_SUFFIX
from seatledger.core.day_lines import day_of
from seatledger.core.errors import Problem, SeatledgerError
from seatledger.core.i18n import msg
from seatledger.core.text_lines import comment_block_start, in_ending, line_ending
from seatledger.read.ledger_files import LOCK_FILE
from seatledger.read.yaml_reader import (
    YamlError,
    YMap,
    YSeq,
    load_text,
    not_regular,
    not_regular_problem,
    read_text,
)


@contextmanager
def ledger_lock(ledger_dir: Path, timeout: float = 60) -> Iterator[None]:
    """Serialise writers. An OS lock (flock) is released by the kernel when its holder dies,
    so a killed writer never leaves a stale lock behind."""
    from filelock import FileLock, Timeout

    what = not_regular(ledger_dir / LOCK_FILE)
    if what is not None:  # a folder there: flock fails, or a FIFO: opening it waits forever
        raise SeatledgerError(
            msg("refused: the ledger lock cannot be taken; nothing was written"),
            [not_regular_problem(ledger_dir / LOCK_FILE, what)],
        )
    lock = FileLock(str(ledger_dir / LOCK_FILE), timeout=timeout)
    try:
        with lock:
            _sweep_temporaries(ledger_dir)
            yield
    except Timeout:
        raise SeatledgerError(
            msg(
                "{ledger_dir}: another seatledger command holds the ledger lock; try again when it is done",
                ledger_dir=ledger_dir,
            )
        ) from None


def _sweep_temporaries(ledger_dir: Path) -> None:
    # Under the lock no writer is alive, so any temporary file is a dead writer's.
    for tmp in ledger_dir.glob(f".*{TMP_SUFFIX}"):
        tmp.unlink(missing_ok=True)


def parse_items(path: Path) -> tuple[str, YSeq]:
    """A list file's text and its items, for finding where to insert."""
    try:
        text = read_text(path) if path.exists() else ""
        raw = load_text(text, str(path))
    except YamlError as exc:
        raise SeatledgerError(
            msg("cannot write into a file that does not parse; fix it first"), [exc.problem]
        ) from None
    if raw is None:
        return text, YSeq(1)
    if not isinstance(raw, YSeq):
        raise SeatledgerError("", [Problem(str(path), 1, "", msg("expected a list of records"))])
    return text, raw


def _day_end(lines: list[str], day: str | None) -> int | None:
    """The index of the first day line after `day`: a record of `day` goes above it, so
    records of different days never share an insertion point (`core.day_lines`)."""
    if day is None:
        return None
    return next((n for n, line in enumerate(lines) if (d := day_of(line)) is not None and d > day), None)


def _lines_of(text: str, eol: str) -> list[str]:
    lines = text.splitlines(keepends=True)
    if lines and not lines[-1].endswith("\n"):
        lines[-1] += eol
    return lines


def insert_block(
    text: str, items: YSeq, block: str, before: int | None, day: str | None = None
) -> tuple[str, int]:
    """`text` with `block` inserted before item number `before` (its comments included), or
    at the end, and never below the day line of a later day than `day`; returns the new text
    and the 1-based line where the block starts."""
    eol = line_ending(text)
    lines = _lines_of(text, eol)
    line = None if before is None or before >= len(items) else items.lines[before]
    return _insert_at(lines, line, in_ending(block, eol), day)


def insert_before_line(text: str, line: int | None, block: str, day: str | None = None) -> tuple[str, int]:
    """`text` with `block` inserted before the item that starts on `line` (1-based; its comments
    included), or at the end: the same as `insert_block`, for a caller that knows the line
    without parsing the file again."""
    eol = line_ending(text)
    return _insert_at(_lines_of(text, eol), line, in_ending(block, eol), day)


def _insert_at(lines: list[str], line: int | None, block: str, day: str | None) -> tuple[str, int]:
    at = len(lines) if line is None else comment_block_start(lines, line - 1)
    end = _day_end(lines, day)
    if end is not None and end < at:
        at = end
    lines[at:at] = [block]
    return "".join(lines), at + 1


def item_key(raw: Any) -> tuple[str, str, str]:
    if not isinstance(raw, YMap):
        return ("", "", "")
    return (str(raw.get("date") or ""), str(raw.get("kind") or ""), str(raw.get("id") or ""))


def person_key(raw: Any) -> tuple[str, ...]:
    return (str(raw.get("id") or ""),) if isinstance(raw, YMap) else ("",)


def insert_sorted(
    path: Path, block: str, key: tuple[str, ...], key_of: Any = item_key, new_text: str = ""
) -> tuple[str, int]:
    """The file with `block` at its place in canonical order: (date, kind, id) for records,
    id for the roster. A file that does not exist yet starts as `new_text`."""
    if path.exists():
        text, items = parse_items(path)
    else:
        text, items = new_text, YSeq(1)
    before = next((n for n, raw in enumerate(items) if key_of(raw) > key), None)
    return insert_block(text, items, block, before, key[0] if key_of is item_key else None)


def replace_item(path: Path, index: int, block: str) -> tuple[str, int]:
    """The file with item `index` (not its leading comments) replaced by `block`."""
    text, items = parse_items(path)
    block = in_ending(block, line_ending(text))
    lines = text.splitlines(keepends=True)
    start = items.lines[index] - 1
    end = comment_block_start(lines, items.lines[index + 1] - 1) if index + 1 < len(items) else len(lines)
    end = next((n for n in range(start + 1, end) if day_of(lines[n]) is not None), end)  # a day's end
    while end > start + 1 and not lines[end - 1].strip():
        end -= 1  # keep blank lines that separate items
    lines[start:end] = [block]
    return "".join(lines), start + 1


def append_line_to_item(path: Path, index: int, line: str) -> tuple[str, int]:
    """The file with `line` added as the last line of item `index` (roster `left:`)."""
    text, items = parse_items(path)
    eol = line_ending(text)
    line = in_ending(line, eol)
    lines = text.splitlines(keepends=True)
    if lines and not lines[-1].endswith("\n"):
        lines[-1] += eol
    end = comment_block_start(lines, items.lines[index + 1] - 1) if index + 1 < len(items) else len(lines)
    while end > items.lines[index] and not lines[end - 1].strip():
        end -= 1
    lines[end:end] = [line]
    return "".join(lines), end + 1
