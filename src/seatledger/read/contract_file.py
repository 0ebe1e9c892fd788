"""Reading a contract file: pydantic validation, the cross-checks, and a cache of the result.

Validating the contract cost about 0.17 s when first measured (pydantic's schema build, the
capitals cross-check's library), more than the whole `check` budget (issue 3: within 2x the
bare import time). The validated value is a tree of NamedTuples, so it is cached, pickled,
per user, keyed by the contract's bytes and this code; a hit skips validation entirely.
"""

from __future__ import annotations

import hashlib
import os
import pickle
from pathlib import Path
from typing import Any

from seatledger import __version__
from seatledger.core.atomic import write_atomic_bytes
from seatledger.core.contract import Contract
from seatledger.core.errors import Problem, SeatledgerError, did_you_mean
from seatledger.core.i18n import msg
from seatledger.read.contract_checks import cross_checks
from seatledger.read.yaml_reader import YamlError, YMap, YSeq, load_text, read_text

# The cache is only as good as the code that validated it: key it on that code too.
_CODE = (
    Path(__file__).parent.parent / "core" / "contract.py",
    Path(__file__).parent.parent / "core" / "amendments.py",
    Path(__file__).with_name("contract_checks.py"),
    Path(__file__),
)


def cache_dir() -> Path | None:
    if os.environ.get("SEATLEDGER_NO_CACHE"):
        return None
    base = os.environ.get("SEATLEDGER_CACHE") or os.environ.get("XDG_CACHE_HOME")
    return Path(base) / "seatledger" if base else Path.home() / ".cache" / "seatledger"


def _cache_path(text: str) -> Path | None:
    folder = cache_dir()
    if folder is None:
        return None
    digest = hashlib.sha256()
    for part in (__version__.encode(), *(p.read_bytes() for p in _CODE), text.encode("utf-8")):
        digest.update(hashlib.sha256(part).digest())
    return folder / f"contract-{digest.hexdigest()[:32]}.pickle"


def _from_cache(path: Path | None) -> Contract | None:
    if path is None:
        return None
    try:
        if path.stat().st_uid != os.getuid():
            return None  # only ever unpickle what this user wrote
        value = pickle.loads(path.read_bytes())
    except (OSError, pickle.UnpicklingError, AttributeError, EOFError, ImportError, TypeError):
        return None
    return value if isinstance(value, Contract) else None


def _to_cache(path: Path | None, contract: Contract) -> None:
    if path is None:
        return
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        write_atomic_bytes(path, pickle.dumps(contract, protocol=pickle.HIGHEST_PROTOCOL))
    except OSError:
        pass  # a cache that cannot be written only costs time


def line_of(raw: Any, loc: tuple[Any, ...]) -> int:
    """The line of the deepest node of `raw` that `loc` reaches."""
    line = getattr(raw, "line", 0)
    node = raw
    for part in loc:
        if isinstance(node, YMap) and part in node:
            line = node.lines.get(part, line)
            node = node[part]
        elif isinstance(node, YSeq) and isinstance(part, int) and 0 <= part < len(node):
            line = node.lines[part]
            node = node[part]
        else:
            break
    return line


_SEEN: dict[tuple[str, str], Contract] = {}


def load_contract(path: Path) -> Contract:
    """The validated contract, or SeatledgerError listing every problem with its line."""
    name = str(path)
    try:
        text = read_text(path)
        seen = _SEEN.get((name, text))
        if seen is not None:  # validated already in this run (finding the ledger reads it too)
            return seen
        cached = _cache_path(text)
        hit = _from_cache(cached)
        if hit is not None:
            _SEEN[(name, text)] = hit
            return hit
        raw = load_text(text, name)
    except YamlError as exc:
        raise SeatledgerError(msg("{name}: cannot read the contract", name=name), [exc.problem]) from None
    contract = validate(raw, name)
    _to_cache(cached, contract)
    _SEEN[(name, text)] = contract
    return contract


def validate(raw: Any, name: str) -> Contract:
    from pydantic import TypeAdapter, ValidationError

    if not isinstance(raw, YMap):
        raise SeatledgerError("", [Problem(name, 1, "", msg("a contract is a mapping of fields"))])
    try:
        contract = TypeAdapter(Contract).validate_python(raw)
    except ValidationError as exc:
        problems = [_pydantic_problem(name, raw, err) for err in exc.errors()]
        raise SeatledgerError(msg("{name}: the contract is not valid", name=name), problems) from None
    problems = [
        Problem(name, line_of(raw, loc), ".".join(map(str, loc)), msg) for loc, msg in cross_checks(contract)
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


def _pydantic_problem(name: str, raw: Any, err: Any) -> Problem:
    loc = tuple(err["loc"])
    message = str(err["msg"]).removeprefix("Value error, ")
    if err["type"] in ("extra_forbidden", "unexpected_keyword_argument"):
        message = msg("unknown key {loc!r}; remove it or check its spelling", loc=loc[-1])
        parent = _model_at(loc[:-1])
        if parent is not None:
            message += did_you_mean(loc[-1], list(parent._fields))
    elif err["type"] in ("missing", "missing_keyword_argument"):
        message = msg("is required")
    elif err["type"] == "literal_error":
        message = f"{err.get('input')!r}: {message}"
    return Problem(name, line_of(raw, loc), ".".join(map(str, loc)), message)
