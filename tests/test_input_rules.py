"""What a record command accepts: text that reads back unchanged, id lists in either comma,
no more present than on the roster, payments and completions in their time, and the same
record entered twice refused unless it is a genuine second one."""

from __future__ import annotations

import json
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from conftest import Run, examples, snapshot
from seatledger.read.yaml_reader import load_path


def refused(run: Run, ledger: Path, *args: str, code: int = 1, words: str = "") -> str:
    before = snapshot(ledger)
    result = run(*args)
    assert result.exit_code == code, (args, result)
    assert words in result.output, (words, result.output)
    assert snapshot(ledger) == before
    return result.output


def written_id(run: Run, *args: str) -> str:
    result = run(*args)
    assert result.exit_code == 0, (args, result)
    return result.stdout.split()[1]


def test_control_characters_are_refused_and_nothing_is_written(ledger: Path, run: Run) -> None:
    rid = written_id(run, "record", "attendance", "--date", "2022-09-30", "--present", "48")
    refused(run, ledger, "void", rid, "--reason", "typo\x7f", code=2, words="U+007F")
    refused(
        run,
        ledger,
        "record",
        "activity",
        "--date",
        "2022-09-30",
        "--obligation",
        "weekly-training",
        "--note",
        "a\x85b",
        code=2,
        words="U+0085",
    )
    refused(
        run,
        ledger,
        "record",
        "activity",
        "--date",
        "2022-09-30",
        "--obligation",
        "weekly-training",
        "--note",
        "bad \udcff byte",
        code=2,
        words="U+DCFF",
    )
    # September still reads whole, and later writes to it work.
    assert run("record", "attendance", "--date", "2022-09-29", "--present", "48").exit_code == 0
    assert run("check", "--format", "json").exit_code == 0  # gaps only: findings
    assert run("check", "--format", "json", "--complete").exit_code == 1
    assert run("void", rid, "--reason", "typo").exit_code == 0


def test_staff_lists_take_either_comma_and_repeat(ledger: Path, run: Run) -> None:
    for n in (12, 13, 14):
        assert (
            run(
                "roster",
                "add",
                f"S0{n}",
                "--role",
                "seat",
                "--group",
                "data",
                "--degree",
                "bachelor",
                "--joined",
                "2022-03-01",
            ).exit_code
            == 0
        )
    assert (
        run(
            "record",
            "attendance",
            "--date",
            "2022-07-01",
            "--present",
            "48",
            "--absent",
            "S012",
            "--absent",
            "S013",
        ).exit_code
        == 0
    )
    assert (
        run(
            "record", "attendance", "--date", "2022-07-04", "--present", "48", "--absent", "S012，S013、S014"
        ).exit_code
        == 0
    )
    records = {r["id"]: r for r in load_path(ledger / "2022-07.yaml")}
    assert records["att-2022-07-01-day"]["absent"] == ["S012", "S013"]
    assert records["att-2022-07-04-day"]["absent"] == ["S012", "S013", "S014"]
    refused(
        run,
        ledger,
        "record",
        "attendance",
        "--date",
        "2022-07-05",
        "--present",
        "48",
        "--absent",
        "S012,S012",
        code=2,
        words="S012 listed twice",
    )
    for kind in ("replace-request", "consent"):
        refused(
            run,
            ledger,
            "record",
            kind,
            "--date",
            "2022-07-05",
            "--staff",
            "",
            code=2,
            words="one or more ids",
        )


def test_no_more_present_than_on_the_roster(ledger: Path, run: Run) -> None:
    refused(
        run,
        ledger,
        "record",
        "attendance",
        "--date",
        "2022-07-01",
        "--present",
        "1000",
        words="1000 present is more than the 48 people on the roster on 2022-07-01",
    )
    refused(
        run,
        ledger,
        "record",
        "attendance",
        "--date",
        "2022-07-01",
        "--present",
        "49",
        words="more than the 48 people",
    )
    assert run("record", "attendance", "--date", "2022-07-01", "--present", "48").exit_code == 0


def test_a_payment_before_its_period_and_a_completion_in_the_term_are_refused(ledger: Path, run: Run) -> None:
    refused(
        run,
        ledger,
        "record",
        "payment",
        "--date",
        "2022-08-30",
        "--instalment",
        "3",
        "--amount",
        "1641000",
        words="before instalment 3's period starts (2022-10-01)",
    )
    refused(
        run,
        ledger,
        "record",
        "completion",
        "--date",
        "2023-03-31",
        "--amount",
        "1000",
        words="after the term ends (2023-03-31)",
    )
    assert run("record", "completion", "--date", "2023-04-01", "--amount", "1000").exit_code == 0


def test_the_same_record_twice_is_refused_naming_the_first(ledger: Path, run: Run) -> None:
    cases = [
        ("request", "--date", "2022-07-01", "--instalment", "2"),
        ("invoice", "--date", "2022-07-02", "--instalment", "2", "--amount", "1000"),
        ("payment", "--date", "2022-07-20", "--instalment", "2", "--amount", "1000"),
    ]
    for case in cases:
        first = written_id(run, "record", *case)
        out = refused(run, ledger, "record", *case, "--note", "again", words=f"the same {case[0]} as {first}")
        assert "--duplicate" in out
    second = written_id(run, "record", *cases[2], "--duplicate")
    records = {r["id"]: r for r in load_path(ledger / "2022-07.yaml")}
    assert records[second]["repeat"] == "2"
    settle = json.loads(run("settle", "--quarter", "Q3", "--format", "json").stdout)
    assert settle["paid"] == "2000.00"  # the genuine second payment counts
    refused(
        run,
        ledger,
        "record",
        "payment",
        "--date",
        "2022-07-21",
        "--instalment",
        "2",
        "--amount",
        "1000",
        "--duplicate",
        code=2,
        words="no record like this one",
    )


TEXT = st.text(
    st.characters(blacklist_categories=("Cc", "Cs", "Zl", "Zp"), blacklist_characters="\ufffe\uffff"),
    min_size=1,
    max_size=40,
)


@settings(
    max_examples=examples(60), deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(note=TEXT.filter(lambda s: s.strip()), ref=TEXT.filter(lambda s: s.strip()))
def test_any_text_the_tool_accepts_reads_back_unchanged(ledger: Path, run: Run, note: str, ref: str) -> None:
    rid = written_id(
        run,
        "record",
        "incident",
        "--date",
        "2022-07-05",
        "--penalty",
        "assessment-deduction",
        "--amount",
        "1000",
        "--ref",
        ref,
        "--note",
        note,
    )
    back = {r["id"]: r for r in load_path(ledger / "2022-07.yaml")}[rid]
    assert (back["note"], back["ref"]) == (note, ref)
    assert run("void", rid, "--reason", note).exit_code == 0
    voids = [r for r in load_path(ledger / "2022-07.yaml") if r.get("target") == rid]
    assert voids[0]["reason"] == note
