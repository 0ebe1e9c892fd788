"""Each contract's portfolio figures and export rows in the one cache (`read.cache`), so that a
portfolio or an export reads no month file of a contract nobody changed.

An entry's key is the cache's code key, the kind ("figures" or "export"), the name (where the
contract and ledger lie, as absolute paths and as the rows show them, and the as-of day) and the
contract's verdict digest (`read.verdicts.digest`: the contract's bytes and the name and bytes
of every file in its ledger folder). Only a ledger without errors is kept: its figures and
warnings follow from those files, that code and that day alone, while an error (a closed
quarter that no longer matches its seal) may be traced through git. A value is written only
where the files hashed after building it are the files hashed before.
"""

from __future__ import annotations

import os
from datetime import date
from pathlib import Path
from types import ModuleType
from typing import Any

from seatledger.core import periods, source
from seatledger.core.errors import Problem
from seatledger.read import cache, plain
from seatledger.reports import findings, notices, portfolio, settlement
from seatledger.reports.portfolio import ContractFigures
from seatledger.rules import accruals, deduction_lines, gaps, invoices, late_interest

Figured = tuple[tuple[Problem, ...], ContractFigures]  # the ledger's warnings, its figures
_MODULES: tuple[ModuleType, ...] = (periods, source, findings, notices, portfolio, settlement, accruals)
_MODULES += (deduction_lines, gaps, invoices, late_interest)


def name(contract: Path, ledger: Path, day: date) -> str:
    where = (os.path.abspath(contract), os.path.abspath(ledger), contract.as_posix(), ledger.as_posix())
    return "\0".join((*where, day.isoformat()))


def get_figures(key: str | None, name: str) -> Figured | None:
    found = cache.get("figures", name, key) if key else None
    if found is None:
        return None
    plain.allow(*_MODULES)
    try:
        problems, figures = plain.from_plain(found)
    except (ValueError, TypeError):
        return None  # an entry that does not fit this code is only a miss
    if type(figures) is not ContractFigures or type(problems) is not tuple:
        return None
    if not all(type(p) is Problem for p in problems):
        return None
    return problems, figures


def put_figures(key: str | None, name: str, value: Figured) -> None:
    if not key:
        return
    plain.allow(*_MODULES)
    try:
        kept = plain.to_plain(tuple(value))
    except TypeError:
        return  # a value the cache cannot hold costs time only
    cache.put("figures", name, key, kept)


Rows = dict[str, list[tuple[Any, ...]]]  # table name -> one contract's rows


def get_rows(key: str | None, name: str, tables: tuple[str, ...]) -> Rows | None:
    found = cache.get("export", name, key) if key else None
    if type(found) is not dict or tuple(found) != tables:
        return None
    for rows in found.values():
        if type(rows) is not list or not all(type(r) is tuple for r in rows):
            return None
    return found


def put_rows(key: str | None, name: str, rows: Rows) -> None:
    if key:
        cache.put("export", name, key, rows)
