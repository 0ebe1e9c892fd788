"""Canonical text of a record or a roster entry, as the record commands append it.

Written by hand rather than by a YAML dumper: the form is fixed (key order of the record
type, money as quoted two-decimal strings, ids in flow lists), so every append is one small
block of lines and a diff shows exactly that block.
"""

from __future__ import annotations

import json
import re
from datetime import date
from decimal import Decimal
from typing import Any

from seatledger.core.money import fmt
from seatledger.core.records import Person, Record

_PLAIN = re.compile(r"^[A-Za-z0-9][A-Za-z0-9_.-]*$")
_RESERVED = frozenset({"true", "false", "yes", "no", "on", "off", "null", "y", "n", "~"})


def scalar(value: Any) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, Decimal):
        return f'"{fmt(value)}"'
    if isinstance(value, int | date):
        return str(value)
    text = str(value)
    if _PLAIN.match(text) and text.lower() not in _RESERVED and not _looks_numeric(text):
        return text
    return json.dumps(text, ensure_ascii=False)


def _looks_numeric(text: str) -> bool:
    return bool(re.fullmatch(r"[-+]?[0-9._]+([eE][-+]?[0-9]+)?|0[xob][0-9a-fA-F_]+", text))


def _fields(item: Record | Person) -> list[tuple[str, Any]]:
    out: list[tuple[str, Any]] = []
    for name, value in zip(item._fields, item, strict=True):
        if name in ("source", "kind") or value is None or value == ():
            continue
        out.append((name, value))
    return out


def block(item: Record | Person) -> str:
    """The YAML lines of one list item, ending in a newline."""
    pairs = _fields(item)
    if not isinstance(item, Person):
        pairs.insert(1, ("kind", item.kind))
    lines = []
    for n, (name, value) in enumerate(pairs):
        lead = "- " if n == 0 else "  "
        if isinstance(value, tuple):
            rendered = "[" + ", ".join(scalar(v) for v in value) + "]"
        else:
            rendered = scalar(value)
        lines.append(f"{lead}{name}: {rendered}\n")
    return "".join(lines)
