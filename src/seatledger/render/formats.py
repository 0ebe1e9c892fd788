"""The one table of output formats: for each command, the renderer of each format it offers
(people get rich tables, machines JSON and csv, a pull request Markdown)."""

from __future__ import annotations

import sys
from collections.abc import Callable
from typing import Any

from seatledger.render import markdown, messages, schemas, text


def _json(schema: Callable[[Any], Any]) -> Callable[[Any], None]:
    return lambda value: messages.as_json(schema(value))


def _out(render: Callable[[Any], str]) -> Callable[[Any], None]:
    def write(value: Any) -> None:
        sys.stdout.write(render(value))

    return write


FORMATS: dict[str, dict[str, Callable[[Any], None]]] = {
    "check": {"text": messages.problems_text, "json": messages.problems_json},
    "calendar": {"text": messages.calendar_text, "json": messages.calendar_json},
    "deduct": {"text": text.deductions, "json": _json(schemas.deductions),
               "csv": _out(schemas.deduction_csv)},
    "settle": {"text": text.statement, "json": _json(schemas.statement)},
    "balance": {"text": text.balance, "json": _json(schemas.balance),
                "csv": _out(schemas.balance_csv)},
    "check-roster": {"text": text.roster, "json": _json(schemas.roster)},
    "compliance": {"text": text.compliance, "json": _json(schemas.compliance)},
    "notices": {"text": text.notices, "json": _json(schemas.notices)},
    "contract": {"text": text.contract_terms, "json": _json(schemas.contract_terms)},
    "diff": {"text": text.ledger_diff, "markdown": _out(markdown.ledger_diff),
             "json": _json(schemas.ledger_diff)},
}


def formats(command: str) -> tuple[str, ...]:
    return tuple(FORMATS[command])


def show(command: str, fmt: str, value: Any) -> None:
    FORMATS[command][fmt](value)
