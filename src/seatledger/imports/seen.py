"""What an export's rows say, before the roster and the contract are asked: a person seen on a
date and shift with an outcome (present, absent, leave, ask, rest), or a row skipped or refused
with its reason. Every row of the data ends in exactly one of these."""

from __future__ import annotations

import datetime as dt
from typing import NamedTuple

RANK = {"present": 0, "ask": 1, "absent": 2, "leave": 3, "rest": 4}  # the worst word of a row wins


class Where(NamedTuple):
    sheet: str
    row: int  # the sheet's own row number, 1-based
    column: str = ""  # the day column of a monthly summary


class Seen(NamedTuple):
    where: tuple[Where, ...]
    person: str  # as the export writes it: 工号, 账号, UserId
    day: dt.date
    shift: str
    outcome: str
    words: str  # the status words or times that decided it


class Skipped(NamedTuple):
    where: Where
    reason: str  # a Msg
    refused: bool = False  # refused rows stop the import; skipped rows are only reported
