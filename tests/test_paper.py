"""Paper that foots: every html report printed to PDF by headless Chromium in both languages
and read back with `pdftotext -layout`. Each total (a row starting "=") must be the sum of the
figures of the rows above it, added up here from the text of the page; every money figure of
the report's JSON must be on the page; the approval form is one A4 page. On the bundled ledger
and on an incomplete one (Q4, with no attendance recorded)."""

from __future__ import annotations

import html
import json
import re
import subprocess
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest

from conftest import Run
from test_printed import example, pdf_text, print_to_pdf  # noqa: F401 (example is a fixture)

pytestmark = pytest.mark.slow

MONEY = re.compile(r"(?<![\d.,])-?\d{1,3}(?:,\d{3})*\.\d{2}(?![\d%])")


def figures(line: str) -> list[Decimal]:
    return [Decimal(m.replace(",", "")) for m in MONEY.findall(line)]


def headings(page: str) -> set[str]:
    """The page's headings, without spaces: where one table ends and the next begins."""
    found = re.findall(r"<h[12]>(.*?)</h[12]>", page)
    return {html.unescape(h).replace(" ", "") for h in found}


def check_totals(text: str, heads: set[str]) -> int:
    """Assert every "=" row equals the sum above it since the last heading or total; the
    number of totals checked. A one-figure total adds the rightmost figure of each row (the
    amount column is the last money column); a wider one adds its columns, left to right."""
    rows: list[list[Decimal]] = []
    checked = 0
    for line in text.splitlines():
        bare = line.strip()
        if bare.replace(" ", "") in heads:
            rows = []
            continue
        if bare.startswith("= "):
            total = figures(bare)
            assert total, f"a total without a figure: {bare!r}"
            if len(total) == 1:
                added = [sum((r[-1] for r in rows if r), Decimal("0.00"))]
            else:
                added = [sum((r[j] for r in rows if len(r) > j), Decimal("0.00")) for j in range(len(total))]
            assert added == total, f"{bare!r} is not the sum of the rows above it: {added}"
            checked += 1
            rows = []
            continue
        rows.append(figures(bare))
    return checked


def money_in(value: Any) -> set[str]:
    """Every money figure of a JSON value, as printed on a page (grouped)."""
    if isinstance(value, dict):
        return set().union(*(money_in(v) for v in value.values())) if value else set()
    if isinstance(value, list):
        return set().union(*(money_in(v) for v in value)) if value else set()
    if isinstance(value, str) and re.fullmatch(r"-?\d+\.\d{2}", value):
        return {f"{Decimal(value):,.2f}"}
    return set()


def printed(run: Run, tmp_path: Path, args: tuple[str, ...], lang: str, name: str) -> tuple[str, str, Path]:
    page = tmp_path / f"{name}-{lang}.html"
    result = run(*args, "--format", "html", "-o", str(page), "--lang", lang)
    assert result.exit_code in (0, 1), result
    pdf = print_to_pdf(page, tmp_path)
    return page.read_text(encoding="utf-8"), pdf_text(pdf), pdf


REPORTS = [
    ("settle", "--quarter", "Q3"),
    ("settle", "--quarter", "Q4"),  # incomplete: no attendance recorded after September
    ("settle", "--final"),  # the whole term: three pages
    ("deduct", "--quarter", "Q3"),
    ("deduct", "--quarter", "Q4"),
    ("balance", "--by", "month"),  # incomplete from October
]

# the totals each page has at least: statement (closing balance, amount to pay, interest,
# deductions), deductions (by penalty, by record), balance (its columns)
TOTALS = {"settle": 4, "deduct": 2, "balance": 1}


@pytest.mark.parametrize("lang", ["zh", "en"])
@pytest.mark.parametrize("args", REPORTS, ids=" ".join)
def test_every_total_foots_and_every_json_figure_is_on_the_page(
    example: Path,  # noqa: F811
    run: Run,
    tmp_path: Path,
    args: tuple[str, ...],
    lang: str,
) -> None:
    data = json.loads(run(*args, "--format", "json").stdout)
    page, text, _pdf = printed(run, tmp_path, args, lang, args[0])
    assert check_totals(text, headings(page)) >= TOTALS[args[0]]
    missing = sorted(f for f in money_in(data) if f not in text)
    assert not missing, f"figures of the JSON not on the page: {missing}"
    squeezed = text.replace(" ", "")
    last = [sheet for sheet in text.split("\f") if sheet.strip()][-1].replace(" ", "")
    chart = "按月累计余额与扣款" if lang == "zh" else "Runningbalanceanddeductionsbymonth"
    assert chart in last, "the signature blocks stand alone on the last page"
    if not data["complete"]:
        warn = "金额不完整" if lang == "zh" else "INCOMPLETE"
        assert warn in squeezed and squeezed.find(warn) < squeezed.find("\n="), "not said at the top"


def test_the_q3_statement_shows_interest_payment_by_payment_and_the_amount_to_pay_adds_up(
    example: Path,  # noqa: F811
    run: Run,
    tmp_path: Path,
) -> None:
    data = json.loads(run("settle", "--quarter", "Q3", "--format", "json").stdout)
    _page, text, pdf = printed(run, tmp_path, ("settle", "--quarter", "Q3"), "zh", "q3")
    lines = text.splitlines()
    second = next(d for d in data["due"] if d["instalment"] == 2)
    for p in second["payments"]:
        row = next(line for line in lines if f"{second['due']} {p['date']}" in " ".join(line.split()))
        assert re.search(rf"\s{p['days_late']}\s", row), row
        assert row.rstrip().endswith(f"{Decimal(p['interest']):,.2f}"), row
        if p["excused"]:
            # the contract's title names the excuse in Chinese; its key is for typing (issue 20)
            assert "免责：因财政拨款问题造成逾期" in row and p["excused"] not in text
    # the payment dates sit in the date column of the statement's payment rows
    paid_rows = [line for line in lines if "已收付款" in line]
    assert [p["date"] for p in data["payments"]] == [re.search(r"\d{4}-\d\d-\d\d", r)[0] for r in paid_rows]  # type: ignore[index]
    squeezed = text.replace(" ", "")
    assert "截至日期2022-09-30" in squeezed and "经办人（签字）" in squeezed and "负责人（签字）" in squeezed
    assert "座席员管理情况、资产管理情况" in squeezed.replace("\n", "")  # missing documents
    pages = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True, check=True).stdout
    assert re.search(r"Pages:\s+2\n", pages), pages  # signatures not alone on a third page


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_the_approval_form_is_one_page_with_its_fields_and_the_amount_in_capitals(
    example: Path,  # noqa: F811
    run: Run,
    tmp_path: Path,
    lang: str,
) -> None:
    data = json.loads(run("settle", "--quarter", "Q3", "--format", "json").stdout)
    args = ("settle", "--quarter", "Q3", "--form", "approval", "--doc-no", "海城指结〔2022〕118号")
    page, text, pdf = printed(run, tmp_path, (*args, "--meeting-date", "2022/10/12"), lang, "approval")
    pages = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True, check=True).stdout
    assert re.search(r"Pages:\s+1\n", pages), pages
    assert check_totals(text, headings(page)) == 2  # the closing balance, then the amount to pay
    squeezed = text.replace(" ", "")
    assert "海城指结〔2022〕118号" in squeezed and "2022-10-12" in squeezed
    assert f"¥{Decimal(data['next_payment']):,.2f}" in squeezed and data["next_payment_capitals"] in squeezed
    roles = ("经办人", "审核人", "负责人") if lang == "zh" else ("Prepared by", "Checked by", "Approved by")
    assert all(r.replace(" ", "") in squeezed for r in roles)
    blank, _text, _pdf = printed(run, tmp_path, args[:5], "zh", "blank")
    assert blank.count("________________") == 2  # no number, no meeting: lines to fill by hand


def test_approval_options_need_the_printed_page(example: Path, run: Run) -> None:  # noqa: F811
    for extra in (("--form", "approval"), ("--doc-no", "1"), ("--meeting-date", "2022-10-12")):
        result = run("settle", "--quarter", "Q3", *extra, "--lang", "zh")
        assert result.exit_code == 2 and "--format html" in result.stderr, result


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_the_reports_without_money_print_in_the_same_shell(
    example: Path,  # noqa: F811
    run: Run,
    tmp_path: Path,
    lang: str,
) -> None:
    assert run("roster", "leave", "S001", "--date", "2022-11-05").exit_code == 0  # a headcount violation
    notice = ("record", "notice", "--date", "2022-09-05", "--clause", "十(2)", "--cure-by", "2022-09-20")
    assert run(*notice).exit_code == 0
    party_a = "北京市海淀区城市管理指挥中心"
    reports = {
        "check-roster": ("check-roster", "--quarter", "Q4"),
        "compliance": ("compliance", "--quarter", "Q4"),
        "calendar": ("calendar", "--month", "2022-10"),
        "notices": ("notices", "--as-of", "2022-09-30"),
    }
    for name, args in reports.items():
        data = json.loads(run(*args, "--format", "json").stdout)
        page, text, _pdf = printed(run, tmp_path, args, lang, name)
        squeezed = text.replace(" ", "").replace("\n", "")
        assert party_a in squeezed and check_totals(text, headings(page)) == 0, name
        if name == "check-roster":
            assert data["violations"]
            for v in data["violations"]:
                assert v["from"] in text and v["to"] in text and v["clause"].replace(" ", "") in squeezed
        elif name == "compliance":
            for o in data["obligations"]:
                row = next(line for line in text.splitlines() if o["title"] in line.replace(" ", ""))
                assert row.split()[-3:] == [str(o["required"]), str(o["windows"]), str(o["shortfalls"])]
        elif name == "calendar":
            assert all(d["date"] in text for d in data["days"])
            working = sum(1 for d in data["days"] if d["kind"] == "working")
            assert (f"{working}个工作日" if lang == "zh" else f"{working}workingdays") in squeezed
        else:
            (n,) = data["notices"]
            assert n["id"] in text and n["cure_by"] in text
            past = "已过整改期限" if lang == "zh" else n["detail"].replace(" ", "")
            assert past in squeezed, n


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_diff_prints_what_a_change_does_with_every_figure_of_its_json(
    example: Path,  # noqa: F811
    run: Run,
    tmp_path: Path,
    lang: str,
) -> None:
    git = ["git", "-c", "user.email=clerk@example.com", "-c", "user.name=clerk"]
    subprocess.run(["git", "init", "-q", "-b", "main"], cwd=example, check=True)
    subprocess.run([*git, "add", "-A"], cwd=example, check=True)
    subprocess.run([*git, "commit", "-qm", "base"], cwd=example, check=True)
    incident = ("record", "incident", "--date", "2022-09-20", "--penalty", "post-abandonment", "--count", "1")
    assert run(*incident).exit_code == 0
    data = json.loads(run("diff", "--format", "json").stdout)
    page, text, _pdf = printed(run, tmp_path, ("diff",), lang, "diff")
    (added,) = data["records"]
    assert added["id"] in text and "北京融通润园科技有限公司" in text.replace(" ", "")
    missing = sorted(f for f in money_in(data) if f not in text)
    assert not missing and "1,000.00" in money_in(data), missing
    assert check_totals(text, headings(page)) == 0
