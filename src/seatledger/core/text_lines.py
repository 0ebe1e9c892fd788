"""Lines of a ledger file as text: its line ending, and the comment block above an item. The
writer and the canonical form (`fmt`, the merge driver) both keep them."""

from __future__ import annotations

from seatledger.core.day_lines import day_of


def comment_block_start(lines: list[str], index: int) -> int:
    """The first line of the comment block directly above line `index` (0-based): a comment
    on its own line belongs to the item below it; a day line (`core.day_lines`) belongs to none."""
    while index > 0 and lines[index - 1].lstrip().startswith("#") and day_of(lines[index - 1]) is None:
        index -= 1
    return index


def line_ending(text: str) -> str:
    """The file's own line ending: a file saved on Windows keeps its CRLF when appended to."""
    first = text.find("\n")
    return "\r\n" if first > 0 and text[first - 1] == "\r" else "\n"


def in_ending(block: str, eol: str) -> str:
    return block.replace("\n", eol) if eol != "\n" else block
