"""The number of queries per request does not grow with the size of the data."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from eenplan.cases.tests.factories import CaseFactory, InvolvementFactory

pytestmark = pytest.mark.django_db

# The household view also reads consents, notes, coordinator proposals and referrals (ADR 0004).
MAX_QUERIES = 20


def _count_queries(client, url: str) -> int:
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200
    return len(queries)


def test_household_view_queries_are_fixed(client_for, professional, involved_org, enrich):
    small = CaseFactory(household__members=2)
    InvolvementFactory(case=small, organisation=involved_org)
    enrich(small, coordinator=professional, organisation=involved_org, size=1)
    large = CaseFactory(household__members=7)
    InvolvementFactory(case=large, organisation=involved_org)
    enrich(large, coordinator=professional, organisation=involved_org, size=5)
    client = client_for(professional)

    small_count = _count_queries(
        client, reverse("api:household-detail", args=[small.household.uuid])
    )
    large_count = _count_queries(
        client, reverse("api:household-detail", args=[large.household.uuid])
    )

    assert small_count == large_count
    assert large_count <= MAX_QUERIES


def test_case_list_queries_are_fixed(client_for, professional, involved_org, case):
    client = client_for(professional)
    url = reverse("api:case-list")
    case.coordinator, case.coordinator_organisation = professional, involved_org
    case.save()
    one_case = _count_queries(client, url)
    for _ in range(6):
        other = CaseFactory(household__members=4, coordinator=professional)
        InvolvementFactory(case=other, organisation=involved_org)

    seven_cases = _count_queries(client, url)

    assert client.get(url).json()["count"] == 7
    assert one_case == seven_cases
    assert seven_cases <= MAX_QUERIES


@pytest.mark.parametrize("name", ["case-detail", "case-involvements", "case-timeline"])
def test_case_detail_queries_are_fixed(client_for, professional, involved_org, enrich, name):
    small = CaseFactory(household__members=2)
    InvolvementFactory(case=small, organisation=involved_org)
    enrich(small, coordinator=professional, organisation=involved_org, size=1)
    large = CaseFactory(household__members=6)
    InvolvementFactory(case=large, organisation=involved_org)
    enrich(large, coordinator=professional, organisation=involved_org, size=4)
    client = client_for(professional)

    small_count = _count_queries(client, reverse(f"api:{name}", args=[small.uuid]))
    large_count = _count_queries(client, reverse(f"api:{name}", args=[large.uuid]))

    assert small_count == large_count
