"""Where a value was read: file, line and each field's line, so any figure can be traced to the
line it came from."""

from __future__ import annotations

from collections.abc import Mapping
from itertools import repeat
from operator import sub
from types import MappingProxyType
from typing import NamedTuple


class FieldLines(tuple[tuple[str, int], ...]):
    """Each field's line as an offset from the record's first line. Records of one shape
    share one value (`field_lines`): a dict per record was a third of the memory 100k records
    took, and most of their pickles."""

    __slots__ = ()


_SHAPES: dict[tuple[tuple[str, int], ...], FieldLines] = {}


def field_lines(line: int, lines: Mapping[str, int]) -> FieldLines:
    shape = tuple(zip(lines, map(sub, lines.values(), repeat(line)), strict=True))  # in C
    found = _SHAPES.get(shape)
    if found is None:
        found = _SHAPES[shape] = FieldLines(shape)
    return found


_IN_ORDER: dict[tuple[str, ...], FieldLines] = {}


def fields_in_order(names: tuple[str, ...]) -> FieldLines:
    """The field lines of a record whose fields sit on consecutive lines from its first."""
    found = _IN_ORDER.get(names)
    if found is None:
        found = _IN_ORDER[names] = field_lines(0, {name: at for at, name in enumerate(names)})
    return found


class Source(NamedTuple):
    file: str
    line: int
    fields: Mapping[str, int] | FieldLines = MappingProxyType({})  # the line of each field

    def line_of(self, name: str) -> int:
        """The line of one field, where the file gave it one; else the record's."""
        fields = self.fields
        if isinstance(fields, FieldLines):
            return next((self.line + at for field, at in fields if field == name), self.line)
        return fields.get(name, self.line)


NOWHERE = Source("", 0)
