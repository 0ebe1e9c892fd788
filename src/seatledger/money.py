"""Money: CNY as Decimal with two places (DOMAIN rule 1). No float ever enters here."""

from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal, InvalidOperation

CENT = Decimal("0.01")
ZERO = Decimal("0.00")
MAX_AMOUNT = Decimal("1000000000000")  # a trillion yuan: past this, a typo


def parse_amount(text: object, *, allow_zero: bool = False, allow_negative: bool = False) -> Decimal:
    """A yuan amount written as text: finite, at most two decimals, positive unless allowed.

    Raises ValueError with a message that says what would be valid.
    """
    if isinstance(text, bool) or not isinstance(text, str | int | Decimal):
        raise ValueError(f"expected an amount such as \"300.00\", got {type(text).__name__}")
    raw = str(text).strip().replace(",", "")
    try:
        value = Decimal(raw)
    except InvalidOperation:
        raise ValueError(f"{raw!r} is not an amount; write yuan such as 300 or 1641000.00") from None
    if not value.is_finite():
        raise ValueError(f"{raw!r} is not a finite amount")
    exponent = value.as_tuple().exponent
    if isinstance(exponent, int) and exponent < -2:
        raise ValueError(f"{raw!r} has more than two decimals (fen are the smallest unit)")
    if abs(value) >= MAX_AMOUNT:
        raise ValueError(f"{raw!r} is out of range (at most {MAX_AMOUNT - CENT} yuan)")
    if value < 0 and not allow_negative:
        raise ValueError(f"{raw!r} is negative; amounts are positive yuan")
    if value == 0 and not allow_zero:
        raise ValueError(f"{raw!r} is zero; amounts are positive yuan")
    return value.quantize(CENT)


def quantize(value: Decimal) -> Decimal:
    return value.quantize(CENT, rounding=ROUND_HALF_UP)


def fmt(value: Decimal) -> str:
    """Two-decimal text, as stored in files and JSON output."""
    return f"{quantize(value):.2f}"


def fmt_grouped(value: Decimal) -> str:
    return f"{quantize(value):,.2f}"


def capitals(value: Decimal) -> str:
    """The amount in Chinese capitals (大写), as on a cheque: 整 without 角/分, 负 if negative."""
    import cn2an  # heavy (80 ms): only where capitals are needed

    return str(cn2an.an2cn(fmt(value), "rmb"))
