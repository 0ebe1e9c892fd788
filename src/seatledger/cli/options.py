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
from seatledger.core.errors import SeatledgerError
from seatledger.core.i18n import _, tr


class Opts(NamedTuple):
    contract: Path | None = None
    ledger: Path | None = None
    period: PeriodArgs = PeriodArgs()
    format: str = "text"
    dry_run: bool = False


_PANEL = "Period"
WHERE = {
    "contract": Annotated[Path | None, typer.Option(
        "--contract",
        help=_("Contract YAML (default: $SEATLEDGER_CONTRACT, or the one in contracts/)."))],
    "ledger": Annotated[Path | None, typer.Option(
        "--ledger", help=_("Ledger folder (default: $SEATLEDGER_LEDGER, or ledgers/<contract-id>/)."))],
}
PERIOD = {
    "month": Annotated[str | None, typer.Option("--month", help="YYYY-MM", rich_help_panel=_PANEL)],
    "quarter": Annotated[str | None, typer.Option(
        "--quarter", help="Q3 or 2022-Q3", rich_help_panel=_PANEL)],
    "instalment": Annotated[int | None, typer.Option(
        "--instalment", help=_("An instalment's period"), rich_help_panel=_PANEL)],
    "start": Annotated[str | None, typer.Option(
        "--from", help="YYYY-MM-DD", rich_help_panel=_PANEL)],
    "end": Annotated[str | None, typer.Option("--to", help="YYYY-MM-DD", rich_help_panel=_PANEL)],
}
DRY_RUN = Annotated[bool, typer.Option("--dry-run", help=_("Show what would be written; write nothing."))]


def _format_option(formats: tuple[str, ...]) -> Any:
    choices = StrEnum("Format", {f: f for f in formats})  # type: ignore[misc]
    return Annotated[choices, typer.Option(
        "--format", help=", ".join(formats[:-1]) + f" or {formats[-1]}")]


def _param(name: str, annotation: Any, default: Any) -> inspect.Parameter:
    return inspect.Parameter(name, inspect.Parameter.KEYWORD_ONLY, default=default,
                             annotation=annotation)


def command(group: typer.Typer, name: str | None = None, *, where: bool = True,
            period: bool = False, formats: tuple[str, ...] = (),
            dry_run: bool = False) -> Callable[[Callable[..., Any]], Callable[..., Any]]:
    """Register `fn` as a command of `group` with the shared options it asks for; `fn` takes
    its own parameters and `opts: Opts`."""

    def register(fn: Callable[..., Any]) -> Callable[..., Any]:
        own = [p for p in inspect.signature(fn, eval_str=True).parameters.values()
               if p.name != "opts"]
        extra: list[inspect.Parameter] = []
        if period:
            extra += [_param(n, a, None) for n, a in PERIOD.items()]
        if where:
            extra += [_param(n, a, None) for n, a in WHERE.items()]
        if formats:
            option = _format_option(formats)
            extra.append(_param("output", option, option.__origin__(formats[0])))
        if dry_run:
            extra.append(_param("dry_run", DRY_RUN, False))
        shared = {p.name for p in extra}

        @functools.wraps(fn)
        def wrapper(**kwargs: Any) -> Any:
            mine = {k: v for k, v in kwargs.items() if k not in shared}
            opts = Opts(kwargs.get("contract"), kwargs.get("ledger"),
                        PeriodArgs(*(kwargs.get(n) for n in PERIOD)),
                        str(kwargs.get("output", "text")), kwargs.get("dry_run", False))
            try:
                return fn(**mine, opts=opts)
            except SeatledgerError as exc:
                print(exc.render(), file=sys.stderr)
                raise typer.Exit(exc.exit_code) from None
            except OSError as exc:  # the disk, not a bug: a read-only folder, a full disk
                where = f"{exc.filename}: " if exc.filename else ""
                print(
                    tr("{where}{value}; the file was left as it was",
                        where=where, value=exc.strerror or exc
                    ),
                    file=sys.stderr,
                )
                raise typer.Exit(1) from None

        params = [p.replace(kind=inspect.Parameter.KEYWORD_ONLY) for p in own] + extra
        wrapper.__signature__ = inspect.Signature(params)  # type: ignore[attr-defined]
        wrapper.__annotations__ = {p.name: p.annotation for p in params}
        del wrapper.__wrapped__
        group.command(name)(wrapper)
        return fn

    return register
