"""The few git questions `diff` asks, through the git command line."""

from __future__ import annotations

import subprocess
from pathlib import Path

from seatledger.core.errors import SeatledgerError


def git(cwd: Path, *args: str) -> str:
    proc = subprocess.run(["git", *args], cwd=cwd, capture_output=True, text=True)
    if proc.returncode != 0:
        raise GitError(proc.stderr.strip() or f"git {' '.join(args)} failed")
    return proc.stdout


class GitError(SeatledgerError):
    pass


def repo_root(cwd: Path) -> Path:
    try:
        return Path(git(cwd, "rev-parse", "--show-toplevel").strip())
    except (GitError, FileNotFoundError):
        raise SeatledgerError(f"{cwd} is not inside a git repository; `diff` compares "
                              f"git revisions") from None


def verify(root: Path, rev: str) -> str:
    try:
        return git(root, "rev-parse", "--verify", "--quiet", f"{rev}^{{commit}}").strip()
    except GitError:
        shallow = git(root, "rev-parse", "--is-shallow-repository").strip() == "true"
        raise SeatledgerError(
            f"revision {rev!r} is not in this checkout"
            + ("; it is a shallow clone" if shallow else "")
            + f". Fetch it first, e.g. `git fetch origin {rev}` (or `git fetch --unshallow`; "
              f"in GitHub Actions, actions/checkout with fetch-depth: 0)") from None


def merge_base(root: Path, branch: str | None) -> tuple[str, str]:
    """(label, commit) of the merge base of HEAD with the main branch."""
    candidates = [branch] if branch else ["main", "origin/main", "master", "origin/master"]
    for name in candidates:
        try:
            git(root, "rev-parse", "--verify", "--quiet", f"{name}^{{commit}}")
        except GitError:
            continue
        try:
            return f"merge-base({name})", git(root, "merge-base", "HEAD", name).strip()
        except GitError:
            raise SeatledgerError(
                f"no merge base of HEAD and {name} in this checkout: its history is cut short "
                f"(a shallow clone). Fetch it first: `git fetch --unshallow origin {name}` "
                f"(in GitHub Actions, actions/checkout with fetch-depth: 0)") from None
    tried = ", ".join(candidates)
    raise SeatledgerError(f"no main branch to compare with (tried {tried}); name one with "
                          f"--base BRANCH, or give a revision; fetch it first if it is remote")


def export(root: Path, rev: str, paths: list[Path], dest: Path) -> None:
    """Write the files under `paths` (repository-relative) as they are at `rev` into `dest`."""
    listed = git(root, "ls-tree", "-r", "--name-only", "-z", rev, "--", *map(str, paths))
    for name in filter(None, listed.split("\0")):
        proc = subprocess.run(["git", "show", f"{rev}:{name}"], cwd=root, capture_output=True)
        if proc.returncode != 0:
            raise GitError(proc.stderr.decode("utf-8", "replace").strip())
        target = dest / name
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(proc.stdout)
