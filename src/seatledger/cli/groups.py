"""The typer app and its command groups; the command modules register on these."""

from __future__ import annotations

from typing import Any

import typer

from seatledger.core.i18n import _

SETTINGS: dict[str, Any] = {"no_args_is_help": True, "add_completion": False,
                            "pretty_exceptions_enable": False}
app = typer.Typer(name="seatledger", **SETTINGS)
roster_app = typer.Typer(help=_("The people who count toward the seats."), no_args_is_help=True)
record_app = typer.Typer(help=_("Append a record to the ledger."), no_args_is_help=True)
app.add_typer(roster_app, name="roster")
app.add_typer(record_app, name="record")


@app.callback()
def root() -> None:
    """A plain-file ledger that holds a call-centre staffing contract to its terms."""
