"""Golden JSON of the reports on the bundled example: the output schema and the example's
figures, pinned. After a deliberate change, rewrite them with SEATLEDGER_UPDATE_GOLDEN=1."""

from __future__ import annotations

import json
import os
import shutil
from pathlib import Path

import pytest

from conftest import REPO, Run

GOLDEN = Path(__file__).parent / "golden"
REPORTS = {
    "deduct-2022-Q3": ("deduct", "--quarter", "Q3"),
    "settle-2022-Q3": ("settle", "--quarter", "Q3"),
    "balance-by-quarter": ("balance", "--by", "quarter"),
    "check-roster-2022-Q3": ("check-roster", "--quarter", "Q3"),
}


@pytest.mark.parametrize("name", sorted(REPORTS))
def test_report_matches_golden(name: str, tmp_path: Path, run: Run, monkeypatch: pytest.MonkeyPatch) -> None:
    shutil.copytree(REPO / "contracts", tmp_path / "contracts")
    shutil.copytree(REPO / "ledgers", tmp_path / "ledgers")
    monkeypatch.chdir(tmp_path)
    result = run(*REPORTS[name], "--format", "json")
    assert result.exit_code == 0, result
    data = json.loads(result.stdout)
    path = GOLDEN / f"{name}.json"
    if os.environ.get("SEATLEDGER_UPDATE_GOLDEN"):
        path.write_text(json.dumps(data, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    assert data == json.loads(path.read_text(encoding="utf-8"))


def test_bundled_example_is_what_the_script_writes(tmp_path: Path) -> None:
    """scripts/make_example.py is deterministic and the committed ledger is its output."""
    import subprocess
    import sys

    out = tmp_path / "ledger"
    proc = subprocess.run(
        [sys.executable, str(REPO / "scripts" / "make_example.py"), "--out", str(out)],
        capture_output=True,
        text=True,
    )
    assert proc.returncode == 0, proc.stderr
    bundled = REPO / "ledgers" / "haidian-hotline-2022"

    def kept(folder: Path) -> list[str]:  # what git keeps: not the lock or temporary files
        return sorted(
            p.name
            for p in folder.iterdir()
            if p.is_file() and p.name != ".seatledger.lock" and p.suffix != ".tmp"
        )

    names = kept(bundled)
    assert names == kept(out)
    for name in names:
        assert (out / name).read_bytes() == (bundled / name).read_bytes(), name
