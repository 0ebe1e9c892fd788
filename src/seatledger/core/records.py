"""Ledger data: the roster and every record kind, as plain frozen values, each declared once.

A field's annotation carries its converter, option and help (`F`); `@declare` gives the kind's
id prefix, command help and what the layers above ask of it (see `core.declare`). Field order is
the key order the files are written in. Each value carries its `source` (file and line) so any
figure can be traced to the line it came from. NamedTuples rather than dataclasses: every command
defines these classes, and a NamedTuple costs a tenth. No `from __future__ import annotations`:
the declarations are read from the evaluated annotations.
"""

import datetime as dt
from decimal import Decimal
from typing import Annotated, Literal, NamedTuple

from seatledger.core.convert import (
    count0,
    count1,
    day,
    ident,
    idents,
    instalment_number,
    instalment_ref,
    key,
    money,
    one_of,
    repeat,
    text,
)
from seatledger.core.declare import DECLARED, F, declare
from seatledger.core.i18n import N_
from seatledger.core.source import NOWHERE, FieldLines, Source, field_lines, fields_in_order
from seatledger.core.vocab import DEGREES, ROLES, SHIFTS

__all__ = ["DECLARED", "NOWHERE", "FieldLines", "Source", "field_lines", "fields_in_order"]

# Fields many kinds share.
Id = Annotated[str, F(ident, option="-")]  # drawn by the tool from the content (rule 7)
Day = Annotated[dt.date, F(day, N_("2022-07-01, 2022/07/01 or 2022年7月1日"))]
Note = Annotated[str | None, F(text, N_("Free text kept with the record."))]
Repeat = Annotated[int | None, F(repeat, option="-")]  # the n-th alike in all else (--duplicate)
Staff = Annotated[tuple[str, ...], F(idents, N_("Staff ids: S001,S002, or the option repeated"), cli="ids")]
Shift = Annotated[str, F(one_of(SHIFTS), N_("day, night or duty"))]
InstalmentRef = Annotated[int | str, F(instalment_ref, N_("N or final"))]  # a number, or "final"
Ground = Annotated[str, F(text, N_("The clause of a ground in the contract (termination.grounds)."))]


class LedgerMeta(NamedTuple):
    contract: Annotated[str, F(key)]
    recorded_from: Annotated[dt.date, F(day)]
    source: Source = NOWHERE


class Person(NamedTuple):
    id: Annotated[str, F(ident)]
    role: Annotated[str, F(one_of(ROLES))]
    degree: Annotated[str, F(one_of(DEGREES))]
    joined: Annotated[dt.date, F(day)]
    group: Annotated[str | None, F(key)] = None
    name: Annotated[str | None, F(text)] = None
    left: Annotated[dt.date | None, F(day)] = None
    note: Annotated[str | None, F(text)] = None
    source: Source = NOWHERE

    def on_roster(self, day: dt.date) -> bool:
        return self.joined <= day and (self.left is None or day < self.left)


@declare("att", N_("Attendance of one shift."), bulk=True, replace=True, book="attendance")
class Attendance(NamedTuple):
    id: Id
    date: Day
    shift: Annotated[str, F(one_of(SHIFTS), N_("day, night or duty"), cli_default="day")]
    present: Annotated[int, F(count0, N_("People at work on the shift."), cli="int")]
    absent: Annotated[
        tuple[str, ...], F(idents, N_("Absent staff ids: S001,S002, or the option repeated"), cli="ids")
    ] = ()
    note: Note = None
    source: Source = NOWHERE
    kind: Literal["attendance"] = "attendance"


@declare("inc", N_("An incident that a penalty prices."), roster=True, book="incidents")
class Incident(NamedTuple):
    id: Id
    date: Day
    penalty: Annotated[str, F(key, N_("A penalty key of the contract."))]
    count: Annotated[int, F(count1, N_("Units (occurrences, cases)."), cli="int")] = 1  # type: ignore[assignment]
    # per unit; None where the penalty fixes it
    amount: Annotated[
        Decimal | None, F(money, N_("Yuan per unit, where the penalty has no fixed amount."))
    ] = None
    staff: Staff = ()
    ref: Annotated[str | None, F(text, N_("Case or notice number."))] = None
    repeat: Repeat = None
    note: Note = None
    source: Source = NOWHERE
    kind: Literal["incident"] = "incident"


@declare("dem", N_("Party A's staffing demand for a shift over a date range."))
class Demand(NamedTuple):
    """Party A's staffing demand for one shift over a date range; `date` is its first day."""

    id: Id
    date: Annotated[dt.date, F(day, N_("First day, YYYY-MM-DD"), option="--from")]
    to: Annotated[dt.date, F(day, N_("Last day, YYYY-MM-DD"))]
    shift: Shift
    required: Annotated[int, F(count0, N_("People Party A requires."), cli="int")]
    note: Note = None
    source: Source = NOWHERE
    kind: Literal["demand"] = "demand"


@declare(
    "act",
    N_("A counted duty done: a training, a test, a Weibo update, an inspection, ..."),
    bulk=True,
    book="activities",
)
class Activity(NamedTuple):
    id: Id
    date: Day
    obligation: Annotated[str, F(key, N_("A duty key of the contract."))]
    count: Annotated[int, F(count1, cli="int")] = 1  # type: ignore[assignment]
    repeat: Repeat = None
    note: Note = None
    source: Source = NOWHERE
    kind: Literal["activity"] = "activity"


@declare(
    "req",
    N_("Party B's payment request, dated the day Party A received it."),
    after_term=True,
    book="requests",
)
class Request(NamedTuple):
    """Party B's payment request, dated the day Party A received it (rule 9)."""

    id: Id
    date: Day
    instalment: Annotated[int, F(instalment_number, cli="int")]
    repeat: Repeat = None
    note: Note = None
    source: Source = NOWHERE
    kind: Literal["request"] = "request"


@declare("pay", N_("A payment Party B received."), after_term=True, book="payments")
class Payment(NamedTuple):
    id: Id
    date: Day
    instalment: InstalmentRef
    amount: Annotated[Decimal, F(money, N_("Yuan received."))]
    excused: Annotated[str | None, F(key, N_("Why lateness is excused (an excuse key of the contract)."))] = (
        None
    )
    repeat: Repeat = None
    note: Note = None
    source: Source = NOWHERE
    kind: Literal["payment"] = "payment"


@declare(
    "cmp",
    N_("The jointly confirmed amount of the final payment."),
    after_term=True,
    book="completion",
    single=True,
)
class Completion(NamedTuple):
    """The jointly confirmed amount of the final payment (gross, rule 8)."""

    id: Id
    date: Day
    amount: Annotated[Decimal, F(money, N_("Confirmed final payment, gross."))]
    note: Note = None
    source: Source = NOWHERE
    kind: Literal["completion"] = "completion"


@declare("inv", N_("Party B's invoice."), after_term=True, book="invoices")
class Invoice(NamedTuple):
    id: Id
    date: Day
    instalment: InstalmentRef
    amount: Annotated[Decimal, F(money)]
    repeat: Repeat = None
    note: Note = None
    source: Source = NOWHERE
    kind: Literal["invoice"] = "invoice"


@declare(
    "rpl",
    N_("Party A's request to replace staff, within the contract's replacement window."),
    roster=True,
    book="replace_requests",
)
class ReplaceRequest(NamedTuple):
    """Party A asks Party B to replace these staff; due within one month (三(一)4)."""

    id: Id
    date: Day
    staff: Annotated[
        tuple[str, ...], F(idents, N_("Staff ids: S001,S002, or the option repeated"), cli="ids")
    ]
    repeat: Repeat = None
    note: Note = None
    source: Source = NOWHERE
    kind: Literal["replace-request"] = "replace-request"


@declare(
    "cns",
    N_("Party A's written consent to a change of project manager or team leader."),
    roster=True,
    book="consents",
)
class Consent(NamedTuple):
    """Party A's written consent to a change of the project manager or a team leader,
    naming the staff who leave or join (三(一)4, 三(二)4)."""

    id: Id
    date: Day
    staff: Annotated[
        tuple[str, ...], F(idents, N_("Staff ids: S001,S002, or the option repeated"), cli="ids")
    ]
    repeat: Repeat = None
    note: Note = None
    source: Source = NOWHERE
    kind: Literal["consent"] = "consent"


@declare(
    "dsp",
    N_("Party B disputes an incident's deduction: until a ruling, it is not withheld."),
    after_term=True,
    book="disputes",
)
class Dispute(NamedTuple):
    """Party B disputes the deduction of an incident (rule 17); a void of the incident upholds
    it, a ruling dismisses it."""

    id: Id
    date: Day
    incident: Annotated[str, F(ident, N_("The incident whose deduction Party B disputes."))]
    reason: Annotated[str, F(text)]
    note: Note = None
    source: Source = NOWHERE
    kind: Literal["dispute"] = "dispute"


@declare(
    "rul",
    N_("A dispute is dismissed: the deduction stands. (To uphold it, void the incident.)"),
    after_term=True,
    book="rulings",
)
class Ruling(NamedTuple):
    """The dispute is dismissed: the deduction stands (rule 17)."""

    id: Id
    date: Day
    dispute: Annotated[str, F(ident, N_("The dispute dismissed."))]
    note: Note = None
    source: Source = NOWHERE
    kind: Literal["ruling"] = "ruling"


@declare("ntc", N_("Party A's written demand to cure a breach by a date."), book="notices")
class Notice(NamedTuple):
    """Party A's written demand to cure by a date (rule 14)."""

    id: Id
    date: Day
    clause: Ground
    cure_by: Annotated[dt.date, F(day, N_("YYYY-MM-DD: cure by this day."))]
    ref: Annotated[str | None, F(text, N_("The notice's number."))] = None
    note: Note = None
    source: Source = NOWHERE
    kind: Literal["notice"] = "notice"


@declare("cur", N_("The breach a notice named was cured."), book="cures")
class Cured(NamedTuple):
    """A notice's breach was cured on this date (rule 14)."""

    id: Id
    date: Day
    notice: Annotated[str, F(ident, N_("The notice whose breach was cured."))]
    note: Note = None
    source: Source = NOWHERE
    kind: Literal["cured"] = "cured"


@declare(
    "trm",
    N_("The service ends: --date is the first day not served."),
    roster=True,
    book="termination",
    single=True,
)
class Termination(NamedTuple):
    """The service ends: `date` is the first day not served (rule 14)."""

    id: Id
    date: Day
    clause: Ground
    notice: Annotated[
        str | None, F(ident, N_("The expired notice it follows (where the ground needs one)."))
    ] = None
    note: Note = None
    source: Source = NOWHERE
    kind: Literal["termination"] = "termination"


@declare(
    "doc",
    N_("A document that is a basis for payment, received for an instalment."),
    after_term=True,
    book="documents",
)
class Document(NamedTuple):
    """A document that is a basis for payment (八), received for an instalment (rule 15)."""

    id: Id
    date: Day
    instalment: InstalmentRef
    document: Annotated[str, F(key, N_("A key of the contract's payment_documents."), option="--kind")]
    note: Note = None
    source: Source = NOWHERE
    kind: Literal["document"] = "document"


@declare("void", N_("Withdraw a record; it stays in its file for the audit trail and no report counts it."),
         after_term=True, command=False)  # fmt: skip
class Void(NamedTuple):
    """Withdraws the record `target`; carries that record's date (rule 7)."""

    id: Id
    date: Day
    target: Annotated[str, F(ident)]
    reason: Annotated[str, F(text)]
    note: Note = None
    source: Source = NOWHERE
    kind: Literal["void"] = "void"


Record = (
    Attendance
    | Incident
    | Demand
    | Activity
    | Request
    | Payment
    | Completion
    | Invoice
    | Void
    | ReplaceRequest
    | Consent
    | Dispute
    | Ruling
    | Notice
    | Cured
    | Termination
    | Document
)

# The kinds declared above, by name. Everything else about a kind is asked of DECLARED, which
# also holds a kind declared after this module (a test's, a plug-in's).
KINDS: dict[str, type[Record]] = {kind: d.cls for kind, d in DECLARED.items()}
