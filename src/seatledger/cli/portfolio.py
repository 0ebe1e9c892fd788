"""`portfolio`: every contract of the repository and their total. (No `from __future__ import
annotations` in the command modules: typer evaluates each string annotation.)"""

from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from seatledger.cli.groups import app
from seatledger.cli.options import Opts, command
from seatledger.core import lazy
from seatledger.core.atomic import write_atomic_bytes
from seatledger.core.i18n import _
from seatledger.render.formats import PORTFOLIO, show
from seatledger.write.output import refuse_output

if TYPE_CHECKING:
    from seatledger.app import portfolio as app_portfolio
    from seatledger.render import html_portfolio
else:
    app_portfolio = lazy.module("seatledger.app.portfolio")
    html_portfolio = lazy.module("seatledger.render.html_portfolio")


@command(app, "portfolio", where=False, formats=(*PORTFOLIO.formats(), "html"))
def portfolio(
    opts: Opts,
    contract: Annotated[
        list[str] | None,
        typer.Option("--contract", metavar="ID", help=_("Only this contract (repeat for more).")),
    ] = None,
    party: Annotated[
        str | None, typer.Option("--party", help=_("Only contracts with a party whose name holds this."))
    ] = None,
    year: Annotated[
        int | None, typer.Option("--year", help=_("Only contracts whose term touches this year."))
    ] = None,
    as_of: Annotated[str | None, typer.Option("--as-of", help=_("YYYY-MM-DD (default: today)."))] = None,
) -> None:
    """Every contract in contracts/, and the total: accrued, deducted, paid, owed, due, overdue."""
    filters = app_portfolio.Filters(party, year, tuple(contract or ()))
    result = app_portfolio.run(filters, as_of)
    if opts.format == "html":
        output = opts.output
        assert output is not None  # --format html needs --output (cli.options)
        refuse_output(output)
        write_atomic_bytes(Path(output), html_portfolio.page(result).encode("utf-8"))
        print(output, file=__import__("sys").stderr)
    else:
        show(PORTFOLIO, opts.format, result, opts.output)
