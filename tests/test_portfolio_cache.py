"""Each contract's portfolio figures and export rows in the cache (`app.portfolio_cache`): a
warm run reads no ledger of an unchanged contract, what it reads back is exactly what a fresh
run builds (Decimal text included), and a changed month file or contract is built again."""

from __future__ import annotations

import sqlite3
from collections import Counter
from pathlib import Path
from typing import Any

import pytest

from conftest import Run
from seatledger.app import portfolio as app
from seatledger.read import plain
from seatledger.reports import export_tables
from test_portfolio import AS_OF, OTHER, ok, two_contracts

SEED_ID = "haidian-hotline-2022"


def opened(monkeypatch: pytest.MonkeyPatch) -> Counter[str]:
    """Which ledgers the run loads, by folder name."""
    seen: Counter[str] = Counter()
    real = app.open_with_book

    def counting(paths: Any, **kw: Any) -> Any:
        seen[Path(paths.ledger).name] += 1
        return real(paths, **kw)

    monkeypatch.setattr(app, "open_with_book", counting)
    return seen


def exact(value: Any) -> Any:
    """A value with every Decimal's exact text, every class name: equal only where it is the
    same value written the same way (Decimal("1.0") == Decimal("1.00") would pass)."""
    from seatledger.app import portfolio_cache

    plain.allow(*portfolio_cache._MODULES)
    return plain.to_plain(value)


def fresh(monkeypatch: pytest.MonkeyPatch) -> Any:
    with monkeypatch.context() as m:
        m.setenv("SEATLEDGER_NO_CACHE", "1")
        return app.run(app.Filters(), AS_OF)


def test_a_warm_portfolio_reads_no_ledger_and_equals_a_fresh_one(
    project: Path, run: Run, monkeypatch: pytest.MonkeyPatch
) -> None:
    two_contracts(project, run)
    app.run(app.Filters(), AS_OF)  # fills the cache
    seen = opened(monkeypatch)
    warm = app.run(app.Filters(), AS_OF)
    assert seen == Counter()
    built = fresh(monkeypatch)
    assert seen == Counter({SEED_ID: 1, OTHER: 1})
    assert all(r.figures is not None for r in warm.rows)
    assert exact(warm) == exact(built)
    # Another day is another entry.
    seen.clear()
    app.run(app.Filters(), "2022-12-31")
    assert seen == Counter({SEED_ID: 1, OTHER: 1})


def test_a_changed_month_file_is_read_again(project: Path, run: Run, monkeypatch: pytest.MonkeyPatch) -> None:
    two_contracts(project, run)
    before = app.run(app.Filters(), AS_OF)
    ok(run, "record", "payment", "--contract", OTHER, "--date", "2022-11-20", "--instalment", "3",
       "--amount", "1000")  # fmt: skip
    seen = opened(monkeypatch)
    after = app.run(app.Filters(), AS_OF)
    assert seen == Counter({OTHER: 1})
    assert exact(after) == exact(fresh(monkeypatch))
    assert after.totals.paid == before.totals.paid + 1000


def test_a_changed_contract_is_read_again(project: Path, run: Run, monkeypatch: pytest.MonkeyPatch) -> None:
    two_contracts(project, run)
    app.run(app.Filters(), AS_OF)
    contract = project / "contracts" / f"{OTHER}.yaml"
    contract.write_text(contract.read_text(encoding="utf-8") + "# reviewed\n", encoding="utf-8")
    seen = opened(monkeypatch)
    warm = app.run(app.Filters(), AS_OF)
    assert seen == Counter({OTHER: 1})
    assert exact(warm) == exact(fresh(monkeypatch))


def test_a_renamed_party_is_shown_from_the_contracts_head_as_a_fresh_run_shows_it(
    project: Path, run: Run, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The contract's head (id, title, parties, term) is kept apart from the contract, by the
    contract's bytes: a renamed party is a new head, equal to a fresh run's."""
    two_contracts(project, run)
    app.run(app.Filters(), AS_OF)
    contract = project / "contracts" / f"{OTHER}.yaml"
    text = contract.read_text(encoding="utf-8")
    contract.write_text(text.replace("北京某某科技有限公司", "北京另一科技有限公司"), encoding="utf-8")
    warm = app.run(app.Filters(), AS_OF)
    assert [r.party_b for r in warm.rows] == ["北京融通润园科技有限公司", "北京另一科技有限公司"]
    assert exact(warm) == exact(fresh(monkeypatch))
    again = app.run(app.Filters(), AS_OF)  # the new head from the cache
    assert exact(again) == exact(warm)


def tables(db: Path) -> dict[str, list[tuple[Any, ...]]]:
    """Every table's rows, in order: an export that keeps rows appends the rebuilt ones."""
    con = sqlite3.connect(db)
    try:
        return {
            t: sorted(con.execute(f"SELECT * FROM {t}").fetchall(), key=repr)
            for t in [*export_tables.TABLES, "meta"]
        }
    finally:
        con.close()


def built(monkeypatch: pytest.MonkeyPatch) -> Counter[str]:
    """Which contracts' rows the run builds, by id."""
    seen: Counter[str] = Counter()
    real = export_tables.contract_rows

    def counting(row: Any, book: Any) -> Any:
        seen[row.id] += 1
        return real(row, book)

    monkeypatch.setattr(export_tables, "contract_rows", counting)
    return seen


def cold(project: Path, run: Run, monkeypatch: pytest.MonkeyPatch) -> dict[str, list[tuple[Any, ...]]]:
    with monkeypatch.context() as m:
        m.setenv("SEATLEDGER_NO_CACHE", "1")
        ok(run, "export", "--sqlite", "cold.db", "--as-of", AS_OF)
    return tables(project / "cold.db")


def test_an_export_rebuilds_only_the_changed_contract_and_equals_a_cold_one(
    project: Path, run: Run, monkeypatch: pytest.MonkeyPatch
) -> None:
    two_contracts(project, run)
    ok(run, "export", "--sqlite", "warm.db", "--as-of", AS_OF)
    ok(run, "record", "payment", "--contract", OTHER, "--date", "2022-11-20", "--instalment", "3",
       "--amount", "1000")  # fmt: skip
    seen, rows = built(monkeypatch), opened(monkeypatch)
    said = [run("export", "--sqlite", f"{name}.db", "--as-of", AS_OF) for name in ("warm", "again")]
    assert [(r.exit_code, (r.stdout + r.stderr).split(":", 1)[1]) for r in said] == [
        (0, (said[0].stdout + said[0].stderr).split(":", 1)[1])
    ] * 2  # the records each file holds
    assert seen == Counter({OTHER: 1}) and rows == Counter({OTHER: 1})  # again.db: from the cache
    warm, again = tables(project / "warm.db"), tables(project / "again.db")
    expected = cold(project, run, monkeypatch)
    assert warm == expected and again == expected
    assert any(r[0] == OTHER and r[1] == "paid" and r[6] == -100000 for r in expected["settlement_rows"])


def test_an_export_drops_a_contract_that_is_gone_and_rebuilds_another_day(
    project: Path, run: Run, monkeypatch: pytest.MonkeyPatch
) -> None:
    two_contracts(project, run)
    ok(run, "export", "--sqlite", "warm.db", "--as-of", AS_OF)
    (project / "contracts" / f"{OTHER}.yaml").unlink()
    seen = built(monkeypatch)
    ok(run, "export", "--sqlite", "warm.db", "--as-of", AS_OF)
    assert seen == Counter()
    assert tables(project / "warm.db") == cold(project, run, monkeypatch)
    assert not any(OTHER in repr(r) for rows in tables(project / "warm.db").values() for r in rows)
    seen.clear()
    ok(run, "export", "--sqlite", "warm.db", "--as-of", "2022-12-31")
    assert seen == Counter({SEED_ID: 1})
