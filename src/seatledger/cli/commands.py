"""The command line: parse arguments, call one operation or report, render it.

Exit codes: 0 done, 1 refused or problems found, 2 a bad command line.
"""

from __future__ import annotations

import functools
import sys
from collections.abc import Callable
from enum import StrEnum
from pathlib import Path
from typing import Annotated, Any, TypeVar

import typer

from seatledger.core.errors import SeatledgerError
from seatledger.render import messages as render

SETTINGS: dict[str, Any] = {"no_args_is_help": True, "add_completion": False,
                            "pretty_exceptions_enable": False}
app = typer.Typer(name="seatledger", **SETTINGS)


@app.callback()
def root() -> None:
    """A plain-file ledger that holds a call-centre staffing contract to its terms."""
roster_app = typer.Typer(help="The people who count toward the seats.", no_args_is_help=True)
record_app = typer.Typer(help="Append a record to the ledger.", no_args_is_help=True)
app.add_typer(roster_app, name="roster")
app.add_typer(record_app, name="record")

F = TypeVar("F", bound=Callable[..., Any])


class Format(StrEnum):
    text = "text"
    json = "json"


class TableFormat(StrEnum):
    text = "text"
    json = "json"
    csv = "csv"


def handled(fn: F) -> F:
    """Turn the domain's one error type into a message on stderr and exit code 1."""

    @functools.wraps(fn)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        try:
            return fn(*args, **kwargs)
        except SeatledgerError as exc:
            print(exc.render(), file=sys.stderr)
            raise typer.Exit(exc.exit_code) from None

    return wrapper  # type: ignore[return-value]


ContractOpt = Annotated[Path | None, typer.Option(
    "--contract", help="Contract YAML (default: $SEATLEDGER_CONTRACT, or the one in contracts/).")]
LedgerOpt = Annotated[Path | None, typer.Option(
    "--ledger", help="Ledger folder (default: $SEATLEDGER_LEDGER, or ledgers/<contract-id>/).")]
DateOpt = Annotated[str, typer.Option("--date", help="YYYY-MM-DD")]
NoteOpt = Annotated[str | None, typer.Option("--note", help="Free text kept with the record.")]
DryRunOpt = Annotated[bool, typer.Option("--dry-run", help="Show what would be written; write nothing.")]
FormatOpt = Annotated[Format, typer.Option("--format", help="text or json")]


# -- set-up ---------------------------------------------------------------------------------


@app.command()
@handled
def init(
    recorded_from: Annotated[str | None, typer.Option(
        "--recorded-from", help="Attendance is expected from this day (default: term start).")] = None,
    contract: ContractOpt = None,
    ledger: LedgerOpt = None,
    dry_run: DryRunOpt = False,
) -> None:
    """Create the ledger folder for a contract."""
    from seatledger.app import writing as mutations

    render.written(mutations.init(contract, ledger, recorded_from, dry_run=dry_run))


@roster_app.command("add")
@handled
def roster_add(
    person_id: Annotated[str, typer.Argument(metavar="ID", help="Staff id, e.g. S001.")],
    role: Annotated[str, typer.Option("--role", help="seat, team-lead or project-manager")],
    degree: Annotated[str, typer.Option(
        "--degree", help="secondary, associate, bachelor, master or doctor")],
    joined: Annotated[str, typer.Option("--joined", help="YYYY-MM-DD; may precede the term")],
    group: Annotated[str | None, typer.Option(
        "--group", help="follow-up, dispatch, data or supervision (the contract's groups)")] = None,
    name: Annotated[str | None, typer.Option("--name")] = None,
    note: NoteOpt = None,
    contract: ContractOpt = None,
    ledger: LedgerOpt = None,
    dry_run: DryRunOpt = False,
) -> None:
    """Add a person to the roster."""
    from seatledger.app import writing as mutations

    raw = {"id": person_id, "role": role, "degree": degree, "joined": joined, "group": group,
           "name": name, "note": note}
    render.written(mutations.roster_add(contract, ledger, raw, dry_run=dry_run))


@roster_app.command("leave")
@handled
def roster_leave(
    person_id: Annotated[str, typer.Argument(metavar="ID")],
    on: DateOpt,
    contract: ContractOpt = None,
    ledger: LedgerOpt = None,
    dry_run: DryRunOpt = False,
) -> None:
    """From --date on, the person no longer counts."""
    from seatledger.app import writing as mutations

    render.written(mutations.roster_leave(contract, ledger, person_id, on, dry_run=dry_run))


# -- records --------------------------------------------------------------------------------


def _append(contract: Path | None, ledger: Path | None, kind: str, fields: dict[str, Any],
            *, replace: bool = False, dry_run: bool = False) -> None:
    from seatledger.app import writing as mutations

    render.written(mutations.record(contract, ledger, kind, fields, replace=replace,
                                     dry_run=dry_run))


@record_app.command("attendance")
@handled
def record_attendance(
    on: DateOpt,
    present: Annotated[int, typer.Option("--present", help="People at work on the shift.")],
    shift: Annotated[str, typer.Option("--shift", help="day, night or duty")] = "day",
    absent: Annotated[str | None, typer.Option("--absent", help="Absent staff ids: S001,S002")] = None,
    replace: Annotated[bool, typer.Option("--replace", help="Rewrite this shift's record.")] = False,
    note: NoteOpt = None, contract: ContractOpt = None, ledger: LedgerOpt = None,
    dry_run: DryRunOpt = False,
) -> None:
    """Attendance of one shift."""
    _append(contract, ledger, "attendance", {
        "date": on, "shift": shift, "present": present, "absent": absent, "note": note},
        replace=replace, dry_run=dry_run)


@record_app.command("incident")
@handled
def record_incident(
    on: DateOpt,
    penalty: Annotated[str, typer.Option("--penalty", help="A penalty key of the contract.")],
    count: Annotated[int, typer.Option("--count", help="Units (occurrences, cases).")] = 1,
    amount: Annotated[str | None, typer.Option(
        "--amount", help="Yuan per unit, where the penalty has no fixed amount.")] = None,
    staff: Annotated[str | None, typer.Option("--staff", help="Staff ids: S001,S002")] = None,
    ref: Annotated[str | None, typer.Option("--ref", help="Case or notice number.")] = None,
    note: NoteOpt = None, contract: ContractOpt = None, ledger: LedgerOpt = None,
    dry_run: DryRunOpt = False,
) -> None:
    """An incident that a penalty prices."""
    _append(contract, ledger, "incident", {
        "date": on, "penalty": penalty, "count": count, "amount": amount, "staff": staff,
        "ref": ref, "note": note}, dry_run=dry_run)


@record_app.command("demand")
@handled
def record_demand(
    start: Annotated[str, typer.Option("--from", help="First day, YYYY-MM-DD")],
    end: Annotated[str, typer.Option("--to", help="Last day, YYYY-MM-DD")],
    shift: Annotated[str, typer.Option("--shift", help="day, night or duty")],
    required: Annotated[int, typer.Option("--required", help="People Party A requires.")],
    note: NoteOpt = None, contract: ContractOpt = None, ledger: LedgerOpt = None,
    dry_run: DryRunOpt = False,
) -> None:
    """Party A's staffing demand for a shift over a date range."""
    _append(contract, ledger, "demand", {
        "date": start, "to": end, "shift": shift, "required": required, "note": note},
        dry_run=dry_run)


@record_app.command("activity")
@handled
def record_activity(
    on: DateOpt,
    obligation: Annotated[str, typer.Option("--obligation", help="A duty key of the contract.")],
    count: Annotated[int, typer.Option("--count")] = 1,
    note: NoteOpt = None, contract: ContractOpt = None, ledger: LedgerOpt = None,
    dry_run: DryRunOpt = False,
) -> None:
    """A counted duty done: a training, a test, a Weibo update, an inspection, ..."""
    _append(contract, ledger, "activity", {
        "date": on, "obligation": obligation, "count": count, "note": note}, dry_run=dry_run)


@record_app.command("request")
@handled
def record_request(
    on: DateOpt,
    instalment: Annotated[int, typer.Option("--instalment")],
    note: NoteOpt = None, contract: ContractOpt = None, ledger: LedgerOpt = None,
    dry_run: DryRunOpt = False,
) -> None:
    """Party B's payment request, dated the day Party A received it."""
    _append(contract, ledger, "request", {
        "date": on, "instalment": instalment, "note": note}, dry_run=dry_run)


@record_app.command("payment")
@handled
def record_payment(
    on: DateOpt,
    instalment: Annotated[str, typer.Option("--instalment", help="N or final")],
    amount: Annotated[str, typer.Option("--amount", help="Yuan received.")],
    excused: Annotated[str | None, typer.Option(
        "--excused", help="Why lateness is excused (an excuse key of the contract).")] = None,
    note: NoteOpt = None, contract: ContractOpt = None, ledger: LedgerOpt = None,
    dry_run: DryRunOpt = False,
) -> None:
    """A payment Party B received."""
    _append(contract, ledger, "payment", {
        "date": on, "instalment": instalment, "amount": amount, "excused": excused,
        "note": note}, dry_run=dry_run)


@record_app.command("completion")
@handled
def record_completion(
    on: DateOpt,
    amount: Annotated[str, typer.Option("--amount", help="Confirmed final payment, gross.")],
    note: NoteOpt = None, contract: ContractOpt = None, ledger: LedgerOpt = None,
    dry_run: DryRunOpt = False,
) -> None:
    """The jointly confirmed amount of the final payment."""
    _append(contract, ledger, "completion", {
        "date": on, "amount": amount, "note": note}, dry_run=dry_run)


@record_app.command("invoice")
@handled
def record_invoice(
    on: DateOpt,
    instalment: Annotated[str, typer.Option("--instalment", help="N or final")],
    amount: Annotated[str, typer.Option("--amount")],
    note: NoteOpt = None, contract: ContractOpt = None, ledger: LedgerOpt = None,
    dry_run: DryRunOpt = False,
) -> None:
    """Party B's invoice."""
    _append(contract, ledger, "invoice", {
        "date": on, "instalment": instalment, "amount": amount, "note": note}, dry_run=dry_run)


@record_app.command("replace-request")
@handled
def record_replace_request(
    on: DateOpt,
    staff: Annotated[str, typer.Option("--staff", help="Staff Party A asks to replace: S001,S002")],
    note: NoteOpt = None, contract: ContractOpt = None, ledger: LedgerOpt = None,
    dry_run: DryRunOpt = False,
) -> None:
    """Party A's request to replace staff; Party B has one month (三(一)4)."""
    _append(contract, ledger, "replace-request", {"date": on, "staff": staff, "note": note},
            dry_run=dry_run)


@record_app.command("consent")
@handled
def record_consent(
    on: DateOpt,
    staff: Annotated[str, typer.Option("--staff", help="Managers leaving or joining: PM01,PM02")],
    note: NoteOpt = None, contract: ContractOpt = None, ledger: LedgerOpt = None,
    dry_run: DryRunOpt = False,
) -> None:
    """Party A's written consent to a change of project manager or team leader."""
    _append(contract, ledger, "consent", {"date": on, "staff": staff, "note": note},
            dry_run=dry_run)


@app.command()
@handled
def void(
    record_id: Annotated[str, typer.Argument(metavar="ID", help="The record to withdraw.")],
    reason: Annotated[str, typer.Option("--reason")],
    contract: ContractOpt = None, ledger: LedgerOpt = None, dry_run: DryRunOpt = False,
) -> None:
    """Withdraw a record; it stays in its file for the audit trail and no report counts it."""
    from seatledger.app import writing as mutations

    render.written(mutations.void(contract, ledger, record_id, reason, dry_run=dry_run))


# -- reading --------------------------------------------------------------------------------


@app.command()
@handled
def check(
    contract: ContractOpt = None, ledger: LedgerOpt = None,
    output: FormatOpt = Format.text,
) -> None:
    """Validate the contract and every ledger file; exit 1 on any problem."""
    from seatledger.app import reading as operations

    problems, checked = operations.check(contract, ledger)
    render.problems(problems, checked, output.value)
    if any(p.severity == "error" for p in problems):
        raise typer.Exit(1)


@app.command("calendar")
@handled
def calendar_cmd(
    month: Annotated[str, typer.Option("--month", help="YYYY-MM")],
    contract: ContractOpt = None, ledger: LedgerOpt = None,
    output: FormatOpt = Format.text,
) -> None:
    """Each day of a month: working day, weekend or holiday, and the people it requires."""
    from seatledger.app import reading as operations

    render.calendar(operations.calendar(contract, ledger, month), month, output.value)


MonthOpt = Annotated[str | None, typer.Option("--month", help="YYYY-MM", rich_help_panel="Period")]
QuarterOpt = Annotated[str | None, typer.Option(
    "--quarter", help="Q3 or 2022-Q3", rich_help_panel="Period")]
InstalmentOpt = Annotated[int | None, typer.Option(
    "--instalment", help="An instalment's period", rich_help_panel="Period")]
FromOpt = Annotated[str | None, typer.Option("--from", help="YYYY-MM-DD", rich_help_panel="Period")]
ToOpt = Annotated[str | None, typer.Option("--to", help="YYYY-MM-DD", rich_help_panel="Period")]


@app.command()
@handled
def deduct(
    month: MonthOpt = None, quarter: QuarterOpt = None, instalment: InstalmentOpt = None,
    start: FromOpt = None, end: ToOpt = None,
    contract: ContractOpt = None, ledger: LedgerOpt = None,
    output: Annotated[TableFormat, typer.Option("--format", help="text, json or csv")] = TableFormat.text,
) -> None:
    """Deductions for a period: seat shortage and incidents, each with its clause."""
    from seatledger.app import reading as operations
    from seatledger.render import schemas
    from seatledger.render import text as report_text

    r = operations.deduct(contract, ledger,
                          operations.PeriodArgs(month, quarter, instalment, start, end))
    if output == TableFormat.json:
        render.as_json(schemas.deductions(r))
    elif output == TableFormat.csv:
        sys.stdout.write(schemas.deduction_csv(r))
    else:
        report_text.deductions(r)


@app.command()
@handled
def settle(
    month: MonthOpt = None, quarter: QuarterOpt = None, instalment: InstalmentOpt = None,
    start: FromOpt = None, end: ToOpt = None,
    as_of: Annotated[str | None, typer.Option(
        "--as-of", help="Interest accrues up to this day (default: the period's last day).")] = None,
    final: Annotated[bool, typer.Option("--final", help="The whole term with the final payment.")] = False,
    contract: ContractOpt = None, ledger: LedgerOpt = None, output: FormatOpt = Format.text,
) -> None:
    """The statement for an instalment's period: balance, deductions, due dates, interest."""
    from seatledger.app import reading as operations
    from seatledger.render import schemas
    from seatledger.render import text as report_text

    s = operations.settle(contract, ledger,
                          operations.PeriodArgs(month, quarter, instalment, start, end), as_of, final)
    if output == Format.json:
        render.as_json(schemas.statement(s))
    else:
        report_text.statement(s)


class By(StrEnum):
    month = "month"
    quarter = "quarter"


@app.command()
@handled
def balance(
    month: MonthOpt = None, quarter: QuarterOpt = None, instalment: InstalmentOpt = None,
    start: FromOpt = None, end: ToOpt = None,
    by: Annotated[By | None, typer.Option("--by", help="A running table by month or quarter.")] = None,
    contract: ContractOpt = None, ledger: LedgerOpt = None,
    output: Annotated[TableFormat, typer.Option("--format", help="text, json or csv")] = TableFormat.text,
) -> None:
    """The balance owed by Party A over a period (default: the whole term)."""
    from seatledger.app import reading as operations
    from seatledger.render import schemas
    from seatledger.render import text as report_text

    rows = operations.balance(contract, ledger,
                              operations.PeriodArgs(month, quarter, instalment, start, end),
                              by.value if by else None)
    if output == TableFormat.json:
        render.as_json(schemas.balance(rows))
    elif output == TableFormat.csv:
        sys.stdout.write(schemas.balance_csv(rows))
    else:
        report_text.balance(rows)


@app.command("check-roster")
@handled
def check_roster(
    on: Annotated[str | None, typer.Option(
        "--date", help="One day (default: the latest day-shift attendance).")] = None,
    month: MonthOpt = None, quarter: QuarterOpt = None, instalment: InstalmentOpt = None,
    start: FromOpt = None, end: ToOpt = None,
    contract: ContractOpt = None, ledger: LedgerOpt = None, output: FormatOpt = Format.text,
) -> None:
    """The roster against the contract's staffing rules and duties; exit 1 on a violation."""
    from seatledger.app import reading as operations
    from seatledger.render import schemas
    from seatledger.render import text as report_text

    r = operations.check_roster(contract, ledger,
                                operations.PeriodArgs(month, quarter, instalment, start, end), on)
    if output == Format.json:
        render.as_json(schemas.roster(r))
    else:
        report_text.roster(r)
    if not r.compliant:
        raise typer.Exit(1)


@app.command()
@handled
def compliance(
    month: MonthOpt = None, quarter: QuarterOpt = None, instalment: InstalmentOpt = None,
    start: FromOpt = None, end: ToOpt = None,
    contract: ContractOpt = None, ledger: LedgerOpt = None, output: FormatOpt = Format.text,
) -> None:
    """The counted duties over a period, each in its own window; exit 1 on a shortfall."""
    from seatledger.app import reading as operations
    from seatledger.render import schemas
    from seatledger.render import text as report_text

    r = operations.compliance(contract, ledger,
                              operations.PeriodArgs(month, quarter, instalment, start, end))
    if output == Format.json:
        render.as_json(schemas.compliance(r))
    else:
        report_text.compliance(r)
    if not r.compliant:
        raise typer.Exit(1)


@app.command("fmt")
@handled
def fmt_cmd(
    check_only: Annotated[bool, typer.Option(
        "--check", help="Change nothing; list the files that would change and exit 1.")] = False,
    contract: ContractOpt = None, ledger: LedgerOpt = None,
) -> None:
    """Rewrite the ledger files in canonical form (record order, key order, money as text)."""
    from seatledger.app import writing as mutations

    changed = mutations.fmt(contract, ledger, check_only)
    for path in changed:
        print(f"{'would reformat' if check_only else 'reformatted'} {path}")
    if not changed:
        print("all ledger files are in canonical form")
    if changed and check_only:
        raise typer.Exit(1)


@app.command()
@handled
def close(
    quarter: Annotated[str, typer.Option("--quarter", help="Q3 or 2022-Q3")],
    on: Annotated[str | None, typer.Option("--date", help="The day it is closed (default: today).")] = None,
    contract: ContractOpt = None, ledger: LedgerOpt = None, dry_run: DryRunOpt = False,
) -> None:
    """Record that a quarter is settled: its figures and a digest of its records."""
    from seatledger.app import writing as mutations

    render.written(mutations.close(contract, ledger, quarter, on, dry_run=dry_run))


@app.command()
@handled
def reopen(
    quarter: Annotated[str, typer.Option("--quarter", help="Q3 or 2022-Q3")],
    reason: Annotated[str, typer.Option("--reason", help="Why it is reopened.")],
    on: Annotated[str | None, typer.Option("--date", help="The day (default: today).")] = None,
    contract: ContractOpt = None, ledger: LedgerOpt = None, dry_run: DryRunOpt = False,
) -> None:
    """Reopen a closed quarter, with the reason recorded in the ledger."""
    from seatledger.app import writing as mutations

    render.written(mutations.reopen(contract, ledger, quarter, reason, on, dry_run=dry_run))


class DiffFormat(StrEnum):
    text = "text"
    markdown = "markdown"
    json = "json"


@app.command()
@handled
def diff(
    revs: Annotated[list[str] | None, typer.Argument(
        metavar="[REV] [REV2]", help="Compare REV with REV2, or with the working tree.")] = None,
    base: Annotated[str | None, typer.Option(
        "--base", help="Without REV: compare with the merge base of HEAD and this branch "
        "(default: main).")] = None,
    contract: ContractOpt = None, ledger: LedgerOpt = None,
    output: Annotated[DiffFormat, typer.Option("--format", help="text, markdown or json")] = DiffFormat.text,
) -> None:
    """What a change does to the ledger: records, deductions and balance, roster compliance."""
    from seatledger.app import reading as operations
    from seatledger.render import markdown as report_markdown
    from seatledger.render import schemas

    d = operations.diff(contract, ledger, revs or [], base)
    if output == DiffFormat.json:
        render.as_json(schemas.ledger_diff(d))
    else:
        sys.stdout.write(report_markdown.ledger_diff(d))


@app.command("merge-driver")
@handled
def merge_driver(
    base: Annotated[Path, typer.Argument(metavar="%O", help="The common ancestor's version.")],
    ours: Annotated[Path, typer.Argument(metavar="%A", help="Our version; receives the result.")],
    theirs: Annotated[Path, typer.Argument(metavar="%B", help="Their version.")],
    path_name: Annotated[str | None, typer.Argument(metavar="%P", help="The file's path.")] = None,
) -> None:
    """Git merge driver: merge ledger files record by record (see the README to install)."""
    from seatledger.git.merge import merge_files

    if merge_files(base, ours, theirs, path_name):
        print(f"seatledger: conflict in {path_name or ours}: the same record was changed on "
              f"both sides; resolve the marked records, then run `seatledger check`",
              file=sys.stderr)
        raise typer.Exit(1)


def narrowed(argv: list[str]) -> typer.Typer:
    """The app with only the command that `argv` names. Typer turns every registered command
    into a click command on each run (15 ms for this app); one is all a run needs."""
    name = argv[0] if argv and not argv[0].startswith("-") else None
    commands = [c for c in app.registered_commands
                if (c.name or (c.callback.__name__ if c.callback else "").replace("_", "-")) == name]
    groups = [g for g in app.registered_groups if g.name == name]
    if not commands and not groups:
        return app
    narrow = typer.Typer(name="seatledger", **SETTINGS)
    narrow.registered_callback = app.registered_callback
    narrow.registered_commands = commands
    narrow.registered_groups = groups
    return narrow


def main() -> None:
    import os

    try:
        narrowed(sys.argv[1:])(prog_name="seatledger")
    except Exception as exc:  # a bug: say so in one line unless asked for the traceback
        if os.environ.get("SEATLEDGER_DEBUG"):
            raise
        print(f"seatledger: internal error: {type(exc).__name__}: {exc} "
              f"(set SEATLEDGER_DEBUG=1 for the traceback)", file=sys.stderr)
        sys.exit(3)
