"""`seatledger import FILE...`: read each export, find its rules (`--profile`, `--rules`, or
identified from the file), plan the attendance records under the ledger lock, and write them
in one change, or refuse with every refused row named."""

from __future__ import annotations

from pathlib import Path

from seatledger.app.ledger_access import open_for_append, paths_of, refuse_without_staffing
from seatledger.core.errors import Problem, SeatledgerError, UsageError
from seatledger.core.i18n import msg
from seatledger.imports.attendance import Imported, Plan, plan
from seatledger.imports.table import identify
from seatledger.read.contract_file import load_contract
from seatledger.read.exports import read_export
from seatledger.read.import_rules import ImportRules, builtin, load_rules
from seatledger.write.batch import append_attendance, refuse_overlaps
from seatledger.write.store import ledger_lock


def _rules(profile: str | None, rules_file: Path | None) -> ImportRules | None:
    if profile and rules_file:
        raise UsageError(msg("give --profile or --rules, not both"))
    if rules_file is not None:
        return load_rules(rules_file)
    return builtin(profile) if profile else None


def _refused_rows(plans: list[Plan]) -> list[Problem]:
    return [
        Problem(p.file, s.where.row, f"{s.where.sheet} {s.where.column}".strip(), s.reason)
        for p in plans
        for s in p.refused
    ]


def _twice(plans: list[Plan]) -> list[Problem]:
    """A date and shift in two of the files given: which one counts is not guessed."""
    first: dict[str, str] = {}
    out = []
    for p in plans:
        for planned in p.records:
            rid = planned.record.id
            if rid in first:
                out.append(Problem(p.file, 0, "", msg("{id} is also in {other}", id=rid, other=first[rid])))
            first.setdefault(rid, p.file)
    return out


def import_files(
    contract: Path | None,
    ledger: Path | None,
    files: list[Path],
    *,
    profile: str | None = None,
    rules_file: Path | None = None,
    replace: bool = False,
    dry_run: bool = False,
) -> Imported:
    paths = paths_of(contract, ledger)
    refuse_without_staffing(paths.contract, load_contract(paths.contract), msg("an attendance import"))
    given = _rules(profile, rules_file)
    exports = [read_export(f, given.encoding if given else "auto") for f in files]
    with ledger_lock(paths.ledger):
        led = open_for_append(paths)
        plans = [plan(e, given or identify(e), led) for e in exports]
        problems = _refused_rows(plans) + _twice(plans)
        if problems:
            raise SeatledgerError(msg("refused: rows the rules cannot read; nothing was written"), problems)
        records = [p.record for x in plans for p in x.records if p.action != "unchanged"]
        if not replace:
            refuse_overlaps(led, [p.record for x in plans for p in x.records if p.action == "replace"])
        written = append_attendance(led, records, dry_run=dry_run) if records else []
    return Imported(plans, written, dry_run)
