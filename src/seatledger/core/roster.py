"""The roster entry and the ledger's settings (`roster.yaml`, `ledger.yaml`), declared as the
record kinds are (`core.records`). No `from __future__ import annotations`: `F` is read from the
evaluated annotations."""

import datetime as dt
from typing import Annotated, NamedTuple

from seatledger.core.choices import DEGREE_TITLES, DEGREES, ROLE_TITLES, ROLES
from seatledger.core.convert import day, ident, key, one_of, text
from seatledger.core.declare import F
from seatledger.core.source import NOWHERE, Source


class LedgerMeta(NamedTuple):
    contract: Annotated[str, F(key)]
    recorded_from: Annotated[dt.date, F(day)]
    source: Source = NOWHERE


class Person(NamedTuple):
    id: Annotated[str, F(ident)]
    role: Annotated[str, F(one_of(ROLES, ROLE_TITLES))]
    degree: Annotated[str, F(one_of(DEGREES, DEGREE_TITLES))]
    joined: Annotated[dt.date, F(day)]
    group: Annotated[str | None, F(key)] = None
    name: Annotated[str | None, F(text)] = None
    left: Annotated[dt.date | None, F(day)] = None
    # the attendance system's id for the person (工号, 账号), where it is not the roster id
    badge: Annotated[str | None, F(text)] = None
    note: Annotated[str | None, F(text)] = None
    source: Source = NOWHERE

    def on_roster(self, day: dt.date) -> bool:
        return self.joined <= day and (self.left is None or day < self.left)
