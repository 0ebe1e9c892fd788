"""How a record kind is declared, once: its fields carry their converter, command-line option
and help (`F`, in the field's `Annotated` type), and the `@declare` decorator on the class gives
the kind's id prefix, its command's help and the facts the layers above ask of a kind. Reading,
writing, the `record <kind>` commands, the book's grouping, the checks and `diff` all derive from
`DECLARED` (beancount declares each directive once in `core/data.py` the same way)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, Literal, NamedTuple, TypeVar, get_args, get_origin


class Ref(NamedTuple):
    """The field names another record (rules 7, 14, 17): one check (`checks.references`) holds
    every reference to it; the messages are the kind's own, marked N_ for the catalogue."""

    kind: str | None  # the kind it names; None: any kind but a void
    missing: str  # {<field>!r}: the value names no such record
    before: str = ""  # {date}, {date2}: dated before the record it names ("" = no such rule)
    twice: str = ""  # {<field>}, {id}: a second one names the same record ("" = allowed)
    live: bool = True  # it names a live record (not a voided one)
    same_date: str = ""  # {date}: it must carry the date of the record it names


class F(NamedTuple):
    """A field's declaration, carried in its annotation: `Annotated[str, F(key, N_("..."))]`."""

    convert: Callable[[Any], Any]  # text from a file or the command line -> the typed value
    help: str = ""  # the option's help, marked N_ for the catalogue
    option: str = ""  # the command-line option; "" = --<name>, "-" = none (set by the tool)
    cli: Literal["str", "int", "ids"] = "str"  # the option's type; ids: repeatable, comma lists
    cli_default: Any = None  # the option's default where the file has none (attendance: day)
    ref: Ref | None = None  # the field names another record


class Field(NamedTuple):
    name: str
    decl: F
    required: bool  # no default in the record type: the file must give it
    default: Any

    @property
    def option(self) -> str | None:
        if self.decl.option == "-":
            return None
        return self.decl.option or "--" + self.name.replace("_", "-")


class Declared(NamedTuple):
    kind: str
    cls: type[Any]
    prefix: str  # of content ids: <prefix>-<date>-<digest> (rule 7)
    help: str  # the `record <kind>` command's help, marked N_
    fields: tuple[Field, ...]  # in the record type's order, which is the files' key order
    after_term: bool  # may fall after the term ends (rule 11)
    bulk: bool  # too many to compare pairwise in the reference checks (attendance, activity)
    roster: bool  # changes what the day-by-day roster check reads (diff reruns it)
    replace: bool  # `--replace` rewrites the record of the same key (attendance's shift)
    command: bool  # has a `record <kind>` command (void has its own top-level one)
    book: str  # the Book field that holds the live records of this kind ("" = none)
    single: bool  # at most one live record of the kind: the Book holds it or None
    seats: bool = False  # needs the contract's staffing terms: refused without them (issue 25)

    @property
    def repeatable(self) -> bool:
        """`--duplicate` records a genuine second one: the kind has a `repeat` field."""
        return any(f.name == "repeat" for f in self.fields)


DECLARED: dict[str, Declared] = {}  # kind -> declaration, in declaration order
T = TypeVar("T")


def fields_of(cls: type[Any]) -> tuple[Field, ...]:
    """The declared fields of a NamedTuple whose annotations carry an `F`."""
    out = []
    defaults = cls._field_defaults
    for name, annotation in cls.__annotations__.items():
        if get_origin(annotation) is None or not hasattr(annotation, "__metadata__"):
            continue  # source, kind: not fields a file or a command line gives
        decl = next(m for m in get_args(annotation)[1:] if isinstance(m, F))
        out.append(Field(name, decl, name not in defaults, defaults.get(name)))
    return tuple(out)


def declare(
    prefix: str,
    help: str,
    *,
    after_term: bool = False,
    bulk: bool = False,
    roster: bool = False,
    replace: bool = False,
    command: bool = True,
    book: str = "",
    single: bool = False,
    seats: bool = False,
) -> Callable[[type[T]], type[T]]:
    def register(cls: type[T]) -> type[T]:
        kind = cls._field_defaults["kind"]  # type: ignore[attr-defined]
        DECLARED[kind] = Declared(
            kind,
            cls,
            prefix,
            help,
            fields_of(cls),
            after_term,
            bulk,
            roster,
            replace,
            command,
            book,
            single,
            seats,
        )
        return cls

    return register
