"""The printed chart: the running balance (a line on the left scale) and each month's deductions
(bars on the right scale: beside instalments of millions they would not show), as inline SVG.
Both scales are drawn with round ticks and titled; a tick label too close to another is left
out, so no two labels print on top of each other. The scale is computed in Decimal, so no
float touches a figure."""

from __future__ import annotations

from decimal import Decimal
from html import escape

from seatledger.core.i18n import _, local
from seatledger.core.money import ZERO, fmt_grouped
from seatledger.reports.balance import BalanceRow

WIDTH, HEIGHT, LEFT, RIGHT, TOP, BOTTOM = 720, 215, 96, 86, 22, 44
TENTH = Decimal("0.1")
MIN_GAP = Decimal(12)  # SVG units between two tick labels of 9-point text


def nice_step(span: Decimal, ticks: int = 4) -> Decimal:
    """A round step (1, 2 or 5 times a power of ten) that cuts `span` into about `ticks`."""
    raw = span / ticks
    if raw <= 0:
        return Decimal(1)
    power = Decimal(10) ** raw.adjusted()
    for m in (1, 2, 5, 10):
        if power * m >= raw:
            return power * m
    return power * 10  # pragma: no cover (m = 10 always reaches raw)


def ticks(low: Decimal, high: Decimal) -> list[Decimal]:
    """Round values from below `low` to above `high`, zero among them."""
    step = nice_step(high - low)
    first = (low / step).to_integral_value(rounding="ROUND_FLOOR") * step
    out = [first]
    while out[-1] < high:
        out.append(out[-1] + step)
    return out


def spaced(positions: list[tuple[Decimal, str]]) -> list[tuple[Decimal, str]]:
    """Labels at least MIN_GAP apart: a label too near one already kept is dropped."""
    kept: list[tuple[Decimal, str]] = []
    for y, label in positions:
        if all(abs(y - k) >= MIN_GAP for k, _label in kept):
            kept.append((y, label))
    return kept


def _text(x: object, y: object, label: str, anchor: str = "end", size: int = 9) -> str:
    return (
        f'<text x="{x}" y="{y}" font-size="{size}" text-anchor="{anchor}" '
        f'dominant-baseline="middle">{escape(label)}</text>'
    )


def chart(months: tuple[BalanceRow, ...]) -> str:
    if not months:
        return ""
    plot_h = Decimal(HEIGHT - TOP - BOTTOM)
    base = Decimal(HEIGHT - BOTTOM)
    scale = ticks(min([m.running for m in months] + [ZERO]), max([m.running for m in months] + [ZERO]))
    low, high = scale[0], scale[-1]
    span = (high - low) or Decimal(1)
    most = max((m.deducted for m in months), default=ZERO)
    bars = ticks(ZERO, most) if most else [ZERO, Decimal(1)]
    top_bar = bars[-1]

    def y(v: Decimal) -> Decimal:
        return (TOP + (high - v) * plot_h / span).quantize(TENTH)

    def y_bar(v: Decimal) -> Decimal:
        return (base - v * plot_h / top_bar).quantize(TENTH)

    step = Decimal(WIDTH - LEFT - RIGHT) / len(months)

    def x(i: int) -> Decimal:
        return (LEFT + step * i + step / 2).quantize(TENTH)

    right_x = WIDTH - RIGHT
    parts = [
        f'<rect x="{LEFT}" y="{TOP}" width="{right_x - LEFT}" height="{plot_h}" fill="none" stroke="#000"/>',
        f'<line x1="{LEFT}" x2="{right_x}" y1="{y(ZERO)}" y2="{y(ZERO)}" stroke="#000" '
        'stroke-dasharray="3,3"/>',
    ]
    for v in scale:
        parts.append(f'<line x1="{LEFT - 3}" x2="{LEFT}" y1="{y(v)}" y2="{y(v)}" stroke="#000"/>')
    parts += [_text(LEFT - 5, at, label) for at, label in spaced([(y(v), fmt_grouped(v)) for v in scale])]
    for v in bars:
        parts.append(
            f'<line x1="{right_x}" x2="{right_x + 3}" y1="{y_bar(v)}" y2="{y_bar(v)}" stroke="#000"/>'
        )
    parts += [
        _text(right_x + 5, at, label, "start")
        for at, label in spaced([(y_bar(v), fmt_grouped(v)) for v in bars])
    ]
    bar = (step * Decimal("0.5")).quantize(TENTH)
    for i, m in enumerate(months):
        if m.deducted:
            h = (base - y_bar(m.deducted)).quantize(TENTH)
            parts.append(
                f'<rect x="{x(i) - bar / 2}" y="{base - h}" width="{bar}" height="{h}" '
                f'fill="#bbb"><title>{escape(fmt_grouped(m.deducted))}</title></rect>'
            )
        parts.append(_text(x(i), base + 10, local(m.period.label), "middle", 8))
    points = " ".join(f"{x(i)},{y(m.running)}" for i, m in enumerate(months))
    parts.append(f'<polyline points="{points}" fill="none" stroke="#000" stroke-width="2"/>')
    parts += [
        _text(LEFT, TOP - 12, _("running balance owed by Party A, yuan (line)"), "start", 10),
        _text(right_x, TOP - 12, _("deductions in the month, yuan (bars)"), "end", 10),
        _text((LEFT + right_x) // 2, base + 24, _("month"), "middle", 10),
        _text(right_x, base + 24, _("dashed line: zero balance"), "end", 9),
    ]
    return (
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {WIDTH} {HEIGHT}" role="img">'
        f"{''.join(parts)}</svg>"
    )
