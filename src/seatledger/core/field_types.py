"""The annotated field types several record kinds share: each carries its converter, option
and help (`core.declare.F`), so a kind's fields are declared in a word."""

import datetime as dt
from typing import Annotated

from seatledger.core.choices import SHIFT_TITLES, SHIFTS
from seatledger.core.convert import day, ident, idents, instalment_ref, one_of, repeat, text
from seatledger.core.declare import F
from seatledger.core.i18n import N_

Id = Annotated[str, F(ident, option="-")]  # drawn by the tool from the content (rule 7)
Day = Annotated[dt.date, F(day, N_("2022-07-01, 2022/07/01 or 2022年7月1日"))]
Note = Annotated[str | None, F(text, N_("Free text kept with the record."))]
Repeat = Annotated[int | None, F(repeat, option="-")]  # the n-th alike in all else (--duplicate)
Staff = Annotated[tuple[str, ...], F(idents, N_("Staff ids: S001,S002, or the option repeated"), cli="ids")]
Shift = Annotated[str, F(one_of(SHIFTS, SHIFT_TITLES), N_("day, night or duty"))]
InstalmentRef = Annotated[int | str, F(instalment_ref, N_("N or final"))]  # a number, or "final"
Ground = Annotated[str, F(text, N_("The clause of a ground in the contract (termination.grounds)."))]
