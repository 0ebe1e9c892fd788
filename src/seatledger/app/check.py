"""`check` and `calendar`."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from seatledger.app.ledger_access import counts, existing_ledger, open_checked, refuse_problems
from seatledger.core.dates import parse_month
from seatledger.core.errors import SeatledgerError, UsageError
from seatledger.core.i18n import msg
from seatledger.core.periods import month_period
from seatledger.core.results import CheckResult
from seatledger.git import audit
from seatledger.git.driver_config import unconfigured_driver
from seatledger.git.pinned_version import version_mismatch
from seatledger.read import verdicts
from seatledger.read.contract_file import load_contract
from seatledger.read.locate import Paths, resolve
from seatledger.reports.calendar_days import MonthCalendar, month_calendar

if TYPE_CHECKING:
    from seatledger.reports.printed import Printed


def check(contract: Path | None, ledger: Path | None, since: str | None = None) -> CheckResult:
    """Every problem, and a line saying what was checked; then the history audit: records
    that HEAD (or, with `since`, any commit from that revision on) had and that were lost
    without a void."""
    paths = resolve(contract, ledger)
    result = _check(paths)
    if not paths.ledger.is_dir():
        return result
    lost = audit.history_losses(paths.ledger, since) if since is not None else []
    lost += audit.work_tree_losses(paths.ledger)
    lost += unconfigured_driver(paths.ledger)
    lost += version_mismatch(paths.ledger)
    return result._replace(problems=[*result.problems, *lost]) if lost else result


def _check(paths: Paths) -> CheckResult:
    key = None
    if paths.ledger.is_dir():  # found clean before, byte for byte: nothing to read again
        key = verdicts.digest(paths.contract, paths.ledger)
        known = verdicts.clean(key, paths.contract, paths.ledger)
        if known is not None:
            return CheckResult([], _checked(paths, known))
    try:
        if not paths.ledger.is_dir():
            load_contract(paths.contract)  # the contract's own problems come first
        led = open_checked(Paths(paths.contract, existing_ledger(paths.ledger)), key=key)
    except SeatledgerError as exc:
        if exc.problems:
            return CheckResult(exc.problems, f"{paths.contract}")
        raise
    return CheckResult(led.problems, _checked(paths, counts(led)))


def _checked(paths: Paths, n: verdicts.Counts) -> str:
    return msg(
        "{contract} and {ledger}: {n_records} records in {months} month files, {n_roster} "
        "people on the roster",
        contract=paths.contract,
        ledger=paths.ledger,
        n_records=n.records,
        months=n.months,
        n_roster=n.roster,
    )


def calendar(
    contract: Path | None, ledger: Path | None, month: str, page: bool = False
) -> MonthCalendar | Printed[MonthCalendar]:
    try:
        year, mon = parse_month(month)
    except ValueError as exc:
        raise UsageError(msg("--month: {exc}", exc=exc)) from None
    paths = resolve(contract, ledger)
    if paths.ledger.is_dir():
        led = refuse_problems(open_checked(Paths(paths.contract, paths.ledger)))
        terms, records = led.contract, led.records
    else:
        terms, records = load_contract(paths.contract), ()
    days = month_calendar(terms, records, year, mon)
    if not page:
        return days
    from seatledger.reports.printed import Printed  # the money reports behind it: only for paper

    return Printed(terms, month_period(year, mon), days)
