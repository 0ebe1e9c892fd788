"""One page of the site as HTML, for the server and for `--static` alike: the page's values
from `web/pages.py` or `web/listing.py`, in its Jinja2 template, in the chosen language. A
ledger with a problem shows its problems, each linked to its file and line, and no figure
(rule 13)."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import jinja2

from seatledger.core.errors import SeatledgerError
from seatledger.core.i18n import N_, _, local, tr, use
from seatledger.core.money import capitals, fmt_grouped
from seatledger.core.vocabulary import KINDS, shown
from seatledger.web import listing, pages, portfolio_page, printed_pages
from seatledger.web.links import OVERVIEW, Links
from seatledger.web.site import Snapshot

TEMPLATES = Path(__file__).resolve().parent / "templates"
STYLESHEET = TEMPLATES / "site.css"
# Each page's query parameters, in the order a static file's name holds them.
PARAMS: dict[str, tuple[str, ...]] = {
    OVERVIEW: (),
    "statement": ("period",),
    "deductions": ("period",),
    "attendance": ("month",),
    "roster": (),
    "compliance": ("period",),
    "records": (*listing.FILTERS, "page"),
    "history": (),
    "commit": ("rev", "branch"),
    "source": ("file",),
}
FIGURES = (OVERVIEW, "statement", "deductions", "attendance", "roster", "compliance")
NAV = (
    (OVERVIEW, N_("Overview")),
    ("statement", N_("Statement")),
    ("deductions", N_("Deductions")),
    ("attendance", N_("Attendance")),
    ("roster", N_("Roster")),
    ("compliance", N_("Compliance")),
    ("records", N_("Records")),
    ("history", N_("History")),
)


def _environment() -> jinja2.Environment:
    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader(TEMPLATES), autoescape=True, trim_blocks=True, lstrip_blocks=True
    )
    env.globals.update(_=_, tr=tr, local=local, money=fmt_grouped, capitals=capitals, nav=NAV)
    env.globals.update(weekdays=pages.WEEKDAYS, shift_names=pages.SHIFT_NAMES, shown=shown, kind_words=KINDS)
    return env


ENV = _environment()


def render(
    snap: Snapshot, page: str, query: dict[str, str], lang: str, static: bool = False, up: bool = False
) -> tuple[int, str]:
    """(HTTP status, HTML) of one page; 404 for a page that does not exist. `up`: the pages
    are one contract's below the portfolio, and link to it."""
    use(lang)
    wanted = PARAMS.get(page)
    if wanted is None:
        return 404, _frame(snap, Links(lang, static, up=up), "message.html", {"message": _("No such page.")})
    links = Links(lang, static, page, tuple((k, query[k]) for k in wanted if query.get(k)), up)
    if page in FIGURES and snap.book is None:
        return 200, _frame(snap, links, "message.html", {"message": ""})
    try:
        return 200, BUILDERS[page](snap, links, query)
    except pages.PageError as exc:
        return 400, _frame(snap, links, "message.html", {"message": local(exc.args[0])})
    except SeatledgerError as exc:  # a revision git does not know, a ledger there with problems
        shown = [p.render() for p in exc.problems[:20]]
        return 400, _frame(snap, links, "message.html", {"message": local(exc.message), "lines": shown})


def render_portfolio(query: dict[str, str], lang: str, static: bool = False) -> tuple[int, str]:
    """(HTTP status, HTML) of the portfolio page (`web/portfolio_page.py`)."""
    links = portfolio_page.links(lang, static, query)
    git = portfolio_page.git_state()
    common = {"links": links, "lang": lang, "git": git, "money_keys": portfolio_page.MONEY}
    template = ENV.get_template("portfolio.html")
    try:
        values = portfolio_page.values(query)
    except portfolio_page.PageError as exc:
        return 400, template.render(message=str(exc.args[0]), contract_href=links.contract, **common)
    return 200, template.render(contract_href=links.contract, **values, **common)


def _frame(snap: Snapshot, links: Links, template: str, values: dict[str, Any]) -> str:
    return ENV.get_template(template).render(
        snap=snap, links=links, lang=links.lang, problem_link=lambda p: problem_link(snap, links, p), **values
    )


def problem_link(snap: Snapshot, links: Links, problem: Any) -> str | None:
    name = listing.source_name(snap, problem.file)
    if name is None:
        return None
    return links.href("source", file=name) + (f"#L{problem.line}" if problem.line else "")


def _overview(snap: Snapshot, links: Links, query: dict[str, str]) -> str:
    return _frame(snap, links, "overview.html", pages.overview(snap))


def _printed(make: Callable[[Snapshot, Any], str]) -> Callable[[Snapshot, Links, dict[str, str]], str]:
    def build(snap: Snapshot, links: Links, query: dict[str, str]) -> str:
        assert snap.book is not None
        period = printed_pages.period(snap, query.get("period"))
        chosen = query.get("period") or period.label
        bar = _frame(snap, links, "bar.html", {"periods": pages.periods(snap.book), "chosen": chosen})
        return printed_pages.with_bar(make(snap, period), bar, links.stylesheet)

    return build


def _attendance(snap: Snapshot, links: Links, query: dict[str, str]) -> str:
    return _frame(snap, links, "attendance.html", pages.attendance(snap, query.get("month")))


def _roster(snap: Snapshot, links: Links, query: dict[str, str]) -> str:
    return _frame(snap, links, "roster.html", pages.roster(snap))


def _compliance(snap: Snapshot, links: Links, query: dict[str, str]) -> str:
    values = pages.compliance(snap, query.get("period"))
    values["chosen"] = query.get("period") or values["period"].label
    return _frame(snap, links, "compliance.html", values)


def _records(snap: Snapshot, links: Links, query: dict[str, str]) -> str:
    if snap.ledger is None:
        return _frame(snap, links, "message.html", {"message": ""})
    return _frame(snap, links, "records.html", listing.records(snap, query))


def _history(snap: Snapshot, links: Links, query: dict[str, str]) -> str:
    return _frame(snap, links, "history.html", listing.history(snap, 20 if links.static else 200))


def _commit(snap: Snapshot, links: Links, query: dict[str, str]) -> str:
    if not query.get("rev") and not query.get("branch"):
        raise pages.PageError(_("name a commit (rev=) or a branch (branch=)"))
    return _frame(
        snap, links, "commit.html", listing.change(snap, query.get("rev", ""), query.get("branch", ""))
    )


def _source(snap: Snapshot, links: Links, query: dict[str, str]) -> str:
    return _frame(snap, links, "source.html", listing.source(snap, query.get("file", "")))


BUILDERS: dict[str, Callable[[Snapshot, Links, dict[str, str]], str]] = {
    OVERVIEW: _overview,
    "statement": _printed(printed_pages.statement_page),
    "deductions": _printed(printed_pages.deductions_page),
    "attendance": _attendance,
    "roster": _roster,
    "compliance": _compliance,
    "records": _records,
    "history": _history,
    "commit": _commit,
    "source": _source,
}
