"""What each command does, between parsed arguments and rendering: find the files, take the
lock where it writes, load once, and call one writer or report."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any, NamedTuple

from seatledger.contract_file import load_contract
from seatledger.dates import parse_date, parse_month
from seatledger.errors import Problem, SeatledgerError, UsageError
from seatledger.fields import PERSON, SPECS, FieldProblems, Spec, build
from seatledger.loader import Ledger, load
from seatledger.locate import resolve
from seatledger.records import Source, Void
from seatledger.store import ledger_lock
from seatledger.writer import Written, add_person, append_record, init_ledger, new_id, person_leaves

if TYPE_CHECKING:
    from seatledger.balance import BalanceRow
    from seatledger.book import Book
    from seatledger.calendar_report import CalendarDay
    from seatledger.deductions import DeductionReport
    from seatledger.duties import ComplianceReport
    from seatledger.ledger_diff import LedgerDiff
    from seatledger.periods import Period
    from seatledger.roster_check import RosterReport
    from seatledger.settlement import Statement


def _ledger_dir(ledger: Path) -> Path:
    if not ledger.is_dir():
        raise SeatledgerError(f"{ledger}: no ledger folder; create it with `seatledger init`")
    return ledger


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


def _day(value: str, option: str) -> date:
    try:
        return parse_date(value)
    except ValueError as exc:
        raise UsageError(f"{option}: {exc}") from None


def init(contract: Path | None, ledger: Path | None, recorded_from: str | None,
         *, dry_run: bool) -> Written:
    paths = resolve(contract, ledger)
    c = load_contract(paths.contract)
    start = _day(recorded_from, "--recorded-from") if recorded_from else c.term.start
    if not c.term.start <= start <= c.term.end:
        raise SeatledgerError(f"--recorded-from {start} is outside the term "
                              f"{c.term.start}..{c.term.end}")
    return init_ledger(paths.ledger, c.id, start, dry_run=dry_run)


def _load_for_write(contract: Path | None, ledger: Path | None) -> tuple[Path, Path]:
    paths = resolve(contract, ledger)
    return paths.contract, _ledger_dir(paths.ledger)


def roster_add(contract: Path | None, ledger: Path | None, raw: dict[str, Any],
               *, dry_run: bool) -> Written:
    contract_path, ledger_dir = _load_for_write(contract, ledger)
    person = _from_command_line(PERSON, raw)
    with ledger_lock(ledger_dir):
        return add_person(load(contract_path, ledger_dir), person, dry_run=dry_run)


def roster_leave(contract: Path | None, ledger: Path | None, person_id: str, on: str,
                 *, dry_run: bool) -> Written:
    day = _day(on, "--date")
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


def check(contract: Path | None, ledger: Path | None) -> tuple[list[Problem], str]:
    """Every problem, and a line saying what was checked."""
    paths = resolve(contract, ledger)
    try:
        load_contract(paths.contract)
        led = load(paths.contract, _ledger_dir(paths.ledger))
    except SeatledgerError as exc:
        if exc.problems:
            return exc.problems, f"{paths.contract}"
        raise
    months = len({r.source.file for r in led.records})
    return led.problems, (f"{paths.contract} and {paths.ledger}: {len(led.records)} records in "
                          f"{months} month files, {len(led.roster)} people on the roster")


def calendar(contract: Path | None, ledger: Path | None, month: str) -> list[CalendarDay]:
    from seatledger.calendar_report import month_calendar

    try:
        year, mon = parse_month(month)
    except ValueError as exc:
        raise UsageError(f"--month: {exc}") from None
    paths = resolve(contract, ledger)
    if paths.ledger.is_dir():
        led: Ledger = load(paths.contract, paths.ledger, checks=False)
        return month_calendar(led.contract, led.records, year, mon)
    return month_calendar(load_contract(paths.contract), (), year, mon)


class PeriodArgs(NamedTuple):
    month: str | None = None
    quarter: str | None = None
    instalment: int | None = None
    start: str | None = None
    end: str | None = None


def _book(contract: Path | None, ledger: Path | None) -> Book:
    from seatledger.book import make_book

    paths = resolve(contract, ledger)
    return make_book(load(paths.contract, _ledger_dir(paths.ledger), checks=False))


def _period(book: Book, args: PeriodArgs) -> Period:
    from seatledger.periods import parse_period

    return parse_period(book.contract, month=args.month, quarter=args.quarter,
                        instalment=args.instalment, start=args.start, end=args.end)


def deduct(contract: Path | None, ledger: Path | None, args: PeriodArgs) -> DeductionReport:
    from seatledger.deductions import deduct as report

    book = _book(contract, ledger)
    return report(book, _period(book, args))


def settle(contract: Path | None, ledger: Path | None, args: PeriodArgs, as_of: str | None,
           final: bool) -> Statement:
    from seatledger.periods import Period
    from seatledger.settlement import settle as report

    book = _book(contract, ledger)
    day = _day(as_of, "--as-of") if as_of else None
    if final:
        if any(v is not None for v in args):
            raise UsageError("--final covers the whole term; give no other period")
        last = max((r.date for r in book.records), default=book.contract.term.end)
        end = day or max(last, book.contract.term.end)
        return report(book, Period("final settlement", book.contract.term.start, end), end,
                      final=True)
    period = _period(book, args)
    if day is not None and day < period.start:
        raise UsageError(f"--as-of {day} is before the period starts {period.start}")
    return report(book, period, day)


def balance(contract: Path | None, ledger: Path | None, args: PeriodArgs,
            by: str | None) -> list[BalanceRow]:
    from seatledger.balance import balance as report
    from seatledger.periods import Period

    book = _book(contract, ledger)
    if all(v is None for v in args):
        last = max((r.date for r in book.records), default=book.contract.term.end)
        period = Period("term", book.contract.term.start, max(last, book.contract.term.end))
    else:
        period = _period(book, args)
    return report(book, period, by)


def check_roster(contract: Path | None, ledger: Path | None, args: PeriodArgs,
                 on: str | None) -> RosterReport:
    from seatledger.periods import Period
    from seatledger.roster_check import check_roster as report

    book = _book(contract, ledger)
    if on is not None:
        if any(v is not None for v in args):
            raise UsageError("give --date or a period, not both")
        day = _day(on, "--date")
    elif all(v is None for v in args):
        day_shifts = [d for d, shift in book.attendance if shift == "day"]
        day = max(day_shifts, default=book.contract.term.start)
    else:
        return report(book, _period(book, args))
    c = book.contract
    if not c.term.start <= day <= c.term.end:
        raise UsageError(f"--date {day} is outside the term {c.term.start}..{c.term.end}")
    return report(book, Period(str(day), day, day))


def compliance(contract: Path | None, ledger: Path | None, args: PeriodArgs) -> ComplianceReport:
    from seatledger.duties import compliance as report

    book = _book(contract, ledger)
    return report(book, _period(book, args))


def fmt(contract: Path | None, ledger: Path | None, check_only: bool) -> list[Path]:
    """The ledger files not in canonical form; rewritten unless `check_only`. All files are
    read first, so a file that cannot be put in order stops the command before any write."""
    from seatledger.canonical import canonical_text
    from seatledger.loader import ROSTER_FILE, month_files
    from seatledger.store import write_atomic
    from seatledger.yamlread import read_text

    ledger_dir = _ledger_dir(resolve(contract, ledger).ledger)
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
    from seatledger.closing import CLOSINGS_FILE, close_entry, closed_quarters, seal
    from seatledger.deductions import gaps_in

    contract_path, ledger_dir = _load_for_write(contract, ledger)
    day = _day(on, "--date") if on else date.today()
    with ledger_lock(ledger_dir):
        from seatledger.book import make_book

        led = load(contract_path, ledger_dir)
        q = _period(make_book(led), PeriodArgs(quarter=quarter))
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
    from seatledger.closing import CLOSINGS_FILE, closed_quarters, reopen_entry

    contract_path, ledger_dir = _load_for_write(contract, ledger)
    day = _day(on, "--date") if on else date.today()
    if not reason.strip():
        raise UsageError("--reason: say why the quarter is reopened")
    with ledger_lock(ledger_dir):
        from seatledger.book import make_book

        led = load(contract_path, ledger_dir, checks=False)
        q = _period(make_book(led), PeriodArgs(quarter=quarter))
        if q.label not in closed_quarters(list(led.closings)):
            raise SeatledgerError(f"refused: {q.label} is not closed")
        return _append_closing(ledger_dir / CLOSINGS_FILE, q.label,
                               reopen_entry(q.label, day, reason), dry_run)


def _append_closing(path: Path, label: str, text: str, dry_run: bool) -> Written:
    from seatledger.store import parse_items, write_atomic

    old, items = parse_items(path)
    if not old:
        old = "# closed and reopened quarters (DOMAIN rule 12); written by seatledger close/reopen\n\n"
    new = old + ("" if old.endswith("\n") else "\n") + text
    line = old.count("\n") + 1 + (0 if old.endswith("\n") else 1)
    if not dry_run:
        write_atomic(path, new)
    return Written(label, path, line, text, dry_run, "added")


def diff(contract: Path | None, ledger: Path | None, revs: list[str],
         base_branch: str | None) -> LedgerDiff:
    import tempfile

    from seatledger import gitrepo
    from seatledger.ledger_diff import compare

    if len(revs) > 2:
        raise UsageError("diff takes at most two revisions")
    paths = resolve(contract, ledger)
    contract_abs, ledger_abs = paths.contract.resolve(), paths.ledger.resolve()
    root = gitrepo.repo_root(ledger_abs.parent if not ledger_abs.exists() else ledger_abs)
    try:
        rel = [contract_abs.relative_to(root), ledger_abs.relative_to(root)]
    except ValueError:
        raise SeatledgerError(f"the contract and the ledger must lie inside the repository "
                              f"{root}") from None
    if revs:
        base_label, base = revs[0], gitrepo.verify(root, revs[0])
    else:
        base_label, base = gitrepo.merge_base(root, base_branch)
    head_label, head = (revs[1], gitrepo.verify(root, revs[1])) if len(revs) == 2 \
        else ("working tree", None)
    with tempfile.TemporaryDirectory(prefix="seatledger-diff-") as tmp:
        def at(rev: str | None, name: str) -> Ledger | None:
            if rev is None:
                return load(contract_abs, _ledger_dir(ledger_abs), checks=False)
            dest = Path(tmp) / name
            gitrepo.export(root, rev, rel, dest)
            led_dir, con = dest / rel[1], dest / rel[0]
            if not (led_dir / "ledger.yaml").exists():
                return None
            return load(con if con.exists() else contract_abs, led_dir, checks=False)

        before, after = at(base, "base"), at(head, "head")
        if after is None:
            raise SeatledgerError(f"there is no ledger at {rel[1]} in {head_label}")
        return compare(before, after, f"{base_label} ({base[:10]})",
                       head_label if head is None else f"{head_label} ({head[:10]})")
