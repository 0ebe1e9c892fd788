"""A git merge driver for ledger files (`seatledger merge-driver %O %A %B %P`).

Records and roster entries are merged by id: what one side added, changed or removed is
taken; both sides' additions are kept, in canonical order. A real conflict arises only
when both sides changed the same record differently (two branches recording the same day
and shift, say), and is written with the usual conflict markers around that record alone.
Other files (ledger settings, closings) get git's own line merge.
"""

from __future__ import annotations

import subprocess
from pathlib import Path

from seatledger.core.errors import SeatledgerError
from seatledger.git.canonical import Item, ListFile, parse
from seatledger.read.ledger_files import MONTH_FILE, ROSTER_FILE


def file_kind(path_name: str | None, text: str) -> str | None:
    """records, roster, or None for a line merge. Git gives the driver temporary file names;
    `%P` gives the real one, and without it the content tells."""
    name = Path(path_name).name if path_name else ""
    if name == ROSTER_FILE:
        return "roster"
    if MONTH_FILE.match(name):
        return "records"
    if name:
        return None
    lines = [line for line in text.splitlines() if line.strip() and not line.startswith("#")]
    if lines and lines[0].startswith("- "):
        return "records" if any(line.strip().startswith("kind:") or "kind:" in line
                                for line in lines[:12]) else "roster"
    return None


def _items(f: ListFile) -> dict[str, Item]:
    return {i.id: i for i in f.items}


def merge_texts(base: str, ours: str, theirs: str, kind: str, name: str) -> tuple[str, int]:
    """The merged text and the number of conflicting items."""
    o, a, b = (parse(t, name, kind) for t in (base, ours, theirs))
    oi, ai, bi = _items(o), _items(a), _items(b)
    merged: list[tuple[tuple[str, ...], str]] = []
    conflicts = 0
    for rid in set(oi) | set(ai) | set(bi):
        old, mine, other = (x.get(rid) for x in (oi, ai, bi))
        text = {k: v.render() if v else None for k, v in (("o", old), ("a", mine), ("b", other))}
        if text["a"] == text["b"] or text["b"] == text["o"]:
            chosen = mine
        elif text["a"] == text["o"]:
            chosen = other
        else:
            conflicts += 1
            key = (mine or other or old).key  # type: ignore[union-attr]
            merged.append((key, f"<<<<<<< ours\n{text['a'] or ''}=======\n{text['b'] or ''}"
                                f">>>>>>> theirs\n"))
            continue
        if chosen is not None:
            merged.append((chosen.key, chosen.render()))
    preamble = b.preamble if a.preamble == o.preamble else a.preamble
    if a.preamble != o.preamble and b.preamble != o.preamble:
        preamble = a.preamble + tuple(line for line in b.preamble if line not in a.preamble)
    merged.sort(key=lambda pair: pair[0])
    head = "".join(preamble) + ("\n" if preamble and merged else "")
    return head + "".join(text for _, text in merged), conflicts


def merge_files(base: Path, ours: Path, theirs: Path, path_name: str | None) -> int:
    """Git's driver contract: leave the result in `ours`, exit 0 when clean."""
    old, mine, other = (p.read_text(encoding="utf-8") for p in (base, ours, theirs))
    kind = file_kind(path_name, mine or other)
    if kind is not None:
        try:
            merged, conflicts = merge_texts(old, mine, other, kind, path_name or str(ours))
        except SeatledgerError:
            kind = None  # a side that does not parse gets git's line merge and its markers
        else:
            ours.write_text(merged, encoding="utf-8")
            return 1 if conflicts else 0
    proc = subprocess.run(["git", "merge-file", "-L", "ours", "-L", "base", "-L", "theirs",
                           str(ours), str(base), str(theirs)])
    return 1 if proc.returncode else 0
