"""What an import wrote or would write, for people and as JSON: each file's records, every row
skipped with its sheet, row and reason, and what reached the ledger."""

from __future__ import annotations

from typing import Any

from seatledger.core.i18n import N_, _, local, tr
from seatledger.imports.attendance import Imported, Plan
from seatledger.imports.seen import Skipped
from seatledger.render.messages import as_json

_VERBS = {
    ("add", False): N_("added {id}: {present} present, absent {absent} ({rows})"),
    ("add", True): N_("would add {id}: {present} present, absent {absent} ({rows})"),
    ("replace", False): N_("replaced {id}: {present} present, absent {absent} ({rows})"),
    ("replace", True): N_("would replace {id}: {present} present, absent {absent} ({rows})"),
    ("unchanged", False): N_("{id} is already imported from this file; left as it is"),
    ("unchanged", True): N_("{id} is already imported from this file; left as it is"),
}


def _where(s: Skipped) -> str:
    column = f" {s.where.column}" if s.where.column else ""
    return tr("{sheet} row {row}{column}", sheet=s.where.sheet, row=s.where.row, column=column)


def _rows(rows: tuple[Any, ...]) -> str:
    sheets = dict.fromkeys(w.sheet for w in rows)
    return "; ".join(
        tr("{sheet} rows {rows}", sheet=s, rows=_span(sorted({w.row for w in rows if w.sheet == s})))
        for s in sheets
    )


def _span(rows: list[int]) -> str:
    return str(rows[0]) if len(rows) == 1 else f"{rows[0]}-{rows[-1]}"


def _plan_text(p: Plan, dry_run: bool) -> list[str]:
    out = [
        tr(
            "{file} ({profile}, sha256 {digest}): {used} rows used, {skipped} skipped, {records} records",
            file=p.file,
            profile=p.profile,
            digest=p.sha256[:12],
            used=p.used,
            skipped=len(p.skipped),
            records=len(p.records),
        )
    ]
    for planned in p.records:
        r = planned.record
        out.append(
            "  "
            + tr(
                _VERBS[(planned.action, dry_run)],
                id=r.id,
                present=r.present,
                absent=", ".join(r.absent) or "-",
                rows=_rows(planned.rows),
            )
        )
    for s in p.skipped:
        out.append("  " + tr("skipped {where}: {reason}", where=_where(s), reason=local(s.reason)))
    return out


def imported_text(result: Imported) -> None:
    for p in result.plans:
        print("\n".join(_plan_text(p, result.dry_run)))
    if result.written:
        files = sorted({str(w.path) for w in result.written})
        if result.dry_run:
            print(
                tr(
                    "dry run: {n} records would be written to {files}; nothing written",
                    n=len(result.written),
                    files=", ".join(files),
                )
            )
        else:
            print(tr("{n} records written to {files}", n=len(result.written), files=", ".join(files)))
    elif any(p.records for p in result.plans):
        print(_("already imported: every record from these files is in the ledger; nothing was written"))
    else:
        print(_("no attendance to record from these files; nothing was written"))


def imported_json(result: Imported) -> None:
    as_json(
        {
            "dry_run": result.dry_run,
            "files": [
                {
                    "file": p.file,
                    "sha256": p.sha256,
                    "profile": p.profile,
                    "rows_used": p.used,
                    "records": [
                        {
                            "id": x.record.id,
                            "date": str(x.record.date),
                            "shift": x.record.shift,
                            "present": x.record.present,
                            "absent": list(x.record.absent),
                            "note": x.record.note,
                            "action": x.action,
                            "rows": [{"sheet": w.sheet, "row": w.row} for w in x.rows],
                        }
                        for x in p.records
                    ],
                    "skipped": [
                        {
                            "sheet": s.where.sheet,
                            "row": s.where.row,
                            "column": s.where.column,
                            "reason": str(s.reason),
                        }
                        for s in p.skipped
                    ],
                }
                for p in result.plans
            ],
            "written": [
                {"id": w.what, "file": str(w.path), "line": w.line, "action": w.action}
                for w in result.written
            ],
        }
    )
