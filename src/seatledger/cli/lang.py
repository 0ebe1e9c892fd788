"""The language of the command line: `--lang zh|en`, else the locale. click and typer write their
own words ("Usage:", "Options", "Missing option") through gettext; they get ours, so a Chinese run
is Chinese throughout. Help texts are built when the commands register, so the language is chosen
from the arguments before that (`preparse`)."""

from __future__ import annotations

import gettext
import sys
from collections.abc import Sequence
from enum import StrEnum
from typing import Any

from seatledger.cli import usage_errors
from seatledger.core import i18n

Lang = StrEnum("Lang", {name: name for name in i18n.LANGUAGES})  # type: ignore[misc]

_CLICK = (
    "core",
    "decorators",
    "exceptions",
    "formatting",
    "parser",
    "types",
    "termui",
    "utils",
    "shell_completion",
)
# typer 0.29 carries its own copy of click (typer._click); older ones use click itself.
_CLICK_MODULES = (
    *(f"click.{m}" for m in _CLICK),
    *(f"typer._click.{m}" for m in _CLICK),
    "typer.core",
    "typer.rich_utils",
)
_RICH_TEXTS = {
    "DEPRECATED_STRING": "(deprecated) ",
    "DEFAULT_STRING": "[default: {}]",
    "ENVVAR_STRING": "[env var: {}]",
    "REQUIRED_LONG_STRING": "[required]",
    "ARGUMENTS_PANEL_TITLE": "Arguments",
    "OPTIONS_PANEL_TITLE": "Options",
    "COMMANDS_PANEL_TITLE": "Commands",
    "ERRORS_PANEL_TITLE": "Error",
    "ABORTED_TEXT": "Aborted.",
    "RICH_HELP": "Try [blue]'{command_path} {help_option}'[/] for help.",
}
# click's placeholders on the usage line and typer's help for its completion options: literals
# there, ours here (by the same English, so an unknown text passes through unchanged)
_TYPER_WORDS = (
    i18n.N_("[OPTIONS]"),
    i18n.N_("COMMAND [ARGS]..."),
    i18n.N_("Install completion for the current shell."),
    i18n.N_("Show completion for the current shell, to copy it or customize the installation."),
)


def preparse(argv: Sequence[str]) -> str | None:
    """The value of `--lang` anywhere in `argv`, if it names a language."""
    for n, arg in enumerate(argv):
        if arg == "--lang" and n + 1 < len(argv) and argv[n + 1] in i18n.LANGUAGES:
            return argv[n + 1]
        if arg.startswith("--lang=") and arg[7:] in i18n.LANGUAGES:
            return arg[7:]
    return None


def choose(lang: str | None) -> str:
    chosen = i18n.use(lang)
    # Modules imported later (typer's rich help) bind gettext's functions when they import.
    gettext.gettext = i18n._  # type: ignore[assignment]
    gettext.ngettext = i18n.ngettext  # type: ignore[assignment]
    for name in _CLICK_MODULES:
        module = sys.modules.get(name)
        if module is not None:
            if hasattr(module, "_"):
                module._ = i18n._  # type: ignore[attr-defined]
            if hasattr(module, "ngettext"):
                module.ngettext = i18n.ngettext  # type: ignore[attr-defined]
    _translate_typer_literals()
    usage_errors.install()
    rich_utils = sys.modules.get("typer.rich_utils")
    if rich_utils is not None:
        for attr, text in _RICH_TEXTS.items():
            setattr(rich_utils, attr, i18n._(text))
    return chosen


def _translate_typer_literals() -> None:
    """typer's own copy of click writes "Usage:" and the --help text as plain literals; wrap
    the two methods that emit them (best effort: internals of typer 0.29, skipped if moved)."""
    try:
        from typer._click import core, formatting
    except ImportError:
        return
    if getattr(formatting.HelpFormatter.write_usage, "_seatledger", False):
        return
    write_usage = formatting.HelpFormatter.write_usage
    get_help_option = core.Command.get_help_option
    pieces = core.Command.collect_usage_pieces
    get_params = core.Command.get_params

    def usage(self: Any, prog: str, args: str = "", prefix: str | None = None) -> None:
        write_usage(self, prog, args, prefix if prefix is not None else i18n._("Usage:") + " ")

    def help_option(self: Any, ctx: Any) -> Any:
        option = get_help_option(self, ctx)
        if option is not None and option.help:
            option.help = i18n._(option.help)
        return option

    def usage_pieces(self: Any, ctx: Any) -> list[str]:
        return [i18n._(piece) for piece in pieces(self, ctx)]

    def params(self: Any, ctx: Any) -> list[Any]:
        found: list[Any] = get_params(self, ctx)
        for param in found:
            if getattr(param, "help", None) in _TYPER_WORDS:
                param.help = i18n._(param.help)
        return found

    usage._seatledger = True  # type: ignore[attr-defined]
    formatting.HelpFormatter.write_usage = usage  # type: ignore[method-assign]
    core.Command.get_help_option = help_option  # type: ignore[method-assign]
    core.Command.collect_usage_pieces = usage_pieces  # type: ignore[method-assign]
    core.Command.get_params = params  # type: ignore[method-assign]
