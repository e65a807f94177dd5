"""The dashboard, one indicator, the definitions and the export."""

from collections import Counter
from dataclasses import dataclass

from django.contrib.auth.decorators import login_required
from django.http import Http404
from django.shortcuts import render
from django.views.decorators.http import require_GET

from eenplan.common.routing import replica_reads
from eenplan.indicators import selectors
from eenplan.indicators.charts import Line, bar_chart, trend_chart
from eenplan.indicators.definitions import CORE, Indicator
from eenplan.indicators.export import applies, cell_of, csv_response, flat_rows, xlsx_response
from eenplan.indicators.views.selection import (
    Selection,
    Shown,
    owner_selection,
    select,
    shown,
    shown_at,
)
from eenplan.indicators.views.stories import labelled

LATEST_STORIES = 3


@dataclass(frozen=True)
class Row:
    indicator: Indicator
    owner: str  # the municipality of a local indicator
    cells: list[Shown]
    stories: int


def _owners(benchmark) -> dict[str, str]:
    names = {m.pk: m.name for m in benchmark.municipalities}
    return {code: names.get(pk, "") for code, pk in benchmark.local_owner.items()}


def _dashboard(request, selection: Selection, status: int = 200):
    context = {"selection": selection, "form": selection.form, "query": request.GET.urlencode()}
    benchmark = selection.benchmark
    if benchmark is not None:
        quarter = selection.form.table_quarter
        stories = selectors.stories(user=request.user, municipality_ids=selection.municipality_ids)
        counts = Counter(code for story in stories for code in story.indicator_codes)
        owners = _owners(benchmark)
        rows = [
            Row(
                indicator,
                owners.get(indicator.code, ""),
                [shown_at(benchmark, indicator, column, quarter) for column in selection.columns],
                counts[indicator.code],
            )
            for indicator in benchmark.indicators
        ]
        context |= {
            "quarter": quarter,
            "rows": rows,
            "stories": [labelled(story) for story in stories[:LATEST_STORIES]],
            "story_count": len(stories),
        }
    return render(request, "indicators/dashboard.html", context, status=status)


@login_required
@require_GET
@replica_reads
def dashboard(request):
    return _dashboard(request, select(request))


def _lines(selection: Selection, indicator: Indicator, quarters) -> list[Line]:
    benchmark = selection.benchmark
    return [
        Line(
            column.name,
            [cell_of(benchmark, indicator, column, quarter) for quarter in quarters],
            column.is_group,
        )
        for column in selection.columns
        if applies(benchmark, indicator, column)
    ]


@login_required
@require_GET
@replica_reads
def indicator_detail(request, code: str):
    selection = select(request, indicator_codes=[code])
    context = {"form": selection.form, "query": request.GET.urlencode(), "code": code}
    if selection.benchmark is None:
        return render(request, "indicators/detail.html", context)
    indicator = next((i for i in selection.benchmark.indicators if i.code == code), None)
    if indicator is None:
        selection = owner_selection(request, selection, code)
        if selection is None:
            raise Http404
        indicator = selection.benchmark.indicators[0]
    form = selection.form
    unit = str(indicator.unit)
    trend_lines = _lines(selection, indicator, form.trend_quarters)
    bars = _lines(selection, indicator, [form.table_quarter])
    context |= {
        "indicator": indicator,
        "owner": _owners(selection.benchmark).get(code, ""),
        "quarter": form.table_quarter,
        "quarters": form.trend_quarters,
        "trend": trend_chart(
            form.trend_quarters, trend_lines, title=f"{indicator.name}: trend", unit=unit
        ),
        "bars": bar_chart(
            bars,
            title=f"{indicator.name}: vergelijking in {form.table_quarter}",
            quarter=form.table_quarter,
            unit=unit,
        ),
        "table": [(line.name, [shown(cell) for cell in line.cells]) for line in trend_lines],
        "stories": [
            labelled(story)
            for story in selectors.stories(
                user=request.user,
                municipality_ids=selection.municipality_ids,
                indicator_code=code,
            )
        ]
        if indicator.is_core
        else [],
    }
    return render(request, "indicators/detail.html", context)


@login_required
@require_GET
def definitions(request):
    """Every definition: no numbers, so for everyone who is logged in (story writers too)."""
    context = {
        "core": CORE,
        "local": selectors.local_definitions(),
        "may_view": selectors.may_view(request.user),
    }
    return render(request, "indicators/definitions.html", context)


def _export(request, respond):
    selection = select(request)
    if selection.benchmark is None:
        return _dashboard(request, selection, status=400)
    rows = flat_rows(selection.benchmark, selection.columns, selection.form.quarters)
    return respond(rows, selection.benchmark.indicators)


@login_required
@require_GET
@replica_reads
def export_csv(request):
    return _export(request, lambda rows, indicators: csv_response(rows))


@login_required
@require_GET
@replica_reads
def export_xlsx(request):
    return _export(request, xlsx_response)
