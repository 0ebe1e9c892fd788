"""Late-payment interest at its edges (rules 10, 14, 20): the statutory floor per instalment,
an excused payment at the floor, a remainder under one yuan still late, the reversal after a
termination in the instalment due, the final payment from the day its completion is confirmed."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from conftest import SEED, Run, write_roster

LEDGER = Path("ledgers") / "haidian-hotline-2022"


def sme(project: Path, run: Run) -> None:
    """Party B an SME, the one-year LPR at signing 3.70 % (the agreed rate is 0.35 %)."""
    contract = project / "contracts" / SEED.name
    text = contract.read_text(encoding="utf-8")
    text = text.replace(
        "    name: 北京融通润园科技有限公司\n", "    name: 北京融通润园科技有限公司\n    sme: true\n"
    )
    text = text.replace("  day_basis: 360\n", '  day_basis: 360\n  lpr_at_signing: "3.70"\n')
    contract.write_text(text, encoding="utf-8")


def started(project: Path, run: Run) -> None:
    """A ledger recorded from 2022-10-01 with a full roster."""
    ok(run, "init", "--recorded-from", "2022-10-01")
    write_roster(project / LEDGER)


def ok(run: Run, *args: str) -> None:
    result = run(*args)
    assert result.exit_code == 0, (args, result)


def settle(run: Run, *args: str) -> Any:
    result = run("settle", *args, "--format", "json")
    assert result.exit_code == 0, result
    return json.loads(result.stdout)


def due_of(s: Any, instalment: int | str) -> Any:
    return next(d for d in s["due"] if d["instalment"] == instalment)


def test_the_floor_per_instalment(project: Path, run: Run) -> None:
    """Instalment 2 due 2022-07-22; 1,000,000.00 paid 14 days late on 08-05, 641,000.00
    unpaid then: the instalment's interest at the floor is the payment's, 1,438.89
    (1,000,000.00 x 3.70 % x 14 / 360), and what is still unpaid accrues 922.33 at the floor
    (641,000.00 x 3.70 % x 14 / 360 = 922.3277...), 87.25 at the agreed 0.35 %."""
    sme(project, run)
    started(project, run)
    ok(run, "record", "request", "--date", "2022-07-01", "--instalment", "2")
    ok(run, "record", "payment", "--date", "2022-08-05", "--instalment", "2", "--amount", "1000000")
    d = due_of(settle(run, "--quarter", "Q3", "--as-of", "2022-08-05"), 2)
    assert (d["interest"], d["interest_at_floor"]) == ("136.11", "1438.89")
    assert (d["accruing"], d["accruing_at_floor"]) == ("87.25", "922.33")


def test_an_excused_payment_owes_nothing_at_the_floor_either(project: Path, run: Run) -> None:
    sme(project, run)
    started(project, run)
    ok(run, "record", "request", "--date", "2022-07-01", "--instalment", "2")
    ok(
        run,
        "record",
        "payment",
        "--date",
        "2022-08-05",
        "--instalment",
        "2",
        "--amount",
        "1641000",
        "--excused",
        "fiscal-allocation",
    )
    s = settle(run, "--quarter", "Q3", "--as-of", "2022-08-05")
    (pay,) = due_of(s, 2)["payments"]
    assert (pay["days_late"], pay["interest"], pay["interest_at_floor"]) == (14, "0.00", "0.00")
    assert (s["late_interest"], s["late_interest_at_floor"]) == ("0.00", "0.00")


def test_a_remainder_under_one_yuan_is_still_late(project: Path, run: Run) -> None:
    """1,640,999.50 of instalment 2 paid on time; the 0.50 left is 14 days late on 08-05
    (its interest rounds to 0.00, but the instalment is late, and says so)."""
    started(project, run)
    ok(run, "record", "request", "--date", "2022-07-01", "--instalment", "2")
    ok(run, "record", "payment", "--date", "2022-07-20", "--instalment", "2", "--amount", "1640999.50")
    d = due_of(settle(run, "--quarter", "Q3", "--as-of", "2022-08-05"), 2)
    assert (d["paid"], d["days_late"], d["accruing"]) == ("1640999.50", 14, "0.00")


def test_a_termination_reverses_part_of_the_instalment_due(project: Path, run: Run) -> None:
    """Terminated on 2022-11-16 after an uncured notice: instalment 3 (92 days of Q4) keeps
    46 days, 1,641,000.00 - 820,500.00 = 820,500.00, the amount its due date is about."""
    started(project, run)
    ok(run, "record", "notice", "--date", "2022-11-01", "--clause", "十(2)", "--cure-by", "2022-11-10")
    ok(run, "record", "termination", "--date", "2022-11-16", "--clause", "十(2)")
    d = due_of(settle(run, "--quarter", "Q4", "--as-of", "2022-12-31"), 3)
    assert d["amount"] == "820500.00"


def test_the_final_payment_is_due_from_the_day_of_its_confirmation(project: Path, run: Run) -> None:
    started(project, run)
    ok(run, "record", "completion", "--date", "2023-04-20", "--amount", "131568")
    on_the_day = due_of(settle(run, "--final", "--as-of", "2023-04-20"), "final")
    assert on_the_day["amount"] == "131568.00"
    before = due_of(settle(run, "--final", "--as-of", "2023-04-19"), "final")
    assert before["amount"] is None
