"""Values as plain data for the cache (str, int, bool, None, tuples of them), and back.

`to_plain` tags what marshal cannot hold or would confuse: a Decimal is its exact text, a date
its ordinal, a NamedTuple its class name and fields, a Msg its template and arguments, a Term
its key and Chinese word, a Source's field lines their pairs; tuples, lists and dicts are
tagged too, so every tuple in the plain form is a tag. `from_plain` accepts only those tags and
the classes of the contract, records and problems (and of the modules a caller `allow`s), with
their exact number of fields, and raises ValueError on anything else: a value it returns is one
`to_plain` could have written. Records, most of what is kept, have a faster form of their own
(`rows`/`records`): each field's codec follows from its declared type.
"""

from __future__ import annotations

import datetime as dt
import operator
import typing
from collections.abc import Callable
from decimal import Decimal
from functools import cache
from types import MappingProxyType, ModuleType, NoneType
from typing import Any

from seatledger.core import contract as _contract
from seatledger.core import errors as _errors
from seatledger.core import records as _records
from seatledger.core.i18n import Msg, Term
from seatledger.core.records import DECLARED, LedgerMeta, Person, Source
from seatledger.core.source import FieldLines, field_lines

_ATOMS = frozenset({str, int, bool, NoneType})


@cache
def classes() -> dict[str, type]:
    """The NamedTuples a cached value may hold, by name."""
    out: dict[str, type] = {}
    for module in (_contract, _records, _errors):
        for name, value in vars(module).items():
            if isinstance(value, type) and issubclass(value, tuple) and value.__module__ == module.__name__:
                out[f"{module.__name__.rsplit('.', 1)[-1]}.{name}"] = value
    return out


_ALLOWED: set[str] = set()


def allow(*modules: ModuleType) -> None:
    """Let the NamedTuples of these modules be kept too, by their module's full name: callers
    in the layers above (a portfolio's figures) name what this module may not import."""
    for module in (m for m in modules if m.__name__ not in _ALLOWED):
        _ALLOWED.add(module.__name__)
        for name, value in vars(module).items():
            named = isinstance(value, type) and issubclass(value, tuple) and hasattr(value, "_fields")
            if named and value.__module__ == module.__name__:
                classes()[f"{module.__name__}.{name}"] = value
        _names.cache_clear()


@cache
def _names() -> dict[type, str]:
    return {cls: name for name, cls in classes().items()}


def _pairs(v: Any) -> tuple[tuple[Any, Any], ...]:
    return tuple((to_plain(k), to_plain(x)) for k, x in v.items())


_TO_PLAIN: dict[type, Callable[[Any], Any]] = {
    Decimal: lambda v: ("D", str(v)),  # exact: Decimal(str(d)) has d's sign, digits and exponent
    dt.date: lambda v: ("d", v.toordinal()),
    tuple: lambda v: ("t", tuple(map(to_plain, v))),
    list: lambda v: ("l", tuple(map(to_plain, v))),
    dict: lambda v: ("m", _pairs(v)),
    MappingProxyType: lambda v: ("p", _pairs(v)),
    Msg: lambda v: ("M", v.template, to_plain(dict(v.args))),
    Term: lambda v: ("T", str(v), v.zh),
    FieldLines: lambda v: ("F", tuple(v)),
}


def to_plain(v: Any) -> Any:
    t = type(v)
    if t in _ATOMS:
        return v
    out = _TO_PLAIN.get(t)
    if out is not None:
        return out(v)
    name = _names().get(t)
    if name is None:
        raise TypeError(f"cannot keep a {t.__name__} in the cache")
    return ("n", name, tuple(map(to_plain, v)))


def _decimal(text: Any) -> Decimal:
    if type(text) is not str:
        raise ValueError("not a Decimal")
    return Decimal(text)


def _date(n: Any) -> dt.date:
    if type(n) is not int:
        raise ValueError("not a date")
    return dt.date.fromordinal(n)


def _items(v: tuple[Any, ...]) -> tuple[Any, ...]:
    if len(v) != 2 or type(v[1]) is not tuple:
        raise ValueError("not a cached value")
    return v[1]


def _message(v: tuple[Any, ...]) -> Msg:
    args = from_plain(v[2])
    if type(v[1]) is not str or type(args) is not dict or not all(type(k) is str for k in args):
        raise ValueError("not a message")
    return Msg(v[1], **args)


def _term(v: tuple[Any, ...]) -> Term:
    if type(v[1]) is not str or type(v[2]) is not str:
        raise ValueError("not a term")
    return Term(v[1], v[2])


def _field_lines(v: tuple[Any, ...]) -> FieldLines:
    pairs = _items(v)
    if not all(type(p) is tuple and len(p) == 2 and type(p[0]) is str and type(p[1]) is int for p in pairs):
        raise ValueError("not field lines")
    return field_lines(0, dict(pairs))


def _named(v: tuple[Any, ...]) -> Any:
    cls = classes().get(v[1]) if type(v[1]) is str else None
    fields = tuple(map(from_plain, _items(v[1:])))
    if cls is None or not hasattr(cls, "_fields") or len(fields) != len(cls._fields):
        raise ValueError("not a class of this code")
    return tuple.__new__(cls, fields)


def _dict(v: tuple[Any, ...]) -> dict[Any, Any]:
    return {from_plain(k): from_plain(x) for k, x in _items(v)}


_FROM_PLAIN: dict[str, tuple[int, Callable[[tuple[Any, ...]], Any]]] = {  # tag: (length, rebuild)
    "D": (2, lambda v: _decimal(v[1])),
    "d": (2, lambda v: _date(v[1])),
    "t": (2, lambda v: tuple(map(from_plain, _items(v)))),
    "l": (2, lambda v: list(map(from_plain, _items(v)))),
    "m": (2, _dict),
    "p": (2, lambda v: MappingProxyType(_dict(v))),
    "M": (3, _message),
    "T": (3, _term),
    "F": (2, _field_lines),
    "n": (3, _named),
}


def from_plain(v: Any) -> Any:
    t = type(v)
    if t in _ATOMS:
        return v
    found = _FROM_PLAIN.get(v[0]) if t is tuple and v and type(v[0]) is str else None
    if found is None or len(v) != found[0]:
        raise ValueError("not a cached value")
    return found[1](v)


# --- records, the bulk of what is kept -------------------------------------------------------

Codec = tuple[Callable[[Any], Any], Callable[[Any], Any]]  # (to plain, from plain)


def _check_atom(v: Any) -> Any:
    if type(v) not in _ATOMS:
        raise TypeError("not a plain field")
    return v


def _atom(v: Any) -> Any:
    if type(v) not in _ATOMS:
        raise ValueError("not a plain field")
    return v


def _check_strings(v: Any) -> Any:
    if type(v) is not tuple or not all(type(s) is str for s in v):
        raise TypeError("not a tuple of str")
    return v


def _strings(v: Any) -> Any:
    if type(v) is not tuple or not all(type(s) is str for s in v):
        raise ValueError("not a tuple of str")
    return v


def _optional(codec: Codec) -> Codec:
    out, back = codec
    return (lambda v: None if v is None else out(v)), (lambda v: None if v is None else back(v))


_DATE: Codec = (dt.date.toordinal, _date)
_DECIMAL: Codec = (str, _decimal)
_ATOM: Codec = (_check_atom, _atom)
_STRINGS: Codec = (_check_strings, _strings)


def _codec(hint: Any) -> Codec:
    args = set(typing.get_args(hint))
    optional = NoneType in args
    base = (args - {NoneType}).pop() if optional and len(args) == 2 else hint
    if base is dt.date:
        return _optional(_DATE) if optional else _DATE
    if base is Decimal:
        return _optional(_DECIMAL) if optional else _DECIMAL
    if typing.get_origin(hint) is tuple:
        return _STRINGS
    return _ATOM  # str, int, Literal[...], int | str and their optional forms


class Layout(typing.NamedTuple):
    cls: type
    source_at: int
    codecs: tuple[Codec, ...]  # every field but the source


@cache
def layouts() -> dict[str, Layout]:
    out = {}
    classes: tuple[Any, ...] = (*(d.cls for d in DECLARED.values()), Person, LedgerMeta)
    for cls in classes:
        hints = typing.get_type_hints(cls)
        fields = [f for f in cls._fields if f != "source"]
        out[cls.__name__] = Layout(cls, cls._fields.index("source"), tuple(_codec(hints[f]) for f in fields))
    return out


def _shape(fields: Any) -> Any:
    t = type(fields)
    if t is FieldLines:
        return tuple(fields)
    if t is dict or t is MappingProxyType:
        return ("m" if t is dict else "p", tuple(fields.items()))
    raise TypeError("not a Source's fields")


def rows(values: list[Any]) -> list[tuple[Any, ...]]:
    """Records (or people, or the settings) as plain rows: class, fields, line, field lines."""
    # each class's name, its fields' codecs to plain (the source left out), the source's place
    writers = {
        lay.cls: (name, tuple(o for o, _ in lay.codecs), lay.source_at) for name, lay in layouts().items()
    }
    call = operator.call
    out = []
    for v in values:
        name, codecs, at = writers[type(v)]
        source = v.source
        # map over the codecs in C: a generator here was a tenth of a city's cold portfolio
        out.append((name, tuple(map(call, codecs, v[:at] + v[at + 1 :])), source.line, _shape(source.fields)))
    return out


def _fields_back(shape: Any, seen: dict[Any, Any]) -> Any:
    """A Source's fields; `seen`: the FieldLines of this file so far, one per shape."""
    found = seen.get(shape)
    if found is not None:
        return found
    if type(shape) is not tuple:
        raise ValueError("not a Source's fields")
    if shape and type(shape[0]) is str:
        tag, items = shape if len(shape) == 2 else ("", ())
        if tag not in ("m", "p") or type(items) is not tuple:
            raise ValueError("not a Source's fields")
        pairs = {_atom(k): _atom(n) for k, n in items}
        return pairs if tag == "m" else MappingProxyType(pairs)
    if not all(type(p) is tuple and len(p) == 2 and type(p[0]) is str and type(p[1]) is int for p in shape):
        raise ValueError("not a Source's fields")
    found = field_lines(0, dict(shape))  # shared with the records read from files
    if tuple(found) != shape:
        raise ValueError("not a Source's fields")
    seen[shape] = found
    return found


def records(plain: Any, file: str) -> list[Any]:
    """The values of `rows`, read from `file`; ValueError (or another error) where `plain`
    is not what `rows` makes."""
    lays, new = layouts(), tuple.__new__
    seen: dict[Any, Any] = {}
    out: list[Any] = []
    for name, fields, line, shape in plain:
        lay = lays[name]  # KeyError for a class of other code
        if len(fields) != len(lay.codecs) or type(line) is not int:
            raise ValueError("not a row of this code")
        values = [back(f) for (_, back), f in zip(lay.codecs, fields, strict=True)]
        values.insert(lay.source_at, new(Source, (file, line, _fields_back(shape, seen))))
        out.append(new(lay.cls, values))
    return out
