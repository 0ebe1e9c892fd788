"""The ledger the server shows: loaded once, checked with the same rules as `check`, and loaded
again only when a file changes (each file's size and mtime, the git index and HEAD), with the
commit it shows and whether the work tree differs from it."""

from __future__ import annotations

import subprocess
from datetime import date
from pathlib import Path
from typing import NamedTuple

from seatledger.app.ledger_access import existing_ledger, open_with_book
from seatledger.core.errors import Problem, SeatledgerError
from seatledger.core.ledger import Ledger
from seatledger.git import audit
from seatledger.read import contract_bases
from seatledger.read.locate import Paths, resolve
from seatledger.read.yaml_reader import YamlError, read_bytes
from seatledger.rules.book import Book, make_book

Stamp = tuple[tuple[str, int, int], ...]


class GitState(NamedTuple):
    commit: str | None  # None: the ledger is not in a git repository
    subject: str
    dirty: bool


class Snapshot(NamedTuple):
    paths: Paths
    stamp: Stamp
    ledger: Ledger | None
    book: Book | None  # None while a problem stops every figure (rule 13)
    problems: tuple[Problem, ...]  # errors: no figure is shown
    findings: tuple[Problem, ...]  # warnings and gaps: shown beside the figures
    git: GitState

    @property
    def as_of(self) -> date:
        """The day the pages are about: the latest record's, else the term's start."""
        assert self.book is not None
        return max((r.date for r in self.book.records), default=self.book.contract.term.start)


def git_output(cwd: Path, *args: str) -> str | None:
    try:
        done = subprocess.run(["git", *args], cwd=cwd, capture_output=True, text=True, check=False)
    except OSError:
        return None
    return done.stdout.strip() if done.returncode == 0 else None


def git_state(paths: Paths) -> GitState:
    where = paths.ledger.resolve()
    line = git_output(where, "log", "-1", "--format=%H%x09%s")
    if not line:
        return GitState(None, "", False)
    commit, _, subject = line.partition("\t")
    status = git_output(where, "status", "--porcelain", "--", ".", str(paths.contract.resolve()))
    return GitState(commit, subject, bool(status))


def _git_files(ledger: Path) -> list[Path]:
    found = git_output(ledger, "rev-parse", "--absolute-git-dir")
    return [Path(found) / "HEAD", Path(found) / "index"] if found else []


def _bases(contract: Path) -> tuple[Path, ...]:
    """The bases the contract extends: a change to one is a change to the contract."""
    try:
        return contract_bases.sources(contract, read_bytes(contract))
    except (YamlError, SeatledgerError):
        return ()  # loading says why


def stamp(paths: Paths, git_files: list[Path]) -> Stamp:
    """What must stay the same for the loaded ledger to stand: every file's size and mtime,
    and git's HEAD and index (a commit, a checkout)."""
    files = [paths.contract, *_bases(paths.contract)]
    if paths.ledger.is_dir():
        files += sorted(paths.ledger.iterdir())
    out = []
    for path in [*files, *git_files]:
        try:
            st = path.stat()
        except OSError:
            continue
        out.append((path.name, st.st_size, st.st_mtime_ns))
    return tuple(out)


def load(paths: Paths, at: Stamp) -> Snapshot:
    git = git_state(paths)
    try:
        ledger, book = open_with_book(Paths(paths.contract, existing_ledger(paths.ledger)))
    except SeatledgerError as exc:
        problems = exc.problems or [Problem(str(paths.ledger), 0, "", exc.message)]
        return Snapshot(paths, at, None, None, tuple(problems), (), git)
    found = list(ledger.problems)
    if git.commit is not None:
        found += audit.work_tree_losses(paths.ledger)
    errors = tuple(p for p in found if p.severity == "error" and p.code != "gap")
    rest = tuple(p for p in found if p not in errors)
    if errors:
        return Snapshot(paths, at, ledger, None, errors, rest, git)
    return Snapshot(paths, at, ledger, book or make_book(ledger), (), rest, git)


class Site:
    """The one loaded ledger of a server; `current()` reloads it when a file changed."""

    def __init__(self, contract: Path | None, ledger: Path | None) -> None:
        self.paths = resolve(contract, ledger)
        self._snapshot: Snapshot | None = None
        self._git_files = _git_files(self.paths.ledger) if self.paths.ledger.is_dir() else []

    def stamp(self) -> Stamp:
        """The state of the contract's and ledger's files now (nothing is loaded)."""
        return stamp(self.paths, self._git_files)

    def current(self) -> Snapshot:
        at = stamp(self.paths, self._git_files)
        if self._snapshot is None or self._snapshot.stamp != at:
            self._snapshot = load(self.paths, at)
        return self._snapshot
