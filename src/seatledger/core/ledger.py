"""The loaded ledger: the contract, the ledger's settings, roster, records and closings as
read from disk, with the problems met while reading them. Checks and reports take this value;
nothing below the app layer opens a ledger file again."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import NamedTuple

from seatledger.core.contract import Contract
from seatledger.core.errors import Problem
from seatledger.core.records import LedgerMeta, Person, Record


class Closing(NamedTuple):
    """One entry of closings.yaml: a quarter closed with its seal, or reopened (rule 12)."""

    kind: str  # "close" or "reopen"
    quarter: str
    date: date
    line: int
    digest: str = ""
    figures: dict[str, str] = {}
    records: dict[str, str] = {}
    reason: str = ""


class Ledger(NamedTuple):
    contract: Contract
    contract_path: Path
    path: Path
    meta: LedgerMeta
    roster: tuple[Person, ...]
    records: tuple[Record, ...]  # date order; file order within a date
    problems: list[Problem]  # what could not be read; checks add theirs in the app layer
    closings: tuple[Closing, ...] = ()


def closed_quarters(closings: tuple[Closing, ...] | list[Closing]) -> dict[str, Closing]:
    """Each quarter whose latest entry closes it, with that entry."""
    state: dict[str, Closing] = {}
    for c in closings:
        state[c.quarter] = c
    return {q: c for q, c in state.items() if c.kind == "close"}
