"""The command line: parse arguments, call one app function, render its result.

Exit codes: 0 done, 1 refused or problems found, 2 a bad command line, 3 an internal error.
"""

from __future__ import annotations

import sys

import typer

from seatledger.cli import imports, ledger_git, portfolio, records, reports, serve
from seatledger.cli.groups import SETTINGS, app
from seatledger.cli.lang import choose, preparse
from seatledger.core.i18n import tr

COMMAND_MODULES = (
    records,
    reports,
    ledger_git,
    imports,
    serve,
    portfolio,
)  # importing them registers their commands


def narrowed(argv: list[str]) -> typer.Typer:
    """The app with only the command that `argv` names. Typer turns every registered command
    into a click command on each run (15 ms for this app); one is all a run needs."""
    choose(preparse(argv))  # this run's language, for the errors met while parsing it
    name = argv[0] if argv and not argv[0].startswith("-") else None
    commands = [
        c
        for c in app.registered_commands
        if (c.name or (c.callback.__name__ if c.callback else "").replace("_", "-")) == name
    ]
    groups = [g for g in app.registered_groups if g.name == name]
    if not commands and not groups:
        return app
    narrow = typer.Typer(name="seatledger", **SETTINGS)
    narrow.registered_callback = app.registered_callback
    narrow.registered_commands = commands
    narrow.registered_groups = groups
    return narrow


def main() -> None:
    import gc
    import os

    # A run builds and checks many small acyclic values; collecting every 700 allocations
    # cost a tenth of a cold check of 100k records. mypy sets the same for the same reason.
    gc.set_threshold(200_000, 30, 30)

    for stream in (sys.stdout, sys.stderr):  # a GBK console, or bytes that are not UTF-8
        if hasattr(stream, "reconfigure"):
            stream.reconfigure(errors="backslashreplace")

    try:
        narrowed(sys.argv[1:])(prog_name="seatledger")
    except BrokenPipeError:  # `seatledger settle | head`: stop quietly, as other tools do
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        sys.exit(1)
    except Exception as exc:  # a bug: say so in one line unless asked for the traceback
        if os.environ.get("SEATLEDGER_DEBUG"):
            raise
        print(
            tr(
                "seatledger: internal error: {kind}: {exc} (set SEATLEDGER_DEBUG=1 for the traceback)",
                kind=type(exc).__name__,
                exc=exc,
            ),
            file=sys.stderr,
        )
        sys.exit(3)
