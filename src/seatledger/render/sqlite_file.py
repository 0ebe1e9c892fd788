"""Tables as an SQLite database file (the standard library's sqlite3). A `meta` table holds the
stamp (as-of day, git commit, seatledger version) and, for the next export, the code key and
each contract's key (its files, where they lie, the day: `app.portfolio_cache`).

A new export is written beside the target and renamed over it when complete. An export over one
this code made, where some contracts' keys are unchanged, keeps their rows and replaces only the
others', in one transaction: a failed export leaves the old file (sqlite's journal rolls it
back). Its rows are a cold export's rows; only their order on disk differs.
"""

from __future__ import annotations

import os
import re
import sqlite3
import tempfile
from collections.abc import Collection
from pathlib import Path
from typing import Any

from seatledger.reports.export_tables import Table

_NAME = re.compile(r"^[a-z_]+$")
Keys = tuple[str, dict[str, str]]  # the code key; each contract's key
_CODE, _KEY = "code", "key "  # meta keys: the code key; "key <contract id>"


def exported(path: Path, code: str) -> dict[str, str]:
    """The contracts an earlier export at `path` holds, each by its key; empty where `path` is
    not an export by this code."""
    if not path.is_file():
        return {}
    try:
        db = sqlite3.connect(path)
        try:
            meta = dict(db.execute("SELECT key, value FROM meta").fetchall())
        finally:
            db.close()
    except sqlite3.Error:
        return {}
    if meta.get(_CODE) != code:
        return {}
    return {k[len(_KEY) :]: v for k, v in meta.items() if k.startswith(_KEY) and type(v) is str}


def write_database(
    path: Path, tables: list[Table], stamp: dict[str, Any], keys: Keys, kept: Collection[str] = ()
) -> int:
    """Write the tables (all of them, or all but the `kept` contracts' rows, which the file at
    `path` holds already); returns the records the file holds."""
    meta = {**stamp, _CODE: keys[0]} | {f"{_KEY}{cid}": key for cid, key in keys[1].items()}
    if kept:
        db = sqlite3.connect(path)
        try:
            with db:
                _update(db, tables, meta, kept)
            return int(db.execute("SELECT count(*) FROM records").fetchone()[0])
        finally:
            db.close()
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    os.close(fd)
    try:
        db = sqlite3.connect(tmp)
        try:
            _fill(db, tables, meta)
        finally:
            db.close()
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    return sum(len(t.rows) for t in tables if t.name == "records")


def _fill(db: sqlite3.Connection, tables: list[Table], meta: dict[str, Any]) -> None:
    db.execute("PRAGMA journal_mode = OFF")  # a new file, renamed into place only when whole
    db.execute("CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT)")
    db.executemany("INSERT INTO meta VALUES (?, ?)", sorted(meta.items()))
    for t in tables:
        assert _NAME.match(t.name), t.name  # names are the code's, never input
        db.execute(f"CREATE TABLE {t.name} ({', '.join(_quoted(c) for c in t.columns)})")
        _insert(db, t)
        if t.name != "contracts":  # the next export deletes one contract's rows by it
            db.execute(f"CREATE INDEX {t.name}_contract ON {t.name} (contract)")
    db.commit()


def _update(db: sqlite3.Connection, tables: list[Table], meta: dict[str, Any], kept: Collection[str]) -> None:
    """The rows of every contract not kept (changed, or gone from the repository) deleted by
    the contract's index, and the new rows inserted."""
    held = {cid for (cid,) in db.execute("SELECT id FROM contracts")}
    gone = [(cid,) for cid in sorted(held - set(kept))]
    db.execute("DELETE FROM meta")
    db.executemany("INSERT INTO meta VALUES (?, ?)", sorted(meta.items()))
    for t in tables:
        assert _NAME.match(t.name), t.name
        column = "id" if t.name == "contracts" else "contract"
        db.executemany(f"DELETE FROM {t.name} WHERE {column} = ?", gone)
        _insert(db, t)


def _insert(db: sqlite3.Connection, t: Table) -> None:
    marks = ", ".join("?" * len(t.columns))
    db.executemany(f"INSERT INTO {t.name} VALUES ({marks})", t.rows)


def _quoted(column: str) -> str:
    name, _, rest = column.partition(" ")
    return f'"{name}" {rest}'
