"""The read-only server: GET and HEAD only (any other method answers 405, whatever the path),
one loaded ledger reloaded when a file changes (`web/site.py`), each page rendered once per
state of the files and language. It has no accounts: it binds to 127.0.0.1 unless told
otherwise; docs/web.md says how to put it behind a proxy with a password."""

from __future__ import annotations

from collections import OrderedDict
from datetime import date
from pathlib import Path

from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import HTMLResponse, PlainTextResponse, Response
from starlette.routing import BaseRoute, Mount, Route
from starlette.types import ASGIApp, Receive, Scope, Send

from seatledger.core.i18n import LANGUAGES, current
from seatledger.web import portfolio_page
from seatledger.web.links import OVERVIEW
from seatledger.web.site import Site, Stamp
from seatledger.web.views import STYLESHEET, render, render_portfolio

READ = ("GET", "HEAD")
KEPT = 256  # rendered pages kept for the files' present state


class ReadOnly:
    """405 for every method but GET and HEAD, before any route is looked at."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] == "http" and scope["method"] not in READ:
            response = PlainTextResponse("405 Method Not Allowed: this view is read-only\n", 405)
            response.headers["Allow"] = ", ".join(READ)
            await response(scope, receive, send)
            return
        await self.app(scope, receive, send)


class Pages:
    """Rendered pages for one state of the files, most recent last."""

    def __init__(self, up: bool = False) -> None:
        self.up = up
        self.stamp: Stamp | None = None
        self.kept: OrderedDict[tuple[str, tuple[tuple[str, str], ...], str], tuple[int, str]] = OrderedDict()

    def get(self, site: Site, page: str, query: dict[str, str], lang: str) -> tuple[int, str]:
        snap = site.current()
        if snap.stamp != self.stamp:
            self.stamp, self.kept = snap.stamp, OrderedDict()
        key = (page, tuple(sorted(query.items())), lang)
        if key not in self.kept:
            self.kept[key] = render(snap, page, query, lang, up=self.up)
            while len(self.kept) > KEPT:
                self.kept.popitem(last=False)
        return self.kept[key]


def make_app(contract: Path | None, ledger: Path | None, lang: str | None = None) -> ASGIApp:
    """One contract's pages; in a repository with several contracts and none chosen, the
    portfolio at `/` and each contract's pages under `/<id>/` (all links are relative)."""
    default = lang or current()
    several = portfolio_page.several(contract, ledger)
    if several is None:
        return ReadOnly(_contract_app(Site(contract, ledger), default, up=False))

    sites = {cid: Site(path, None) for cid, path in several.items()}
    kept = Portfolios()

    async def overview(request: Request) -> Response:
        query = {k: v for k, v in request.query_params.items() if k != "lang"}
        at = (date.today(), tuple(site.stamp() for site in sites.values()))
        status, text = kept.get(at, query, _chosen(request, default))
        return HTMLResponse(text, status)

    routes: list[BaseRoute] = [
        Route("/", overview, methods=list(READ)),
        Route(f"/{portfolio_page.PAGE}", overview, methods=list(READ)),
        Route("/site.css", _stylesheet, methods=list(READ)),
    ]
    for cid, site in sites.items():
        routes.append(Mount(f"/{cid}", app=_contract_app(site, default, up=True)))
    return ReadOnly(Starlette(routes=routes))


class Portfolios:
    """Rendered portfolio pages for one state of every contract's files and one day (the
    as-of default is today), so that a reload reads no ledger."""

    def __init__(self) -> None:
        self.at: object = None
        self.kept: OrderedDict[tuple[tuple[tuple[str, str], ...], str], tuple[int, str]] = OrderedDict()

    def get(self, at: object, query: dict[str, str], lang: str) -> tuple[int, str]:
        if at != self.at:
            self.at, self.kept = at, OrderedDict()
        key = (tuple(sorted(query.items())), lang)
        if key not in self.kept:
            self.kept[key] = render_portfolio(query, lang)
            while len(self.kept) > KEPT:
                self.kept.popitem(last=False)
        return self.kept[key]


def _chosen(request: Request, default: str) -> str:
    chosen = request.query_params.get("lang", default)
    return chosen if chosen in LANGUAGES else default


async def _stylesheet(request: Request) -> Response:
    return Response(STYLESHEET.read_text(encoding="utf-8"), media_type="text/css")


def _contract_app(site: Site, default: str, up: bool) -> Starlette:
    pages = Pages(up)

    # async: pages render one at a time in the event loop, so the process-wide language of
    # core.i18n is the one each page asked for
    async def page(request: Request) -> Response:
        name = request.path_params.get("page", OVERVIEW)
        query = {k: v for k, v in request.query_params.items() if k != "lang"}
        status, text = pages.get(site, name, query, _chosen(request, default))
        return HTMLResponse(text, status)

    routes = [
        Route("/", page, methods=list(READ)),
        Route("/site.css", _stylesheet, methods=list(READ)),
        Route("/{page}", page, methods=list(READ)),
    ]
    return Starlette(routes=routes)


def serve(contract: Path | None, ledger: Path | None, host: str, port: int, lang: str | None) -> None:
    import uvicorn

    uvicorn.run(make_app(contract, ledger, lang), host=host, port=port, log_level="warning")
