"""The terms in force on a date (rule 16): the contract as signed, with each supplementary
contract (十二3) applied from its effective date, in that order. Pure data: every rule asks
for the terms on the date it applies to, and every computed line names the amendment its
terms come from."""

from __future__ import annotations

from datetime import date
from typing import NamedTuple

from seatledger.core.contract import Amendment, Contract


class Terms(NamedTuple):
    contract: Contract  # the terms in force
    amendment: str | None  # the latest amendment applied, if any


def apply(c: Contract, a: Amendment) -> Contract:
    ch = a.changes
    staffing = c.staffing  # the cross-checks refuse seat changes to a contract without staffing
    if staffing is not None and ch.seats is not None:
        staffing = staffing._replace(seats=ch.seats)
    if staffing is not None and ch.degree_quota is not None:
        staffing = staffing._replace(degree_quota=ch.degree_quota)
    penalties = dict(c.penalties)
    for key, change in ch.penalties.items():
        if key in penalties:
            fields = {k: v for k, v in change._asdict().items() if v is not None}
            penalties[key] = penalties[key]._replace(**fields)
    instalments = tuple(
        i._replace(amount=ch.instalments[i.number].amount, capitals=ch.instalments[i.number].capitals)
        if i.number in ch.instalments
        else i
        for i in c.instalments
    )
    final = c.final_payment
    if final is not None and ch.final_payment is not None:
        final = final._replace(cap=ch.final_payment.cap, capitals=ch.final_payment.capitals)
    return c._replace(
        staffing=staffing,
        penalties=penalties,
        instalments=instalments,
        final_payment=final,
        obligations={**c.obligations, **ch.obligations},
        total=ch.total if ch.total is not None else c.total,
        breakdown=ch.breakdown if ch.breakdown is not None else c.breakdown,
        total_capitals=ch.total_capitals if ch.total_capitals is not None else c.total_capitals,
        service_levels=ch.service_levels if ch.service_levels is not None else c.service_levels,
    )


def versions(c: Contract) -> list[tuple[date, Terms]]:
    """(from, terms) for the contract as signed and after each amendment, in date order.
    Made on every call: a caller that asks for many dates keeps them (`rules.staffing`'s
    Requirements does, for the book) and asks `terms_in`."""
    out = [(date.min, Terms(c, None))]
    current = c
    for a in sorted(c.amendments, key=lambda a: a.starts):
        current = apply(current, a)
        out.append((a.starts, Terms(current, a.id)))
    return out


def terms_in(found: list[tuple[date, Terms]], day: date) -> Terms:
    """The terms on `day` among `found`, the contract's `versions`."""
    terms = found[0][1]
    for since, version in found:
        if since <= day:
            terms = version
    return terms


def terms_on(c: Contract, day: date) -> Terms:
    if not c.amendments:
        return Terms(c, None)
    return terms_in(versions(c), day)
