"""The payment meeting's paper and spreadsheets, from the bundled example through the real CLI:
the printable statement printed to PDF by headless Chromium and read back with pdftotext and
pdftoppm. The workbooks are tested in test_workbooks.py."""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
from decimal import Decimal
from pathlib import Path

import pytest

from conftest import REPO, Run

# Headless Chromium, pdftotext/pdftoppm and xlsx workbooks written and read back.
pytestmark = pytest.mark.slow

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")


@pytest.fixture
def example(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    shutil.copytree(REPO / "contracts", tmp_path / "contracts")
    shutil.copytree(REPO / "ledgers", tmp_path / "ledgers")
    monkeypatch.chdir(tmp_path)
    return tmp_path


def browser() -> str:
    if CHROMIUM is None or not shutil.which("pdftotext") or not shutil.which("pdftoppm"):
        if os.environ.get("CI"):
            pytest.fail("CI must have chromium and poppler-utils (.ci/run installs them)")
        pytest.skip("no chromium or poppler-utils on this machine (CI installs them)")
    return CHROMIUM


def print_to_pdf(page: Path, tmp: Path) -> Path:
    pdf = page.with_suffix(".pdf")
    subprocess.run(
        [
            browser(),
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--disable-quic",
            "--no-first-run",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            f"--user-data-dir={tmp / 'chromium'}",
            "--no-pdf-header-footer",
            f"--print-to-pdf={pdf}",
            page.as_uri(),
        ],
        check=True,
        capture_output=True,
        timeout=120,
    )
    return pdf


def pdf_text(pdf: Path) -> str:
    return subprocess.run(
        ["pdftotext", "-layout", str(pdf), "-"], check=True, capture_output=True, text=True
    ).stdout


def grouped(amount: str) -> str:
    return f"{Decimal(amount):,.2f}"


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_the_q3_statement_prints_with_its_balance_and_amount_to_pay_in_capitals(
    example: Path, run: Run, tmp_path: Path, lang: str
) -> None:
    figures = json.loads(run("settle", "--quarter", "Q3", "--format", "json").stdout)
    page = tmp_path / "q3.html"
    result = run("settle", "--quarter", "Q3", "--format", "html", "--output", str(page), "--lang", lang)
    assert result.exit_code == 0, result
    html = page.read_text(encoding="utf-8")
    assert "<script" not in html and "src=" not in html and "href=" not in html
    assert "<svg" in html and "@page" in html and "size: A4" in html
    text = pdf_text(print_to_pdf(page, tmp_path))
    squeezed = text.replace(" ", "")
    for figure in ("closing_balance", "next_payment", "late_interest"):
        assert grouped(figures[figure]) in text, figure
    assert figures["closing_balance_capitals"] in squeezed
    assert figures["next_payment_capitals"] in squeezed
    assert "北京市海淀区城市管理指挥中心" in squeezed and "北京融通润园科技有限公司" in squeezed
    if lang == "zh":
        assert "期末甲方应付余额" in squeezed and "（盖章）" in squeezed and "签字" in squeezed
    else:
        assert "closing balance owed by Party A" in text and "(seal)" in text
    count = re.search(r"1/(\d+)", squeezed)  # page numbers from the print CSS, on every page
    assert count is not None and f"{count[1]}/{count[1]}" in squeezed, squeezed
    finding = "与金额相关的发现" if lang == "zh" else "Findingsbesidethefigures"  # rule 13
    assert finding in squeezed.replace("\n", "")
    assert all(sheet.strip() for sheet in text.split("\f")[: int(count[1])])  # no blank page
    pages = tmp_path / "page"
    subprocess.run(["pdftoppm", "-r", "40", "-png", str(page.with_suffix(".pdf")), str(pages)], check=True)
    pngs = sorted(tmp_path.glob("page*.png"))
    assert 1 <= len(pngs) <= 4
    assert all(p.stat().st_size > 2_000 for p in pngs)  # a page with content, not blank


@pytest.mark.parametrize("args", [("deduct", "--quarter", "Q3"), ("balance", "--by", "month")])
def test_deductions_and_balance_pages_print_too(
    example: Path, run: Run, tmp_path: Path, args: tuple[str, ...]
) -> None:
    data = json.loads(run(*args, "--format", "json").stdout)
    page = tmp_path / "page.html"
    assert run(*args, "--format", "html", "-o", str(page), "--lang", "zh").exit_code == 0
    text = pdf_text(print_to_pdf(page, tmp_path))
    if args[0] == "deduct":
        assert grouped(data["total"]) in text and "扣乙方款合计" in text.replace(" ", "")
    else:
        assert grouped(data["rows"][-1]["running"]) in text


def test_html_and_xlsx_need_an_output_file(example: Path, run: Run) -> None:
    for fmt in ("html", "xlsx"):
        result = run("settle", "--quarter", "Q3", "--format", fmt)
        assert result.exit_code == 2 and "--output" in result.stderr


def test_csv_headers_follow_the_language_and_end_in_a_total(example: Path, run: Run) -> None:
    zh = run("deduct", "--quarter", "Q3", "--format", "csv", "--lang", "zh").stdout
    assert zh.startswith("\ufeff日期,名称,条款")  # under zh the title names the penalty, not its key
    data = json.loads(run("deduct", "--quarter", "Q3", "--format", "json").stdout)
    assert zh.splitlines()[-1].startswith("合计,") and data["total"] in zh.splitlines()[-1]
    settle = run("settle", "--quarter", "Q3", "--format", "csv").stdout
    assert "closing balance owed by Party A,-12400.00,负壹万贰仟肆佰元整" in settle
