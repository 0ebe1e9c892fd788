"""The language of the command line: `--lang zh|en`, else the locale. click and typer write their
own words ("Usage:", "Options", "Missing option") through gettext; they get ours, so a Chinese run
is Chinese throughout. Help texts are built when the commands register, so the language is chosen
from the arguments before that (`preparse`)."""

from __future__ import annotations

import gettext
import sys
from collections.abc import Sequence
from enum import StrEnum

from seatledger.core import i18n

Lang = StrEnum("Lang", {name: name for name in i18n.LANGUAGES})  # type: ignore[misc]

_CLICK_MODULES = ("click.core", "click.decorators", "click.exceptions", "click.formatting",
                  "click.parser", "click.types", "click.termui", "click.utils",
                  "click.shell_completion", "typer.core", "typer.rich_utils")
_RICH_TEXTS = {"DEPRECATED_STRING": "(deprecated) ", "DEFAULT_STRING": "[default: {}]",
               "ENVVAR_STRING": "[env var: {}]", "REQUIRED_LONG_STRING": "[required]",
               "ARGUMENTS_PANEL_TITLE": "Arguments", "OPTIONS_PANEL_TITLE": "Options",
               "COMMANDS_PANEL_TITLE": "Commands", "ERRORS_PANEL_TITLE": "Error",
               "ABORTED_TEXT": "Aborted.",
               "RICH_HELP": "Try [blue]'{command_path} {help_option}'[/] for help."}


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
    rich_utils = sys.modules.get("typer.rich_utils")
    if rich_utils is not None:
        for attr, text in _RICH_TEXTS.items():
            setattr(rich_utils, attr, i18n._(text))
    return chosen
