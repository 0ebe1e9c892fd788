"""The portfolio's cache keys hash only files whose status changed (`read.file_digests`): the
key is the verdict digest of the bytes whatever the memo holds, a file rewritten in place (the
same size, its mtime set back) is hashed again, and a file changed moments ago is never taken
from the memo (git's racily-clean rule)."""

from __future__ import annotations

import os
import time
from collections import Counter
from pathlib import Path

import pytest

from seatledger.read import file_digests, verdicts
from seatledger.read.yaml_reader import read_bytes

CONTRACT = Path("contracts/haidian-hotline-2022.yaml")


def reads(monkeypatch: pytest.MonkeyPatch) -> Counter[str]:
    """The files the memo reads, by name."""
    seen: Counter[str] = Counter()

    def counting(path: Path) -> bytes:
        seen[Path(path).name] += 1
        return read_bytes(path)

    monkeypatch.setattr(file_digests, "read_bytes", counting)
    return seen


def rewrite_in_place(path: Path, old: str, new: str) -> None:
    """The same size, and mtime set back as `touch -r` would: only ctime tells."""
    assert len(old.encode()) == len(new.encode())
    before = path.stat()
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")
    os.utime(path, ns=(before.st_atime_ns, before.st_mtime_ns))
    assert path.stat().st_size == before.st_size and path.stat().st_mtime_ns == before.st_mtime_ns


def test_an_unchanged_file_is_not_read_again_and_the_key_is_the_digest_of_the_bytes(
    example: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(file_digests, "RACY_NS", 0)  # the example's files were copied just now
    seen = reads(monkeypatch)
    first = verdicts.digest(CONTRACT, example, remembered=True)
    assert first is not None and first == verdicts.digest(CONTRACT, example)
    files = sorted(p.name for p in example.iterdir()) + [CONTRACT.name]
    assert seen == Counter(files)
    seen.clear()
    assert verdicts.digest(CONTRACT, example, remembered=True) == first
    assert seen == Counter()
    time.sleep(0.05)  # past the file system clock's tick: the rewrite gets a later ctime
    rewrite_in_place(example / "2022-08.yaml", "kind: incident", "kind: incidnt ")
    changed = verdicts.digest(CONTRACT, example, remembered=True)
    assert seen == Counter({"2022-08.yaml": 1})
    assert changed != first and changed == verdicts.digest(CONTRACT, example)


def test_a_file_changed_moments_ago_is_hashed_every_time(
    example: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    month = example / "2022-08.yaml"
    month.write_text(month.read_text(encoding="utf-8") + "# reviewed\n", encoding="utf-8")
    seen = reads(monkeypatch)
    first = verdicts.digest(CONTRACT, example, remembered=True)
    seen.clear()
    assert verdicts.digest(CONTRACT, example, remembered=True) == first
    assert seen["2022-08.yaml"] == 1  # unchanged, but its status is too recent to trust
    rewrite_in_place(month, "# reviewed", "# REVIEWED")  # at once: maybe the same ctime
    seen.clear()
    again = verdicts.digest(CONTRACT, example, remembered=True)
    assert seen["2022-08.yaml"] == 1
    assert again != first and again == verdicts.digest(CONTRACT, example)


def test_a_forged_memo_is_only_a_miss(example: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from seatledger.read import cache

    monkeypatch.setattr(file_digests, "RACY_NS", 0)
    name = f"{os.path.abspath(CONTRACT)}\0{os.path.abspath(example)}"
    for forged in [("x",), (("2022-08.yaml", 1, 2, 3, 4, 5, "not bytes"),), "x"]:
        cache.put("stats", name, "-", forged)
        assert verdicts.digest(CONTRACT, example, remembered=True) == verdicts.digest(CONTRACT, example)
