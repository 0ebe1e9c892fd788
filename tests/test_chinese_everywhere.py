"""Under `--lang zh` every report, listing and refusal is Chinese: no English word reaches the
reader but ids, file names, option names, keys the user types, and a few proper names, each
allowed below by name (issue 20). Run on the bundled ledger, on one with gaps and problems, and
on a set of bad command lines."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from html.parser import HTMLParser
from pathlib import Path

import openpyxl
import pytest

from conftest import LEDGER, REPO, Run, commit, git, write_roster

# Tokens that are not words for people: record ids (att-2022-05-10-day), refs (ZFHF-2022-06-031),
# staff ids (S012, PM01), paths and file names, option names, period labels (2022-Q3).
_NOT_WORDS = re.compile(
    r"""
      \S*[/\\]\S*                                  # a path
    | [\w.-]+\.(?:yaml|yml|txt|csv|json|html|xlsx)\b  # a file name
    | (?<![A-Za-z0-9-])--[a-z][a-z0-9-]*            # an option
    | \b[A-Za-z]+(?:-[A-Za-z0-9]+)*-\d[\w-]*         # an id with a number in it
    | \b[A-Z]{1,4}\d+\b                             # a staff id
    | \b\d{4}-Q[1-4]\b | \bQ[1-4]\b                 # quarters as the options take them
    | \b[0-9a-f]{7,40}\b                           # a git commit
    """,
    re.VERBOSE,
)
# Proper names and placeholders a Chinese command line keeps as they are.
PROPER = {
    "seatledger",  # the program's name
    "OPTIONS",  # typer's usage line: seatledger deduct [OPTIONS]
    "COMMAND",
    "ARGS",
    "YYYY",  # date patterns the errors show: YYYY-MM, YYYY-Qn
    "MM",
    "Qn",
    "git",
    "YAML",
    "UTF",
}
_WORD = re.compile(r"[A-Za-z]{2,}")


# A command line as the usage and hints write it (`seatledger record attendance`), and the
# field a problem names after its file and line (`2022-10.yaml:6: colour: ...`): both typed.
_TYPED_HERE = re.compile(
    r"\bseatledger(?: [a-z][a-z-]*)*|(?<=\.yaml: )[a-z0-9_.-]+(?=: )|(?<=\d: )[a-z0-9_.-]+(?=: )"
)


def english(text: str, allowed: set[str] = frozenset()) -> list[str]:  # type: ignore[assignment]
    """The English words in `text` outside the allow-lists."""
    rest = _NOT_WORDS.sub(" ", _TYPED_HERE.sub(" ", text))
    return sorted({w for w in _WORD.findall(rest) if w not in PROPER and w not in allowed})


def test_the_detector_finds_english_and_lets_ids_and_options_pass() -> None:
    assert english("日期 2022-05-10 att-2022-05-10-day S012 --shift ledgers/x/2022-05.yaml 2022-Q3") == []
    assert english("1 of 19 (57.9%)") == ["of"]
    assert english("没有命令 'settel'。. Did you mean") == ["Did", "mean", "settel", "you"]
    assert english("人员 S012：post-abandonment") == ["abandonment", "post"]


REPORTS = [
    ("deduct", "--quarter", "Q2"),
    ("deduct", "--quarter", "Q3"),
    ("settle", "--instalment", "1"),
    ("settle", "--instalment", "2"),
    ("balance",),
    ("balance", "--by", "month"),
    ("check-roster",),
    ("check-roster", "--quarter", "Q2"),
    ("compliance", "--quarter", "Q2"),
    ("calendar", "--month", "2022-10"),
    ("calendar", "--month", "2023-01"),
    ("notices",),
    ("check",),
]
CSV = [r for r in REPORTS if r[0] not in ("calendar", "check", "notices")]  # notices has no csv


def _contract_keys(project: Path) -> set[str]:
    """The keys the contract file defines: its `contract` listing shows them to be typed."""
    text = (project / "contracts" / "haidian-hotline-2022.yaml").read_text(encoding="utf-8")
    keys = set(re.findall(r"^\s*-?\s*([a-z][a-z0-9_-]*):", text, re.MULTILINE))
    keys |= set(re.findall(r"\bkey:\s*([a-z][a-z0-9-]*)", text))
    return {part for k in keys for part in re.split(r"[-_]", k)}


@pytest.fixture
def troubled(ledger: Path, run: Run) -> Path:
    """The new ledger with gaps everywhere, a roster that breaks the staffing rules, an incident,
    a notice to cure past its date, and a month file with a bad line."""
    for args in (
        ("record", "attendance", "--date", "2022-07-04", "--present", "40"),
        ("record", "incident", "--date", "2022-07-05", "--penalty", "post-abandonment", "--staff", "S001"),
        (
            "record",
            "incident",
            "--date",
            "2022-07-06",
            "--penalty",
            "assessment-deduction",
            "--amount",
            "2000",
        ),
        ("record", "notice", "--date", "2022-07-07", "--clause", "十(2)", "--cure-by", "2022-07-20"),
    ):
        r = run(*args)
        assert r.exit_code == 0, r
    return ledger


def _zh(run: Run, *args: str) -> str:
    r = run(*args, "--lang", "zh")
    assert r.exit_code != 3, r
    assert r.output.strip(), r
    return r.output


@pytest.mark.parametrize("args", REPORTS, ids=" ".join)
def test_reports_on_the_bundled_ledger_are_chinese(example: Path, run: Run, args: tuple[str, ...]) -> None:
    out = _zh(run, *args)
    assert english(out) == [], out


@pytest.mark.parametrize("args", REPORTS, ids=" ".join)
def test_reports_on_a_ledger_with_gaps_and_problems_are_chinese(
    troubled: Path, run: Run, args: tuple[str, ...]
) -> None:
    out = _zh(run, *args)
    assert english(out) == [], out


def test_the_contract_listing_shows_only_its_keys_in_english(example: Path, run: Run) -> None:
    out = _zh(run, "contract")
    assert english(out, _contract_keys(example.parent.parent)) == [], out


@pytest.mark.parametrize("args", CSV, ids=" ".join)
def test_csv_headers_are_chinese(example: Path, run: Run, args: tuple[str, ...]) -> None:
    r = run(*args, "--format", "csv", "--lang", "zh")
    assert r.exit_code in (0, 1), r
    header = r.stdout.lstrip("\ufeff").splitlines()[0]
    assert english(header) == [], header


BAD = [
    ("settel",),
    ("deduct", "--foo"),
    ("deduct", "--quarter"),
    ("deduct", "--quarter", "Q9"),
    ("deduct", "--month", "2022-13"),
    ("record", "attendance", "--shift", "night"),
    ("record", "attendance", "--date", "2022-10-09", "--present", "abc"),
    ("record", "attendance", "--date", "2022-10-09", "--shift", "evening", "--present", "3"),
    ("record", "attendance", "--date", "2022-10-09", "--present", "3", "extra"),
    ("record", "incident", "--date", "2022-10-09", "--penalty", "assessment-deduction"),
    ("record", "incident", "--date", "2022-10-09", "--penalty", "assessment-deduction", "--amount", "20"),
    ("record", "incident", "--date", "2022-10-09", "--penalty", "nosuch"),
    ("roster", "add", "Z001", "--role", "boss", "--degree", "bachelor", "--joined", "2022-03-01"),
    ("balance", "--by", "week"),
    ("settle", "--instalment", "9"),
    ("notices", "--ledger", "nowhere"),
    ("check", "--contract", "missing.yaml"),
    ("close", "--quarter", "Q4"),
    ("void", "nosuch", "--reason", "x"),
    ("record", "payment", "--date", "2022-10-11", "--instalment", "3", "--amount", "abc"),
]
# What the user may type, listed by the refusals beside its Chinese: shifts, roles, degrees,
# penalty keys, --by's choices, formats.
TYPED = {
    *[
        "day",
        "night",
        "duty",
        "seat",
        "team",
        "lead",
        "project",
        "manager",
        "secondary",
        "associate",
        "bachelor",
        "master",
        "doctor",
    ],
    *["month", "quarter", "text", "json", "csv", "md", "html", "xlsx", "final"],
    *["post", "abandonment", "assessment", "deduction", "shortage", "fire", "hazard", "personal", "serious"],
    *["rectification", "overdue", "liquidated", "damages", "confidentiality", "breach"],
}


@pytest.mark.parametrize("args", BAD, ids=" ".join)
def test_refusals_are_chinese(example: Path, run: Run, args: tuple[str, ...]) -> None:
    r = run("--lang", "zh", *args)
    assert r.exit_code in (1, 2), r  # refused, or a bad command line
    # the user's own text comes back, quoted or not; it is theirs, not ours
    said = re.sub(r"'[^'\n]*'|‘[^’\n]*’|“[^”\n]*”", " ", r.output)
    for arg in args:
        said = re.sub(rf"(?<![\w-]){re.escape(arg)}(?![\w-])", " ", said)
    assert english(said, TYPED) == [], r.output


@pytest.mark.parametrize(
    "text",
    [
        "- id: att-2022-10-10-day\n\tkind: attendance\n",
        "- id: att-2022-10-10-day\n  kind: attendance\n  date: 2022-10-10\n  shift: day\n  present: many\n",
        "- id: att-2022-10-10-day\n  kind: attendance\n  date: 2022-10-10\n  shift: day\n  present: 4\n"
        "  colour: red\n",
        "- id: [unclosed\n",
    ],
    ids=["tab", "not-a-number", "unknown-field", "unclosed"],
)
def test_file_problems_are_chinese(blank: Path, run: Run, text: str) -> None:
    (blank / "2022-10.yaml").write_text(text, encoding="utf-8")
    r = run("check", "--lang", "zh")
    assert r.exit_code in (1, 2), r
    said = re.sub(r"'[^'\n]*'", " ", r.output)
    fields = {"id", "kind", "attendance", "date", "shift", "present", "absent", "note"}  # typed in the file
    assert english(said, fields) == [], r.output


def test_contract_problems_are_chinese(project: Path, run: Run) -> None:
    """pydantic's messages (a bad number, a value not among the choices, a key missing or
    unknown) and our validators' own, under --lang zh."""
    path = project / "contracts" / "haidian-hotline-2022.yaml"
    text = path.read_text(encoding="utf-8")
    broken = (
        text.replace("  seats: 48\n", "  seats: many\n  colour: red\n", 1)
        .replace("window: iso-week", "window: fortnight", 1)
        .replace('amount: "2995200.00"', 'amount: "abc"', 1)
    )
    assert broken.count("many") == 1 and "fortnight" in broken and '"abc"' in broken
    path.write_text(broken, encoding="utf-8")
    r = run("check", "--lang", "zh")
    assert r.exit_code in (1, 2), r
    said = re.sub(r"'[^'\n]*'", " ", r.output)
    assert english(said) == [], r.output
    assert "不是整数" in r.output and "不是" in r.output and "未知的键" in r.output, r.output


def test_chinese_is_accepted_for_every_closed_vocabulary(blank: Path, run: Run) -> None:
    for shift, key in (("白班", "day"), ("夜班", "night"), ("值班", "duty")):
        r = run(
            "record", "attendance", "--date", "2022-10-9", "--shift", shift, "--present", "1", "--dry-run"
        )
        assert r.exit_code == 0, r
        assert f"shift: {key}" in r.stdout
    r = run("record", "attendance", "--date", "2022年10月10日", "--present", "48")
    assert r.exit_code == 0 and "att-2022-10-10-day" in r.stdout, r
    r = run(
        "roster",
        "add",
        "Z001",
        "--role",
        "座席",
        "--degree",
        "本科",
        "--joined",
        "2022-03-01",
        "--group",
        "follow-up",
    )
    assert r.exit_code == 0, r
    roster = (blank / "roster.yaml").read_text(encoding="utf-8")
    assert "role: seat\n  degree: bachelor" in roster.split("id: Z001")[1]
    by_quarter = run("balance", "--by", "quarter", "--format", "json").stdout
    assert run("balance", "--by", "季度", "--format", "json").stdout == by_quarter
    q3 = run("deduct", "--quarter", "Q4", "--format", "json").stdout
    for spelled in ("四季度", "第四季度", "第4季度", "2022年第四季度"):
        r = run("deduct", "--quarter", spelled, "--format", "json")
        assert r.exit_code == 0 and r.stdout == q3, (spelled, r)


def test_refusals_list_chinese_and_english_choices(blank: Path, run: Run) -> None:
    r = run(
        "record", "attendance", "--date", "2022-10-09", "--shift", "早班", "--present", "1", "--lang", "zh"
    )
    assert r.exit_code == 2
    assert "day (白班)" in r.output and "night (夜班)" in r.output, r.output


def test_the_contract_word_is_zuoxi() -> None:
    from seatledger.core.i18n import LOCALE_DIR

    po = (LOCALE_DIR / "zh_CN" / "LC_MESSAGES" / "seatledger.po").read_text(encoding="utf-8")
    assert "坐席" not in po
    src = Path(__file__).resolve().parent.parent / "src" / "seatledger"
    assert not [p for p in src.rglob("*.py") if "坐席" in p.read_text(encoding="utf-8")]


@pytest.mark.slow
def test_diff_is_chinese(repo: Path, run: Run) -> None:
    assert run("record", "attendance", "--date", "2022-07-04", "--present", "46").exit_code == 0
    assert (
        run("record", "incident", "--date", "2022-07-05", "--penalty", "脱岗", "--staff", "S001").exit_code
        == 0
    )
    commit(repo, "July")
    month = next(repo.rglob("2022-07.yaml"))
    month.write_text(
        month.read_text(encoding="utf-8").replace("present: 46", "present: 45"), encoding="utf-8"
    )
    commit(repo, "July corrected")
    for revs in (("HEAD~2", "HEAD~1"), ("HEAD~1", "HEAD")):  # records added, then one changed
        for fmt in ("text", "markdown"):
            out = _zh(run, "diff", *revs, "--format", fmt)
            assert english(re.sub(r"HEAD(~\d)?", " ", out)) == [], out  # the revisions typed
        page = repo / "diff.html"
        r = run("diff", *revs, "--format", "html", "-o", str(page), "--lang", "zh")
        assert r.exit_code in (0, 1), r
        text = page_text(page.read_text(encoding="utf-8"))
        assert english(re.sub(r"HEAD(~\d)?", " ", text)) == [], text
    assert "在岗" in text, text  # the changed field, by its word


def test_an_import_dry_run_is_chinese(example: Path, run: Run) -> None:
    """What an import would write and every row it skips, with the reason, in Chinese."""
    out = _zh(run, "import", str(REPO / "examples" / "exports" / "dingtalk-2022-10.xlsx"), "--dry-run")
    assert "白班" in out and english(out) == [], out


# Paper and spreadsheets (issue 20): the page's text without its tags and style, every csv
# value and every xlsx cell, under --lang zh, on the bundled ledger and the troubled one.
PAPER = [
    *[r for r in REPORTS if r[0] not in ("check",)],
    ("settle", "--instalment", "2", "--form", "approval"),
]
SHEETS = [r for r in REPORTS if r[0] != "check"]


class _Text(HTMLParser):
    """The words a page shows: its text and its title attributes, not its style or script."""

    def __init__(self) -> None:
        super().__init__()
        self.parts: list[str] = []
        self._hidden = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in ("style", "script"):
            self._hidden += 1
        self.parts += [v for k, v in attrs if k in ("title", "alt", "aria-label", "placeholder") and v]

    def handle_endtag(self, tag: str) -> None:
        if tag in ("style", "script"):
            self._hidden -= 1

    def handle_data(self, data: str) -> None:
        if not self._hidden:
            self.parts.append(data)


def page_text(html: str) -> str:
    p = _Text()
    p.feed(html)
    return "\n".join(p.parts)


def _file(run: Run, tmp: Path, fmt: str, *args: str) -> Path:
    path = tmp / f"{'-'.join(args)}.{fmt}"
    r = run(*args, "--format", fmt, "-o", str(path), "--lang", "zh")
    assert r.exit_code in (0, 1), r
    assert path.exists(), r
    return path


def cells(path: Path) -> str:
    """Every cell value of every sheet, and the sheet names, a line each."""
    book = openpyxl.load_workbook(path)
    out = list(book.sheetnames)
    for sheet in book.worksheets:
        out += [str(c.value) for row in sheet.iter_rows() for c in row if c.value is not None]
        out += [str(sheet.oddFooter.center.text or ""), str(sheet.oddHeader.center.text or "")]
    # formulas are the sheet's own language, not words for people
    return "\n".join(v for v in out if not v.startswith("="))


@pytest.fixture(params=["example", "troubled"])
def either(request: pytest.FixtureRequest) -> Path:
    return request.getfixturevalue(request.param)  # type: ignore[no-any-return]


@pytest.mark.parametrize("args", PAPER, ids=" ".join)
def test_paper_is_chinese(either: Path, run: Run, tmp_path: Path, args: tuple[str, ...]) -> None:
    text = page_text(_file(run, tmp_path, "html", *args).read_text(encoding="utf-8"))
    assert english(text) == [], text


@pytest.mark.parametrize("args", SHEETS, ids=" ".join)
def test_csv_values_are_chinese(either: Path, run: Run, args: tuple[str, ...]) -> None:
    r = run(*args, "--format", "csv", "--lang", "zh")
    assert r.exit_code in (0, 1), r
    assert english(r.stdout) == [], r.stdout


@pytest.mark.parametrize("args", SHEETS, ids=" ".join)
def test_xlsx_cells_are_chinese(either: Path, run: Run, tmp_path: Path, args: tuple[str, ...]) -> None:
    text = cells(_file(run, tmp_path, "xlsx", *args))
    assert english(text) == [], text


def test_portfolio_is_chinese(example: Path, run: Run, tmp_path: Path) -> None:
    assert english(_zh(run, "portfolio")) == []
    r = run("portfolio", "--format", "csv", "--lang", "zh")
    assert r.exit_code in (0, 1) and english(r.stdout) == [], r.stdout
    assert english(cells(_file(run, tmp_path, "xlsx", "portfolio"))) == []
    html = page_text(_file(run, tmp_path, "html", "portfolio").read_text(encoding="utf-8"))
    assert english(html) == [], html


SERVED = ["/", "/statement", "/deductions", "/attendance", "/roster", "/compliance", "/records", "/history"]


@pytest.mark.slow
def test_served_pages_are_chinese(example: Path) -> None:
    from starlette.testclient import TestClient

    from seatledger.web.server import make_app

    root = example.parent.parent
    git(root, "init", "-q", "-b", "main")
    git(root, "add", "-A")
    git(root, "commit", "-qm", "示例账本")  # a message is the user's text
    client = TestClient(make_app(None, None, "zh"))
    # the link to the English pages, the command the figures match, git's names and author, the contract's
    # group keys; the records page shows each record's fields as written in its file
    allowed = {"English", "settle", "HEAD", "main", "clerk", *_contract_keys(root)}  # clerk: the author
    written = " ".join(p.read_text(encoding="utf-8") for p in example.glob("*.yaml"))
    typed = set(re.findall(r"[A-Za-z]{2,}", written))
    for path in SERVED:
        r = client.get(path, params={"lang": "zh"})
        assert r.status_code == 200, (path, r.text[:300])
        text = page_text(r.text)
        assert english(text, allowed | (typed if path == "/records" else set())) == [], (path, text)
    records = page_text(client.get("/records", params={"lang": "zh", "kind": "attendance"}).text)
    assert "考勤" in records and "\nattendance\n" not in records, records


# Names a Chinese help keeps: programs, formats and encodings, the --lang choices, the import
# profiles typed after --profile, the DD of YYYY-MM-DD.
HELP_NAMES = {
    "Git",
    "SQL",
    "SQLite",
    "Datasette",
    "Windows",
    "GBK",
    "shell",
    "xls",
    "utf",
    "zh",
    "en",
    "DD",
    "gitattributes",
}
HELP_NAMES |= {"dingtalk", "daily", "monthly", "raw", "wecom", "punch"}
HELP = [
    (),
    ("deduct",),
    ("record", "attendance"),
    ("roster", "add"),
    ("import",),
    ("portfolio",),
    ("export",),
]


@pytest.mark.slow
def test_help_is_chinese(example: Path) -> None:
    """The help as the installed program prints it: its texts and placeholders (文件, 日期, [选项])
    are chosen when the commands register, after --lang is read, so a run in this process, whose
    commands registered in English, would not show them."""
    env = {**os.environ, "COLUMNS": "200"}
    commands: set[str] = set()  # the command names, from the top help
    for args in HELP:
        r = subprocess.run(
            [sys.executable, "-m", "seatledger", "--lang", "zh", *args, "--help"],
            capture_output=True,
            text=True,
            env=env,
            check=False,
        )
        assert r.returncode == 0, r
        if not args:
            named = re.findall(r"│ ([a-z][a-z0-9-]+)\s{2}", r.stdout)
            commands |= {word for name in named for word in name.split("-")}
        # quoted and `backticked` text is typed; so are environment variables ($SEATLEDGER_LEDGER)
        said = re.sub(r"'[^'\n]*'|‘[^’\n]*’|“[^”\n]*”|`[^`\n]*`|\$?\b[A-Z]+(?:_[A-Z]+)+\b", " ", r.stdout)
        assert english(said, TYPED | commands | HELP_NAMES) == [], (args, r.stdout)


def test_migrate_is_chinese(example: Path, run: Run) -> None:
    from test_migrate import old_layout

    old_layout(example)
    for args in (
        ("check",),
        ("record", "attendance", "--date", "2022-09-30", "--present", "48", "--replace"),
        ("migrate", "--dry-run"),
        ("migrate",),
        ("migrate",),  # nothing to do
    ):
        out = _zh(run, *args)
        assert english(out, {"git", "add", "commit"}) == [], (args, out)


def test_files_the_tool_starts_carry_chinese_comments(project: Path, run: Run) -> None:
    """A reader of the ledger folder reads Chinese first: each comment the tool writes into a
    file it starts (settings, roster, month headings, .gitignore) has its Chinese."""
    assert run("init", "--recorded-from", "2022-04-01").exit_code == 0
    write_roster(project / LEDGER)
    comments = [
        (path.name, line)
        for path in sorted((project / LEDGER).iterdir())
        if path.is_file()
        for line in path.read_text(encoding="utf-8").splitlines()
        if line.startswith("#") and not line.startswith("# == ") or "  # " in line
    ]
    assert len(comments) >= 14, comments  # settings (2), roster, gitignore, twelve month headings
    assert [c for c in comments if not re.search(r"[\u4e00-\u9fff]", c[1])] == []


SCORE_REPORTS = [
    ("check",),
    ("settle", "--quarter", "Q3", "--as-of", "2025-11-30"),
    ("settle", "--quarter", "Q4", "--as-of", "2026-01-31"),
    ("deduct", "--quarter", "Q4", "--as-of", "2026-01-31"),
    ("balance", "--by", "quarter"),
    ("compliance", "--quarter", "Q3"),
    ("notices",),
]


@pytest.mark.parametrize("args", SCORE_REPORTS, ids=" ".join)
def test_the_score_contract_reads_chinese(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, run: Run, args: tuple[str, ...]
) -> None:
    """Issue 25's contract: service levels, the pay factor, missing figures and the statutory
    clock in Chinese, indicators by their titles (接通率), not their keys."""
    import shutil

    for part in ("contracts", "ledgers"):
        shutil.copytree(REPO / "examples" / part, tmp_path / part)
    monkeypatch.chdir(tmp_path)
    out = _zh(run, *args)
    assert english(out) == [], out
