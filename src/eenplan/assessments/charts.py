"""The progress chart of one subject as an SVG, computed here and drawn by a template.

Dates run along the x axis in proportion to the time between them, the scale of the instrument
up the y axis (higher is more self-reliant), one line per domain that has scores. Every number
that ends up in the SVG is formatted here as a string with a decimal point, so the template's
localisation (a decimal comma in Dutch) can never break a coordinate. Colours and line patterns
are SVG presentation attributes, not inline styles, so a strict Content-Security-Policy allows
them; the line pattern and the point's shape tell the lines apart without colour as well.

The chart is a picture (``role="img"`` with a title and description); the table on the same page
holds the same numbers for anyone who does not see it.
"""

import datetime

from django.utils.formats import date_format

from eenplan.assessments.selectors import SubjectProgress
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

MARGIN_LEFT = 48  # room for the scale and half a date label
MARGIN_RIGHT = 44  # room for half a date label
MIN_LABEL_GAP = 84  # px between the centres of two date labels


def _day(day: datetime.date) -> str:
    return date_format(day, "j b Y")


def progress_chart(subject: SubjectProgress, *, title: str) -> LineChart:
    """The chart of ``subject``: one line per domain with at least one score."""
    days = sorted({a.assessed_on for a in subject.assessments})
    values = [level.value for level in subject.scale] or [1]
    trends = [trend for trend in subject.domains if trend.points]
    for trend in trends:
        values.extend(point.value for point in trend.points)
    low, high = min(values), max(values)
    left, right = MARGIN_LEFT, WIDTH - MARGIN_RIGHT
    top, bottom = MARGIN_TOP, HEIGHT - MARGIN_BOTTOM

    first, last = days[0], days[-1]
    span = (last - first).days

    def x_of(day: datetime.date) -> float:
        if span == 0:
            return (left + right) / 2
        return left + (right - left) * (day - first).days / span

    def y_of(value: int) -> float:
        if high == low:
            return (top + bottom) / 2
        return bottom - (bottom - top) * (value - low) / (high - low)

    x_ticks = labelled_ticks([x_of(d) for d in days], [_day(d) for d in days], MIN_LABEL_GAP)
    labels = {level.value: level.label for level in subject.scale}
    y_ticks = [Tick(svg_number(y_of(value)), str(value)) for value in range(low, high + 1)]

    series = []
    for index, trend in enumerate(trends):
        colour, dash, shape = line_style(index)
        points = []
        for point in trend.points:
            x, y = x_of(point.day), y_of(point.value)
            label = point.label or labels.get(point.value, "")
            points.append(
                ChartPoint(
                    x=svg_number(x),
                    y=svg_number(y),
                    shape_path=marker_path(shape, x, y, POINT_RADIUS),
                    text=f"{trend.name}, {_day(point.day)}: {point.value}"
                    + (f" ({label})" if label else ""),
                )
            )
        polyline = " ".join(f"{p.x},{p.y}" for p in points)
        series.append(
            Series(
                code=trend.code,
                name=trend.name,
                colour=colour,
                dash=dash,
                shape=shape,
                segments=[polyline] if len(points) > 1 else [],
                points=points,
            )
        )

    period = _day(first) if span == 0 else f"{_day(first)} tot en met {_day(last)}"
    description = (
        f"Scores van {low} tot en met {high} per domein, {period}. "
        "De tabel boven de grafiek geeft dezelfde scores."
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
        x_ticks=x_ticks,
        y_ticks=y_ticks,
        series=series,
    )
