"""Dates as the files and the command line write them: ISO 8601 (2022-07-01), and as people in
China also write them, 2022/07/01 or 2022年7月1日 (full-width digits too); written back as ISO."""

from __future__ import annotations

import re
import unicodedata
from datetime import date

from seatledger.core.i18n import msg

_DAY = re.compile(r"^(\d{4})(?:-(\d{1,2})-(\d{1,2})|/(\d{1,2})/(\d{1,2})|年(\d{1,2})月(\d{1,2})日)$")
_MONTH = re.compile(r"^(\d{4})(?:-(\d{1,2})|/(\d{1,2})|年(\d{1,2})月)$")


def parse_date(text: object) -> date:
    if isinstance(text, date):
        return text
    if (
        type(text) is str
        and len(text) == 10
        and text[4] == "-" == text[7]
        and text.isascii()
        and text[:4].isdigit()
        and text[5:7].isdigit()
        and text[8:].isdigit()
    ):
        try:  # the form every ledger file holds, in C; anything odd takes the path below
            return date.fromisoformat(text)
        except ValueError:
            pass
    m = _DAY.match(unicodedata.normalize("NFKC", text).strip()) if isinstance(text, str) else None
    if m is None:
        raise ValueError(
            msg(
                "{text!r} is not a date; write it as 2022-07-01, 2022-7-1, 2022/07/01 or 2022年7月1日",
                text=text,
            )
        )
    month, day = (int(v) for v in m.groups()[1:] if v is not None)
    try:
        return date(int(m.group(1)), month, day)
    except ValueError:
        raise ValueError(msg("{text!r} is not a real calendar date", text=text)) from None


def parse_month(text: str) -> tuple[int, int]:
    m = _MONTH.match(unicodedata.normalize("NFKC", text).strip())
    month = next((int(v) for v in m.groups()[1:] if v is not None), 0) if m else 0
    if m is None or not 1 <= month <= 12:
        raise ValueError(msg("{text!r} is not a month; write it as 2022-07, 2022/07 or 2022年7月", text=text))
    return int(m.group(1)), month
