"""The pages that list rather than compute: the records with filters and paging, the git log of
the ledger and what a commit or a branch changed (the same as `diff`), and a ledger file with
its lines numbered, where each problem links."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any, NamedTuple

from seatledger.app import ledger_git
from seatledger.core.dates import parse_date
from seatledger.core.errors import Problem, SeatledgerError
from seatledger.core.i18n import N_, msg
from seatledger.core.record_text import scalar
from seatledger.core.records import Record
from seatledger.git import repo as gitrepo
from seatledger.render.markdown import warnings, what_changed
from seatledger.reports.printed import Printed
from seatledger.web.pages import PageError
from seatledger.web.site import Snapshot

PAGE_SIZE = 50
CHANGES = (N_("added"), N_("changed"), N_("removed"))  # a record's change, shown by _(change)
SHOWN = 500  # a commit's changed records listed; the rest counted
_FOUND: dict[tuple[object, ...], list[Record]] = {}  # the last filters' records, for paging
FILTERS = ("kind", "from", "to", "staff", "penalty")
HIDDEN_FIELDS = ("id", "kind", "date", "source")


class Filters(NamedTuple):
    kind: str = ""
    start: date | None = None
    end: date | None = None
    staff: str = ""
    penalty: str = ""

    def keep(self, r: Record) -> bool:
        if self.kind and r.kind != self.kind:
            return False
        if (self.start and r.date < self.start) or (self.end and r.date > self.end):
            return False
        if self.staff and self.staff not in _people(r):
            return False
        return not self.penalty or getattr(r, "penalty", None) == self.penalty


def _people(r: Record) -> set[str]:
    out: set[str] = set()
    for name in ("staff", "absent"):
        value = getattr(r, name, None) or ()
        out.update(value if isinstance(value, tuple) else (value,))
    return out


def _day(name: str, value: str) -> date | None:
    if not value:
        return None
    try:
        return parse_date(value)
    except ValueError as exc:
        raise PageError(msg("{name} {value!r}: {exc}", name=name, value=value, exc=exc)) from None


def fields_of(r: Record) -> str:
    """The record's fields after its id, kind and date, as they are written."""
    parts = []
    for name, value in zip(r._fields, r, strict=True):
        if name in HIDDEN_FIELDS or value is None or value == ():
            continue
        shown = "[" + ", ".join(scalar(v) for v in value) + "]" if isinstance(value, tuple) else scalar(value)
        parts.append(f"{name}: {shown}")
    return "; ".join(parts)


def records(snap: Snapshot, query: dict[str, str]) -> dict[str, Any]:
    assert snap.ledger is not None
    chosen = Filters(
        query.get("kind", ""),
        _day("from", query.get("from", "")),
        _day("to", query.get("to", "")),
        query.get("staff", "").strip(),
        query.get("penalty", "").strip(),
    )
    key = (snap.stamp, chosen)
    if key not in _FOUND:  # paging through 100k records filters them once, not once a page
        _FOUND.clear()
        _FOUND[key] = [r for r in snap.ledger.records if chosen.keep(r)]
    found = _FOUND[key]
    pages = max(1, -(-len(found) // PAGE_SIZE))
    try:
        page = min(max(1, int(query.get("page", "1") or 1)), pages)
    except ValueError:
        raise PageError(
            msg("page {value!r}: a number from 1 to {pages}", value=query["page"], pages=pages)
        ) from None
    voided = {getattr(r, "target", "") for r in snap.ledger.records if r.kind == "void"}
    kinds = sorted({r.kind for r in snap.ledger.records})
    shown = found[(page - 1) * PAGE_SIZE : page * PAGE_SIZE]
    return {
        "rows": [(r, fields_of(r), r.id in voided) for r in shown],
        "count": len(found),
        "page": page,
        "pages": pages,
        "kinds": kinds,
        "query": {k: query.get(k, "") for k in FILTERS},
    }


class Commit(NamedTuple):
    id: str
    author: str
    day: str
    subject: str


def history(snap: Snapshot, limit: int = 200) -> dict[str, Any]:
    """The commits that touched the ledger or the contract, newest first, and the branches."""
    where = snap.paths.ledger.resolve()
    try:
        root = gitrepo.repo_root(where)
        log = gitrepo.git(
            root,
            "log",
            f"-{limit}",
            "--format=%H%x09%an%x09%ad%x09%s",
            "--date=short",
            "--",
            str(where),
            str(snap.paths.contract.resolve()),
        )
        branches = gitrepo.git(root, "branch", "--format=%(refname:short)").split()
    except SeatledgerError:  # not in git (repo_root), or git refused
        return {"commits": [], "branches": [], "git": False}
    commits = [Commit(*line.split("\t", 3)) for line in log.splitlines() if line.count("\t") >= 3]
    return {"commits": commits, "branches": branches, "git": True}


def change(snap: Snapshot, rev: str, branch: str) -> dict[str, Any]:
    """What a commit changed (against its first parent), or a branch against its merge base
    with HEAD: `seatledger diff`'s own report (records, money, roster compliance)."""
    if rev.startswith("-") or branch.startswith("-"):  # never an option to git
        raise PageError(msg("{value!r} names no commit or branch", value=rev or branch))
    root = gitrepo.repo_root(snap.paths.ledger.resolve())
    if branch:
        base = gitrepo.git(root, "merge-base", "HEAD", gitrepo.verify(root, branch)).strip()
        revs, title = [base, branch], branch
    else:
        commit = gitrepo.verify(root, rev)
        parents = gitrepo.git(root, "rev-list", "--parents", "-n", "1", commit).split()[1:]
        if not parents:
            return {"title": commit, "d": None, "first": True}
        revs, title = [parents[0], commit], commit
    d = ledger_git.diff(snap.paths.contract, snap.paths.ledger, revs, None)
    assert not isinstance(d, Printed)  # the report itself: no page asked for
    return {
        "title": title,
        "d": d,
        "first": False,
        "warnings": warnings(d),
        "details": {r.id: what_changed(r) for r in (*d.records[:SHOWN], *d.roster)},
        "shown": SHOWN,
    }


def source_name(snap: Snapshot, file: str) -> str | None:
    """The name a problem's file has on the site: a ledger file's name, or `contract`."""
    path = Path(file).resolve()
    if path == snap.paths.contract.resolve():
        return "contract"
    if path.parent == snap.paths.ledger.resolve() and path.is_file():
        return path.name
    return None


def source(snap: Snapshot, name: str) -> dict[str, Any]:
    """A ledger file (or the contract) with its lines numbered; nothing outside them."""
    if name == "contract":
        path = snap.paths.contract
    else:
        path = snap.paths.ledger / name
        inside = path.resolve().parent == snap.paths.ledger.resolve()
        if "/" in name or "\\" in name or name.startswith(".") or not path.is_file() or not inside:
            raise PageError(msg("{name!r} is not a file of the ledger", name=name))
    text = path.read_bytes().decode("utf-8", errors="replace")
    marked: dict[int, list[Problem]] = {}
    for p in (*snap.problems, *snap.findings):
        if source_name(snap, p.file) == name and p.line:
            marked.setdefault(p.line, []).append(p)
    return {"name": name, "path": str(path), "lines": text.splitlines(), "marked": marked}
