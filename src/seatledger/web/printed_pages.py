"""The statement and the deductions by clause: the printed pages themselves
(`render/html_statement.py`, `render/html.py`), with a bar above them for the site (the way
back, the periods, the language, the commit, a print button) that does not print, and tables
that scroll sideways on a phone."""

from __future__ import annotations

from seatledger.core.periods import Period
from seatledger.render import html, html_statement
from seatledger.reports.deductions import deduct
from seatledger.reports.printed import printed
from seatledger.reports.settlement import settle
from seatledger.web.pages import period_of
from seatledger.web.site import Snapshot

SCREEN = (
    "<style>@media print { .site-bar { display: none; } }"
    "@media screen and (max-width: 600px) { body { margin: 2mm; } table { display: block;"
    " overflow-x: auto; } .sign { flex-direction: column; } }</style>"
)


def period(snap: Snapshot, value: str | None) -> Period:
    assert snap.book is not None
    return period_of(snap.book, value, snap.as_of)


def statement_page(snap: Snapshot, p: Period) -> str:
    """The printable statement, as `settle --format html` prints it for the period."""
    book = snap.book
    assert book is not None
    return html_statement.statement(printed(book, p, settle(book, p)))


def deductions_page(snap: Snapshot, p: Period) -> str:
    book = snap.book
    assert book is not None
    return html.deductions(printed(book, p, deduct(book, p)))


def with_bar(page: str, bar: str, stylesheet: str) -> str:
    """The printed page with the site's bar at the top of its body."""
    head = f'<link rel="stylesheet" href="{stylesheet}"><link rel="icon" href="data:,">{SCREEN}</head>'
    return page.replace("</head>", head, 1).replace("<body>", f"<body>{bar}", 1)
