"""Commands that write: `init`, `roster add|leave`, `record <kind>`, `void`."""

from typing import TYPE_CHECKING, Annotated, Any

import typer

from seatledger.cli import lazy
from seatledger.cli.groups import app, record_app, roster_app
from seatledger.cli.options import Opts, command
from seatledger.core.i18n import _

if TYPE_CHECKING:
    from seatledger.app import records
    from seatledger.render import messages
else:
    messages = lazy.module("seatledger.render.messages")
    records = lazy.module("seatledger.app.records")

DateOpt = Annotated[str, typer.Option("--date", help=_("2022-07-01, 2022/07/01 or 2022年7月1日"))]
NoteOpt = Annotated[str | None, typer.Option("--note", help=_("Free text kept with the record."))]
InstalmentOpt = Annotated[str, typer.Option("--instalment", help=_("N or final"))]
GroundOpt = Annotated[
    str, typer.Option("--clause", help=_("The clause of a ground in the contract (termination.grounds)."))
]
DuplicateOpt = Annotated[
    bool,
    typer.Option(
        "--duplicate", help=_("Record a genuine second one, alike in all but note to one recorded.")
    ),
]


# Repeatable, and each value may be a comma list (either comma): --staff S1 --staff S2,S3
StaffOpt = Annotated[
    list[str] | None, typer.Option("--staff", help=_("Staff ids: S001,S002, or the option repeated"))
]
RequiredStaffOpt = Annotated[
    list[str], typer.Option("--staff", help=_("Staff ids: S001,S002, or the option repeated"))
]


def ids(values: list[str] | None) -> str | None:
    """The values of a repeatable id option as one comma list for the converter."""
    return ",".join(values) if values is not None else None


def _append(
    opts: Opts, kind: str, fields: dict[str, Any], *, replace: bool = False, duplicate: bool = False
) -> None:
    messages.written(
        records.record(
            opts.contract,
            opts.ledger,
            kind,
            fields,
            replace=replace,
            duplicate=duplicate,
            dry_run=opts.dry_run,
        )
    )


@command(app, "init", dry_run=True)
def init(
    opts: Opts,
    recorded_from: Annotated[
        str | None,
        typer.Option(
            "--recorded-from", help=_("Attendance is expected from this day (default: term start).")
        ),
    ] = None,
) -> None:
    """Create the ledger folder for a contract."""
    messages.written(records.init(opts.contract, opts.ledger, recorded_from, dry_run=opts.dry_run))


@command(roster_app, "add", dry_run=True)
def roster_add(
    opts: Opts,
    person_id: Annotated[str, typer.Argument(metavar=_("ID"), help=_("Staff id, e.g. S001."))],
    role: Annotated[str, typer.Option("--role", help=_("seat, team-lead or project-manager"))],
    degree: Annotated[
        str, typer.Option("--degree", help=_("secondary, associate, bachelor, master or doctor"))
    ],
    joined: Annotated[str, typer.Option("--joined", help=_("YYYY-MM-DD; may precede the term"))],
    group: Annotated[
        str | None, typer.Option("--group", help=_("A group key of the contract (`staffing.groups`)"))
    ] = None,
    name: Annotated[str | None, typer.Option("--name")] = None,
    note: NoteOpt = None,
) -> None:
    """Add a person to the roster."""
    raw = {
        "id": person_id,
        "role": role,
        "degree": degree,
        "joined": joined,
        "group": group,
        "name": name,
        "note": note,
    }
    messages.written(records.roster_add(opts.contract, opts.ledger, raw, dry_run=opts.dry_run))


@command(roster_app, "leave", dry_run=True)
def roster_leave(opts: Opts, person_id: Annotated[str, typer.Argument(metavar="ID")], on: DateOpt) -> None:
    """From --date on, the person no longer counts."""
    messages.written(records.roster_leave(opts.contract, opts.ledger, person_id, on, dry_run=opts.dry_run))


@command(record_app, "attendance", dry_run=True)
def record_attendance(
    opts: Opts,
    on: DateOpt,
    present: Annotated[int, typer.Option("--present", help=_("People at work on the shift."))],
    shift: Annotated[str, typer.Option("--shift", help=_("day, night or duty"))] = "day",
    absent: Annotated[
        list[str] | None,
        typer.Option("--absent", help=_("Absent staff ids: S001,S002, or the option repeated")),
    ] = None,
    replace: Annotated[bool, typer.Option("--replace", help=_("Rewrite this shift's record."))] = False,
    note: NoteOpt = None,
) -> None:
    """Attendance of one shift."""
    _append(
        opts,
        "attendance",
        {"date": on, "shift": shift, "present": present, "absent": ids(absent), "note": note},
        replace=replace,
    )


@command(record_app, "incident", dry_run=True)
def record_incident(
    opts: Opts,
    on: DateOpt,
    penalty: Annotated[str, typer.Option("--penalty", help=_("A penalty key of the contract."))],
    count: Annotated[int, typer.Option("--count", help="Units (occurrences, cases).")] = 1,
    amount: Annotated[
        str | None, typer.Option("--amount", help=_("Yuan per unit, where the penalty has no fixed amount."))
    ] = None,
    staff: StaffOpt = None,
    ref: Annotated[str | None, typer.Option("--ref", help=_("Case or notice number."))] = None,
    note: NoteOpt = None,
    duplicate: DuplicateOpt = False,
) -> None:
    """An incident that a penalty prices."""
    _append(
        opts,
        "incident",
        {
            "date": on,
            "penalty": penalty,
            "count": count,
            "amount": amount,
            "staff": ids(staff),
            "ref": ref,
            "note": note,
        },
        duplicate=duplicate,
    )


@command(record_app, "demand", dry_run=True)
def record_demand(
    opts: Opts,
    start: Annotated[str, typer.Option("--from", help=_("First day, YYYY-MM-DD"))],
    end: Annotated[str, typer.Option("--to", help=_("Last day, YYYY-MM-DD"))],
    shift: Annotated[str, typer.Option("--shift", help=_("day, night or duty"))],
    required: Annotated[int, typer.Option("--required", help=_("People Party A requires."))],
    note: NoteOpt = None,
) -> None:
    """Party A's staffing demand for a shift over a date range."""
    _append(opts, "demand", {"date": start, "to": end, "shift": shift, "required": required, "note": note})


@command(record_app, "activity", dry_run=True)
def record_activity(
    opts: Opts,
    on: DateOpt,
    obligation: Annotated[str, typer.Option("--obligation", help=_("A duty key of the contract."))],
    count: Annotated[int, typer.Option("--count")] = 1,
    note: NoteOpt = None,
    duplicate: DuplicateOpt = False,
) -> None:
    """A counted duty done: a training, a test, a Weibo update, an inspection, ..."""
    _append(
        opts,
        "activity",
        {"date": on, "obligation": obligation, "count": count, "note": note},
        duplicate=duplicate,
    )


@command(record_app, "request", dry_run=True)
def record_request(
    opts: Opts,
    on: DateOpt,
    instalment: Annotated[int, typer.Option("--instalment")],
    note: NoteOpt = None,
    duplicate: DuplicateOpt = False,
) -> None:
    """Party B's payment request, dated the day Party A received it."""
    _append(opts, "request", {"date": on, "instalment": instalment, "note": note}, duplicate=duplicate)


@command(record_app, "payment", dry_run=True)
def record_payment(
    opts: Opts,
    on: DateOpt,
    instalment: InstalmentOpt,
    amount: Annotated[str, typer.Option("--amount", help=_("Yuan received."))],
    excused: Annotated[
        str | None,
        typer.Option("--excused", help=_("Why lateness is excused (an excuse key of the contract).")),
    ] = None,
    note: NoteOpt = None,
    duplicate: DuplicateOpt = False,
) -> None:
    """A payment Party B received."""
    _append(
        opts,
        "payment",
        {"date": on, "instalment": instalment, "amount": amount, "excused": excused, "note": note},
        duplicate=duplicate,
    )


@command(record_app, "completion", dry_run=True)
def record_completion(
    opts: Opts,
    on: DateOpt,
    amount: Annotated[str, typer.Option("--amount", help=_("Confirmed final payment, gross."))],
    note: NoteOpt = None,
) -> None:
    """The jointly confirmed amount of the final payment."""
    _append(opts, "completion", {"date": on, "amount": amount, "note": note})


@command(record_app, "invoice", dry_run=True)
def record_invoice(
    opts: Opts,
    on: DateOpt,
    instalment: InstalmentOpt,
    amount: Annotated[str, typer.Option("--amount")],
    note: NoteOpt = None,
    duplicate: DuplicateOpt = False,
) -> None:
    """Party B's invoice."""
    _append(
        opts,
        "invoice",
        {"date": on, "instalment": instalment, "amount": amount, "note": note},
        duplicate=duplicate,
    )


@command(record_app, "replace-request", dry_run=True)
def record_replace_request(
    opts: Opts,
    on: DateOpt,
    staff: RequiredStaffOpt,
    note: NoteOpt = None,
    duplicate: DuplicateOpt = False,
) -> None:
    """Party A's request to replace staff, within the contract's replacement window."""
    _append(opts, "replace-request", {"date": on, "staff": ids(staff), "note": note}, duplicate=duplicate)


@command(record_app, "consent", dry_run=True)
def record_consent(
    opts: Opts,
    on: DateOpt,
    staff: RequiredStaffOpt,
    note: NoteOpt = None,
    duplicate: DuplicateOpt = False,
) -> None:
    """Party A's written consent to a change of project manager or team leader."""
    _append(opts, "consent", {"date": on, "staff": ids(staff), "note": note}, duplicate=duplicate)


@command(record_app, "dispute", dry_run=True)
def record_dispute(
    opts: Opts,
    on: DateOpt,
    incident: Annotated[
        str, typer.Option("--incident", help=_("The incident whose deduction Party B disputes."))
    ],
    reason: Annotated[str, typer.Option("--reason")],
    note: NoteOpt = None,
) -> None:
    """Party B disputes an incident's deduction: until a ruling, it is not withheld."""
    _append(opts, "dispute", {"date": on, "incident": incident, "reason": reason, "note": note})


@command(record_app, "ruling", dry_run=True)
def record_ruling(
    opts: Opts,
    on: DateOpt,
    dispute: Annotated[str, typer.Option("--dispute", help=_("The dispute dismissed."))],
    note: NoteOpt = None,
) -> None:
    """A dispute is dismissed: the deduction stands. (To uphold it, void the incident.)"""
    _append(opts, "ruling", {"date": on, "dispute": dispute, "note": note})


@command(record_app, "document", dry_run=True)
def record_document(
    opts: Opts,
    on: DateOpt,
    instalment: InstalmentOpt,
    document: Annotated[str, typer.Option("--kind", help=_("A key of the contract's payment_documents."))],
    note: NoteOpt = None,
) -> None:
    """A document that is a basis for payment, received for an instalment."""
    _append(opts, "document", {"date": on, "instalment": instalment, "document": document, "note": note})


@command(record_app, "notice", dry_run=True)
def record_notice(
    opts: Opts,
    on: DateOpt,
    clause: GroundOpt,
    cure_by: Annotated[str, typer.Option("--cure-by", help=_("YYYY-MM-DD: cure by this day."))],
    ref: Annotated[str | None, typer.Option("--ref", help=_("The notice's number."))] = None,
    note: NoteOpt = None,
) -> None:
    """Party A's written demand to cure a breach by a date."""
    _append(opts, "notice", {"date": on, "clause": clause, "cure_by": cure_by, "ref": ref, "note": note})


@command(record_app, "cured", dry_run=True)
def record_cured(
    opts: Opts,
    on: DateOpt,
    notice: Annotated[str, typer.Option("--notice", help=_("The notice whose breach was cured."))],
    note: NoteOpt = None,
) -> None:
    """The breach a notice named was cured."""
    _append(opts, "cured", {"date": on, "notice": notice, "note": note})


@command(record_app, "termination", dry_run=True)
def record_termination(
    opts: Opts,
    on: DateOpt,
    clause: GroundOpt,
    notice: Annotated[
        str | None,
        typer.Option("--notice", help=_("The expired notice it follows (where the ground needs one).")),
    ] = None,
    note: NoteOpt = None,
) -> None:
    """The service ends: --date is the first day not served."""
    _append(opts, "termination", {"date": on, "clause": clause, "notice": notice, "note": note})


@command(app, "void", dry_run=True)
def void(
    opts: Opts,
    record_id: Annotated[str, typer.Argument(metavar=_("ID"), help=_("The record to withdraw."))],
    reason: Annotated[str, typer.Option("--reason")],
) -> None:
    """Withdraw a record; it stays in its file for the audit trail and no report counts it."""
    messages.written(records.void(opts.contract, opts.ledger, record_id, reason, dry_run=opts.dry_run))
