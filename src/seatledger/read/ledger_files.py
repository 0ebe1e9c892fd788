"""Read → data: one `load()` turns the contract and ledger files into typed values plus the
list of every problem found, and nothing else opens those files."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from seatledger.core.atomic import TMP_SUFFIX
from seatledger.core.errors import Problem, SeatledgerError
from seatledger.core.i18n import msg
from seatledger.core.ledger import Closing, Ledger
from seatledger.core.records import LedgerMeta, Person, Record
from seatledger.core.source import Source, field_lines, fields_in_order
from seatledger.read import block_reader, month_cache
from seatledger.read.block_reader import RowMap
from seatledger.read.closings_file import CLOSINGS_FILE, read_closings
from seatledger.read.contract_file import load_contract
from seatledger.read.fields import META, PERSON, FieldProblems, build, build_record
from seatledger.read.file_problems import MONTH_FILE as MONTH_FILE
from seatledger.read.file_problems import cut_short, missing_months, missing_problem, month_name, old_layout
from seatledger.read.yaml_reader import (
    YamlError,
    YMap,
    YSeq,
    decode,
    load_text,
    not_regular,
    not_regular_problem,
    read_bytes,
)

META_FILE = "ledger.yaml"
ROSTER_FILE = "roster.yaml"
LOCK_FILE = ".seatledger.lock"
GITIGNORE_FILE = ".gitignore"
KNOWN_FILES = frozenset({META_FILE, ROSTER_FILE, CLOSINGS_FILE, LOCK_FILE, GITIGNORE_FILE})


def read_list(path: Path, problems: list[Problem], data: bytes | None = None) -> YSeq | None:
    """A file whose top level is a list (roster, month files); None where unreadable. `data`:
    its bytes, where already read."""
    try:
        text = decode(read_bytes(path) if data is None else data, path)
        raw = block_reader.read(text) or load_text(text, str(path))
    except YamlError as exc:
        problems.append(exc.problem)
        return None
    if raw is None:
        return YSeq(1)
    if not isinstance(raw, YSeq):
        problems.append(
            Problem(
                str(path),
                getattr(raw, "line", 1),
                "",
                msg("expected a list of records, each starting with '- '"),
            )
        )
        return None
    return raw


def _build_each(path: Path, items: YSeq, builder: Any, problems: list[Problem]) -> list[Any]:
    out = []
    name = str(path)
    for raw, line in zip(items, items.lines, strict=True):
        if type(raw) is RowMap:  # fields on consecutive lines: the shape follows from the order
            fields = fields_in_order(tuple(raw))
        else:
            fields = field_lines(line, raw.lines if isinstance(raw, YMap) else {})
        try:
            out.append(builder(raw, Source(name, line, fields)))
        except FieldProblems as exc:
            lines = raw.lines if isinstance(raw, YMap) else {}
            problems.extend(Problem(name, lines.get(f, line), f, m) for f, m in exc.errors)
    return out


def load_meta(ledger_dir: Path) -> LedgerMeta:
    path = ledger_dir / META_FILE
    if not path.exists() and not path.is_symlink():
        if any(p.name == ROSTER_FILE or MONTH_FILE.match(p.name) for p in ledger_dir.iterdir()):
            raise SeatledgerError("", [missing_problem(path)])
        raise SeatledgerError(
            msg(
                "{ledger_dir} is not a ledger (no {META_FILE}); create one with `seatledger init`",
                ledger_dir=ledger_dir,
                META_FILE=META_FILE,
            )
        )
    try:
        data = read_bytes(path)
        key = month_cache.key_of(path, data, "meta")
        hit = month_cache.get(path, key)
        if hit is not None and len(hit[0]) == 1 and isinstance(hit[0][0], LedgerMeta):
            return hit[0][0]
        raw = load_text(decode(data, path), str(path))
    except YamlError as exc:
        raise SeatledgerError("", [exc.problem]) from None
    try:
        lines = dict(raw.lines) if isinstance(raw, YMap) else {}
        meta: LedgerMeta = build(META, raw, Source(str(path), 1, lines))
    except FieldProblems as exc:
        lines = raw.lines if isinstance(raw, YMap) else {}
        raise SeatledgerError(
            "", [Problem(str(path), lines.get(f, 1), f, m) for f, m in exc.errors]
        ) from None
    month_cache.put(path, key, [meta], [])
    return meta


def month_files(ledger_dir: Path) -> list[Path]:
    return sorted(p for p in ledger_dir.iterdir() if MONTH_FILE.match(p.name) and not_regular(p) is None)


def unknown_files(ledger_dir: Path) -> list[Problem]:
    """Anything in the ledger folder that is not a ledger file (rule 13): `2022-10.yml` or
    `2022-10.yaml.orig` would otherwise drop its records from every figure unseen; a ledger
    file that is not a regular file (a FIFO, a folder), never opened; the lock path, where it
    is not a regular file. A dead writer's temporary file is not one: the next write sweeps
    it."""
    out = []
    for p in sorted(ledger_dir.iterdir()):
        name = p.name
        known = name in KNOWN_FILES or MONTH_FILE.match(name)
        what = not_regular(p) if known else None
        if what is not None:
            out.append(not_regular_problem(p, what))
        elif known or (name.startswith(".") and name.endswith(TMP_SUFFIX)):
            continue
        elif month_name(name):
            out.append(
                Problem(
                    str(p),
                    0,
                    "",
                    msg(
                        "misnamed month file: its records are not read under this name; rename "
                        "it {name} (merge it into that file if one exists)",
                        name=month_name(name),
                    ),
                    code="misnamed",
                )
            )
        else:
            out.append(
                Problem(
                    str(p),
                    0,
                    "",
                    msg(
                        "not a ledger file: a ledger folder holds only {META_FILE}, "
                        "{ROSTER_FILE}, {CLOSINGS_FILE} and one YYYY-MM.yaml per month; rename "
                        "it (a month file ends in .yaml) or move it out",
                        META_FILE=META_FILE,
                        ROSTER_FILE=ROSTER_FILE,
                        CLOSINGS_FILE=CLOSINGS_FILE,
                    ),
                )
            )
    return out


def read_month(path: Path) -> tuple[list[Record], list[Problem]]:
    """One month file's records and the problems met reading them; from the cache where the
    file and the code are unchanged (`read.month_cache`)."""
    return _read_cached(path, "month", build_record)


def _read_cached(path: Path, kind: str, builder: Any) -> tuple[list[Any], list[Problem]]:
    try:
        data = read_bytes(path)
    except YamlError as exc:
        return [], [exc.problem]
    key = month_cache.key_of(path, data, kind)
    hit = month_cache.get(path, key)
    if hit is not None:
        return hit
    problems: list[Problem] = cut_short(path, data) + old_layout(path, data) if kind == "month" else []
    values: list[Any] = []
    items = read_list(path, problems, data)  # parsed from the very bytes the key was made of
    month = MONTH_FILE.match(path.name)
    year_month = (int(month.group(1)), int(month.group(2))) if month else None
    if items is not None:
        for value in _build_each(path, items, builder, problems):
            if kind == "month" and (value.date.year, value.date.month) != year_month:
                problems.append(
                    Problem(
                        str(path),
                        value.source.line_of("date"),
                        "date",
                        msg("{date} belongs in {date:%Y-%m}.yaml", date=value.date),
                    )
                )
            values.append(value)
    month_cache.put(path, key, values, problems)
    return values, problems


def load(contract_path: Path, ledger_dir: Path) -> Ledger:
    """Contract, roster, every record and the closings, plus every problem met while reading
    them. Only reads: the checks are a pass over this value (`checks.ledger`). Raises only
    when the contract or the ledger's own settings cannot be read, since nothing can be
    read against them then."""
    contract = load_contract(contract_path)
    meta = load_meta(ledger_dir)
    problems = unknown_files(ledger_dir)
    if meta.contract != contract.id:
        problems.append(
            Problem(
                meta.source.file,
                1,
                "contract",
                msg("the ledger is for {contract!r}, not {id!r}", contract=meta.contract, id=contract.id),
            )
        )
    roster: list[Person] = []
    roster_path = ledger_dir / ROSTER_FILE
    if not_regular(roster_path) is not None:
        pass  # named by unknown_files, never opened
    elif roster_path.exists() or roster_path.is_symlink():
        roster, roster_problems = _read_cached(roster_path, "roster", lambda r, s: build(PERSON, r, s))
        problems += roster_problems
    else:
        problems.insert(0, missing_problem(roster_path))
    records: list[Record] = []
    months = month_files(ledger_dir)
    for path in months:  # cli.main sets the collector's threshold for this
        month_records, month_problems = read_month(path)
        records += month_records
        problems += month_problems
    if contract.term.start <= meta.recorded_from <= contract.term.end:  # else a problem of its own
        problems += missing_months(months, meta.recorded_from, contract.term.end)
    records.sort(key=lambda r: r.date)
    closings: list[Closing] = []
    if (ledger_dir / CLOSINGS_FILE).exists() and not_regular(ledger_dir / CLOSINGS_FILE) is None:
        closings, closing_problems = read_closings(ledger_dir)
        problems += closing_problems
    return Ledger(
        contract, contract_path, ledger_dir, meta, tuple(roster), tuple(records), problems, tuple(closings)
    )
