"""A clone that runs another seatledger than the one its repository pins in
`seatledger-requirements.txt` (issue 21): CI, the hooks and the merge driver run the pinned
one, so a clerk's figures could differ from the ones the pull request shows. `check` says so.
Only a difference that can be known is reported: a `==` version, or a pinned commit against
an install from git (an editable install's commit cannot be known, so only its version counts)."""

from __future__ import annotations

import json
import os
import re
from importlib import metadata
from pathlib import Path

from seatledger.core.errors import Problem
from seatledger.core.i18n import msg
from seatledger.git.audit import work_tree

PIN_FILE = "seatledger-requirements.txt"
_PIN = re.compile(r"^seatledger\s*(?:==\s*(?P<version>[^\s;#]+)|@\s*git\+\S+?@(?P<ref>[^\s#;]+))")


def pinned(text: str) -> tuple[str, str] | None:
    """("version", X) or ("ref", R) from the file's seatledger line; None without one."""
    for line in text.splitlines():
        m = _PIN.match(line.strip())
        if m:
            return ("version", m["version"]) if m["version"] else ("ref", m["ref"])
    return None


def installed() -> tuple[str, str | None]:
    """The installed version, and the git commit it was installed from (PEP 610), if any."""
    dist = metadata.distribution("seatledger")
    raw = dist.read_text("direct_url.json")
    commit = json.loads(raw).get("vcs_info", {}).get("commit_id") if raw else None
    return dist.version, commit


def differs(pin: tuple[str, str], version: str, commit: str | None) -> str | None:
    """What this install is, where it differs from the pin; None where it matches or cannot
    be told apart."""
    kind, want = pin
    if kind == "version":
        return version if version != want else None
    if commit is None or not re.fullmatch(r"[0-9a-f]{7,40}", want):
        return None  # a tag or branch, or an install not from git: cannot be compared
    return None if commit.startswith(want) or want.startswith(commit) else commit[:12]


def version_mismatch(ledger: Path) -> list[Problem]:
    where = work_tree(ledger)
    if where is None:
        return []
    path = where.root / PIN_FILE
    try:
        pin = pinned(path.read_text(encoding="utf-8", errors="replace"))
    except OSError:
        return []
    if pin is None:
        return []
    found = differs(pin, *installed())
    if found is None:
        return []
    return [
        Problem(
            os.path.relpath(path),
            0,
            "",
            msg(
                "this clone runs seatledger {found} but {file} pins {pinned}, which CI, the hooks "
                "and the merge driver run, so figures may differ; run: pip install -r {file}",
                found=found,
                file=PIN_FILE,
                pinned=pin[1],
            ),
            severity="warning",
            code="other-version",
        )
    ]
