"""Files saved in a legacy Chinese encoding (GBK, GB18030) turned into UTF-8, the one encoding
seatledger reads: `seatledger to-utf8 FILE...`."""

from __future__ import annotations

from contextlib import ExitStack
from pathlib import Path
from typing import NamedTuple

from seatledger.core.atomic import write_atomic_bytes
from seatledger.core.errors import Problem, SeatledgerError
from seatledger.core.i18n import msg
from seatledger.read.ledger_files import META_FILE
from seatledger.read.yaml_reader import YamlError, chinese_legacy, read_bytes
from seatledger.write.store import ledger_lock


class Converted(NamedTuple):
    path: Path
    changed: bool  # False: it was UTF-8 already


def to_utf8(paths: list[Path], *, dry_run: bool = False) -> list[Converted]:
    """Every file converted, or none, holding the lock of each ledger a file lies in (a writer
    beside it would otherwise lose its record or have it overwritten)."""
    ledgers = sorted({p.resolve().parent for p in paths if (p.resolve().parent / META_FILE).is_file()})
    with ExitStack() as locks:
        for folder in ledgers:
            locks.enter_context(ledger_lock(folder))
        return _convert(paths, dry_run)


def _convert(paths: list[Path], dry_run: bool) -> list[Converted]:
    """A file that is neither UTF-8 nor GB18030, or not a regular file, refuses all."""
    out, problems, new = [], [], {}
    for path in paths:
        try:
            data = read_bytes(path)
        except YamlError as exc:
            problems.append(exc.problem)
            continue
        try:
            data.decode("utf-8")
            out.append(Converted(path, False))
        except UnicodeDecodeError:
            if not chinese_legacy(data):
                problems.append(
                    Problem(
                        str(path),
                        0,
                        "",
                        msg("neither UTF-8 nor GBK/GB18030; open it in an editor and save it as UTF-8"),
                    )
                )
                continue
            new[path] = data.decode("gb18030").encode("utf-8")
            out.append(Converted(path, True))
    if problems:
        raise SeatledgerError(msg("refused: nothing was converted"), problems)
    if not dry_run:
        for path, data in new.items():
            write_atomic_bytes(path, data)
    return out
