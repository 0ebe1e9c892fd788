"""The record commands through the real CLI: what they write, where, and what they refuse."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from conftest import Run, snapshot
from seatledger.read.yaml_reader import load_path


def month(ledger: Path, name: str) -> list[dict[str, object]]:
    return list(load_path(ledger / f"{name}.yaml") or [])


def test_each_record_kind_is_written_and_reported(ledger: Path, run: Run) -> None:
    commands = [
        ("record", "attendance", "--date", "2022-07-01", "--present", "47", "--absent", "S001"),
        ("record", "attendance", "--date", "2022-07-01", "--shift", "night", "--present", "2"),
        (
            "record",
            "demand",
            "--from",
            "2022-07-01",
            "--to",
            "2022-07-31",
            "--shift",
            "night",
            "--required",
            "2",
        ),
        ("record", "incident", "--date", "2022-07-05", "--penalty", "post-abandonment", "--staff", "S001"),
        (
            "record",
            "incident",
            "--date",
            "2022-07-06",
            "--penalty",
            "assessment-deduction",
            "--amount",
            "2500.50",
            "--ref",
            "ZF-1",
            "--note",
            "扣分",
        ),
        ("record", "incident", "--date", "2022-07-07", "--penalty", "liquidated-damages"),
        ("record", "activity", "--date", "2022-07-04", "--obligation", "fire-inspection", "--count", "3"),
        ("record", "request", "--date", "2022-07-01", "--instalment", "2"),
        ("record", "invoice", "--date", "2022-07-02", "--instalment", "2", "--amount", "1641000"),
        (
            "record",
            "payment",
            "--date",
            "2022-07-20",
            "--instalment",
            "2",
            "--amount",
            "1641000.00",
            "--excused",
            "fiscal-allocation",
        ),
    ]
    for args in commands:
        result = run(*args)
        assert result.exit_code == 0, (args, result)
        assert "ledgers/haidian-hotline-2022/2022-07.yaml:" in result.stdout
    records = month(ledger, "2022-07")
    assert [r["kind"] for r in records] == [
        "attendance",
        "attendance",
        "demand",
        "request",
        "invoice",
        "activity",
        "incident",
        "incident",
        "incident",
        "payment",
    ]
    assert records[0]["id"] == "att-2022-07-01-day" and records[0]["absent"] == ["S001"]
    assert [r["date"] for r in records] == sorted(r["date"] for r in records)
    incident = next(r for r in records if r.get("penalty") == "assessment-deduction")
    assert incident["amount"] == "2500.50" and incident["ref"] == "ZF-1"
    assert str(incident["id"]).startswith("inc-2022-07-06-")
    # The ledger is recorded from the term's start, so April to June are gaps, and nothing else
    # is wrong with what was written.
    problems = json.loads(run("check", "--format", "json").stdout)["problems"]
    assert problems and {p["code"] for p in problems} == {"gap"}
    assert max(p["record"] for p in problems) == "att-2022-06-30-day"
    assert min(p["record"] for p in problems) == "att-2022-04-01-day"


def test_completion_after_term(ledger: Path, run: Run) -> None:
    result = run("record", "completion", "--date", "2023-04-20", "--amount", "131568")
    assert result.exit_code == 0, result
    assert month(ledger, "2023-04")[0]["amount"] == "131568.00"
    result = run("record", "payment", "--date", "2023-05-10", "--instalment", "final", "--amount", "131568")
    assert result.exit_code == 0, result


def test_line_printed_is_where_the_record_starts(ledger: Path, run: Run) -> None:
    run("record", "attendance", "--date", "2022-07-05", "--present", "48")
    result = run("record", "attendance", "--date", "2022-07-04", "--present", "48")
    line = int(result.stdout.split("2022-07.yaml:")[1].split()[0])
    text = (ledger / "2022-07.yaml").read_text().splitlines()
    assert text[line - 1] == "- id: att-2022-07-04-day"


def test_dry_run_writes_nothing(ledger: Path, run: Run) -> None:
    before = snapshot(ledger)
    result = run("record", "attendance", "--date", "2022-07-01", "--present", "48", "--dry-run")
    assert result.exit_code == 0
    assert "would add att-2022-07-01-day" in result.stdout and "present: 48" in result.stdout
    assert snapshot(ledger) == before


REFUSED = [
    (
        ("record", "incident", "--date", "2022-07-05", "--penalty", "seat-shortage"),
        "computed from attendance",
    ),
    (("record", "incident", "--date", "2022-07-05", "--penalty", "post-abandonmnet"), "not a penalty"),
    (
        ("record", "incident", "--date", "2022-07-05", "--penalty", "post-abandonment", "--amount", "500"),
        "fixed at 1000.00",
    ),
    (
        ("record", "incident", "--date", "2022-07-05", "--penalty", "liquidated-damages", "--amount", "500"),
        "fixed at 334778.40",
    ),
    (("record", "incident", "--date", "2022-07-05", "--penalty", "assessment-deduction"), "give the amount"),
    (
        (
            "record",
            "incident",
            "--date",
            "2022-07-05",
            "--penalty",
            "assessment-deduction",
            "--amount",
            "999.99",
        ),
        "outside",
    ),
    (
        (
            "record",
            "incident",
            "--date",
            "2022-07-05",
            "--penalty",
            "assessment-deduction",
            "--amount",
            "10000.01",
        ),
        "outside",
    ),
    (
        (
            "record",
            "incident",
            "--date",
            "2022-07-05",
            "--penalty",
            "fire-hazard-serious",
            "--amount",
            "4999",
        ),
        "outside",
    ),
    (
        ("record", "incident", "--date", "2022-07-05", "--penalty", "post-abandonment", "--staff", "S999"),
        "not on the roster",
    ),
    (
        ("record", "incident", "--date", "2022-07-05", "--penalty", "post-abandonment", "--count", "0"),
        "out of range",
    ),
    (("record", "attendance", "--date", "2022-07-01", "--present", "48"), "already recorded"),
    (("record", "attendance", "--date", "2022-07-02", "--present", "-1"), "out of range"),
    (
        ("record", "attendance", "--date", "2022-07-02", "--present", "40", "--absent", "S999"),
        "not on the roster",
    ),
    (("record", "attendance", "--date", "2022-07-02", "--shift", "evening", "--present", "4"), "not one of"),
    (("record", "attendance", "--date", "2022-02-30", "--present", "48"), "not a real"),
    (("record", "attendance", "--date", "2022.07.02", "--present", "48"), "2022/07/01"),
    (("record", "attendance", "--date", "2023-04-01", "--present", "48"), "outside the term"),
    (("record", "attendance", "--date", "2022-03-31", "--present", "48"), "outside the term"),
    (
        (
            "record",
            "demand",
            "--from",
            "2022-07-10",
            "--to",
            "2022-07-20",
            "--shift",
            "night",
            "--required",
            "3",
        ),
        "overlaps",
    ),
    (
        (
            "record",
            "demand",
            "--from",
            "2022-07-10",
            "--to",
            "2022-07-01",
            "--shift",
            "duty",
            "--required",
            "3",
        ),
        "before the demand's first day",
    ),
    (("record", "activity", "--date", "2022-07-05", "--obligation", "yoga"), "not a duty of the contract"),
    (("record", "request", "--date", "2022-07-05", "--instalment", "5"), "not an instalment"),
    (
        ("record", "payment", "--date", "2022-07-05", "--instalment", "2", "--amount", "1641000.01"),
        "remains unpaid",
    ),
    (
        ("record", "payment", "--date", "2022-07-05", "--instalment", "1", "--amount", "641000.01"),
        "remains unpaid",
    ),
    (
        ("record", "payment", "--date", "2022-07-05", "--instalment", "final", "--amount", "1"),
        "completion confirmation first",
    ),
    (("record", "payment", "--date", "2022-07-05", "--instalment", "2", "--amount", "NaN"), "finite"),
    (("record", "payment", "--date", "2022-07-05", "--instalment", "2", "--amount", "1e400"), "out of range"),
    (("record", "payment", "--date", "2022-07-05", "--instalment", "2", "--amount", "0.001"), "two decimals"),
    (("record", "payment", "--date", "2022-07-05", "--instalment", "2", "--amount", "-5"), "negative"),
    (("record", "payment", "--date", "2022-07-05", "--instalment", "2", "--amount", "0"), "zero"),
    (("record", "payment", "--date", "2022-07-05", "--instalment", "2", "--amount", "inf"), "finite"),
    (
        (
            "record",
            "payment",
            "--date",
            "2022-07-05",
            "--instalment",
            "2",
            "--amount",
            "1000",
            "--excused",
            "because",
        ),
        "not an excuse",
    ),
    (("record", "completion", "--date", "2023-04-20", "--amount", "131568.01"), "above"),
    (("record", "completion", "--date", "2023-03-30", "--amount", "100"), "after the term"),
    (("void", "inc-2022-07-05-ffffff", "--reason", "x"), "no record"),
    (
        (
            "roster",
            "add",
            "S001",
            "--role",
            "seat",
            "--group",
            "data",
            "--degree",
            "bachelor",
            "--joined",
            "2022-03-01",
        ),
        "already on the roster",
    ),
    (
        (
            "roster",
            "add",
            "S002",
            "--role",
            "seat",
            "--group",
            "sales",
            "--degree",
            "bachelor",
            "--joined",
            "2022-03-01",
        ),
        "not a group",
    ),
    (
        ("roster", "add", "S002", "--role", "seat", "--degree", "bachelor", "--joined", "2022-03-01"),
        "needs a group",
    ),
    (
        (
            "roster",
            "add",
            "S002",
            "--role",
            "boss",
            "--group",
            "data",
            "--degree",
            "bachelor",
            "--joined",
            "2022-03-01",
        ),
        "not one of",
    ),
    (("roster", "leave", "S001", "--date", "2022-02-01"), "after it"),
    (("roster", "leave", "S999", "--date", "2022-08-01"), "not on the roster"),
]


@pytest.mark.parametrize(
    ("args", "words"), REFUSED, ids=[" ".join(a[:4]) + f" {n}" for n, (a, _) in enumerate(REFUSED)]
)
def test_refused_write_changes_nothing(ledger: Path, run: Run, args: tuple[str, ...], words: str) -> None:
    assert run("record", "attendance", "--date", "2022-07-01", "--present", "48").exit_code == 0
    assert (
        run(
            "record",
            "demand",
            "--from",
            "2022-07-01",
            "--to",
            "2022-07-31",
            "--shift",
            "night",
            "--required",
            "2",
        ).exit_code
        == 0
    )
    assert (
        run("record", "payment", "--date", "2022-07-01", "--instalment", "1", "--amount", "1000000").exit_code
        == 0
    )
    (ledger / "2022-07.yaml").write_text(
        "# a clerk's comment\n" + (ledger / "2022-07.yaml").read_text(), encoding="utf-8"
    )
    before = snapshot(ledger)
    result = run(*args)
    assert result.exit_code in (1, 2), result
    assert words in result.output, result
    assert "Traceback" not in result.output
    assert snapshot(ledger) == before


def test_replace_rewrites_in_place_and_keeps_the_id(ledger: Path, run: Run) -> None:
    for day in ("2022-07-01", "2022-07-04"):
        assert run("record", "attendance", "--date", day, "--present", "48").exit_code == 0
    path = ledger / "2022-07.yaml"
    path.write_text(
        path.read_text().replace("- id: att-2022-07-04-day", "# Monday\n- id: att-2022-07-04-day")
    )
    result = run(
        "record", "attendance", "--date", "2022-07-01", "--present", "46", "--absent", "S001", "--replace"
    )
    assert result.exit_code == 0, result
    assert "replaced att-2022-07-01-day" in result.stdout
    records = month(ledger, "2022-07")
    assert [r["id"] for r in records] == ["att-2022-07-01-day", "att-2022-07-04-day"]
    assert records[0]["present"] == "46"
    assert "# Monday\n- id: att-2022-07-04-day" in path.read_text()


def test_append_keeps_every_byte_and_comment(ledger: Path, run: Run) -> None:
    path = ledger / "2022-07.yaml"

    def days(first: int, last: int) -> str:
        return "".join(f"# == 2022-07-{d:02d} ==\n" for d in range(first, last + 1))

    original = (
        "# July, kept by the clerk\n"
        + days(1, 1)
        + "- id: att-2022-07-01-day   # first day\n  kind: attendance\n  date: 2022-07-01\n"
        "  shift: day\n  present: 48\n\n" + days(2, 11) + "# the week after\n"
        "- {id: att-2022-07-11-day, kind: attendance, date: 2022-07-11, shift: day, "
        "present: 48}\n" + days(12, 31)
    )
    path.write_text(original, encoding="utf-8")
    middle = run("record", "incident", "--date", "2022-07-05", "--penalty", "post-abandonment")
    end = run("record", "attendance", "--date", "2022-07-12", "--present", "48")
    assert middle.exit_code == 0 and end.exit_code == 0, (middle, end)
    text = path.read_text(encoding="utf-8")
    # Taking out the two new blocks gives back the original bytes exactly.
    blocks = [r.stdout.split("\n", 1)[1] for r in (middle, end)]
    rest = text
    for b in blocks:
        lines = "".join(line[2:] + "\n" for line in b.splitlines())
        assert lines in rest
        rest = rest.replace(lines, "", 1)
    assert rest == original
    # Each new record sits under its own day's line, never under another day's.
    assert text.index("# == 2022-07-05 ==") < text.index("kind: incident") < text.index("# == 2022-07-06 ==")
    assert (
        text.index("# == 2022-07-12 ==") < text.index("date: 2022-07-12") < text.index("# == 2022-07-13 ==")
    )


def test_void_keeps_the_original(ledger: Path, run: Run) -> None:
    result = run("record", "incident", "--date", "2022-07-05", "--penalty", "post-abandonment")
    rid = result.stdout.split()[1]
    result = run("void", rid, "--reason", "appeal upheld")
    assert result.exit_code == 0, result
    records = month(ledger, "2022-07")
    assert [r["kind"] for r in records] == ["incident", "void"]
    assert records[1]["target"] == rid and records[1]["date"] == "2022-07-05"
    assert run("void", rid, "--reason", "again").exit_code == 1


def test_roster_add_and_leave(ledger: Path, run: Run) -> None:
    result = run(
        "roster",
        "add",
        "TL01",
        "--role",
        "team-lead",
        "--group",
        "dispatch",
        "--degree",
        "bachelor",
        "--joined",
        "2022-04-01",
        "--name",
        "李四",
    )
    assert result.exit_code == 0, result
    assert run("roster", "leave", "S001", "--date", "2022-08-01").exit_code == 0
    roster = load_path(ledger / "roster.yaml")
    s001 = next(p for p in roster if p["id"] == "S001")
    assert s001["left"] == "2022-08-01"
    assert next(p for p in roster if p["id"] == "TL01") == {
        "id": "TL01",
        "name": "李四",
        "role": "team-lead",
        "group": "dispatch",
        "degree": "bachelor",
        "joined": "2022-04-01",
    }
    assert run("roster", "leave", "S001", "--date", "2022-09-01").exit_code == 1
    # From the leaving date on, the person can no longer be marked absent.
    result = run("record", "attendance", "--date", "2022-08-01", "--present", "1", "--absent", "S001")
    assert result.exit_code == 1 and "not on the roster" in result.output


def test_init_writes_gitignore_and_refuses_twice(project: Path, run: Run) -> None:
    assert run("init", "--recorded-from", "2022-05-01").exit_code == 0
    ledger = project / "ledgers" / "haidian-hotline-2022"
    ignore = (ledger / ".gitignore").read_text()
    assert ".seatledger.lock" in ignore and ".*.tmp" in ignore
    assert "recorded_from: 2022-05-01" in (ledger / "ledger.yaml").read_text()
    assert run("init").exit_code == 1
    assert run("init", "--ledger", str(project / "x"), "--recorded-from", "2021-01-01").exit_code == 1


def test_discovery(project: Path, run: Run, monkeypatch: pytest.MonkeyPatch) -> None:
    assert run("init").exit_code == 0
    sub = project / "ledgers" / "deep"
    sub.mkdir()
    monkeypatch.chdir(sub)
    assert run("check").exit_code == 0
    (project / "contracts" / "second.yaml").write_text("id: second\n")
    result = run("check")
    assert result.exit_code == 1
    assert "several contracts" in result.output and "second.yaml" in result.output
    monkeypatch.setenv("SEATLEDGER_CONTRACT", str(project / "contracts" / "haidian-hotline-2022.yaml"))
    assert run("check").exit_code == 0
    monkeypatch.setenv("SEATLEDGER_LEDGER", str(project / "elsewhere"))
    assert "no ledger folder" in run("check").output


def test_misspellings_get_a_suggestion(ledger: Path, run: Run) -> None:
    result = run("record", "incident", "--date", "2022-07-05", "--penalty", "post-abandonmnet")
    assert "did you mean 'post-abandonment'?" in result.output
    result = run("record", "attendance", "--date", "2022-07-05", "--shift", "nite", "--present", "2")
    assert "did you mean 'night'?" in result.output
    (ledger / "2022-07.yaml").write_text(
        "- id: att-2022-07-01-day\n  kind: attendance\n  date: 2022-07-01\n  shift: day\n  presnet: 48\n",
        encoding="utf-8",
    )
    assert "did you mean 'present'?" in run("check").output
