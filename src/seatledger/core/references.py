"""What a record that names another must meet (rules 7, 14, 17), declared on the naming field
(`F(..., ref=...)`) and checked by one pass (`checks.references`): it names a record of the kind
(a live one, unless said otherwise), dated on or after it, at most once where said."""

from seatledger.core.declare import Ref
from seatledger.core.i18n import N_

DISPUTED_INCIDENT = Ref(
    "incident",
    N_("{incident!r} is not an incident; a dispute names the incident whose deduction Party B contests"),
    before=N_("{date} is before the incident {date2}"),
    twice=N_("{incident} is already disputed by {id}"),
    live=False,  # voiding the incident later upholds the dispute
)

RULED_DISPUTE = Ref(
    "dispute",
    N_("{dispute!r} is not a live dispute"),
    before=N_("{date} is before the dispute {date2}"),
    twice=N_("{dispute} is already ruled on by {id}"),
)

CURED_NOTICE = Ref(
    "notice", N_("{notice!r} is not a live notice"), before=N_("{date} is before the notice {date2}")
)

VOIDED_RECORD = Ref(
    None,
    N_("{target!r} is not a record that can be voided"),
    twice=N_("{target} is already voided by {id}"),
    live=False,
    same_date=N_("must be the voided record's date {date}"),
)
