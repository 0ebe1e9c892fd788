"""Problems of the ledger's files as files: one missing, a month emptied or cut short, a month
file under a name it is not read by."""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path

from seatledger.core.errors import Problem
from seatledger.core.i18n import msg

MONTH_FILE = re.compile(r"^(\d{4})-(0[1-9]|1[0-2])\.yaml$")


def missing_months(files: list[Path], first: date, last: date) -> list[Problem]:
    """Month files gone from a ledger in the layout with day lines, where `init` (or
    `migrate`) wrote every month of the term: a deleted month would otherwise read as gaps
    only, which `check` lists without failing."""
    if not files or not any(b"# == " in f.read_bytes()[:4096] for f in files[:1]):
        return []  # the old layout made a month's file with its first record
    present = {f.name for f in files}
    out = []
    y, m = first.year, first.month
    while (y, m) <= (last.year, last.month):
        name = f"{y}-{m:02d}.yaml"
        path = files[0].parent / name
        if name not in present and not path.exists():  # a folder there is named already
            out.append(
                Problem(
                    str(path),
                    0,
                    "",
                    msg(
                        "missing month file: every month of the term has its file (`seatledger init` "
                        "wrote it); restore it, e.g. `git checkout -- {path}`; if its records were "
                        "removed on purpose, put them back and void them (`seatledger void`)",
                        path=path,
                    ),
                    code="missing",
                )
            )
        y, m = (y + 1, 1) if m == 12 else (y, m + 1)
    return out


def missing_problem(path: Path) -> Problem:
    """A ledger file every ledger has (its settings, its roster), gone."""
    return Problem(
        str(path),
        0,
        "",
        msg(
            "missing: every ledger has its {name} (`seatledger init` writes it); restore it, "
            "e.g. `git checkout -- {path}`",
            name=path.name,
            path=path,
        ),
        code="missing",
    )


MISNAMED_MONTH = re.compile(r"^(\d{4})-(\d{1,2})\.(?:yaml|yml)(?:\.txt)?$", re.IGNORECASE)


def month_name(name: str) -> str | None:
    """The name a misnamed month file should have (`2022-9.yaml`, `2022-09.yml`,
    `2022-09.yaml.txt` -> `2022-09.yaml`); None where the name is right or no month."""
    found = MISNAMED_MONTH.match(name)
    if found is None or MONTH_FILE.match(name) or not 1 <= int(found.group(2)) <= 12:
        return None
    return f"{found.group(1)}-{int(found.group(2)):02d}.yaml"


def cut_short(path: Path, data: bytes) -> list[Problem]:
    """A month file emptied (0 bytes) or cut short (its last line has no line break: a write
    or a copy stopped mid-record, so `present: 48` may now read `present: 4`)."""
    if not data:
        return [
            Problem(
                str(path),
                0,
                "",
                msg(
                    "empty month file: if its records were removed on purpose, put them back "
                    "and void them (`seatledger void`); delete the file if it was never used"
                ),
                code="empty",
            )
        ]
    if data.endswith((b"\n", b"\r")):
        return []
    return [
        Problem(
            str(path),
            data.count(b"\n") + 1,
            "",
            msg(
                "truncated month file: its last line has no line break, so its last record may "
                "be cut short; restore it (e.g. `git diff` it), or if it is whole, end it with "
                "a line break"
            ),
            code="truncated",
        )
    ]


def old_layout_message(path: Path) -> str:
    return msg(
        "{path}: a month file in the old layout (no day lines), where branches that record "
        "different days conflict on a hosting service's merge; run `seatledger migrate` and "
        "commit what it changes, then try again; nothing was written",
        path=path,
    )


def old_layout(path: Path, data: bytes) -> list[Problem]:
    """A month file with records and no day line (`core.day_lines`): written before them."""
    if b"\n# == " in data or data.startswith(b"# == ") or b"- id:" not in data:
        return []
    return [
        Problem(
            str(path),
            0,
            "",
            msg(
                "a month file in the old layout (no day lines): branches that record different "
                "days of it conflict on a hosting service's merge; run `seatledger migrate` "
                "and commit what it changes"
            ),
            severity="warning",
            code="old-layout",
        )
    ]
