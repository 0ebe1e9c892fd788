"""The commands that change the ledger: take the lock, load once, check the change with
the same rules as `check`, then write (see `writer`). Reads and reports are in
`operations`."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

from seatledger.app.reading import PeriodArgs, existing_ledger, option_date, period_from
from seatledger.core.errors import Problem, SeatledgerError, UsageError
from seatledger.core.records import Source, Void
from seatledger.read.contract_file import load_contract
from seatledger.read.fields import PERSON, SPECS, FieldProblems, Spec, build
from seatledger.read.ledger_files import load
from seatledger.read.locate import resolve
from seatledger.write.store import ledger_lock
from seatledger.write.writer import Written, add_person, append_record, init_ledger, new_id, person_leaves

COMMAND_LINE = Source("command line", 0)


def _option(field: str, kind: str) -> str:
    if kind == "demand" and field == "date":
        return "--from"
    return {"id": "ID", "target": "ID"}.get(field, f"--{field}")

def _from_command_line(spec: Spec, raw: dict[str, Any], kind: str = "") -> Any:
    """Command-line values go through the same converters as file values."""
    values = {k: v for k, v in raw.items() if v is not None}
    try:
        return build(spec, values, COMMAND_LINE)
    except FieldProblems as exc:
        raise UsageError("refused: nothing was written", [
            Problem("command line", 0, _option(f, kind), m) for f, m in exc.errors]) from None

def init(contract: Path | None, ledger: Path | None, recorded_from: str | None,
         *, dry_run: bool) -> Written:
    paths = resolve(contract, ledger)
    c = load_contract(paths.contract)
    start = option_date(recorded_from, "--recorded-from") if recorded_from else c.term.start
    if not c.term.start <= start <= c.term.end:
        raise SeatledgerError(f"--recorded-from {start} is outside the term "
                              f"{c.term.start}..{c.term.end}")
    return init_ledger(paths.ledger, c.id, start, dry_run=dry_run)

def _load_for_write(contract: Path | None, ledger: Path | None) -> tuple[Path, Path]:
    paths = resolve(contract, ledger)
    return paths.contract, existing_ledger(paths.ledger)

def roster_add(contract: Path | None, ledger: Path | None, raw: dict[str, Any],
               *, dry_run: bool) -> Written:
    contract_path, ledger_dir = _load_for_write(contract, ledger)
    person = _from_command_line(PERSON, raw)
    with ledger_lock(ledger_dir):
        return add_person(load(contract_path, ledger_dir), person, dry_run=dry_run)

def roster_leave(contract: Path | None, ledger: Path | None, person_id: str, on: str,
                 *, dry_run: bool) -> Written:
    day = option_date(on, "--date")
    contract_path, ledger_dir = _load_for_write(contract, ledger)
    with ledger_lock(ledger_dir):
        return person_leaves(load(contract_path, ledger_dir), person_id, day, dry_run=dry_run)

def record(contract: Path | None, ledger: Path | None, kind: str, fields: dict[str, Any],
           *, replace: bool = False, dry_run: bool = False) -> Written:
    contract_path, ledger_dir = _load_for_write(contract, ledger)
    spec = SPECS[kind]
    draft = dict(fields)
    if kind == "attendance":
        draft["id"] = f"att-{draft.get('date')}-{draft.get('shift')}"
    else:
        draft["id"] = "pending"  # a real id is drawn under the lock
    rec = _from_command_line(spec, draft, kind)
    with ledger_lock(ledger_dir):
        led = load(contract_path, ledger_dir)
        if kind != "attendance":
            rec = rec._replace(id=new_id(kind, rec.date, {r.id for r in led.records}))
        return append_record(led, rec, replace=replace, dry_run=dry_run)

def void(contract: Path | None, ledger: Path | None, record_id: str, reason: str,
         *, dry_run: bool) -> Written:
    contract_path, ledger_dir = _load_for_write(contract, ledger)
    with ledger_lock(ledger_dir):
        led = load(contract_path, ledger_dir)
        target = next((r for r in led.records if r.id == record_id), None)
        if target is None:
            raise SeatledgerError(f"refused: no record {record_id!r} in {ledger_dir}")
        if not reason.strip():
            raise UsageError("--reason: say why the record is withdrawn")
        rec = Void(id=new_id("void", target.date, {r.id for r in led.records}),
                   date=target.date, target=record_id, reason=reason, note=None)
        return append_record(led, rec, dry_run=dry_run)

def fmt(contract: Path | None, ledger: Path | None, check_only: bool) -> list[Path]:
    """The ledger files not in canonical form; rewritten unless `check_only`. All files are
    read first, so a file that cannot be put in order stops the command before any write."""
    from seatledger.git.canonical import canonical_text
    from seatledger.read.ledger_files import ROSTER_FILE, month_files
    from seatledger.read.yaml_reader import read_text
    from seatledger.write.store import write_atomic

    ledger_dir = existing_ledger(resolve(contract, ledger).ledger)
    with ledger_lock(ledger_dir):
        paths = [*month_files(ledger_dir)]
        if (ledger_dir / ROSTER_FILE).exists():
            paths.append(ledger_dir / ROSTER_FILE)
        changes = []
        problems: list[Problem] = []
        for path in paths:
            try:
                text = read_text(path)
                wanted = canonical_text(path, text)
            except SeatledgerError as exc:
                problems += exc.problems or [Problem(str(path), 0, "", exc.message)]
                continue
            if wanted != text:
                changes.append((path, wanted))
        if problems:
            raise SeatledgerError("fmt: nothing was changed", problems)
        if not check_only:
            for path, wanted in changes:
                write_atomic(path, wanted)
        return [path for path, _ in changes]

def close(contract: Path | None, ledger: Path | None, quarter: str, on: str | None,
          *, dry_run: bool = False) -> Written:
    from seatledger.git.closings import CLOSINGS_FILE, close_entry, closed_quarters, seal
    from seatledger.reports.deductions import gaps_in

    contract_path, ledger_dir = _load_for_write(contract, ledger)
    day = option_date(on, "--date") if on else date.today()
    with ledger_lock(ledger_dir):
        from seatledger.rules.book import make_book

        led = load(contract_path, ledger_dir)
        q = period_from(led.contract, PeriodArgs(quarter=quarter))
        if q.label in closed_quarters(list(led.closings)):
            raise SeatledgerError(f"refused: {q.label} is already closed")
        gaps, unrecorded = gaps_in(make_book(led), q.start, q.end)
        if gaps or unrecorded:
            missing = [f"{g.date} {g.shift}" for g in (*gaps, *unrecorded)]
            raise SeatledgerError(f"refused: {q.label} has {len(missing)} required shift(s) with "
                                  f"no attendance ({', '.join(missing[:5])}"
                                  f"{', ...' if len(missing) > 5 else ''}); record them first")
        errors = [p for p in led.problems if p.severity == "error"]
        if errors:
            raise SeatledgerError(f"refused: the ledger has {len(errors)} problem(s); "
                                  f"`seatledger check` lists them", errors[:10])
        return _append_closing(ledger_dir / CLOSINGS_FILE, q.label,
                               close_entry(q.label, day, seal(led, q)), dry_run)

def reopen(contract: Path | None, ledger: Path | None, quarter: str, reason: str,
           on: str | None, *, dry_run: bool = False) -> Written:
    from seatledger.git.closings import CLOSINGS_FILE, closed_quarters, reopen_entry

    contract_path, ledger_dir = _load_for_write(contract, ledger)
    day = option_date(on, "--date") if on else date.today()
    if not reason.strip():
        raise UsageError("--reason: say why the quarter is reopened")
    with ledger_lock(ledger_dir):
        led = load(contract_path, ledger_dir, checks=False)
        q = period_from(led.contract, PeriodArgs(quarter=quarter))
        if q.label not in closed_quarters(list(led.closings)):
            raise SeatledgerError(f"refused: {q.label} is not closed")
        return _append_closing(ledger_dir / CLOSINGS_FILE, q.label,
                               reopen_entry(q.label, day, reason), dry_run)

def _append_closing(path: Path, label: str, text: str, dry_run: bool) -> Written:
    from seatledger.write.store import parse_items, write_atomic

    old, items = parse_items(path)
    if not old:
        old = "# closed and reopened quarters (DOMAIN rule 12); written by seatledger close/reopen\n\n"
    new = old + ("" if old.endswith("\n") else "\n") + text
    line = old.count("\n") + 1 + (0 if old.endswith("\n") else 1)
    if not dry_run:
        write_atomic(path, new)
    return Written(label, path, line, text, dry_run, "added")
