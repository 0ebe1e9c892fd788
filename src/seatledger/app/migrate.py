"""`migrate`: a ledger of month files without day lines, converted to the layout of day lines
(`core.day_lines`) in one change a reviewer can read: every record kept byte for byte in its
canonical block, a fixed line added above each day, and a month file (day lines only) for
each month of the term still to come, so that two branches never both create one."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from seatledger.app.ledger_access import open_checked, paths_of, refuse_problems
from seatledger.core.atomic import write_atomic
from seatledger.core.day_lines import skeleton
from seatledger.core.i18n import msg
from seatledger.git.canonical import canonical_changes
from seatledger.read.ledger_files import month_files
from seatledger.write.store import ledger_lock


def months_between(first: tuple[int, int], last: tuple[int, int]) -> list[tuple[int, int]]:
    out, (y, m) = [], first
    while (y, m) <= last:
        out.append((y, m))
        y, m = (y + 1, 1) if m == 12 else (y, m + 1)
    return out


def missing_months(ledger_dir: Path, first: date, last: date) -> dict[Path, str]:
    """The month files from `first`'s month to `last`'s that do not exist yet, with their day
    lines: made once on main, so two branches never both create one (an add/add conflict)."""
    out = {}
    for y, m in months_between((first.year, first.month), (last.year, last.month)):
        path = ledger_dir / f"{y}-{m:02d}.yaml"
        if not path.exists():
            out[path] = skeleton(y, m, ledger_dir.name)
    return out


def migrate(contract: Path | None, ledger: Path | None, *, dry_run: bool = False) -> list[Path]:
    """The files written (or that would be): month files rewritten with their day lines and
    the term's missing months. Refused, with nothing written, while the ledger has a problem.
    Day lines are comments and every record's block is its canonical one already (what `fmt`
    writes), so no record, figure or closed quarter's digest changes."""
    where = paths_of(contract, ledger)
    with ledger_lock(where.ledger):
        led = refuse_problems(open_checked(where))
        changes = canonical_changes(month_files(where.ledger), msg("migrate: nothing was changed"))
        changes.update(missing_months(where.ledger, led.meta.recorded_from, led.contract.term.end))
        if not dry_run:
            for path, text in changes.items():
                write_atomic(path, text)
        return sorted(changes)
