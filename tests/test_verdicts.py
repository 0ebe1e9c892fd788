"""Ledgers found clean are not checked again: only a ledger with no problem gets a verdict, a
changed byte anywhere (a month, the roster, an extra file, the contract) or changed code is a
miss, and a torn, foreign or forged verdict is ignored."""

from __future__ import annotations

import marshal
import os
import shutil
from pathlib import Path

import pytest

from conftest import Run
from seatledger.app import ledger_access
from seatledger.read import cache, verdicts


def kept() -> list[Path]:
    return sorted((Path(os.environ["SEATLEDGER_CACHE"]) / "seatledger").glob("verdict-*"))


def no_checks(monkeypatch: pytest.MonkeyPatch) -> None:
    def refuse(*args: object, **kwargs: object) -> None:
        raise AssertionError("checked again")

    monkeypatch.setattr(ledger_access, "ledger_problems", refuse)
    monkeypatch.setattr(ledger_access, "load", refuse)


def test_a_clean_ledger_is_checked_once(example: Path, run: Run, monkeypatch: pytest.MonkeyPatch) -> None:
    first = run("check")
    assert first.exit_code == 0 and "616 records in 6 month files, 49 people" in first.stdout
    assert len(kept()) == 1
    no_checks(monkeypatch)
    again = run("check")
    assert (again.exit_code, again.stdout) == (0, first.stdout)


def test_a_report_on_a_ledger_found_clean_runs_no_check(
    example: Path, run: Run, monkeypatch: pytest.MonkeyPatch
) -> None:
    expected = run("settle", "--quarter", "Q3", "--format", "json").stdout
    assert kept()
    monkeypatch.setattr(
        ledger_access, "ledger_problems", lambda *a: (_ for _ in ()).throw(AssertionError("checked again"))
    )
    assert run("settle", "--quarter", "Q3", "--format", "json").stdout == expected


@pytest.mark.parametrize("change", ["month", "roster", "extra file", "contract"])
def test_any_changed_byte_is_checked_in_full(example: Path, run: Run, change: str) -> None:
    assert run("check").exit_code == 0
    if change == "month":
        month = example / "2022-08.yaml"
        month.write_text(
            month.read_text(encoding="utf-8").replace("kind: incident", "kind: incidnet", 1), encoding="utf-8"
        )
    elif change == "roster":
        roster = example / "roster.yaml"
        roster.write_text(
            roster.read_text(encoding="utf-8").replace("degree: bachelor", "degree: doctorate", 1),
            encoding="utf-8",
        )
    elif change == "extra file":
        shutil.copy(example / "2022-08.yaml", example / "2022-08.yaml.orig")
    else:
        contract = next((example.parent.parent / "contracts").glob("*.yaml"))
        contract.write_text(
            contract.read_text(encoding="utf-8").replace("  post-abandonment:", "  post-abandoned:", 1),
            encoding="utf-8",
        )
    result = run("check")
    assert result.exit_code == 1, result.output
    assert len(kept()) == 1  # a ledger with problems is never kept as clean


def test_changing_back_is_a_hit_again(example: Path, run: Run, monkeypatch: pytest.MonkeyPatch) -> None:
    month = example / "2022-08.yaml"
    original = month.read_bytes()
    assert run("check").exit_code == 0
    month.write_bytes(original.replace(b"kind: incident", b"kind: incidnet", 1))
    assert run("check").exit_code == 1
    month.write_bytes(original)
    no_checks(monkeypatch)
    assert run("check").exit_code == 0


@pytest.mark.parametrize(
    "forged",
    [b"", b"{not marshal", marshal.dumps((("other",), (1, 1, 1))), marshal.dumps(None), marshal.dumps([])],
)
def test_a_bad_or_forged_verdict_is_ignored(example: Path, run: Run, forged: bytes) -> None:
    month = example / "2022-08.yaml"
    month.write_bytes(month.read_bytes().replace(b"kind: incident", b"kind: incidnet", 1))
    contract = example.parent.parent / "contracts" / "haidian-hotline-2022.yaml"
    key = verdicts.digest(contract, example)
    assert key is not None
    header = cache._header("verdict", verdicts._name(contract, example), key)
    folder = Path(os.environ["SEATLEDGER_CACHE"]) / "seatledger"
    folder.mkdir(mode=0o700, parents=True)
    (folder / cache._entry_name(header)).write_bytes(forged)
    assert run("check").exit_code == 1


def test_a_verdict_of_other_counts_is_refused(example: Path, run: Run) -> None:
    assert run("check").exit_code == 0
    (entry,) = kept()
    header, counts = marshal.loads(entry.read_bytes())
    entry.write_bytes(marshal.dumps((header, (-1, *counts[1:]))))
    result = run("check")
    assert result.exit_code == 0 and "616 records" in result.stdout


def test_no_cache_keeps_no_verdict(example: Path, run: Run, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SEATLEDGER_NO_CACHE", "1")
    assert run("check").exit_code == 0
    assert not kept()


def test_changed_code_is_another_key(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    (tmp_path / "rules").mkdir()
    module = tmp_path / "rules" / "penalties.py"
    module.write_text("RATE = 300\n")
    before = cache.digest_of_code(tmp_path)
    module.write_text("RATE = 301\n")
    os.utime(module, ns=(1, 1))
    assert cache.digest_of_code(tmp_path) != before
