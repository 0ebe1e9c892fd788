"""`seatledger import FILE...`: attendance from DingTalk, WeCom and punch-clock exports."""

from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from seatledger.cli.groups import app
from seatledger.cli.options import Opts, command
from seatledger.core import lazy
from seatledger.core.i18n import _

if TYPE_CHECKING:
    from seatledger.app import imports
    from seatledger.render import imports as shown
else:
    imports = lazy.module("seatledger.app.imports")
    shown = lazy.module("seatledger.render.imports")


@command(app, "import", formats=("text", "json"), dry_run=True)
def import_(
    opts: Opts,
    files: Annotated[
        list[Path],
        typer.Argument(metavar=_("FILE..."), help=_("Exports: .xlsx, .xls or .csv (UTF-8, GBK, GB18030).")),
    ],
    profile: Annotated[
        str | None,
        typer.Option(
            "--profile",
            metavar=_("NAME"),
            help=_(
                "A built-in profile: dingtalk-daily, dingtalk-monthly, dingtalk-raw, wecom-daily or "
                "punch-csv (default: the one the file fits)."
            ),
        ),
    ] = None,
    rules: Annotated[
        Path | None,
        typer.Option("--rules", metavar=_("FILE"), help=_("A rules file (YAML) for any other export.")),
    ] = None,
    replace: Annotated[
        bool, typer.Option("--replace", help=_("Rewrite shifts already recorded with what the export says."))
    ] = False,
) -> None:
    """Record attendance from an attendance system's export (DingTalk, WeCom, a punch clock)."""
    result = imports.import_files(
        opts.contract,
        opts.ledger,
        files,
        profile=profile,
        rules_file=rules,
        replace=replace,
        dry_run=opts.dry_run,
    )
    if opts.format == "json":
        shown.imported_json(result)
    else:
        shown.imported_text(result)
