"""typer's copy of click writes its usage errors as English f-strings ("Missing option",
"No such option", "Invalid value for", "Did you mean", "Error:"), which no catalogue reaches.
Each kind of error is rebuilt here from its parts in our words, so a Chinese run says it in
Chinese (best effort over typer 0.29's internals; skipped if they move)."""

from __future__ import annotations

import re
from typing import IO, Any

from seatledger.core.i18n import N_, tr

# Messages click builds as English text, and ours for each.
_REWORDED = (
    (
        re.compile(r"^Got unexpected extra argument(?:\(s\)|s)? \((?P<args>.*)\)$", re.S),
        N_("Got unexpected extra argument ({args})"),
    ),
    (
        re.compile(r"^Option (?P<name>'[^']*') requires an argument\.$"),
        N_("Option {name} requires an argument."),
    ),
    (
        re.compile(r"^Option (?P<name>'[^']*') requires (?P<n>\d+) arguments\.$"),
        N_("Option {name} requires {n} arguments."),
    ),
    (
        re.compile(r"^Option (?P<name>'[^']*') does not take a value\.$"),
        N_("Option {name} does not take a value."),
    ),
    (
        re.compile(r"^Argument (?P<name>'[^']*') takes (?P<n>\d+) values\.$"),
        N_("Argument {name} takes {n} values."),
    ),
)
_SUGGESTED = re.compile(r"^(?P<head>.*?)\. Did you mean (?P<possibility>.+)\?$", re.S)


def reword(message: str) -> str:
    """click's own English sentence in our words; anything else as it is (already ours)."""
    suggested = _SUGGESTED.match(message)
    if suggested:
        head = reword(suggested["head"])
        joint = "" if head.endswith("。") else ". "  # a Chinese sentence ends itself
        return head + joint + tr("Did you mean {possibility}?", possibility=suggested["possibility"])
    for pattern, template in _REWORDED:
        m = pattern.match(message)
        if m:
            return tr(template, **m.groupdict())
    return message


def _hint(e: Any) -> str | None:
    from typer._click.exceptions import _join_param_hints

    hint = e.param_hint if e.param_hint is not None else (e.param.get_error_hint() if e.param else None)
    return _join_param_hints(hint) if hint is not None else None


def _bad_parameter(self: Any) -> str:
    hint = _hint(self)
    if hint is None:
        return tr("Invalid value: {message}", message=self.message)
    return tr("Invalid value for {param_hint}: {message}", param_hint=hint, message=self.message)


def _missing(self: Any) -> str:
    hint = _hint(self) or ""
    kind = self.param_type or (self.param.param_type_name if self.param is not None else "parameter")
    text = (
        tr("Missing option {hint}.", hint=hint)
        if kind == "option"
        else tr("Missing argument {hint}.", hint=hint)
        if kind == "argument"
        else tr("Missing parameter {hint}.", hint=hint)
    )
    return f"{text} {self.message}".rstrip() if self.message else text


def _no_such_option(self: Any) -> str:
    text = tr("No such option: {name}", name=self.option_name)
    if self.possibilities:
        text += tr("(Possible options: {possibilities})", possibilities=", ".join(sorted(self.possibilities)))
    return text


def _usage(self: Any) -> str:
    return reword(self.message)


def _show(self: Any, file: IO[Any] | None = None) -> None:
    """UsageError.show without rich: usage, the help hint and the error, in our words."""
    from typer._click._compat import get_text_stderr
    from typer._click.utils import echo

    file = file or get_text_stderr()
    color = None
    if self.ctx is not None:
        color = self.ctx.color
        hint = ""
        if self.ctx.command.get_help_option(self.ctx) is not None:
            hint = tr(
                "Try '{command} {option}' for help.",
                command=self.ctx.command_path,
                option=self.ctx.help_option_names[0],
            )
        echo(f"{self.ctx.get_usage()}\n{hint}\n", file=file, color=color)
    echo(tr("Error: {message}", message=self.format_message()), file=file, color=color)


def install() -> None:
    try:
        from typer._click import exceptions as ex
    except ImportError:
        return
    if getattr(ex.UsageError.format_message, "_seatledger", False):
        return
    _usage._seatledger = True  # type: ignore[attr-defined]
    ex.UsageError.format_message = _usage  # type: ignore[method-assign]
    ex.UsageError.show = _show  # type: ignore[method-assign]
    ex.BadParameter.format_message = _bad_parameter  # type: ignore[method-assign]
    ex.MissingParameter.format_message = _missing  # type: ignore[method-assign]
    ex.NoSuchOption.format_message = _no_such_option  # type: ignore[method-assign]
    ex.BadOptionUsage.format_message = _usage  # type: ignore[method-assign]
