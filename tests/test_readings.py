"""Every contestable reading is computed, not only named (rule 19): the seat shortage by
presence, by vacancy or per day."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from conftest import SEED, Run, write_roster

LEDGER = Path("ledgers") / "haidian-hotline-2022"


def with_basis(project: Path, run: Run, basis: str, seats_on_roster: int = 48) -> None:
    contract = project / "contracts" / SEED.name
    contract.write_text(
        contract.read_text(encoding="utf-8").replace("shortage_basis: presence", f"shortage_basis: {basis}"),
        encoding="utf-8",
    )
    assert run("init", "--recorded-from", "2022-10-01").exit_code == 0
    write_roster(project / LEDGER, seats=seats_on_roster)


def total(run: Run, *args: str) -> str:
    result = run("deduct", *args, "--format", "json")
    assert result.exit_code == 0, result
    return json.loads(result.stdout)["total"]


@pytest.mark.parametrize("basis, expected", [("presence", "900.00"), ("per-day", "600.00")])
def test_per_day_takes_the_largest_shortage_of_a_date(
    project: Path, run: Run, basis: str, expected: str
) -> None:
    """A working day, 2022-10-10: the day shift 46 of 48, and a night demand of 3 with 2
    present. By presence 2 + 1 = 3 person-shifts, 900.00; per day the larger, 2: 600.00."""
    with_basis(project, run, basis)
    for args in (
        (
            "record",
            "demand",
            "--from",
            "2022-10-10",
            "--to",
            "2022-10-10",
            "--shift",
            "night",
            "--required",
            "3",
        ),
        ("record", "attendance", "--date", "2022-10-10", "--present", "46"),
        ("record", "attendance", "--date", "2022-10-10", "--shift", "night", "--present", "2"),
    ):
        assert run(*args).exit_code == 0
    assert total(run, "--month", "2022-10") == expected


@pytest.mark.parametrize("basis, expected", [("presence", "900.00"), ("vacancy", "300.00")])
def test_vacancy_prices_the_empty_seats_not_the_absent(
    project: Path, run: Run, basis: str, expected: str
) -> None:
    """A working day, 2022-10-10, with 47 on the roster and 45 present. By presence 48 - 45 = 3,
    900.00; by vacancy 48 - 47 = 1, 300.00. A night demand is still priced by presence."""
    with_basis(project, run, basis, seats_on_roster=47)
    assert run("record", "attendance", "--date", "2022-10-10", "--present", "45").exit_code == 0
    assert total(run, "--month", "2022-10") == expected
    assert (
        run(
            "record",
            "demand",
            "--from",
            "2022-10-11",
            "--to",
            "2022-10-11",
            "--shift",
            "night",
            "--required",
            "2",
        ).exit_code
        == 0
    )
    assert (
        run("record", "attendance", "--date", "2022-10-11", "--shift", "night", "--present", "1").exit_code
        == 0
    )
    assert total(run, "--from", "2022-10-11", "--to", "2022-10-11") == "300.00"


def test_a_reading_the_tool_does_not_compute_is_refused(project: Path, run: Run) -> None:
    contract = project / "contracts" / SEED.name
    contract.write_text(
        contract.read_text(encoding="utf-8").replace("shortage_basis: presence", "shortage_basis: hourly"),
        encoding="utf-8",
    )
    result = run("check")
    assert result.exit_code == 1 and "settings.shortage_basis" in result.output
    assert "'presence', 'vacancy' or 'per-day'" in result.output


def test_the_statutory_floor_for_a_small_or_medium_supplier(project: Path, run: Run) -> None:
    """Party B is an SME and the one-year LPR at signing was 3.70 %. Instalment 2, due
    2022-07-22, 1,000,000.00 paid 14 days late on 08-05: at the agreed 0.35 %,
    1,000,000.00 x 0.35 % x 14 / 360 = 136.11; at the floor, 1,000,000.00 x 3.70 % x 14 / 360
    = 1,438.888... -> 1,438.89. The 641,000.00 still unpaid accrues for the same 14 days:
    87.25 at 0.35 % and 922.33 at 3.70 %, so the period's interest is 223.36, or 2,361.22 at
    the floor. check reports the agreed rate as a finding, not a problem."""
    contract = project / "contracts" / SEED.name
    text = contract.read_text(encoding="utf-8")
    text = text.replace(
        "    name: 北京融通润园科技有限公司\n", "    name: 北京融通润园科技有限公司\n    sme: true\n"
    )
    text = text.replace("  day_basis: 360\n", '  day_basis: 360\n  lpr_at_signing: "3.70"\n')
    contract.write_text(text, encoding="utf-8")
    assert run("init", "--recorded-from", "2022-10-01").exit_code == 0
    write_roster(project / LEDGER)
    for args in (
        ("record", "request", "--date", "2022-07-01", "--instalment", "2"),
        ("record", "payment", "--date", "2022-08-05", "--instalment", "2", "--amount", "1000000"),
    ):
        assert run(*args).exit_code == 0
    check = run("check", "--format", "json")
    assert check.exit_code == 0, check  # a finding does not fail check
    (finding,) = [p for p in json.loads(check.stdout)["problems"] if p["code"] == "interest-floor"]
    assert finding["severity"] == "warning" and finding["code"] == "interest-floor"
    assert "0.35 %" in finding["message"] and "3.70 %" in finding["message"]
    s = json.loads(run("settle", "--quarter", "Q3", "--as-of", "2022-08-05", "--format", "json").stdout)
    (pay,) = next(d for d in s["due"] if d["instalment"] == 2)["payments"]
    assert (pay["interest"], pay["interest_at_floor"]) == ("136.11", "1438.89")
    assert (s["late_interest"], s["late_interest_at_floor"]) == ("223.36", "2361.22")
    text_out = run("settle", "--quarter", "Q3", "--as-of", "2022-08-05").stdout
    assert "2,361.22" in text_out and "statutory floor" in text_out


def test_an_sme_without_the_lpr_is_a_contract_problem(project: Path, run: Run) -> None:
    contract = project / "contracts" / SEED.name
    contract.write_text(
        contract.read_text(encoding="utf-8").replace(
            "    name: 北京融通润园科技有限公司\n", "    name: 北京融通润园科技有限公司\n    sme: true\n"
        ),
        encoding="utf-8",
    )
    result = run("check")
    assert result.exit_code == 1 and "late_interest.lpr_at_signing" in result.output


def test_without_sme_nothing_changes(project: Path, run: Run) -> None:
    """The seed leaves sme unset: no floor, no finding, no extra JSON field."""
    assert run("init", "--recorded-from", "2022-10-01").exit_code == 0
    s = json.loads(run("settle", "--quarter", "Q3", "--format", "json").stdout)
    assert "late_interest_at_floor" not in s


def test_per_day_keeps_the_first_shift_on_a_tie(project: Path, run: Run) -> None:
    """Day shift 47 of 48 and a night demand of 2 with 1 present: one short each; per day the
    line is the day shift's (the first in order), 300.00."""
    with_basis(project, run, "per-day")
    for args in (
        (
            "record",
            "demand",
            "--from",
            "2022-10-10",
            "--to",
            "2022-10-10",
            "--shift",
            "night",
            "--required",
            "2",
        ),
        ("record", "attendance", "--date", "2022-10-10", "--present", "47"),
        ("record", "attendance", "--date", "2022-10-10", "--shift", "night", "--present", "1"),
    ):
        assert run(*args).exit_code == 0
    data = json.loads(run("deduct", "--month", "2022-10", "--format", "json").stdout)
    assert [(x["shift"], x["amount"]) for x in data["lines"]] == [("day", "300.00")]


def test_an_lpr_without_sme_changes_nothing(project: Path, run: Run) -> None:
    contract = project / "contracts" / SEED.name
    contract.write_text(
        contract.read_text(encoding="utf-8").replace(
            "  day_basis: 360\n", '  day_basis: 360\n  lpr_at_signing: "3.70"\n'
        ),
        encoding="utf-8",
    )
    assert run("init", "--recorded-from", "2022-10-01").exit_code == 0
    s = json.loads(run("settle", "--quarter", "Q3", "--format", "json").stdout)
    assert "late_interest_at_floor" not in s


def test_per_day_prices_each_date_on_its_own(project: Path, run: Run) -> None:
    """Per day is one line per date, not one for the period: 2022-10-10 the day shift 46 of
    48 (2 short), 2022-10-11 47 of 48 (1 short): 600.00 + 300.00."""
    with_basis(project, run, "per-day")
    for day, present in (("2022-10-10", "46"), ("2022-10-11", "47")):
        assert run("record", "attendance", "--date", day, "--present", present).exit_code == 0
    data = json.loads(run("deduct", "--month", "2022-10", "--format", "json").stdout)
    assert [(x["date"], x["amount"]) for x in data["lines"]] == [
        ("2022-10-10", "600.00"),
        ("2022-10-11", "300.00"),
    ]
    assert data["total"] == "900.00"


def test_vacancy_with_every_seat_filled_costs_nothing(project: Path, run: Run) -> None:
    """48 on the roster, 45 present: by vacancy no seat is empty, so nothing is deducted."""
    with_basis(project, run, "vacancy", seats_on_roster=48)
    assert run("record", "attendance", "--date", "2022-10-10", "--present", "45").exit_code == 0
    assert total(run, "--month", "2022-10") == "0.00"


def test_vacancy_counts_the_seats_in_force_on_the_date(project: Path, run: Run) -> None:
    """An amendment raises the seats to 52 from 2022-10-01; 50 on the roster. By vacancy on
    2022-10-10: 52 - 50 = 2, 600.00 (the seats as signed, 48, would give nothing)."""
    contract = project / "contracts" / SEED.name
    contract.write_text(
        contract.read_text(encoding="utf-8")
        + """amendments:
  - id: a1
    reference: 补充协议（一）
    signed: 2022-09-20
    effective: 2022-10-01
    changes:
      seats: 52
""",
        encoding="utf-8",
    )
    with_basis(project, run, "vacancy", seats_on_roster=50)
    assert run("record", "attendance", "--date", "2022-10-10", "--present", "50").exit_code == 0
    assert total(run, "--month", "2022-10") == "600.00"
