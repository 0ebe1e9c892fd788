"""The city the portfolio benchmarks run on (bench/city.py) is what the tool writes: month
files with their day lines, every contract-year clean, so the bench times clean ledgers (with
verdicts), not ledgers that warn and are checked in full every run."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import pytest

from conftest import REPO, Run


@pytest.mark.slow
def test_a_generated_city_checks_clean(tmp_path: Path, run: Run, monkeypatch: pytest.MonkeyPatch) -> None:
    sys.path.insert(0, str(REPO / "bench"))
    import city

    assert city.write_city(tmp_path, districts=2, years=1) > 3000
    monkeypatch.chdir(tmp_path)
    for _d, _y, cid in city.ids(2, 1):
        r = run("check", "--contract", cid)
        assert r.exit_code == 0 and r.output.startswith("ok: no problems"), r.output
        assert "# == 2022-10-31 ==\n" in (tmp_path / "ledgers" / cid / "2022-10.yaml").read_text(
            encoding="utf-8"
        )
    r = run("portfolio", "--as-of", "2023-03-31", "--format", "json")
    shown = json.loads(r.stdout)
    assert r.exit_code == 0 and shown["complete"] is True
    assert [(c["id"], c["problems"]) for c in shown["contracts"]] == [
        (cid, []) for _d, _y, cid in city.ids(2, 1)
    ]
