"""The opening record of a ledger started after the term's start (rule 21): what stood on its
`recorded_from` day, brought forward in one reviewed record. Declared as every kind is
(`core.declare`); `core.records` imports it into `Record`. No `from __future__ import
annotations`: the declaration is read from the evaluated annotations."""

import datetime as dt
import re
from collections.abc import Callable
from decimal import Decimal
from typing import Annotated, Any, Literal, NamedTuple

from seatledger.core import convert as cv
from seatledger.core.declare import F, declare
from seatledger.core.field_types import Id, Note
from seatledger.core.i18n import N_, msg
from seatledger.core.money import fmt, parse_amount
from seatledger.core.source import NOWHERE, Source

# Items split at a comma that starts the next `key=`, so 1=1,641,000.00 keeps its groups.
_ITEMS = re.compile(r"[,，、]\s*(?=[A-Za-z0-9-]+\s*=)")


def key_amounts(value: Any, name_key: Callable[[Any], Any], example: str) -> tuple[str, ...]:
    """`key=amount` items (a YAML list, or text with commas), each key once: kept as
    canonical text, `1=1641000.00`, read back by `amounts`. Plain functions rather than
    converters built at import, whose bodies mutation runs could not see."""
    items = _ITEMS.split(value) if isinstance(value, str) else value
    if not isinstance(items, list) or not items:
        raise ValueError(msg("expected one or more key=amount items such as {example}", example=example))
    out: dict[str, str] = {}
    for item in items:
        left, eq, right = str(item).partition("=")
        if not eq:
            raise ValueError(msg("{value!r} is not key=amount as in {example}", value=item, example=example))
        name = str(name_key(left.strip()))
        if name in out:
            raise ValueError(msg("{values} listed twice", values=name))
        out[name] = fmt(parse_amount(right.strip(), allow_zero=True))
    return tuple(f"{k}={v}" for k, v in out.items())


def instalment_amounts(value: Any) -> tuple[str, ...]:
    """Per instalment: `1=1641000.00`, `final=131568.00`."""
    return key_amounts(value, cv.instalment_ref, "1=1641000.00")


def penalty_amounts(value: Any) -> tuple[str, ...]:
    """Per penalty key: `seat-shortage=3000.00`."""
    return key_amounts(value, cv.key, "PENALTY=3000.00")


def amounts(items: tuple[str, ...]) -> dict[str, Decimal]:
    """The canonical `key=amount` items as a mapping (keys as text: `1`, `final`, a penalty)."""
    return {k: Decimal(v) for k, _, v in (i.partition("=") for i in items)}


@declare(
    "opn",
    N_("What stood on the day a ledger started mid-term: paid, invoiced, deducted (rule 21)."),
    after_term=False,
    book="opening",
    single=True,
)
class Opening(NamedTuple):
    """Brought forward at the start of `date` (the ledger's recorded_from): its amounts count
    on the day before, and no payment, invoice or incident is recorded before it."""

    id: Id
    date: Annotated[dt.date, F(cv.day, N_("The ledger's recorded_from day: the figures stand at its start."))]
    paid: Annotated[
        tuple[str, ...],
        F(instalment_amounts, N_("Paid before that day, per instalment: 1=1641000.00"), cli="ids"),
    ] = ()
    invoiced: Annotated[
        tuple[str, ...],
        F(instalment_amounts, N_("Invoiced before that day, per instalment: 1=1641000.00"), cli="ids"),
    ] = ()
    deducted: Annotated[
        tuple[str, ...],
        F(penalty_amounts, N_("Deducted before that day, per penalty key: KEY=3000.00"), cli="ids"),
    ] = ()
    note: Note = None
    source: Source = NOWHERE
    kind: Literal["opening"] = "opening"
