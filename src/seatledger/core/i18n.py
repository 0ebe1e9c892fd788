"""Two languages, by standard gettext catalogues (Babel extracts and compiles them; the compiled
`.mo` files ship in the package). A domain message is a `Msg`: a str whose value is the English
text, so JSON and tests keep one stable wording, that remembers its template and arguments so
text for people can be shown in the chosen language (`local`)."""

from __future__ import annotations

import gettext as _gettext
import os
from pathlib import Path
from typing import Any

CATALOGUE = "seatledger"  # locale/<lang>/LC_MESSAGES/seatledger.mo
LOCALE_DIR = Path(__file__).resolve().parent.parent / "locale"
LANGUAGES = ("en", "zh")
_state: dict[str, Any] = {"lang": None, "catalogue": None}


def language_from_env(env: dict[str, str] | None = None) -> str:
    """gettext's order: LANGUAGE, LC_ALL, LC_MESSAGES, LANG; zh_* means Chinese."""
    env = dict(os.environ) if env is None else env
    if env.get("SEATLEDGER_LANG") in LANGUAGES:
        return env["SEATLEDGER_LANG"]
    for name in ("LANGUAGE", "LC_ALL", "LC_MESSAGES", "LANG"):
        value = env.get(name, "")
        if value:
            return "zh" if value.split(":")[0].lower().startswith("zh") else "en"
    return "en"


def use(lang: str | None) -> str:
    """Choose the language for this process (None: from the environment)."""
    lang = lang or language_from_env()
    _state["lang"] = lang
    _state["catalogue"] = (
        None
        if lang == "en"
        else _gettext.translation(CATALOGUE, LOCALE_DIR, languages=["zh_CN"], fallback=True)
    )
    return lang


def current() -> str:
    return _state["lang"] or use(None)


def _(text: str) -> str:
    """`text` in the chosen language, now (headings, help, labels)."""
    if not text:
        return text  # gettext("") is the catalogue's header, never a translation
    current()
    catalogue = _state["catalogue"]
    return catalogue.gettext(text) if catalogue else text


def N_(text: str) -> str:  # noqa: N802 (gettext's name for a marker)
    """Marks `text` for the catalogue where it is translated later, by `_(variable)`."""
    return text


def ngettext(singular: str, plural: str, n: int) -> str:
    current()
    catalogue = _state["catalogue"]
    if catalogue:
        return str(catalogue.ngettext(singular, plural, n))
    return singular if n == 1 else plural


class Msg(str):
    """A message: English as a str, its template and arguments kept for `local`."""

    template: str
    args: dict[str, object]

    def __new__(cls, template: str, **args: object) -> Msg:
        self = super().__new__(cls, template.format(**args) if args else template)
        self.template = template
        self.args = args
        return self

    def __add__(self, other: str) -> Msg:
        return Msg("{a}{b}", a=self, b=other)

    def __radd__(self, other: str) -> Msg:
        return Msg("{a}{b}", a=other, b=self)

    def __reduce__(self) -> Any:  # pickles (the contract cache) keep the template
        return (_rebuild, (self.template, self.args))


def _rebuild(template: str, args: dict[str, object]) -> Msg:
    return Msg(template, **args)


msg = Msg


class Term(str):
    """A key that people read in Chinese as a word of its own: English text and JSON keep the
    key (`bachelor`), Chinese text shows `zh` (本科)."""

    zh: str

    def __new__(cls, key: str, zh: str) -> Term:
        self = super().__new__(cls, key)
        self.zh = zh
        return self

    def __reduce__(self) -> Any:
        return (Term, (str(self), self.zh))


def local(text: object) -> str:
    """`text` for people: a `Msg` in the chosen language, anything else as it is."""
    if isinstance(text, Term):
        return text.zh if current() == "zh" else str(text)
    if isinstance(text, Msg):
        template = _(text.template) if text.template != "{a}{b}" else text.template
        if not text.args:
            return template
        try:
            return template.format(
                **{
                    k: local(v) if isinstance(v, Msg | Term | BaseException) else v
                    for k, v in text.args.items()
                }
            )
        except (KeyError, IndexError, ValueError):  # a broken translation: the English
            return str(text)
    if isinstance(text, BaseException) and text.args and isinstance(text.args[0], Msg):
        return local(text.args[0])
    return str(text)


def tr(template: str, **args: object) -> str:
    """`template` in the chosen language with `args` (themselves localized) put in, now."""
    return local(Msg(template, **args))


def message_of(exc: BaseException) -> str:
    """An exception's message, keeping a `Msg` a `Msg` (str(exc) would drop its template)."""
    first = exc.args[0] if exc.args else ""
    return first if isinstance(first, Msg) else str(exc)
