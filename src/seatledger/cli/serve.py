"""`seatledger serve`: the read-only web view (`web/`). Starlette, Jinja2 and uvicorn are
imported only when it runs, so every other command starts as fast as before."""

from pathlib import Path
from typing import Annotated

import typer

from seatledger.cli.groups import app
from seatledger.cli.options import Opts, command
from seatledger.core import lazy
from seatledger.core.i18n import _, current, tr

# web/ shares cli's layer and neither imports the other by name (lint-imports): the command
# reaches it by the module's name, when it runs.
server = lazy.module("seatledger.web.server")
static_site = lazy.module("seatledger.web.static_site")


@command(app, "serve")
def serve(
    opts: Opts,
    host: Annotated[
        str,
        typer.Option(
            "--host",
            metavar=_("ADDRESS"),
            help=_("Address to listen on; anything but 127.0.0.1 is seen by others."),
        ),
    ] = "127.0.0.1",
    port: Annotated[int, typer.Option("--port", metavar="N", help=_("Port to listen on."))] = 8000,
    static: Annotated[
        Path | None,
        typer.Option(
            "--static",
            metavar=_("DIR"),
            help=_("Write the pages as files in DIR (to publish them) and stop."),
        ),
    ] = None,
) -> None:
    """A read-only web view of the ledger: statements, deductions, attendance, roster, records, history."""
    if static is not None:
        done = static_site.write_static(opts.contract, opts.ledger, static, current())
        print(tr("{folder}: {n} pages written", folder=done.folder, n=done.pages))
        if done.problems:
            print(tr("the ledger has {n} problem(s): the pages show them, and no figure", n=done.problems))
            raise typer.Exit(1)
        return
    print(tr("seatledger serve: http://{host}:{port}/ (read-only; Ctrl-C stops it)", host=host, port=port))
    server.serve(opts.contract, opts.ledger, host, port, current())
