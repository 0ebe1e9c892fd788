"""Closed quarters in the ledger (rule 12): the check that a closed quarter still matches its
seal, and the entries `close` and `reopen` append to closings.yaml. Reopening is explicit and
recorded, so it shows in the diff."""

from __future__ import annotations

from datetime import date

from seatledger.core.errors import Problem
from seatledger.core.i18n import message_of, msg
from seatledger.core.ledger import Ledger, closed_quarters
from seatledger.core.periods import quarter_named
from seatledger.core.record_text import scalar
from seatledger.read.closings_file import CLOSINGS_FILE
from seatledger.reports.seal import Seal, seal
from seatledger.rules.book import Book


def closing_problems(ledger: Ledger, book: Book) -> list[Problem]:
    """Every record added to, removed from or changed in a closed quarter, and every figure
    that no longer matches."""
    out = []
    path = str(ledger.path / CLOSINGS_FILE)
    for label, entry in sorted(closed_quarters(ledger.closings).items()):
        try:
            quarter = quarter_named(ledger.contract, label)
        except ValueError as exc:
            out.append(Problem(path, entry.line, "quarter", message_of(exc)))
            continue
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
        now = seal(ledger, book, quarter)
        if now.digest == entry.digest:
            continue
        found = len(out)
        hint = msg("; to change it, `seatledger reopen --quarter {label} --reason ...` first", label=label)
        by_id = {r.id: r for r in ledger.records}
        for rid in sorted(set(now.records) - set(entry.records)):
            r = by_id[rid]
            out.append(Problem(r.source.file, r.source.line, "id",
                               msg("{rid} was added to closed quarter {label}{hint}",
                                   rid=rid, label=label, hint=hint),
                               record=rid, code="closed"))
        for rid in sorted(set(entry.records) - set(now.records)):
            out.append(Problem(path, entry.line, "records",
                               msg("{rid} was removed from closed quarter {label}{hint}",
                                   rid=rid, label=label, hint=hint),
                               record=rid, code="closed"))
        for rid in sorted(set(now.records) & set(entry.records)):
            if now.records[rid] != entry.records[rid]:
                r = by_id[rid]
                out.append(Problem(r.source.file, r.source.line, "id",
                                   msg("{rid} was changed in closed quarter {label}{hint}",
                                       rid=rid, label=label, hint=hint),
                                   record=rid, code="closed"))
        why = "" if len(out) > found else msg(" (has the contract changed?)")
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
        if len(out) == found:
            out.append(Problem(path, entry.line, "digest",
                               msg("closed quarter {label} no longer matches its digest{hint}",
                                   label=label, hint=hint),
                               code="closed"))
    return out


def close_entry(label: str, day: date, s: Seal) -> str:
    lines = [f"- kind: close\n  quarter: {label}\n  date: {day}\n  digest: {s.digest}\n",
             "  figures:\n", *(f"    {k}: {scalar(v)}\n" for k, v in s.figures.items()),
             "  records:\n", *(f"    {k}: {scalar(v)}\n" for k, v in sorted(s.records.items()))]
    return "".join(lines)


def reopen_entry(label: str, day: date, reason: str) -> str:
    return f"- kind: reopen\n  quarter: {label}\n  date: {day}\n  reason: {scalar(reason)}\n"
