"""The typer app and its command groups; the command modules register on these."""

from __future__ import annotations

import sys
from typing import Annotated, Any

import typer

from seatledger.cli import coerce
from seatledger.cli.lang import Lang, choose, preparse
from seatledger.core.i18n import _

choose(preparse(sys.argv[1:]))  # before any help text below is built
coerce.install()  # plain converters: no pydantic on the command line's hot path

SETTINGS: dict[str, Any] = {
    "no_args_is_help": True,
    "add_completion": True,
    "pretty_exceptions_enable": False,
}
app = typer.Typer(name="seatledger", **SETTINGS)
roster_app = typer.Typer(help=_("The people who count toward the seats."), no_args_is_help=True)
record_app = typer.Typer(help=_("Append a record to the ledger."), no_args_is_help=True)
app.add_typer(roster_app, name="roster")
app.add_typer(record_app, name="record")


def _version(value: bool) -> None:
    if value:
        from importlib.metadata import version

        print(f"seatledger {version('seatledger')}")
        raise typer.Exit()


@app.callback(help=_("A plain-file ledger that holds a call-centre staffing contract to its terms."))
def root(
    lang: Annotated[
        Lang | None,
        typer.Option(
            "--lang", metavar="zh|en", help=_("Language of the output (default: from LANG/LC_ALL/LANGUAGE).")
        ),
    ] = None,
    version: Annotated[
        bool,
        typer.Option("--version", callback=_version, is_eager=True, help=_("Show the version and exit.")),
    ] = False,
) -> None:
    if lang:  # else `narrowed` chose from the whole command line (--lang may follow the command)
        choose(str(lang))
