"""What a check and a write return, as plain values: every layer above core hands them on
(the app returns them, the renderers print them), so they live below all of those."""

from __future__ import annotations

from pathlib import Path
from typing import NamedTuple

from seatledger.core.errors import Problem


class CheckResult(NamedTuple):
    problems: list[Problem]
    checked: str  # what was checked, for the closing line

    @property
    def errors(self) -> int:
        """Problems that fail `check`: errors, not gaps (findings: work not yet merged)."""
        return sum(1 for p in self.problems if p.severity == "error" and p.code != "gap")

    @property
    def gaps(self) -> int:
        return sum(1 for p in self.problems if p.code == "gap")


class Written(NamedTuple):
    """What a write did: what, where (file and line), the text written, and how."""

    what: str
    path: Path
    line: int
    text: str
    dry_run: bool
    action: str = "added"
    next_step: str = ""  # what the person must do next (a mid-term ledger's opening record)
