"""The read-only server: GET and HEAD only (any other method answers 405, whatever the path),
one loaded ledger reloaded when a file changes (`web/site.py`), each page rendered once per
state of the files and language. It has no accounts: it binds to 127.0.0.1 unless told
otherwise; docs/web.md says how to put it behind a proxy with a password."""

from __future__ import annotations

from collections import OrderedDict
from pathlib import Path

from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import HTMLResponse, PlainTextResponse, Response
from starlette.routing import Route
from starlette.types import ASGIApp, Receive, Scope, Send

from seatledger.core.i18n import LANGUAGES, current
from seatledger.web.links import OVERVIEW
from seatledger.web.site import Site, Stamp
from seatledger.web.views import STYLESHEET, render

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

    def __init__(self) -> None:
        self.stamp: Stamp | None = None
        self.kept: OrderedDict[tuple[str, tuple[tuple[str, str], ...], str], tuple[int, str]] = OrderedDict()

    def get(self, site: Site, page: str, query: dict[str, str], lang: str) -> tuple[int, str]:
        snap = site.current()
        if snap.stamp != self.stamp:
            self.stamp, self.kept = snap.stamp, OrderedDict()
        key = (page, tuple(sorted(query.items())), lang)
        if key not in self.kept:
            self.kept[key] = render(snap, page, query, lang)
            while len(self.kept) > KEPT:
                self.kept.popitem(last=False)
        return self.kept[key]


def make_app(contract: Path | None, ledger: Path | None, lang: str | None = None) -> ASGIApp:
    site = Site(contract, ledger)
    default = lang or current()
    pages = Pages()
    style = STYLESHEET.read_text(encoding="utf-8")

    # async: pages render one at a time in the event loop, so the process-wide language of
    # core.i18n is the one each page asked for
    async def page(request: Request) -> Response:
        name = request.path_params.get("page", OVERVIEW)
        query = {k: v for k, v in request.query_params.items() if k != "lang"}
        chosen = request.query_params.get("lang", default)
        status, text = pages.get(site, name, query, chosen if chosen in LANGUAGES else default)
        return HTMLResponse(text, status)

    async def stylesheet(request: Request) -> Response:
        return Response(style, media_type="text/css")

    routes = [
        Route("/", page, methods=list(READ)),
        Route("/site.css", stylesheet, methods=list(READ)),
        Route("/{page}", page, methods=list(READ)),
    ]
    return ReadOnly(Starlette(routes=routes))


def serve(contract: Path | None, ledger: Path | None, host: str, port: int, lang: str | None) -> None:
    import uvicorn

    uvicorn.run(make_app(contract, ledger, lang), host=host, port=port, log_level="warning")
