"""Roles that do not work on cases see no person and no case through the API."""

import pytest
from django.urls import reverse

pytestmark = pytest.mark.django_db

NON_CASE_WORKERS = ["team_leader", "policy_officer", "privacy_officer", "superuser"]


@pytest.fixture(params=NON_CASE_WORKERS)
def non_case_worker(request, case):
    return request.getfixturevalue(request.param)


def test_lists_and_search_are_empty(client_for, non_case_worker, case):
    client = client_for(non_case_worker)
    contact = case.household.memberships.get(is_contact=True).person

    assert client.get(reverse("api:case-list")).json()["count"] == 0
    assert client.get(reverse("api:person-list"), {"bsn": contact.bsn}).json()["count"] == 0
    assert client.get(reverse("api:person-list"), {"name": "Bakker"}).json()["count"] == 0


def test_details_are_404(client_for, non_case_worker, case):
    client = client_for(non_case_worker)
    contact = case.household.memberships.get(is_contact=True).person
    urls = [
        reverse("api:person-detail", args=[contact.uuid]),
        reverse("api:household-detail", args=[case.household.uuid]),
        reverse("api:case-detail", args=[case.uuid]),
        reverse("api:case-involvements", args=[case.uuid]),
        reverse("api:case-timeline", args=[case.uuid]),
    ]

    assert [client.get(url).status_code for url in urls] == [404] * len(urls)
    response = client.post(
        reverse("api:case-transition", args=[case.uuid]), {"status": "plan"}, format="json"
    )
    assert response.status_code == 404


def test_non_case_workers_may_read_reference_data(client_for, non_case_worker):
    client = client_for(non_case_worker)

    assert client.get(reverse("api:municipality-list")).status_code == 200
    assert client.get(reverse("api:organisation-list")).status_code == 200
