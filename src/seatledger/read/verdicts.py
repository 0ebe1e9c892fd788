"""Ledgers found clean, so that a ledger nobody changed is not checked again.

A verdict is kept only for a ledger with no problem at all (closed quarters matching their
seals included): it says that these exact files, read and checked by this exact code, have no
problem, with the counts `check` prints. Its key hashes the contract's bytes, the name and bytes
of every file in the ledger folder (anything unexpected there is named, so it changes the key),
every source file of seatledger and the holiday tables. A ledger with any problem is checked in
full every time: its findings are never cached, and a closed quarter that no longer matches is
then traced through git. Verdicts are small JSON files beside the month cache, written whole
and renamed into place, only ever read when this user owns them and the key inside matches;
anything else is a miss. `SEATLEDGER_NO_CACHE=1` turns them off with the rest of the cache.
"""

from __future__ import annotations

import hashlib
import json
import os
from functools import cache
from importlib.util import find_spec
from pathlib import Path
from typing import NamedTuple

from seatledger import __version__
from seatledger.core.atomic import TMP_SUFFIX, write_atomic_bytes
from seatledger.read.contract_file import cache_dir
from seatledger.read.ledger_files import LOCK_FILE

_PACKAGE = Path(__file__).resolve().parent.parent
KEEP = 200


class Counts(NamedTuple):
    records: int
    months: int
    roster: int


@cache
def code_key() -> bytes:
    """Every module of seatledger (checks, rules and reports decide cleanliness too) and the
    installed holiday tables, which decide the gaps: by path, size and modification time, the
    test Python itself uses to trust a compiled module (hashing their bytes took 5 ms a run)."""
    digest = hashlib.sha256(__version__.encode())
    spec = find_spec("chinese_calendar")
    tables = Path(spec.origin).parent if spec is not None and spec.origin else None
    for folder in (_PACKAGE, tables):
        for top, dirs, files in os.walk(folder) if folder is not None else ():
            dirs.sort()
            for name in sorted(files):
                if name.endswith(".py"):
                    st = os.stat(os.path.join(top, name))
                    digest.update(f"{top}/{name}\0{st.st_size}\0{st.st_mtime_ns}\0".encode())
    return digest.digest()


def digest(contract: Path, ledger_dir: Path) -> str | None:
    """The key of the contract and ledger as they are on disk now; None where a file cannot
    be read (the full check then says why)."""
    h = hashlib.sha256(code_key())
    try:
        h.update(hashlib.sha256(contract.read_bytes()).digest())
        for path in sorted(ledger_dir.iterdir()):
            name = path.name
            if name == LOCK_FILE or (name.startswith(".") and name.endswith(TMP_SUFFIX)):
                continue
            h.update(b"\0" + name.encode("utf-8", "surrogateescape") + b"\0")
            h.update(hashlib.sha256(path.read_bytes()).digest() if path.is_file() else b"dir")
    except OSError:
        return None
    return h.hexdigest()


def _path(key: str) -> Path | None:
    folder = cache_dir()
    return None if folder is None else folder / "verdicts" / f"{key[:40]}.json"


def clean(key: str | None) -> Counts | None:
    """The counts of a ledger found clean under `key`; None where none was."""
    path = _path(key) if key else None
    if path is None:
        return None
    try:
        if path.stat().st_uid != os.getuid():
            return None
        data = json.loads(path.read_bytes())
        if data.get("key") != key:
            return None
        counts = Counts(*(data[f] for f in Counts._fields))
    except (OSError, ValueError, KeyError, TypeError, AttributeError):
        return None
    return counts if all(type(n) is int and n >= 0 for n in counts) else None


def found_clean(key: str | None, counts: Counts) -> None:
    path = _path(key) if key else None
    if path is None:
        return
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        write_atomic_bytes(path, json.dumps({"key": key, **counts._asdict()}).encode())
        entries = list(path.parent.glob("*.json"))
        if len(entries) > KEEP:
            entries.sort(key=lambda p: p.stat().st_mtime)
            for old in entries[: len(entries) - KEEP // 2]:
                old.unlink(missing_ok=True)
    except OSError:
        pass  # a verdict that cannot be kept costs time only
