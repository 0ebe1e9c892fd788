"""A figure is exact or refused (rule 13): a ledger with a problem gets no report, only the
list of its problems, whatever damaged it; findings (gaps) never stop a report."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from conftest import Run, snapshot

LEDGER = Path("ledgers") / "haidian-hotline-2022"
REPORTS = [
    ("settle", "--quarter", "Q3"),
    ("deduct", "--month", "2022-09"),
    ("balance", "--by", "month"),
    ("check-roster", "--quarter", "Q3"),
    ("compliance", "--quarter", "Q3"),
    ("calendar", "--month", "2022-09"),
]


def refused(run: Run, args: tuple[str, ...], *words: str) -> str:
    result = run(*args)
    assert result.exit_code == 1, (args, result)
    assert "refused:" in result.stderr and "no figure is computed" in result.stderr, result
    for word in words:
        assert word in result.stderr, (word, result.stderr)
    assert "Traceback" not in result.output
    return result.stderr


def test_the_clean_example_reports(example: Path, run: Run) -> None:
    result = run("settle", "--quarter", "Q3", "--format", "json")
    assert result.exit_code == 0, result
    assert json.loads(result.stdout)["next_payment"] == "1628600.00"


def test_an_amount_edited_to_text_stops_every_report(example: Path, run: Run) -> None:
    month = example / "2022-08.yaml"
    text = month.read_text(encoding="utf-8")
    assert 'amount: "641000.00"' in text
    month.write_text(text.replace('amount: "641000.00"', 'amount: "641000元"'), encoding="utf-8")
    line = month.read_text(encoding="utf-8").splitlines().index('  amount: "641000元"') + 1
    where = f"{LEDGER}/2022-08.yaml:{line}: amount:"
    for args in REPORTS:
        refused(run, args, where)
    result = run("balance", "--format", "json")
    assert result.exit_code == 1 and result.stdout == ""  # never `"complete": true`


@pytest.mark.parametrize(
    "damage, words",
    [
        (lambda t: t.encode("gbk"), "saved as GBK/GB18030, not UTF-8"),
        (lambda t: t.replace("  shift: day\n", "\tshift: day\n", 1).encode(), "YAML syntax"),
        (lambda t: ("<<<<<<< ours\n" + t + "=======\n>>>>>>> theirs\n").encode(), "conflict marker"),
    ],
    ids=["gbk", "tab", "conflict-marker"],
)
def test_a_month_file_that_cannot_be_read_stops_every_report(
    example: Path, run: Run, damage, words: str
) -> None:
    month = example / "2022-09.yaml"
    text = month.read_text(encoding="utf-8").replace("# ", "# 注 ", 1)
    month.write_bytes(damage(text))
    for args in REPORTS:
        refused(run, args, f"{LEDGER}/2022-09.yaml", words)
    check = run("check")
    assert check.exit_code == 1 and words in check.output


@pytest.mark.parametrize("name", ["2022-08.yml", "2022-08.yaml.orig", "notes.txt", "2022-13.yaml"])
def test_a_file_the_tool_does_not_know_is_a_problem(example: Path, run: Run, name: str) -> None:
    month = example / "2022-08.yaml"
    if name.startswith("2022-08"):
        month.rename(example / name)  # 74 records, one a payment, would vanish unseen
    else:
        (example / name).write_text("anything\n", encoding="utf-8")
    check = run("check")
    said = "misnamed month file" if name == "2022-08.yml" else "not a ledger file"
    assert check.exit_code == 1 and f"{LEDGER}/{name}: {said}" in check.output
    refused(run, ("settle", "--quarter", "Q3"), name)


def test_a_dead_writers_temporary_file_is_not_a_problem(example: Path, run: Run) -> None:
    (example / ".2022-09.yaml.abc123.tmp").write_text("- half a rec", encoding="utf-8")
    assert run("check").exit_code == 0


@pytest.mark.parametrize(
    "content",
    ["m:\n", "just text\n", "- kind: close\n  quarter: 2022-Q3\n  date: 2022-10-10\n  figures: [1, 2]\n"],
)
def test_a_broken_closings_file_is_a_problem_not_a_crash(example: Path, run: Run, content: str) -> None:
    (example / "closings.yaml").write_text(content, encoding="utf-8")
    check = run("check")
    assert check.exit_code == 1 and f"{LEDGER}/closings.yaml:" in check.output, check
    refused(run, ("settle", "--quarter", "Q3"), "closings.yaml")
    before = snapshot(example)
    result = run("record", "activity", "--date", "2022-09-30", "--obligation", "weekly-training")
    assert result.exit_code == 1 and "Traceback" not in result.output, result
    assert snapshot(example) == before


def test_gaps_are_findings_that_never_stop_a_report(example: Path, run: Run) -> None:
    month = example / "2022-09.yaml"
    text = month.read_text(encoding="utf-8")
    block = text[text.index("- id: att-2022-09-13-day") :]
    block = block[: block.index("\n- ") + 1]
    month.write_text(text.replace(block, ""), encoding="utf-8")
    assert run("check").exit_code == 0 and "gap: no attendance recorded for 2022-09-13" in run("check").output
    assert run("check", "--complete").exit_code == 1
    data = json.loads(run("deduct", "--month", "2022-09", "--format", "json").stdout)
    assert data["complete"] is False
    assert data["gaps"] == [{"date": "2022-09-13", "shift": "day", "required": 48}]
