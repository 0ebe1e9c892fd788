"""Commands that write: `init`, `roster add|leave`, `record <kind>` (one per declared kind), `void`."""

import inspect
from typing import TYPE_CHECKING, Annotated, Any

import typer

from seatledger.cli.groups import app, record_app, roster_app
from seatledger.cli.options import Opts, command
from seatledger.core import lazy
from seatledger.core.declare import Declared, Field
from seatledger.core.i18n import _
from seatledger.core.records import DECLARED

if TYPE_CHECKING:
    from seatledger.app import records
    from seatledger.render import messages
else:
    messages = lazy.module("seatledger.render.messages")
    records = lazy.module("seatledger.app.records")

DateOpt = Annotated[str, typer.Option("--date", help=_("2022-07-01, 2022/07/01 or 2022年7月1日"))]
NoteOpt = Annotated[str | None, typer.Option("--note", help=_("Free text kept with the record."))]
ReplaceOpt = Annotated[bool, typer.Option("--replace", help=_("Rewrite this shift's record."))]
DuplicateOpt = Annotated[
    bool,
    typer.Option(
        "--duplicate", help=_("Record a genuine second one, alike in all but note to one recorded.")
    ),
]


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
    badge: Annotated[
        str | None,
        typer.Option("--badge", help=_("The attendance system's id (工号, 账号), where it is not ID.")),
    ] = None,
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
        "badge": badge,
        "note": note,
    }
    messages.written(records.roster_add(opts.contract, opts.ledger, raw, dry_run=opts.dry_run))


@command(roster_app, "leave", dry_run=True)
def roster_leave(opts: Opts, person_id: Annotated[str, typer.Argument(metavar=_("ID"))], on: DateOpt) -> None:
    """From --date on, the person no longer counts."""
    messages.written(records.roster_leave(opts.contract, opts.ledger, person_id, on, dry_run=opts.dry_run))


_CLI_TYPES: dict[str, Any] = {"str": str, "int": int, "ids": list[str]}


def _option(field: Field) -> inspect.Parameter:
    """The typer option of a declared field: required where the record needs it and the command
    line has no default for it."""
    decl, kind = field.decl, _CLI_TYPES[field.decl.cli]
    default = decl.cli_default if decl.cli_default is not None else field.default
    if default == ():
        default = None
    required = field.required and default is None
    hint = kind if required or default is not None else kind | None
    option = typer.Option(field.option, help=_(decl.help) if decl.help else None)
    return inspect.Parameter(
        field.name,
        inspect.Parameter.KEYWORD_ONLY,
        default=inspect.Parameter.empty if required else default,
        annotation=Annotated[hint, option],
    )


_FLAGS = {
    "replace": inspect.Parameter(
        "replace", inspect.Parameter.KEYWORD_ONLY, default=False, annotation=ReplaceOpt
    ),
    "duplicate": inspect.Parameter(
        "duplicate", inspect.Parameter.KEYWORD_ONLY, default=False, annotation=DuplicateOpt
    ),
}


def _record_command(declared: Declared) -> None:
    """`record <kind>`, its options derived from the kind's declaration (core.records)."""
    params = [_option(f) for f in declared.fields if f.option is not None]
    params += [_FLAGS["replace"]] if declared.replace else []
    params += [_FLAGS["duplicate"]] if declared.repeatable else []
    opts = inspect.Parameter("opts", inspect.Parameter.KEYWORD_ONLY, annotation=Opts)

    def record(opts: Opts, replace: bool = False, duplicate: bool = False, **fields: Any) -> None:
        values = {k: ",".join(v) if isinstance(v, list) else v for k, v in fields.items()}
        _append(opts, declared.kind, values, replace=replace, duplicate=duplicate)

    record.__signature__ = inspect.Signature([opts, *params])  # type: ignore[attr-defined]
    record.__doc__ = declared.help
    record.__name__ = record.__qualname__ = "record_" + declared.kind.replace("-", "_")
    command(record_app, declared.kind, dry_run=True)(record)


for _declared in DECLARED.values():
    if _declared.command:
        _record_command(_declared)


@command(app, "void", dry_run=True)
def void(
    opts: Opts,
    record_id: Annotated[str, typer.Argument(metavar=_("ID"), help=_("The record to withdraw."))],
    reason: Annotated[str, typer.Option("--reason")],
) -> None:
    """Withdraw a record; it stays in its file for the audit trail and no report counts it."""
    messages.written(records.void(opts.contract, opts.ledger, record_id, reason, dry_run=opts.dry_run))
