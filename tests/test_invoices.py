"""Invoices before payments and the documents that are the basis for payment (rule 15)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from conftest import Run, snapshot

LEDGER = Path("ledgers") / "haidian-hotline-2022"


def ok(run: Run, *args: str) -> None:
    result = run(*args)
    assert result.exit_code == 0, (args, result)


def findings(run: Run) -> list[dict[str, Any]]:
    result = run("check", "--format", "json")
    assert result.exit_code == 0, result  # findings do not fail check
    return [p for p in json.loads(result.stdout)["problems"] if p["code"] == "uninvoiced"]


def test_a_payment_ahead_of_its_invoices_is_a_finding(blank: Path, run: Run) -> None:
    """1,641,000.00 paid on 2022-08-01 against invoices of 1,000,000.00 on 07-25 and
    641,000.00 on 08-02: by the payment's day 1,000,000.00 was invoiced, so 641,000.00 was paid
    uninvoiced: one finding. Once the second invoice is in, nothing is uninvoiced now."""
    ok(run, "record", "invoice", "--date", "2022-07-25", "--instalment", "2", "--amount", "1000000")
    ok(run, "record", "payment", "--date", "2022-08-01", "--instalment", "2", "--amount", "1641000")
    ok(run, "record", "invoice", "--date", "2022-08-02", "--instalment", "2", "--amount", "641000")
    (finding,) = findings(run)
    assert finding["message"].startswith("paid 641000.00 without an invoice covering it")
    s = json.loads(run("settle", "--quarter", "Q3", "--format", "json").stdout)
    inv = next(c for c in s["invoices"] if c["instalment"] == 2)
    assert (inv["invoiced"], inv["paid"], inv["paid_uninvoiced"]) == ("1641000.00", "1641000.00", "0.00")
    as_of = json.loads(run("settle", "--quarter", "Q3", "--as-of", "2022-08-01", "--format", "json").stdout)
    assert next(c for c in as_of["invoices"] if c["instalment"] == 2)["paid_uninvoiced"] == "641000.00"


def test_invoices_after_the_payment_and_more_than_owed(blank: Path, run: Run) -> None:
    """A payment on 2022-04-20 with no invoice before it is a finding; invoices of 999.00 and
    then 5,000,000.00 come to more than instalment 1's 1,641,000.00: the second is refused."""
    ok(run, "record", "payment", "--date", "2022-04-20", "--instalment", "1", "--amount", "1641000")
    ok(run, "record", "invoice", "--date", "2022-04-25", "--instalment", "1", "--amount", "999")
    (finding,) = findings(run)
    assert "paid 1641000.00 without an invoice" in finding["message"]
    before = snapshot(blank)
    result = run("record", "invoice", "--date", "2022-04-26", "--instalment", "1", "--amount", "5000000")
    assert result.exit_code == 1 and "more than its 1641000.00" in result.stderr
    assert snapshot(blank) == before


def test_the_documents_missing_for_an_instalment_requested(blank: Path, run: Run) -> None:
    """The contract lists staffing, assets and reports (八). Instalment 2 requested with only
    the staffing report received: assets and reports are missing. Instalment 3, not yet
    requested, lists none."""
    ok(run, "record", "request", "--date", "2022-07-01", "--instalment", "2")
    ok(run, "record", "document", "--date", "2022-07-01", "--instalment", "2", "--kind", "staffing")
    s = json.loads(run("settle", "--instalment", "3", "--format", "json").stdout)
    missing = {c["instalment"]: c["missing_documents"] for c in s["invoices"]}
    assert missing == {1: [], 2: ["assets", "reports"], 3: []}
    assert (
        "missing: 资产管理情况、各类报告和总结" in run("settle", "--instalment", "3").stdout
    )  # by their titles
    before = snapshot(blank)
    result = run("record", "document", "--date", "2022-07-01", "--instalment", "2", "--kind", "photos")
    assert result.exit_code == 1 and "not a document the contract lists" in result.stderr
    assert "staffing (座席员管理情况), assets (资产管理情况), reports (各类报告和总结)" in result.stderr
    assert snapshot(blank) == before


def test_invoices_and_documents_count_from_their_own_day(blank: Path, run: Run) -> None:
    """As of 2022-07-05, the day of the request, the invoice and one document: instalment 2
    is invoiced 1,000.00, requested, and misses only assets and reports; a document received
    for instalment 1 does not count for instalment 2. A period ending on 2022-07-01 (the day
    instalment 2 starts) lists instalment 2."""
    ok(run, "record", "request", "--date", "2022-07-05", "--instalment", "2")
    ok(run, "record", "invoice", "--date", "2022-07-05", "--instalment", "2", "--amount", "1000")
    ok(run, "record", "document", "--date", "2022-07-05", "--instalment", "2", "--kind", "staffing")
    ok(run, "record", "document", "--date", "2022-07-05", "--instalment", "1", "--kind", "assets")
    s = json.loads(run("settle", "--quarter", "Q3", "--as-of", "2022-07-05", "--format", "json").stdout)
    two = next(c for c in s["invoices"] if c["instalment"] == 2)
    assert (two["invoiced"], two["missing_documents"]) == ("1000.00", ["assets", "reports"])
    early = json.loads(run("settle", "--from", "2022-06-01", "--to", "2022-07-01", "--format", "json").stdout)
    assert [c["instalment"] for c in early["invoices"]] == [1, 2]


def test_the_statement_shows_its_findings_beside_the_figures(blank: Path, run: Run, tmp_path: Path) -> None:
    """Rule 13: the uninvoiced payment of the period and a notice still open at the as-of date
    stand in the statement itself (text, JSON and the printed page), not only in `check`."""
    ok(run, "record", "invoice", "--date", "2022-07-25", "--instalment", "2", "--amount", "1000000")
    ok(run, "record", "payment", "--date", "2022-08-01", "--instalment", "2", "--amount", "1641000")
    ok(run, "record", "notice", "--date", "2022-09-05", "--clause", "十(2)", "--cure-by", "2022-10-20")
    s = json.loads(run("settle", "--quarter", "Q3", "--format", "json").stdout)
    found = [f["finding"] for f in s["findings"]]
    assert any(
        f.startswith("2022-08-01: paid 641000.00 on instalment 2 without an invoice") for f in found
    ), found
    assert any(f.startswith("notice ntc-2022-09-05-") and "cure by 2022-10-20" in f for f in found), found
    pay = next(f for f in s["findings"] if f["finding"].startswith("2022-08-01"))
    assert pay["record"].startswith("pay-2022-08-01-")
    text = run("settle", "--quarter", "Q3").stdout
    assert "Findings beside the figures (rule 13)" in text and "without an invoice" in text
    assert "无发票覆盖" in run("settle", "--quarter", "Q3", "--lang", "zh").stdout
    page = tmp_path / "q3.html"
    ok(run, "settle", "--quarter", "Q3", "--format", "html", "--output", str(page))
    html = page.read_text(encoding="utf-8")
    assert "Findings beside the figures (rule 13)" in html and "cure by 2022-10-20" in html
    # Q4's statement does not carry Q3's payment.
    q4 = json.loads(run("settle", "--quarter", "Q4", "--as-of", "2022-10-01", "--format", "json").stdout)
    assert not any("without an invoice" in f["finding"] for f in q4["findings"])
