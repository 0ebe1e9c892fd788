"""The printed chart's scales: round ticks that cover every value, titled axes, tick labels that
never print on top of each other, bars and line each on their stated scale."""

from __future__ import annotations

import re
from datetime import date
from decimal import Decimal

from hypothesis import given
from hypothesis import strategies as st

from seatledger.core.periods import Period
from seatledger.render.chart import MIN_GAP, chart, ticks
from seatledger.reports.balance import BalanceRow

D = Decimal


def months(running: list[Decimal], deducted: list[Decimal]) -> tuple[BalanceRow, ...]:
    return tuple(
        BalanceRow(
            Period(f"2022-{i + 4:02d}", date(2022, i + 4, 1), date(2022, i + 4, 28)),
            D(0),
            d,
            D(0),
            r,
            r,
            True,
        )
        for i, (r, d) in enumerate(zip(running, deducted, strict=True))
    )


def labels(svg: str, anchor: str) -> list[tuple[Decimal, str]]:
    found = re.findall(
        rf'<text x="[^"]+" y="([^"]+)" font-size="9" text-anchor="{anchor}"[^>]*>([^<]+)</text>', svg
    )
    return [(D(y), label) for y, label in found]


def test_the_q3_balances_print_without_overlapping_labels_and_with_titled_scales() -> None:
    # the bundled ledger's months: -12,400.00 beside 1,641,000.00 used to print on 0.00
    svg = chart(
        months(
            [D(0), D(-1300), D(-3900), D(1637100), D(-12400), D(-12400)],
            [D(0), D(1300), D(2600), D(300), D(6200), D(2000)],
        )
    )
    left = labels(svg, "end")
    right = labels(svg, "start")
    for side in (left, right):
        ys = sorted(y for y, _label in side)
        assert all(b - a >= MIN_GAP for a, b in zip(ys, ys[1:], strict=False)), side
    assert "-12,400.00" not in [label for _y, label in left]  # round ticks, not the extremes
    assert [label for _y, label in left][:1] and "0.00" in [label for _y, label in left]
    assert "running balance owed by Party A" in svg and "deductions in the month" in svg and ">month<" in svg


def test_a_bar_stands_on_its_own_scale() -> None:
    svg = chart(months([D(100), D(200)], [D(3000), D(6000)]))
    right = {label: y for y, label in labels(svg, "start")}
    heights = [
        D(h) for h in re.findall(r'<rect x="[^"]+" y="[^"]+" width="[^"]+" height="([^"]+)" fill="#bbb"', svg)
    ]
    base = right["0.00"]
    # each bar is as tall as its figure on the right scale's ticks
    assert abs(heights[1] - (base - right["6,000.00"])) <= D("0.2")
    assert abs(heights[0] * 2 - heights[1]) <= D("0.2")


@given(st.lists(st.decimals(min_value=-5_000_000, max_value=5_000_000, places=2), min_size=1, max_size=12))
def test_ticks_are_round_and_cover_every_value(values: list[Decimal]) -> None:
    low, high = min([*values, D(0)]), max([*values, D(0)])
    scale = ticks(low, high)
    assert scale[0] <= low and scale[-1] >= high and D(0) in scale
    step = scale[1] - scale[0] if len(scale) > 1 else D(1)
    assert step.normalize().as_tuple().digits[0] in (1, 2, 5) and len(scale) <= 12
