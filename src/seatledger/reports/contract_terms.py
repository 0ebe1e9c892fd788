"""The contract as its users look things up: every key a command takes, with its Chinese title,
rate and clause (`seatledger contract`)."""

from __future__ import annotations

from typing import NamedTuple

from seatledger.core.contract import Contract
from seatledger.core.i18n import msg
from seatledger.core.money import ZERO, fmt_grouped
from seatledger.core.vocabulary import SETTINGS, UNITS, WINDOWS, term


class Term(NamedTuple):
    section: str  # penalties, duties, instalments, excuses, documents, groups, indicators, grounds, settings
    key: str
    title: str
    rate: str  # an amount, a range, a count per window, a period; "" where none
    clause: str


class ContractTerms(NamedTuple):
    id: str
    title: str
    party_a: str
    party_b: str
    start: str
    end: str
    total: str
    terms: tuple[Term, ...]


def _penalty_rate(c: Contract, key: str) -> str:
    p = c.penalties[key]
    basis = term(p.basis, UNITS)
    if p.percent is not None:
        return msg("{percent}% ({basis})", percent=p.percent, basis=basis)
    if p.amount is not None:
        return msg("{amount} {basis}", amount=fmt_grouped(p.amount), basis=basis)
    if p.max is None:
        return msg(">= {amount} {basis}", amount=fmt_grouped(p.min or ZERO), basis=basis)
    return msg(
        "{least}..{most} {basis}", least=fmt_grouped(p.min or ZERO), most=fmt_grouped(p.max), basis=basis
    )


def _indicators(c: Contract) -> list[Term]:
    """Each service-level indicator: its target, and the first tier's rate a point (rule 25)."""
    if c.service_levels is None:
        return []
    out = []
    for k, i in c.service_levels.indicators.items():
        first = i.tiers[0] if i.tiers else None
        rate = "" if first is None else (
            msg("{percent}% of the fee a point", percent=first.percent) if first.percent is not None
            else msg("{amount} a point", amount=fmt_grouped(first.amount or ZERO))
        )  # fmt: skip
        target = msg("target {target} %", target=i.target)
        out.append(Term("indicators", k, i.title, f"{target}; {rate}" if rate else target, i.clause))
    return out


def contract_terms(c: Contract) -> ContractTerms:
    terms = [Term("penalties", k, p.title, _penalty_rate(c, k), p.clause) for k, p in c.penalties.items()]
    terms += [
        Term(
            "duties",
            k,
            o.title,
            msg("{required} / {months} months", required=o.required, months=o.months)
            if o.months
            else msg("{required} / {window}", required=o.required, window=term(o.window, WINDOWS)),
            o.clause,
        )
        for k, o in c.obligations.items()
    ]
    terms += [
        Term("instalments", str(i.number), f"{i.start}..{i.end}", fmt_grouped(i.amount), i.clause)
        for i in c.instalments
    ]
    if c.final_payment is not None:
        final = c.final_payment
        terms.append(
            Term("instalments", "final", final.capitals, f"<= {fmt_grouped(final.cap)}", final.clause)
        )
    terms += [Term("excuses", k, t, "", c.late_interest.clause) for k, t in c.late_interest.excuses.items()]
    terms += [Term("documents", k, t, "", c.documents_clause or "") for k, t in c.payment_documents.items()]
    if c.staffing is not None:
        s = c.staffing
        terms += [Term("groups", g.key, g.name, "", s.groups_clause) for g in s.groups]
    terms += _indicators(c)
    if c.termination is not None:
        terms += [
            Term("grounds", g.clause, g.title, msg("notice first") if g.needs_notice else "", g.clause)
            for g in c.termination.grounds
        ]
    terms += [  # a seat reading is not given where there are no seats
        Term("settings", k, "", term(str(v), SETTINGS), "")
        for k, v in c.settings._asdict().items()
        if v is not None
    ]
    return ContractTerms(
        c.id,
        c.title,
        c.parties.a.name,
        c.parties.b.name,
        str(c.term.start),
        str(c.term.end),
        fmt_grouped(c.total),
        tuple(terms),
    )
