"""Links between the pages, relative so the same pages work under any path: served, a page is
`name?key=value&lang=zh`; written as files (`--static`), it is `name-value.zh.html`. The
language is kept in every link."""

from __future__ import annotations

from typing import NamedTuple
from urllib.parse import urlencode

OVERVIEW = "index"
OTHER = {"en": "zh", "zh": "en"}


class Links(NamedTuple):
    lang: str
    static: bool
    page: str = OVERVIEW
    params: tuple[tuple[str, str], ...] = ()
    up: bool = False  # a contract's pages below the portfolio (`serve` with several contracts)

    def href(self, target: str, /, **params: object) -> str:
        shown = [(k, str(v)) for k, v in params.items() if v not in (None, "")]
        return self._href(target, shown, self.lang)

    def _href(self, page: str, params: list[tuple[str, str]], lang: str) -> str:
        if self.static:
            return static_name(page, [v for _, v in params], lang)
        query = urlencode([*params, ("lang", lang)])
        return f"./?{query}" if page == OVERVIEW else f"{page}?{query}"

    def switch(self) -> str:
        """This page in the other language."""
        return self._href(self.page, list(self.params), OTHER[self.lang])

    def here(self, **changed: object) -> str:
        """This page with some parameters changed (a filter, the next page)."""
        params = dict(self.params)
        params.update({k: str(v) for k, v in changed.items()})
        return self.href(self.page, **params)

    def portfolio(self) -> str:
        """The portfolio page, from a contract's pages one folder below it."""
        return "../" + self._href("portfolio", [], self.lang)

    def contract(self, cid: str) -> str:
        """A contract's overview, from the portfolio page: its pages are in the folder `<id>/`."""
        return f"{cid}/" + (static_name(OVERVIEW, [], self.lang) if self.static else f"?lang={self.lang}")

    @property
    def stylesheet(self) -> str:
        return "site.css"


def static_name(page: str, values: list[str], lang: str) -> str:
    safe = "-".join(v.replace("/", "_") for v in values)
    return f"{page}{'-' + safe if safe else ''}.{lang}.html"
