"""A git merge driver for ledger files (`seatledger merge-driver %O %A %B %P`).

Records and roster entries are merged by id: what one side added, changed or removed is
taken; both sides' additions are kept, in canonical order. A real conflict arises only
when both sides changed the same record differently (two branches recording the same day
and shift, say), and is written with the usual conflict markers around that record alone.
closings.yaml keeps both sides' entries in date order, and conflicts only where both sides
closed or reopened the same quarter. Other files (ledger settings) get git's own line merge.
"""

from __future__ import annotations

import shlex
import subprocess
import tempfile
from pathlib import Path

from seatledger.core.atomic import write_atomic
from seatledger.core.day_lines import lay_out
from seatledger.core.errors import SeatledgerError
from seatledger.core.foreign import os_reason
from seatledger.core.i18n import msg
from seatledger.core.records import Void
from seatledger.git.canonical import Item, ListFile, parse
from seatledger.git.merge_labels import side_labels
from seatledger.read.closings_file import CLOSINGS_FILE
from seatledger.read.ledger_files import MONTH_FILE, ROSTER_FILE


def file_kind(path_name: str | None, text: str) -> str | None:
    """records, roster, or None for a line merge. Git gives the driver temporary file names;
    `%P` gives the real one, and without it the content tells."""
    name = Path(path_name).name if path_name else ""
    if name == CLOSINGS_FILE:
        return "closings"
    if name == ROSTER_FILE:
        return "roster"
    if MONTH_FILE.match(name):
        return "records"
    if name:
        return None
    lines = [line for line in text.splitlines() if line.strip() and not line.startswith("#")]
    if lines and lines[0].startswith("- "):
        return (
            "records"
            if any(line.strip().startswith("kind:") or "kind:" in line for line in lines[:12])
            else "roster"
        )
    return None


def _items(f: ListFile) -> dict[str, Item]:
    return {i.id: i for i in f.items}


def merge_texts(
    base: str, ours: str, theirs: str, kind: str, name: str, labels: tuple[str, str] = ("ours", "theirs")
) -> tuple[str, list[str]]:
    """The merged text and the ids of the conflicting items, marked with the sides' `labels`."""
    start, end = f"<<<<<<< {labels[0]}\n", f">>>>>>> {labels[1]}\n"
    o, a, b = (parse(t, name, kind) for t in (base, ours, theirs))
    for side, f in ((msg("base"), o), (msg("ours"), a), (msg("theirs"), b)):
        seen: set[str] = set()
        for item in f.items:
            if item.id in seen:  # merged by id, one of the two would silently vanish
                raise SeatledgerError(msg("{side} holds two records with id {id}", side=side, id=item.id))
            seen.add(item.id)
    oi, ai, bi = _items(o), _items(a), _items(b)
    merged: list[tuple[tuple[str, ...], str]] = []
    conflicts: list[str] = []
    # A void added on one side of a record changed on the other withdraws something its
    # reviewer never saw: the record and the void go into one conflict.
    clashes = _void_clashes(oi, ai, bi)
    for target, (void_side, void) in sorted(clashes.items()):
        conflicts.append(target)
        mine, other = ai.get(target), bi.get(target)
        ours_text = (mine.render() if mine else "") + (void.render() if void_side == "a" else "")
        theirs_text = (other.render() if other else "") + (void.render() if void_side == "b" else "")
        key = (mine or other or oi[target]).key
        merged.append((key, f"{start}{ours_text}=======\n{theirs_text}{end}"))
    settled = set(clashes) | {v.id for _, v in clashes.values()}
    for rid in (set(oi) | set(ai) | set(bi)) - settled:
        old, mine, other = (x.get(rid) for x in (oi, ai, bi))
        text = {k: v.render() if v else None for k, v in (("o", old), ("a", mine), ("b", other))}
        if text["a"] == text["b"] or text["b"] == text["o"]:
            chosen = mine
        elif text["a"] == text["o"]:
            chosen = other
        else:
            conflicts.append(rid)
            key = (mine or other or old).key  # type: ignore[union-attr]
            merged.append((key, f"{start}{text['a'] or ''}=======\n{text['b'] or ''}{end}"))
            continue
        if chosen is not None:
            merged.append((chosen.key, chosen.render()))
    preamble = b.preamble if a.preamble == o.preamble else a.preamble
    if a.preamble != o.preamble and b.preamble != o.preamble:
        preamble = a.preamble + tuple(line for line in b.preamble if line not in a.preamble)
    return lay_out("".join(preamble), merged, a.month or b.month), conflicts


def _entries(text: str) -> tuple[str, list[str]]:
    """(preamble, entry blocks) of closings.yaml, each block from its `- ` line."""
    lines = text.splitlines(keepends=True)
    if lines and not lines[-1].endswith("\n"):
        lines[-1] += "\n"
    first = next((n for n, line in enumerate(lines) if line.startswith("- ")), len(lines))
    blocks: list[str] = []
    for line in lines[first:]:
        if line.startswith("- ") or not blocks:
            blocks.append(line)
        else:
            blocks[-1] += line
    return "".join(lines[:first]), blocks


def _field(block: str, name: str) -> str:
    for line in block.splitlines():
        key, _, value = line.lstrip("- ").partition(": ")
        if key == name:
            return value.strip()
    return ""


def merge_closings(base: str, ours: str, theirs: str) -> tuple[str, int]:
    """closings.yaml is appended to: keep the base's entries, then both sides' new ones in date
    order. Where both sides add entries for the same quarter that differ, that is a conflict."""
    head, old = _entries(base)
    ours_head, mine = _entries(ours)
    _, other = _entries(theirs)
    new_a = [b for b in mine if b not in old]
    new_b = [b for b in other if b not in old and b not in new_a]
    quarters_a = {_field(b, "quarter") for b in new_a}
    clash = {_field(b, "quarter") for b in new_b} & quarters_a
    kept = [b for b in (*new_a, *new_b) if _field(b, "quarter") not in clash]
    kept.sort(key=lambda b: _field(b, "date"))
    out = (head or ours_head) + "".join(old) + "".join(kept)
    for quarter in sorted(clash):
        a = "".join(b for b in new_a if _field(b, "quarter") == quarter)
        b_ = "".join(b for b in new_b if _field(b, "quarter") == quarter)
        out += f"<<<<<<< ours\n{a}=======\n{b_}>>>>>>> theirs\n"
    return out, len(clash)


def _void_clashes(
    oi: dict[str, Item], ai: dict[str, Item], bi: dict[str, Item]
) -> dict[str, tuple[str, Item]]:
    """target id -> (the side that voided it, its void), where the other side changed it."""
    out: dict[str, tuple[str, Item]] = {}
    for side, mine, other in (("a", ai, bi), ("b", bi, ai)):
        for rid, item in mine.items():
            target = getattr(item.value, "target", None)
            if rid in oi or not isinstance(item.value, Void) or target not in oi:
                continue
            theirs = other.get(target)
            if theirs is not None and theirs.render() != oi[target].render():
                out[target] = (side, item)
    return out


def merge_files(base: Path, ours: Path, theirs: Path, path_name: str | None) -> tuple[int, str]:
    """Git's driver contract: leave the result in `ours`; 0 when clean, 1 for a conflict.
    Returns the status and a message for the person merging. A side that cannot be read or
    parsed never makes a side vanish: the file gets git's line merge, both sides kept, and
    the merge is marked as a conflict so a person looks at it."""
    name = path_name or str(ours)
    try:
        old = base.read_text(encoding="utf-8") if base.exists() else ""
        mine, other = (p.read_text(encoding="utf-8") for p in (ours, theirs))
    except (OSError, UnicodeDecodeError) as exc:
        return _line_merge(base, ours, theirs, f"{name}: {_why(exc)}")
    kind = file_kind(path_name, mine or other)
    if kind == "closings":
        merged, conflicts = merge_closings(old, mine, other)
        write_atomic(ours, merged)
        if conflicts:
            return 1, (
                msg(
                    "seatledger: conflict in {name}: both sides closed or reopened the same quarter "
                    "differently; keep one entry, then run `seatledger check`",
                    name=name,
                )
            )
        return 0, ""
    if kind is None:
        return _line_merge(base, ours, theirs, "")
    labels = side_labels(Path.cwd())
    try:
        merged, clashing = merge_texts(old, mine, other, kind, name, labels)
    except SeatledgerError as exc:
        return _line_merge(
            base,
            ours,
            theirs,
            msg(
                "{name}: a side is not a valid ledger file ({value})",
                name=name,
                value=exc.render().splitlines()[-1],
            ),
        )
    write_atomic(ours, merged)
    if clashing:
        return 1, (
            msg(
                "seatledger: conflict in {name}: {n_records} record(s) changed differently on {ours} "
                "and on {theirs}: {ids}; keep the right one of each where it is marked, then run "
                "`seatledger check`",
                name=name,
                n_records=len(clashing),
                ours=labels[0],
                theirs=labels[1],
                ids=", ".join(sorted(clashing)),
            )
        )
    return 0, ""


def _why(exc: Exception) -> str:
    if isinstance(exc, UnicodeDecodeError):
        return msg("a side is not UTF-8")
    if isinstance(exc, OSError):
        return msg("{file}: {reason}", file=exc.filename, reason=os_reason(exc))
    return str(exc)


def _line_merge(base: Path, ours: Path, theirs: Path, why: str) -> tuple[int, str]:
    """git merge-file on the bytes, conflict markers where the sides differ."""
    if not ours.exists() or not theirs.exists():
        return 1, msg("seatledger: {why}; nothing was merged, so resolve it by hand", why=why)
    with tempfile.TemporaryDirectory() as tmp:
        old = base if base.exists() else Path(tmp) / "empty"
        old.touch()
        proc = subprocess.run(
            [
                "git",
                "merge-file",
                "-L",
                "ours",
                "-L",
                "base",
                "-L",
                "theirs",
                "--",
                str(ours.resolve()),
                str(old.resolve()),
                str(theirs.resolve()),
            ],
            capture_output=True,
        )
    if not why:  # not a ledger file: git's own merge and its verdict
        return (1 if proc.returncode else 0), ""
    return 1, (
        msg(
            "seatledger: {why}; merged line by line with both sides kept (conflict markers where "
            "they differ); fix the file, then run `seatledger check`",
            why=why,
        )
    )


def driver_command(command: list[str]) -> str:
    """The git config `merge.seatledger.driver`: this tool by its absolute path, and if that
    cannot run at all (moved, uninstalled: exit 126/127 or a crash), git's line merge, so
    that a missing driver can never leave only our side in the file."""
    exe = " ".join(shlex.quote(part) for part in command)
    return (
        f"{exe} merge-driver %O %A %B %P; s=$?; [ $s -le 1 ] && exit $s; "
        f'echo "seatledger merge driver could not run (exit $s): merging %P line by line" >&2; '
        f"git merge-file -L ours -L base -L theirs -- %A %O %B; exit 1"
    )
