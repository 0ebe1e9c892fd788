"""From the period options of the command line to a Period, with errors that name the option."""

from __future__ import annotations

from datetime import date
from typing import NamedTuple

from seatledger.core import periods
from seatledger.core.contract import Contract
from seatledger.core.dates import parse_date, parse_month
from seatledger.core.errors import UsageError
from seatledger.core.i18n import msg
from seatledger.core.periods import Period


class PeriodArgs(NamedTuple):
    month: str | None = None
    quarter: str | None = None
    instalment: int | None = None
    start: str | None = None
    end: str | None = None

    @property
    def given(self) -> bool:
        return any(v is not None for v in self)


def option_date(value: str, option: str) -> date:
    try:
        return parse_date(value)
    except ValueError as exc:
        raise UsageError(msg("{option}: {exc}", option=option, exc=exc)) from None


def period_from(contract: Contract, args: PeriodArgs) -> Period:
    """The one period the options name; it starts inside the term (rule 11)."""
    chosen = [
        name
        for name, value in (
            ("--month", args.month),
            ("--quarter", args.quarter),
            ("--instalment", args.instalment),
            ("--from/--to", args.start or args.end),
        )
        if value is not None
    ]
    if len(chosen) != 1:
        got = msg(" (got {options})", options=", ".join(chosen)) if chosen else ""
        raise UsageError(
            msg(
                "choose one period: --month YYYY-MM, --quarter Q3 (or 2022-Q3), "
                "--instalment N, or --from D --to D{got}",
                got=got,
            )
        )
    try:
        if args.month is not None:
            option = "--month"
            period = periods.month_period(*parse_month(args.month))
        elif args.quarter is not None:
            option = "--quarter"
            period = periods.quarter(contract, args.quarter)
        elif args.instalment is not None:
            option = "--instalment"
            period = periods.instalment_period(contract, args.instalment)
        else:
            option = "--from/--to"
            if args.start is None or args.end is None:
                raise UsageError(msg("--from and --to go together"))
            period = periods.date_range(args.start, args.end)
    except ValueError as exc:
        raise UsageError(msg("{option}: {exc}", option=option, exc=exc)) from None
    term = contract.term
    if not term.start <= period.start <= term.end:
        raise UsageError(
            msg(
                "{label} starts {start}, outside the term {start2}..{end}; a period starts inside it",
                label=period.label,
                start=period.start,
                start2=term.start,
                end=term.end,
            )
        )
    return period
