"""The charts of the indicator pages as SVG: a trend (one line per municipality or group over the
quarters) and a comparison (one bar per municipality or group in one quarter).

Only shown values are drawn: a suppressed cell (fewer than 5 cases) or a quarter without data is
a gap in the line and a bar without length, so the picture never tells more than the table. The
frame, colours, line patterns and point shapes come from ``eenplan.common.charts``, like the
progress chart of assessments; the labels people read use the decimal comma.
"""

import math
from collections.abc import Sequence
from dataclasses import dataclass

from eenplan.common.charts import (
    COLOURS,
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
from eenplan.indicators.periods import Quarter
from eenplan.indicators.values import Cell

MARGIN_LEFT = 56
MARGIN_RIGHT = 32
Y_TICKS = 5
MIN_LABEL_GAP = 64  # px between two quarter labels

BAR_ROW = 44  # px per bar: its label above it, then the bar
BAR_HEIGHT = 16
BAR_COLOUR = COLOURS[0]
GROUP_COLOUR = GROUP_BAR_COLOUR = "#535353"
GROUP_DASH = "8 4"


def _nice_step(value: float) -> float:
    """The smallest 1, 2 or 5 times a power of ten that is at least ``value``."""
    if value <= 0:
        return 1.0
    power = 10 ** math.floor(math.log10(value))
    return next(step * power for step in (1, 2, 5, 10) if step * power >= value)


def _axis(maximum: float) -> tuple[float, float]:
    """The top of the y axis and the step between its ticks: at most ``Y_TICKS`` steps of a
    round size, so every tick label is a round number."""
    step = _nice_step(maximum / Y_TICKS)
    return step * max(1, math.ceil(maximum / step - 1e-9)), step


def _tick_label(value: float, step: float) -> str:
    decimals = 0 if step >= 1 else min(3, math.ceil(-math.log10(step) - 1e-9))
    return f"{value:.{decimals}f}".replace(".", ",")


@dataclass(frozen=True)
class Line:
    """What a trend line is drawn from: a name and one cell (or None) per quarter."""

    name: str
    cells: Sequence[Cell | None]
    is_group: bool = False


def _shown(cell: Cell | None) -> bool:
    return cell is not None and not cell.suppressed and cell.value is not None


def _style(index: int, line: Line) -> tuple[str, str, str]:
    """A municipality's colour, line pattern and point shape; a group is grey and dashed, so
    a municipality's line shows through where they overlap."""
    if line.is_group:
        return GROUP_COLOUR, GROUP_DASH, "diamond"
    return line_style(index)


def trend_chart(
    quarters: list[Quarter], lines: list[Line], *, title: str, unit: str
) -> LineChart | None:
    """The trend of ``lines`` over ``quarters``; None when not one value is shown."""
    values = [cell.value for line in lines for cell in line.cells if _shown(cell)]
    if not values or not quarters:
        return None
    high, step = _axis(max(values))
    left, right = MARGIN_LEFT, WIDTH - MARGIN_RIGHT
    top, bottom = MARGIN_TOP, HEIGHT - MARGIN_BOTTOM

    def x_of(index: int) -> float:
        if len(quarters) == 1:
            return (left + right) / 2
        return left + (right - left) * index / (len(quarters) - 1)

    def y_of(value: float) -> float:
        return bottom - (bottom - top) * max(value, 0) / high

    y_ticks = [
        Tick(svg_number(y_of(step * i)), _tick_label(step * i, step))
        for i in range(round(high / step) + 1)
    ]
    series = []
    for index, line in enumerate(lines):
        colour, dash, shape = _style(index, line)
        points, segments, run = [], [], []
        for i, (quarter, cell) in enumerate(zip(quarters, line.cells, strict=True)):
            if not _shown(cell):
                segments.append(run)
                run = []
                continue
            x, y = x_of(i), y_of(cell.value)
            run.append(f"{svg_number(x)},{svg_number(y)}")
            points.append(
                ChartPoint(
                    x=svg_number(x),
                    y=svg_number(y),
                    shape_path=marker_path(shape, x, y, POINT_RADIUS),
                    text=f"{line.name}, {quarter}: {cell.display} {unit}".strip(),
                )
            )
        segments.append(run)
        series.append(
            Series(
                name=line.name,
                colour=colour,
                dash=dash,
                shape=shape,
                segments=[" ".join(run) for run in segments if len(run) > 1],
                points=points,
            )
        )
    description = (
        f"Per kwartaal van {quarters[0]} tot en met {quarters[-1]}, van 0 tot "
        f"{_tick_label(high, step)} "
        f"{unit}. Een onderbroken lijn: in dat kwartaal is de waarde niet getoond (minder dan 5 "
        "casussen) of zijn er geen gegevens. De tabel hieronder geeft dezelfde waarden."
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
        x_ticks=labelled_ticks(
            [x_of(n) for n in range(len(quarters))], [str(q) for q in quarters], MIN_LABEL_GAP
        ),
        y_ticks=y_ticks,
        series=series,
    )


# ----------------------------------------------------------------------------- bars


@dataclass(frozen=True)
class Bar:
    name: str
    label_y: str
    y: str
    width: str  # "0" when not shown
    value_x: str
    text: str  # the value as shown, or why there is none
    colour: str


@dataclass(frozen=True)
class BarChart:
    title: str
    description: str
    width: str
    height: str
    left: str
    bar_height: str
    bars: list[Bar]

    @property
    def view_box(self) -> str:
        return f"0 0 {self.width} {self.height}"


def bar_chart(bars: list[Line], *, title: str, quarter: Quarter, unit: str) -> BarChart | None:
    """One bar per line, from its only cell (the cell of ``quarter``); None when not one value
    is shown."""
    values = [line.cells[0].value for line in bars if _shown(line.cells[0])]
    if not values:
        return None
    high, step = _axis(max(values))
    left = 8
    room = WIDTH - left - 160  # the value's text after the longest bar
    drawn = []
    for index, line in enumerate(bars):
        cell = line.cells[0]
        top = MARGIN_TOP + index * BAR_ROW
        length = room * max(cell.value, 0) / high if _shown(cell) else 0
        if _shown(cell):
            text = f"{cell.display} {unit}".strip()
        elif cell is not None and cell.suppressed:
            text = "<5: niet getoond"
        else:
            text = "geen gegevens"
        drawn.append(
            Bar(
                name=line.name,
                label_y=svg_number(top + 12),
                y=svg_number(top + 18),
                width=svg_number(length),
                value_x=svg_number(left + length + 6),
                text=text,
                colour=GROUP_BAR_COLOUR if line.is_group else BAR_COLOUR,
            )
        )
    description = (
        f"{quarter}, van 0 tot {_tick_label(high, step)} {unit}. Zonder balk: minder dan 5 "
        "casussen (niet getoond) of geen gegevens. De tabel hieronder geeft dezelfde waarden."
    )
    return BarChart(
        title=title,
        description=description,
        width=svg_number(WIDTH),
        height=svg_number(MARGIN_TOP * 2 + len(bars) * BAR_ROW),
        left=svg_number(left),
        bar_height=svg_number(BAR_HEIGHT),
        bars=drawn,
    )
