"""A contract without seats (issue 25): the bundled score-hotline example validates and checks
clean, its money reports run, and what only a seat contract has (attendance, the roster,
check-roster) is refused naming the contract file and the block it lacks, in both languages."""

from __future__ import annotations

import json
import shutil
from decimal import Decimal
from pathlib import Path

import openpyxl
import pytest

from conftest import REPO, SEED, Run, snapshot

EXAMPLES = REPO / "examples"
CONTRACT = "contracts/score-hotline-2025.yaml"
LEDGER = "ledgers/score-hotline-2025"
# The terms: four equal quarterly fees making 1,700,000.00.
FEE = Decimal("1700000.00") / 4
# The example's 2025-Q3 (rules 25, 26; worked by hand in tests/test_score_levels.py): the score
# 86.5 pays 96.5 % of the fee, 14,875.00 less; service levels cost 19,975.00; 390,150.00 is paid.
CUT = (FEE * Decimal("0.035")).quantize(Decimal("0.01"))
DEDUCTED = Decimal("19975.00")
PAID = FEE - CUT - DEDUCTED


@pytest.fixture
def score(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A copy of examples/ (the score contract and its ledger) as the cwd; the ledger folder."""
    shutil.copytree(EXAMPLES / "contracts", tmp_path / "contracts")
    shutil.copytree(EXAMPLES / "ledgers", tmp_path / "ledgers")
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("SEATLEDGER_CONTRACT", raising=False)
    monkeypatch.delenv("SEATLEDGER_LEDGER", raising=False)
    return tmp_path / LEDGER


def _paid_q3(run: Run) -> None:
    for kind in ("invoice", "payment"):
        got = run("record", kind, "--date", "2025-11-05", "--instalment", "1", "--amount", str(PAID))
        assert got.exit_code == 0, got.output


def test_the_example_has_no_staffing_and_checks_clean(score: Path, run: Run) -> None:
    text = (score.parent.parent / CONTRACT).read_text(encoding="utf-8")
    assert "\nstaffing:" not in text and "\npenalties:" not in text
    got = run("check", "--format", "json")
    assert got.exit_code == 0, got.output
    found = json.loads(got.stdout)
    assert found["ok"] and found["errors"] == 0 and found["gaps"] == 0 and found["problems"] == []
    zh = run("--lang", "zh", "check")
    assert zh.exit_code == 0 and CONTRACT in zh.output


def test_settle_q3_shows_the_fee_accrued_and_the_payment(score: Path, run: Run) -> None:
    _paid_q3(run)
    got = run("settle", "--quarter", "2025-Q3", "--as-of", "2025-11-30", "--format", "json")
    assert got.exit_code == 0, got.output
    s = json.loads(got.stdout)
    assert [Decimal(i["amount"]) for i in s["instalments"]] == [FEE, -CUT]
    assert Decimal(s["accrued"]) == FEE - CUT and Decimal(s["deductions"]["total"]) == DEDUCTED
    (due,) = s["due"]
    assert Decimal(due["paid"]) == PAID and [p["date"] for p in due["payments"]] == ["2025-11-05"]
    assert s["complete"] and s["gaps"] == [] and s["findings"] == []
    # The quarter it was paid in: the payment counts against the balance.
    q4 = json.loads(run("settle", "--quarter", "2025-Q4", "--as-of", "2025-12-31", "--format", "json").stdout)
    assert Decimal(q4["paid"]) == PAID
    assert Decimal(q4["closing_balance"]) == Decimal(q4["opening_balance"]) + FEE - PAID
    text = run("settle", "--quarter", "2025-Q3", "--as-of", "2025-11-30").stdout
    assert "425,000.00" in text and "390,150.00" in text and "pay-2025-11-05" in text
    zh = run("--lang", "zh", "settle", "--quarter", "2025-Q3", "--as-of", "2025-11-30").stdout
    assert "叁拾玖万零壹佰伍拾元整" in zh and "pay-2025-11-05" in zh


def test_money_reports_run_in_every_format(score: Path, run: Run, tmp_path: Path) -> None:
    _paid_q3(run)
    q3 = ["--quarter", "2025-Q3"]
    for args in (
        ["deduct", *q3],
        ["balance", "--by", "quarter"],
        ["compliance", *q3],
        ["calendar", "--month", "2025-08"],
        ["notices"],
    ):
        for fmt in ("text", "json", "csv"):
            got = run(*args, "--format", fmt)
            assert got.exit_code == 0, (args, fmt, got.output)
    balance = json.loads(run("balance", "--by", "quarter", "--format", "json").stdout)
    # Only Q3's service levels are recorded: the later quarters' months read as missing (rule 25).
    assert [r["complete"] for r in balance["rows"]] == [True, False, False, False]
    assert [Decimal(r["accrued"]) for r in balance["rows"]] == [FEE - CUT, FEE, FEE, FEE]
    assert [Decimal(r["paid"]) for r in balance["rows"]] == [0, PAID, 0, 0]
    book = tmp_path / "settle.xlsx"
    got = run("settle", "--quarter", "2025-Q3", "--format", "xlsx", "--output", str(book))
    assert got.exit_code == 0, got.output
    cells = [c for ws in openpyxl.load_workbook(book) for row in ws.iter_rows(values_only=True) for c in row]
    assert any(c is not None and Decimal(str(c)) == FEE for c in cells if isinstance(c, (int, float)))
    page = tmp_path / "settle.html"
    got = run("settle", "--quarter", "2025-Q3", "--format", "html", "--output", str(page))
    assert got.exit_code == 0 and "425,000.00" in page.read_text(encoding="utf-8")


def test_compliance_says_there_are_no_counted_duties(score: Path, run: Run) -> None:
    got = run("compliance", "--quarter", "2025-Q3")
    assert got.exit_code == 0 and "the contract sets no counted duties" in got.stdout
    zh = run("--lang", "zh", "compliance", "--quarter", "2025-Q3")
    assert zh.exit_code == 0 and "合同未约定计次工作" in zh.stdout


@pytest.mark.parametrize(
    ("args", "english", "chinese"),
    [
        (
            ["record", "attendance", "--date", "2025-07-01", "--shift", "day", "--present", "5"],
            "recording attendance",
            "记录考勤",
        ),
        (
            [
                "record",
                "demand",
                "--from",
                "2025-07-01",
                "--to",
                "2025-07-02",
                "--shift",
                "day",
                "--required",
                "3",
            ],
            "recording demand",
            "记录需求调整",
        ),
        (
            ["roster", "add", "S001", "--role", "seat", "--degree", "bachelor", "--joined", "2025-07-01"],
            "a roster",
            "花名册",
        ),
        (["check-roster"], "the roster check", "花名册检查"),
        (["import", str(EXAMPLES / "exports" / "dingtalk-2022-10.xlsx")], "an attendance import", "考勤导入"),
    ],
)
def test_seat_commands_are_refused_naming_the_contract_and_the_block(
    score: Path, run: Run, args: list[str], english: str, chinese: str
) -> None:
    before = snapshot(score)
    got = run(*args)
    assert got.exit_code == 1, got.output
    assert CONTRACT in got.output and "no staffing terms" in got.output and "`staffing:`" in got.output
    assert english in got.output
    zh = run("--lang", "zh", *args)
    assert (
        zh.exit_code == 1
        and CONTRACT in zh.output
        and "本合同没有座席条款" in zh.output
        and chinese in zh.output
    )
    assert snapshot(score) == before


def test_a_roster_entry_or_attendance_typed_in_by_hand_is_a_problem(score: Path, run: Run) -> None:
    (score / "roster.yaml").write_text(
        "- id: S001\n  role: seat\n  degree: bachelor\n  joined: 2025-07-01\n", encoding="utf-8"
    )
    month = score / "2025-07.yaml"
    month.write_text(
        month.read_text(encoding="utf-8").replace(
            "# == 2025-07-01 ==\n",
            "# == 2025-07-01 ==\n- id: att-2025-07-01-day\n  kind: attendance\n  date: 2025-07-01\n"
            "  shift: day\n  present: 1\n",
        ),
        encoding="utf-8",
    )
    got = run("check", "--format", "json")
    assert got.exit_code == 1, got.output
    found = {(p["file"], p["record"]): p["message"] for p in json.loads(got.stdout)["problems"]}
    assert "`staffing:`" in found[(f"{LEDGER}/roster.yaml", "S001")]
    assert "attendance" in found[(f"{LEDGER}/2025-07.yaml", "att-2025-07-01-day")]


def _contract_with(tmp_path: Path, run: Run, old: str, new: str, source: Path = SEED) -> tuple[int, str]:
    text = source.read_text(encoding="utf-8")
    assert old in text
    path = tmp_path / "c.yaml"
    path.write_text(text.replace(old, new), encoding="utf-8")
    got = run("contract", "--contract", str(path))
    return got.exit_code, got.output


def test_what_a_contract_without_seats_may_not_hold(tmp_path: Path, run: Run) -> None:
    score = EXAMPLES / CONTRACT
    code, out = _contract_with(
        tmp_path,
        run,
        "settings:\n",
        'penalties:\n  short:\n    title: 缺岗\n    basis: per-person-shift\n    amount: "300.00"\n'
        "    payer: company\n    set_off: true\n    computed: true\n    clause: 第八条\nsettings:\n",
        score,
    )
    assert code == 1 and "penalties.short.computed" in out and "no penalty is priced from attendance" in out
    code, out = _contract_with(
        tmp_path,
        run,
        "termination:\n",
        "amendments:\n  - id: more\n    reference: 补充协议\n    signed: 2025-09-01\n    changes:\n"
        "      seats: 10\ntermination:\n",
        score,
    )
    assert code == 1 and "amendments.0.changes.seats" in out and "no `staffing:` block to change" in out


def test_a_seat_contract_still_needs_its_seat_terms(tmp_path: Path, run: Run) -> None:
    code, out = _contract_with(tmp_path, run, "  shortage_basis: presence", "")
    assert code == 1 and "settings.shortage_basis" in out and "where the contract has `staffing:`" in out
    code, out = _contract_with(tmp_path, run, "    computed: true\n", "")
    assert code == 1 and "exactly one penalty is `computed: true`" in out


def test_a_completion_is_refused_without_a_final_payment(score: Path, run: Run) -> None:
    before = snapshot(score)
    got = run("record", "completion", "--date", "2026-07-10", "--amount", "1000.00")
    assert got.exit_code == 1 and "the contract has no final payment" in got.output
    zh = run("--lang", "zh", "record", "completion", "--date", "2026-07-10", "--amount", "1000.00")
    assert zh.exit_code == 1 and "合同没有尾款" in zh.output
    assert snapshot(score) == before


def test_the_web_pages_offer_no_attendance_or_roster(score: Path, run: Run, tmp_path: Path) -> None:
    """The served pages of a contract without seats link to no attendance or roster page; a
    seat contract's pages still do."""
    import re

    site = tmp_path / "site"
    got = run("serve", "--static", str(site))
    assert got.exit_code == 0, got.output

    def nav(page: Path) -> str:
        text = page.read_text(encoding="utf-8")
        return text[text.index("<nav>") : text.index("</nav>")]

    pages = sorted(site.rglob("statement*.en.html"))
    assert pages, sorted(p.name for p in site.rglob("*.html"))[:10]
    for page in pages:
        links = re.findall(r'href="([^"]+)"', nav(page))
        assert links and not [h for h in links if "attendance" in h or "roster" in h], (page, links)
