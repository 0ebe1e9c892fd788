"""A clone whose `.gitattributes` names seatledger's merge driver but whose git config lacks it
(it never ran `git-setup`): git then merges ledger files line by line, silently. `check` says
so, with the one command that fixes it."""

from __future__ import annotations

import os
import subprocess
from pathlib import Path

from seatledger.core.errors import Problem
from seatledger.core.i18n import msg
from seatledger.git.audit import work_tree


def unconfigured_driver(ledger: Path) -> list[Problem]:
    where = work_tree(ledger)
    if where is None:
        return []
    attributes = where.root / ".gitattributes"
    try:
        named = "merge=seatledger" in attributes.read_text(encoding="utf-8", errors="replace")
    except OSError:
        return []
    if not named:
        return []  # a single git process, and only in a repository that names the driver
    try:
        proc = subprocess.run(
            ["git", "config", "--get", "merge.seatledger.driver"],
            cwd=where.root,
            capture_output=True,
            text=True,
        )
    except OSError:
        return []
    if proc.returncode == 0 and proc.stdout.strip():
        return []
    return [
        Problem(
            os.path.relpath(attributes),
            0,
            "",
            msg(
                "this clone's git config lacks the merge driver that .gitattributes names, so git "
                "merges ledger files line by line; run once in this clone: seatledger git-setup"
            ),
            severity="warning",
            code="no-driver",
        )
    ]
