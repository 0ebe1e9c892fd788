"""Which contract and ledger a command works on: options, then environment, then discovery
from the current folder upward (the nearest folder that has `contracts/`)."""

from __future__ import annotations

import os
import re
from pathlib import Path
from typing import NamedTuple

from seatledger.core.errors import SeatledgerError
from seatledger.core.i18n import msg
from seatledger.read.contract_file import Head, load_head
from seatledger.read.yaml_reader import YamlError, YMap, load_path, read_bytes

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
    return _identified(path)[0]


def _identified(path: Path) -> tuple[str, Head | SeatledgerError]:
    """The `id` a contract file declares, and the valid contract's head or why it is not valid."""
    try:
        head = load_head(path)  # validated once and cached
        return head.id, head
    except SeatledgerError as exc:
        invalid = exc  # an invalid contract still names its ledger folder by its `id`, if it has one
    try:
        raw = load_path(path)
    except YamlError:
        return path.stem, invalid
    value = raw.get("id") if isinstance(raw, YMap) else None
    return (value if isinstance(value, str) else path.stem), invalid


_ID_LINE = re.compile(rb"^id:[ \t]*['\"]?([^'\"#\s]+)", re.M)


def declared_ids(root: Path) -> dict[str, Path]:
    """Every contract of the repository by the `id` its file declares (the file name where
    it declares none), read from the text alone: no contract is validated for it."""
    out: dict[str, Path] = {}
    for p in sorted((root / "contracts").glob("*.yaml")):
        try:
            found = _ID_LINE.search(read_bytes(p))
        except YamlError:
            continue
        out[found[1].decode("utf-8", "replace") if found else p.stem] = p
    return out


def contract_files(cwd: Path | None = None) -> list[tuple[Path, Path]]:
    """Every contract file of the repository and its ledger folder (`ledgers/<id>/`)."""
    return [(path, ledger) for path, ledger, _c in found_contracts(cwd)]


def found_contracts(cwd: Path | None = None) -> list[tuple[Path, Path, Head | SeatledgerError]]:
    """Every contract file of the repository, its ledger folder (`ledgers/<id>/`) and the
    valid contract's head or why it is not valid: each file read once."""
    cwd = cwd or Path.cwd()
    root = find_root(cwd)
    if root is None:
        raise SeatledgerError(msg("no `contracts/` folder in {cwd} or above it", cwd=cwd))
    out = []
    for p in sorted((root / "contracts").glob("*.yaml")):
        cid, contract = _identified(p)
        out.append((_shown(p, cwd), _shown(root / "ledgers" / cid, cwd), contract))
    return out


def resolve(contract: Path | None, ledger: Path | None, cwd: Path | None = None) -> Paths:
    cwd = cwd or Path.cwd()
    if contract is None and os.environ.get(CONTRACT_ENV):
        contract = Path(os.environ[CONTRACT_ENV])
    if ledger is None and os.environ.get(LEDGER_ENV):
        ledger = Path(os.environ[LEDGER_ENV])
    root = find_root(cwd)
    if contract is not None and not contract.is_file() and root is not None:
        contract = _by_id(root, str(contract)) or contract  # --contract ID
    if contract is None:
        contract = _discovered(root, cwd)
    if not contract.is_file():
        known = sorted(contract_id(p) for p in (root / "contracts").glob("*.yaml")) if root else []
        if known:
            raise SeatledgerError(
                msg(
                    "{contract}: no such contract file or id; valid ids: {values}",
                    contract=contract,
                    values=", ".join(known),
                )
            )
        raise SeatledgerError(msg("{contract}: no such contract file", contract=contract))
    if ledger is None:
        base = root if root is not None else contract.resolve().parent.parent
        ledger = base / "ledgers" / contract_id(contract)
    return Paths(_shown(contract, cwd), _shown(ledger, cwd))


def _by_id(root: Path, given: str) -> Path | None:
    """The contract file whose `id` is `given`, where `given` names no file."""
    if "/" in given or given.endswith(".yaml"):
        return None
    return next((p for p in sorted((root / "contracts").glob("*.yaml")) if contract_id(p) == given), None)


def _discovered(root: Path | None, cwd: Path) -> Path:
    """The one contract of `contracts/`, or the one whose ledger folder holds `cwd`; else
    the contracts are listed, with their ids, for --contract to choose."""
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
    if len(found) == 1:
        return found[0]
    ids = [(contract_id(p), p) for p in found]
    try:
        inside = cwd.resolve().relative_to((root / "ledgers").resolve()).parts[:1]
    except ValueError:
        inside = ()
    chosen = [p for i, p in ids if (i,) == inside]
    if chosen:
        return chosen[0]  # run inside ledgers/<id>/
    names = "\n".join(f"  {i}  ({_shown(p, cwd)})" for i, p in ids)
    raise SeatledgerError(
        msg(
            "{value} holds several contracts; choose one with --contract ID (or FILE), "
            "{CONTRACT_ENV}, or run inside its ledger folder:\n{names}",
            value=root / "contracts",
            CONTRACT_ENV=CONTRACT_ENV,
            names=names,
        )
    )


def _shown(path: Path, cwd: Path) -> Path:
    """Relative to the current folder where it lies below it, so messages read
    `ledgers/x/2022-07.yaml:12:` as editors and CI annotations expect."""
    try:
        return path.relative_to(cwd) if path.is_absolute() else path
    except ValueError:
        return path
