"""Commands for a ledger kept in git: `fmt`, `close`, `reopen`, `diff`, `merge-driver`."""

import sys
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from seatledger.cli.groups import app
from seatledger.cli.options import Opts, command
from seatledger.core import lazy
from seatledger.core.i18n import _, tr
from seatledger.render.formats import DIFF, show

if TYPE_CHECKING:
    from seatledger.app import files, ledger_git
    from seatledger.app import migrate as migrate_app
    from seatledger.render import messages
else:
    messages = lazy.module("seatledger.render.messages")
    files = lazy.module("seatledger.app.files")
    ledger_git = lazy.module("seatledger.app.ledger_git")
    migrate_app = lazy.module("seatledger.app.migrate")

QuarterOpt = Annotated[str, typer.Option("--quarter", help=_("Q3, 2022-Q3 or 三季度"))]


@command(app, "to-utf8", where=False, dry_run=True)
def to_utf8(
    opts: Opts,
    paths: Annotated[
        list[Path], typer.Argument(metavar=_("FILE..."), help=_("Files saved as GBK or GB18030."))
    ],
) -> None:
    """Convert files saved as GBK/GB18030 (a Chinese Windows editor's default) to UTF-8."""
    for c in files.to_utf8(paths, dry_run=opts.dry_run):
        if not c.changed:
            print(tr("{path}: already UTF-8, left as it is", path=c.path))
        elif opts.dry_run:
            print(tr("{path}: would convert from GB18030 to UTF-8 (dry run)", path=c.path))
        else:
            print(tr("{path}: converted from GB18030 to UTF-8", path=c.path))


@command(app, "fmt")
def fmt(
    opts: Opts,
    check_only: Annotated[
        bool, typer.Option("--check", help=_("Change nothing; list the files that would change and exit 1."))
    ] = False,
) -> None:
    """Rewrite the ledger files in canonical form (record order, key order, money as text)."""
    changed = ledger_git.fmt(opts.contract, opts.ledger, check_only)
    for path in changed:
        print(tr("would reformat {path}", path=path) if check_only else tr("reformatted {path}", path=path))
    if not changed:
        print(_("all ledger files are in canonical form"))
    if changed and check_only:
        raise typer.Exit(1)


@command(app, "migrate", dry_run=True)
def migrate(opts: Opts) -> None:
    """Convert the ledger's month files to the layout with a line for every day, in one commit."""
    changed = migrate_app.migrate(opts.contract, opts.ledger, dry_run=opts.dry_run)
    for path in changed:
        print(tr("would write {path}", path=path) if opts.dry_run else tr("wrote {path}", path=path))
    if not changed:
        print(_("the ledger is in the current layout; nothing to do"))
    elif not opts.dry_run:
        print(
            tr(
                'commit it as one change for review: git add {ledger} && git commit -m "{message}"',
                ledger=changed[0].parent,
                message=_("seatledger migrate: a line for every day in the month files"),
            )
        )


@command(app, "close", dry_run=True)
def close(
    opts: Opts,
    quarter: QuarterOpt,
    on: Annotated[
        str | None, typer.Option("--date", help=_("The day it is closed (default: today)."))
    ] = None,
) -> None:
    """Record that a quarter is settled: its figures and a digest of its records."""
    messages.written(ledger_git.close(opts.contract, opts.ledger, quarter, on, dry_run=opts.dry_run))


@command(app, "reopen", dry_run=True)
def reopen(
    opts: Opts,
    quarter: QuarterOpt,
    reason: Annotated[str, typer.Option("--reason", help=_("Why it is reopened."))],
    on: Annotated[str | None, typer.Option("--date", help=_("The day (default: today)."))] = None,
) -> None:
    """Reopen a closed quarter, with the reason recorded in the ledger."""
    messages.written(ledger_git.reopen(opts.contract, opts.ledger, quarter, reason, on, dry_run=opts.dry_run))


@command(app, "diff", formats=DIFF.formats())
def diff(
    opts: Opts,
    revs: Annotated[
        list[str] | None,
        typer.Argument(metavar=_("[REV] [REV2]"), help=_("Compare REV with REV2, or with the working tree.")),
    ] = None,
    base: Annotated[
        str | None,
        typer.Option(
            "--base",
            help=_("Without REV: compare with the merge base of HEAD and this branch (default: main)."),
        ),
    ] = None,
) -> None:
    """What a change does to the ledger: records, deductions and balance, roster compliance."""
    changes = ledger_git.diff(opts.contract, opts.ledger, revs or [], base, page=opts.format == "html")
    show(DIFF, opts.format, changes, opts.output)


@command(app, "merge-driver", where=False)
def merge_driver(
    opts: Opts,
    base: Annotated[Path, typer.Argument(metavar="%O", help=_("The common ancestor's version."))],
    ours: Annotated[Path, typer.Argument(metavar="%A", help=_("Our version; receives the result."))],
    theirs: Annotated[Path, typer.Argument(metavar="%B", help=_("Their version."))],
    path_name: Annotated[str | None, typer.Argument(metavar="%P", help=_("The file's path."))] = None,
) -> None:
    """Git merge driver: merge ledger files record by record (install: `seatledger git-setup`)."""
    status, message = ledger_git.merge_driver(base, ours, theirs, path_name)
    if message:
        print(message, file=sys.stderr)
    if status:
        raise typer.Exit(status)


@command(app, "git-setup", dry_run=True)
def git_setup(opts: Opts) -> None:
    """Install the merge driver in the ledger's git repository (.gitattributes and config)."""
    s = ledger_git.git_setup(opts.contract, opts.ledger, dry_run=opts.dry_run)
    verb = _("would set") if opts.dry_run else _("set")
    print(f"{verb} {s.attributes}: {s.pattern}")
    print(tr("{verb} git config merge.seatledger.driver: {driver}", verb=verb, driver=s.driver))
