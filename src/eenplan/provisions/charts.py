"""The budget chart: per month, cumulatively, what decisions commit and what accepted claims
spend, against the allocation of the year. Drawn by ``eenplan/includes/line_chart.html`` with the
frame, colours, line patterns and point shapes of ``eenplan.common.charts``; the table on the
budget page holds the same numbers.
"""

import math

from eenplan.common.charts import (
    HEIGHT,
    MARGIN_BOTTOM,
    MARGIN_TOP,
    POINT_RADIUS,
    WIDTH,
    ChartPoint,
    LineChart,
    Series,
    Tick,
    labelled_ticks,
    line_style,
    marker_path,
    svg_number,
)
from eenplan.provisions.services import euros

MONTHS = ["jan", "feb", "mrt", "apr", "mei", "jun", "jul", "aug", "sep", "okt", "nov", "dec"]
MARGIN_LEFT = 96  # room for amounts like "€ 12.500.000"
MARGIN_RIGHT = 24
Y_TICKS = 5
MIN_LABEL_GAP = 40


def _step(maximum: int) -> int:
    """A round step in cents (1, 2 or 5 times a power of ten euro), at most ``Y_TICKS`` steps."""
    rough = max(maximum / Y_TICKS, 100)
    power = 10 ** math.floor(math.log10(rough))
    return int(next(s * power for s in (1, 2, 5, 10) if s * power >= rough))


def _tick_label(cents: int) -> str:
    return euros(cents).removesuffix(",00")


def budget_chart(
    *, committed: list[int], spent: list[int], allocated: int, title: str
) -> LineChart:
    """Three lines over twelve months: committed, spent (both cumulative) and the allocation."""
    step = _step(max([allocated, *committed, *spent, 1]))
    high = step * max(1, math.ceil(max([allocated, *committed, *spent, 1]) / step))
    left, right = MARGIN_LEFT, WIDTH - MARGIN_RIGHT
    top, bottom = MARGIN_TOP, HEIGHT - MARGIN_BOTTOM

    def x_of(month: int) -> float:
        return left + (right - left) * month / 11

    def y_of(cents: int) -> float:
        return bottom - (bottom - top) * cents / high

    lines = [
        ("Vastgelegd in besluiten (opgeteld)", committed),
        ("Uitgegeven volgens declaraties (opgeteld)", spent),
        ("Budget", [allocated] * 12),
    ]
    series = []
    for index, (name, values) in enumerate(lines):
        colour, dash, shape = line_style(index)
        points = [
            ChartPoint(
                x=svg_number(x_of(month)),
                y=svg_number(y_of(value)),
                shape_path=marker_path(shape, x_of(month), y_of(value), POINT_RADIUS),
                text=f"{name}, eind {MONTHS[month]}: {euros(value)}",
            )
            for month, value in enumerate(values)
        ]
        series.append(
            Series(
                name=name,
                colour=colour,
                dash=dash,
                shape=shape,
                segments=[" ".join(f"{p.x},{p.y}" for p in points)],
                points=points,
            )
        )
    description = (
        f"Per maand, van januari tot en met december, van € 0 tot {_tick_label(high)}: wat de "
        "besluiten samen vastleggen en wat er volgens de declaraties is uitgegeven, elk opgeteld "
        "vanaf 1 januari, naast het budget. De tabel onder de grafiek geeft dezelfde bedragen."
    )
    return LineChart(
        title=title,
        description=description,
        width=svg_number(WIDTH),
        height=svg_number(HEIGHT),
        left=svg_number(left),
        right=svg_number(right),
        top=svg_number(top),
        bottom=svg_number(bottom),
        x_ticks=labelled_ticks([x_of(m) for m in range(12)], MONTHS, MIN_LABEL_GAP),
        y_ticks=[
            Tick(svg_number(y_of(step * i)), _tick_label(step * i))
            for i in range(round(high / step) + 1)
        ],
        series=series,
    )
