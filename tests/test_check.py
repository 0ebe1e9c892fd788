"""`seatledger check`: every problem with its file, line and field; exit 0 or 1."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from conftest import REPO, Run, fill_roster


def test_bundled_example_is_clean(tmp_path: Path, run: Run, monkeypatch: pytest.MonkeyPatch) -> None:
    shutil.copytree(REPO / "contracts", tmp_path / "contracts")
    shutil.copytree(REPO / "ledgers", tmp_path / "ledgers")
    monkeypatch.chdir(tmp_path)
    result = run("check")
    assert result.exit_code == 0, result
    assert "ok: no problems" in result.stdout
    data = json.loads(run("check", "--format", "json").stdout)
    assert data == {"ok": True, "errors": 0, "gaps": 0, "problems": []}


BAD_RECORDS = [
    ("  present: many\n", "present", "not a whole number"),
    ("  present: 48\n  colour: red\n", "colour", "unknown key 'colour'"),
    ("  present: 48\n  absent: [S999]\n", "absent", "not on the roster"),
]


@pytest.mark.parametrize(("tail", "field", "words"), BAD_RECORDS)
def test_broken_record_named_by_line(ledger: Path, run: Run, tail: str, field: str, words: str) -> None:
    path = ledger / "2022-04.yaml"
    path.write_text(
        "# April\n- id: att-2022-04-01-day\n  kind: attendance\n  date: 2022-04-01\n  shift: day\n" + tail,
        encoding="utf-8",
    )
    line = 6 if field in ("present",) else 7
    result = run("check")
    assert result.exit_code == 1
    assert f"ledgers/haidian-hotline-2022/2022-04.yaml:{line}: {field}: " in result.stdout, result
    assert words in result.stdout


def test_ledger_problems_listed_together(ledger: Path, run: Run) -> None:
    path = ledger / "2022-07.yaml"
    path.write_text(
        "- {id: att-2022-07-01-day, kind: attendance, date: 2022-07-01, shift: day, present: 48}\n"
        "- {id: att-2022-07-01-day, kind: attendance, date: 2022-07-01, shift: day, present: 47}\n"
        "- {id: inc-2022-07-02-aaaaaa, kind: incident, date: 2022-07-02, penalty: assessment-deduction, amount: '20000'}\n"
        "- {id: act-2022-08-02-aaaaaa, kind: activity, date: 2022-08-02, obligation: weekly-training}\n"
        "- {id: act-2023-07-02-aaaaaa, kind: activity, date: 2023-07-02, obligation: weekly-training}\n"
        "- {id: cmp-2022-07-03-aaaaaa, kind: completion, date: 2022-07-03, amount: '100'}\n",
        encoding="utf-8",
    )
    result = run("check", "--format", "json")
    assert result.exit_code == 1
    found = {(p["line"], p["field"]) for p in json.loads(result.stdout)["problems"]}
    assert {(2, "id"), (2, "shift"), (3, "amount"), (4, "date"), (5, "date"), (6, "date")} <= found
    assert all(
        p["file"] == "ledgers/haidian-hotline-2022/2022-07.yaml"
        for p in json.loads(result.stdout)["problems"]
        if p["code"] != "gap"
    )


def test_gaps_are_errors_naming_date_and_shift(project: Path, run: Run) -> None:
    assert run("init", "--recorded-from", "2022-07-01").exit_code == 0
    fill_roster(project / "ledgers" / "haidian-hotline-2022", 48)
    for day in ("2022-07-01", "2022-07-05"):
        assert run("record", "attendance", "--date", day, "--present", "48").exit_code == 0
    assert (
        run(
            "record",
            "demand",
            "--from",
            "2022-07-02",
            "--to",
            "2022-07-03",
            "--shift",
            "duty",
            "--required",
            "2",
        ).exit_code
        == 0
    )
    assert run("check").exit_code == 0  # gaps are findings (issue 21) ...
    result = run("check", "--format", "json", "--complete")
    assert result.exit_code == 1  # ... that --complete fails on
    assert json.loads(result.stdout)["gaps"] >= 2
    gaps = sorted(p["record"] for p in json.loads(result.stdout)["problems"] if p["code"] == "gap")
    assert gaps == ["att-2022-07-02-duty", "att-2022-07-03-duty", "att-2022-07-04-day"]
    assert "no attendance recorded for 2022-07-04 day shift" in run("check").stdout


def test_yaml_error_names_line_in_check(ledger: Path, run: Run) -> None:
    path = ledger / "2022-05.yaml"
    path.write_text("- id: a\n  kind: attendance\n   date: 2022-05-01\n", encoding="utf-8")
    result = run("check")
    assert result.exit_code == 1
    assert "ledgers/haidian-hotline-2022/2022-05.yaml:3:" in result.stdout
    assert "YAML syntax" in result.stdout


def test_a_run_builds_only_the_command_it_names() -> None:
    from seatledger.cli.main import app, narrowed

    assert [c.callback.__name__ for c in narrowed(["check"]).registered_commands] == ["check"]
    assert [g.name for g in narrowed(["record", "attendance"]).registered_groups] == ["record"]
    assert narrowed(["--help"]) is app and narrowed([]) is app and narrowed(["nope"]) is app


def test_console_script_runs_a_narrowed_command(tmp_path: Path) -> None:
    import subprocess
    import sys

    shutil.copytree(REPO / "contracts", tmp_path / "contracts")
    shutil.copytree(REPO / "ledgers", tmp_path / "ledgers")
    proc = subprocess.run(
        [sys.executable, "-m", "seatledger", "deduct", "--month", "2022-05", "--format", "json"],
        cwd=tmp_path,
        capture_output=True,
        text=True,
    )
    assert proc.returncode == 0, proc.stderr
    assert json.loads(proc.stdout)["total"] == "1300.00"
    proc = subprocess.run(
        [sys.executable, "-m", "seatledger", "dedcut"], cwd=tmp_path, capture_output=True, text=True
    )
    assert proc.returncode == 2 and "deduct" in proc.stderr
