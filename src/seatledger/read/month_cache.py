"""A cache of each month file's built records, so that an unchanged ledger is not parsed again.

Reading is most of a run: on a full year, parsing YAML and building records cost several times
the rest of `check`. Each month file's result (its records and the problems met building them)
is pickled, per user, in one entry per file path that holds the key it was made under: the
file's bytes and the code that read them. A hit needs the same key, this user's ownership and
the expected types; anything else (a stale, torn, foreign or unreadable entry) is ignored and
rebuilt. Entries are written whole and renamed into place, so concurrent runs never see half of
one. `SEATLEDGER_NO_CACHE=1` turns it off.
"""

from __future__ import annotations

import hashlib
import os
import pickle
from functools import cache
from pathlib import Path

from seatledger import __version__
from seatledger.core.atomic import write_atomic_bytes
from seatledger.core.errors import Problem
from seatledger.core.records import Record
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


def _entry_path(path: Path) -> Path | None:
    folder = cache_dir()
    if folder is None:
        return None
    where = hashlib.sha256(str(path.resolve()).encode("utf-8", "surrogateescape")).hexdigest()
    return folder / "months" / f"{where[:32]}.pickle"


def key_of(path: Path, data: bytes) -> bytes:
    return hashlib.sha256(code_key() + str(path).encode("utf-8", "surrogateescape") + b"\0"
                          + data).digest()


def get(path: Path, key: bytes) -> Entry | None:
    entry = _entry_path(path)
    if entry is None:
        return None
    try:
        if entry.stat().st_uid != os.getuid():
            return None  # only ever unpickle what this user wrote
        stored_key, records, problems = pickle.loads(entry.read_bytes())
    except Exception:  # noqa: BLE001  a torn or foreign entry is only a miss
        return None
    if stored_key != key or not isinstance(records, list) or not isinstance(problems, list):
        return None
    if not all(isinstance(r, tuple) and hasattr(r, "source") for r in records):
        return None
    return records, problems


def put(path: Path, key: bytes, records: list[Record], problems: list[Problem]) -> None:
    entry = _entry_path(path)
    if entry is None:
        return
    try:
        entry.parent.mkdir(parents=True, exist_ok=True)
        write_atomic_bytes(entry, pickle.dumps((key, records, problems),
                                               protocol=pickle.HIGHEST_PROTOCOL))
    except OSError:
        pass  # a cache that cannot be written only costs time
