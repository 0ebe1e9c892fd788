"""The commands that keep a ledger in git: `fmt`, `close`, `reopen`, `diff` and the merge
driver."""

from __future__ import annotations

import shutil
import sys
import tempfile
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, NamedTuple

from seatledger.app.ledger_access import (
    clean_book,
    existing_ledger,
    open_checked,
    open_with_book,
    paths_of,
    refuse_problems,
)
from seatledger.app.periods import PeriodArgs, option_date, period_from
from seatledger.core.atomic import write_atomic
from seatledger.core.errors import Problem, SeatledgerError, UsageError
from seatledger.core.i18n import Term, msg
from seatledger.core.ledger import Ledger, closed_quarters
from seatledger.core.periods import Period
from seatledger.core.results import Written
from seatledger.core.vocabulary import term
from seatledger.git import repo as gitrepo
from seatledger.git.canonical import canonical_changes
from seatledger.git.closings import close_entry, reopen_entry
from seatledger.git.merge import driver_command, merge_files
from seatledger.read.closings_file import CLOSINGS_FILE
from seatledger.read.ledger_files import META_FILE, ROSTER_FILE, load, month_files
from seatledger.read.locate import Paths, resolve
from seatledger.reports.ledger_diff import LedgerDiff, compare
from seatledger.reports.seal import seal
from seatledger.rules.book import Book, make_book
from seatledger.rules.gaps import gaps_in
from seatledger.write.store import ledger_lock, parse_items

if TYPE_CHECKING:
    from seatledger.core.contract import Contract
    from seatledger.reports.printed import Printed


def fmt(contract: Path | None, ledger: Path | None, check_only: bool) -> list[Path]:
    """The ledger files not in canonical form; rewritten unless `check_only`. All files are
    read first, so a file that cannot be put in order stops the command before any write."""
    where = paths_of(contract, ledger)
    ledger_dir = where.ledger
    with ledger_lock(ledger_dir):
        refuse_problems(open_checked(where))
        paths = [*month_files(ledger_dir)]
        if (ledger_dir / ROSTER_FILE).exists():
            paths.append(ledger_dir / ROSTER_FILE)
        changes = canonical_changes(paths, msg("fmt: nothing was changed"))
        if not check_only:
            for path, wanted in changes.items():
                write_atomic(path, wanted)
        return list(changes)


def close(
    contract: Path | None, ledger: Path | None, quarter: str, on: str | None, *, dry_run: bool = False
) -> Written:
    paths = paths_of(contract, ledger)
    day = option_date(on, "--date") if on else date.today()
    with ledger_lock(paths.ledger):
        led, made = open_with_book(paths)
        q = period_from(led.contract, PeriodArgs(quarter=quarter))
        if q.label in closed_quarters(led.closings):
            raise SeatledgerError(msg("refused: {label} is already closed", label=q.label))
        book = made if made is not None else make_book(led)
        gaps, unrecorded = gaps_in(book, q.start, q.end)
        if gaps or unrecorded:
            missing = [
                Term(f"{g.date} {g.shift}", f"{g.date} {term(g.shift).zh}") for g in (*gaps, *unrecorded)
            ]
            raise SeatledgerError(
                msg(
                    "refused: {label} has {n_missing} required shift(s) with no attendance "
                    "({values}{value}); record them first",
                    label=q.label,
                    n_missing=len(missing),
                    values=Term(", ".join(missing[:5]), "、".join(m.zh for m in missing[:5])),
                    value=Term(", ...", "等") if len(missing) > 5 else "",
                )
            )
        # Only this quarter's gaps matter here (above); a later week still on a branch does not.
        errors = [p for p in led.problems if p.severity == "error" and p.code != "gap"]
        if errors:
            raise SeatledgerError(
                msg(
                    "refused: the ledger has {n_errors} problem(s); `seatledger check` lists them",
                    n_errors=len(errors),
                ),
                errors[:10],
            )
        return _append_closing(
            paths.ledger / CLOSINGS_FILE, q.label, close_entry(q.label, day, seal(led, book, q)), dry_run
        )


def reopen(
    contract: Path | None,
    ledger: Path | None,
    quarter: str,
    reason: str,
    on: str | None,
    *,
    dry_run: bool = False,
) -> Written:
    paths = paths_of(contract, ledger)
    day = option_date(on, "--date") if on else date.today()
    if not reason.strip():
        raise UsageError(msg("--reason: say why the quarter is reopened"))
    with ledger_lock(paths.ledger):
        led = load(paths.contract, paths.ledger)
        q = period_from(led.contract, PeriodArgs(quarter=quarter))
        if q.label not in closed_quarters(led.closings):
            raise SeatledgerError(msg("refused: {label} is not closed", label=q.label))
        return _append_closing(
            paths.ledger / CLOSINGS_FILE, q.label, reopen_entry(q.label, day, reason), dry_run
        )


def _append_closing(path: Path, label: str, text: str, dry_run: bool) -> Written:
    old, _ = parse_items(path)
    if not old:
        old = (
            "# 已结算和重新打开的季度（规则 12），由 seatledger close/reopen 写入 · "
            "closed and reopened quarters (rule 12); written by seatledger close/reopen\n\n"
        )
    new = old + ("" if old.endswith("\n") else "\n") + text
    line = old.count("\n") + 1 + (0 if old.endswith("\n") else 1)
    if not dry_run:
        write_atomic(path, new)
    # Print the entry's head and figures, not its per-record digests (hundreds of lines).
    return Written(label, path, line, text.split("  records:\n")[0], dry_run, "added")


def diff(
    contract: Path | None, ledger: Path | None, revs: list[str], base_branch: str | None, page: bool = False
) -> LedgerDiff | Printed[LedgerDiff]:
    if len(revs) > 2:
        raise UsageError(msg("diff takes at most two revisions"))
    root, contract_abs, ledger_abs, rel = _in_repo(resolve(contract, ledger))
    if revs:
        base_label, base = revs[0], gitrepo.verify(root, revs[0])
    else:
        base_label, base = gitrepo.merge_base(root, base_branch)
    head_label, head = (
        (revs[1], gitrepo.verify(root, revs[1])) if len(revs) == 2 else (msg("working tree"), None)
    )
    with tempfile.TemporaryDirectory(prefix="seatledger-diff-") as tmp:

        def at(rev: str | None, name: str, label: str) -> tuple[Ledger, Book] | None:
            if rev is None:
                where = Paths(contract_abs, existing_ledger(ledger_abs))
            else:
                dest = Path(tmp) / name
                gitrepo.export(root, rev, rel, dest)
                led_dir, con = dest / rel[1], dest / rel[0]
                if not (led_dir / META_FILE).exists():
                    return None
                where = Paths(con if con.exists() else contract_abs, led_dir)
            try:
                return clean_book(where, msg("the ledger in {label}", label=label))
            except SeatledgerError as exc:  # name files as `rev:path`, never a temporary folder
                exc.problems = [_in_rev(p, Path(tmp) / name, label) for p in exc.problems]
                if rev is None or rev != base:
                    raise
                broken[:] = exc.problems
                ledger, book = open_with_book(where)
                return ledger, book if book is not None else make_book(ledger)

        broken: list[Problem] = []
        before, after = at(base, "base", base_label), at(head, "head", head_label)
        if after is None:
            raise SeatledgerError(
                msg("there is no ledger at {rel} in {head_label}", rel=rel[1], head_label=head_label)
            )
        changes = compare(
            before[0] if before is not None else None,
            after[0],
            f"{base_label} ({base[:10]})",
            head_label if head is None else f"{head_label} ({head[:10]})",
            books=(before[1] if before is not None else None, after[1]),
        )
        # A change that repairs a broken base: the base's problems it resolves, not a refusal.
        if broken:
            changes = changes._replace(resolved=tuple(p.render() for p in broken))
    return _on_paper(changes, after[1].contract) if page else changes


def _in_repo(paths: Paths) -> tuple[Path, Path, Path, list[Path]]:
    """The repository's root, the contract and the ledger, and their paths inside it."""
    contract_abs, ledger_abs = paths.contract.resolve(), paths.ledger.resolve()
    root = gitrepo.repo_root(ledger_abs.parent if not ledger_abs.exists() else ledger_abs)
    try:
        return root, contract_abs, ledger_abs, [contract_abs.relative_to(root), ledger_abs.relative_to(root)]
    except ValueError:
        raise SeatledgerError(
            msg("the contract and the ledger must lie inside the repository {root}", root=root)
        ) from None


def _on_paper(changes: LedgerDiff, contract: Contract) -> Printed[LedgerDiff]:
    from seatledger.reports.printed import Printed  # the money reports behind it: only for paper

    span = contract.term
    return Printed(
        contract,
        Period(msg("{base} -> {head}", base=changes.base, head=changes.head), span.start, span.end),
        changes,
    )


def _in_rev(p: Problem, dest: Path, label: str) -> Problem:
    file = p.file
    if file.startswith(str(dest)):
        file = f"{label}:{Path(file).relative_to(dest).as_posix()}"
    if str(dest) in p.message:
        return p._replace(file=file, message=p.message.replace(str(dest) + "/", f"{label}:"))
    return p._replace(file=file)


def merge_driver(base: Path, ours: Path, theirs: Path, path_name: str | None) -> tuple[int, str]:
    """Git's exit status (1: a conflict for a person to resolve) and what to tell them."""
    return merge_files(base, ours, theirs, path_name)


class GitSetup(NamedTuple):
    attributes: Path
    pattern: str
    driver: str


def git_setup(contract: Path | None, ledger: Path | None, *, dry_run: bool = False) -> GitSetup:
    """Install the merge driver in the repository that holds the ledger: a line in the
    repository's .gitattributes, and the driver in its git config by an absolute path, so
    that it runs whatever PATH git has."""
    paths = paths_of(contract, ledger)
    root = gitrepo.repo_root(paths.ledger.resolve())
    pattern = (
        f"{gitrepo.attribute_pattern(paths.ledger.resolve().relative_to(root).as_posix())} merge=seatledger"
    )
    attributes = root / ".gitattributes"
    driver = driver_command(_executable())
    if not dry_run:
        text = attributes.read_text(encoding="utf-8") if attributes.exists() else ""
        if pattern not in text.splitlines():
            write_atomic(
                attributes, text + ("" if not text or text.endswith("\n") else "\n") + pattern + "\n"
            )
        gitrepo.git(root, "config", "merge.seatledger.name", "seatledger ledger merge")
        gitrepo.git(root, "config", "merge.seatledger.driver", driver)
    return GitSetup(attributes, pattern, driver)


def _executable() -> list[str]:
    """This tool's command by an absolute path: the console script beside the interpreter
    (a virtual environment's bin/), else the one on PATH, else `python -m seatledger`."""
    beside = Path(sys.executable).parent / "seatledger"
    if beside.is_file():
        return [str(beside)]
    found = shutil.which("seatledger")
    if found:
        return [str(Path(found).resolve())]
    return [sys.executable, "-m", "seatledger"]
