"""The number of queries per request does not grow with the size of the data."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from eenplan.cases.tests.factories import CaseFactory, InvolvementFactory
from eenplan.consultations import services as consultation_services
from eenplan.plans.constants import OwnerKind
from eenplan.plans.services import Owner
from eenplan.tenancy.tests.factories import MunicipalityFactory

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


def _meeting(professional, involved_org, *, cases: int, members: int = 3):
    """A meeting of ``involved_org`` with ``cases`` cases on the agenda, each discussed with an
    agreement (so an action in the plan)."""
    meeting = consultation_services.consultation_plan(
        actor=professional,
        kind="netwerkoverleg",
        title="Netwerkoverleg",
        municipality=MunicipalityFactory(),
        date=timezone.localdate(),
        chair=professional,
        organisations=[involved_org],
    )
    for _ in range(cases):
        case = CaseFactory(household__members=members)
        InvolvementFactory(case=case, organisation=involved_org)
        item = consultation_services.agenda_add(
            actor=professional, consultation=meeting, case=case, question="Wie pakt het op?"
        )
        consultation_services.agenda_record_consent(
            actor=professional,
            item=item,
            ground="toestemming",
            given_by=case.household.members.first(),
        )
        consultation_services.agreement_add(
            actor=professional,
            item=item,
            description="Bel de bank",
            owner=Owner(
                kind=OwnerKind.ORGANISATION, organisation=involved_org, professional=professional
            ),
            due_date=timezone.localdate(),
            life_domain="financien",
            goal_title="Rust over geld",
        )
    return meeting


def test_consultation_list_queries_are_fixed(client_for, professional, involved_org):
    client = client_for(professional)
    url = reverse("api:consultation-list")
    _meeting(professional, involved_org, cases=1)
    one = _count_queries(client, url)
    for _ in range(5):
        _meeting(professional, involved_org, cases=2)

    six = _count_queries(client, url)

    assert client.get(url).json()["count"] == 6
    assert one == six
    assert six <= MAX_QUERIES


def test_consultation_detail_queries_are_fixed(client_for, professional, involved_org):
    client = client_for(professional)
    small = _meeting(professional, involved_org, cases=1, members=2)
    large = _meeting(professional, involved_org, cases=4, members=5)

    small_count = _count_queries(client, reverse("api:consultation-detail", args=[small.uuid]))
    large_count = _count_queries(client, reverse("api:consultation-detail", args=[large.uuid]))

    assert small_count == large_count
    assert large_count <= MAX_QUERIES


def test_agreement_list_queries_are_fixed(client_for, professional, involved_org):
    client = client_for(professional)
    url = reverse("api:agreement-list")
    _meeting(professional, involved_org, cases=1, members=2)
    one = _count_queries(client, url)
    _meeting(professional, involved_org, cases=5, members=4)

    six = _count_queries(client, url)

    assert client.get(url).json()["count"] == 6
    assert one == six
    assert six <= MAX_QUERIES


def test_policy_signal_list_queries_are_fixed(client_for, professional, involved_org):
    meeting = _meeting(professional, involved_org, cases=0)
    client = client_for(professional)
    url = reverse("api:policy-signal-list")

    def raise_signal():
        consultation_services.policy_signal_raise(
            actor=professional,
            consultation=meeting,
            theme="wachtlijsten",
            title="Wachtlijst",
            description="Gezinnen wachten lang.",
        )

    raise_signal()
    one = _count_queries(client, url)
    for _ in range(5):
        raise_signal()

    six = _count_queries(client, url)

    assert client.get(url).json()["count"] == 6
    assert one == six
