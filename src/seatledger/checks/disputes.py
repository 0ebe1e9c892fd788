"""What a dispute and a ruling must meet: a dispute names an incident (a live one when it is
written; voiding the incident later upholds the dispute), raised on or after its date, one
dispute to an incident; a ruling names a live dispute, on or after it, one ruling to a
dispute."""

from __future__ import annotations

from collections.abc import Sequence

from seatledger.checks.problem import problem
from seatledger.core.errors import Problem, SeatledgerError
from seatledger.core.records import Dispute, Incident, Record, Ruling
from seatledger.rules.voids import live as live_records


def refuse_dispute_of_no_live_incident(records: Sequence[Record], dispute: Dispute) -> None:
    """A new dispute contests a deduction that stands: its incident must be live."""
    if not any(isinstance(r, Incident) and r.id == dispute.incident
               for r in live_records(records)):
        raise SeatledgerError(f"refused: {dispute.incident!r} is not a live incident, so there "
                              f"is no deduction to dispute; nothing was written")


def dispute_problems(live: Sequence[Record], every: Sequence[Record]) -> list[Problem]:
    incidents = {r.id: r for r in every if isinstance(r, Incident)}
    disputes = {r.id: r for r in live if isinstance(r, Dispute)}
    out = []
    disputed: dict[str, Dispute] = {}
    for d in disputes.values():
        incident = incidents.get(d.incident)
        if incident is None:
            out.append(problem(d, "incident", f"{d.incident!r} is not an incident; a dispute "
                               f"names the incident whose deduction Party B contests"))
            continue
        if d.date < incident.date:
            out.append(problem(d, "date", f"{d.date} is before the incident {incident.date}"))
        first = disputed.setdefault(d.incident, d)
        if first is not d:
            out.append(problem(d, "incident", f"{d.incident} is already disputed by {first.id}"))
    ruled: dict[str, Ruling] = {}
    for r in live:
        if not isinstance(r, Ruling):
            continue
        dispute = disputes.get(r.dispute)
        if dispute is None:
            out.append(problem(r, "dispute", f"{r.dispute!r} is not a live dispute"))
            continue
        if r.date < dispute.date:
            out.append(problem(r, "date", f"{r.date} is before the dispute {dispute.date}"))
        first_ruling = ruled.setdefault(r.dispute, r)
        if first_ruling is not r:
            out.append(problem(r, "dispute", f"{r.dispute} is already ruled on by "
                               f"{first_ruling.id}"))
    return out
