"""`portfolio`: per contract the figures `settle` gives over its term to the as-of date, and
their total; a contract whose ledger has problems shows them and no figures (rule 13)."""

from __future__ import annotations

import csv
import io
import json
from decimal import Decimal
from pathlib import Path
from typing import Any

from conftest import SEED, Run

AS_OF = "2022-11-30"
OTHER = "haidian-weibo-2022"


def ok(run: Run, *args: str) -> str:
    result = run(*args)
    assert result.exit_code == 0, (args, result)
    return result.stdout


def as_json(run: Run, *args: str) -> Any:
    return json.loads(ok(run, *args, "--format", "json"))


def two_contracts(project: Path, run: Run) -> None:
    """The seed contract, and a copy with another id and Party B. The first brings forward
    instalments 1-2 paid and 600.00 deducted; the second records instalment 1 paid and
    instalment 3 requested (due 15 working days later, then overdue)."""
    text = SEED.read_text(encoding="utf-8")
    other = text.replace("id: haidian-hotline-2022", f"id: {OTHER}").replace(
        "北京融通润园科技有限公司", "北京某某科技有限公司"
    )
    (project / "contracts" / f"{OTHER}.yaml").write_text(other, encoding="utf-8")
    ok(run, "init", "--contract", "haidian-hotline-2022", "--recorded-from", "2022-10-01")
    ok(run, "record", "opening", "--contract", "haidian-hotline-2022", "--date", "2022-10-01",
       "--paid", "1=1641000,2=1641000", "--invoiced", "1=1641000,2=1641000", "--deducted", "seat-shortage=600")  # fmt: skip
    ok(run, "init", "--contract", OTHER, "--recorded-from", "2022-10-01")
    ok(run, "record", "opening", "--contract", OTHER, "--date", "2022-10-01")
    ok(run, "record", "payment", "--contract", OTHER, "--date", "2022-10-10", "--instalment", "1", "--amount", "1641000")  # fmt: skip
    ok(run, "record", "request", "--contract", OTHER, "--date", "2022-10-10", "--instalment", "3")


FIGURES = {  # portfolio key -> the settle JSON's key
    "accrued": ("accrued",),
    "deducted": ("deductions", "total"),
    "paid": ("paid",),
    "balance_owed": ("closing_balance",),
    "next_payment": ("next_payment",),
}


def test_the_total_is_the_sum_of_each_contracts_settle(project: Path, run: Run) -> None:
    two_contracts(project, run)
    p = as_json(run, "portfolio", "--as-of", AS_OF)
    assert [c["id"] for c in p["contracts"]] == ["haidian-hotline-2022", OTHER]
    sums = dict.fromkeys(FIGURES, Decimal(0))
    for c in p["contracts"]:
        s = as_json(
            run, "settle", "--contract", c["id"], "--from", "2022-04-01", "--to", AS_OF, "--as-of", AS_OF
        )
        for key, path in FIGURES.items():
            value: Any = s
            for part in path:
                value = value[part]
            assert c["figures"][key] == value, (c["id"], key)
            sums[key] += Decimal(value)
    assert {k: Decimal(p["total"][k]) for k in FIGURES} == sums
    # By hand: the second contract's instalment 3 (1,641,000.00) was requested 2022-10-10,
    # due 15 working days later (10-11..14, 17..21, 24..28, 31: 2022-10-31) and unpaid.
    (late,) = p["contracts"][1]["figures"]["overdue"]
    assert (late["instalment"], late["due"], late["unpaid"]) == (3, "2022-10-31", "1641000.00")
    assert p["total"]["deductions_by_clause"] == {"三(一)5, 三(二)4": "600.00"}
    assert p["complete"] is False  # no attendance since 2022-10-01: gaps
    ok(run, "portfolio", "--as-of", AS_OF, "--format", "csv", "--output", "p.csv")
    data = (project / "p.csv").read_bytes()
    assert data.startswith(b"\xef\xbb\xbf")  # the BOM Excel and WPS need to read UTF-8 Chinese
    table = list(csv.reader(io.StringIO(data.decode("utf-8-sig"), newline="")))
    head, total = table[0], table[-1]
    assert "北京某某科技有限公司" in [cell for row in table for cell in row]
    assert total[0] == "total" and total[head.index("balance_owed")] == p["total"]["balance_owed"]
    from openpyxl import load_workbook

    ok(run, "portfolio", "--as-of", AS_OF, "--format", "xlsx", "--output", "p.xlsx")
    sheet = load_workbook(project / "p.xlsx").worksheets[0]
    rows = list(sheet.iter_rows(values_only=True))
    col = rows[1].index("balance_owed")
    assert rows[-1][0] == "total" and Decimal(str(rows[-1][col])) == Decimal(p["total"]["balance_owed"])
    ok(run, "portfolio", "--as-of", AS_OF, "--format", "html", "--output", "p.html")
    page = (project / "p.html").read_text(encoding="utf-8")
    assert "<table>" in page and "4922400.00" in page


def test_filters_and_a_contract_with_problems(project: Path, run: Run) -> None:
    two_contracts(project, run)
    only = as_json(run, "portfolio", "--as-of", AS_OF, "--party", "某某")
    assert [c["id"] for c in only["contracts"]] == [OTHER]
    assert as_json(run, "portfolio", "--as-of", AS_OF, "--year", "2021")["contracts"] == []
    assert [c["id"] for c in as_json(run, "portfolio", "--as-of", AS_OF, "--year", "2023")["contracts"]] == [
        "haidian-hotline-2022",
        OTHER,
    ]
    bad = run("portfolio", "--contract", "nope")
    assert bad.exit_code == 2 and OTHER in bad.stderr
    month = project / "ledgers" / OTHER / "2022-10.yaml"
    month.write_text(month.read_text() + "- id: x\n  kind: payment\n  date: 2022-10-11\n", encoding="utf-8")
    p = as_json(run, "portfolio", "--as-of", AS_OF)
    broken = p["contracts"][1]
    assert broken["figures"] is None and broken["problems"]
    assert p["complete"] is False
    first = p["contracts"][0]["figures"]
    assert p["total"]["balance_owed"] == first["balance_owed"]  # the broken one is left out
    text = ok(run, "portfolio", "--as-of", AS_OF)
    assert "problems: no figures (rule 13)" in text and "INCOMPLETE" in text


def test_other_commands_take_an_id_or_the_ledger_folder_and_list_the_contracts(
    project: Path, run: Run, monkeypatch: Any
) -> None:
    two_contracts(project, run)
    asked = run("settle")
    assert asked.exit_code == 1
    assert "haidian-hotline-2022  (contracts/haidian-hotline-2022.yaml)" in asked.stderr
    assert f"{OTHER}  (contracts/{OTHER}.yaml)" in asked.stderr
    monkeypatch.chdir(project / "ledgers" / OTHER)
    inside = as_json(run, "settle", "--quarter", "Q4")
    assert [p["amount"] for p in inside["payments"]] == ["1641000.00"]
