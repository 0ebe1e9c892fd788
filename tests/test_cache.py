"""The one cache cannot lie: a renamed month file is read as what its new name makes it, an
entry whose key differs in any part is a miss, changed code is a miss, and a folder that is
not private is refused with a warning while the command still answers correctly."""

from __future__ import annotations

import marshal
import os
import shutil
import stat
from pathlib import Path

import pytest

from conftest import Run
from seatledger.read import cache, contract_file, ledger_files


def _folder() -> Path:
    return Path(os.environ["SEATLEDGER_CACHE"]) / "seatledger"


def _entries(kind: str) -> list[Path]:
    return sorted(_folder().glob(f"{kind}-*.entry"))


def _entry_of(month: Path) -> Path:
    """The entry of `month` as it is now."""
    wanted = cache.digest(month.read_bytes())
    (found,) = [e for e in _entries("month") if marshal.loads(e.read_bytes())[0][4] == wanted]
    return found


@pytest.fixture
def recorded(blank: Path, run: Run) -> Path:
    for day, present in (("2022-10-10", "48"), ("2022-10-11", "47")):
        assert run("record", "attendance", "--date", day, "--present", present).exit_code == 0
    return blank


def test_a_renamed_month_file_is_read_by_its_new_name(recorded: Path, run: Run) -> None:
    assert run("check", "--allow-gaps").exit_code == 0  # the month is cached
    (recorded / "2022-10.yaml").rename(recorded / "2022-11.yaml")
    result = run("check", "--allow-gaps")
    assert result.exit_code == 1
    assert "2022-10-10 belongs in 2022-10.yaml" in result.output


def test_the_cache_folder_is_made_private(recorded: Path, run: Run) -> None:
    assert run("check", "--allow-gaps").exit_code == 0
    assert stat.S_IMODE(_folder().stat().st_mode) == 0o700
    assert all(stat.S_IMODE(p.stat().st_mode) == 0o600 for p in _folder().iterdir())


@pytest.mark.parametrize("part", ["format", "code", "kind", "name", "digest"])
def test_an_entry_with_any_other_key_is_ignored(recorded: Path, run: Run, part: str) -> None:
    """A well-formed entry at the right place, claiming no records, under a key that differs
    in one part: were it trusted, the month's deductions would vanish."""
    expected = run("deduct", "--month", "2022-10", "--format", "json").stdout
    assert '"total":"300.00"' in expected
    entry = _entry_of(recorded / "2022-10.yaml")
    header, (file, rows, problems) = marshal.loads(entry.read_bytes())
    assert rows
    at = ["format", "code", "kind", "name", "digest"].index(part)
    forged = (*header[:at], "2022-11.yaml" if part == "name" else "other", *header[at + 1 :])
    entry.write_bytes(marshal.dumps((forged, (file, [], problems))))
    assert run("deduct", "--month", "2022-10", "--format", "json").stdout == expected
    # the same entry with its own key is trusted: the forgery above was refused by its key
    entry.write_bytes(marshal.dumps((header, (file, [], problems))))
    assert run("deduct", "--month", "2022-10", "--format", "json").stdout != expected


def test_an_entry_reached_through_a_symbolic_link_is_ignored(
    recorded: Path, run: Run, tmp_path: Path
) -> None:
    expected = run("deduct", "--month", "2022-10", "--format", "json").stdout
    entry = _entry_of(recorded / "2022-10.yaml")
    header, (file, _, problems) = marshal.loads(entry.read_bytes())
    elsewhere = tmp_path / "planted"
    elsewhere.write_bytes(marshal.dumps((header, (file, [], problems))))
    entry.unlink()
    entry.symlink_to(elsewhere)
    assert run("deduct", "--month", "2022-10", "--format", "json").stdout == expected


def _changed_copy(tmp_path: Path, relative: str) -> Path:
    copy = tmp_path / "package"
    shutil.copytree(
        Path(cache.__file__).resolve().parent.parent, copy, ignore=shutil.ignore_patterns("__pycache__")
    )
    changed = bytearray((copy / relative).read_bytes())
    changed[-1] ^= 1  # one bit, the size unchanged
    (copy / relative).write_bytes(changed)
    return copy


@pytest.mark.parametrize(
    "relative", ["core/money.py", "rules/penalties.py", "locale/zh_CN/LC_MESSAGES/seatledger.mo"]
)
def test_changed_code_is_a_miss(
    recorded: Path, run: Run, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, relative: str
) -> None:
    expected = run("deduct", "--month", "2022-10", "--format", "json").stdout  # fills the cache
    validated: list[object] = []
    parsed: list[object] = []
    validate, read_list = contract_file.validate, ledger_files.read_list
    monkeypatch.setattr(contract_file, "validate", lambda *a: validated.append(a) or validate(*a))
    monkeypatch.setattr(ledger_files, "read_list", lambda *a: parsed.append(a) or read_list(*a))
    assert run("deduct", "--month", "2022-10", "--format", "json").stdout == expected
    assert (validated, parsed) == ([], [])  # a hit, so far
    monkeypatch.setattr(cache, "_PACKAGE", _changed_copy(tmp_path, relative))
    cache.code_key.cache_clear()
    try:
        assert run("deduct", "--month", "2022-10", "--format", "json").stdout == expected
    finally:
        cache.code_key.cache_clear()
    assert validated and parsed  # the contract validated and the month parsed again


def test_another_dependency_version_is_another_key(monkeypatch: pytest.MonkeyPatch) -> None:
    package = Path(cache.__file__).resolve().parent.parent
    before = cache.digest_of_code(package)
    real = cache.dependency_version
    monkeypatch.setattr(
        cache, "dependency_version", lambda d, m: "0.0" if d == "chinesecalendar" else real(d, m)
    )
    assert cache.digest_of_code(package) != before


def _refused(run: Run, expected: str, *reasons: str) -> None:
    result = run("deduct", "--month", "2022-10", "--format", "json")
    assert result.exit_code == 0 and result.stdout == expected
    assert "warning: the cache is not used:" in result.stderr
    assert all(r in result.stderr for r in reasons), result.stderr
    assert len(result.stderr.strip().splitlines()) == 1


def _without_cache(run: Run, monkeypatch: pytest.MonkeyPatch) -> str:
    monkeypatch.setenv("SEATLEDGER_NO_CACHE", "1")
    expected = run("deduct", "--month", "2022-10", "--format", "json").stdout
    monkeypatch.delenv("SEATLEDGER_NO_CACHE")
    return expected


def test_a_folder_others_can_write_is_refused(
    recorded: Path, run: Run, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    expected = _without_cache(run, monkeypatch)
    base = tmp_path / "shared"
    (base / "seatledger").mkdir(parents=True)
    os.chmod(base / "seatledger", 0o770)
    monkeypatch.setenv("SEATLEDGER_CACHE", str(base))
    _refused(run, expected, "can be written by others", "chmod 700")
    assert list((base / "seatledger").iterdir()) == []  # nothing written to it


def test_a_symlinked_folder_is_refused(
    recorded: Path, run: Run, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    expected = _without_cache(run, monkeypatch)
    real = tmp_path / "real"
    real.mkdir(mode=0o700)
    base = tmp_path / "linked"
    base.mkdir()
    (base / "seatledger").symlink_to(real)
    monkeypatch.setenv("SEATLEDGER_CACHE", str(base))
    _refused(run, expected, "is a symbolic link")
    assert list(real.iterdir()) == []


def test_a_folder_of_another_user_is_refused(
    recorded: Path, run: Run, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    expected = _without_cache(run, monkeypatch)
    monkeypatch.setenv("SEATLEDGER_CACHE", str(tmp_path / "theirs"))
    uid = os.getuid()
    monkeypatch.setattr(cache.os, "getuid", lambda: uid + 1)  # as if the folder were another's
    _refused(run, expected, "is not owned by you")


def test_the_refusal_is_said_in_chinese(
    recorded: Path, run: Run, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    base = tmp_path / "shared-zh"
    (base / "seatledger").mkdir(parents=True)
    os.chmod(base / "seatledger", 0o777)
    monkeypatch.setenv("SEATLEDGER_CACHE", str(base))
    monkeypatch.setenv("SEATLEDGER_LANG", "zh")
    result = run("deduct", "--month", "2022-10")
    assert result.exit_code == 0
    assert "警告：未使用缓存" in result.stderr and "可被他人写入" in result.stderr, result.stderr


def test_a_folder_made_writable_by_others_after_use_is_refused(
    recorded: Path, run: Run, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The folder is opened once a process and its status checked again at every use."""
    expected = _without_cache(run, monkeypatch)
    base = tmp_path / "later"
    monkeypatch.setenv("SEATLEDGER_CACHE", str(base))
    first = run("deduct", "--month", "2022-10", "--format", "json")
    assert first.exit_code == 0 and first.stdout == expected and not first.stderr
    entries = sorted((base / "seatledger").iterdir())
    assert entries
    os.chmod(base / "seatledger", 0o777)
    _refused(run, expected, "can be written by others", "chmod 700")
    assert sorted((base / "seatledger").iterdir()) == entries  # nothing written to it since
