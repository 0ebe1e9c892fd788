"""The statutory floor of late-payment interest applies only where Party B is a small or
medium enterprise (rules 20, 23): a contract that records the LPR at signing for a supplier
not known to be one gets no floor figures. From the mutation run of 2026-12-03."""

from __future__ import annotations

import json
from pathlib import Path

from conftest import LEDGER, SEED, Run, write_roster


def test_an_lpr_without_an_sme_supplier_sets_no_floor(project: Path, run: Run) -> None:
    contract = project / "contracts" / SEED.name
    text = contract.read_text(encoding="utf-8")
    contract.write_text(
        text.replace("  day_basis: 360\n", '  day_basis: 360\n  lpr_at_signing: "3.70"\n'), encoding="utf-8"
    )
    assert run("init", "--recorded-from", "2022-10-01").exit_code == 0
    write_roster(project / LEDGER)
    assert run("record", "request", "--date", "2022-07-01", "--instalment", "2").exit_code == 0
    assert (
        run("record", "payment", "--date", "2022-08-05", "--instalment", "2", "--amount", "1000").exit_code
        == 0
    )
    s = json.loads(run("settle", "--quarter", "Q3", "--as-of", "2022-08-05", "--format", "json").stdout)
    (due,) = [d for d in s["due"] if d["instalment"] == 2]
    # 1,000.00 x 0.35 % x 14 / 360 = 0.136... -> 0.14 at the agreed rate; nothing at a floor.
    assert due["payments"][0]["interest"] == "0.14"
    assert "interest_at_floor" not in due and "interest_at_floor" not in due["payments"][0]
    assert "late_interest_at_floor" not in s and "floor_percent" not in s


def test_a_statement_totals_interest_at_the_floor_from_its_payments_and_what_accrues(
    project: Path, run: Run
) -> None:
    """SME, LPR at signing 3.70 %: instalment 2 due 2022-07-22, 1,000,000.00 paid on 08-05
    (14 days late), 641,000.00 still unpaid then. Agreed 0.35 %: 136.11 + 87.25 = 223.36; at
    the floor: 1,000,000.00 x 3.70 % x 14 / 360 = 1,438.89 and 641,000.00 x 3.70 % x 14 / 360
    = 922.33, together 2,361.22."""
    contract = project / "contracts" / SEED.name
    text = contract.read_text(encoding="utf-8").replace(
        "    name: 北京融通润园科技有限公司\n", "    name: 北京融通润园科技有限公司\n    sme: true\n"
    )
    contract.write_text(
        text.replace("  day_basis: 360\n", '  day_basis: 360\n  lpr_at_signing: "3.70"\n'), encoding="utf-8"
    )
    assert run("init", "--recorded-from", "2022-10-01").exit_code == 0
    write_roster(project / LEDGER)
    assert run("record", "request", "--date", "2022-07-01", "--instalment", "2").exit_code == 0
    args = ("--date", "2022-08-05", "--instalment", "2", "--amount", "1000000")
    assert run("record", "payment", *args).exit_code == 0
    s = json.loads(run("settle", "--quarter", "Q3", "--as-of", "2022-08-05", "--format", "json").stdout)
    assert (s["late_interest"], s["late_interest_at_floor"], s["floor_percent"]) == (
        "223.36",
        "2361.22",
        "3.70",
    )
