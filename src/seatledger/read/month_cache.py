"""Each ledger file's built values (a month's records, the roster, the settings) in the cache
(`read.cache`), so that an unchanged ledger is not parsed again.

Reading is most of a run: on a full year, parsing YAML and building records cost several times
the rest of `check`. An entry's key is the code key, the kind of file, the file's name and the
digest of its bytes: the name, since it decides which records belong in a month file ("belongs
in 2022-10.yaml"); not the folder, so the same file anywhere (a revision `diff` exported to a
temporary folder) is a hit, its records and problems then given the path they were read from.
An entry whose problems name the path anywhere but in their `file` is not kept. Values are
kept as plain rows (`read.plain`) and rebuilt field by field; a row that does not fit is a miss.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from seatledger.core.errors import Problem
from seatledger.core.records import Record
from seatledger.read import cache
from seatledger.read.plain import from_plain, records, rows, to_plain

Entry = tuple[list[Record], list[Problem]]


Key = tuple[str, str, str]  # kind, file name, digest of the bytes


def key_of(path: Path, data: bytes, kind: str = "month") -> Key:
    return (kind, path.name, cache.digest(data))


def get(path: Path, key: Key) -> Entry | None:
    found = cache.get(*key)
    if found is None:
        return None
    here = str(path)
    try:
        file, plain_rows, plain_problems = found
        if type(file) is not str:
            return None
        values = records(plain_rows, here)
        problems = from_plain(plain_problems)
        if type(problems) is not list or not all(type(p) is Problem for p in problems):
            return None
    except Exception:  # noqa: BLE001  an entry that does not fit this code is only a miss
        return None
    if file != here:
        problems = [p._replace(file=here) if p.file == file else p for p in problems]
    return values, problems


def put(path: Path, key: Key, values: list[Any], problems: list[Problem]) -> None:
    here = str(path)
    if any(here in p.message for p in problems):
        return  # a path in a message would not follow the file elsewhere
    try:
        plain = (here, rows(values), to_plain(problems))
    except (TypeError, KeyError):
        return  # a value the cache cannot hold costs time only
    cache.put(*key, plain)
