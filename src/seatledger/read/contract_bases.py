"""A contract that extends a shared base (a template): `extends: hotline-base` (the file
`_base/hotline-base.yaml` beside the contracts) or `extends: <path>` (relative to the file).
A base may extend another. The contract's keys override the base's: mappings merge key by
key, at any depth; any other value, a list included, replaces the base's whole (a list item
cannot be merged by position without guessing which item it means). The merged mapping is then
validated as one contract, and every key remembers the file it came from, so a problem names
the file and line of whichever file holds the bad value. A base alone is not a contract:
discovery reads `contracts/*.yaml` only, never `contracts/_base/`."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

from seatledger.core.errors import Problem, SeatledgerError
from seatledger.core.i18n import msg
from seatledger.read import cache
from seatledger.read.yaml_reader import YamlError, YMap, YSeq, load_path, load_text, read_bytes

EXTENDS = "extends"
BASES = "_base"  # the folder of shared bases, beside the contract files
_EXTENDS_LINE = re.compile(rb"^extends\s*:", re.M)


class Merged(YMap):
    """A merged mapping: each key's line, and the file that line is in."""

    __slots__ = ("files",)

    def __init__(self, line: int) -> None:
        super().__init__(line)
        self.files: dict[str, str] = {}


def extends(data: bytes) -> bool:
    """Whether a contract's bytes name a base (a top-level `extends:` line)."""
    return _EXTENDS_LINE.search(data) is not None


def base_path(path: Path, value: str) -> Path:
    """The file `extends: value` in `path` names."""
    if "/" in value or value.endswith((".yaml", ".yml")):
        return path.parent / value
    folder = path.parent if path.parent.name == BASES else path.parent / BASES
    return folder / f"{value}.yaml"


def is_base(path: Path) -> bool:
    return path.parent.name == BASES


def _fail(name: str, line: int, message: str) -> SeatledgerError:
    return SeatledgerError(
        msg("{name}: the contract is not valid", name=name), [Problem(name, line, EXTENDS, message)]
    )


def chain(path: Path, raw: Any) -> list[tuple[str, YMap]]:
    """The contract and every base it extends, nearest first, each as read; a missing base, a
    cycle, a base that is not a mapping or an `extends` that is not a name is a problem at the
    `extends:` line that names it."""
    out: list[tuple[str, YMap]] = []
    seen: list[Path] = []
    name = str(path)
    while True:
        if not isinstance(raw, YMap):
            raise SeatledgerError("", [Problem(name, 1, "", msg("a contract is a mapping of fields"))])
        out.append((name, raw))
        seen.append(path.resolve())
        value = raw.get(EXTENDS)
        if value is None:
            return out
        line = raw.lines.get(EXTENDS, raw.line)
        if not isinstance(value, str) or not value.strip():
            raise _fail(name, line, msg("names a base: a template's name in _base/ or a file path"))
        base = base_path(path, value.strip())
        if base.resolve() in seen:
            cycle = " -> ".join(p.name for p in (*seen, base))
            raise _fail(name, line, msg("extends itself through {cycle}; break the cycle", cycle=cycle))
        if not base.is_file():
            raise _fail(
                name,
                line,
                msg(
                    "{base}: no such base; a name means {folder}/<name>.yaml, a path is relative "
                    "to this file",
                    base=base,
                    folder=base_path(path, "x").parent,
                ),
            )
        try:
            raw = load_path(base)
        except YamlError as exc:
            cannot = msg("{name}: cannot read the contract", name=str(base))
            raise SeatledgerError(cannot, [exc.problem]) from None
        path, name = base, str(base)


def merge(base: YMap, base_name: str, over: YMap, over_name: str) -> Merged:
    """`over`'s keys over `base`'s: mappings merged key by key, anything else replaced whole."""
    out = Merged(over.line)
    for key in (*base, *(k for k in over if k not in base)):
        if key == EXTENDS:
            continue
        mine, theirs = over.get(key), base.get(key)
        if key in over and isinstance(mine, YMap) and isinstance(theirs, YMap):
            value: Any = merge(theirs, _file(base, key, base_name), mine, _file(over, key, over_name))
            out.files[key] = over_name
            out.lines[key] = over.lines[key]
        elif key in over:
            value = mine
            out.files[key], out.lines[key] = _file(over, key, over_name), over.lines[key]
        else:
            value = theirs
            out.files[key], out.lines[key] = _file(base, key, base_name), base.lines[key]
        out[key] = value
    return out


def _file(node: YMap, key: str, name: str) -> str:
    return node.files.get(key, name) if isinstance(node, Merged) else name


def resolved(path: Path, raw: Any) -> tuple[Any, tuple[Path, ...]]:
    """The contract merged over its bases, and the base files read."""
    found = chain(path, raw)
    name, merged = found[-1]
    for over_name, over in reversed(found[:-1]):
        merged = merge(merged, name, over, over_name)
        name = over_name
    return merged, tuple(Path(n) for n, _raw in found[1:])


def sources(path: Path, data: bytes) -> tuple[Path, ...]:
    """The bases a contract's bytes extend, nearest first; () when it extends none. Raises
    YamlError or SeatledgerError where one cannot be read."""
    if not extends(data):
        return ()
    from seatledger.read.yaml_reader import decode

    return resolved(path, load_text(decode(data, path), str(path)))[1]


def key(path: Path, data: bytes, bases: tuple[Path, ...]) -> str:
    """The cache key of a contract and its bases: every file's name and bytes."""
    parts = [data] + [str(b).encode("utf-8") + b"\0" + read_bytes(b) for b in bases]
    return cache.digest(b"\0\0".join(parts))


def where(raw: Any, loc: tuple[Any, ...], name: str) -> tuple[str, int]:
    """The file and line of the deepest node of `raw` that `loc` reaches."""
    line = getattr(raw, "line", 0)
    node = raw
    for part in loc:
        if isinstance(node, YMap) and part in node:
            if isinstance(node, Merged):
                name = node.files.get(part, name)
            line = node.lines.get(part, line)
            node = node[part]
        elif isinstance(node, YSeq) and isinstance(part, int) and 0 <= part < len(node):
            line = node.lines[part]
            node = node[part]
        else:
            break
    return name, line
