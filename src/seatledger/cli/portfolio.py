"""`portfolio` (every contract of the repository and their total) and `export --sqlite`.
(No `from __future__ import annotations` in the command modules: typer evaluates them.)"""

import sys
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from seatledger.cli.groups import app
from seatledger.cli.options import Opts, command
from seatledger.core import lazy
from seatledger.core.atomic import write_atomic_bytes
from seatledger.core.i18n import _, tr
from seatledger.render.formats import PORTFOLIO, show
from seatledger.write.output import refuse_output

if TYPE_CHECKING:
    from seatledger.app import portfolio as app_portfolio
    from seatledger.app import renewal
    from seatledger.render import html_portfolio, messages
else:
    app_portfolio = lazy.module("seatledger.app.portfolio")
    renewal = lazy.module("seatledger.app.renewal")
    messages = lazy.module("seatledger.render.messages")
    html_portfolio = lazy.module("seatledger.render.html_portfolio")


ContractIds = Annotated[
    list[str] | None,
    typer.Option("--contract", metavar=_("ID"), help=_("Only this contract (repeat for more).")),
]
Party = Annotated[
    str | None, typer.Option("--party", help=_("Only contracts with a party whose name holds this."))
]
Year = Annotated[int | None, typer.Option("--year", help=_("Only contracts whose term touches this year."))]
AsOf = Annotated[str | None, typer.Option("--as-of", help=_("YYYY-MM-DD (default: today)."))]


@command(app, "export", where=False)
def export(
    opts: Opts,
    sqlite: Annotated[
        Path,
        typer.Option("--sqlite", metavar=_("FILE"), help=_("Write an SQLite database (for Datasette, SQL).")),
    ],
    contract: ContractIds = None,
    party: Party = None,
    year: Year = None,
    as_of: AsOf = None,
) -> None:
    """Every contract's records, deduction lines, settlement rows and findings as SQL tables."""
    filters = app_portfolio.Filters(party, year, tuple(contract or ()))
    n = app_portfolio.export_sqlite(filters, as_of, sqlite)
    print(tr("{path}: {n} records exported", path=sqlite, n=n), file=sys.stderr)


@command(app, "portfolio", where=False, formats=(*PORTFOLIO.formats(), "html"))
def portfolio(
    opts: Opts,
    contract: ContractIds = None,
    party: Party = None,
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
        print(output, file=sys.stderr)
    else:
        show(PORTFOLIO, opts.format, result, opts.output)


@command(app, "renew", where=False, dry_run=True)
def renew(
    opts: Opts,
    source: Annotated[str, typer.Option("--from", metavar=_("ID|FILE"), help=_("The contract renewed."))],
    new_id: Annotated[str, typer.Option("--id", metavar=_("ID"), help=_("The new contract's id."))],
    start: Annotated[str, typer.Option("--start", metavar=_("DATE"), help=_("The new term's first day."))],
) -> None:
    """Next term's contract from this one: dates, periods and calendar moved, roster carried over."""
    messages.written(renewal.renew(source, new_id, start, dry_run=opts.dry_run))
