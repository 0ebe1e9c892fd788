"""Dates as the files and the command line write them: ISO 8601, nothing else."""

from __future__ import annotations

import re
from datetime import date

from seatledger.core.i18n import msg

_ISO = re.compile(r"^\d{4}-\d{2}-\d{2}$")
_MONTH = re.compile(r"^(\d{4})-(\d{2})$")


def parse_date(text: object) -> date:
    if isinstance(text, date):
        return text
    if not isinstance(text, str) or not _ISO.match(text.strip()):
        raise ValueError(msg("{text!r} is not a date; write it as YYYY-MM-DD, e.g. 2022-07-01", text=text))
    try:
        return date.fromisoformat(text.strip())
    except ValueError:
        raise ValueError(msg("{text!r} is not a real calendar date", text=text)) from None


def parse_month(text: str) -> tuple[int, int]:
    m = _MONTH.match(text.strip())
    if not m or not 1 <= int(m.group(2)) <= 12:
        raise ValueError(msg("{text!r} is not a month; write it as YYYY-MM, e.g. 2022-07", text=text))
    return int(m.group(1)), int(m.group(2))
