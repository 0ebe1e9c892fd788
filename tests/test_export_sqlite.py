"""`export --sqlite`: the standard library opens the file, and each total in it is the one
the reports give."""

from __future__ import annotations

import json
import sqlite3
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest

from conftest import Run, git
from test_portfolio import AS_OF, two_contracts


def ok(run: Run, *args: str) -> str:
    result = run(*args)
    assert result.exit_code == 0, (args, result)
    return result.stdout


def fen(db: sqlite3.Connection, sql: str, *args: Any) -> Decimal:
    (value,) = db.execute(sql, args).fetchone()
    return Decimal(value or 0) / 100


def test_each_total_in_the_database_is_the_reports(project: Path, run: Run) -> None:
    two_contracts(project, run)
    ok(run, "export", "--sqlite", "p.db", "--as-of", AS_OF)
    p = json.loads(ok(run, "portfolio", "--as-of", AS_OF, "--format", "json"))
    db = sqlite3.connect(project / "p.db")
    assert [r[0] for r in db.execute("SELECT id FROM contracts ORDER BY id")] == [
        c["id"] for c in p["contracts"]
    ]
    for c in p["contracts"]:
        f, cid = c["figures"], c["id"]
        rows = "SELECT sum(amount_fen) FROM settlement_rows WHERE contract = ? AND item = ?"
        assert fen(db, rows, cid, "accrued") == Decimal(f["accrued"])
        assert -fen(db, rows, cid, "deducted") == Decimal(f["deducted"])
        assert -fen(db, rows, cid, "paid") == Decimal(f["paid"])
        assert fen(db, rows, cid, "closing") == Decimal(f["balance_owed"])
        assert fen(db, rows, cid, "next") == Decimal(f["next_payment"])
        lines = "SELECT sum(amount_fen) FROM deduction_lines WHERE contract = ? AND set_off = 1"
        assert fen(db, lines, cid) == Decimal(f["deducted"])
        deduct = json.loads(
            ok(run, "deduct", "--contract", cid, "--from", "2022-04-01", "--to", AS_OF, "--format", "json")
        )
        assert db.execute("SELECT count(*) FROM deduction_lines WHERE contract = ?", (cid,)).fetchone()[
            0
        ] == len(deduct["lines"])
        files = sorted((project / "ledgers" / cid).glob("20*.yaml"))
        ids = sum(text.count("- id: ") for text in (x.read_text(encoding="utf-8") for x in files))
        assert db.execute("SELECT count(*) FROM records WHERE contract = ?", (cid,)).fetchone()[0] == ids
    total = fen(db, "SELECT sum(amount_fen) FROM settlement_rows WHERE item = 'closing'")
    assert total == Decimal(p["total"]["balance_owed"])
    # Every deduction line and record says where it comes from.
    assert db.execute("SELECT count(*) FROM deduction_lines WHERE file = '' OR line = 0").fetchone()[0] == 0
    assert db.execute("SELECT count(*) FROM records WHERE file = '' OR line = 0").fetchone()[0] == 0
    (opening,) = db.execute("SELECT clause, file FROM deduction_lines WHERE record LIKE 'opn-%'").fetchall()
    assert opening == ("三(一)5, 三(二)4", "ledgers/haidian-hotline-2022/2022-10.yaml")


@pytest.mark.slow
def test_the_database_is_stamped_with_the_git_commit(project: Path, run: Run) -> None:
    two_contracts(project, run)
    git(project, "init", "-q")
    git(project, "add", "-A")
    git(project, "-c", "user.name=t", "-c", "user.email=t@t", "commit", "-qm", "x")
    head = git(project, "rev-parse", "HEAD").stdout.strip()
    ok(run, "export", "--sqlite", "p.db", "--as-of", AS_OF)
    meta = dict(sqlite3.connect(project / "p.db").execute("SELECT key, value FROM meta").fetchall())
    assert meta["git_commit"] == head and meta["as_of"] == AS_OF
    (project / "ledgers" / "haidian-weibo-2022" / "2022-10.yaml").write_text("[]\n", encoding="utf-8")
    ok(run, "export", "--sqlite", "p.db", "--as-of", AS_OF)
    meta = dict(sqlite3.connect(project / "p.db").execute("SELECT key, value FROM meta").fetchall())
    assert meta["git_commit"] == head + "-dirty"
