"""Every reference from one record to another, checked once (rules 7, 14, 17): a field declared
with `ref` (core.references) names a record of its kind, a live one unless the reference says
otherwise, dated on or after it (or on its date), and at most once where the reference says so."""

from __future__ import annotations

from collections.abc import Sequence

from seatledger.checks.problem import problem
from seatledger.core.declare import Ref
from seatledger.core.errors import Problem
from seatledger.core.i18n import msg
from seatledger.core.records import DECLARED, Record


def reference_problems(live: Sequence[Record], every: Sequence[Record]) -> list[Problem]:
    """`live`: the records that count; `every`: all recorded ones, voids and voided included."""
    recorded = {r.id: r for r in reversed(every)}  # the first of an id (a second is its own problem)
    counted = {r.id for r in live}
    out: list[Problem] = []
    for declared in DECLARED.values():
        refs = [(f.name, f.decl.ref) for f in declared.fields if f.decl.ref is not None]
        if not refs:
            continue
        # A void never counts, yet is checked; others are checked while they count.
        naming = [r for r in (every if declared.kind == "void" else live) if r.kind == declared.kind]
        for field, ref in refs:
            out += _one_reference(naming, field, ref, recorded, counted)
    return out


def _one_reference(
    naming: list[Record], field: str, ref: Ref, recorded: dict[str, Record], counted: set[str]
) -> list[Problem]:
    out = []
    taken: dict[str, Record] = {}
    for r in naming:
        value = getattr(r, field)
        target = recorded.get(value)
        if target is not None and ref.same_date and target.date != r.date:
            out.append(problem(r, "date", msg(ref.same_date, date=target.date)))
        if target is None or not _names(ref, target, counted):
            out.append(problem(r, field, msg(ref.missing, **{field: value})))
            continue
        if ref.before and r.date < target.date:
            out.append(problem(r, "date", msg(ref.before, date=r.date, date2=target.date)))
        first = taken.setdefault(value, r)
        if ref.twice and first is not r:
            out.append(problem(r, field, msg(ref.twice, **{field: value}, id=first.id)))
    return out


def _names(ref: Ref, target: Record, counted: set[str]) -> bool:
    """Is `target` a record `ref` may name?"""
    if ref.kind is None:
        return target.kind != "void"
    return target.kind == ref.kind and (not ref.live or target.id in counted)
