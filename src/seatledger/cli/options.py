"""The options every command shares, declared once: where the contract and ledger are, the
period, the output format and `--dry-run`. `command` adds the ones a command asks for to its
signature (typer reads `__signature__`) and hands them to it packed in one `Opts` value; it
also turns the domain's one error type into a message and an exit code."""

from __future__ import annotations

import functools
import inspect
import sys
from collections.abc import Callable
from enum import StrEnum
from pathlib import Path
from typing import Annotated, Any, NamedTuple

import typer

from seatledger.app.periods import PeriodArgs
from seatledger.cli.lang import Lang, choose
from seatledger.core.errors import SeatledgerError, UsageError
from seatledger.core.i18n import N_, _, current, msg, tr
from seatledger.render.formats import FILE_FORMATS, NEEDS_FILE


class Opts(NamedTuple):
    contract: Path | None = None
    ledger: Path | None = None
    period: PeriodArgs = PeriodArgs()
    format: str = "text"
    dry_run: bool = False
    output: Path | None = None  # where --output writes a file format (html, xlsx, csv)


_PANEL = _("Period")
WHERE = {
    "contract": Annotated[
        Path | None,
        typer.Option(
            "--contract",
            metavar=_("ID|FILE"),
            help=_(
                "Contract id or YAML file (default: $SEATLEDGER_CONTRACT, the ledger folder you are "
                "in, or the one in contracts/)."
            ),
        ),
    ],
    "ledger": Annotated[
        Path | None,
        typer.Option(
            "--ledger",
            metavar=_("DIR"),
            help=_("Ledger folder (default: $SEATLEDGER_LEDGER, or ledgers/<contract-id>/)."),
        ),
    ],
}
PERIOD = {
    "month": Annotated[
        str | None,
        typer.Option("--month", metavar="YYYY-MM", help=_("A calendar month"), rich_help_panel=_PANEL),
    ],
    "quarter": Annotated[
        str | None,
        typer.Option("--quarter", metavar="Q1..Q4", help=_("Q3, 2022-Q3 or 三季度"), rich_help_panel=_PANEL),
    ],
    "instalment": Annotated[
        int | None,
        typer.Option("--instalment", metavar="N", help=_("An instalment's period"), rich_help_panel=_PANEL),
    ],
    "start": Annotated[
        str | None,
        typer.Option(
            "--from",
            metavar=_("DATE"),
            help=_("First day (2022-07-01, 2022/07/01 or 2022年7月1日)"),
            rich_help_panel=_PANEL,
        ),
    ],
    "end": Annotated[
        str | None, typer.Option("--to", metavar=_("DATE"), help=_("Last day"), rich_help_panel=_PANEL)
    ],
}
DRY_RUN = Annotated[bool, typer.Option("--dry-run", help=_("Show what would be written; write nothing."))]
LANG = Annotated[
    Lang | None,
    typer.Option(
        "--lang", metavar="zh|en", help=_("Language of the output (default: from LANG/LC_ALL/LANGUAGE).")
    ),
]
OUTPUT = Annotated[
    Path | None,
    typer.Option(
        "--output", "-o", metavar=_("FILE"), help=_("Write the report to FILE (html and xlsx need one).")
    ),
]


def _format_option(formats: tuple[str, ...]) -> Any:
    choices = StrEnum("Format", {f: f for f in formats})  # type: ignore[misc]
    return Annotated[choices, typer.Option("--format", metavar="|".join(formats), help=", ".join(formats))]


_METAVARS = {  # the placeholders help shows, in the chosen language (registered after --lang)
    N_("DATE"): ("date", "from", "to", "joined", "left", "by", "as-of", "recorded-from"),
    N_("YUAN"): ("amount",),
    N_("ID,..."): ("staff", "absent"),
    "N|final": ("instalment",),
    "N": ("count", "present", "required", "repeat"),
    N_("ID"): ("target", "incident", "notice", "dispute", "follows"),
    N_("TEXT"): ("note", "reason", "ref", "number", "badge"),
    "YYYY-MM": ("month",),
    "Q1..Q4": ("quarter",),
    "0..100": ("value", "score"),
}
_METAVAR = {option: metavar for metavar, options in _METAVARS.items() for option in options}


def _show_metavars(params: list[inspect.Parameter]) -> None:
    """Help shows DATE, YUAN, KEY rather than typer's `<str>`; flags show none."""
    for p in params:
        info = next(
            (m for m in getattr(p.annotation, "__metadata__", ()) if isinstance(m, typer.models.OptionInfo)),
            None,
        )
        if info is None or info.metavar is not None:
            continue
        decls = [
            d for d in (info.default, *(info.param_decls or ())) if isinstance(d, str) and d.startswith("--")
        ]
        name = (decls or [p.name.replace("_", "-")])[0].lstrip("-")
        flag = p.annotation.__origin__ is bool
        info.metavar = "" if flag else _(_METAVAR.get(name, N_("KEY")))


def _flag_metavar(self: Any, ctx: Any, _shown: Any = typer.core.TyperOption.display_type_rich) -> Any:
    return "" if getattr(self, "is_flag", False) else _shown(self, ctx)


typer.core.TyperOption.display_type_rich = _flag_metavar  # type: ignore[method-assign] # --help and typer's own flags


def _argument_type(self: Any, ctx: Any, _shown: Any = typer.core.TyperArgument.display_type_rich) -> Any:
    """An argument's Python type (<str>, <list[Path]>) is no word for a Chinese reader: its
    placeholder (编号, 文件...) already says what goes there."""
    return "" if current() == "zh" else _shown(self, ctx)


typer.core.TyperArgument.display_type_rich = _argument_type  # type: ignore[method-assign]


def _param(name: str, annotation: Any, default: Any) -> inspect.Parameter:
    return inspect.Parameter(name, inspect.Parameter.KEYWORD_ONLY, default=default, annotation=annotation)


def _shared(period: bool, where: bool, formats: tuple[str, ...], dry_run: bool) -> list[inspect.Parameter]:
    """The shared options a command asks for, in the order its help lists them."""
    extra: list[inspect.Parameter] = []
    if period:
        extra += [_param(n, a, None) for n, a in PERIOD.items()]
    if where:
        extra += [_param(n, a, None) for n, a in WHERE.items()]
    if formats:
        option = _format_option(formats)
        extra.append(_param("output", option, option.__origin__(formats[0])))
    if set(formats) & set(FILE_FORMATS):
        extra.append(_param("output_file", OUTPUT, None))
    if dry_run:
        extra.append(_param("dry_run", DRY_RUN, False))
    extra.append(_param("lang", LANG, None))
    return extra


def _opts(kwargs: dict[str, Any]) -> Opts:
    return Opts(
        kwargs.get("contract"),
        kwargs.get("ledger"),
        PeriodArgs(*(kwargs.get(n) for n in PERIOD)),
        str(kwargs.get("output", "text")),
        kwargs.get("dry_run", False),
        kwargs.get("output_file"),
    )


def _run(fn: Callable[..., Any], mine: dict[str, Any], opts: Opts) -> Any:
    """`fn`, with the domain's one error type turned into a message and an exit code."""
    try:
        if opts.format in NEEDS_FILE and opts.output is None:
            raise UsageError(msg("--format {fmt} writes a file: give --output FILE", fmt=opts.format))
        return fn(**mine, opts=opts)
    except SeatledgerError as exc:
        print(exc.render(), file=sys.stderr)
        raise typer.Exit(exc.exit_code) from None
    except BrokenPipeError:  # `| head`: the reader has gone, nothing to say
        raise
    except OSError as exc:  # the disk, not a bug: a read-only folder, a full disk
        from seatledger.core.foreign import os_reason  # only on this path

        where = f"{exc.filename}: " if exc.filename else ""
        print(
            tr("{where}{value}; the file was left as it was", where=where, value=os_reason(exc)),
            file=sys.stderr,
        )
        raise typer.Exit(1) from None


def command(
    group: typer.Typer,
    name: str | None = None,
    *,
    where: bool = True,
    period: bool = False,
    formats: tuple[str, ...] = (),
    dry_run: bool = False,
) -> Callable[[Callable[..., Any]], Callable[..., Any]]:
    """Register `fn` as a command of `group` with the shared options it asks for; `fn` takes
    its own parameters and `opts: Opts`."""

    def register(fn: Callable[..., Any]) -> Callable[..., Any]:
        own = [p for p in inspect.signature(fn, eval_str=True).parameters.values() if p.name != "opts"]
        extra = _shared(period, where, formats, dry_run)
        shared = {p.name for p in extra}

        @functools.wraps(fn)
        def wrapper(**kwargs: Any) -> Any:
            if kwargs.get("lang"):  # else the root callback chose (`seatledger --lang zh ...`)
                choose(str(kwargs["lang"]))
            return _run(fn, {k: v for k, v in kwargs.items() if k not in shared}, _opts(kwargs))

        params = [p.replace(kind=inspect.Parameter.KEYWORD_ONLY) for p in own] + extra
        _show_metavars(params)
        wrapper.__signature__ = inspect.Signature(params)  # type: ignore[attr-defined]
        wrapper.__annotations__ = {p.name: p.annotation for p in params}
        del wrapper.__wrapped__
        help_text = _(inspect.cleandoc(fn.__doc__)) if fn.__doc__ else None
        group.command(name, help=help_text)(wrapper)
        return fn

    return register
