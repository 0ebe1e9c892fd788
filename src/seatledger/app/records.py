"""The commands that append to the ledger: take the lock, load once, check the new value with
the same rules as `check`, then write it (see `write.writer`)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from seatledger.app.ledger_access import open_for_append, paths_of, refuse_without_staffing
from seatledger.app.migrate import missing_months
from seatledger.app.periods import option_date
from seatledger.checks.disputes import refuse_dispute_of_no_live_incident
from seatledger.checks.duplicates import likeness
from seatledger.core import titles
from seatledger.core.atomic import write_atomic
from seatledger.core.contract import Contract
from seatledger.core.dates import parse_month
from seatledger.core.errors import Problem, SeatledgerError, UsageError
from seatledger.core.i18n import msg
from seatledger.core.ledger import Ledger
from seatledger.core.periods import month_period
from seatledger.core.records import DECLARED, Attendance, Dispute, Record, Source
from seatledger.core.results import Written
from seatledger.core.vocabulary import KINDS, term
from seatledger.read.contract_file import load_contract
from seatledger.read.fields import PERSON, SPECS, FieldProblems, Spec, build
from seatledger.read.locate import resolve
from seatledger.rules.voids import live
from seatledger.write.store import ledger_lock
from seatledger.write.writer import (
    add_person,
    append_record,
    content_id,
    init_ledger,
    person_leaves,
)

COMMAND_LINE = Source(msg("command line"), 0)


def _named(c: Contract, fields: dict[str, Any], kind: str = "") -> dict[str, Any]:
    """Keys for the contract's titles: `--penalty 脱岗` is `--penalty post-abandonment` where
    only one title holds it; a value that is neither is refused with the valid ones listed."""
    out = dict(fields)
    for field in titles.FIELDS:
        value = out.get(field)
        choices = titles.titles(c, field)
        if not isinstance(value, str) or not choices:
            continue
        key = titles.resolve(choices, value)
        if key is not None:
            out[field] = key
        elif not value.isascii() and all(k.isascii() for k in choices):
            raise UsageError(
                msg("refused: nothing was written"),
                [
                    Problem(
                        COMMAND_LINE.file,
                        0,
                        _option(field, kind),
                        msg(
                            "{value!r} is not a key or title of the contract, or names more than one; "
                            "valid: {values}",
                            value=value,
                            values=titles.listed(choices),
                        ),
                    )
                ],
            )
    return out


def _option(field: str, kind: str) -> str:
    """The command-line option that gives `field` of `kind`, as its declaration names it."""
    declared = DECLARED.get(kind)
    option = next((f.option for f in declared.fields if f.name == field), None) if declared else None
    return option or {"id": "ID", "target": "ID"}.get(field, f"--{field}")


def _from_command_line(spec: Spec, raw: dict[str, Any], kind: str = "") -> Any:
    """Command-line values go through the same converters as file values."""
    values = {k: v for k, v in raw.items() if v is not None}
    try:
        return build(spec, values, COMMAND_LINE)
    except FieldProblems as exc:
        raise UsageError(
            msg("refused: nothing was written"),
            [Problem(msg("command line"), 0, _option(f, kind), m) for f, m in exc.errors],
        ) from None


def init(contract: Path | None, ledger: Path | None, recorded_from: str | None, *, dry_run: bool) -> Written:
    paths = resolve(contract, ledger)
    c = load_contract(paths.contract)
    start = option_date(recorded_from, "--recorded-from") if recorded_from else c.term.start
    if not c.term.start <= start <= c.term.end:
        raise SeatledgerError(
            msg(
                "--recorded-from {start} is outside the term {start2}..{end}",
                start=start,
                start2=c.term.start,
                end=c.term.end,
            )
        )
    written = init_ledger(paths.ledger, c.id, start, dry_run=dry_run)
    if not dry_run:
        for path, text in missing_months(paths.ledger, start, c.term.end).items():
            write_atomic(path, text)
    if start == c.term.start:
        return written
    return written._replace(
        next_step=msg(
            "next: this ledger starts after the term's start {start2}, so bring forward what stood on "
            "{start}: `seatledger record opening --date {start} --paid 1=AMOUNT --invoiced 1=AMOUNT "
            "--deducted PENALTY=AMOUNT` (rule 21); `check` reports a problem until it is recorded",
            start=start,
            start2=c.term.start,
        )
    )


def roster_add(contract: Path | None, ledger: Path | None, raw: dict[str, Any], *, dry_run: bool) -> Written:
    paths = paths_of(contract, ledger)
    c = load_contract(paths.contract)
    refuse_without_staffing(paths.contract, c, msg("a roster"))
    person = _from_command_line(PERSON, _named(c, raw))
    with ledger_lock(paths.ledger):
        return add_person(open_for_append(paths), person, dry_run=dry_run)


def roster_leave(
    contract: Path | None, ledger: Path | None, person_id: str, on: str, *, dry_run: bool
) -> Written:
    day = option_date(on, "--date")
    paths = paths_of(contract, ledger)
    refuse_without_staffing(paths.contract, load_contract(paths.contract), msg("a roster"))
    with ledger_lock(paths.ledger):
        return person_leaves(open_for_append(paths), person_id, day, dry_run=dry_run)


def record(
    contract: Path | None,
    ledger: Path | None,
    kind: str,
    fields: dict[str, Any],
    *,
    replace: bool = False,
    duplicate: bool = False,
    dry_run: bool = False,
) -> Written:
    paths = paths_of(contract, ledger)
    c = load_contract(paths.contract)
    if DECLARED[kind].seats:
        refuse_without_staffing(paths.contract, c, msg("recording {kind}", kind=term(kind, KINDS)))
    draft = _named(c, _month_end(kind, fields), kind)
    draft["id"] = "pending"  # a real id is drawn under the lock
    rec = _from_command_line(SPECS[kind], draft, kind)
    if isinstance(rec, Attendance):  # from the parsed date: 2022/07/01 on the command line too
        rec = rec._replace(id=f"att-{rec.date}-{rec.shift}")
    with ledger_lock(paths.ledger):
        led = open_for_append(paths)
        if duplicate:
            rec = _repeated(led, rec)
        # Attendance's id names its shift; where a void withdrew the shift's record, the new
        # one is att-<date>-<shift>-2 (rule 7: a void frees the shift).
        rec = rec._replace(id=_fresh(led, rec.id if kind == "attendance" else content_id(rec)))
        if isinstance(rec, Dispute):
            refuse_dispute_of_no_live_incident(led.records, rec)
        return append_record(led, rec, replace=replace, dry_run=dry_run)


def _month_end(kind: str, fields: dict[str, Any]) -> dict[str, Any]:
    """A measurement without --date is dated its month's last day (rule 25)."""
    if kind != "measurement" or fields.get("date") or not fields.get("month"):
        return fields
    try:
        year, number = parse_month(str(fields["month"]))
    except ValueError:
        return {**fields, "date": None}  # the month's own error says what is wrong
    return {**fields, "date": month_period(year, number).end.isoformat()}


def _fresh(ledger: Ledger, rid: str) -> str:
    """The content id, or where a withdrawn record (voided, or a void) already holds it, the
    same with -2, -3, ...: re-entering what was voided is not a duplicate. A live record with
    the id is left to collide, so the duplicate is refused."""
    live_ids = {r.id for r in live(ledger.records)}
    taken = {r.id for r in ledger.records}
    candidate, n = rid, 2
    while candidate in taken and candidate not in live_ids:
        candidate, n = f"{rid}-{n}", n + 1
    return candidate


def _repeated(ledger: Ledger, rec: Record) -> Record:
    """A genuine second (third, ...) record alike in all but id and note: `repeat: N`."""
    alike = [r for r in live(ledger.records) if r.kind == rec.kind and likeness(r) == likeness(rec)]
    if not alike:
        raise UsageError(msg("--duplicate: no record like this one is recorded yet; leave --duplicate out"))
    if "repeat" not in rec._fields:
        raise UsageError(msg("--duplicate: a {kind} cannot be recorded twice", kind=rec.kind))
    repeat = max(getattr(r, "repeat", None) or 1 for r in alike) + 1
    return rec._replace(**{"repeat": repeat})  # type: ignore[arg-type]


def void(
    contract: Path | None, ledger: Path | None, record_id: str, reason: str, *, dry_run: bool
) -> Written:
    paths = paths_of(contract, ledger)
    with ledger_lock(paths.ledger):
        led = open_for_append(paths)
        target = next((r for r in led.records if r.id == record_id), None)
        if target is None:
            raise SeatledgerError(
                msg("refused: no record {record_id!r} in {ledger}", record_id=record_id, ledger=paths.ledger)
            )
        if not reason.strip():
            raise UsageError(msg("--reason: say why the record is withdrawn"))
        rec = _from_command_line(
            SPECS["void"], {"id": "pending", "date": target.date, "target": record_id, "reason": reason}
        )
        rec = rec._replace(id=_fresh(led, content_id(rec)))
        return append_record(led, rec, dry_run=dry_run)
