"""Spreadsheets that work: every xlsx total is a formula that LibreOffice Calc recalculates to
the JSON's figure, to the fen; the value is cached for readers that do not recalculate; the
sheets are named and set up for A4; the csv totals foot. Built through the real CLI on the
bundled ledger and on one with a gap, in both languages."""

from __future__ import annotations

import csv
import io
import json
import os
import re
import shutil
import subprocess
import zipfile
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest

from conftest import REPO, Run

SOFFICE = shutil.which("soffice") or shutil.which("libreoffice")
Rows = list[tuple[Any, ...]]
# A profile that recalculates every xlsx formula on load, whatever the user's setting.
RECALC_ALWAYS = """<?xml version="1.0" encoding="UTF-8"?>
<oor:items xmlns:oor="http://openoffice.org/2001/registry" xmlns:xs="http://www.w3.org/2001/XMLSchema"
 xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
<item oor:path="/org.openoffice.Office.Calc/Formula/Load">
<prop oor:name="OOXMLRecalcMode" oor:op="fuse"><value>0</value></prop></item>
</oor:items>
"""


@pytest.fixture
def example(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    shutil.copytree(REPO / "contracts", tmp_path / "contracts")
    shutil.copytree(REPO / "ledgers", tmp_path / "ledgers")
    monkeypatch.chdir(tmp_path)
    return tmp_path


@pytest.fixture(params=["complete", "gap"])
def ledger(request: pytest.FixtureRequest, example: Path) -> str:
    """The bundled ledger, or the same with 2022-08-10's day shift not recorded (a gap in Q3)."""
    if request.param == "gap":
        month = example / "ledgers" / "haidian-hotline-2022" / "2022-08.yaml"
        text = month.read_text(encoding="utf-8")
        cut = re.sub(r"- id: att-2022-08-10-day\n(?:  .*\n)+", "", text)
        assert cut != text
        month.write_text(cut, encoding="utf-8")
    return str(request.param)


def soffice() -> str:
    if SOFFICE is None:
        if os.environ.get("CI"):
            pytest.fail("CI must have LibreOffice Calc (.ci/run installs libreoffice-calc-nogui)")
        pytest.skip("no soffice on this machine (apt-get install libreoffice-calc-nogui; CI installs it)")
    return SOFFICE


def office(tmp: Path, *args: str) -> None:
    """soffice headless with a private profile, so that parallel runs do not share one."""
    profile = tmp / "lo-profile"
    (profile / "user").mkdir(parents=True, exist_ok=True)
    (profile / "user" / "registrymodifications.xcu").write_text(RECALC_ALWAYS, encoding="utf-8")
    subprocess.run(
        [soffice(), f"-env:UserInstallation={profile.as_uri()}", "--headless", *args],
        check=True,
        capture_output=True,
        timeout=300,
    )


def strip_cached(src: Path, dst: Path) -> None:
    """The workbook with every formula's cached value removed: what Calc gives back is then
    its own calculation, not ours."""
    with zipfile.ZipFile(src) as zin, zipfile.ZipFile(dst, "w", zipfile.ZIP_DEFLATED) as zout:
        for item in zin.infolist():
            data = zin.read(item)
            if item.filename.startswith("xl/worksheets/sheet"):
                text, n = re.subn(r"(<f>[^<]*</f>)<v>[^<]*</v>", r"\1", data.decode("utf-8"))
                assert "<f>" not in text or n, "a formula kept its value"
                data = text.encode("utf-8")
            zout.writestr(item, data)


def sheets(path: Path, data_only: bool = True) -> dict[str, Rows]:
    from openpyxl import load_workbook

    book = load_workbook(path, data_only=data_only)
    return {s.title: list(s.iter_rows(values_only=True)) for s in book.worksheets}


def recalculated(paths: list[Path], tmp: Path) -> dict[str, dict[str, Rows]]:
    """Each workbook stripped of its cached values, opened and saved again by Calc, read back."""
    (tmp / "stripped").mkdir()
    stripped = [tmp / "stripped" / p.name for p in paths]
    for p, s in zip(paths, stripped, strict=True):
        strip_cached(p, s)
        book = sheets(s)
        assert all(
            r[-1] is None or not isinstance(r[-1], int | float) for b in book.values() for r in b[-1:]
        ), "the stripped workbook still shows a total"
    office(tmp, "--convert-to", "xlsx", "--outdir", str(tmp / "calc"), *map(str, stripped))
    return {p.stem: sheets(tmp / "calc" / p.name) for p in paths}


def fen(value: Any) -> Decimal:
    assert isinstance(value, int | float) and not isinstance(value, bool), f"{value!r} is not a number"
    return Decimal(str(value)).quantize(Decimal("0.01"))


def dec(text: str) -> Decimal:
    return Decimal(text)


def total_row(rows: Rows, label: str) -> tuple[Any, ...]:
    """The last row; its label is `label` in one of its first two cells."""
    last = rows[-1]
    assert label in (last[0], last[1]), last
    return last


def as_json(run: Run, *args: str) -> Any:
    result = run(*args, "--format", "json")
    assert result.exit_code in (0, 1), result
    return json.loads(result.stdout)


def write(run: Run, tmp: Path, lang: str, *args: str) -> Path:
    path = tmp / f"{args[0]}.xlsx"
    result = run(*args, "--format", "xlsx", "-o", str(path), "--lang", lang)
    assert result.exit_code in (0, 1), result
    return path


NAMES = {
    "zh": {
        "settle": ["结算单", "应付", "逾期利息", "发票"],
        "deduct": ["扣款明细"],
        "balance": ["余额"],
        "calendar": ["2022-10"],
    },
    "en": {
        "settle": ["Settlement statement", "To pay", "Interest", "Invoices"],
        "deduct": ["Deductions"],
        "balance": ["Balance"],
        "calendar": ["2022-10"],
    },
}
TOTAL = {"zh": "合计", "en": "total"}
BANNER = {"zh": "不完整", "en": "INCOMPLETE"}


def check_settle(book: dict[str, Rows], d: dict[str, Any], lang: str) -> None:
    statement, to_pay, interest, invoices = book.values()
    closing = total_row(statement, "期末甲方应付余额" if lang == "zh" else "closing balance owed by Party A")
    assert fen(closing[2]) == dec(d["closing_balance"]) and closing[3] == d["closing_balance_capitals"]
    assert fen(to_pay[-1][1]) == dec(d["next_payment"]) and to_pay[-1][2] == d["next_payment_capitals"]
    assert fen(interest[-1][-1]) == dec(d["late_interest"])
    assert fen(invoices[-1][1]) == sum((dec(c["invoiced"]) for c in d["invoices"]), Decimal(0))
    assert fen(invoices[-1][3]) == sum((dec(c["paid_uninvoiced"]) for c in d["invoices"]), Decimal(0))
    # Every payment on its own row with its date (two payments of one instalment are not twins).
    dated = {(str(r[0])[:10], fen(r[2])) for r in statement if r[4] and str(r[4]).startswith("pay-")}
    assert dated == {(p["date"], -dec(p["amount"])) for p in d["payments"]}


def check_deduct(book: dict[str, Rows], d: dict[str, Any], lang: str) -> None:
    (rows,) = book.values()
    total = total_row(rows, TOTAL[lang])
    # under zh the penalty's title names it and its key column is left out (the key is typed)
    at = 6 if lang == "zh" else 7
    assert fen(total[at]) == dec(d["total"])
    fines = sum((dec(x["amount"]) for x in d["personal_fines"]), Decimal(0))
    assert (fen(total[at + 1]) if fines else total[at + 1] in (0, None)) in (fines, True)
    titles = {r[at - 5] for r in rows[:-1]}
    assert {x["title"] for x in d["lines"]} <= titles  # deductions by title and key


def check_balance(book: dict[str, Rows], d: dict[str, Any], lang: str) -> None:
    (rows,) = book.values()
    total = total_row(rows, TOTAL[lang])
    for col, field, sign in ((3, "accrued", 1), (4, "deducted", -1), (5, "paid", -1), (6, "balance", 1)):
        assert fen(total[col]) == sign * sum((dec(r[field]) for r in d["rows"]), Decimal(0))
    assert fen(total[6]) == dec(d["rows"][-1]["running"])  # the balances sum to the running one
    flags = [r[8] for r in rows[-1 - len(d["rows"]) : -1]]
    yes, no = ("是", "否") if lang == "zh" else ("yes", "no")
    assert flags == [yes if r["complete"] else no for r in d["rows"]]


def check_calendar(book: dict[str, Rows], d: dict[str, Any], lang: str) -> None:
    """The month's required person-shifts, shift by shift."""
    (rows,) = book.values()
    shifts = list(d["days"][0]["required"])
    for n, shift in enumerate(shifts, 4):
        assert rows[-1][n] == sum(x["required"][shift] for x in d["days"]), shift
    assert len(rows) == 3 + len(d["days"])


REPORTS = {
    "settle": (("settle", "--quarter", "Q3"), check_settle),
    "deduct": (("deduct", "--quarter", "Q3"), check_deduct),
    "balance": (("balance", "--by", "month"), check_balance),
    "calendar": (("calendar", "--month", "2022-10"), check_calendar),
}


@pytest.mark.slow
@pytest.mark.parametrize("lang", ["zh", "en"])
def test_calc_recalculates_every_total_to_the_json_figure(
    ledger: str, run: Run, tmp_path: Path, lang: str
) -> None:
    paths = {name: write(run, tmp_path, lang, *args) for name, (args, _check) in REPORTS.items()}
    books = recalculated(list(paths.values()), tmp_path)
    for name, (args, check) in REPORTS.items():
        d = as_json(run, *args)
        book = books[name]
        assert list(book) == NAMES[lang][name]
        check(book, d, lang)
        first = next(iter(book.values()))
        assert (BANNER[lang] in str(first[0][0])) == (not d.get("complete", True)), (name, first[0])
    if ledger == "gap":
        assert not as_json(run, "settle", "--quarter", "Q3")["complete"]


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_totals_are_formulas_with_their_values_cached(
    example: Path, run: Run, tmp_path: Path, lang: str
) -> None:
    """A reader that does not recalculate (openpyxl data_only, python-calamine) sees the same
    figures as Calc; behind each is a formula."""
    for name, (args, check) in REPORTS.items():
        path = write(run, tmp_path, lang, *args)
        check(sheets(path), as_json(run, *args), lang)
        formulas = [r[-1] for r in sheets(path, data_only=False).values()]
        assert any(str(c).startswith("=SUM(") for row in formulas for c in row), name


def test_compliance_counts_duties_short_not_windows(example: Path, run: Run, tmp_path: Path) -> None:
    path = write(run, tmp_path, "en", "compliance", "--quarter", "Q3")
    d = as_json(run, "compliance", "--quarter", "Q3")
    (rows,) = sheets(path).values()
    assert rows[-1][0] == "duties short" and rows[-1][5] is None  # windows of mixed kinds: no sum
    assert rows[-1][6] == sum(1 for o in d["obligations"] if o["shortfalls"] > 0)
    (formulas,) = sheets(path, data_only=False).values()
    assert str(formulas[-1][6]).startswith("=COUNTIF(")
    roster = write(run, tmp_path, "zh", "check-roster", "--quarter", "Q3")
    assert list(sheets(roster)) == ["名册违规"]


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_page_setup_read_back(example: Path, run: Run, tmp_path: Path, lang: str) -> None:
    from openpyxl import load_workbook

    for name, (args, _check) in REPORTS.items():
        book = load_workbook(write(run, tmp_path, lang, *args))
        for sheet in book.worksheets:
            setup = sheet.page_setup
            assert setup.paperSize == 9 and sheet.sheet_properties.pageSetUpPr.fitToPage
            assert (setup.fitToWidth, setup.fitToHeight) in ((1, 0), (None, 0))  # 1 is the default
            assert sheet.print_title_rows and sheet.freeze_panes
            footer = sheet.oddFooter.center.text
            assert footer == ("第 &P 页 共 &N 页" if lang == "zh" else "Page &P of &N")
            money = [c for row in sheet.iter_rows() for c in row if isinstance(c.value, float)]
            assert all(c.number_format.startswith("#,##0.00") for c in money if c.column > 1), name
            assert setup.orientation in ("portrait", "landscape")


@pytest.mark.slow
@pytest.mark.parametrize("lang", ["zh", "en"])
def test_settle_prints_a_page_a_sheet_with_capitals_beside_the_amount(
    example: Path, run: Run, tmp_path: Path, lang: str
) -> None:
    if not shutil.which("pdfinfo") or not shutil.which("pdftotext"):
        pytest.skip("no poppler-utils on this machine (CI installs them)")
    settle = write(run, tmp_path, lang, "settle", "--quarter", "Q3")
    deduct = write(run, tmp_path, lang, "deduct", "--quarter", "Q3")
    office(tmp_path, "--convert-to", "pdf", "--outdir", str(tmp_path / "pdf"), str(settle), str(deduct))
    for path, sheet_count in ((settle, 4), (deduct, 1)):
        pdf = tmp_path / "pdf" / f"{path.stem}.pdf"
        info = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True, check=True).stdout
        assert re.search(r"^Pages:\s+(\d+)$", info, re.M)[1] == str(sheet_count)  # type: ignore[index]
        assert "A4" in info
    first = subprocess.run(
        ["pdftotext", "-layout", "-f", "1", "-l", "1", str(tmp_path / "pdf" / "settle.pdf"), "-"],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    d = as_json(run, "settle", "--quarter", "Q3")
    assert d["closing_balance_capitals"] in first and "12,400.00" in first
    assert ("大写" if lang == "zh" else "in capitals") in first
    footer = "第1页共4页" if lang == "zh" else "Page1of4"
    assert footer in re.sub(r"\s", "", first)  # pdftotext spaces CJK as it likes


def csv_rows(run: Run, lang: str, *args: str) -> list[list[str]]:
    result = run(*args, "--format", "csv", "--lang", lang)
    assert result.exit_code in (0, 1)
    assert result.stdout.startswith("\ufeff")
    return list(csv.reader(io.StringIO(result.stdout.removeprefix("\ufeff"))))


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_csv_totals_foot(ledger: str, run: Run, lang: str) -> None:
    rows = csv_rows(run, lang, "deduct", "--quarter", "Q3")
    header, body, total = rows[0], rows[1:-1], rows[-1]
    amount, fine = (
        header.index("金额" if lang == "zh" else "amount"),
        header.index("个人罚款" if lang == "zh" else "fine on a person"),
    )
    d = as_json(run, "deduct", "--quarter", "Q3")
    assert total[0] == TOTAL[lang]
    assert (
        sum((dec(r[amount]) for r in body if r[amount]), Decimal(0)) == dec(total[amount]) == dec(d["total"])
    )
    fines = sum((dec(x["amount"]) for x in d["personal_fines"]), Decimal(0))
    assert sum((dec(r[fine]) for r in body if r[fine]), Decimal(0)) == dec(total[fine]) == fines

    rows = csv_rows(run, lang, "balance", "--by", "month")
    body, total = rows[1:-1], rows[-1]
    assert {r[-1] for r in body} <= ({"是", "否"} if lang == "zh" else {"yes", "no"})
    assert "True" not in str(rows) and "False" not in str(rows)
    for col in (3, 4, 5, 6):
        assert sum((dec(r[col]) for r in body), Decimal(0)) == dec(total[col])

    # settle: each section's total is the sum of its rows.
    text = run("settle", "--quarter", "Q3", "--format", "csv", "--lang", lang).stdout.removeprefix("\ufeff")
    sections: list[list[list[str]]] = [[]]
    for row in csv.reader(io.StringIO(text)):
        if row:
            sections[-1].append(row)
        else:
            sections.append([])
    assert len(sections) == 4
    footed = 0
    for section in sections:
        section = [r for r in section if len(r) > 1]  # the banner is one cell
        header, body, total = section[0], section[1:-1], section[-1]
        for col, cell in enumerate(total):
            if re.fullmatch(r"-?\d+\.\d\d", cell):  # a money total
                assert sum((dec(r[col]) for r in body if r[col]), Decimal(0)) == dec(cell), (header, col)
                footed += 1
    assert footed == 6  # closing balance, to pay, interest counted, three invoice columns


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_notices_as_a_workbook_and_csv(example: Path, run: Run, tmp_path: Path, lang: str) -> None:
    d = as_json(run, "notices")
    book = sheets(write(run, tmp_path, lang, "notices"))
    assert list(book) == ["整改通知" if lang == "zh" else "Notices to cure"]
    (rows,) = book.values()
    assert len(rows) == 2 + len(d["notices"]) and d["as_of"] in str(rows[0][0])
    header = csv_rows(run, lang, "notices")[0]
    assert header[0] == ("编号" if lang == "zh" else "id") and len(header) == 6
