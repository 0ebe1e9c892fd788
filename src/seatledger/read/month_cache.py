"""A cache of each ledger file's built values (a month's records, the roster, the settings), so
that an unchanged ledger is not parsed again.

Reading is most of a run: on a full year, parsing YAML and building records cost several times
the rest of `check`. Each month file's result (its records and the problems met building them)
is pickled, per user, under a key made of the file's bytes and the code that read them, so the
same bytes anywhere (a revision `diff` exported to a temporary folder) are a hit; the records
are then given the path they were read from. A hit needs the same key inside the entry, this
user's ownership and the expected types; anything else (a stale, torn, foreign or unreadable
entry) is ignored and rebuilt. Entries are written whole and renamed into place, so concurrent
runs never see half of one; past `KEEP` entries the oldest are removed. `SEATLEDGER_NO_CACHE=1`
turns it off.
"""

from __future__ import annotations

import hashlib
import os
import pickle
from functools import cache
from pathlib import Path
from typing import Any

from seatledger import __version__
from seatledger.core.atomic import write_atomic_bytes
from seatledger.core.errors import Problem
from seatledger.core.records import KINDS, LedgerMeta, Person, Record, Source
from seatledger.read.contract_file import cache_dir

_PACKAGE = Path(__file__).resolve().parent.parent
Entry = tuple[list[Record], list[Problem]]


@cache
def code_key() -> bytes:
    """The code that turns a file into records: the read and core layers and the version."""
    digest = hashlib.sha256(__version__.encode())
    for path in sorted([*(_PACKAGE / "read").glob("*.py"), *(_PACKAGE / "core").glob("*.py")]):
        digest.update(hashlib.sha256(path.read_bytes()).digest())
    return digest.digest()


KEEP = 400  # entries: a year's months, many times over


def _entry_path(key: bytes) -> Path | None:
    folder = cache_dir()
    return None if folder is None else folder / "months" / f"{key.hex()[:40]}.pickle"


def key_of(path: Path, data: bytes, kind: str = "month") -> bytes:
    """The key of a file's bytes read as `kind` (month, roster, meta); the path is not part of
    it (see `get`)."""
    return hashlib.sha256(code_key() + kind.encode() + b"\0" + data).digest()


def get(path: Path, key: bytes) -> Entry | None:
    entry = _entry_path(key)
    if entry is None:
        return None
    try:
        if entry.stat().st_uid != os.getuid():
            return None  # only ever unpickle what this user wrote
        stored_key, name, rows, problems = pickle.loads(entry.read_bytes())
        if stored_key != key or not isinstance(rows, list) or not isinstance(problems, list):
            return None
        here = str(path)  # the same bytes read from elsewhere say where they were read
        records = _values(rows, here)
    except Exception:  # noqa: BLE001  a torn, foreign or odd entry is only a miss
        return None
    if name != here:
        problems = [p._replace(file=here) if p.file == name else p for p in problems]
    return records, problems


def put(path: Path, key: bytes, records: list[Any], problems: list[Problem]) -> None:
    entry = _entry_path(key)
    if entry is None:
        return
    try:
        entry.parent.mkdir(parents=True, exist_ok=True)
        write_atomic_bytes(
            entry, pickle.dumps((key, str(path), _rows(records), problems), protocol=pickle.HIGHEST_PROTOCOL)
        )
        _prune(entry.parent)
    except (OSError, TypeError, ValueError, pickle.PicklingError):
        pass  # a cache that cannot be written (or a value that cannot be pickled) costs time only


# Values are stored as plain tuples (class, fields before source, source, fields after):
# pickling 100k NamedTuples called a Python method for each and took twice as long.
_CLASSES = frozenset([*KINDS.values(), Person, LedgerMeta])
_SOURCE_AT = {cls: cls._fields.index("source") for cls in _CLASSES}
_WIDTH = {cls: len(cls._fields) for cls in _CLASSES}


def _rows(values: list[Any]) -> list[tuple[Any, ...]]:
    at = _SOURCE_AT
    return [(type(v), v[: at[type(v)]], tuple(v.source), v[at[type(v)] + 1 :]) for v in values]


def _values(rows: list[tuple[Any, ...]], file: str) -> list[Any]:
    new, width = tuple.__new__, _WIDTH
    out = []
    for cls, head, source, tail in rows:
        fields = (*head, new(Source, (file, source[1], source[2])), *tail)
        if len(fields) != width[cls] or len(source) != 3:  # KeyError for a foreign class
            raise ValueError("not an entry of this code")
        out.append(new(cls, fields))
    return out


def _prune(folder: Path) -> None:
    entries = list(folder.glob("*.pickle"))
    if len(entries) <= KEEP:
        return
    entries.sort(key=lambda p: p.stat().st_mtime)
    for old in entries[: len(entries) - KEEP // 2]:
        old.unlink(missing_ok=True)
