"""Ledger data: the roster and every record kind, as plain frozen values.

Each value carries its `source` (file and line) so any figure can be traced to the line it
came from. Field order here is the key order the files are written in. NamedTuples rather
than dataclasses: every command defines these classes, and a NamedTuple costs a tenth.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from decimal import Decimal
from itertools import repeat
from operator import sub
from types import MappingProxyType
from typing import Literal, NamedTuple


class FieldLines(tuple[tuple[str, int], ...]):
    """Each field's line as an offset from the record's first line. Records of one shape
    share one value (`field_lines`): a dict per record was a third of the memory 100k records
    took, and most of their pickles."""

    __slots__ = ()


_SHAPES: dict[tuple[tuple[str, int], ...], FieldLines] = {}


def field_lines(line: int, lines: Mapping[str, int]) -> FieldLines:
    shape = tuple(zip(lines, map(sub, lines.values(), repeat(line)), strict=True))  # in C
    found = _SHAPES.get(shape)
    if found is None:
        found = _SHAPES[shape] = FieldLines(shape)
    return found


_IN_ORDER: dict[tuple[str, ...], FieldLines] = {}


def fields_in_order(names: tuple[str, ...]) -> FieldLines:
    """The field lines of a record whose fields sit on consecutive lines from its first."""
    found = _IN_ORDER.get(names)
    if found is None:
        found = _IN_ORDER[names] = field_lines(0, {name: at for at, name in enumerate(names)})
    return found


class Source(NamedTuple):
    file: str
    line: int
    fields: Mapping[str, int] | FieldLines = MappingProxyType({})  # the line of each field

    def line_of(self, name: str) -> int:
        """The line of one field, where the file gave it one; else the record's."""
        fields = self.fields
        if isinstance(fields, FieldLines):
            return next((self.line + at for field, at in fields if field == name), self.line)
        return fields.get(name, self.line)


NOWHERE = Source("", 0)


class LedgerMeta(NamedTuple):
    contract: str
    recorded_from: dt.date
    source: Source = NOWHERE


class Person(NamedTuple):
    id: str
    role: str
    degree: str
    joined: dt.date
    group: str | None = None
    name: str | None = None
    left: dt.date | None = None
    note: str | None = None
    source: Source = NOWHERE

    def on_roster(self, day: dt.date) -> bool:
        return self.joined <= day and (self.left is None or day < self.left)


class Attendance(NamedTuple):
    id: str
    date: dt.date
    shift: str
    present: int
    absent: tuple[str, ...] = ()
    note: str | None = None
    source: Source = NOWHERE
    kind: Literal["attendance"] = "attendance"


class Incident(NamedTuple):
    id: str
    date: dt.date
    penalty: str
    count: int = 1  # type: ignore[assignment]  # a field named like tuple.count
    amount: Decimal | None = None  # per unit; None where the penalty fixes it
    staff: tuple[str, ...] = ()
    ref: str | None = None
    repeat: int | None = None  # the n-th record alike in all else, made with --duplicate
    note: str | None = None
    source: Source = NOWHERE
    kind: Literal["incident"] = "incident"


class Demand(NamedTuple):
    """Party A's staffing demand for one shift over a date range; `date` is its first day."""

    id: str
    date: dt.date
    to: dt.date
    shift: str
    required: int
    note: str | None = None
    source: Source = NOWHERE
    kind: Literal["demand"] = "demand"


class Activity(NamedTuple):
    id: str
    date: dt.date
    obligation: str
    count: int = 1  # type: ignore[assignment]  # a field named like tuple.count
    repeat: int | None = None  # the n-th record alike in all else, made with --duplicate
    note: str | None = None
    source: Source = NOWHERE
    kind: Literal["activity"] = "activity"


class Request(NamedTuple):
    """Party B's payment request, dated the day Party A received it (rule 9)."""

    id: str
    date: dt.date
    instalment: int
    repeat: int | None = None  # the n-th record alike in all else, made with --duplicate
    note: str | None = None
    source: Source = NOWHERE
    kind: Literal["request"] = "request"


class Payment(NamedTuple):
    id: str
    date: dt.date
    instalment: int | str  # a number, or "final"
    amount: Decimal
    excused: str | None = None
    repeat: int | None = None  # the n-th record alike in all else, made with --duplicate
    note: str | None = None
    source: Source = NOWHERE
    kind: Literal["payment"] = "payment"


class Completion(NamedTuple):
    """The jointly confirmed amount of the final payment (gross, rule 8)."""

    id: str
    date: dt.date
    amount: Decimal
    note: str | None = None
    source: Source = NOWHERE
    kind: Literal["completion"] = "completion"


class Invoice(NamedTuple):
    id: str
    date: dt.date
    instalment: int | str
    amount: Decimal
    repeat: int | None = None  # the n-th record alike in all else, made with --duplicate
    note: str | None = None
    source: Source = NOWHERE
    kind: Literal["invoice"] = "invoice"


class Void(NamedTuple):
    """Withdraws the record `target`; carries that record's date (rule 7)."""

    id: str
    date: dt.date
    target: str
    reason: str
    note: str | None = None
    source: Source = NOWHERE
    kind: Literal["void"] = "void"


class ReplaceRequest(NamedTuple):
    """Party A asks Party B to replace these staff; due within one month (三(一)4)."""

    id: str
    date: dt.date
    staff: tuple[str, ...]
    repeat: int | None = None  # the n-th record alike in all else, made with --duplicate
    note: str | None = None
    source: Source = NOWHERE
    kind: Literal["replace-request"] = "replace-request"


class Consent(NamedTuple):
    """Party A's written consent to a change of the project manager or a team leader,
    naming the staff who leave or join (三(一)4, 三(二)4)."""

    id: str
    date: dt.date
    staff: tuple[str, ...]
    repeat: int | None = None  # the n-th record alike in all else, made with --duplicate
    note: str | None = None
    source: Source = NOWHERE
    kind: Literal["consent"] = "consent"


class Dispute(NamedTuple):
    """Party B disputes the deduction of an incident (rule 17); a void of the incident upholds
    it, a ruling dismisses it."""

    id: str
    date: dt.date
    incident: str
    reason: str
    note: str | None = None
    source: Source = NOWHERE
    kind: Literal["dispute"] = "dispute"


class Ruling(NamedTuple):
    """The dispute is dismissed: the deduction stands (rule 17)."""

    id: str
    date: dt.date
    dispute: str
    note: str | None = None
    source: Source = NOWHERE
    kind: Literal["ruling"] = "ruling"


class Notice(NamedTuple):
    """Party A's written demand to cure by a date (rule 14)."""

    id: str
    date: dt.date
    clause: str
    cure_by: dt.date
    ref: str | None = None
    note: str | None = None
    source: Source = NOWHERE
    kind: Literal["notice"] = "notice"


class Cured(NamedTuple):
    """A notice's breach was cured on this date (rule 14)."""

    id: str
    date: dt.date
    notice: str
    note: str | None = None
    source: Source = NOWHERE
    kind: Literal["cured"] = "cured"


class Termination(NamedTuple):
    """The service ends: `date` is the first day not served (rule 14)."""

    id: str
    date: dt.date
    clause: str
    notice: str | None = None
    note: str | None = None
    source: Source = NOWHERE
    kind: Literal["termination"] = "termination"


class Document(NamedTuple):
    """A document that is a basis for payment (八), received for an instalment (rule 15)."""

    id: str
    date: dt.date
    instalment: int | str
    document: str
    note: str | None = None
    source: Source = NOWHERE
    kind: Literal["document"] = "document"


Record = (
    Attendance
    | Incident
    | Demand
    | Activity
    | Request
    | Payment
    | Completion
    | Invoice
    | Void
    | ReplaceRequest
    | Consent
    | Dispute
    | Ruling
    | Notice
    | Cured
    | Termination
    | Document
)

KINDS: dict[str, type[Record]] = {
    cls._field_defaults["kind"]: cls
    for cls in (
        Attendance,
        Incident,
        Demand,
        Activity,
        Request,
        Payment,
        Completion,
        Invoice,
        Void,
        ReplaceRequest,
        Consent,
        Dispute,
        Ruling,
        Notice,
        Cured,
        Termination,
        Document,
    )
}
ID_PREFIX = {
    "attendance": "att",
    "incident": "inc",
    "demand": "dem",
    "activity": "act",
    "request": "req",
    "payment": "pay",
    "completion": "cmp",
    "invoice": "inv",
    "void": "void",
    "replace-request": "rpl",
    "consent": "cns",
    "dispute": "dsp",
    "ruling": "rul",
    "notice": "ntc",
    "cured": "cur",
    "termination": "trm",
    "document": "doc",
}
# Kinds that may fall after the term ends (rule 11).
AFTER_TERM_KINDS = frozenset(
    {"request", "payment", "completion", "invoice", "void", "dispute", "ruling", "document"}
)
