"""The contract's own words for its keys: each penalty, duty, excuse, payment document, group,
termination ground and service-level indicator has a key and a Chinese title. People may type
either; a refusal lists both (`post-abandonment (座席员无故脱岗、空岗)`)."""

from __future__ import annotations

from seatledger.core.contract import Contract

FIELDS = ("penalty", "obligation", "excused", "document", "group", "clause", "indicator")


def titles(c: Contract, field: str) -> dict[str, str]:
    """key → title for the values `field` takes in `c`."""
    if field == "penalty":
        return {k: p.title for k, p in c.penalties.items() if not p.computed}
    if field == "obligation":
        return {k: o.title for k, o in c.obligations.items()}
    if field == "excused":
        return dict(c.late_interest.excuses)
    if field == "document":
        return dict(c.payment_documents)
    if field == "group" and c.staffing is not None:
        return {g.key: g.name for g in c.staffing.groups}
    if field == "clause" and c.termination is not None:
        return {g.clause: g.title for g in c.termination.grounds}
    if field == "indicator" and c.service_levels is not None:
        return {k: i.title for k, i in c.service_levels.indicators.items()}
    return {}


def listed(choices: dict[str, str]) -> str:
    return ", ".join(f"{k} ({t})" if t and t != k else k for k, t in choices.items())


def resolve(choices: dict[str, str], value: str) -> str | None:
    """The key `value` names: the key itself, a title, or a part of one title only."""
    if value in choices:
        return value
    exact = [k for k, t in choices.items() if t == value]
    if len(exact) == 1:
        return exact[0]
    within = [k for k, t in choices.items() if value and value in t]
    return within[0] if len(within) == 1 else None
