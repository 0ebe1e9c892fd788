"""`seatledger serve --static DIR`: the same pages written as files with relative links, for a
CI job to publish (GitHub Pages, GitLab Pages): every page in both languages, the records
page by page, the last commits' changes, and the files that problems name; with several
contracts, the portfolio and each contract's pages in a folder of their own."""

from __future__ import annotations

import shutil
from pathlib import Path
from typing import NamedTuple

from seatledger.core.atomic import write_atomic
from seatledger.core.i18n import LANGUAGES, current
from seatledger.web import listing, pages, portfolio_page
from seatledger.web.links import OVERVIEW, static_name
from seatledger.web.site import Site, Snapshot
from seatledger.web.views import PARAMS, STYLESHEET, render, render_portfolio

COMMITS = 20  # the commits whose changes are written


class Written(NamedTuple):
    folder: Path
    pages: int
    problems: int


def _queries(snap: Snapshot) -> list[tuple[str, dict[str, str]]]:
    out: list[tuple[str, dict[str, str]]] = [(OVERVIEW, {}), ("roster", {}), ("history", {})]
    if snap.book is not None:
        for value, _label in pages.periods(snap.book):
            out += [(name, {"period": value}) for name in ("statement", "deductions", "compliance")]
        out += [("attendance", {"month": m}) for m in pages.attendance(snap, None)["months"]]
        out += [(name, {}) for name in ("statement", "deductions", "compliance", "attendance")]
    if snap.ledger is not None:
        count = listing.records(snap, {})["pages"]
        out += [("records", {})] + [("records", {"page": str(n)}) for n in range(2, count + 1)]
    for commit in listing.history(snap, COMMITS)["commits"]:
        out.append(("commit", {"rev": commit.id}))
    files = {listing.source_name(snap, p.file) for p in (*snap.problems, *snap.findings)}
    if snap.ledger is not None:
        files |= {Path(r.source.file).name for r in snap.ledger.records}
    out += [("source", {"file": name}) for name in sorted(f for f in files if f)]
    return out


def write_static(contract: Path | None, ledger: Path | None, folder: Path, lang: str | None) -> Written:
    """One contract's pages; in a repository with several contracts and none chosen, the
    portfolio (`index.html`, and a page a year and a Party A) and each contract's pages in
    `<id>/`."""
    default = lang or current()
    several = portfolio_page.several(contract, ledger)
    if several is None:
        return _contract_pages(contract, ledger, folder, default, up=False)
    folder.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(STYLESHEET, folder / "site.css")
    written = problems = 0
    for cid, path in several.items():
        done = _contract_pages(path, None, folder / cid, default, up=True)
        written, problems = written + done.pages, problems + done.problems
    for query in portfolio_page.static_queries({}):
        values = [query[k] for k in portfolio_page.PARAMS if query.get(k)]
        for language in LANGUAGES:
            _status, text = render_portfolio(query, language, static=True)
            write_atomic(folder / static_name(portfolio_page.PAGE, values, language), text)
            written += 1
    _status, text = render_portfolio({}, default, static=True)
    write_atomic(folder / "index.html", text)
    return Written(folder, written + 1, problems)


def _contract_pages(
    contract: Path | None, ledger: Path | None, folder: Path, default: str, up: bool
) -> Written:
    snap = Site(contract, ledger).current()
    folder.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(STYLESHEET, folder / "site.css")
    written = 0
    for page, query in _queries(snap):
        values = [query[k] for k in PARAMS[page] if query.get(k)]
        for language in LANGUAGES:
            _status, text = render(snap, page, query, language, static=True, up=up)
            write_atomic(folder / static_name(page, values, language), text)
            written += 1
    _status, text = render(snap, OVERVIEW, {}, default, static=True, up=up)
    write_atomic(folder / "index.html", text)
    return Written(folder, written + 1, len(snap.problems))
