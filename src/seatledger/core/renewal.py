"""A contract renewed for its next term, as text (issue 24): every date from a year before the
term to a year after it moves by the distance between the old start and the new (dates before
that window, such as the interest-rate table, stay), the years in the title move with it, the
`id` becomes the new one and a `renews:` line names the old. Comments and key order are kept,
so the administrator edits the result and `check` validates it like any contract."""

from __future__ import annotations

import re
from datetime import date, timedelta

from dateutil.relativedelta import relativedelta

_DATE = re.compile(r"\b(\d{4})-(\d{2})-(\d{2})\b")
_YEAR = re.compile(r"(?<!\d)(20\d{2})(?!\d)")


def shift(d: date, old_start: date, new_start: date) -> date:
    """`d` moved by whole months, then days, as the start moves (2022-03-31 -> 2023-03-31)."""
    months = (new_start.year - old_start.year) * 12 + new_start.month - old_start.month
    return d + relativedelta(months=months) + timedelta(days=new_start.day - old_start.day)


def renewed(text: str, old_id: str, new_id: str, term: tuple[date, date], new_start: date) -> str:
    start, end = term
    window = (start - timedelta(days=366), end + timedelta(days=366))

    def moved(m: re.Match[str]) -> str:
        try:
            d = date(int(m[1]), int(m[2]), int(m[3]))
        except ValueError:
            return m[0]
        return shift(d, start, new_start).isoformat() if window[0] <= d <= window[1] else m[0]

    years = new_start.year - start.year
    out = []
    for line in text.splitlines(keepends=True):
        if re.match(rf"id:\s*{re.escape(old_id)}\s*(#.*)?$", line.rstrip("\r\n")):
            ending = line[len(line.rstrip("\r\n")) :]
            out.append(f"id: {new_id}{ending}renews: {old_id}{ending}")
            continue
        if line.startswith("renews:"):
            continue  # the old contract's own renews: line
        if line.startswith("title:"):
            line = _YEAR.sub(lambda m: str(int(m[1]) + years), line)
        out.append(_DATE.sub(moved, line))
    return "".join(out)
