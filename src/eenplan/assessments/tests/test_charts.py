"""The progress chart: coordinates computed in Python, drawn as an SVG by a template."""

import datetime
import re

import pytest
from django.template.loader import render_to_string
from django.utils import translation

from eenplan.assessments.charts import HEIGHT, MARGIN_BOTTOM, MARGIN_LEFT, progress_chart
from eenplan.assessments.models import Assessment, ScaleLevel
from eenplan.assessments.selectors import DomainTrend, Point, SubjectProgress
from eenplan.assessments.tests.factories import zrm

pytestmark = pytest.mark.django_db

START = datetime.date(2026, 1, 1)
SCALE = [ScaleLevel(value=value, label=f"Niveau {value}") for value in range(1, 6)]


def _subject(days: list[int], trends: dict[str, list[int]]) -> SubjectProgress:
    """A subject scored on ``START + days``, each trend with a value per day."""
    dates = [START + datetime.timedelta(days=d) for d in days]
    return SubjectProgress(
        person=None,
        instrument=zrm(),
        assessments=[Assessment(assessed_on=day) for day in dates],
        domains=[
            DomainTrend(
                code,
                code.capitalize(),
                "",
                [
                    Point(day, value, f"Niveau {value}")
                    for day, value in zip(dates, values, strict=True)
                ],
            )
            for code, values in trends.items()
        ],
        scale=SCALE,
    )


def test_points_run_from_left_to_right_in_time_and_up_with_the_score():
    chart = progress_chart(
        _subject([0, 30, 90], {"financien": [1, 3, 5], "huisvesting": [2, 2, 2]}), title="T"
    )

    finances, housing = chart.series
    xs = [float(p.x) for p in finances.points]
    ys = [float(p.y) for p in finances.points]
    assert xs[0] == MARGIN_LEFT
    assert xs[0] < xs[1] < xs[2]
    # 30 of 90 days: a third of the width from the first point.
    assert xs[1] - xs[0] == pytest.approx((xs[2] - xs[0]) / 3, abs=0.1)
    assert ys[0] == HEIGHT - MARGIN_BOTTOM  # the lowest score on the axis
    assert ys[0] > ys[1] > ys[2]  # higher score, higher on the chart (smaller y)
    assert len({p.y for p in housing.points}) == 1
    assert finances.segments == [" ".join(f"{p.x},{p.y}" for p in finances.points)]
    assert [tick.label for tick in chart.y_ticks] == ["1", "2", "3", "4", "5"]
    assert finances.points[2].text.endswith(": 5 (Niveau 5)")


def test_domains_without_scores_get_no_line_and_lines_differ_without_colour():
    subject = _subject([0, 10], {f"d{n}": [1, 2] for n in range(13)})
    subject.domains.append(DomainTrend("leeg", "Leeg", ""))

    chart = progress_chart(subject, title="T")

    assert [s.code for s in chart.series] == [f"d{n}" for n in range(13)]
    looks = {(s.colour, s.dash, s.shape) for s in chart.series}
    assert len(looks) == 13


def test_one_date_sits_in_the_middle_and_close_dates_share_a_label():
    single = progress_chart(_subject([0], {"financien": [3]}), title="T")
    assert [t.label for t in single.x_ticks] == ["1 jan 2026"]
    assert float(single.series[0].points[0].x) == pytest.approx(
        (float(single.left) + float(single.right)) / 2
    )

    crowded = progress_chart(_subject([0, 1, 200], {"financien": [1, 2, 3]}), title="T")
    labels = [t.label for t in crowded.x_ticks]
    assert labels[0] == "" and labels[1] and labels[2]  # the latest dates keep their label


def test_the_svg_has_a_title_and_every_point_with_a_decimal_point_in_dutch():
    chart = progress_chart(
        _subject([0, 7, 19], {"financien": [1, 2, 4], "huisvesting": [5, 4, 4]}),
        title="Voortgang van het huishouden",
    )

    with translation.override("nl"):
        html = render_to_string(
            "eenplan/includes/line_chart.html", {"chart": chart, "id": "grafiek"}
        )

    assert 'role="img"' in html
    assert 'aria-labelledby="grafiek-titel grafiek-uitleg"' in html
    assert '<title id="grafiek-titel">Voortgang van het huishouden</title>' in html
    for series in chart.series:
        assert f'points="{series.segments[0]}"' in html
    first = chart.series[0].points[0]
    assert f'cx="{first.x}" cy="{first.y}"' in html
    assert chart.series[1].points[0].shape_path in html  # the second line has squares
    # Coordinates are written with a decimal point, whatever the language of the page.
    assert "." in chart.series[0].points[1].x
    for value in re.findall(r' (?:cx|cy|x|y|x1|x2|y1|y2)="([^"]*)"', html):
        float(value)
    for value in re.findall(r' points="([^"]*)"', html):
        for pair in value.split():
            x, y = pair.split(",")
            float(x), float(y)
    assert "style=" not in html and "<script" not in html
    assert "Financien" in html and "Huisvesting" in html  # the legend
