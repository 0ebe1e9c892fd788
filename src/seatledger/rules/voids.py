"""Rule 7: a void withdraws the record it names; the original stays in its file for the
audit trail, and nothing counts it."""

from __future__ import annotations

from collections.abc import Iterable

from seatledger.core.records import Record, Void


def live(records: Iterable[Record]) -> list[Record]:
    """Records that count: not voids, and not withdrawn by one."""
    records = list(records)
    voided = {r.target for r in records if isinstance(r, Void)}
    return [r for r in records if not isinstance(r, Void) and r.id not in voided]
