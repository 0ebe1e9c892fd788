"""Two languages through the real CLI: `--lang zh` or a zh_* locale makes every command's
output and errors Chinese; JSON stays as it is; the catalogues are complete and compiled."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import REPO, Run
from seatledger.core.i18n import language_from_env


def cli(*args: str, cwd: Path, **env: str) -> subprocess.CompletedProcess[str]:
    full = dict(os.environ, COLUMNS="120", **env)
    return subprocess.run(
        [sys.executable, "-c", "from seatledger.cli.main import main; main()", *args],
        cwd=cwd,
        capture_output=True,
        text=True,
        env=full,
    )


def test_the_catalogues_hold_every_message_translated_and_compiled() -> None:
    if REPO.name == "mutants":  # mutmut's copy of src holds every mutant's strings
        pytest.skip("the catalogue is checked against the real source, not mutmut's copy")
    proc = subprocess.run(
        [sys.executable, str(REPO / "scripts" / "i18n.py"), "check"], capture_output=True, text=True
    )
    assert proc.returncode == 0, proc.stdout + proc.stderr


@pytest.mark.parametrize(
    ("env", "lang"),
    [
        ({"LANG": "zh_CN.UTF-8"}, "zh"),
        ({"LC_ALL": "zh_TW.UTF-8", "LANG": "en_US.UTF-8"}, "zh"),
        ({"LANGUAGE": "zh_CN:en", "LANG": "C"}, "zh"),
        ({"LANG": "en_GB.UTF-8"}, "en"),
        ({"LANG": "C.UTF-8"}, "en"),
        ({}, "en"),
        ({"LANGUAGE": "en", "LANG": "zh_CN.UTF-8"}, "en"),
    ],
)
def test_the_locale_chooses_the_language(env: dict[str, str], lang: str) -> None:
    assert language_from_env(env) == lang


@pytest.fixture
def recorded(blank: Path, run: Run) -> Path:
    assert run("record", "attendance", "--date", "2022-10-10", "--present", "48").exit_code == 0
    assert (
        run(
            "record", "incident", "--date", "2022-10-10", "--penalty", "post-abandonment", "--staff", "S001"
        ).exit_code
        == 0
    )
    return blank


# (arguments, a Chinese phrase the output must hold, an English phrase it must not)
COMMANDS = [
    (("check", "--allow-gaps"), "缺漏", "gap:"),
    (("deduct", "--month", "2022-10"), "扣罚项", "By penalty"),
    (("settle", "--quarter", "Q4"), "期末甲方应付余额", "closing balance"),
    (("balance", "--by", "month"), "甲方应付余额", "Balance owed"),
    (("check-roster", "--date", "2022-10-10"), "人员配置", "roster compliant"),
    (("compliance", "--quarter", "Q4"), "计次工作", "Counted duties"),
    (("notices",), "整改通知", "Notices to cure"),
    (("calendar", "--month", "2022-10"), "工作日", "working days"),
    (("contract",), "违约扣罚项", "Penalties"),
    (
        ("record", "incident", "--date", "2022-10-11", "--penalty", "脱岗", "--staff", "S002", "--dry-run"),
        "试运行",
        "dry run",
    ),
    (
        ("record", "incident", "--date", "2022-10-11", "--penalty", "nosuch"),
        "不是合同中的扣罚项",
        "is not a penalty",
    ),
    (
        ("record", "payment", "--date", "2022-10-11", "--instalment", "9", "--amount", "1"),
        "不是期款",
        "is not an instalment",
    ),
    (("settle", "--quarter", "Q9"), "请写 Q1..Q4", "write Q1..Q4"),
    (("void", "nosuch", "--reason", "x"), "已拒绝", "refused"),
    (
        ("record", "attendance", "--date", "2022-13-01", "--present", "48"),
        "不是真实存在的日期",
        "not a real calendar date",
    ),
    (("fmt", "--check"), "规范格式", "canonical form"),
]


@pytest.mark.parametrize(("args", "zh", "en"), COMMANDS, ids=[" ".join(c[0][:2]) for c in COMMANDS])
def test_every_command_speaks_chinese_with_lang_zh_and_english_without(
    recorded: Path, run: Run, args: tuple[str, ...], zh: str, en: str
) -> None:
    chinese = run(*args, "--lang", "zh")
    assert zh in chinese.output, chinese
    assert en not in chinese.output, chinese
    english = run(*args)
    assert zh not in english.output, english
    assert chinese.exit_code == english.exit_code


def test_a_zh_locale_makes_help_and_errors_chinese(recorded: Path) -> None:
    project = recorded.parent.parent
    help_text = cli("settle", "--help", cwd=project, LANG="zh_CN.UTF-8").stdout
    assert "某期款期间的结算单" in help_text and "选项" in help_text and "期间" in help_text
    assert "The statement for" not in help_text
    bad = cli("settle", "--quarter", "Q9", cwd=project, LANG="zh_CN.UTF-8")
    assert bad.returncode == 2 and "有效值" in bad.stderr
    unknown = cli("nosuch", cwd=project, LANG="zh_CN.UTF-8")
    assert unknown.returncode == 2 and "没有命令" in unknown.stderr
    english = cli("settle", "--help", cwd=project, LANG="C.UTF-8").stdout
    assert "The statement for" in english


def test_json_stays_english_in_chinese(recorded: Path, run: Run) -> None:
    zh = run("check", "--format", "json", "--lang", "zh")
    en = run("check", "--format", "json")
    assert zh.stdout == en.stdout
    assert json.loads(zh.stdout)["problems"][0]["message"].startswith("gap:")
    assert (
        run("settle", "--quarter", "Q4", "--format", "json", "--lang", "zh").stdout
        == run("settle", "--quarter", "Q4", "--format", "json").stdout
    )


def test_chinese_titles_name_keys_and_refusals_list_them(blank: Path, run: Run) -> None:
    ok = run("record", "incident", "--date", "2022-10-10", "--penalty", "脱岗", "--staff", "S001")
    assert ok.exit_code == 0, ok
    assert "penalty: post-abandonment" in (blank / "2022-10.yaml").read_text(encoding="utf-8")
    ambiguous = run("record", "incident", "--date", "2022-10-10", "--penalty", "消防")
    assert ambiguous.exit_code == 2
    assert "fire-hazard-personal (人为造成消防安全隐患" in ambiguous.stderr
    typo = run(
        "record",
        "payment",
        "--date",
        "2022-10-20",
        "--instalment",
        "3",
        "--amount",
        "100",
        "--excused",
        "财政",
    )
    assert typo.exit_code == 0, typo
    assert "excused: fiscal-allocation" in (blank / "2022-10.yaml").read_text(encoding="utf-8")
    wrong = run("record", "incident", "--date", "2022-10-10", "--penalty", "late")
    assert "post-abandonment (座席员无故脱岗、空岗)" in wrong.stderr


def test_dates_in_three_spellings_are_the_same_day(blank: Path, run: Run) -> None:
    for spelled in ("2022/10/10", "2022年10月10日", "２０２２-10-10"):
        r = run("record", "attendance", "--date", spelled, "--present", "48", "--replace")
        assert r.exit_code == 0, r
        assert "att-2022-10-10-day" in r.stdout
    assert run("deduct", "--month", "2022年10月").exit_code == 0


def test_contract_lists_keys_titles_rates_and_clauses(project: Path, run: Run) -> None:
    data = json.loads(run("contract", "--format", "json").stdout)
    penalties = {t["key"]: t for t in data["terms"] if t["section"] == "penalties"}
    assert penalties["post-abandonment"]["title"] == "座席员无故脱岗、空岗"
    assert penalties["post-abandonment"]["rate"] == "1,000.00 per-occurrence"
    assert penalties["assessment-deduction"]["rate"] == "1,000.00..10,000.00 per-case"
    sections = {t["section"] for t in data["terms"]}
    assert sections >= {"penalties", "duties", "instalments", "excuses", "groups", "settings"}
    text = run("contract", "--lang", "zh").stdout
    assert "座席员无故脱岗、空岗" in text and "三(一)7" in text and "1,641,000.00" in text


def test_version_and_completion(project: Path) -> None:
    version = cli("--version", cwd=project)
    assert version.returncode == 0 and version.stdout.startswith("seatledger 0.")
    completion = cli(
        "--show-completion", "bash", cwd=project, _TYPER_COMPLETE_TEST_DISABLE_SHELL_DETECTION="1"
    )
    assert "complete" in completion.stdout, completion


def test_an_empty_heading_is_not_the_catalogue_header(example: Path, run: Run) -> None:
    """gettext("") is the catalogue's header: the running balance's unnamed column printed
    'Project-Id-Version ...' in Chinese until `_` left empty text alone."""
    out = cli("balance", "--by", "month", "--lang", "zh", cwd=example.parent.parent).stdout
    assert "累计" in out and "Project-Id-Version" not in out and "Content-Type" not in out
