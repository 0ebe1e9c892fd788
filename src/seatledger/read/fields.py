"""Turning a record's raw YAML mapping into a typed value, field by field.

Records are read on every command, so this is hand-rolled rather than a pydantic model per
kind: building those costs more than reading a whole ledger. The specs derive from the kinds'
declarations (`core.records`); the converters are `core.convert`'s.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, NamedTuple

from seatledger.core.declare import fields_of
from seatledger.core.errors import did_you_mean
from seatledger.core.i18n import message_of, msg
from seatledger.core.records import DECLARED, LedgerMeta, Person, Record, Source


class Spec(NamedTuple):
    cls: Callable[..., Any]
    required: dict[str, Callable[[Any], Any]]
    optional: dict[str, Callable[[Any], Any]]
    converters: dict[str, Callable[[Any], Any]]  # every field's, for the one-pass build
    names: frozenset[str]  # the required fields' names


def spec_of(cls: type[Any]) -> Spec:
    """The converters of a declared type's fields, split into required and optional."""
    fields = fields_of(cls)
    required = {f.name: f.decl.convert for f in fields if f.required}
    optional = {f.name: f.decl.convert for f in fields if not f.required}
    return Spec(cls, required, optional, {**optional, **required}, frozenset(required))


SPECS: dict[str, Spec] = {kind: spec_of(d.cls) for kind, d in DECLARED.items()}
PERSON = spec_of(Person)
META = spec_of(LedgerMeta)


class FieldProblems(Exception):
    """All the field errors of one mapping: (field, message) pairs."""

    def __init__(self, errors: list[tuple[str, str]]) -> None:
        super().__init__("; ".join(f"{f}: {m}" for f, m in errors))
        self.errors = errors


def build(spec: Spec, raw: Any, source: Source, skip: tuple[str, ...] = ()) -> Any:
    """The value of `spec` that `raw` gives, or FieldProblems naming every bad field."""
    if isinstance(raw, dict):  # the usual, clean record: one pass
        converters, required = spec.converters, spec.names
        values = {}
        try:
            for name, value in raw.items():
                convert = converters.get(name)
                if convert is None or value is None:
                    if name in skip:
                        continue
                    break  # unknown, or empty: the full pass below says what is wrong
                values[name] = convert(value)
            else:
                if required <= values.keys():
                    return spec.cls(**values, source=source)
        except ValueError:
            pass
    return _build_reporting(spec, raw, source, skip)


def _build_reporting(spec: Spec, raw: Any, source: Source, skip: tuple[str, ...]) -> Any:
    """The value, or FieldProblems naming every missing, unknown and bad field at once."""
    if not isinstance(raw, dict):
        raise FieldProblems([("", msg("expected a mapping of field: value"))])
    errors: list[tuple[str, str]] = []
    values: dict[str, Any] = {}
    for name in spec.required:
        if name not in raw or raw[name] is None:
            errors.append((name, msg("is required")))
    for name, value in raw.items():
        if name in skip or value is None and name not in spec.required:
            continue
        convert = spec.converters.get(name)
        if convert is None:
            errors.append((name, _unknown(spec, name)))
        elif value is not None:
            try:
                values[name] = convert(value)
            except ValueError as exc:
                errors.append((name, message_of(exc)))
    if errors:
        raise FieldProblems(errors)
    return spec.cls(**values, source=source)


def _unknown(spec: Spec, name: str) -> str:
    known = [*spec.required, *spec.optional]
    return msg(
        "unknown key {name!r}{hint} (valid keys: {valid})",
        name=name,
        hint=did_you_mean(name, known),
        valid=", ".join(known),
    )


def build_record(raw: Any, source: Source) -> Record:
    if not isinstance(raw, dict):
        raise FieldProblems([("", msg("a record must be a mapping of field: value"))])
    kind = raw.get("kind")
    spec = SPECS.get(kind) if isinstance(kind, str) else None
    if spec is None:
        hint = did_you_mean(kind, list(SPECS))
        raise FieldProblems(
            [
                (
                    "kind",
                    msg(
                        "{kind!r} is not a record kind{hint} (valid: {values})",
                        kind=kind,
                        hint=hint,
                        values=", ".join(SPECS),
                    ),
                )
            ]
        )
    record: Record = build(spec, raw, source, skip=("kind",))
    return record
