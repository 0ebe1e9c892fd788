"""What a dispute and a ruling must meet: a dispute names an incident (a live one when it is
written; voiding the incident later upholds the dispute), raised on or after its date, one
dispute to an incident; a ruling names a live dispute, on or after it, one ruling to a
dispute."""

from __future__ import annotations

from collections.abc import Sequence

from seatledger.checks.problem import problem
from seatledger.core.errors import Problem, SeatledgerError
from seatledger.core.i18n import msg
from seatledger.core.records import Dispute, Incident, Record, Ruling
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


def dispute_problems(live: Sequence[Record], every: Sequence[Record]) -> list[Problem]:
    incidents = {r.id: r for r in every if isinstance(r, Incident)}
    disputes = {r.id: r for r in live if isinstance(r, Dispute)}
    out = []
    disputed: dict[str, Dispute] = {}
    for d in disputes.values():
        incident = incidents.get(d.incident)
        if incident is None:
            out.append(
                problem(
                    d,
                    "incident",
                    msg(
                        "{incident!r} is not an incident; a dispute names the incident whose "
                        "deduction Party B contests",
                        incident=d.incident,
                    ),
                )
            )
            continue
        if d.date < incident.date:
            out.append(
                problem(
                    d, "date", msg("{date} is before the incident {date2}", date=d.date, date2=incident.date)
                )
            )
        first = disputed.setdefault(d.incident, d)
        if first is not d:
            out.append(
                problem(
                    d,
                    "incident",
                    msg("{incident} is already disputed by {id}", incident=d.incident, id=first.id),
                )
            )
    ruled: dict[str, Ruling] = {}
    for r in live:
        if not isinstance(r, Ruling):
            continue
        dispute = disputes.get(r.dispute)
        if dispute is None:
            out.append(problem(r, "dispute", msg("{dispute!r} is not a live dispute", dispute=r.dispute)))
            continue
        if r.date < dispute.date:
            out.append(
                problem(
                    r, "date", msg("{date} is before the dispute {date2}", date=r.date, date2=dispute.date)
                )
            )
        first_ruling = ruled.setdefault(r.dispute, r)
        if first_ruling is not r:
            out.append(
                problem(
                    r,
                    "dispute",
                    msg("{dispute} is already ruled on by {id}", dispute=r.dispute, id=first_ruling.id),
                )
            )
    return out
