"""Where a report's `--output` may write. The report replaces whatever is at the path, so a
ledger file, the contract, or anything that is not a regular file (a folder, a FIFO, a
device) is refused before anything is written; a new path, or another regular file, is fine."""

from __future__ import annotations

import os
import re
from pathlib import Path

from seatledger.core.errors import Problem, SeatledgerError
from seatledger.core.i18n import msg
from seatledger.read.ledger_files import META_FILE
from seatledger.read.yaml_reader import not_regular

_CONTRACT_KEYS = (re.compile(rb"^parties:", re.MULTILINE), re.compile(rb"^term:", re.MULTILINE))


def refuse_output(path: Path) -> None:
    """Raise where writing a report to `path` would replace something it must not."""
    real = Path(os.path.realpath(path))
    what = not_regular(real)
    if what is None and real.exists():
        if (real.parent / META_FILE).exists():
            what = msg("a file of the ledger {ledger}", ledger=real.parent)
        elif _is_contract(real):
            what = msg("a contract file")
    if what is not None:
        raise SeatledgerError(
            msg("refused: nothing was written"),
            [
                Problem(
                    str(path),
                    0,
                    "--output",
                    msg("is {what}; a report would replace it: choose another file", what=what),
                )
            ],
        )


def _is_contract(path: Path) -> bool:
    """A contract: a YAML file in a `contracts` folder, or one with the contract's keys."""
    if path.suffix.lower() not in (".yaml", ".yml"):
        return False
    if path.parent.name == "contracts":
        return True
    try:
        with path.open("rb") as f:
            head = f.read(1 << 20)
    except OSError:
        return True  # unreadable: not replaced unseen
    return all(key.search(head) for key in _CONTRACT_KEYS)
