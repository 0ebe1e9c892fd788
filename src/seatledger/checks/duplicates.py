"""The same record entered twice: a live record equal to another in every field but its id,
its note and its source counts twice, so it is a problem naming the first. A genuine second
one is recorded with `--duplicate`, which writes `repeat: N` so the two differ on purpose."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from operator import itemgetter

from seatledger.checks.problem import problem
from seatledger.core.errors import Problem
from seatledger.core.i18n import msg
from seatledger.core.records import Record

# Attendance collides by id; demands by overlap; a completion and a void are one of a kind.
EXEMPT = frozenset({"attendance", "demand", "completion", "void"})
_IGNORED = frozenset({"id", "note", "source", "repeat"})


_GETTERS: dict[type, Callable[[Record], tuple[object, ...]]] = {}


def likeness(r: Record) -> tuple[object, ...]:
    """What makes two records the same thing: every field but id, note, source and repeat."""
    getter = _GETTERS.get(type(r))
    if getter is None:  # once per kind; itemgetter then runs at C speed for every record
        keep = [n for n, name in enumerate(r._fields) if name not in _IGNORED]
        getter = _GETTERS[type(r)] = itemgetter(*keep, keep[0])  # >= 2 items: always a tuple
    return getter(r)


def duplicate_problems(records: Iterable[Record]) -> list[Problem]:
    first: dict[tuple[object, ...], Record] = {}
    out = []
    for r in records:
        if r.kind in EXEMPT:
            continue
        key = (likeness(r), getattr(r, "repeat", None))
        seen = first.setdefault(key, r)
        if seen is not r:
            out.append(
                problem(
                    r,
                    "id",
                    msg(
                        "the same {kind} as {id} ({file}:{line}) in every field but id and note, "
                        "so it would count twice; void one, or if it is a genuine second one, "
                        "record it with --duplicate",
                        kind=r.kind,
                        id=seen.id,
                        file=seen.source.file,
                        line=seen.source.line,
                    ),
                )
            )
    return out
