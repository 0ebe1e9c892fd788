"""Every record kind, declared once: a field's annotation carries its converter, option and help (`F`),
`@declare` the kind's id prefix, help and facts (`core.declare`). Field order is the files' key order;
`source` traces each value to its line. No `from __future__ import annotations`: annotations are read."""

import datetime as dt
from decimal import Decimal
from typing import Annotated, Literal, NamedTuple

from seatledger.core import convert as cv
from seatledger.core import references
from seatledger.core.choices import SHIFT_TITLES, SHIFTS
from seatledger.core.declare import DECLARED as DECLARED
from seatledger.core.declare import F, declare
from seatledger.core.field_types import Day, Ground, Id, InstalmentRef, Note, Repeat, Shift, Staff
from seatledger.core.i18n import N_
from seatledger.core.roster import LedgerMeta as LedgerMeta
from seatledger.core.roster import Person as Person
from seatledger.core.source import NOWHERE as NOWHERE
from seatledger.core.source import Source as Source


@declare("att", N_("Attendance of one shift."), bulk=True, replace=True, book="attendance", seats=True)
class Attendance(NamedTuple):
    id: Id
    date: Day
    shift: Annotated[str, F(cv.one_of(SHIFTS, SHIFT_TITLES), N_("day, night or duty"), cli_default="day")]
    present: Annotated[int, F(cv.count0, N_("People at work on the shift."), cli="int")]
    absent: Annotated[
        tuple[str, ...], F(cv.idents, N_("Absent staff ids: S001,S002, or the option repeated"), cli="ids")
    ] = ()
    note: Note = None
    source: Source = NOWHERE
    kind: Literal["attendance"] = "attendance"


@declare("inc", N_("An incident that a penalty prices."), roster=True, book="incidents")
class Incident(NamedTuple):
    id: Id
    date: Day
    penalty: Annotated[str, F(cv.key, N_("A penalty key of the contract."))]
    count: Annotated[int, F(cv.count1, N_("Units (occurrences, cases)."), cli="int")] = 1  # type: ignore[assignment]
    # per unit; None where the penalty fixes it
    amount: Annotated[
        Decimal | None, F(cv.money, N_("Yuan per unit, where the penalty has no fixed amount."))
    ] = None
    staff: Staff = ()
    ref: Annotated[str | None, F(cv.text, N_("Case or notice number."))] = None
    repeat: Repeat = None
    note: Note = None
    source: Source = NOWHERE
    kind: Literal["incident"] = "incident"


@declare("dem", N_("Party A's staffing demand for a shift over a date range."), seats=True)
class Demand(NamedTuple):
    """Party A's staffing demand for one shift over a date range; `date` is its first day."""

    id: Id
    date: Annotated[dt.date, F(cv.day, N_("First day, YYYY-MM-DD"), option="--from")]
    to: Annotated[dt.date, F(cv.day, N_("Last day, YYYY-MM-DD"))]
    shift: Shift
    required: Annotated[int, F(cv.count0, N_("People Party A requires."), cli="int")]
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
    obligation: Annotated[str, F(cv.key, N_("A duty key of the contract."))]
    count: Annotated[int, F(cv.count1, cli="int")] = 1  # type: ignore[assignment]
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
    id: Id
    date: Day
    instalment: Annotated[int, F(cv.instalment_number, cli="int")]
    repeat: Repeat = None
    note: Note = None
    source: Source = NOWHERE
    kind: Literal["request"] = "request"


@declare("pay", N_("A payment Party B received."), after_term=True, book="payments")
class Payment(NamedTuple):
    id: Id
    date: Day
    instalment: InstalmentRef
    amount: Annotated[Decimal, F(cv.money, N_("Yuan received."))]
    excused: Annotated[
        str | None, F(cv.key, N_("Why lateness is excused (an excuse key of the contract)."))
    ] = None
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
    amount: Annotated[Decimal, F(cv.money, N_("Confirmed final payment, gross."))]
    note: Note = None
    source: Source = NOWHERE
    kind: Literal["completion"] = "completion"


@declare("inv", N_("Party B's invoice."), after_term=True, book="invoices")
class Invoice(NamedTuple):
    id: Id
    date: Day
    instalment: InstalmentRef
    amount: Annotated[Decimal, F(cv.money)]
    repeat: Repeat = None
    note: Note = None
    source: Source = NOWHERE
    kind: Literal["invoice"] = "invoice"


@declare(
    "rpl",
    N_("Party A's request to replace staff, within the contract's replacement window."),
    roster=True,
    seats=True,
    book="replace_requests",
)
class ReplaceRequest(NamedTuple):
    """Party A asks Party B to replace these staff; due within one month (三(一)4)."""

    id: Id
    date: Day
    staff: Staff
    repeat: Repeat = None
    note: Note = None
    source: Source = NOWHERE
    kind: Literal["replace-request"] = "replace-request"


@declare(
    "cns",
    N_("Party A's written consent to a change of project manager or team leader."),
    roster=True,
    seats=True,
    book="consents",
)
class Consent(NamedTuple):
    """Names the staff who leave or join (三(一)4, 三(二)4)."""

    id: Id
    date: Day
    staff: Staff
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
    """Rule 17: a void of the incident upholds the dispute, a ruling dismisses it."""

    id: Id
    date: Day
    incident: Annotated[
        str,
        F(cv.ident, N_("The incident whose deduction Party B disputes."), ref=references.DISPUTED_INCIDENT),
    ]
    reason: Annotated[str, F(cv.text)]
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
    id: Id
    date: Day
    dispute: Annotated[str, F(cv.ident, N_("The dispute dismissed."), ref=references.RULED_DISPUTE)]
    note: Note = None
    source: Source = NOWHERE
    kind: Literal["ruling"] = "ruling"


@declare("ntc", N_("Party A's written demand to cure a breach by a date."), book="notices")
class Notice(NamedTuple):
    """Party A's written demand to cure by a date (rule 14)."""

    id: Id
    date: Day
    clause: Ground
    cure_by: Annotated[dt.date, F(cv.day, N_("YYYY-MM-DD: cure by this day."))]
    ref: Annotated[str | None, F(cv.text, N_("The notice's number."))] = None
    note: Note = None
    source: Source = NOWHERE
    kind: Literal["notice"] = "notice"


@declare("cur", N_("The breach a notice named was cured."), book="cures")
class Cured(NamedTuple):
    id: Id
    date: Day
    notice: Annotated[str, F(cv.ident, N_("The notice whose breach was cured."), ref=references.CURED_NOTICE)]
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
        str | None, F(cv.ident, N_("The expired notice it follows (where the ground needs one)."))
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
    document: Annotated[str, F(cv.key, N_("A key of the contract's payment_documents."), option="--kind")]
    note: Note = None
    source: Source = NOWHERE
    kind: Literal["document"] = "document"


@declare("void", N_("Withdraw a record; it stays in its file for the audit trail and no report counts it."),
         after_term=True, command=False)  # fmt: skip
class Void(NamedTuple):
    """Withdraws the record `target`; carries that record's date (rule 7)."""

    id: Id
    date: Day
    target: Annotated[str, F(cv.ident, ref=references.VOIDED_RECORD)]
    reason: Annotated[str, F(cv.text)]
    note: Note = None
    source: Source = NOWHERE
    kind: Literal["void"] = "void"


from seatledger.core.opening import Opening as Opening  # noqa: E402  (declared last: rule 21)
from seatledger.core.service_records import Assessment as Assessment  # noqa: E402  (and rules 25, 26)
from seatledger.core.service_records import Measurement as Measurement  # noqa: E402

Record = (
    Attendance | Incident | Demand | Activity | Request | Payment | Completion | Invoice | ReplaceRequest
    | Consent | Dispute | Ruling | Notice | Cured | Termination | Document | Void | Opening | Measurement
    | Assessment
)  # fmt: skip
