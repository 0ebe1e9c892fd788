"""Text for a terminal, without rich: widths agree with rich's, wrapping keeps every character
and never passes the width, styles reach a terminal and never a pipe, and a table keeps every
figure whole at any width."""

from __future__ import annotations

import io
import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from rich.cells import cell_len as rich_cell_len

from conftest import examples
from seatledger.render.sheet import Sheet
from seatledger.render.terminal import Markup, Terminal, cell_len, escape, plain, spans, wrap

ALPHABET = st.sampled_from(
    list("abc xyz-,.;:()/[]\\") + list("三一附件座席缺口扣款（）、，。：") + ["２", "é", "ﾊ"]
)
TEXT = st.text(ALPHABET, max_size=60)


@given(TEXT)
def test_cell_widths_are_rich_s(text: str) -> None:
    assert cell_len(text) == rich_cell_len(text)


@given(TEXT, st.integers(min_value=2, max_value=40))
def test_wrap_keeps_every_character_within_the_width(text: str, width: int) -> None:
    lines = wrap(text, width)
    assert all(cell_len(line) <= width for line in lines), lines
    assert "".join(lines).replace(" ", "") == text.replace(" ", "")


def test_wrap_breaks_at_spaces_and_folds_only_a_word_too_wide() -> None:
    assert wrap("day shift 47/48 present", 10) == ["day shift", "47/48", "present"]
    assert wrap("assessment-deduction", 12) == ["assessment-", "deduction"]  # at a hyphen
    assert wrap("att-2022-07-15-day", 8) == ["att-", "2022-07-", "15-day"]
    assert wrap("SZFW2022081120", 8) == ["SZFW2022", "081120"]  # no hyphen: where it ends
    assert wrap("座席缺口扣款", 5) == ["座席", "缺口", "扣款"]


@given(TEXT)
def test_escaped_data_reads_back_exactly(text: str) -> None:
    assert plain(escape(text)) == text
    assert "".join(part for part, _style in spans(escape(text))) == text


def test_only_the_known_tags_are_styles() -> None:
    assert spans("[bold red]late[/] [note] x") == [("late", "1;31"), (" [note] x", "")]
    assert plain("[yellow]*[/]") == "*"


def out(
    markup: object, *, tty: bool, env: dict[str, str], monkeypatch: pytest.MonkeyPatch, width: int = 40
) -> str:
    for name in ("NO_COLOR", "FORCE_COLOR", "TERM"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("COLUMNS", str(width))
    for k, v in env.items():
        monkeypatch.setenv(k, v)

    class Stream(io.StringIO):
        def isatty(self) -> bool:
            return tty

    stream = Stream()
    Terminal(stream).print(markup)
    return stream.getvalue()


def test_colour_on_a_terminal_only(monkeypatch: pytest.MonkeyPatch) -> None:
    line = Markup("[bold yellow]warning:[/] gaps")
    assert out(line, tty=True, env={}, monkeypatch=monkeypatch) == "\x1b[1;33mwarning:\x1b[0m gaps\n"
    assert out(line, tty=False, env={}, monkeypatch=monkeypatch) == "warning: gaps\n"
    assert out(line, tty=True, env={"NO_COLOR": "1"}, monkeypatch=monkeypatch) == "warning: gaps\n"
    assert out(line, tty=False, env={"FORCE_COLOR": "1"}, monkeypatch=monkeypatch).startswith("\x1b[1;33m")
    # data is never styled
    assert out("[bold]x[/]", tty=True, env={}, monkeypatch=monkeypatch) == "[bold]x[/]\n"


def test_a_long_styled_line_wraps_keeping_its_style(monkeypatch: pytest.MonkeyPatch) -> None:
    line = Markup("[bold yellow]warning:[/] " + "word " * 20)
    text = out(line, tty=True, env={}, monkeypatch=monkeypatch, width=20)
    shown = re.sub(r"\x1b\[[0-9;]*m", "", text)
    assert all(cell_len(row) <= 20 for row in shown.splitlines())
    assert shown.split() == ["warning:"] + ["word"] * 20
    assert text.startswith("\x1b[1;33mwarning:\x1b[0m")


FIGURE = st.decimals(min_value=-(10**9), max_value=10**9, places=2).map(lambda d: f"{d:,.2f}")
WORDS = st.lists(
    st.sampled_from(
        ["staff", "S001,S002;", "附件1", "缺口", "att-2022-07-15-day", "present", "座席缺口扣款（缺口人次）"]
    ),
    max_size=8,
).map(" ".join)


@settings(max_examples=examples(150), deadline=None)
@given(
    st.lists(st.tuples(FIGURE, WORDS, FIGURE, WORDS), min_size=1, max_size=6),
    st.integers(min_value=20, max_value=160),
)
def test_a_table_never_cuts_a_figure(rows: list[tuple[str, str, str, str]], width: int) -> None:
    sheet = Sheet(
        "Deductions 2022-Q3",
        [("amount", "right"), ("penalty", "left"), ("rate", "right"), ("detail", "left")],
    )
    for row in rows:
        sheet.add_row(*row)
    lines = [plain(line) for line in sheet.lines(width)]
    assert all(cell_len(line) <= width for line in lines), lines
    for amount, _penalty, rate, _detail in rows:
        assert any(amount in line for line in lines) and any(rate in line for line in lines)
    for _amount, penalty, _rate, detail in rows:  # a text column breaks between words
        for word in penalty.split() + detail.split():  # and the detail is never dropped
            if word.isascii() and len(word) <= 12:  # CJK may break between characters
                assert any(word in line for line in lines), (word, lines)
