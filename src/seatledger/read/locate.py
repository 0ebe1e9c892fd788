"""Which contract and ledger a command works on: options, then environment, then discovery
from the current folder upward (the nearest folder that has `contracts/`)."""

from __future__ import annotations

import os
from pathlib import Path
from typing import NamedTuple

from seatledger.core.errors import SeatledgerError
from seatledger.core.i18n import msg
from seatledger.read.contract_file import load_contract
from seatledger.read.yaml_reader import YamlError, YMap, load_path

CONTRACT_ENV = "SEATLEDGER_CONTRACT"
LEDGER_ENV = "SEATLEDGER_LEDGER"


class Paths(NamedTuple):
    contract: Path
    ledger: Path


def find_root(start: Path) -> Path | None:
    for folder in (start, *start.parents):
        if (folder / "contracts").is_dir():
            return folder
    return None


def contract_id(path: Path) -> str:
    """The `id` a contract file declares; the file name where it cannot be read."""
    try:
        return load_contract(path).id  # validated once and cached: the run needs it anyway
    except SeatledgerError:
        pass  # an invalid contract still names its ledger folder by its `id`, if it has one
    try:
        raw = load_path(path)
    except YamlError:
        return path.stem
    value = raw.get("id") if isinstance(raw, YMap) else None
    return value if isinstance(value, str) else path.stem


def resolve(contract: Path | None, ledger: Path | None, cwd: Path | None = None) -> Paths:
    cwd = cwd or Path.cwd()
    if contract is None and os.environ.get(CONTRACT_ENV):
        contract = Path(os.environ[CONTRACT_ENV])
    if ledger is None and os.environ.get(LEDGER_ENV):
        ledger = Path(os.environ[LEDGER_ENV])
    root = find_root(cwd)
    if contract is None:
        if root is None:
            raise SeatledgerError(
                msg(
                    "no contract given and no `contracts/` folder in {cwd} or above it; pass "
                    "--contract FILE or set {CONTRACT_ENV}",
                    cwd=cwd,
                    CONTRACT_ENV=CONTRACT_ENV,
                )
            )
        found = sorted((root / "contracts").glob("*.yaml"))
        if not found:
            raise SeatledgerError(msg("{value} holds no contract (*.yaml)", value=root / "contracts"))
        if len(found) > 1:
            names = "\n".join(f"  {p}" for p in found)
            raise SeatledgerError(
                msg(
                    "{value} holds several contracts; choose one with --contract or {CONTRACT_ENV}:\n{names}",
                    value=root / "contracts",
                    CONTRACT_ENV=CONTRACT_ENV,
                    names=names,
                )
            )
        contract = found[0]
    if not contract.is_file():
        raise SeatledgerError(msg("{contract}: no such contract file", contract=contract))
    if ledger is None:
        base = root if root is not None else contract.resolve().parent.parent
        ledger = base / "ledgers" / contract_id(contract)
    return Paths(_shown(contract, cwd), _shown(ledger, cwd))


def _shown(path: Path, cwd: Path) -> Path:
    """Relative to the current folder where it lies below it, so messages read
    `ledgers/x/2022-07.yaml:12:` as editors and CI annotations expect."""
    try:
        return path.relative_to(cwd) if path.is_absolute() else path
    except ValueError:
        return path
