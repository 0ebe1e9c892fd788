"""Issue 19, the git side of the files: git-setup's pattern for any folder name, to-utf8
under the lock, the merge driver on a side with one id twice, writes that would break
another closed quarter's seal."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from tests.conftest import LEDGER, SEED, Run, git, snapshot, write_roster


@pytest.mark.slow
def test_git_setup_matches_a_folder_with_a_space_and_brackets(
    tmp_path: Path, run: Run, monkeypatch: pytest.MonkeyPatch
) -> None:
    root = tmp_path / "my ledgers [2022]"
    (root / "contracts").mkdir(parents=True)
    shutil.copy(SEED, root / "contracts" / SEED.name)
    monkeypatch.chdir(root)
    monkeypatch.delenv("SEATLEDGER_CONTRACT", raising=False)
    monkeypatch.delenv("SEATLEDGER_LEDGER", raising=False)
    git(root, "init", "-q", "-b", "main")
    assert run("init", "--recorded-from", "2022-10-01").exit_code == 0
    write_roster(root / LEDGER)
    assert run("record", "attendance", "--date", "2022-10-08", "--present", "48").exit_code == 0
    assert run("git-setup").exit_code == 0
    attr = git(root, "check-attr", "merge", "--", f"{LEDGER}/2022-10.yaml").stdout
    assert attr.strip().endswith("merge: seatledger"), attr
    # and with the ledger itself in a folder named so
    sub = root / "my ledgers [2022]"
    shutil.copytree(root / LEDGER, sub)
    assert run("git-setup", "--ledger", str(sub)).exit_code == 0
    attr = git(root, "check-attr", "merge", "--", "my ledgers [2022]/2022-10.yaml").stdout
    assert attr.strip().endswith("merge: seatledger"), attr
    assert "my ledgers [2022]/2022-10.yaml: merge: seatledger" in attr


def test_to_utf8_takes_the_ledger_lock(blank: Path, run: Run, monkeypatch: pytest.MonkeyPatch) -> None:
    from filelock import FileLock

    from seatledger.write import store

    month = blank / "2022-10.yaml"
    month.write_bytes(
        "- id: act-2022-10-08-a\n  kind: activity\n  date: 2022-10-08\n  obligation: 消防演练\n".encode(
            "gb18030"
        )
    )
    before = snapshot(blank)
    monkeypatch.setattr(store.ledger_lock, "__defaults__", (0.3,))
    with FileLock(str(blank / ".seatledger.lock")):  # a writer at work
        r = run("to-utf8", str(month))
    assert r.exit_code == 1 and "holds the ledger lock" in r.output
    assert snapshot(blank) == before
    assert run("to-utf8", str(month)).exit_code == 0
    assert "消防演练" in month.read_text(encoding="utf-8")


@pytest.mark.slow
def test_merge_driver_refuses_a_side_with_one_id_twice(blank: Path, run: Run) -> None:
    assert run("record", "attendance", "--date", "2022-10-08", "--present", "48").exit_code == 0
    month = blank / "2022-10.yaml"
    base = month.read_text(encoding="utf-8")
    twice = base.replace("present: 48", "present: 47")
    folder = blank.parent
    (folder / "base").write_text(base, encoding="utf-8")
    (folder / "ours").write_text(
        base + twice.split("\n", 1)[0] + "\n" + twice.split("\n", 1)[1], encoding="utf-8"
    )
    (folder / "theirs").write_text(base, encoding="utf-8")
    r = run(
        "merge-driver", str(folder / "base"), str(folder / "ours"), str(folder / "theirs"), "2022-10.yaml"
    )
    assert r.exit_code == 1, r.output
    assert "ours holds two records with id att-2022-10-08-day" in r.output


def test_a_write_must_not_break_another_closed_quarters_seal(example: Path, run: Run) -> None:
    assert run("close", "--quarter", "2022-Q2", "--date", "2022-10-01").exit_code == 0
    assert run("close", "--quarter", "2022-Q3", "--date", "2022-10-02").exit_code == 0
    assert (
        run("reopen", "--quarter", "2022-Q2", "--reason", "a late invoice", "--date", "2022-10-03").exit_code
        == 0
    )
    before = snapshot(example)
    r = run("record", "incident", "--date", "2022-06-30", "--penalty", "post-abandonment")
    assert r.exit_code == 1, r.output
    assert "this would change closed quarter 2022-Q3" in r.output
    assert snapshot(example) == before
    assert run("settle", "--quarter", "2022-Q3").exit_code == 0
