"""Plain converters for the command line's own types, in place of typer's pydantic ones.

typer 0.29 coerces every parameter through a pydantic TypeAdapter, built per parameter on every
run: importing pydantic and building the adapters was about 75 ms of a 330 ms `check` on a full
year (issue 13), more than all of seatledger's own work on a warm cache. This CLI's parameters
are str, int, bool, Path, a StrEnum of choices, lists of those, and optional ones; each has an
obvious converter. Anything else keeps typer's own coercion.
"""

from __future__ import annotations

import types
import typing
from dataclasses import dataclass
from enum import Enum
from pathlib import Path
from typing import Any

from typer import _coercion, core
from typer._click.exceptions import BadParameter

from seatledger.core.i18n import tr
from seatledger.core.vocabulary import OPTION_ALIASES, OPTION_TITLES

_PLAIN = (str, int, bool, Path)


def _unwrap(annotation: Any) -> Any:
    """`X | None` -> X."""
    if typing.get_origin(annotation) in (typing.Union, types.UnionType):
        args = [a for a in typing.get_args(annotation) if a is not type(None)]
        return args[0] if len(args) == 1 else None
    return annotation


def _converter(annotation: Any) -> Any:
    """A function value -> converted value, or None where this module has none."""
    annotation = _unwrap(annotation)
    if typing.get_origin(annotation) is list:
        (item,) = typing.get_args(annotation) or (str,)
        one = _converter(item)
        return None if one is None else ("list", one)
    if annotation in _PLAIN or (isinstance(annotation, type) and issubclass(annotation, Enum)):
        return annotation
    return None


def _convert(kind: Any, value: Any, param: Any, ctx: Any) -> Any:
    if isinstance(kind, tuple):
        return [_convert(kind[1], v, param, ctx) for v in value]
    if isinstance(value, kind):
        return value
    if kind is int:
        try:
            return int(str(value).strip())
        except ValueError:
            raise BadParameter(
                tr("{value!r} is not a whole number", value=value), ctx=ctx, param=param
            ) from None
    if kind is bool:
        return bool(value)
    if isinstance(kind, type) and issubclass(kind, Enum):
        try:
            return kind(OPTION_ALIASES.get(str(value).strip(), value))
        except ValueError:
            valid = ", ".join(
                f"{m.value} ({OPTION_TITLES[m.value]})" if m.value in OPTION_TITLES else str(m.value)
                for m in kind
            )
            raise BadParameter(
                tr("{value!r} is not one of {values}{hint}", value=value, values=valid, hint=""),
                ctx=ctx,
                param=param,
            ) from None
    return kind(value)


@dataclass(frozen=True)
class PlainParam(_coercion.RuntimeParam):
    kind: Any = None

    def _coerce_value(self, value: Any, param: Any, ctx: Any) -> Any:
        return _convert(self.kind, value, param, ctx)


def install() -> None:
    """Make typer build a PlainParam wherever a plain converter does."""
    original = core._TyperParameter.get_runtime_param
    if getattr(original, "_seatledger", False):
        return

    def get_runtime_param(self: Any) -> Any:
        if self._runtime_param is None:
            descriptor = self.type_descriptor
            kind = None if descriptor.file_annotation is not None else _converter(descriptor.annotation)
            self._runtime_param = (
                PlainParam(
                    annotation=descriptor.annotation, parameter_info=descriptor.parameter_info, kind=kind
                )
                if kind is not None
                else original(self)
            )
        return self._runtime_param

    get_runtime_param._seatledger = True  # type: ignore[attr-defined]
    core._TyperParameter.get_runtime_param = get_runtime_param  # type: ignore[method-assign]
