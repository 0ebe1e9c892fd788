"""Reading closings.yaml: the quarters closed and reopened (rule 12)."""

from __future__ import annotations

from pathlib import Path

from seatledger.core.dates import parse_date
from seatledger.core.errors import Problem
from seatledger.core.i18n import msg
from seatledger.core.ledger import Closing
from seatledger.read.yaml_reader import YamlError, YMap, YSeq, load_path

CLOSINGS_FILE = "closings.yaml"


def read_closings(ledger_dir: Path) -> tuple[list[Closing], list[Problem]]:
    path = ledger_dir / CLOSINGS_FILE
    if not path.exists():
        return [], []
    try:
        raw = load_path(path)
    except YamlError as exc:
        return [], [exc.problem]
    if raw is None:
        return [], []
    if not isinstance(raw, YSeq):
        return [], [
            Problem(
                str(path),
                getattr(raw, "line", 1),
                "",
                msg("expected a list of close and reopen entries, each starting with '- '"),
            )
        ]
    out, problems = [], []
    for entry, line in zip(raw, raw.lines, strict=True):
        try:
            if not isinstance(entry, YMap) or entry.get("kind") not in ("close", "reopen"):
                raise ValueError(msg("expected an entry of kind close or reopen"))
            maps = {k: _strings(entry.get(k), k) for k in ("figures", "records")}
            out.append(
                Closing(
                    entry["kind"],
                    str(entry["quarter"]),
                    parse_date(entry["date"]),
                    line,
                    str(entry.get("digest") or ""),
                    maps["figures"],
                    maps["records"],
                    str(entry.get("reason") or ""),
                )
            )
        except (ValueError, KeyError, TypeError) as exc:
            problems.append(Problem(str(path), line, "", msg("not a valid closing entry: {exc}", exc=exc)))
    return out, problems


def _strings(value: object, name: str) -> dict[str, str]:
    if value is None:
        return {}
    if not isinstance(value, YMap) or not all(isinstance(v, str) for v in value.values()):
        raise ValueError(msg("{name} must be a mapping of names to values", name=name))
    return dict(value)
