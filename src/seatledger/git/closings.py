"""Closed quarters (DOMAIN rule 12): once settled, a quarter's records and figures are
sealed by a digest kept in the ledger (`closings.yaml`), so that settled history cannot
change unseen. The digest is taken over canonical records, not file bytes (so `fmt` never
breaks it), and over the figures computed for the quarter (so a later edit of a rate in
the contract is caught too). Reopening is explicit and recorded."""

from __future__ import annotations

import hashlib
from datetime import date
from pathlib import Path
from typing import Any, NamedTuple

from seatledger.core.dates import parse_date
from seatledger.core.errors import Problem, SeatledgerError
from seatledger.core.money import ZERO, fmt
from seatledger.core.periods import Period, quarters_of
from seatledger.core.record_text import block, scalar
from seatledger.read.yaml_reader import YamlError, YMap, load_path

CLOSINGS_FILE = "closings.yaml"


class Closing(NamedTuple):
    kind: str  # "close" or "reopen"
    quarter: str
    date: date
    line: int
    digest: str = ""
    figures: dict[str, str] = {}
    records: dict[str, str] = {}
    reason: str = ""


class Seal(NamedTuple):
    digest: str
    figures: dict[str, str]
    records: dict[str, str]


def read_closings(ledger_dir: Path) -> tuple[list[Closing], list[Problem]]:
    path = ledger_dir / CLOSINGS_FILE
    if not path.exists():
        return [], []
    try:
        raw = load_path(path)
    except YamlError as exc:
        return [], [exc.problem]
    out, problems = [], []
    for n, entry in enumerate(raw or []):
        line = raw.lines[n]
        try:
            if not isinstance(entry, YMap) or entry.get("kind") not in ("close", "reopen"):
                raise ValueError("expected an entry of kind close or reopen")
            maps = {k: dict(entry.get(k) or {}) for k in ("figures", "records")}
            out.append(Closing(entry["kind"], str(entry["quarter"]), parse_date(entry["date"]),
                               line, str(entry.get("digest") or ""), maps["figures"],
                               maps["records"], str(entry.get("reason") or "")))
        except (ValueError, KeyError, TypeError) as exc:
            problems.append(Problem(str(path), line, "", f"not a valid closing entry: {exc}"))
    return out, problems


def closed_quarters(closings: list[Closing]) -> dict[str, Closing]:
    """Each quarter whose latest entry closes it, with that entry."""
    state: dict[str, Closing] = {}
    for c in closings:
        state[c.quarter] = c
    return {q: c for q, c in state.items() if c.kind == "close"}


def record_hash(record: Any) -> str:
    return hashlib.sha256(block(record).encode("utf-8")).hexdigest()[:12]


def seal(ledger: Any, quarter: Period) -> Seal:
    """The digest of a quarter: its records in canonical form and its computed figures."""
    from seatledger.reports.deductions import deduct
    from seatledger.reports.settlement import movements, opening_balance
    from seatledger.rules.book import make_book

    records = {r.id: record_hash(r) for r in ledger.records if r.date in quarter}
    book = make_book(ledger)
    m = movements(book, quarter.start, quarter.end)
    figures = {
        "records": str(len(records)),
        "accrued": fmt(m.accrued),
        "deducted": fmt(m.deducted),
        "paid": fmt(m.paid),
        "closing_balance": fmt(opening_balance(book, quarter.start) + m.balance),
        "personal_fines": fmt(sum((line.amount for line in deduct(book, quarter).personal_fines),
                                  ZERO)),
    }
    text = "".join(f"{k} {v}\n" for k, v in sorted(records.items()))
    text += "".join(f"{k}={v}\n" for k, v in figures.items())
    return Seal(hashlib.sha256(text.encode("utf-8")).hexdigest(), figures, records)


def quarter_named(contract: Any, label: str) -> Period:
    for q in quarters_of(contract):
        if q.label == label:
            return q
    raise SeatledgerError(f"{label} is not a quarter of the term")


def closing_problems(ledger: Any, closings: list[Closing]) -> list[Problem]:
    """Every record added to, removed from or changed in a closed quarter, and every figure
    that no longer matches."""
    out = []
    path = str(ledger.path / CLOSINGS_FILE)
    for label, entry in sorted(closed_quarters(closings).items()):
        try:
            quarter = quarter_named(ledger.contract, label)
        except SeatledgerError as exc:
            out.append(Problem(path, entry.line, "quarter", exc.message))
            continue
        now = seal(ledger, quarter)
        if now.digest == entry.digest:
            continue
        found = len(out)
        hint = f"; to change it, `seatledger reopen --quarter {label} --reason ...` first"
        by_id = {r.id: r for r in ledger.records}
        for rid in sorted(set(now.records) - set(entry.records)):
            r = by_id[rid]
            out.append(Problem(r.source.file, r.source.line, "id",
                               f"{rid} was added to closed quarter {label}{hint}",
                               record=rid, code="closed"))
        for rid in sorted(set(entry.records) - set(now.records)):
            out.append(Problem(path, entry.line, "records",
                               f"{rid} was removed from closed quarter {label}{hint}",
                               record=rid, code="closed"))
        for rid in sorted(set(now.records) & set(entry.records)):
            if now.records[rid] != entry.records[rid]:
                r = by_id[rid]
                out.append(Problem(r.source.file, r.source.line, "id",
                                   f"{rid} was changed in closed quarter {label}{hint}",
                                   record=rid, code="closed"))
        why = "" if len(out) > found else " (has the contract changed?)"
        for key, value in now.figures.items():
            if entry.figures.get(key) != value and key != "records":
                out.append(Problem(path, entry.line, f"figures.{key}",
                                   f"closed quarter {label} had {key} {entry.figures.get(key)}, "
                                   f"now {value}{why}{hint}", code="closed"))
        if len(out) == found:
            out.append(Problem(path, entry.line, "digest",
                               f"closed quarter {label} no longer matches its digest{hint}",
                               code="closed"))
    return out


def close_entry(label: str, day: date, s: Seal) -> str:
    lines = [f"- kind: close\n  quarter: {label}\n  date: {day}\n  digest: {s.digest}\n",
             "  figures:\n", *(f"    {k}: {scalar(v)}\n" for k, v in s.figures.items()),
             "  records:\n", *(f"    {k}: {scalar(v)}\n" for k, v in sorted(s.records.items()))]
    return "".join(lines)


def reopen_entry(label: str, day: date, reason: str) -> str:
    return f"- kind: reopen\n  quarter: {label}\n  date: {day}\n  reason: {scalar(reason)}\n"
