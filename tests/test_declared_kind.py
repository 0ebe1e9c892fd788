"""A record kind is its declaration: a kind declared in a few lines outside the package (a
`memo`, which no rule reads) is recorded through its own `record memo` command, read back,
checked, formatted, merged by the merge driver and shown by `diff`, with nothing else written
for it. The same commands without the declaration refuse the file, so the test can fail."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import git

pytestmark = pytest.mark.slow  # git and seven processes

DECLARE = """
import datetime as dt, sys
from typing import Annotated, Literal, NamedTuple
from seatledger.core.convert import text
from seatledger.core.declare import F, declare
from seatledger.core.records import NOWHERE, Day, Id, Note, Source

@declare("mem", "A memo kept with the ledger.", after_term=True)
class Memo(NamedTuple):
    id: Id
    date: Day
    subject: Annotated[str, F(text, "What the memo is about.")]
    note: Note = None
    source: Source = NOWHERE
    kind: Literal["memo"] = "memo"

from seatledger.cli.main import main
sys.argv[0] = "seatledger"
main()
"""


def tool(script: Path, cwd: Path, *args: str) -> subprocess.CompletedProcess[str]:
    env = dict(os.environ, COLUMNS="200")  # with the cache: a declared kind is cached too
    return subprocess.run(
        [sys.executable, str(script), *args], cwd=cwd, capture_output=True, text=True, env=env
    )


def test_a_kind_declared_alone_is_recorded_read_checked_formatted_merged_and_diffed(
    repo: Path, tmp_path: Path
) -> None:
    script = tmp_path / "with_memo.py"
    script.write_text(DECLARE)
    month = repo / "ledgers" / "haidian-hotline-2022" / "2022-07.yaml"
    git(repo, "config", "merge.seatledger.driver", f"{sys.executable} {script} merge-driver %O %A %B %P")

    git(repo, "checkout", "-q", "-b", "clerk-a")
    added = tool(script, repo, "record", "memo", "--date", "2022-07-03", "--subject", "fire drill moved")
    assert added.returncode == 0, added.stderr
    assert "kind: memo" in month.read_text() and 'subject: "fire drill moved"' in month.read_text()
    git(repo, "commit", "-qam", "memo a")

    git(repo, "checkout", "-q", "main")
    other = tool(script, repo, "record", "memo", "--date", "2022-07-02", "--subject", "new roster")
    assert other.returncode == 0, other.stderr
    git(repo, "commit", "-qam", "memo b")

    merged = git(repo, "merge", "-q", "--no-edit", "clerk-a", check=False)
    assert merged.returncode == 0, merged.stdout + merged.stderr  # no conflict: the driver merged
    text = month.read_text()
    assert text.index("new roster") < text.index("fire drill moved")  # both, in date order

    for args in (("check", "--allow-gaps"), ("fmt", "--check")):
        done = tool(script, repo, *args)
        assert done.returncode == 0, (args, done.stdout, done.stderr)

    shown = tool(script, repo, "diff", "HEAD~1", "HEAD", "--format", "json")
    assert shown.returncode == 0, shown.stderr
    assert "mem-2022-07-03-" in shown.stdout and "fire drill moved" in shown.stdout  # merged in

    # Without the declaration the same ledger is refused: the kind is unknown.
    plain = subprocess.run(
        [sys.executable, "-m", "seatledger", "check", "--allow-gaps"],
        cwd=repo,
        capture_output=True,
        text=True,
        env=dict(os.environ, SEATLEDGER_NO_CACHE="1"),
    )
    assert plain.returncode == 1 and "'memo' is not a record kind" in plain.stdout + plain.stderr
