"""Text for a terminal or a pipe: a few style tags, cell widths, word wrapping.

Written here rather than through rich: importing rich's console and rendering a report through
it took a third of a report's run (issue 13), for output that needs only bold, colour, a width
in cells and wrapping. Only the tags in STYLES are markup; any other text in brackets is text, and
data is escaped (only a `Markup` string's tags are styles), so a note or a reference can never
break or restyle the output."""

from __future__ import annotations

import os
import re
import sys
import unicodedata
from functools import lru_cache
from typing import TextIO

from seatledger.core.i18n import local

STYLES = {"bold": "1", "dim": "2", "italic": "3", "red": "31", "yellow": "33", "blue": "34"}
_WORDS = "(?:bold|dim|italic|red|yellow|blue)"
_TAG = re.compile(rf"(?<!\\)\[(/|{_WORDS}(?: {_WORDS})*)\]")
_ESCAPABLE = re.compile(rf"\\?\[(?=(?:/|{_WORDS}(?: {_WORDS})*)\])")
_ESCAPED = re.compile(rf"\\\[(?=(?:/|{_WORDS}(?: {_WORDS})*)\])")
_TOKEN = re.compile(r"[ \t]+|[^ \t]+")
PIPE_WIDTH = 160  # nothing wraps in a file, and a squeezed table hides the figures

Spans = list[tuple[str, str]]  # (text, SGR codes or "")


class Markup(str):
    """Text whose style tags are meant: made by the renderers, never read from data."""


def escape(text: str) -> str:
    """Data as markup that prints exactly as it is."""
    return _ESCAPABLE.sub(lambda m: "\\" + m.group(0), text) if "[" in text else text


def _unescape(text: str) -> str:
    return _ESCAPED.sub("[", text) if "\\[" in text else text


def as_markup(what: object) -> str:
    """A cell or a line as markup: a `Markup` as it is, anything else escaped."""
    return what if isinstance(what, Markup) else escape(local(what))


def spans(markup: str) -> Spans:
    """Text and its style, run by run; `[/]` ends the innermost open style."""
    out: Spans = []
    stack: list[str] = []
    pos = 0
    for m in _TAG.finditer(markup):
        if m.start() > pos:
            out.append((_unescape(markup[pos : m.start()]), ";".join(stack)))
        tag = m.group(1)
        if tag == "/":
            if stack:
                stack.pop()
        else:
            stack.append(";".join(STYLES[word] for word in tag.split()))
        pos = m.end()
    if pos < len(markup):
        out.append((_unescape(markup[pos:]), ";".join(stack)))
    return out


def plain(markup: str) -> str:
    return _unescape(_TAG.sub("", markup)) if "[" in markup else markup


@lru_cache(maxsize=4096)
def _char_width(ch: str) -> int:
    if unicodedata.combining(ch) or unicodedata.category(ch) in ("Cc", "Cf", "Mn", "Me"):
        return 0
    return 2 if unicodedata.east_asian_width(ch) in ("W", "F") else 1


def cell_len(text: str) -> int:
    """Columns the text takes on a terminal: CJK characters take two."""
    if text.isascii():
        return len(text)
    return sum(_char_width(ch) for ch in text)


def wrap(text: str, width: int) -> list[str]:
    """Lines of at most `width` cells: broken at spaces, and inside a word (after a hyphen,
    or between any two characters, as Chinese is) only when the word alone is wider than the
    line, so a clause such as 三(二)4 stays whole."""
    lines: list[str] = []
    for paragraph in text.split("\n"):
        if cell_len(paragraph) <= width:
            lines.append(paragraph)
            continue
        line, used = "", 0
        for token in _TOKEN.findall(paragraph):
            size = cell_len(token)
            if token.isspace():
                if used + size <= width:
                    line, used = line + token, used + size
                else:
                    lines.append(line.rstrip())
                    line, used = "", 0
                continue
            if used + size > width and line and not _folds_here(token, line, width):
                if line.strip():
                    lines.append(line.rstrip())
                line, used = "", 0
            while size > width:  # a word wider than the line: folded
                head, rest = _fold(token, width - used)
                lines.append(line + head)
                line, used, token = "", 0, rest
                size = cell_len(token)
            line, used = line + token, used + size
        lines.append(line.rstrip())
    return lines


def _folds_here(token: str, line: str, width: int) -> bool:
    """Whether a word wider than the line starts on the line it meets rather than the next: a
    Chinese word breaks between any two characters anyway, and a sign (`-`) never stands alone."""
    if cell_len(token) <= width or cell_len(line) >= width - 1:
        return False
    return not token.isascii() or len(line.strip()) <= 2


def _fold(token: str, room: int) -> tuple[str, str]:
    """The most of `token` that fits in `room`, broken after a hyphen where one fits
    (`assessment-` / `deduction`), else where the room ends."""
    used = 0
    for i, ch in enumerate(token):
        used += _char_width(ch)
        if used > room:
            cut = token.rfind("-", 0, i) + 1
            cut = cut if cut > 1 else max(i, 1)
            return token[:cut], token[cut:]
    return token, ""


def styled(markup: str, colour: bool) -> str:
    """The markup as a terminal shows it: SGR codes where colour is on, else the plain text."""
    if not colour:
        return plain(markup)
    return "".join(f"\x1b[{style}m{text}\x1b[0m" if style else text for text, style in spans(markup))


class Terminal:
    """Where text for people goes: its width in cells and whether it takes colour."""

    def __init__(self, stream: TextIO | None = None) -> None:
        self.stream = stream if stream is not None else sys.stdout
        tty = self.stream.isatty()
        self.width = _width(tty)
        self.colour = tty and _colour_wanted()
        if os.environ.get("FORCE_COLOR") and not os.environ.get("NO_COLOR"):
            self.colour = True

    def print(self, what: object = "") -> None:
        lines = getattr(what, "lines", None)
        if lines is not None:
            self.write_lines(lines(self.width))
            return
        self.write_lines(wrap_markup(as_markup(what), self.width))

    def write_lines(self, lines: list[str]) -> None:
        self.stream.write("".join(styled(line, self.colour) + "\n" for line in lines))


def wrap_markup(markup: str, width: int) -> list[str]:
    """Markup wrapped to the width, each piece keeping the styles it had."""
    if "\n" in markup:
        return [piece for line in markup.split("\n") for piece in wrap_markup(line, width)]
    line = markup
    text = plain(line)
    if cell_len(text) <= width:
        return [line]
    if text == line:
        return [escape(piece) for piece in wrap(text, width)]
    out = []
    runs = spans(line)
    styles = [style for part, style in runs for _ in part]
    pos = 0
    for piece in wrap(text, width):
        start = text.index(piece, pos) if piece else pos
        out.append(_restyle(piece, styles[start : start + len(piece)]))
        pos = start + len(piece)
    return out


def _restyle(text: str, styles: list[str]) -> str:
    words = {code: name for name, code in STYLES.items()}
    out, start = [], 0
    for end in range(1, len(text) + 1):
        if end == len(text) or styles[end] != styles[start]:
            run, style = escape(text[start:end]), styles[start]
            out.append(f"[{' '.join(words[c] for c in style.split(';'))}]{run}[/]" if style else run)
            start = end
    return "".join(out)


def _width(tty: bool) -> int:
    columns = os.environ.get("COLUMNS", "")
    if columns.isdigit() and int(columns) > 0:
        return int(columns)
    if tty:
        try:
            return os.get_terminal_size().columns or 80
        except OSError:
            return 80
    return PIPE_WIDTH


def _colour_wanted() -> bool:
    if os.environ.get("NO_COLOR") or os.environ.get("TERM") == "dumb":
        return False
    return os.name != "nt" or _windows_vt()


def _windows_vt() -> bool:
    """Whether the Windows console takes colour codes: turned on where it can be (Windows 10
    and later); an older console would print them as text, so it gets none."""
    try:
        import ctypes

        kernel32 = ctypes.windll.kernel32  # type: ignore[attr-defined]
        handle = kernel32.GetStdHandle(-11)  # STD_OUTPUT_HANDLE
        mode = ctypes.c_uint32()
        if not kernel32.GetConsoleMode(handle, ctypes.byref(mode)):
            return False
        return bool(kernel32.SetConsoleMode(handle, mode.value | 0x0004))  # VT processing
    except (AttributeError, OSError, ValueError):
        return False
