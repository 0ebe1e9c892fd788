"""The statutory payment clock (rule 23): 保障中小企业款项支付条例 by the text in force on each
date. The article numbers are those of the published texts: 国务院令第728号 (in force
2020-09-01) puts the interest floor in art. 15; 国务院令第802号 (in force 2025-06-01) in art.
17, the 60-day limit in art. 9 and the audit in art. 12."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

from conftest import SEED, Run, write_roster
from seatledger.rules.payment_law import VERSIONS, article

LEDGER = Path("ledgers") / "haidian-hotline-2022"
R728 = "保障中小企业款项支付条例 (国务院令第728号) art. "
R802 = "保障中小企业款项支付条例 (国务院令第802号) art. "
PAYMENT = """payment:
  clause: 九
  days_after: 90
  counted_from: acceptance
  depends_on_audit: true
"""


def test_the_article_of_the_text_in_force_on_the_day() -> None:
    assert article("interest-floor", date(2025, 5, 31)) == R728 + "15"
    assert article("interest-floor", date(2025, 6, 1)) == R802 + "17"
    assert article("undisputed", date(2025, 6, 1)) == R802 + "15"
    assert article("undisputed", date(2025, 5, 31)) is None  # the 2020 text has none
    assert article("interest-floor", date(2020, 8, 31)) is None  # before the 2020 text


def test_both_texts_as_data() -> None:
    """Each text's decree, the day it came into force and its article for each duty: the
    days (728号 art. 8, 802号 art. 9), the clock from acceptance (art. 9, art. 10), the audit
    (art. 11, art. 12), the undisputed part (802号 art. 15 only), the floor (art. 15, art. 17)."""
    assert [(v.decree, v.in_force, v.articles) for v in VERSIONS] == [
        (
            "国务院令第728号",
            date(2020, 9, 1),
            {"payment-term": 8, "acceptance": 9, "audit": 11, "interest-floor": 15},
        ),
        (
            "国务院令第802号",
            date(2025, 6, 1),
            {"payment-term": 9, "acceptance": 10, "audit": 12, "undisputed": 15, "interest-floor": 17},
        ),
    ]
    assert article("acceptance", date(2025, 5, 31)) == R728 + "9"
    assert article("acceptance", date(2025, 6, 1)) == R802 + "10"


def sme(project: Path, shift_years: int = 0, extra: str = "") -> None:
    """The seed with Party B an SME, an LPR at signing of 3.70 %, its dates moved on."""
    contract = project / "contracts" / SEED.name
    text = contract.read_text(encoding="utf-8")
    if shift_years:
        text = text.replace("2023-", f"{2023 + shift_years}-").replace("2022-", f"{2022 + shift_years}-")
    text = text.replace(
        "    name: 北京融通润园科技有限公司\n", "    name: 北京融通润园科技有限公司\n    sme: true\n"
    )
    text = text.replace("  day_basis: 360\n", '  day_basis: 360\n  lpr_at_signing: "3.70"\n')
    contract.write_text(text + extra, encoding="utf-8")


def findings(project: Path, run: Run, recorded_from: str) -> list[dict[str, str]]:
    assert run("init", "--recorded-from", recorded_from).exit_code == 0
    write_roster(project / LEDGER)
    check = run("check", "--format", "json")
    assert check.exit_code == 0, check  # findings do not fail check
    return [p for p in json.loads(check.stdout)["problems"] if p["severity"] == "warning"]


def test_the_2022_contract_cites_the_2020_text(project: Path, run: Run) -> None:
    """A term of 2022-04-01..2023-03-31 lies under 728号: the floor is its art. 15, 90 days
    after acceptance breaks its 60-day limit, and an agreed audit condition is no finding
    (its art. 11 let the contract agree one)."""
    sme(project, extra=PAYMENT)
    found = {p["code"]: p["message"] for p in findings(project, run, "2022-04-01")}
    assert R728 + "15" in found["interest-floor"] and "802" not in found["interest-floor"]
    assert "90 days" in found["payment-term"] and R728 + "8" in found["payment-term"]
    assert "audit-settlement" not in found


def test_a_term_across_2025_06_01_cites_each_text_for_its_dates(project: Path, run: Run) -> None:
    """Moved three years on, the term 2025-04-01..2026-03-31 crosses the revision: the floor
    is art. 15 until 2025-05-31 and art. 17 from 2025-06-01; the 90 days break art. 8, then
    art. 9; the audit condition is a finding from 2025-06-01 only, under art. 12."""
    sme(project, shift_years=3, extra=PAYMENT)
    found = findings(project, run, "2025-04-01")
    (floor,) = [p["message"] for p in found if p["code"] == "interest-floor"]
    assert f"{R728}15, for 2025-04-01..2025-05-31; {R802}17, for 2025-06-01..2026-03-31" in floor
    terms = [p["message"] for p in found if p["code"] == "payment-term"]
    assert [R728 + "8, for 2025-04-01..2025-05-31" in m for m in terms] == [True, False]
    assert R802 + "9, for 2025-06-01..2026-03-31" in terms[1]
    (audit,) = [p for p in found if p["code"] == "audit-settlement"]
    assert audit["field"] == "payment.depends_on_audit"
    assert R802 + "12, for 2025-06-01..2026-03-31" in audit["message"]


def test_acceptance_without_an_agreed_acceptance_period_is_a_finding(project: Path, run: Run) -> None:
    """Both texts ask the parties to agree the acceptance period (728号 art. 9, 802号 art.
    10); PAYMENT waits for acceptance and agrees none. With 15 days agreed, no finding."""
    sme(project, shift_years=3, extra=PAYMENT)
    found = [p for p in findings(project, run, "2025-04-01") if p["code"] == "acceptance-period"]
    assert [p["field"] for p in found] == ["payment.acceptance_days"] * 2
    assert R728 + "9, for 2025-04-01..2025-05-31" in found[0]["message"]
    assert R802 + "10, for 2025-06-01..2026-03-31" in found[1]["message"]


def test_an_agreed_acceptance_period_raises_no_such_finding(project: Path, run: Run) -> None:
    sme(project, shift_years=3, extra=PAYMENT + "  acceptance_days: 15\n")
    assert "acceptance-period" not in {p["code"] for p in findings(project, run, "2025-04-01")}


def test_terms_within_the_limit_raise_nothing(project: Path, run: Run) -> None:
    """60 days is the limit itself, and 15 working days after a request is within it."""
    sme(project, shift_years=3, extra=PAYMENT.replace("90", "60").replace("true", "false"))
    codes = {p["code"] for p in findings(project, run, "2025-04-01")}
    assert "interest-floor" in codes and not codes & {"payment-term", "audit-settlement"}


def test_a_supplier_not_known_to_be_an_sme_raises_nothing(project: Path, run: Run) -> None:
    contract = project / "contracts" / SEED.name
    contract.write_text(contract.read_text(encoding="utf-8") + PAYMENT, encoding="utf-8")
    codes = {p["code"] for p in findings(project, run, "2022-04-01")}
    assert not codes & {"payment-term", "acceptance-period", "audit-settlement", "interest-floor"}


def test_the_findings_in_chinese(project: Path, run: Run) -> None:
    sme(project, shift_years=3, extra=PAYMENT)
    findings(project, run, "2025-04-01")
    out = run("check", "--lang", "zh").output
    assert "《保障中小企业款项支付条例》（国务院令第802号）第 12 条，适用于 2025-06-01..2026-03-31" in out
    assert "《保障中小企业款项支付条例》（国务院令第728号）第 15 条" in out
    assert "settlement waits" not in out and "art." not in out


def test_a_statement_shows_the_findings_of_its_own_dates(project: Path, run: Run) -> None:
    """Beside the figures (rule 13): the statement of 2025-04..06 (the term's first quarter,
    Q2) touches both texts, that of 2025-07..09 (Q3) only 802号."""
    sme(project, shift_years=3, extra=PAYMENT)
    findings(project, run, "2025-04-01")

    def shown(quarter: str) -> list[str]:
        s = run("settle", "--quarter", quarter, "--format", "json")
        assert s.exit_code == 0, s
        return [f["finding"] for f in json.loads(s.stdout)["findings"] if "rule 23" in f["finding"]]

    q2, q3 = shown("Q2"), shown("Q3")
    assert any(R728 + "8, for 2025-04-01..2025-05-31" in f for f in q2)
    assert any(R802 + "12, for 2025-06-01..2026-03-31" in f for f in q2)
    assert not any("728" in f for f in q3)
    assert any(R802 + "12" in f for f in q3) and any(R802 + "9" in f for f in q3)


def test_a_finding_names_the_contract_file_and_no_line(project: Path, run: Run) -> None:
    """The finding is about the contract as a whole text in force, not one line of it: check
    names the contract's file and line 0 (from the mutation run of 2026-12-03)."""
    sme(project, extra=PAYMENT)
    found = [p for p in findings(project, run, "2022-04-01") if p["code"] == "payment-term"]
    assert [(p["file"], p["line"], p["field"]) for p in found] == [
        (f"contracts/{SEED.name}", 0, "payment.days_after")
    ]
