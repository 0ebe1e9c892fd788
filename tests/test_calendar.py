"""The working-day calendar: the DOMAIN.md facts for this term, overrides, and no guessing."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest

from conftest import CONTRACTS, Run
from seatledger.core.errors import SeatledgerError
from seatledger.core.workdays import WorkCalendar


def test_term_has_250_working_days_by_quarter() -> None:
    cal = WorkCalendar()
    quarters = [
        (date(2022, 4, 1), date(2022, 6, 30), 62),
        (date(2022, 7, 1), date(2022, 9, 30), 65),
        (date(2022, 10, 1), date(2022, 12, 31), 62),
        (date(2023, 1, 1), date(2023, 3, 31), 61),
    ]
    for start, end, expected in quarters:
        assert len(list(cal.working_days(start, end))) == expected
    assert len(list(cal.working_days(date(2022, 4, 1), date(2023, 3, 31)))) == 250


def test_adjusted_working_days_on_weekends() -> None:
    cal = WorkCalendar()
    weekend_work = [d for d in cal.working_days(date(2022, 4, 1), date(2023, 3, 31)) if d.weekday() >= 5]
    assert weekend_work == [
        date(2022, 4, 2),
        date(2022, 4, 24),
        date(2022, 5, 7),
        date(2022, 10, 8),
        date(2022, 10, 9),
        date(2023, 1, 28),
        date(2023, 1, 29),
    ]


def test_weekday_holidays_are_not_working_days() -> None:
    cal = WorkCalendar()
    assert cal.describe(date(2022, 10, 3)) == ("holiday", "National Day")
    assert cal.describe(date(2022, 4, 4))[0] == "holiday"
    assert cal.describe(date(2022, 10, 15)) == ("weekend", None)
    assert cal.describe(date(2022, 10, 10)) == ("working", None)


def test_due_date_counts_working_days_after_the_request() -> None:
    # DOMAIN rule 9's example: a request on 2022-07-01 is due 2022-07-22.
    assert WorkCalendar().add_working_days(date(2022, 7, 1), 15) == date(2022, 7, 22)


def test_override_and_uncovered_year() -> None:
    cal = WorkCalendar(
        [(date(2022, 10, 10), False, "local closure"), (date(2022, 10, 15), True, "make-up day")]
    )
    assert cal.describe(date(2022, 10, 10)) == ("holiday", "local closure")
    assert cal.describe(date(2022, 10, 15)) == ("working", "make-up day")
    with pytest.raises(SeatledgerError, match="no data for 2031"):
        cal.describe(date(2031, 1, 2))


def test_calendar_command(ledger: Path, run: Run) -> None:
    assert (
        run(
            "record",
            "demand",
            "--from",
            "2022-10-01",
            "--to",
            "2022-10-07",
            "--shift",
            "duty",
            "--required",
            "6",
        ).exit_code
        == 0
    )
    result = run("calendar", "--month", "2022-10", "--format", "json")
    assert result.exit_code == 0, result
    days = {d["date"]: d for d in json.loads(result.stdout)["days"]}
    assert len(days) == 31
    assert days["2022-10-03"]["kind"] == "holiday"
    assert days["2022-10-03"]["required"] == {"day": 0, "night": 0, "duty": 6}
    assert days["2022-10-08"]["kind"] == "working"
    assert days["2022-10-08"]["required"]["day"] == 48
    text = run("calendar", "--month", "2022-10")
    assert "adjusted working day" in text.stdout and "18 working days" in text.stdout


def test_calendar_errors(project: Path, run: Run) -> None:
    assert run("calendar", "--month", "2022-13").exit_code == 2
    result = run("calendar", "--month", "2031-01")
    assert result.exit_code == 1 and "no data for 2031" in result.output


def test_contract_override_applies(tmp_path: Path, run: Run) -> None:
    other = CONTRACTS / "chaoyang-60-seats.yaml"
    result = run(
        "calendar",
        "--month",
        "2024-02",
        "--contract",
        str(other),
        "--ledger",
        str(tmp_path / "none"),
        "--format",
        "json",
    )
    days = {d["date"]: d for d in json.loads(result.stdout)["days"]}
    assert days["2024-02-09"]["kind"] == "holiday" and days["2024-02-09"]["required"]["day"] == 0
    assert days["2024-02-08"]["required"]["day"] == 60


def test_the_official_calendar_matches_chinesecalendar_on_every_day_it_covers() -> None:
    """core.workdays reads chinesecalendar's tables directly (its functions are slow); the
    answers must be the library's own, day by day."""
    from datetime import date, timedelta

    import chinese_calendar
    import pytest
    from chinese_calendar.constants import holidays

    from seatledger.core.errors import SeatledgerError
    from seatledger.core.workdays import _official

    day, end = date(min(holidays).year, 1, 1), date(max(holidays).year, 12, 31)
    while day <= end:
        working = chinese_calendar.is_workday(day)
        _, name = chinese_calendar.get_holiday_detail(day)
        kind, note = _official(day)
        assert kind == ("working" if working else "holiday" if name is not None else "weekend")
        if kind == "holiday":
            assert note == str(name)
        day += timedelta(days=1)
    with pytest.raises(SeatledgerError, match="no data for"):
        _official(end + timedelta(days=1))
