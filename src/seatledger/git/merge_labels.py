"""The names of a merge's two sides, for the merge driver's conflict markers and message: the
branches, never "ours" and "theirs", which swap meaning in a rebase (there "ours" is the
upstream the clerk's commits are replayed onto, and "theirs" the clerk's own work)."""

from __future__ import annotations

import os
import subprocess
from pathlib import Path


def _git(cwd: Path, *args: str) -> str:
    try:
        proc = subprocess.run(["git", *args], cwd=cwd, capture_output=True, text=True, errors="replace")
    except OSError:
        return ""
    return proc.stdout.strip() if proc.returncode == 0 else ""


def _short(ref: str) -> str:
    return ref.removeprefix("refs/heads/").removeprefix("refs/remotes/")


def side_labels(cwd: Path) -> tuple[str, str]:
    """(the side being merged into, the side coming in), as branch names where git knows them;
    else short commit ids; else "ours" and "theirs"."""
    git_dir = _git(cwd, "rev-parse", "--git-dir")
    if git_dir:
        rebase = cwd / git_dir / "rebase-merge"
        if not rebase.is_dir():
            rebase = cwd / git_dir / "rebase-apply"
        if (rebase / "head-name").is_file() and (rebase / "onto").is_file():
            onto = (rebase / "onto").read_text(encoding="utf-8").strip()
            upstream = _git(cwd, "name-rev", "--name-only", "--no-undefined", onto) or onto[:10]
            return _short(upstream), _short((rebase / "head-name").read_text(encoding="utf-8").strip())
    # git merge names each head it merges in GITHEAD_<sha> for its strategies (and so for us).
    incoming = sorted(v for k, v in os.environ.items() if k.startswith("GITHEAD_") and v)
    current = _git(cwd, "symbolic-ref", "--short", "-q", "HEAD")
    return current or "ours", _short(incoming[0]) if incoming else "theirs"
