"""Money parsing and capitals as units, and a few report edges the mutation run found."""

from __future__ import annotations

import json
from decimal import Decimal
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from conftest import Run, snapshot
from seatledger.core.money import capitals, parse_amount

LEDGER = Path("ledgers") / "haidian-hotline-2022"


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("1,641,000.00", "1641000.00"),
        ("1,641,000", "1641000.00"),
        ("1，641，000", "1641000.00"),
        ("１，６４１，０００.５", "1641000.50"),
        ("１６４１０００", "1641000.00"),
        (" 300 ", "300.00"),
        ("999999999999.99", "999999999999.99"),
        (300, "300.00"),
        (Decimal("0.5"), "0.50"),
    ],
)
def test_amounts_read(text: object, value: str) -> None:
    assert parse_amount(text) == Decimal(value)


@pytest.mark.parametrize(
    ("text", "words"),
    [
        (0.1, 'expected an amount such as "300.00", got float'),
        (True, "got bool"),
        (None, "got NoneType"),
        ("1_000", "'1_000' is not an amount; write yuan such as 300 or 1641000.00"),
        ("1000,00", "commas go only between groups of three digits, as in 1,641,000 or 1,641,000.00"),
        ("1,6410,00", "commas go only between groups of three digits"),
        ("164,10.00", "commas go only between groups of three digits"),
        ("1641,000", "commas go only between groups of three digits"),
        ("1,000.0,0", "commas go only between groups of three digits"),
        (",100", "commas go only between groups of three digits"),
        ("1,000,", "commas go only between groups of three digits"),
        ("1,,000", "commas go only between groups of three digits"),
        ("1.", "is not an amount"),
        ("NaN", "is not a finite amount"),
        ("1000000000000", "out of range (at most 999999999999.99 yuan)"),
        ("-1", "negative"),
        ("0", "zero"),
        ("1.001", "more than two decimals"),
    ],
)
def test_amounts_refused(text: object, words: str) -> None:
    with pytest.raises(ValueError) as exc:
        parse_amount(text)
    assert words in str(exc.value)


_YUAN = st.integers(min_value=1, max_value=999_999_999_999)


@given(yuan=_YUAN, cents=st.one_of(st.none(), st.integers(0, 99)), wide=st.booleans())
def test_every_correctly_grouped_amount_reads_as_the_ungrouped_one(
    yuan: int, cents: int | None, wide: bool
) -> None:
    tail = "" if cents is None else f".{cents:02d}"
    grouped = f"{yuan:,}{tail}"
    if wide:  # a Chinese input method's full-width comma
        grouped = grouped.replace(",", "，")
    assert parse_amount(grouped) == parse_amount(f"{yuan}{tail}")
    assert parse_amount(grouped) == Decimal(f"{yuan}{tail}").quantize(Decimal("0.01"))


@given(
    digits=st.text("0123456789", min_size=1, max_size=12).filter(lambda d: d[0] != "0"),
    commas=st.sets(st.integers(0, 12), min_size=1),
    cents=st.one_of(st.none(), st.integers(0, 99)),
)
def test_every_misgrouped_amount_is_refused(digits: str, commas: set[int], cents: int | None) -> None:
    """Commas at any set of places in the integer part but the thousands' ones are refused."""
    places = {n for n in commas if n <= len(digits)}
    thousands = set(range(len(digits) - 3, 0, -3))
    if not places or places == thousands:
        return
    text = "".join(("," if n in places else "") + d for n, d in enumerate(digits))
    text += "," if len(digits) in places else ""
    text += "" if cents is None else f".{cents:02d}"
    with pytest.raises(ValueError, match="commas go only between groups of three digits"):
        parse_amount(text)


@pytest.mark.parametrize("amount", ["1000,00", "1,6410,00", "164,10.00"])
def test_a_misgrouped_amount_on_the_command_line_is_refused(ledger: Path, run: Run, amount: str) -> None:
    before = snapshot(ledger)
    result = run("record", "payment", "--date", "2022-07-20", "--instalment", "2", "--amount", amount)
    assert result.exit_code != 0, result
    assert "1,641,000 or 1,641,000.00" in result.output, result.output
    assert snapshot(ledger) == before


@pytest.mark.parametrize("amount", ["1,641,000", "1,641,000.00", "1，641，000"])
def test_a_grouped_amount_on_the_command_line_is_read(ledger: Path, run: Run, amount: str) -> None:
    ok(run, "record", "payment", "--date", "2022-07-20", "--instalment", "2", "--amount", amount)
    paid = (ledger / "2022-07.yaml").read_text(encoding="utf-8")
    assert 'amount: "1641000.00"' in paid


@pytest.mark.parametrize(
    ("amount", "words"),
    [
        ("100001000.00", "壹亿零壹仟元整"),
        ("1000001000.00", "壹拾亿零壹仟元整"),
        ("100100000.00", "壹亿零壹拾万元整"),
        ("1001000.00", "壹佰万壹仟元整"),
        ("0.00", "零元整"),
        ("0.05", "伍分"),
        ("10.50", "壹拾元伍角"),
        ("-0.50", "负伍角"),
    ],
)
def test_capitals_pinned(amount: str, words: str) -> None:
    assert capitals(Decimal(amount)) == words


def ok(run: Run, *args: str) -> str:
    result = run(*args)
    assert result.exit_code == 0, (args, result)
    return result.stdout


def as_json(run: Run, *args: str) -> dict:  # type: ignore[type-arg]
    result = run(*args, "--format", "json")
    assert result.exit_code in (0, 1), (args, result)
    return json.loads(result.stdout)


def test_what_is_paid_next(blank: Path, run: Run) -> None:
    """After a period ending 2022-07-01 (the day instalment 2 starts), the next instalment is
    3; after Q4 it is 4; after Q1 2023, with a completion of 120,000.00 confirmed 2023-04-20,
    it is the final payment; a period ending on the completion day has nothing next. The
    last quarter of the term lists the final payment's due line; Q4 does not."""
    ok(run, "record", "completion", "--date", "2023-04-20", "--amount", "120000")
    s = as_json(run, "settle", "--from", "2022-06-01", "--to", "2022-07-01")
    assert s["next_instalment"]["label"] == "instalment 3"
    assert as_json(run, "settle", "--quarter", "Q4")["next_instalment"]["label"] == "instalment 4"
    q1 = as_json(run, "settle", "--quarter", "Q1")
    assert q1["next_instalment"] == {"label": "final payment", "amount": "120000.00"}
    assert [d["instalment"] for d in q1["due"]][-1] == "final"
    assert "final" not in [d["instalment"] for d in as_json(run, "settle", "--quarter", "Q4")["due"]]
    s = as_json(run, "settle", "--from", "2023-01-01", "--to", "2023-04-20")
    assert s["next_instalment"] == {"label": None, "amount": "0.00"}


def test_quarter_rows_run_to_a_period_ending_on_a_quarter_start(blank: Path, run: Run) -> None:
    rows = as_json(run, "balance", "--from", "2022-04-01", "--to", "2022-07-01", "--by", "quarter")["rows"]
    assert [(r["period"], r["from"], r["to"]) for r in rows] == [
        ("2022-Q2", "2022-04-01", "2022-06-30"),
        ("2022-Q3", "2022-07-01", "2022-07-01"),
    ]


def test_a_duty_done_on_the_last_day_of_its_window_counts(blank: Path, run: Run) -> None:
    """A weekly training on Sunday 2022-10-16, the last day of 2022-W41: that week is met, and
    the text lists each short week with its duty and clause."""
    ok(run, "record", "activity", "--date", "2022-10-16", "--obligation", "weekly-training")
    r = as_json(run, "compliance", "--month", "2022-10")
    weeks = {
        w["window"]: w for o in r["obligations"] if o["obligation"] == "weekly-training" for w in o["lines"]
    }
    assert weeks["2022-W41"]["recorded"] == 1 and weeks["2022-W41"]["shortfall"] == 0
    text = run("compliance", "--month", "2022-10").stdout
    short = [line for line in text.splitlines() if "2022-W42" in line]
    assert any("weekly-training" in line and "四(二)3" in line for line in short), text
