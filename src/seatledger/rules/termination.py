"""Termination, 十(2), 十(3) and 三(一)9 in the seed contract (rule 14). A termination dated D
ends the service from D (the first day not served). No instalment whose period starts on or
after D accrues; the instalment whose period holds D is reversed for its unserved part, D to
the period's end, as a negative accrual rounded once: amount × unserved days / days in the
period (calendar days, or working days where the contract says). The balance then shows
whether Party B must refund fees received (十(2) 退还已收取的相应费用). Attendance is expected
up to D − 1; the completion may be dated from D."""

from __future__ import annotations

from decimal import Decimal

from seatledger.core.contract import Contract, Instalment
from seatledger.core.money import quantize
from seatledger.core.records import Record, Termination
from seatledger.core.workdays import WorkCalendar


def termination_of(records: tuple[Record, ...] | list[Record]) -> Termination | None:
    """The termination among live records (a second one is a problem of the checks)."""
    return next((r for r in records if isinstance(r, Termination)), None)


def accrues(inst: Instalment, ended: Termination | None) -> bool:
    return ended is None or inst.start < ended.date


def reversal(
    contract: Contract, calendar: WorkCalendar, inst: Instalment, ended: Termination | None
) -> Decimal | None:
    """The part of an instalment reversed by a termination inside its period, or None."""
    if ended is None or not inst.start < ended.date <= inst.end:
        return None
    if contract.termination is not None and contract.termination.basis == "working-days":
        unserved = sum(1 for _ in calendar.working_days(ended.date, inst.end))
        whole = sum(1 for _ in calendar.working_days(inst.start, inst.end))
    else:
        unserved = (inst.end - ended.date).days + 1
        whole = (inst.end - inst.start).days + 1
    return quantize(inst.amount * unserved / whole)
