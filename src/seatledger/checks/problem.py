"""A problem found in a record or roster entry, at the line of the field at fault."""

from __future__ import annotations

from seatledger.core.errors import Problem
from seatledger.core.records import Person, Record


def problem(r: Record | Person, field: str, message: str) -> Problem:
    return Problem(r.source.file, r.source.line_of(field), field, message, record=r.id)
