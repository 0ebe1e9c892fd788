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

    @property
    def stylesheet(self) -> str:
        return "site.css"


def static_name(page: str, values: list[str], lang: str) -> str:
    safe = "-".join(v.replace("/", "_") for v in values)
    return f"{page}{'-' + safe if safe else ''}.{lang}.html"
