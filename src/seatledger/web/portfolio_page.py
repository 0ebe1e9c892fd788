"""The portfolio page of `seatledger serve` in a repository with several contracts (issue 24):
each contract with the figures `portfolio --format json` gives (the same app function, the
same JSON values), linked to its own pages (served under `<id>/`), filtered by party and year
(query parameters, or one written page a filter under `--static`), in both languages."""

from __future__ import annotations

import os
from datetime import date
from decimal import Decimal
from pathlib import Path
from typing import Any

from seatledger.app import portfolio as app_portfolio
from seatledger.core.errors import SeatledgerError
from seatledger.core.i18n import _, local, use
from seatledger.read.locate import CONTRACT_ENV, LEDGER_ENV, declared_ids, find_root
from seatledger.render.schemas_portfolio import portfolio as as_json
from seatledger.reports.portfolio import Portfolio
from seatledger.web.links import Links
from seatledger.web.site import GitState, git_output

PAGE = "portfolio"
PARAMS = ("party", "year", "as_of")  # in the order a static file's name holds them
# the figures of each contract and of the total, as `portfolio --format json` names them
MONEY = ("accrued", "deducted", "paid", "balance_owed", "next_payment")


class PageError(Exception):
    """A query the page cannot answer (a year that is not a number, a bad date): 400."""


def several(contract: Path | None, ledger: Path | None, cwd: Path | None = None) -> dict[str, Path] | None:
    """The contracts by id where `serve` shows the portfolio: none chosen (no option, no
    environment, not run inside a ledger folder) in a repository with more than one."""
    if contract or ledger or os.environ.get(CONTRACT_ENV) or os.environ.get(LEDGER_ENV):
        return None
    cwd = cwd or Path.cwd()
    root = find_root(cwd)
    if root is None:
        return None
    try:
        cwd.resolve().relative_to((root / "ledgers").resolve())
        return None  # inside a ledger folder: that contract's pages, as before
    except ValueError:
        pass
    found = declared_ids(root)
    return found if len(found) > 1 else None


def git_state() -> GitState:
    """The commit the page shows, and whether contracts/ or ledgers/ differ from it."""
    where = Path.cwd()
    line = git_output(where, "log", "-1", "--format=%H%x09%s")
    if not line:
        return GitState(None, "", False)
    commit, _tab, subject = line.partition("\t")
    dirty = git_output(where, "status", "--porcelain", "--", "contracts", "ledgers")
    return GitState(commit, subject, bool(dirty))


def filters(query: dict[str, str]) -> tuple[app_portfolio.Filters, str | None]:
    year = query.get("year") or None
    if year is not None and not (year.isdigit() and len(year) == 4):
        raise PageError(_("year: give a year such as 2022"))
    return app_portfolio.Filters(query.get("party") or None, int(year) if year else None), query.get("as_of")


def choices(p: Portfolio) -> tuple[list[str], list[str]]:
    """The filters' values: every year a contract's term touches, and every Party A."""
    years = sorted({y for r in p.rows if r.party_a for y in range(r.start.year, r.end.year + 1)})
    return [str(y) for y in years], sorted({r.party_a for r in p.rows if r.party_a})


def _money(value: str | None) -> str:
    return f"{Decimal(value):,.2f}" if value is not None else ""


def _row(c: dict[str, Any]) -> dict[str, Any]:
    f = c["figures"]
    errors = [p for p in c["problems"] if p["severity"] == "error"]
    return {
        "id": c["id"],
        "title": c["title"],
        "party_a": c["party_a"],
        "party_b": c["party_b"],
        "term": c["term"],
        "renews": c["renews"],
        "money": {k: _money(f[k]) for k in MONEY} if f else None,
        "next_due": f["next_due"] if f else None,
        "overdue": _money(str(sum((Decimal(o["unpaid"]) for o in f["overdue"]), Decimal(0)))) if f else "",
        "open_notices": len(f["open_notices"]) if f else 0,
        "findings": len(f["findings"]) + len(c["problems"]) - len(errors) if f else 0,
        "complete": f["complete"] if f else False,
        "errors": errors,
    }


def values(query: dict[str, str], as_of: date | None = None) -> dict[str, Any]:
    """The page's values: the contracts the query chooses and their total, and the filters."""
    chosen, day = filters(query)
    day = day or (as_of.isoformat() if as_of else None)
    try:
        every = app_portfolio.run(app_portfolio.Filters(), day)
        shown = app_portfolio.run(chosen, day) if chosen != app_portfolio.Filters() else every
    except SeatledgerError as exc:
        raise PageError(local(exc.message)) from None
    data = as_json(shown)
    total = data["total"]
    years, parties = choices(every)
    return {
        "report": data,
        "rows": [_row(c) for c in data["contracts"]],
        "total": {k: _money(total[k]) for k in (*MONEY, "overdue")},
        "total_notices": total["open_notices"],
        "years": years,
        "parties": parties,
        "chosen": {k: query.get(k, "") for k in PARAMS},
    }


def static_queries(query: dict[str, str]) -> list[dict[str, str]]:
    """The pages `--static` writes: all contracts, each year, each Party A."""
    years, parties = choices(app_portfolio.run(app_portfolio.Filters(), query.get("as_of")))
    return [{}, *({"year": y} for y in years), *({"party": p} for p in parties)]


def links(lang: str, static: bool, query: dict[str, str]) -> Links:
    use(lang)
    return Links(lang, static, PAGE, tuple((k, query[k]) for k in PARAMS if query.get(k)))
