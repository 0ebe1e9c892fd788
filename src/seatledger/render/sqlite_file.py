"""Tables as an SQLite database file (the standard library's sqlite3), written beside the
target and renamed over it when complete, so a failed export leaves the old file. A `meta`
table holds the stamp: as-of day, git commit, seatledger version."""

from __future__ import annotations

import os
import re
import sqlite3
import tempfile
from pathlib import Path
from typing import Any

from seatledger.reports.export_tables import Table

_NAME = re.compile(r"^[a-z_]+$")


def write_database(path: Path, tables: list[Table], stamp: dict[str, Any]) -> None:
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    os.close(fd)
    try:
        db = sqlite3.connect(tmp)
        try:
            _fill(db, tables, stamp)
        finally:
            db.close()
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def _fill(db: sqlite3.Connection, tables: list[Table], stamp: dict[str, Any]) -> None:
    db.execute("PRAGMA journal_mode = OFF")  # a new file, renamed into place only when whole
    db.execute("CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT)")
    db.executemany("INSERT INTO meta VALUES (?, ?)", sorted(stamp.items()))
    for t in tables:
        assert _NAME.match(t.name), t.name  # names are the code's, never input
        db.execute(f"CREATE TABLE {t.name} ({', '.join(_quoted(c) for c in t.columns)})")
        marks = ", ".join("?" * len(t.columns))
        db.executemany(f"INSERT INTO {t.name} VALUES ({marks})", t.rows)
    db.commit()


def _quoted(column: str) -> str:
    name, _, rest = column.partition(" ")
    return f'"{name}" {rest}'
