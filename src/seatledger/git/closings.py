"""Closed quarters in the ledger (rule 12): the check that a closed quarter still matches its
seal, and the entries `close` and `reopen` append to closings.yaml. Reopening is explicit and
recorded, so it shows in the diff.

An entry holds the quarter's digest and figures, not a line per record: where the digest no
longer matches, the records as they were closed are read from the git revision that added the
entry (and trusted only if they give its digest again), to name each record added, removed or
changed. Entries written before this still carry their records and are read as they are."""

from __future__ import annotations

import tempfile
from datetime import date, timedelta
from pathlib import Path

from seatledger.core.errors import Problem
from seatledger.core.i18n import message_of, msg
from seatledger.core.ledger import Closing, Ledger, closed_quarters
from seatledger.core.periods import Period, quarter_named
from seatledger.core.record_text import scalar
from seatledger.git.repo import GitError, export, git
from seatledger.read.closings_file import CLOSINGS_FILE
from seatledger.read.ledger_files import read_month
from seatledger.reports.seal import Seal, digest_of, record_hash, seal
from seatledger.rules.book import Book


def closing_problems(ledger: Ledger, book: Book) -> list[Problem]:
    """Every record added to, removed from or changed in a closed quarter, and every figure
    that no longer matches."""
    out: list[Problem] = []
    path = str(ledger.path / CLOSINGS_FILE)
    for label, entry in sorted(closed_quarters(ledger.closings).items()):
        try:
            quarter = quarter_named(ledger.contract, label)
        except ValueError as exc:
            out.append(Problem(path, entry.line, "quarter", message_of(exc)))
            continue
        out += _amendments_reaching(ledger, label, quarter, entry)
        now = seal(ledger, book, quarter)
        if now.digest == entry.digest:
            continue
        hint = msg("; to change it, `seatledger reopen --quarter {label} --reason ...` first", label=label)
        closed_records = entry.records or records_when_closed(ledger, quarter, entry) or {}
        found = _records_changed(ledger, label, now, closed_records, hint, path, entry)
        why = "" if found or not closed_records else msg(" (has the contract changed?)")
        found += _figures_changed(label, now, entry, why, hint, path)
        out += found or [
            Problem(
                path,
                entry.line,
                "digest",
                msg("closed quarter {label} no longer matches its digest{hint}", label=label, hint=hint),
                code="closed",
            )
        ]
    return out


def _amendments_reaching(ledger: Ledger, label: str, quarter: Period, entry: Closing) -> list[Problem]:
    """An amendment signed after the close that takes effect inside the closed quarter."""
    out: list[Problem] = []
    for a in ledger.contract.amendments:
        if a.starts <= quarter.end and a.signed > entry.date:
            out.append(
                Problem(
                    str(ledger.contract_path),
                    0,
                    "amendments",
                    msg(
                        "amendment {id} ({reference}, signed {signed}) takes effect from "
                        "{starts}, reaching into {label}, closed on {date}; reopen {label} "
                        "first, or make it effective later",
                        id=a.id,
                        reference=a.reference,
                        signed=a.signed,
                        starts=a.starts,
                        label=label,
                        date=entry.date,
                    ),
                    code="closed",
                )
            )
    return out


def _records_changed(
    ledger: Ledger,
    label: str,
    now: Seal,
    closed_records: dict[str, str],
    hint: str,
    path: str,
    entry: Closing,
) -> list[Problem]:
    """Each record added to, removed from or changed in the closed quarter."""
    out: list[Problem] = []
    by_id = {r.id: r for r in ledger.records}
    for rid in sorted(set(now.records) - set(closed_records)) if closed_records else ():
        r = by_id[rid]
        out.append(
            Problem(
                r.source.file,
                r.source.line,
                "id",
                msg("{rid} was added to closed quarter {label}{hint}", rid=rid, label=label, hint=hint),
                record=rid,
                code="closed",
            )
        )
    for rid in sorted(set(closed_records) - set(now.records)):
        out.append(
            Problem(
                path,
                entry.line,
                "records",
                msg("{rid} was removed from closed quarter {label}{hint}", rid=rid, label=label, hint=hint),
                record=rid,
                code="closed",
            )
        )
    for rid in sorted(set(now.records) & set(closed_records)):
        if now.records[rid] != closed_records[rid]:
            r = by_id[rid]
            out.append(
                Problem(
                    r.source.file,
                    r.source.line,
                    "id",
                    msg(
                        "{rid} was changed in closed quarter {label}{hint}",
                        rid=rid,
                        label=label,
                        hint=hint,
                    ),
                    record=rid,
                    code="closed",
                )
            )
    return out


def _figures_changed(label: str, now: Seal, entry: Closing, why: str, hint: str, path: str) -> list[Problem]:
    """Each figure of the seal that no longer matches the closed one."""
    out: list[Problem] = []
    for key, value in now.figures.items():
        if entry.figures.get(key) != value and key != "records":
            out.append(
                Problem(
                    path,
                    entry.line,
                    f"figures.{key}",
                    msg(
                        "closed quarter {label} had {key} {get}, now {value}{why}{hint}",
                        label=label,
                        key=key,
                        get=entry.figures.get(key),
                        value=value,
                        why=why,
                        hint=hint,
                    ),
                    code="closed",
                )
            )
    return out


def records_when_closed(ledger: Ledger, quarter: Period, entry: Closing) -> dict[str, str] | None:
    """Record id -> hash for the quarter as the commit that added `entry` had it; None where
    there is no such commit (not a repository, or the close is not committed) or what it holds
    does not give the entry's digest."""
    try:
        root = Path(git(ledger.path, "rev-parse", "--show-toplevel").strip())
        folder = ledger.path.resolve().relative_to(root)
        revs = git(
            root,
            "log",
            "--format=%H",
            "-S",
            f"digest: {entry.digest}",
            "--",
            (folder / CLOSINGS_FILE).as_posix(),
        ).split()
    except (GitError, OSError, ValueError):
        return None
    if not revs:
        return None
    records: dict[str, str] = {}
    with tempfile.TemporaryDirectory(prefix="seatledger-closed-") as tmp:
        export(root, revs[-1], [folder / f"{m}.yaml" for m in quarter_months(quarter)], Path(tmp))
        for path in sorted(Path(tmp).rglob("*.yaml")):
            month, problems = read_month(path)
            if problems:
                return None
            records.update({r.id: record_hash(r) for r in month if r.date in quarter})
    return records if digest_of(records, entry.figures) == entry.digest else None


def quarter_months(quarter: Period) -> list[str]:
    months, day = [], quarter.start.replace(day=1)
    while day <= quarter.end:
        months.append(f"{day:%Y-%m}")
        day = (day + timedelta(days=32)).replace(day=1)
    return months


def close_entry(label: str, day: date, s: Seal) -> str:
    """The quarter's digest and figures; its records are in git (see `records_when_closed`)."""
    lines = [
        f"- kind: close\n  quarter: {label}\n  date: {day}\n  digest: {s.digest}\n",
        "  figures:\n",
        *(f"    {k}: {scalar(v)}\n" for k, v in s.figures.items()),
    ]
    return "".join(lines)


def reopen_entry(label: str, day: date, reason: str) -> str:
    return f"- kind: reopen\n  quarter: {label}\n  date: {day}\n  reason: {scalar(reason)}\n"
