"""`renew`: next term's contract from this one (`core.renewal`), validated before it is
written, and its ledger with the roster carried over."""

from __future__ import annotations

from pathlib import Path

from seatledger.app.periods import option_date
from seatledger.core.atomic import write_atomic
from seatledger.core.convert import key
from seatledger.core.errors import SeatledgerError, UsageError
from seatledger.core.i18n import msg
from seatledger.core.renewal import renewed
from seatledger.core.results import Written
from seatledger.read import contract_bases as bases
from seatledger.read.contract_file import load_contract
from seatledger.read.locate import resolve
from seatledger.read.yaml_reader import YMap, load_path
from seatledger.write.writer import init_ledger


def renew(source: str, new_id: str, start: str, *, dry_run: bool) -> Written:
    paths = resolve(Path(source), None)
    old = load_contract(paths.contract)
    try:
        key(new_id)
    except ValueError as exc:
        raise UsageError(msg("--id {value}: {error}", value=new_id, error=str(exc))) from None
    new_start = option_date(start, "--start")
    if new_start <= old.term.end:
        raise UsageError(
            msg("--start {day} falls inside the term it renews (to {end})", day=new_start, end=old.term.end)
        )
    target = paths.contract.parent / f"{new_id}.yaml"
    ledger = paths.ledger.parent / new_id
    for taken in (target, ledger):
        if taken.exists():
            raise SeatledgerError(msg("refused: {path} exists; choose another --id", path=taken))
    _own_term(paths.contract)
    text = renewed(paths.contract.read_text(encoding="utf-8"), old.id, new_id, old.term[:2], new_start)
    if not dry_run:
        _write_checked(target, text)
        init_ledger(ledger, new_id, new_start)
        roster = paths.ledger / "roster.yaml"
        if roster.is_file():  # the roster carries over; people who left keep their `left`
            write_atomic(ledger / "roster.yaml", roster.read_text(encoding="utf-8"))
    return Written(
        new_id,
        target,
        1,
        "",
        dry_run,
        "created",
        next_step=msg(
            "next: review {path} (dates, amounts, title, amendments) with the new contract in hand, "
            "then `seatledger check --contract {id}`; the roster of {old} was carried over to {ledger}",
            path=target,
            id=new_id,
            old=old.id,
            ledger=ledger,
        ),
    )


def _write_checked(target: Path, text: str) -> None:
    """Write the new contract only if it validates; else leave nothing behind."""
    write_atomic(target, text)
    try:
        load_contract(target)
    except SeatledgerError:
        target.unlink()
        raise


def _own_term(path: Path) -> None:
    """Refuse a contract whose term is in a base it extends: renew moves the dates of the
    contract's own file, and the base serves other contracts."""
    raw = load_path(path)
    if isinstance(raw, YMap) and bases.EXTENDS in raw and "term" not in raw:
        raise SeatledgerError(
            msg(
                "{path}: the term is in a base it extends, which renew leaves as it is (other "
                "contracts share it); move `term:` and the instalments into the contract first",
                path=path,
            )
        )
