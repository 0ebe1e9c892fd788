"""Each file's sha256, remembered by its status (size, mtime, ctime, inode, device), so that a
portfolio over a city's 160 ledgers (41 MB) reads and hashes only the files whose status
changed: hashing every byte for the cache keys was a fifth of a warm portfolio.

The trade-off: a file rewritten with the same size, inode and both timestamps would be taken as
unchanged. Every write sets ctime, and nothing sets it back (`touch -d`, `touch -r` and tools
that keep a file's times set mtime only; a git checkout writes a new file), so only a second
write within the same tick of the file system's clock could do it. As git does for its index
("racily clean" files), a status is remembered only for a file whose ctime is more than RACY_NS
older than the moment the status was taken; a file changed more recently is hashed every time.

The memo is one cache entry (`read.cache`) per contract and ledger folder (by their absolute
paths), its files by name; with the cache off, every file is hashed. A memo that does not fit is empty.
"""

from __future__ import annotations

import hashlib
import os
import stat
import time
from pathlib import Path

from seatledger.read import cache
from seatledger.read.yaml_reader import read_bytes

RACY_NS = 2_000_000_000
Status = tuple[int, int, int, int, int]  # size, mtime_ns, ctime_ns, inode, device


def status(st: os.stat_result) -> Status:
    return (st.st_size, st.st_mtime_ns, st.st_ctime_ns, st.st_ino, st.st_dev)


class Memo:
    """The remembered digests of one folder's files, read once; `save` keeps what changed."""

    def __init__(self, name: str) -> None:
        self.name = name
        self.known = _loaded(cache.get("stats", name, "-"))
        self.seen: dict[str, tuple[Status, bytes]] = {}
        self.racy = time.time_ns() - RACY_NS

    def sha(self, name: str, path: str | Path) -> bytes:
        """The sha256 of the bytes of the file `name` of the folder ("": the contract); a
        YamlError where `read_bytes` refuses the file."""
        try:
            st = os.stat(path)
        except OSError:
            return hashlib.sha256(read_bytes(path)).digest()  # which says why
        if not stat.S_ISREG(st.st_mode):
            return hashlib.sha256(read_bytes(path)).digest()
        found = self.known.get(name)
        if found is not None and found[0] == status(st):
            self.seen[name] = found
            return found[1]
        sha = hashlib.sha256(read_bytes(path)).digest()
        if st.st_ctime_ns < self.racy:
            self.seen[name] = (status(st), sha)
        return sha

    def save(self) -> None:
        if self.seen != self.known:
            kept = tuple((where, *st, sha) for where, (st, sha) in sorted(self.seen.items()))
            cache.put("stats", self.name, "-", kept)


def _loaded(found: object) -> dict[str, tuple[Status, bytes]]:
    if type(found) is not tuple:
        return {}
    out = {}
    for item in found:
        if type(item) is not tuple or len(item) != 7 or type(item[0]) is not str:
            return {}
        if not all(type(n) is int for n in item[1:6]) or type(item[6]) is not bytes:
            return {}
        out[item[0]] = ((item[1], item[2], item[3], item[4], item[5]), item[6])
    return out
