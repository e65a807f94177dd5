"""Indicator values per municipality (or region) and quarter, with small cells suppressed.

A cell is suppressed when any count it is built from is between 1 and 4, or when the count it is
divided by (or a median is taken over) is below 5: a number about a handful of cases can point to
a household. A suppressed cell carries no value, numerator or denominator at all, so neither the
page, the export nor the API can show them. Population figures are not counts of cases and never
suppress.
"""

import hashlib
from collections.abc import Iterable
from dataclasses import dataclass

from django.conf import settings
from django.core.cache import cache
from django.db.models import Exists, OuterRef, Q
from django.utils import timezone

from eenplan.cases.models import Case, Involvement
from eenplan.indicators.constants import SMALL_CELL, Level
from eenplan.indicators.definitions import Indicator
from eenplan.indicators.measures import MEASURES, POPULATION, Scope, Values
from eenplan.indicators.periods import Quarter


@dataclass(frozen=True)
class Cell:
    indicator: Indicator
    group_id: int
    quarter: Quarter
    value: float | None
    numerator: float | None
    denominator: float | None
    suppressed: bool

    @property
    def display(self) -> str:
        if self.suppressed:
            return "<5"
        if self.value is None:
            return "-"
        return f"{self.value:.1f}".replace(".", ",")


def case_filter(*, priority_domain: str = "", service_type: str = "") -> Q:
    """The cases a local indicator counts."""
    condition = Q()
    if priority_domain:
        condition &= Q(priority_domain=priority_domain)
    if service_type:
        condition &= Q(
            Exists(Involvement.objects.filter(case=OuterRef("pk"), service_type=service_type))
        )
    return condition


def _small(count: float | None, measure_code: str) -> bool:
    return MEASURES[measure_code].kind != POPULATION and bool(count) and count < SMALL_CELL


def make_cell(indicator: Indicator, group_id: int, quarter: Quarter, numerator, denominator):
    denominator_is_count = MEASURES[indicator.denominator].kind != POPULATION
    suppressed = (denominator_is_count and (denominator or 0) < SMALL_CELL) or (
        not indicator.is_median and _small(numerator, indicator.numerator)
    )
    if suppressed:
        return Cell(indicator, group_id, quarter, None, None, None, True)
    if indicator.is_median:
        value = numerator
    else:
        value = numerator / denominator * indicator.scale if denominator else None
    return Cell(indicator, group_id, quarter, value, numerator, denominator, False)


def measure_values(code: str, quarters: list[Quarter], scope: Scope, *, refresh=False) -> Values:
    """A measure's values from the cache, counted when missing (or with ``refresh``) and kept for
    ``INDICATOR_CACHE_SECONDS``. They are aggregates, the same for every viewer; counting them over
    a whole region takes seconds, so the refresh job counts the dashboard's ahead of its viewers.
    """
    cases = str(Case.objects.filter(scope.cases).query)  # a filter's SQL, stable between runs
    labels = ",".join(quarter.label for quarter in quarters)
    fingerprint = f"{code}|{scope.level}|{cases}|{labels}|{timezone.localdate()}"
    key = "indicators:" + hashlib.sha256(fingerprint.encode()).hexdigest()
    values = None if refresh else cache.get(key)
    if values is None:
        values = MEASURES[code].compute(quarters, scope)
        cache.set(key, values, settings.INDICATOR_CACHE_SECONDS)
    return values


def indicator_cells(
    indicators: Iterable[Indicator],
    quarters: list[Quarter],
    *,
    level: Level = Level.MUNICIPALITY,
    filters: dict[str, Q] | None = None,
    refresh: bool = False,
) -> dict[tuple[str, int, str], Cell]:
    """Every cell ``(indicator code, group id, quarter label)`` for the available indicators.
    ``filters`` holds a case filter per indicator code (local indicators); each measure is
    computed once per filter (``refresh``: recounted, not taken from the cache)."""
    filters = filters or {}
    computed: dict[tuple[str, str], Values] = {}

    def values(code: str, condition: Q) -> Values:
        key = (code, str(condition))
        if key not in computed:
            computed[key] = measure_values(code, quarters, Scope(level, condition), refresh=refresh)
        return computed[key]

    cells = {}
    for indicator in indicators:
        if not indicator.available:
            continue
        condition = filters.get(indicator.code, Q())
        numerators = values(indicator.numerator, condition)
        denominators = values(indicator.denominator, condition)
        for group_id, label in set(numerators) | set(denominators):
            quarter = Quarter.parse(label)
            cells[(indicator.code, group_id, label)] = make_cell(
                indicator,
                group_id,
                quarter,
                numerators.get((group_id, label), 0),
                denominators.get((group_id, label), 0),
            )
    return cells


def pooled_cell(indicator: Indicator, quarter: Quarter, members: list[Cell | None]) -> Cell | None:
    """A peer group's cell: the members' numerators and denominators added up, then suppressed
    by the same rule. Medians cannot be added up: None. Members whose own cell was suppressed
    are left out, so that suppression cannot be undone by subtraction."""
    if indicator.is_median or not indicator.available:
        return None
    shown = [cell for cell in members if cell is not None and not cell.suppressed]
    numerator = sum(cell.numerator or 0 for cell in shown)
    denominator = sum(cell.denominator or 0 for cell in shown)
    return make_cell(indicator, 0, quarter, numerator, denominator)
