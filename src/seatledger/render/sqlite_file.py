"""Tables as an SQLite database file (the standard library's sqlite3): built in memory and
returned whole, so the file is replaced at once (`core.atomic`) and a failed export leaves the
old one. A `meta` table holds the stamp: as-of day, git commit, seatledger version."""

from __future__ import annotations

import re
import sqlite3
from typing import Any

from seatledger.reports.export_tables import Table

_NAME = re.compile(r"^[a-z_]+$")


def database_bytes(tables: list[Table], stamp: dict[str, Any]) -> bytes:
    db = sqlite3.connect(":memory:")
    try:
        db.execute("CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT)")
        db.executemany("INSERT INTO meta VALUES (?, ?)", sorted(stamp.items()))
        for t in tables:
            assert _NAME.match(t.name), t.name  # names are the code's, never input
            db.execute(f"CREATE TABLE {t.name} ({', '.join(_quoted(c) for c in t.columns)})")
            marks = ", ".join("?" * len(t.columns))
            db.executemany(f"INSERT INTO {t.name} VALUES ({marks})", t.rows)
        db.commit()
        return bytes(db.serialize())
    finally:
        db.close()


def _quoted(column: str) -> str:
    name, _, rest = column.partition(" ")
    return f'"{name}" {rest}'
