"""`fmt`: one canonical form, reached in one run, that keeps every record and comment."""

from __future__ import annotations

from pathlib import Path

from conftest import SEED, Run, snapshot
from seatledger.read.ledger_files import load

MESSY = """\
# July, kept by hand

- {kind: incident, id: inc-2022-07-05-aaaaaa, date: 2022-07-05, penalty: assessment-deduction, amount: 2000}  # appeal pending
# the first working day
- id: att-2022-07-01-day
  present: 47
  shift: day
  kind: attendance
  date: 2022-07-01
  absent: [S001]


- id: pay-2022-07-01-bbbbbb
  kind: payment
  date: 2022-07-01
  instalment: 1
  amount: 0.10   # a test payment
  # checked against the bank statement
"""


def records_of(ledger: Path) -> list[tuple[str, object]]:
    led = load(ledger.parent.parent / "contracts" / SEED.name, ledger)
    return sorted((r.id, r._replace(source=None)) for r in led.records)


def test_fmt_reaches_canonical_form_in_one_run(ledger: Path, run: Run) -> None:
    path = ledger / "2022-07.yaml"
    path.write_text(MESSY, encoding="utf-8")
    before = records_of(ledger)
    check = run("fmt", "--check")
    assert check.exit_code == 1 and "would reformat" in check.stdout and "2022-07.yaml" in check.stdout
    assert path.read_text(encoding="utf-8") == MESSY  # --check changes nothing
    assert run("fmt").exit_code == 0
    text = path.read_text(encoding="utf-8")
    # Above each day's records, a line for the day: all 31 of July, in order.
    days = [line for line in text.splitlines() if line.startswith("# == ")]
    assert days == [f"# == 2022-07-{d:02d} ==" for d in range(1, 32)]
    assert (
        text.index("# == 2022-07-05 ==") < text.index("# appeal pending") < text.index("# == 2022-07-06 ==")
    )
    assert "".join(line for line in text.splitlines(keepends=True) if not line.startswith("# == ")) == (
        "# July, kept by hand\n"
        "\n"
        "# the first working day\n"
        "- id: att-2022-07-01-day\n  kind: attendance\n  date: 2022-07-01\n  shift: day\n"
        "  present: 47\n  absent: [S001]\n"
        "# a test payment\n"
        "# checked against the bank statement\n"
        "- id: pay-2022-07-01-bbbbbb\n  kind: payment\n  date: 2022-07-01\n  instalment: 1\n"
        '  amount: "0.10"\n'
        "# appeal pending\n"
        "- id: inc-2022-07-05-aaaaaa\n  kind: incident\n  date: 2022-07-05\n"
        '  penalty: assessment-deduction\n  count: 1\n  amount: "2000.00"\n'
    )
    assert records_of(ledger) == before
    second = snapshot(ledger)
    assert run("fmt").exit_code == 0
    assert snapshot(ledger) == second  # a second run changes nothing
    assert run("fmt", "--check").exit_code == 0


def test_cli_appends_are_canonical(ledger: Path, run: Run) -> None:
    for args in (
        ("record", "attendance", "--date", "2022-07-04", "--present", "48"),
        ("record", "incident", "--date", "2022-07-01", "--penalty", "post-abandonment"),
        ("record", "attendance", "--date", "2022-07-01", "--present", "47"),
        ("record", "activity", "--date", "2022-07-01", "--obligation", "fire-inspection"),
        (
            "roster",
            "add",
            "A001",
            "--role",
            "seat",
            "--group",
            "data",
            "--degree",
            "master",
            "--joined",
            "2022-04-01",
        ),
        ("roster", "leave", "S001", "--date", "2022-09-01"),
    ):
        assert run(*args).exit_code == 0
    result = run("fmt", "--check")
    assert result.exit_code == 0, result


def test_fmt_refuses_a_file_it_cannot_read_and_changes_nothing(ledger: Path, run: Run) -> None:
    (ledger / "2022-07.yaml").write_text(MESSY, encoding="utf-8")
    (ledger / "2022-08.yaml").write_text("- id: x\n  kind: attendance\n  present: lots\n", encoding="utf-8")
    before = snapshot(ledger)
    result = run("fmt")
    assert result.exit_code == 1
    assert "2022-08.yaml:3: present:" in result.output
    assert snapshot(ledger) == before
