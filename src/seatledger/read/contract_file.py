"""Reading a contract file: pydantic validation, the cross-checks, and a cache of the result.

Validating the contract cost about 0.17 s when first measured (pydantic's schema build, the
capitals cross-check's library), more than the whole `check` budget (issue 3: within 2x the
bare import time). The validated value is a tree of NamedTuples, so it is kept in the cache
(`read.cache`) as plain values, keyed by the contract's bytes and the code key; a hit skips
validation entirely. Only a valid contract is kept: problems are found afresh every time.
"""

from __future__ import annotations

import functools
from datetime import date
from pathlib import Path
from typing import Any, NamedTuple

from seatledger.core.contract import Contract
from seatledger.core.errors import Problem, SeatledgerError, did_you_mean
from seatledger.core.foreign import pydantic_problem
from seatledger.core.i18n import Msg, message_of, msg
from seatledger.read import cache
from seatledger.read import contract_bases as bases
from seatledger.read.contract_checks import cross_checks
from seatledger.read.plain import from_plain, to_plain
from seatledger.read.yaml_reader import YamlError, YMap, decode, load_text, read_bytes


def _from_cache(key: str) -> Contract | None:
    found = cache.get("contract", "", key)
    try:
        value = from_plain(found) if found is not None else None
    except Exception:  # noqa: BLE001  an entry that does not fit this code is only a miss
        return None
    return value if type(value) is Contract else None


def _to_cache(key: str, contract: Contract) -> None:
    try:
        plain = to_plain(contract)
    except TypeError:
        return  # a value the cache cannot hold costs time only
    cache.put("contract", "", key, plain)


def load_contract(path: Path) -> Contract:
    """The validated contract, merged over the bases it extends (`read.contract_bases`), or
    SeatledgerError listing every problem with its file and line."""
    return _loaded(path, *_read(path))


def _read(path: Path) -> tuple[bytes, Any, str]:
    """The contract's bytes; its tree merged over its bases where it extends one (else None:
    parsed only on a cache miss); and its cache key, over the bases' bytes too."""
    name = str(path)
    try:
        data = read_bytes(path)
        if bases.extends(data):
            raw, found = bases.resolved(path, load_text(decode(data, path), name))
            return data, raw, bases.key(path, data, found)
    except YamlError as exc:
        raise SeatledgerError(msg("{name}: cannot read the contract", name=name), [exc.problem]) from None
    return data, None, cache.digest(data)


def _loaded(path: Path, data: bytes, raw: Any, key: str) -> Contract:
    name = str(path)
    hit = _from_cache(key)
    if hit is not None:
        return hit
    try:
        raw = load_text(decode(data, path), name) if raw is None else raw
    except YamlError as exc:
        raise SeatledgerError(msg("{name}: cannot read the contract", name=name), [exc.problem]) from None
    if bases.is_base(path) and isinstance(raw, YMap) and "id" not in raw:
        alone = msg("is a base (a template) in _base/, not a contract; name a contract that extends it")
        invalid = msg("{name}: the contract is not valid", name=name)
        raise SeatledgerError(invalid, [Problem(name, 1, "", alone)])
    contract = validate(raw, name)
    _to_cache(key, contract)
    return contract


class Head(NamedTuple):
    """What a list of contracts shows of a valid one (`portfolio`), kept in the cache on its
    own: a portfolio whose figures are all in the cache then rebuilds no whole contract."""

    id: str
    title: str
    party_a: str
    party_b: str
    start: date
    end: date
    renews: str | None


def load_head(path: Path) -> Head:
    """The head of the validated contract, or SeatledgerError as `load_contract` raises it."""
    data, raw, key = _read(path)
    found = _head_of(cache.get("head", "", key))
    if found is not None:
        return found
    c = _loaded(path, data, raw, key)
    head = Head(c.id, c.title, c.parties.a.name, c.parties.b.name, c.term.start, c.term.end, c.renews)
    cache.put("head", "", key, (*head[:4], head.start.toordinal(), head.end.toordinal(), head.renews))
    return head


@functools.cache
def _adapter() -> Any:
    """pydantic's validator of a contract, built once a process: building it is most of a
    validation's time (a city's 160 contracts, validated cold, built it 160 times)."""
    from pydantic import TypeAdapter

    return TypeAdapter(Contract)


def validate(raw: Any, name: str) -> Contract:
    from pydantic import ValidationError

    if not isinstance(raw, YMap):
        raise SeatledgerError("", [Problem(name, 1, "", msg("a contract is a mapping of fields"))])
    try:
        contract: Contract = _adapter().validate_python(raw)
    except ValidationError as exc:
        problems = [_pydantic_problem(name, raw, err) for err in exc.errors()]
        raise SeatledgerError(msg("{name}: the contract is not valid", name=name), problems) from None
    problems = [
        Problem(*bases.where(raw, loc, name), ".".join(map(str, loc)), m) for loc, m in cross_checks(contract)
    ]
    if problems:
        raise SeatledgerError(msg("{name}: the contract is not valid", name=name), problems)
    return contract


def _model_at(loc: tuple[Any, ...]) -> Any:
    """The contract class at `loc`, following field annotations, where one can be found."""
    import typing

    model: Any = Contract
    for part in loc:
        if isinstance(part, int) or model is None:
            continue
        hints = typing.get_type_hints(model) if hasattr(model, "_fields") else {}
        hint = hints.get(part) if isinstance(part, str) else None
        if hint is None:
            # a dict value: penalties.<key> -> the dict's value type
            continue
        args = [a for a in typing.get_args(hint) if hasattr(a, "_fields")]
        model = hint if hasattr(hint, "_fields") else (args[-1] if args else None)
    return model if hasattr(model, "_fields") else None


def _reworded(err: Any) -> Msg:
    """pydantic's message in our words: our own validators' Msg as raised, else by its type."""
    error = (err.get("ctx") or {}).get("error")
    if err["type"] == "value_error" and isinstance(error, BaseException):
        first = message_of(error)
        return first if isinstance(first, Msg) else msg("{detail}", detail=first)
    return pydantic_problem(
        err["type"], str(err["msg"]).removeprefix("Value error, "), err.get("input"), err.get("ctx") or {}
    )


def _pydantic_problem(name: str, raw: Any, err: Any) -> Problem:
    loc = tuple(err["loc"])
    message: str = _reworded(err)
    if err["type"] in ("extra_forbidden", "unexpected_keyword_argument"):
        message = msg("unknown key {loc!r}; remove it or check its spelling", loc=loc[-1])
        parent = _model_at(loc[:-1])
        if parent is not None:
            message += did_you_mean(loc[-1], list(parent._fields))
    elif err["type"] in ("missing", "missing_keyword_argument"):
        message = msg("is required")
    return Problem(*bases.where(raw, loc, name), ".".join(map(str, loc)), message)


def _head_of(found: Any) -> Head | None:
    """A kept head, checked field by field; None for anything else."""
    if type(found) is not tuple or len(found) != len(Head._fields):
        return None
    strings, days, renews = found[:4], found[4:6], found[6]
    if not all(type(v) is str for v in strings) or not all(type(d) is int and d > 0 for d in days):
        return None
    if renews is not None and type(renews) is not str:
        return None
    a, b = date.fromordinal(days[0]), date.fromordinal(days[1])
    return Head(strings[0], strings[1], strings[2], strings[3], a, b, renews)
