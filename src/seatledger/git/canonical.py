"""The canonical form of a ledger file, which `fmt` writes and the merge driver produces.

Items in order (records by date, kind, id; the roster by id), keys in the order of their
type, money as quoted two-decimal strings, no blank lines between items. A comment on its
own line belongs to the item below it and moves with it; a comment at the end of a line is
kept on its own line above its item, so formatting never drops one.
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path
from typing import Any, NamedTuple

from seatledger.core.day_lines import day_of, lay_out
from seatledger.core.errors import Problem, SeatledgerError
from seatledger.core.i18n import Msg, msg
from seatledger.core.record_text import block
from seatledger.core.records import Person, Record, Source
from seatledger.core.text_lines import comment_block_start, in_ending, line_ending
from seatledger.read.fields import PERSON, FieldProblems, build, build_record
from seatledger.read.file_problems import MONTH_FILE
from seatledger.read.yaml_reader import YamlError, YMap, YSeq, load_text, read_text


class Item(NamedTuple):
    key: tuple[str, ...]  # the sort key
    id: str
    value: Record | Person
    comments: tuple[str, ...]  # own-line comments that travel with it, newline-terminated
    text: str  # its canonical block

    def render(self) -> str:
        return "".join(self.comments) + self.text


class ListFile(NamedTuple):
    kind: str  # "records" or "roster"
    preamble: tuple[str, ...]
    items: tuple[Item, ...]
    month: tuple[int, int] | None = None  # a month file's month: its day lines are written

    def render(self) -> str:
        return lay_out("".join(self.preamble), [(i.key, i.render()) for i in self.items], self.month)


def month_of(name: str) -> tuple[int, int] | None:
    found = MONTH_FILE.match(Path(name).name)
    return (int(found.group(1)), int(found.group(2))) if found else None


def _comment_of(line: str) -> str | None:
    """The comment at the end of a YAML line, outside quotes; None where there is none."""
    quote = None
    for n, ch in enumerate(line):
        if quote:
            if ch == quote and (quote == "'" or line[n - 1] != "\\"):
                quote = None
        elif ch in "\"'":
            quote = ch
        elif ch == "#" and (n == 0 or line[n - 1] in " \t"):
            return line[n:].rstrip("\n")
    return None


def kind_of(raw: Any, name: str) -> str:
    """Which kind of list file: told by its name where there is one, else by its content."""
    if name.endswith("roster.yaml"):
        return "roster"
    if isinstance(raw, YSeq) and raw and isinstance(raw[0], YMap) and "kind" not in raw[0]:
        return "roster"
    return "records"


def parse(text: str, name: str, kind: str | None = None) -> ListFile:  # noqa: C901
    """Split a list file into its preamble and items; SeatledgerError if any item is invalid,
    since a file cannot be put in order without reading every item."""
    try:
        raw = load_text(text, name)
    except YamlError as exc:
        raise SeatledgerError(msg("{name}: cannot be read", name=name), [exc.problem]) from None
    if raw is None:
        raw = YSeq(1)
    if not isinstance(raw, YSeq):
        raise SeatledgerError("", [Problem(name, 1, "", msg("expected a list of items"))])
    kind = kind or kind_of(raw, name)
    lines = text.splitlines(keepends=True)
    if lines and not lines[-1].endswith("\n"):
        lines[-1] += "\n"
    starts = [line - 1 for line in raw.lines]
    attached = [comment_block_start(lines, s) for s in starts]
    preamble = tuple(lines[: attached[0]]) if starts else tuple(line for line in lines if line.strip())
    items, problems = [], []
    for n, (value_raw, start) in enumerate(zip(raw, starts, strict=True)):
        end = attached[n + 1] if n + 1 < len(starts) else len(lines)
        comments = list(lines[attached[n] : start])
        for line in lines[start:end]:
            stripped = line.strip()
            if day_of(line) is not None:
                continue  # written again by render
            if stripped.startswith("#"):
                comments.append(stripped + "\n")
            elif "#" in line and (c := _comment_of(line)) is not None:  # most lines have none
                comments.append(c + "\n")
        source = Source(name, start + 1, value_raw.lines if isinstance(value_raw, YMap) else {})
        try:
            value = build(PERSON, value_raw, source) if kind == "roster" else build_record(value_raw, source)
        except FieldProblems as exc:
            problems += [Problem(name, source.line_of(f), f, m) for f, m in exc.errors]
            continue
        items.append(_item(value, tuple(comments)))
    if problems:
        raise SeatledgerError(msg("{name}: fix these before it can be put in order", name=name), problems)
    month = month_of(name) if kind == "records" else None
    return ListFile(kind, _trim(preamble), tuple(items), month)


def _item(value: Record | Person, comments: tuple[str, ...]) -> Item:
    if isinstance(value, Person):
        key: tuple[str, ...] = (value.id,)
    else:
        key = (value.date.isoformat(), value.kind, value.id)
    return Item(key, value.id, value, comments, block(value))


def _trim(preamble: tuple[str, ...]) -> tuple[str, ...]:
    kept = [line for line in preamble if line.strip() and day_of(line) is None]
    return tuple(kept)


def canonical_text(path: Path, text: str) -> str:
    """The canonical form, in the file's own line ending (a CRLF file stays CRLF)."""
    eol = line_ending(text)
    return in_ending(parse(text.replace("\r\n", "\n"), str(path)).render(), eol)


def canonical_changes(paths: Iterable[Path], refusal: Msg) -> dict[Path, str]:
    """The files whose canonical text differs, with that text. Every file is read first, so
    one that cannot be put in order refuses the whole command (`refusal`) before any write."""
    changes: dict[Path, str] = {}
    problems: list[Problem] = []
    for path in paths:
        try:
            text = read_text(path)
            wanted = canonical_text(path, text)
        except SeatledgerError as exc:
            problems += exc.problems or [Problem(str(path), 0, "", exc.message)]
            continue
        if wanted != text:
            changes[path] = wanted
    if problems:
        raise SeatledgerError(refusal, problems)
    return changes
