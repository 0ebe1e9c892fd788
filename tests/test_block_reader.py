"""The reader of month files as seatledger writes them gives exactly what the YAML parser
gives (values, nulls, every line number) for every file it takes, and declines every file it
cannot read exactly, which then goes to the parser."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from conftest import LEDGER, REPO, examples
from seatledger.read import block_reader
from seatledger.read.yaml_reader import YamlError, YMap, YSeq, load_text


def tree(value: Any) -> Any:
    """A parse with its line numbers, comparable with ==."""
    if isinstance(value, YSeq):
        return ("seq", value.line, tuple(value.lines), tuple(tree(v) for v in value))
    if isinstance(value, YMap):
        return (
            "map",
            value.line,
            tuple(sorted(value.lines.items())),
            tuple((k, tree(v)) for k, v in value.items()),
        )
    return value


def agree(text: str) -> bool:
    """Whether the block reader took the file (it must then equal the parser)."""
    fast = block_reader.read(text)
    if fast is None:
        return False
    try:
        slow = load_text(text, "f.yaml")
    except YamlError as exc:
        raise AssertionError(f"the block reader took a file YAML refuses: {exc}") from None
    assert tree(fast) == tree(slow), text
    return True


PIECES = [
    "a",
    "S001",
    "2022-07-01",
    "-5",
    "-x",
    "- ",
    "~",
    "null",
    "NULL",
    "Null",
    "",
    " ",
    "  ",
    ":",
    ": ",
    " :",
    "#",
    " #",
    "x#y",
    "a:b",
    "'",
    "''",
    '"',
    "\\",
    "[",
    "]",
    "{",
    "}",
    ",",
    ", ",
    "&a",
    "*a",
    "!t",
    "|",
    ">",
    "%",
    "@",
    "`",
    "?",
    "\t",
    "\r",
    "\u2028",
    "\x85",
    "\ufeff",
    "座席",
    "（第5项）",
    "\u3000",
    "\xa0",
    "é",
]
VALUE = st.lists(st.sampled_from(PIECES), max_size=5).map("".join)
QUOTED = st.one_of(
    VALUE.map(lambda v: f'"{v}"'),
    VALUE.map(lambda v: f"'{v}'"),
    st.lists(VALUE, max_size=3).map(lambda vs: "[" + ", ".join(vs) + "]"),
)
KEY = st.sampled_from(["id", "kind", "date", "count", "staff", "note", "x_1", "Id", "a b", "1a"])
LINE = st.one_of(
    st.tuples(
        st.sampled_from(["- ", "  ", "   ", "", "-  ", "  - "]),
        KEY,
        st.sampled_from([": ", ":", ":  "]),
        st.one_of(VALUE, QUOTED),
    ).map("".join),
    st.sampled_from(
        [
            "# comment",
            "",
            "   ",
            "---",
            "...",
            "  # indented",
            "<<<<<<< ours",
            "=======",
            "    continued",
            "-",
            "- [a]",
            "%YAML 1.1",
        ]
    ),
)
FILE = st.tuples(st.lists(LINE, max_size=12), st.sampled_from(["\n", "\r\n"]), st.booleans()).map(
    lambda t: t[1].join(t[0]) + (t[1] if t[2] else "")
)
# Files of the written shape, with odd values now and then: most of them are taken.
MILD = st.lists(
    st.sampled_from(["a", "S001", "2022-07-01", "-5", "座席", "x y", "a:b", "x#y", "~", "null", "", " "])
    | st.sampled_from(PIECES),
    min_size=1,
    max_size=4,
).map("".join)
MILD_VALUE = st.one_of(
    MILD,
    MILD.map(lambda v: f'"{v}"'),
    MILD.map(lambda v: f"'{v}'"),
    st.lists(MILD, max_size=3).map(lambda vs: "[" + ", ".join(vs) + "]"),
)
RECORD = st.dictionaries(
    st.sampled_from(["kind", "date", "count", "staff", "note", "ref"]), MILD_VALUE, max_size=5
).map(lambda d: [f"- id: {d.pop('ref', 'r1')}"] + [f"  {k}: {v}" for k, v in d.items()])
WRITTEN = st.tuples(
    st.lists(RECORD, min_size=1, max_size=4), st.lists(st.sampled_from(["# c", ""]), max_size=2)
).map(lambda t: "\n".join(t[1] + [line for r in t[0] for line in r]) + "\n")


@pytest.mark.slow
@settings(max_examples=examples(3000), deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.one_of(FILE, WRITTEN))
@example('- id: a\n  staff: [S1, S2]\n  ref: "x y"\n  n: ~\n- id: b\n')
@example("# header\n\n- id: a\n  note: a:b x#y\n  amount: -5\n  empty: \n")
@example("- id: a\n  kind: b\n# inside\n  date: c\n\n  count: 1\n- id: b\n  kind: c\n")
def test_what_the_block_reader_takes_it_reads_as_yaml_does(text: str) -> None:
    agree(text)


def test_it_takes_the_files_seatledger_writes() -> None:
    texts = [p.read_text(encoding="utf-8") for p in sorted((REPO / LEDGER).glob("20*.yaml"))]
    # A month of day lines only holds no record: YAML reads it as nothing, as it reads a comment.
    written = [t for t in texts if "- id:" in t]
    assert written and all(agree(t) for t in written)
    assert all(
        load_text(t, "f.yaml") is None and block_reader.read(t) is None for t in texts if t not in written
    )


@pytest.mark.parametrize(
    "text",
    [
        "- id: a\n  note: |\n    block\n",  # a block scalar
        "- id: a\n  lines:\n  - x\n",  # a nested list
        "- id: a\n  note: two\n    lines\n",  # a plain scalar over two lines
        '- id: a\n  note: "esc\\n"\n',  # an escape
        "- id: a\n  id: b\n",  # a duplicate key: the parser names it
        "- id: a\n<<<<<<< ours\n",  # a conflict marker: the parser names it
        "- id: a # comment\n",  # a comment after a value
        "- id: &x a\n",  # an anchor: the parser refuses it
    ],
)
def test_it_leaves_every_other_shape_to_the_parser(text: str) -> None:
    assert block_reader.read(text) is None


def test_a_bench_ledger_reads_alike(tmp_path: Path) -> None:
    import sys

    sys.path.insert(0, str(REPO / "bench"))
    import generate

    generate.write("year", tmp_path)
    months = sorted(tmp_path.rglob("20*.yaml"))
    assert len(months) == 12 and all(agree(p.read_text(encoding="utf-8")) for p in months)
