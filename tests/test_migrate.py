"""`seatledger migrate` (issue 21): a ledger of month files without day lines, converted in one
change that adds only day lines and the term's missing months; every record, figure and
closed quarter's seal unchanged; the old layout warned about by `check` and refused by the
record commands, each naming `migrate`."""

from __future__ import annotations

import json
from pathlib import Path

from conftest import Run, snapshot


def old_layout(ledger: Path) -> None:
    """The bundled ledger as seatledger wrote it before day lines: no day line, no month file
    without a record."""
    for path in sorted(ledger.glob("20??-??.yaml")):
        lines = path.read_text(encoding="utf-8").splitlines(keepends=True)
        kept = [line for line in lines if not line.startswith("# == ")]
        if any(line.startswith("- id:") for line in kept):
            path.write_text("".join(kept), encoding="utf-8")
        else:
            path.unlink()


def test_migrate_converts_and_changes_no_figure_or_seal(example: Path, run: Run) -> None:
    old_layout(example)
    assert run("close", "--quarter", "Q2", "--date", "2022-07-10").exit_code == 0
    warned = run("check")
    assert warned.exit_code == 0 and "old layout" in warned.output and "seatledger migrate" in warned.output
    before = snapshot(example)
    refused = run("record", "attendance", "--date", "2022-09-30", "--present", "48", "--replace")
    assert refused.exit_code == 1 and "seatledger migrate" in refused.output
    assert snapshot(example) == before  # nothing written
    figures = {q: run("settle", "--quarter", q, "--format", "json").stdout for q in ("Q2", "Q3")}
    ids = sorted(
        line for p in example.glob("20??-??.yaml") for line in p.read_text().splitlines() if "- id:" in line
    )

    assert run("migrate", "--dry-run").exit_code == 0 and snapshot(example) == before
    done = run("migrate")
    assert done.exit_code == 0 and "git commit" in done.stdout
    months = sorted(p.name for p in example.glob("20??-??.yaml"))
    assert months == [f"2022-{m:02d}.yaml" for m in range(4, 13)] + [
        f"2023-{m:02d}.yaml" for m in range(1, 4)
    ]
    # Only day lines were added: take them out and every old file is byte for byte as it was.
    for name, data in before.items():
        if name.endswith(".yaml") and name[:2] == "20":
            now = (example / name).read_text(encoding="utf-8")
            assert (
                "".join(x for x in now.splitlines(keepends=True) if not x.startswith("# == "))
                == data.decode()
            )
    assert run("check").output.startswith("ok: no problems")  # Q2's seal holds, no warning
    assert {q: run("settle", "--quarter", q, "--format", "json").stdout for q in ("Q2", "Q3")} == figures
    assert ids == sorted(
        line for p in example.glob("20??-??.yaml") for line in p.read_text().splitlines() if "- id:" in line
    )
    assert "nothing to do" in run("migrate").stdout
    # Appends work again, under their day's line.
    assert run("record", "attendance", "--date", "2022-09-30", "--present", "47", "--replace").exit_code == 0
    text = (example / "2022-09.yaml").read_text(encoding="utf-8")
    assert text.index("# == 2022-09-30 ==") < text.index("att-2022-09-30-day")
    assert json.loads(run("check", "--format", "json").stdout)["ok"] is True
