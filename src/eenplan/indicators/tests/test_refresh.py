"""The dashboard's counts come from the cache and the refresh job counts them again: a viewer
does not wait for counting over the whole region, and the figures lag at most one refresh."""

import pytest
from django.db.models import Q
from django.http import QueryDict

from eenplan.cases.tests.factories import CaseFactory
from eenplan.indicators.forms import DEFAULT_TREND, BenchmarkForm
from eenplan.indicators.measures import Scope
from eenplan.indicators.periods import last_quarters
from eenplan.indicators.tasks import refresh_indicators
from eenplan.indicators.values import measure_values
from eenplan.tenancy.tests.factories import MunicipalityFactory

pytestmark = pytest.mark.django_db


def test_counts_are_kept_until_the_refresh_job_counts_again():
    town = MunicipalityFactory()
    quarters = last_quarters(DEFAULT_TREND)
    now = (town.pk, quarters[-1].label)

    def running_cases():
        return measure_values("lopende_casussen", quarters, Scope()).get(now, 0)

    CaseFactory(household__municipality=town)
    assert running_cases() == 1
    CaseFactory(household__municipality=town)
    assert running_cases() == 1, "taken from the cache"

    refresh_indicators.delay()

    assert running_cases() == 2


def test_a_local_indicator_is_counted_apart_from_the_core():
    town = MunicipalityFactory()
    quarters = last_quarters(DEFAULT_TREND)
    CaseFactory(household__municipality=town, priority_domain="financien")
    CaseFactory(household__municipality=town, priority_domain="huisvesting")

    now = (town.pk, quarters[-1].label)
    local = Scope(cases=Q(priority_domain="financien"))
    assert measure_values("lopende_casussen", quarters, Scope())[now] == 2
    assert measure_values("lopende_casussen", quarters, local)[now] == 1


def test_the_job_counts_the_quarters_the_dashboard_opens_with():
    form = BenchmarkForm.with_defaults(QueryDict(), groups=[], municipalities=[])
    assert form.is_valid(), form.errors
    assert form.quarters == last_quarters(DEFAULT_TREND)
