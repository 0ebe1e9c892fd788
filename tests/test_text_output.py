"""The text of every report, read as a person would at 80 and 60 columns: each figure that the
JSON gives appears whole in the text, never cut or folded across lines."""

from __future__ import annotations

import json
import re
from decimal import Decimal
from pathlib import Path

import pytest
from rich.cells import cell_len
from typer.testing import CliRunner

from seatledger.cli.main import app
from seatledger.core.money import capitals, fmt_grouped

LANG: list[str] = ["en"]


@pytest.fixture(params=["en", "zh"], autouse=True)
def language(request: pytest.FixtureRequest) -> None:
    """Every report in both languages: Chinese headings are two cells wide a character."""
    LANG[0] = request.param


def text_and_json(width: int, *args: str) -> tuple[str, dict]:
    runner = CliRunner()
    text = runner.invoke(app, [*args, "--lang", LANG[0]], env={"COLUMNS": str(width)}, terminal_width=width)
    data = runner.invoke(app, [*args, "--format", "json"], env={"COLUMNS": str(width)})
    assert "Traceback" not in text.output
    assert all(cell_len(line) <= width for line in text.stdout.splitlines()), text.stdout
    return text.stdout, json.loads(data.stdout)


def money(value: str) -> str:
    return fmt_grouped(Decimal(value))


def assert_whole(text: str, figures: list[str]) -> None:
    lines = text.splitlines()
    missing = [f for f in figures if not any(f in line for line in lines)]
    assert not missing, (missing, text)


WIDTHS = [80, 60]


@pytest.mark.parametrize("width", WIDTHS)
def test_settle(example: Path, width: int) -> None:
    text, data = text_and_json(width, "settle", "--quarter", "Q3")
    figures = [
        money(data[k])
        for k in ("opening_balance", "closing_balance", "next_payment", "late_interest", "accrued")
    ]
    figures += [money(v) for v in data["deductions"]["by_penalty"].values()]
    figures += [money(p["amount"]) for p in data["payments"]]
    figures += [capitals(Decimal(data[k])) for k in ("closing_balance", "next_payment", "late_interest")]
    for due in data["due"]:
        figures += [due["due"], money(due["paid"]), money(due["interest"])]
        figures += [money(p["interest"]) for p in due["payments"]]
    assert "1,628,600.00" in figures and "壹佰陆拾贰万捌仟陆佰元整" in figures
    assert_whole(text, figures)


@pytest.mark.parametrize("width", WIDTHS)
def test_deduct(example: Path, width: int) -> None:
    text, data = text_and_json(width, "deduct", "--quarter", "Q3")
    figures = [money(data["total"]), *(money(v) for v in data["by_penalty"].values())]
    for line in data["lines"]:
        figures += [line["date"], money(line["rate"]), money(line["amount"])]
    assert_whole(text, figures)


@pytest.mark.parametrize("width", WIDTHS)
@pytest.mark.parametrize(
    "args",
    [("--by", "month"), ("--quarter", "Q3"), ("--from", "2022-07-10", "--to", "2022-08-15", "--by", "month")],
)
def test_balance(example: Path, width: int, args: tuple[str, ...]) -> None:
    text, data = text_and_json(width, "balance", *args)
    figures = [
        money(row[k]) for row in data["rows"] for k in ("accrued", "deducted", "paid", "balance", "running")
    ]
    assert_whole(text, figures)


@pytest.mark.parametrize("width", WIDTHS)
def test_check_roster(example: Path, width: int) -> None:
    roster = example / "roster.yaml"
    text = roster.read_text(encoding="utf-8")
    roster.write_text(text.replace("degree: bachelor", "degree: associate", 12), encoding="utf-8")
    text, data = text_and_json(width, "check-roster", "--quarter", "Q3")
    assert data["violations"]
    figures = [v[k] for v in data["violations"] for k in ("from", "to")]
    assert_whole(text, figures)
    assert all(v["actual"].split()[0] in text for v in data["violations"])


@pytest.mark.parametrize("width", WIDTHS)
def test_compliance(example: Path, width: int) -> None:
    text, data = text_and_json(width, "compliance", "--quarter", "Q3")
    for ob in data["obligations"]:  # whole, or broken after a hyphen: every part shown
        key = ob["obligation"]
        assert key in text or all(part in text for part in key.split("-")), (key, text)
    for ob in data["obligations"]:
        assert re.search(rf"(?<![\d,.]){ob['windows']}(?![\d,.])", text), (ob, text)


@pytest.mark.parametrize("width", WIDTHS)
def test_contract(example: Path, width: int) -> None:
    text, data = text_and_json(width, "contract")
    assert_whole(
        text,
        [t["rate"] for t in data["terms"] if t["rate"] and len(t["rate"]) < width]
        + [t["key"] for t in data["terms"] if t["section"] == "penalties"],
    )


@pytest.mark.parametrize("width", [160, 60])
def test_data_that_looks_like_style_tags_prints_as_it_is(example: Path, width: int) -> None:
    """A reference or note is data: `[/]` once crashed the renderer (exit 3), `[bold]` was
    swallowed as a style."""
    ref = r"[/] [bold]x\[red] [note]"
    runner = CliRunner()
    added = runner.invoke(
        app,
        [
            "record",
            "incident",
            "--date",
            "2022-08-03",
            "--penalty",
            "post-abandonment",
            "--staff",
            "S001",
            "--ref",
            ref,
        ],
    )
    assert added.exit_code == 0, added.output
    text, _data = text_and_json(width, "deduct", "--month", "2022-08")
    assert ref in text.replace("\n", "") or ref in " ".join(line.strip() for line in text.splitlines()), text


def test_the_statement_names_each_deduction_by_its_title(example: Path) -> None:
    """People read the contract's words; the key stays beside them for the JSON and the files."""
    text, data = text_and_json(160, "settle", "--quarter", "Q3")
    for key in data["deductions"]["by_penalty"]:
        assert key in text
    assert "座席缺口扣款（缺口人次）" in text
