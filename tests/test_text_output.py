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

from seatledger.cli.main import narrowed
from seatledger.core.money import capitals, fmt_grouped

LANG: list[str] = ["en"]


@pytest.fixture(params=["en", "zh"], autouse=True)
def language(request: pytest.FixtureRequest) -> None:
    """Every report in both languages: Chinese headings are two cells wide a character."""
    LANG[0] = request.param


def text_and_json(width: int, *args: str) -> tuple[str, dict]:
    runner = CliRunner()
    command = narrowed(list(args))  # as the console script builds it
    text = runner.invoke(
        command, [*args, "--lang", LANG[0]], env={"COLUMNS": str(width)}, terminal_width=width
    )
    data = runner.invoke(command, [*args, "--format", "json"], env={"COLUMNS": str(width)})
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


UNDER = "    "  # a cell that did not fit beside its row is printed under it, indented


def cells(line: str) -> list[tuple[int, int, str]]:
    """The cells of a line of a text table: (first column, column after it, text), columns in
    terminal cells (a Chinese character is two); cells are apart by two spaces or more."""
    return [
        (cell_len(line[: m.start()]), cell_len(line[: m.end()]), m.group())
        for m in re.finditer(r"\S+(?: \S+)*", line)
    ]


def joined(parts: list[str]) -> str:
    """A cell wrapped over lines, whole again: a break after a hyphen loses nothing."""
    out = ""
    for part in parts:
        out += part if not out or out.endswith("-") else " " + part
    return out


def table_rows(text: str) -> list[dict[str, str]]:
    """Each row of the report's first table as {heading: the cell's whole text}, whether it
    is drawn as a table (a heading line over a rule; a cell lies under the heading it
    overlaps; a row's first line has a part of every cell, the lines after it with fewer
    parts hold the rest of the cells wrapped) or, too narrow for one, as blocks of
    `heading: value` lines."""
    lines = text.splitlines()
    rule = next((i for i, line in enumerate(lines) if line.startswith("─")), None)
    if rule is None:
        blocks = "\n".join(lines[1:]).strip().split("\n\n")
        return [
            dict(line.strip().split(": ", 1) for line in block.splitlines() if line.strip())
            for block in blocks
        ]
    headings = cells(lines[rule - 1])
    rows: list[dict[str, list[str]]] = []
    below = ""  # the heading of a cell printed under its row (`    heading: value`)
    for line in lines[rule + 1 :]:
        if not line.strip():
            break
        if re.match(rf"{UNDER}\S", line) and rows:
            heading, sep, value = line[len(UNDER) :].partition(": ")
            if sep and heading and "  " not in heading:
                below = heading
                rows[-1].setdefault(below, []).append(value.strip())
            else:  # the cell under the row, wrapped
                rows[-1][below].append(line.strip())
            continue
        parts = []
        for start, end, part in cells(line):
            under = [h for h_start, h_end, h in headings if start < h_end and h_start < end]
            assert len(under) == 1, (line, part, under)
            parts.append((under[0], part))
        if len(parts) == len(headings):
            rows.append({h: [] for _, _, h in headings})
        assert rows, (line, text)
        for heading, part in parts:
            rows[-1][heading].append(part)
    return [{h: joined(parts) for h, parts in row.items()} for row in rows]


# The bundled example's Q3 2022 (07-01..09-30), a row per duty: the window each is counted
# in, the count required a window, how many windows end in the quarter, how many fall short.
# ISO weeks 26 (06-27..07-03, ending in Q3) to 38: 13; days: 92; months: 3; the rolling
# fire drill's lines are its overdue spans, of which there are none.
COMPLIANCE_Q3 = [
    ("weekly-training", "iso-week", "1", "13", "0"),
    ("monthly-assessment", "month", "1", "3", "0"),
    ("weibo-update", "iso-week", "3", "13", "0"),
    ("fire-inspection", "day", "3", "92", "0"),
    ("fire-drill", "rolling-months", "1", "0", "0"),
    ("health-report", "iso-week", "1", "13", "0"),
]
# In Chinese a duty is shown by its title in the contract and its window in words; the key is
# for typing, and `contract` lists it.
COMPLIANCE_Q3_ZH = [
    ("业务培训", "每周", "1", "13", "0"),
    ("业务考核", "每月", "1", "3", "0"),
    ("微博信息更新", "每周", "3", "13", "0"),
    ("消防巡检（上午、下午、夜间）", "每日", "3", "92", "0"),
    ("消防演练", "滚动月份", "1", "0", "0"),
    ("健康宝及行程报送", "每周", "1", "13", "0"),
]
COMPLIANCE_HEADINGS = {
    "en": ("duty", "window", "required", "windows", "short"),
    "zh": ("名称", "周期", "需要", "周期数", "不足"),
}


@pytest.mark.parametrize("width", WIDTHS)
def test_compliance(example: Path, width: int) -> None:
    """Each duty's row shows its own window, count required, windows and shortfalls, in
    their own columns, at any width: the key whole or broken after a hyphen."""
    text, data = text_and_json(width, "compliance", "--quarter", "Q3")
    assert [
        (ob["obligation"], ob["window"], str(ob["required"]), str(ob["windows"]), str(ob["shortfalls"]))
        for ob in data["obligations"]
    ] == COMPLIANCE_Q3
    shown = [tuple(row[h] for h in COMPLIANCE_HEADINGS[LANG[0]]) for row in table_rows(text)]
    if LANG[0] == "en":
        assert shown == COMPLIANCE_Q3, text
    else:  # a long title wraps at a CJK character, joined here with a space
        assert len(shown) == len(COMPLIANCE_Q3_ZH), text
        for row, expected in zip(shown, COMPLIANCE_Q3_ZH, strict=True):
            assert row[0].replace(" ", "") == expected[0] and row[1:] == expected[1:], text


@pytest.mark.parametrize("width", WIDTHS)
def test_contract(example: Path, width: int) -> None:
    text, data = text_and_json(width, "contract")
    # a rate's figure is whole in both languages; its unit is in words in Chinese
    rates = (
        [t["rate"] for t in data["terms"]]
        if LANG[0] == "en"
        else [f for t in data["terms"] for f in re.findall(r"\d[\d,.]*\d%?", t["rate"])]
    )
    assert_whole(
        text,
        [r for r in rates if r and len(r) < width]
        + [t["key"] for t in data["terms"] if t["section"] == "penalties"],
    )


@pytest.mark.parametrize("width", [160, 60])
def test_data_that_looks_like_style_tags_prints_as_it_is(example: Path, width: int) -> None:
    """A reference or note is data: `[/]` once crashed the renderer (exit 3), `[bold]` was
    swallowed as a style."""
    ref = r"[/] [bold]x\[red] [note]"
    runner = CliRunner()
    added = runner.invoke(
        narrowed(["record"]),
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
        assert (key in text) == (LANG[0] == "en")  # Chinese text names it by its title alone
    assert "座席缺口扣款（缺口人次）" in text


ANY_WIDTH = [60, 100, 130, 150, 200]


def line_with(text: str, *parts: str) -> bool:
    return any(all(p in line for p in parts) for line in text.splitlines())


@pytest.mark.parametrize("width", ANY_WIDTH)
def test_a_row_keeps_its_label_beside_its_amount(example: Path, width: int) -> None:
    """At any width from 60 to 200, each payment's label and amount share a line, each
    deduction line's date and amount share one, and no record id is dropped: what does not fit
    beside its row is printed under it."""
    text, data = text_and_json(width, "settle", "--quarter", "Q3")
    label = "已收付款" if LANG[0] == "zh" else "payment received"
    for p in data["payments"]:
        assert line_with(text, label, money(f"-{p['amount']}")), (p, text)
        assert p["record"] in text, (p, text)
    text, data = text_and_json(width, "deduct", "--quarter", "Q3")
    for line in data["lines"] + data["personal_fines"]:
        assert line_with(text, line["date"], money(line["amount"])), (line, text)
        assert line["record"] in text, (line, text)
        assert all(s in text for s in line["staff"]), (line, text)
