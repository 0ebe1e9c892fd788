"""The few git questions `diff` asks, through the git command line."""

from __future__ import annotations

import subprocess
from pathlib import Path

from seatledger.core.errors import SeatledgerError
from seatledger.core.i18n import msg


def git(cwd: Path, *args: str) -> str:
    proc = subprocess.run(["git", *args], cwd=cwd, capture_output=True, text=True, errors="replace")
    if proc.returncode != 0:
        raise GitError(proc.stderr.strip() or msg("git {command} failed", command=" ".join(args)))
    return proc.stdout


class GitError(SeatledgerError):
    pass


def repo_root(cwd: Path) -> Path:
    try:
        return Path(git(cwd, "rev-parse", "--show-toplevel").strip())
    except (GitError, FileNotFoundError):
        raise SeatledgerError(
            msg("{cwd} is not inside a git repository; `diff` compares git revisions", cwd=cwd)
        ) from None


def _shallow(root: Path) -> bool:
    return git(root, "rev-parse", "--is-shallow-repository").strip() == "true"


def _remote_branch(name: str) -> tuple[str, str]:
    """(remote, branch) for `origin/main` or `main`."""
    remote, _, branch = name.partition("/")
    return (remote, branch) if branch else ("origin", name)


def verify(root: Path, rev: str) -> str:
    try:
        return git(root, "rev-parse", "--verify", "--quiet", f"{rev}^{{commit}}").strip()
    except GitError:
        pass
    if _shallow(root):
        hint = msg(
            "this checkout is a shallow clone: fetch its history with `git fetch --unshallow origin` "
            "(in GitHub Actions, actions/checkout with fetch-depth: 0)"
        )
    elif any(ch in rev for ch in "~^@"):
        hint = msg("it reaches before the first commit, or names no commit; check the revision")
    else:
        hint = msg("fetch it first, e.g. `git fetch origin {rev}`, or check its name", rev=rev)
    raise SeatledgerError(
        msg("revision {rev!r} is not in this checkout; {hint}", rev=rev, hint=hint)
    ) from None


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
            pass
        if _shallow(root):
            raise SeatledgerError(
                msg(
                    "no merge base of HEAD and {name} in this checkout: it is a shallow "
                    "clone. Fetch the history first: `{fetch_hint}` (in GitHub Actions, "
                    "actions/checkout with fetch-depth: 0)",
                    name=name,
                    fetch_hint=_fetch_hint(root, name),
                )
            ) from None
        raise SeatledgerError(
            msg(
                "HEAD and {name} have no common history (unrelated branches), so there "
                "is no merge base to compare with; compare two revisions instead: "
                "`seatledger diff REV REV2`",
                name=name,
            )
        ) from None
    tried = ", ".join(candidates)
    remote_names = [n for n in candidates if "/" in n]
    if remote_names:
        raise SeatledgerError(
            msg(
                "no main branch to compare with (tried {tried}); if it is on the remote, "
                "fetch it first: `{fetch_hint}`, or name another with --base BRANCH",
                tried=tried,
                fetch_hint=_fetch_hint(root, remote_names[0]),
            )
        )
    raise SeatledgerError(
        msg(
            "no main branch to compare with (tried {tried}); name one with --base BRANCH, or give a revision",
            tried=tried,
        )
    )


def _fetch_hint(root: Path, name: str) -> str:
    """A fetch that brings `origin/main` (whole, in a shallow clone) even into a clone made
    with --single-branch, whose refspec would not track it."""
    remote, short = _remote_branch(name)
    deep = "--unshallow " if _shallow(root) else ""
    return f"git fetch {deep}{remote} {short}:refs/remotes/{remote}/{short}"


def export(root: Path, rev: str, paths: list[Path], dest: Path) -> None:
    """Write the files under `paths` (repository-relative) as they are at `rev` into `dest`:
    one `ls-tree` and one `cat-file --batch` whatever the number of files (a `git show` each
    was most of a diff's time)."""
    listed = git(root, "ls-tree", "-r", "-z", rev, "--", *map(str, paths))
    blobs = []
    for entry in filter(None, listed.split("\0")):
        meta, name = entry.split("\t", 1)
        _mode, kind, oid = meta.split()
        if kind == "blob":
            blobs.append((oid, name))
    if not blobs:
        return
    found = cat_file(root, [oid for oid, _ in blobs])
    for oid, name in blobs:
        got_kind, data = found[oid]
        if got_kind != "blob":
            raise GitError(
                msg("git cat-file gave {got} {kind} for {name}", got=oid, kind=got_kind, name=name)
            )
        target = dest / name
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(data)


def cat_file(root: Path, names: list[str]) -> dict[str, tuple[str, bytes]]:
    """Each object `names` names (an oid, or `rev:path`), as (type, bytes), from one
    `git cat-file --batch`; a name git cannot find is absent from the answer."""
    proc = subprocess.run(
        ["git", "cat-file", "--batch"],
        cwd=root,
        capture_output=True,
        input="".join(f"{name}\n" for name in names).encode(),
    )
    if proc.returncode != 0:
        raise GitError(proc.stderr.decode("utf-8", "replace").strip())
    out, pos = proc.stdout, 0
    found: dict[str, tuple[str, bytes]] = {}
    for name in names:
        header_end = out.index(b"\n", pos)
        header = out[pos:header_end].decode("utf-8", "replace").split()
        pos = header_end + 1
        if len(header) != 3 or header[-1] == "missing":
            continue
        start, size = pos, int(header[2])
        found[name] = (header[1], out[start : start + size])
        pos = start + size + 1
    return found


def attribute_pattern(folder: str) -> str:
    """The .gitattributes pattern for the YAML files of `folder` (a repository-relative POSIX
    path) that git matches whatever the folder's name holds: glob characters escaped with a
    backslash (`[2022]` is otherwise a character class), and the pattern quoted in C style
    where it holds a space, a quote or a control character (unquoted, a space ends it)."""
    escaped = "".join("\\" + ch if ch in "\\*?[]!#" else ch for ch in folder) + "/*.yaml"
    if not any(ch in escaped for ch in ' "\t\n') and not escaped.startswith("\\#"):
        return escaped
    return (
        '"'
        + escaped.replace("\\", "\\\\").replace('"', '\\"').replace("\t", "\\t").replace("\n", "\\n")
        + '"'
    )
