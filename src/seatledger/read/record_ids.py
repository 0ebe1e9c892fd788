"""The ids a month file holds, each with its line, and the records its voids withdraw: all
the history audit (`git/audit.py`) compares. Read with the block reader, else libyaml; a file
neither can read (a truncated line, conflict markers) is scanned line by line for `- id:`,
so a damaged file still shows which records it keeps."""

from __future__ import annotations

import re
from typing import NamedTuple

from seatledger.read import block_reader
from seatledger.read.yaml_reader import YamlError, YMap, YSeq, load_text

_ID_LINE = re.compile(r"^- +id: *['\"]?([^'\"\s#]+)", re.MULTILINE)
_FIELD_LINE = re.compile(r"^(?:- +|  +)(kind|target): *['\"]?([^'\"\s#]*)")


class FileIds(NamedTuple):
    ids: dict[str, int]  # record id -> its line
    voided: frozenset[str]  # the ids this file's void records withdraw


EMPTY = FileIds({}, frozenset())


def file_ids(data: bytes, name: str) -> FileIds:
    """The ids in a month file's bytes and the targets of its voids."""
    text = data.decode("utf-8", "replace")
    try:
        items = block_reader.read(text) or load_text(text, name)
    except YamlError:
        return _scan(text)
    if items is None:
        return EMPTY
    if not isinstance(items, YSeq):
        return _scan(text)
    ids: dict[str, int] = {}
    voided = set()
    for item, line in zip(items, items.lines, strict=True):
        if not isinstance(item, YMap):
            continue
        rid = item.get("id")
        if isinstance(rid, str) and rid:
            ids.setdefault(rid, line)
        target = item.get("target")
        if item.get("kind") == "void" and isinstance(target, str):
            voided.add(target)
    return FileIds(ids, frozenset(voided))


def _scan(text: str) -> FileIds:
    """What a file that does not parse still holds: each `- id:` line, and each void's
    target."""
    ids: dict[str, int] = {}
    voided = set()
    kind = target = ""
    for number, line in enumerate(text.splitlines(), 1):
        found = _ID_LINE.match(line)
        if found:
            if kind == "void" and target:
                voided.add(target)
            kind = target = ""
            ids.setdefault(found.group(1), number)
            continue
        field = _FIELD_LINE.match(line)
        if field:
            kind, target = (field.group(2), target) if field.group(1) == "kind" else (kind, field.group(2))
    if kind == "void" and target:
        voided.add(target)
    return FileIds(ids, frozenset(voided))
