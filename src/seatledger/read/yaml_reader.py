"""Safe YAML reading for contract and ledger files.

Built straight from libyaml's parse events: faster than any loader (issue 3 measured 0.06 s
against 0.93 s for 2,500 records), and every value keeps its line. Every scalar stays a
string, so no amount ever becomes a float; the models convert by field. Tags, anchors,
aliases and duplicate keys are refused rather than executed, expanded or merged.
"""

from __future__ import annotations

import os
import stat
from pathlib import Path
from typing import Any

from seatledger.core.errors import Problem
from seatledger.core.foreign import os_reason, yaml_problem
from seatledger.core.i18n import msg

MAX_FILE_BYTES = 32 * 1024 * 1024
_NULLS = frozenset({"", "~", "null", "Null", "NULL"})


class YMap(dict[str, Any]):
    """A mapping that remembers its own line and the line of each key (1-based)."""

    __slots__ = ("line", "lines")

    def __init__(self, line: int) -> None:
        super().__init__()
        self.line = line
        self.lines: dict[str, int] = {}


class YSeq(list[Any]):
    """A sequence that remembers the line of itself and of each item (1-based)."""

    __slots__ = ("line", "lines")

    def __init__(self, line: int) -> None:
        super().__init__()
        self.line = line
        self.lines: list[int] = []


class YamlError(Exception):
    def __init__(self, problem: Problem) -> None:
        super().__init__(problem.render())
        self.problem = problem


def chinese_legacy(data: bytes) -> bool:
    """Bytes that are not UTF-8 but read as GB18030 (GBK's superset, which Windows editors in
    China save by default), with at least one Chinese character among them."""
    try:
        text = data.decode("gb18030")
    except UnicodeDecodeError:
        return False
    return any("\u4e00" <= ch <= "\u9fff" for ch in text)


def read_text(path: Path) -> str:
    """The file as text, refusing oversized and non-UTF-8 files with the offending line."""
    return decode(read_bytes(path), path)


def not_regular(path: str | Path) -> str | None:
    """What `path` is when it exists and is not a regular file (a FIFO, a folder, a device,
    a socket), told from its status alone: opening a FIFO waits for a writer forever."""
    try:
        mode = os.stat(path).st_mode
    except OSError:
        return None
    if stat.S_ISREG(mode):
        return None
    if stat.S_ISDIR(mode):
        return msg("a folder")
    if stat.S_ISFIFO(mode):
        return msg("a FIFO (named pipe)")
    if stat.S_ISSOCK(mode):
        return msg("a socket")
    return msg("a device")


def not_regular_problem(path: str | Path, what: str) -> Problem:
    return Problem(
        str(path),
        0,
        "",
        msg(
            "is {what}, not a regular file, so it is not read; remove it and put the file back "
            "(e.g. `git checkout -- FILE`)",
            what=what,
        ),
    )


def read_bytes(path: str | Path) -> bytes:
    """The file's bytes, read with a bound (a device or a growing file never reads forever);
    an oversized or unreadable file, or one that is not a regular file (never opened), is a
    YamlError naming it."""
    what = not_regular(path)
    if what is not None:
        raise YamlError(not_regular_problem(path, what))
    try:
        # O_NONBLOCK: a FIFO put in the file's place since the check above is not waited on
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0))
        with os.fdopen(fd, "rb") as f:
            if not stat.S_ISREG(os.fstat(f.fileno()).st_mode):
                raise YamlError(not_regular_problem(path, msg("not a regular file")))
            data = f.read(MAX_FILE_BYTES + 1)
    except OSError as exc:
        raise YamlError(
            Problem(str(path), 0, "", msg("cannot read: {strerror}", strerror=os_reason(exc)))
        ) from exc
    if len(data) > MAX_FILE_BYTES:
        raise YamlError(
            Problem(
                str(path),
                0,
                "",
                msg(
                    "file is over {MAX_FILE_BYTES} bytes; the limit is {MAX_FILE_BYTES}",
                    MAX_FILE_BYTES=MAX_FILE_BYTES,
                ),
            )
        )
    return data


def decode(data: bytes, path: Path) -> str:
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = data.count(b"\n", 0, exc.start) + 1
        if chinese_legacy(data):
            raise YamlError(
                Problem(
                    str(path),
                    line,
                    "",
                    msg(
                        "saved as GBK/GB18030, not UTF-8; convert it with `seatledger to-utf8 {path}` "
                        "(or save it as UTF-8 in the editor)",
                        path=path,
                    ),
                )
            ) from exc
        raise YamlError(
            Problem(
                str(path), line, "", msg("not valid UTF-8 (byte {start}); save as UTF-8", start=exc.start)
            )
        ) from exc


def load_path(path: Path) -> Any:
    return load_text(read_text(path), str(path))


def load_text(text: str, filename: str) -> Any:  # noqa: C901
    """Parse one YAML document into YMap/YSeq/str/None; an empty file is None."""
    if text.startswith("\ufeff"):
        text = text[1:]
    if "<<<<<<< " in text or "\n=======" in text:
        for n, text_line in enumerate(text.splitlines(), 1):
            if text_line.startswith(("<<<<<<< ", ">>>>>>> ")) or text_line == "=======":
                raise YamlError(
                    Problem(
                        filename,
                        n,
                        "",
                        msg(
                            "a git conflict marker is left here; resolve the merge (keep the right "
                            "record), then check again"
                        ),
                        code="conflict-marker",
                    )
                )
    import yaml  # here, not at the top: a run whose files are all cached never parses YAML

    # Only the event stream is used; nothing is ever constructed or resolved.
    parser = getattr(yaml, "CSafeLoader", yaml.SafeLoader)(text)
    stack: list[Any] = []
    keys: list[str | None] = []
    root: Any = None
    documents = 0

    def fail(mark: Any, message: str, field: str = "") -> YamlError:
        return YamlError(Problem(filename, mark.line + 1, field, message))

    def add(value: Any, line: int) -> None:
        nonlocal root
        if not stack:
            root = value
            return
        top = stack[-1]
        if isinstance(top, YSeq):
            top.append(value)
            top.lines.append(line)
            return
        key = keys[-1]
        if key is None:
            if not isinstance(value, str):
                raise YamlError(Problem(filename, line, "", msg("a key must be a plain scalar")))
            if value in top:
                raise YamlError(
                    Problem(
                        filename,
                        line,
                        value,
                        msg(
                            "duplicate key {value!r} (first on line {lines}); keep one",
                            value=value,
                            lines=top.lines[value],
                        ),
                    )
                )
            keys[-1] = value
            top.lines[value] = line
        else:
            top[key] = value
            keys[-1] = None

    try:
        while True:
            event = parser.get_event()
            if event is None:
                break
            cls = type(event)
            if cls is yaml.ScalarEvent:
                line = event.start_mark.line + 1
                if event.anchor is not None:
                    raise fail(event.start_mark, msg("YAML anchors are not allowed in seatledger files"))
                if event.tag is not None:
                    raise fail(event.start_mark, msg("YAML tag {tag!r} is not allowed", tag=event.tag))
                value = event.value
                if not event.style and value in _NULLS:
                    add(None, line)
                else:
                    add(value, line)
            elif cls is yaml.MappingStartEvent or cls is yaml.SequenceStartEvent:
                if event.anchor is not None:
                    raise fail(event.start_mark, msg("YAML anchors are not allowed in seatledger files"))
                if event.tag is not None:
                    raise fail(event.start_mark, msg("YAML tag {tag!r} is not allowed", tag=event.tag))
                line = event.start_mark.line + 1
                node: Any = YMap(line) if cls is yaml.MappingStartEvent else YSeq(line)
                add(node, line)
                stack.append(node)
                keys.append(None)
            elif cls is yaml.MappingEndEvent or cls is yaml.SequenceEndEvent:
                stack.pop()
                keys.pop()
            elif cls is yaml.AliasEvent:
                raise fail(event.start_mark, msg("YAML aliases are not allowed in seatledger files"))
            elif cls is yaml.DocumentStartEvent:
                documents += 1
                if documents > 1:
                    raise fail(event.start_mark, msg("only one YAML document per file"))
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = mark.line + 1 if mark is not None else 0
        raise YamlError(
            Problem(
                filename,
                line,
                "",
                msg("YAML syntax: {value}", value=yaml_problem(exc.problem or exc.context)),
            )
        ) from exc
    except yaml.YAMLError as exc:
        raise YamlError(Problem(filename, 0, "", msg("YAML: {exc}", exc=yaml_problem(str(exc))))) from exc
    finally:
        parser.dispose()
    return root
