"""A new dispute names a live incident (rule 17). What disputes and rulings must meet in the
ledger is declared on their fields (core.references) and checked in checks.references."""

from __future__ import annotations

from collections.abc import Sequence

from seatledger.core.errors import SeatledgerError
from seatledger.core.i18n import msg
from seatledger.core.records import Dispute, Incident, Record
from seatledger.rules.voids import live as live_records


def refuse_dispute_of_no_live_incident(records: Sequence[Record], dispute: Dispute) -> None:
    """A new dispute contests a deduction that stands: its incident must be live."""
    if not any(isinstance(r, Incident) and r.id == dispute.incident for r in live_records(records)):
        raise SeatledgerError(
            msg(
                "refused: {incident!r} is not a live incident, so there is no deduction "
                "to dispute; nothing was written",
                incident=dispute.incident,
            )
        )
