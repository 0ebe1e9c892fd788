"""Ledgers found clean, so that a ledger nobody changed is not checked again.

A verdict is kept only for a ledger with no problem at all (closed quarters matching their
seals included): it says that these exact files, read and checked by this exact code, have no
problem, with the counts `check` prints. Its key is the cache's code key (`read.cache`: every
source file of seatledger and the versions of the libraries, the holiday tables' among them),
the contract's and ledger's paths and the digest of the contract's bytes and of the name and
bytes of every base it extends, and of the name and
bytes of every file in the ledger folder (anything unexpected there is named, so it changes the
key). A ledger with any problem is checked in full every time: its findings are never cached,
and a closed quarter that no longer matches is then traced through git.
"""

from __future__ import annotations

import hashlib
import os
from pathlib import Path
from typing import NamedTuple

from seatledger.core.atomic import TMP_SUFFIX
from seatledger.core.errors import SeatledgerError
from seatledger.read import cache, contract_bases, file_digests
from seatledger.read.ledger_files import LOCK_FILE
from seatledger.read.yaml_reader import YamlError, not_regular, read_bytes


class Counts(NamedTuple):
    records: int
    months: int
    roster: int


def digest(contract: Path, ledger_dir: Path, *, remembered: bool = False) -> str | None:
    """The key of the contract and ledger as they are on disk now; None where a file cannot
    be read (the full check then says why). `remembered`: a file whose status is unchanged
    since it was last hashed is not read again (`read.file_digests`, its trade-off); the key
    is the same."""
    memo = file_digests.Memo(_name(contract, ledger_dir)) if remembered else None
    h = hashlib.sha256()
    try:
        data = read_bytes(contract)  # small; its bases are named in it
        h.update(_sha("", contract, memo))  # "": no file of the folder has an empty name
        for base in contract_bases.sources(contract, data):  # a base's change is the contract's
            h.update(b"\0" + hashlib.sha256(read_bytes(base)).digest())
        folder = os.fspath(ledger_dir)
        for name in sorted(os.listdir(folder)):  # names, sorted as their paths would be
            path = os.path.join(folder, name)
            regular = not_regular(path) is None
            if (name == LOCK_FILE and regular) or (name.startswith(".") and name.endswith(TMP_SUFFIX)):
                continue
            h.update(b"\0" + name.encode("utf-8", "surrogateescape") + b"\0")
            h.update(_sha(name, path, memo) if regular else b"dir")
    except (OSError, YamlError, SeatledgerError):
        return None
    if memo is not None:
        memo.save()
    return h.hexdigest()


def _sha(name: str, path: str | Path, memo: file_digests.Memo | None) -> bytes:
    return memo.sha(name, path) if memo is not None else hashlib.sha256(read_bytes(path)).digest()


def _name(contract: Path, ledger_dir: Path) -> str:
    """Where the files lie: the key is about those files, not any with the same bytes."""
    return f"{os.path.abspath(contract)}\0{os.path.abspath(ledger_dir)}"


def clean(key: str | None, contract: Path, ledger_dir: Path) -> Counts | None:
    """The counts of a ledger found clean under `key`; None where none was."""
    found = cache.get("verdict", _name(contract, ledger_dir), key) if key else None
    if type(found) is not tuple or len(found) != len(Counts._fields):
        return None
    counts = Counts(*found)
    return counts if all(type(n) is int and n >= 0 for n in counts) else None


def found_clean(key: str | None, contract: Path, ledger_dir: Path, counts: Counts) -> None:
    if key:
        cache.put("verdict", _name(contract, ledger_dir), key, tuple(counts))
