"""Nothing lost (issue 19): no record leaves the ledger but by a void, at any commit.

A record is known by its id alone. Between a commit (or HEAD, or a merge in progress) and
what follows it (a child commit, or the work tree), a record present before and absent after,
and not withdrawn by a void after, is lost; a `--replace` keeps its id, so it is a change.
Files are compared by their blob ids first, so only the month files that changed are read."""

from __future__ import annotations

import hashlib
import os
import re
from collections.abc import Mapping
from pathlib import Path
from typing import NamedTuple

from seatledger.core.errors import Problem, SeatledgerError
from seatledger.core.i18n import msg
from seatledger.git import repo as gitrepo
from seatledger.read.ledger_files import MONTH_FILE
from seatledger.read.record_ids import FileIds, file_ids

Tree = dict[str, str]  # month file name -> blob id
_MERGING = re.compile(r"GITHEAD_([0-9a-f]{40}|[0-9a-f]{64})")
_ID_LINE = re.compile(rb"^- id: [^\n]*", re.MULTILINE)


class Where(NamedTuple):
    root: Path  # the work tree's top folder
    rel: str  # the ledger folder, relative to it (posix)

    def path_of(self, name: str) -> str:
        """A ledger file's path in the repository."""
        return name if self.rel == "." else self.rel + "/" + name


class Lost(NamedTuple):
    record: str
    file: str  # month file name where it was before
    line: int
    before: str  # the revision it was in


def work_tree(ledger: Path) -> Where | None:
    """The git work tree holding `ledger`, found without running git; None outside one."""
    here = ledger.resolve()
    for folder in (here, *here.parents):
        if (folder / ".git").exists():
            return Where(folder, here.relative_to(folder).as_posix())
    return None


def _tree_name(rev: str, rel: str) -> str:
    return f"{rev}:{rel}" if rel not in ("", ".") else f"{rev}^{{tree}}"


def _month_tree(data: bytes, oid_bytes: int) -> Tree:
    """A git tree object's month files (`<mode> <name>\\0<raw id>` entries)."""
    out: Tree = {}
    pos = 0
    while pos < len(data):
        nul = data.index(b"\0", pos)
        mode, _, name = data[pos:nul].partition(b" ")
        oid = data[nul + 1 : nul + 1 + oid_bytes].hex()
        pos = nul + 1 + oid_bytes
        text = name.decode("utf-8", "replace")
        if not mode.startswith(b"4") and MONTH_FILE.match(text):
            out[text] = oid
    return out


def trees(where: Where, revs: list[str], oid_bytes: int = 20) -> dict[str, Tree]:
    """The ledger folder's month files at each revision that has one, in one `cat-file`."""
    names = {rev: _tree_name(rev, where.rel) for rev in revs}
    found = gitrepo.cat_file(where.root, list(names.values()))
    out = {}
    for rev, name in names.items():
        kind, data = found.get(name, ("missing", b""))
        if kind == "tree":
            out[rev] = _month_tree(data, oid_bytes)
    return out


class Blobs:
    """Month files by blob id: their bytes, and their ids read once whatever the number of
    commits."""

    def __init__(self, where: Where) -> None:
        self.where = where
        self.data: dict[str, bytes] = {}
        self.read: dict[str, FileIds] = {}
        self.id_lines: dict[str, frozenset[bytes]] = {}

    def fetch(self, oids: set[str]) -> None:
        wanted = [oid for oid in oids if oid not in self.data]
        if wanted:
            for oid, (_kind, data) in gitrepo.cat_file(self.where.root, wanted).items():
                self.data[oid] = data

    def ids(self, oid: str) -> FileIds:
        if oid not in self.read:
            self.read[oid] = file_ids(self.data.get(oid, b""), oid)
        return self.read[oid]

    def keeps(self, new: str, old: str) -> bool:
        """Whether the file `new` holds every record of `old` without reading either: it is
        `old` with lines added at its end (most commits only append), or every `- id:` line
        of `old` is a line of `new` (an edit, a --replace). A line `- id: X` at the start of a
        line is record X to either reader; when one is missing, both files are read."""
        before, after = self.data.get(old), self.data.get(new)
        if before is None or after is None:
            return False
        if (not before or before.endswith(b"\n")) and after.startswith(before):
            return True
        return self._id_lines(old, before) <= self._id_lines(new, after)

    def _id_lines(self, oid: str, data: bytes) -> frozenset[bytes]:
        if oid not in self.id_lines:
            self.id_lines[oid] = frozenset(_ID_LINE.findall(data))
        return self.id_lines[oid]


def losses(parents: Mapping[str, Tree], child: Tree, blobs: Blobs) -> list[Lost]:
    """The records of any parent that the child neither holds nor voids."""
    candidates = _in_changed_files(parents, child, blobs)
    if candidates:  # the child's changed files first: a record that moved is most likely there
        changed = [oid for name, oid in child.items() if any(p.get(name) != oid for p in parents.values())]
        _drop(candidates, changed, blobs, voids=False)
    if candidates:
        _drop(candidates, list(child.values()), blobs, voids=True)
    return sorted(candidates.values(), key=lambda lost: (lost.file, lost.line))


def _in_changed_files(parents: Mapping[str, Tree], child: Tree, blobs: Blobs) -> dict[str, Lost]:
    """The records of the parents' files that the child does not hold whole."""
    found: dict[str, Lost] = {}
    for rev, parent in parents.items():
        for name, oid in parent.items():
            now = child.get(name)
            if now != oid and not (now is not None and blobs.keeps(now, oid)):
                for rid, line in blobs.ids(oid).ids.items():
                    found.setdefault(rid, Lost(rid, name, line, rev))
    return found


def _drop(candidates: dict[str, Lost], oids: list[str], blobs: Blobs, voids: bool) -> None:
    for oid in oids:
        held = blobs.ids(oid)
        for rid in (*held.ids, *held.voided) if voids else held.ids:
            candidates.pop(rid, None)


def blob_id(data: bytes, oid_bytes: int) -> str:
    """The id git gives these bytes as a blob (SHA-1, or SHA-256 in a SHA-256 repository)."""
    digest = hashlib.sha1 if oid_bytes == 20 else hashlib.sha256
    return digest(b"blob %d\0" % len(data) + data).hexdigest()


def merging() -> list[str]:
    """The commits being merged: MERGE_HEAD once a merge has stopped, and while `git merge`
    runs its pre-merge-commit hook (before MERGE_HEAD exists) the heads it names in its
    environment as GITHEAD_<commit>."""
    return ["MERGE_HEAD", *(m.group(1) for name in os.environ if (m := _MERGING.fullmatch(name)))]


def work_tree_losses(ledger: Path) -> list[Problem]:
    """Records in HEAD (and in the commits being merged) that the ledger folder has lost."""
    where = work_tree(ledger)
    if where is None:
        return []
    try:
        before = trees(where, ["HEAD", *merging()])
    except (gitrepo.GitError, OSError):
        return []
    if "HEAD" not in before:
        return []
    oid_bytes = len(next(iter(before["HEAD"].values()), "0" * 40)) // 2
    blobs = Blobs(where)
    child: Tree = {}
    for path in sorted(ledger.iterdir()):
        if MONTH_FILE.match(path.name) and path.is_file():
            data = path.read_bytes()
            child[path.name] = oid = blob_id(data, oid_bytes)
            blobs.data[oid] = data
    blobs.fetch({oid for tree in before.values() for name, oid in tree.items() if child.get(name) != oid})
    return [
        Problem(
            str(ledger / lost.file),
            0,
            "id",
            msg(
                "record {record} (line {line} in {rev}) is gone and no void withdraws it; restore "
                "it from `git show {rev}:{path}`, or void it",
                record=lost.record,
                line=lost.line,
                rev=lost.before if lost.before in ("HEAD", "MERGE_HEAD") else lost.before[:10],
                path=where.path_of(lost.file),
            ),
            record=lost.record,
            code="lost",
        )
        for lost in losses(before, child, blobs)
    ]


class Commit(NamedTuple):
    sha: str
    parents: tuple[str, ...]
    subject: str


def commits_since(where: Where, since: str) -> list[Commit]:
    """`git rev-list --reverse REV..HEAD`, each commit with its parents and subject."""
    base = gitrepo.verify(where.root, since)
    # `>` before the subject: rev-list prints no line at all for an empty one.
    out = gitrepo.git(where.root, "rev-list", "--reverse", "--parents", "--format=>%s", f"{base}..HEAD")
    lines = out.splitlines()
    found = []
    for head, subject in zip(lines[::2], lines[1::2], strict=True):
        sha, *parents = head.removeprefix("commit ").split()
        found.append(Commit(sha, tuple(parents), subject[1:]))
    return found


def history_losses(ledger: Path, since: str) -> list[Problem]:
    """Every commit from `since` to HEAD that drops a record without a void."""
    where = work_tree(ledger)
    if where is None:
        raise SeatledgerError(
            msg("--since: {ledger} is not in a git work tree; there is no history to audit", ledger=ledger)
        )
    walk = commits_since(where, since)
    if not walk:
        return []
    revs = sorted({c.sha for c in walk} | {p for c in walk for p in c.parents})
    found = trees(where, revs, len(walk[0].sha) // 2)
    blobs = Blobs(where)
    blobs.fetch({oid for tree in found.values() for oid in tree.values()})
    problems = []
    for c in walk:
        parents = {p: found[p] for p in c.parents if p in found}
        for lost in losses(parents, found.get(c.sha, {}), blobs):
            problems.append(
                Problem(
                    str(ledger / lost.file),
                    0,
                    "id",
                    msg(
                        "commit {commit} ({subject}) drops record {record} (line {line} in "
                        "{parent}) and no void withdraws it",
                        commit=c.sha[:10],
                        subject=c.subject,
                        record=lost.record,
                        line=lost.line,
                        parent=lost.before[:10],
                    ),
                    record=lost.record,
                    code="lost",
                )
            )
    return problems
