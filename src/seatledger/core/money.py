"""Money: CNY as Decimal with two places (rule 1). No float ever enters here."""

from __future__ import annotations

import re
import unicodedata
from decimal import ROUND_HALF_UP, Decimal

from seatledger.core.i18n import msg

CENT = Decimal("0.01")
ZERO = Decimal("0.00")
MAX_AMOUNT = Decimal("1000000000000")  # a trillion yuan: past this, a typo
_AMOUNT = re.compile(r"[+-]?[0-9]+(\.[0-9]+)?([eE][+-]?[0-9]+)?")
_NOT_FINITE = re.compile(r"[+-]?(nan|snan|inf|infinity)", re.IGNORECASE)
# Commas only as thousands separators: 1,641,000 and 1,641,000.00 (a full-width ， is a comma).
_GROUPED = re.compile(r"[+-]?[0-9]{1,3}(,[0-9]{3})+(\.[0-9]+)?")


def parse_amount(text: object, *, allow_zero: bool = False, allow_negative: bool = False) -> Decimal:
    """A yuan amount written as text: finite, at most two decimals, positive unless allowed.

    Raises ValueError with a message that says what would be valid.
    """
    if isinstance(text, bool) or not isinstance(text, str | int | Decimal):
        raise ValueError(msg('expected an amount such as "300.00", got {kind}', kind=type(text).__name__))
    # Full-width digits (１０００) come from a Chinese input method: read them as digits.
    raw = unicodedata.normalize("NFKC", str(text)).strip()
    if "," in raw:
        if not _GROUPED.fullmatch(raw):
            raise ValueError(
                msg(
                    "{str!r} is not an amount: commas go only between groups of three digits, "
                    "as in 1,641,000 or 1,641,000.00 (or write 1641000.00)",
                    str=str(text),
                )
            )
        raw = raw.replace(",", "")
    if _NOT_FINITE.fullmatch(raw):
        raise ValueError(msg("{raw!r} is not a finite amount", raw=raw))
    if not _AMOUNT.fullmatch(raw):
        raise ValueError(msg("{str!r} is not an amount; write yuan such as 300 or 1641000.00", str=str(text)))
    value = Decimal(raw)
    exponent = value.as_tuple().exponent
    if isinstance(exponent, int) and exponent < -2:
        raise ValueError(msg("{raw!r} has more than two decimals (fen are the smallest unit)", raw=raw))
    if abs(value) >= MAX_AMOUNT:
        raise ValueError(
            msg("{raw!r} is out of range (at most {value} yuan)", raw=raw, value=MAX_AMOUNT - CENT)
        )
    if value < 0 and not allow_negative:
        raise ValueError(msg("{raw!r} is negative; amounts are positive yuan", raw=raw))
    if value == 0 and not allow_zero:
        raise ValueError(msg("{raw!r} is zero; amounts are positive yuan", raw=raw))
    return value.quantize(CENT)


def quantize(value: Decimal) -> Decimal:
    return value.quantize(CENT, rounding=ROUND_HALF_UP)


def fmt(value: Decimal) -> str:
    """Two-decimal text, as stored in files and JSON output."""
    return f"{quantize(value):.2f}"


def fmt_grouped(value: Decimal) -> str:
    return f"{quantize(value):,.2f}"


_DIGITS = "零壹贰叁肆伍陆柒捌玖"
_SECTIONS = ("", "万", "亿", "万亿")


def _section(n: int) -> str:
    """1..9999 in capitals, a run of zeros inside read as one 零."""
    out, zero, started = "", False, False
    for digit, unit in zip((n // 1000, n // 100 % 10, n // 10 % 10, n % 10), "仟佰拾 ", strict=True):
        if digit == 0:
            zero = zero or started
            continue
        if zero:
            out += "零"
            zero = False
        out += _DIGITS[digit] + unit.strip()
        started = True
    return out


def _integer(n: int) -> str:
    if n == 0:
        return "零"
    sections = []
    while n:
        sections.append(n % 10000)
        n //= 10000
    out, gap = "", False
    for i in reversed(range(len(sections))):
        part = sections[i]
        if part == 0:
            gap = bool(out)
            continue
        if out and (gap or part < 1000):
            out += "零"
        out += _section(part) + _SECTIONS[i]
        gap = False
    return out


def capitals(value: Decimal) -> str:
    """The amount in Chinese capitals (大写), as on a cheque: 整 without 角/分, 负 if negative.

    Hand-written rather than cn2an, whose import costs 85 ms on every report; the tests
    check this against cn2an over many amounts.
    """
    cents = int(quantize(abs(value)) * 100)
    yuan, jiao, fen = cents // 100, cents // 10 % 10, cents % 10
    sign = "负" if value < 0 and cents else ""
    if not jiao and not fen:
        return f"{sign}{_integer(yuan)}元整"
    head = f"{_integer(yuan)}元" if yuan else ""
    tail = (_DIGITS[jiao] + "角" if jiao else ("零" if yuan else "")) + (_DIGITS[fen] + "分" if fen else "")
    return sign + head + tail
