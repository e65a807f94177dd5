"""Line charts as SVG, computed in Python and drawn by ``eenplan/includes/line_chart.html``.

Every number that ends up in the SVG is formatted here as a string with a decimal point, so the
template's localisation (a decimal comma in Dutch) can never break a coordinate. Colours and line
patterns are SVG presentation attributes, not inline styles, so a strict Content-Security-Policy
allows them; the line pattern and the point's shape tell the lines apart without colour as well
(WCAG 1.4.1, 1.4.11). A chart is a picture (``role="img"`` with a title and description); the
page holds the same numbers in a table.
"""

from dataclasses import dataclass

WIDTH = 720
HEIGHT = 320
MARGIN_TOP = 16
MARGIN_BOTTOM = 48
POINT_RADIUS = 4.5

# Eight colours with a contrast of at least 3:1 on white.
COLOURS = (
    "#154273",  # lintblauw
    "#b42318",  # red
    "#2b6a0c",  # green
    "#8b4a00",  # orange
    "#6b2c91",  # purple
    "#01689b",  # donkerblauw
    "#535353",  # grey
    "#a90061",  # robijnrood
)
DASHES = ("", "8 4", "2 3", "10 3 2 3")
SHAPES = ("circle", "square", "triangle", "diamond")


def svg_number(value: float) -> str:
    text = f"{value:.1f}"
    return text[:-2] if text.endswith(".0") else text


def line_style(index: int) -> tuple[str, str, str]:
    """The colour, line pattern and point shape of the ``index``-th line."""
    shape = SHAPES[(index // len(COLOURS) + index) % len(SHAPES)]
    dash = DASHES[(index // len(COLOURS) + index // 2) % len(DASHES)]
    return COLOURS[index % len(COLOURS)], dash, shape


def marker_path(shape: str, x: float, y: float, r: float) -> str:
    """A point's marker as an SVG path around (x, y); empty for a circle."""
    n = svg_number
    if shape == "square":
        s = r * 0.9
        side = n(2 * s)
        return f"M{n(x - s)} {n(y - s)}h{side}v{side}h-{side}Z"
    if shape == "triangle":
        return (
            f"M{n(x)} {n(y - r * 1.2)}L{n(x + r * 1.1)} {n(y + r * 0.8)}"
            f"L{n(x - r * 1.1)} {n(y + r * 0.8)}Z"
        )
    if shape == "diamond":
        return (
            f"M{n(x)} {n(y - r * 1.25)}L{n(x + r * 1.25)} {n(y)}"
            f"L{n(x)} {n(y + r * 1.25)}L{n(x - r * 1.25)} {n(y)}Z"
        )
    return ""


@dataclass(frozen=True)
class ChartPoint:
    x: str
    y: str
    shape_path: str  # the marker as an SVG path around (x, y); empty for a circle
    text: str  # what the point says, for its <title>


@dataclass(frozen=True)
class Series:
    name: str
    colour: str
    dash: str
    shape: str
    segments: list[str]  # polylines; a line is broken where a value is missing
    points: list[ChartPoint]
    code: str = ""

    @property
    def legend_marker(self) -> str:
        """The series' marker drawn in the middle of a 32 by 12 legend swatch."""
        return marker_path(self.shape, 16, 6, 4)


@dataclass(frozen=True)
class Tick:
    position: str
    label: str  # empty: a tick mark without a label (no room next to its neighbour)


@dataclass(frozen=True)
class LineChart:
    title: str
    description: str
    width: str
    height: str
    left: str
    right: str
    top: str
    bottom: str
    x_ticks: list[Tick]
    y_ticks: list[Tick]
    series: list[Series]
    radius: str = svg_number(POINT_RADIUS)

    @property
    def view_box(self) -> str:
        return f"0 0 {self.width} {self.height}"

    @property
    def tick_end(self) -> str:
        return svg_number(float(self.bottom) + 6)

    @property
    def x_label_y(self) -> str:
        return svg_number(float(self.bottom) + 22)


def labelled_ticks(positions: list[float], labels: list[str], min_gap: float) -> list[Tick]:
    """A tick per position; labels from the last one back, wherever there is room."""
    shown, next_x = set(), None
    for index in reversed(range(len(positions))):
        if next_x is None or next_x - positions[index] >= min_gap:
            shown.add(index)
            next_x = positions[index]
    return [
        Tick(svg_number(x), label if index in shown else "")
        for index, (x, label) in enumerate(zip(positions, labels, strict=True))
    ]
