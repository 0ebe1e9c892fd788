"""A duty over a rolling window (rule 18; in the seed, the fire drill of 附件1 二(12) 半年内未举行
消防演练): from `months` after the later of the term's start and the ledger's `recorded_from`,
every day d needs the duty done in [d − months, d], both ends included (d − 6 months is the
same day six months earlier, or that month's last day where it has none). The days that fail
form overdue spans; each begins on the day the duty became overdue."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date, timedelta

from dateutil.relativedelta import relativedelta

from seatledger.core.workdays import days


def overdue_spans(
    done: Iterable[tuple[date, int]], first: date, last: date, months: int, required: int
) -> list[tuple[date, date]]:
    """The spans of days from `first + months` to `last` whose window holds fewer than
    `required` of the duty (`done`: (date, count) pairs)."""
    done = sorted(done)
    spans: list[tuple[date, date]] = []
    for d in days(first + relativedelta(months=months), last):
        since = d - relativedelta(months=months)
        if sum(n for day, n in done if since <= day <= d) >= required:
            continue
        if spans and spans[-1][1] == d - timedelta(days=1):
            spans[-1] = (spans[-1][0], d)
        else:
            spans.append((d, d))
    return spans
