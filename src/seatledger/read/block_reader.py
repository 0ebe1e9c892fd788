"""The month files as seatledger writes them, read without a YAML parser.

A cold read of 100k records spent 1.5 s in libyaml's events and the tree built from them, for
files that are nearly all of one shape: comments, blank lines, `- key: value` opening a record,
`  key: value` continuing it, each value a plain or simply quoted scalar or a flow list of
plain items. `read` takes a file only when every line is of that shape, and gives then exactly
what `yaml_reader.load_text` gives (values, nulls, lines; tested against it by hypothesis);
anything else (a block scalar, a nested mapping, an escape, a tab, a second document, a
duplicate key, a conflict marker...) returns None, and the file goes to the YAML parser, which
reads it or says precisely what is wrong."""

from __future__ import annotations

import re

from seatledger.read.yaml_reader import YMap, YSeq

_NULLS = frozenset({"", "~", "null", "Null", "NULL"})
# Characters a YAML file may hold, less tab and the line breaks this reader does not take.
_ODD = re.compile("[^\n\x20-\x7e\u00a0-\u2027\u202a-\ud7ff\ue000-\ufefe\uff00-\ufffd\U00010000-\U0010ffff]")
# A plain scalar that cannot be anything else: no indicator first, no ': ' or ' #' inside,
# no ':' at the end, no space at either end.
_PLAIN_TEXT = (
    r"[^-?:,\[\]{}#&*!|>'\"%@`\s][^:#\s]*(?:(?::(?! |$)|(?<! )#| (?=\S))[^:#\s]*)*"
    r"|-[0-9][0-9.]*|"
)
_PLAIN = re.compile(_PLAIN_TEXT)
_LINE = re.compile(r"(- |  )([a-z_][a-z0-9_]*):(?: (.*))?")
_PLAIN_LINE = re.compile(rf"(- |  )([a-z_][a-z0-9_]*): ({_PLAIN_TEXT})")  # most lines
# Every line, one match each: a `key: value` (its lead, key and value), or a blank or comment
# line (three empty groups), so a match's index is its line number.
_LINES = re.compile(
    rf"^(?:(- |  )([a-z_][a-z0-9_]*): ({_PLAIN_TEXT}|\"[^\"\\\\\n]*\"|'[^'\n]*'"
    r"|\[[^\[\]\n]*\]) *|#[^\n]*| *)$",
    re.MULTILINE,
)
_QUOTED = re.compile(r"\"([^\"\\]*)\"|'([^']*)'")
_FLOW = re.compile(r"\[(.*)\]")
_ITEM = re.compile(r"(?![-?:#&*!|>'\"%@`\s])[^\s,\[\]{}:#'\"]+(?: [^\s,\[\]{}:#'\"]+)*")


def read(text: str) -> YSeq | None:
    """The file's records as `load_text` would give them, or None to let it read the file."""
    if text.startswith("\ufeff"):
        text = text[1:]
    if "\r" in text:
        if "\r" in text.replace("\r\n", ""):
            return None
        text = text.replace("\r\n", "\n")
    if _ODD.search(text):
        return None
    found = _LINES.findall(text)
    if len(found) == text.count("\n") + 1:  # every line matched: one regex pass in C
        return _build(found)
    return _by_line(text.split("\n"))


class RowMap(YMap):
    """A record whose keys are on consecutive lines from its first: their lines follow from
    their order, so none is stored (a dict of lines per record was a fifth of reading)."""

    __slots__ = ()

    @property
    def lines(self) -> dict[str, int]:  # type: ignore[override]
        return {name: self.line + at for at, name in enumerate(self)}


def _build(found: list[tuple[str, str, str]]) -> YSeq | None:  # noqa: C901
    root: YSeq | None = None
    record: YMap | None = None
    nulls = _NULLS
    last = 0  # the line of the record's last key
    for number, (lead, key, value) in enumerate(found, 1):
        if not lead:
            continue  # blank or comment
        if lead == "- ":
            if root is None:
                root = YSeq(number)
            record = RowMap.__new__(RowMap)
            record.line = number
            root.append(record)
            root.lines.append(number)
        elif record is None or key in record:
            return None
        elif number != last + 1 and type(record) is RowMap:  # a comment or blank inside
            lines = record.lines
            record = YMap(record.line)
            record.update(root[-1])  # type: ignore[index]
            record.lines.update(lines)
            root[-1] = record  # type: ignore[index]
        last = number
        first = value[:1]
        got: object = value
        if first == '"' or first == "'":
            got = value[1:-1]
        elif first == "[":
            got = _value(value, number)
            if got is _NO:
                return None
        elif value in nulls:
            got = None
        record[key] = got
        if type(record) is not RowMap:
            record.lines[key] = number
    return root


def _by_line(lines: list[str]) -> YSeq | None:
    """Line by line, for a file with quoted values or lists."""
    root: YSeq | None = None
    record: YMap | None = None
    plain_line = _PLAIN_LINE.fullmatch
    for number, line in enumerate(lines, 1):
        if not line or line[0] == "#" or line.isspace():
            continue  # blank, or a comment: nothing to YAML either
        m = plain_line(line)
        if m is not None:
            lead, key, value = m.groups()
            if value in _NULLS:
                value = None
        else:
            m = _LINE.fullmatch(line)
            if m is None or m.group(3) is None:
                return None  # `key:` alone may open a nested block: the parser decides
            lead, key, raw = m.groups()
            value = _value(raw, number)
            if value is _NO:
                return None
        if lead == "- ":
            if root is None:
                root = YSeq(number)
            record = YMap(number)
            root.append(record)
            root.lines.append(number)
        elif record is None or key in record:
            return None
        record[key] = value
        record.lines[key] = number
    return root


_NO = object()


def _value(raw: str, line: int) -> object:
    if raw.endswith(" "):
        raw = raw.rstrip(" ")
    if _PLAIN.fullmatch(raw):
        return None if raw in _NULLS else raw
    quoted = _QUOTED.fullmatch(raw)
    if quoted:
        return quoted.group(1) if quoted.group(1) is not None else quoted.group(2)
    flow = _FLOW.fullmatch(raw)
    if flow:
        items = YSeq(line)
        inner = flow.group(1).strip(" ")
        if not inner:
            return items
        for item in inner.split(","):
            item = item.strip(" ")
            if not _ITEM.fullmatch(item):
                return _NO
            items.append(None if item in _NULLS else item)
            items.lines.append(line)
        return items
    return _NO
