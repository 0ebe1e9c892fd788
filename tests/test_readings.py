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
    contract.write_text(contract.read_text(encoding="utf-8").replace(
        "shortage_basis: presence", f"shortage_basis: {basis}"), encoding="utf-8")
    assert run("init", "--recorded-from", "2022-10-01").exit_code == 0
    write_roster(project / LEDGER, seats=seats_on_roster)


def total(run: Run, *args: str) -> str:
    result = run("deduct", *args, "--format", "json")
    assert result.exit_code == 0, result
    return json.loads(result.stdout)["total"]


@pytest.mark.parametrize("basis, expected", [("presence", "900.00"), ("per-day", "600.00")])
def test_per_day_takes_the_largest_shortage_of_a_date(project: Path, run: Run, basis: str,
                                                      expected: str) -> None:
    """A working day, 2022-10-10: the day shift 46 of 48, and a night demand of 3 with 2
    present. By presence 2 + 1 = 3 person-shifts, 900.00; per day the larger, 2: 600.00."""
    with_basis(project, run, basis)
    for args in (("record", "demand", "--from", "2022-10-10", "--to", "2022-10-10", "--shift",
                  "night", "--required", "3"),
                 ("record", "attendance", "--date", "2022-10-10", "--present", "46"),
                 ("record", "attendance", "--date", "2022-10-10", "--shift", "night",
                  "--present", "2")):
        assert run(*args).exit_code == 0
    assert total(run, "--month", "2022-10") == expected


@pytest.mark.parametrize("basis, expected", [("presence", "900.00"), ("vacancy", "300.00")])
def test_vacancy_prices_the_empty_seats_not_the_absent(project: Path, run: Run, basis: str,
                                                       expected: str) -> None:
    """A working day, 2022-10-10, with 47 on the roster and 45 present. By presence 48 - 45 = 3,
    900.00; by vacancy 48 - 47 = 1, 300.00. A night demand is still priced by presence."""
    with_basis(project, run, basis, seats_on_roster=47)
    assert run("record", "attendance", "--date", "2022-10-10", "--present", "45").exit_code == 0
    assert total(run, "--month", "2022-10") == expected
    assert run("record", "demand", "--from", "2022-10-11", "--to", "2022-10-11", "--shift",
               "night", "--required", "2").exit_code == 0
    assert run("record", "attendance", "--date", "2022-10-11", "--shift", "night",
               "--present", "1").exit_code == 0
    assert total(run, "--from", "2022-10-11", "--to", "2022-10-11") == "300.00"


def test_a_reading_the_tool_does_not_compute_is_refused(project: Path, run: Run) -> None:
    contract = project / "contracts" / SEED.name
    contract.write_text(contract.read_text(encoding="utf-8").replace(
        "shortage_basis: presence", "shortage_basis: hourly"), encoding="utf-8")
    result = run("check")
    assert result.exit_code == 1 and "settings.shortage_basis" in result.output
    assert "'presence', 'vacancy' or 'per-day'" in result.output
