"""The cache of built records per month file: a hit gives what a parse gives, and parses no
YAML; a changed file, a changed key, a torn, foreign or garbage entry is rebuilt, never
trusted; SEATLEDGER_NO_CACHE turns it off."""

from __future__ import annotations

import marshal
import os
from pathlib import Path

import pytest

from conftest import Run
from seatledger.read import cache, ledger_files, month_cache


def _entries(cache: Path) -> list[Path]:
    return sorted((cache / "seatledger").glob("month-*.entry"))


@pytest.fixture
def recorded(blank: Path, run: Run) -> Path:
    for day, present in (("2022-10-10", "48"), ("2022-10-11", "47")):
        assert run("record", "attendance", "--date", day, "--present", present).exit_code == 0
    assert (
        run(
            "record", "incident", "--date", "2022-10-11", "--penalty", "post-abandonment", "--staff", "S001"
        ).exit_code
        == 0
    )
    return blank


def test_a_hit_is_what_a_parse_gives_and_parses_nothing(
    recorded: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    month = recorded / "2022-10.yaml"
    parsed = ledger_files.read_month(month)
    assert _entries(Path(os.environ["SEATLEDGER_CACHE"]))

    def no_yaml(*args: object, **kwargs: object) -> None:
        raise AssertionError("YAML parsed on a hit")

    monkeypatch.setattr(ledger_files, "load_text", no_yaml)
    monkeypatch.setattr(ledger_files.block_reader, "read", no_yaml)
    assert ledger_files.read_month(month) == parsed


def test_a_changed_file_is_read_again(recorded: Path, run: Run) -> None:
    before = run("deduct", "--month", "2022-10", "--format", "json").stdout
    month = recorded / "2022-10.yaml"
    month.write_text(
        month.read_text(encoding="utf-8").replace("present: 47", "present: 45"), encoding="utf-8"
    )
    after = run("deduct", "--month", "2022-10", "--format", "json").stdout
    assert '"total":"1300.00"' in before and '"total":"1900.00"' in after  # 2 more short


@pytest.mark.parametrize(
    "garbage",
    [
        b"",
        b"not marshal data",
        marshal.dumps((("key",), ("x", [], ())))[:-3],
        marshal.dumps((("wrong key",), ("x", [], ()))),
        marshal.dumps((None, ("x", [1, 2], ()))),
    ],
)
def test_a_bad_entry_is_ignored_and_rebuilt(recorded: Path, run: Run, garbage: bytes) -> None:
    expected = run("deduct", "--month", "2022-10", "--format", "json").stdout
    for entry in _entries(Path(os.environ["SEATLEDGER_CACHE"])):
        entry.write_bytes(garbage)
    assert run("deduct", "--month", "2022-10", "--format", "json").stdout == expected
    assert run("check", "--allow-gaps").exit_code == 0


def test_an_entry_keyed_on_other_code_is_stale(recorded: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    month = recorded / "2022-10.yaml"
    key = month_cache.key_of(month, month.read_bytes())
    ledger_files.read_month(month)
    assert month_cache.get(month, key) is not None
    monkeypatch.setattr(cache, "code_key", lambda: "other code")
    assert month_cache.get(month, month_cache.key_of(month, month.read_bytes())) is None


def test_no_cache_writes_nothing(
    recorded: Path, run: Run, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    cache = tmp_path / "off"
    monkeypatch.setenv("SEATLEDGER_CACHE", str(cache))
    monkeypatch.setenv("SEATLEDGER_NO_CACHE", "1")
    assert run("deduct", "--month", "2022-10").exit_code == 0
    assert not cache.exists()


def test_problems_are_cached_with_the_records(recorded: Path, run: Run) -> None:
    month = recorded / "2022-10.yaml"
    month.write_text(month.read_text(encoding="utf-8") + "- id: x\n  kind: nosuch\n", encoding="utf-8")
    for _ in range(2):  # the second run from the cache
        result = run("check")
        assert result.exit_code == 1 and "'nosuch' is not a record kind" in result.output


def test_the_same_bytes_elsewhere_are_a_hit_with_their_own_path(recorded: Path, tmp_path: Path) -> None:
    month = recorded / "2022-10.yaml"
    records, _ = ledger_files.read_month(month)
    copy = tmp_path / "elsewhere" / "2022-10.yaml"
    copy.parent.mkdir()
    copy.write_bytes(month.read_bytes())
    hit = month_cache.get(copy, month_cache.key_of(copy, copy.read_bytes()))
    assert hit is not None
    assert [r.source.file for r in hit[0]] == [str(copy)] * len(records)
    assert [r._replace(source=None) for r in hit[0]] == [r._replace(source=None) for r in records]


def test_old_entries_are_pruned(recorded: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(cache.KEEP, "month", 4)
    month = recorded / "2022-10.yaml"
    text = month.read_text(encoding="utf-8")
    for n in range(8):
        month.write_text(text + f"# edit {n}\n", encoding="utf-8")
        ledger_files.read_month(month)
    assert len(_entries(Path(os.environ["SEATLEDGER_CACHE"]))) <= 4


def test_appends_out_of_order_land_in_canonical_order_without_reparsing(blank: Path, run: Run) -> None:
    """The writer places a record from the loaded records' lines (not a second parse): records
    entered in any order, around a clerk's comment, leave the month in canonical form."""
    month = blank / "2022-10.yaml"
    for day in ("2022-10-20", "2022-10-10"):
        assert run("record", "attendance", "--date", day, "--present", "48").exit_code == 0
    text = month.read_text(encoding="utf-8")
    month.write_text(
        text.replace("- id: att-2022-10-20-day", "# recounted on the 21st\n- id: att-2022-10-20-day"),
        encoding="utf-8",
    )
    for day in ("2022-10-31", "2022-10-11", "2022-10-19", "2022-10-01", "2022-10-21"):
        assert run("record", "attendance", "--date", day, "--present", "48").exit_code == 0
    assert (
        run(
            "record", "incident", "--date", "2022-10-20", "--penalty", "post-abandonment", "--staff", "S001"
        ).exit_code
        == 0
    )
    assert run("fmt", "--check").exit_code == 0
    lines = month.read_text(encoding="utf-8").splitlines()
    at = lines.index("# recounted on the 21st")
    assert lines[at + 1] == "- id: att-2022-10-20-day"  # the comment stays with its record
    days = [line.split("att-")[1][:10] for line in lines if line.startswith("- id: att-")]
    assert days == sorted(days)


def test_a_warm_run_on_an_unchanged_ledger_parses_no_yaml(
    recorded: Path, run: Run, monkeypatch: pytest.MonkeyPatch
) -> None:
    import yaml

    expected = run("settle", "--quarter", "Q4", "--format", "json").stdout  # fills the caches

    def no_parse(*args: object, **kwargs: object) -> None:
        raise AssertionError("YAML parsed on a warm run")

    monkeypatch.setattr(yaml, "CSafeLoader", no_parse, raising=False)
    monkeypatch.setattr(yaml, "SafeLoader", no_parse)
    assert run("settle", "--quarter", "Q4", "--format", "json").stdout == expected
    assert run("check", "--allow-gaps").exit_code == 0
