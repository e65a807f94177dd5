"""The access-log endpoint, and the entries that reads through the API write."""

import uuid

import pytest
from django.urls import reverse

from eenplan.cases.tests.factories import CaseFactory, InvolvementFactory
from eenplan.privacy.constants import Action, DataSubjectIdType
from eenplan.privacy.models import AccessLogEntry
from eenplan.privacy.services import pseudonymise_bsn

pytestmark = pytest.mark.django_db

LOG_URL = reverse("api:access-log-list")


def _members(case):
    return list(case.household.members.all())


def _read_household(client, case):
    assert (
        client.get(reverse("api:household-detail", args=[case.household.uuid])).status_code == 200
    )


@pytest.mark.parametrize(
    "role", ["professional", "outsider", "team_leader", "policy_officer", "superuser"]
)
def test_access_log_is_403_except_for_privacy_officer(client_for, request, role):
    response = client_for(request.getfixturevalue(role)).get(LOG_URL, {"case": "geen-uuid"})

    assert response.status_code == 403


def test_anonymous_access_log_is_401(api_client):
    assert api_client.get(LOG_URL).status_code == 401


def test_privacy_officer_reads_entries_in_logboek_fields(
    client_for, professional, privacy_officer, case
):
    _read_household(client_for(professional), case)

    response = client_for(privacy_officer).get(LOG_URL)

    assert response.status_code == 200
    data = response.json()
    assert data["count"] == 3
    entry = data["results"][0]
    assert set(entry) >= {
        "trace_id",
        "span_id",
        "parent_span_id",
        "name",
        "start_time",
        "end_time",
        "status_code",
        "processing_activity_id",
        "purpose",
        "action",
        "actor_username",
        "organisation_name",
        "case_uuid",
        "case_reference",
        "person_uuid",
        "data_subject_id_type",
        "data_subject_id",
    }
    assert entry["actor_username"] == "involved"
    assert entry["case_reference"] == case.reference
    bsns = {p.bsn for p in _members(case)}
    assert {e["data_subject_id"] for e in data["results"]} == {pseudonymise_bsn(b) for b in bsns}
    assert not any(bsn in response.content.decode() for bsn in bsns)


def test_access_log_filters_by_case_and_person(
    client_for, professional, privacy_officer, involved_org, case
):
    other = CaseFactory(household__members=2)
    InvolvementFactory(case=other, organisation=involved_org)
    client = client_for(professional)
    _read_household(client, case)
    _read_household(client, other)
    person = _members(other)[0]
    officer = client_for(privacy_officer)

    by_case = officer.get(LOG_URL, {"case": other.uuid}).json()
    by_person = officer.get(LOG_URL, {"person": person.uuid}).json()
    none = officer.get(LOG_URL, {"case": uuid.uuid4()}).json()

    assert by_case["count"] == 2
    assert {e["case_uuid"] for e in by_case["results"]} == {str(other.uuid)}
    assert by_person["count"] == 1
    assert by_person["results"][0]["person_uuid"] == str(person.uuid)
    assert none["count"] == 0


@pytest.mark.parametrize("params, field", [({"case": "x"}, "case"), ({"person": "1"}, "person")])
def test_access_log_invalid_filter_is_400(client_for, privacy_officer, params, field):
    response = client_for(privacy_officer).get(LOG_URL, params)

    assert response.status_code == 400
    assert list(response.json()) == [field]


def test_household_read_logs_each_member(client_for, professional, case):
    _read_household(client_for(professional), case)

    entries = AccessLogEntry.objects.all()
    assert {e.person_uuid for e in entries} == {p.uuid for p in _members(case)}
    assert {(e.actor, e.action, e.case_uuid) for e in entries} == {
        (professional, Action.READ, case.uuid)
    }
    assert {e.organisation_name for e in entries} == {"Wijkteam Delfzijl"}
    assert len({e.trace_id for e in entries}) == 1


def test_case_list_logs_contact_person(client_for, professional, case):
    client_for(professional).get(reverse("api:case-list"))

    entry = AccessLogEntry.objects.get()
    assert entry.actor == professional
    assert entry.action == Action.READ
    assert entry.case_uuid == case.uuid
    assert entry.person_uuid == case.household.memberships.get(is_contact=True).person.uuid


@pytest.mark.parametrize("name", ["case-detail", "case-involvements", "case-timeline"])
def test_case_reads_log_all_members(client_for, professional, case, name):
    client_for(professional).get(reverse(f"api:{name}", args=[case.uuid]))

    entries = AccessLogEntry.objects.all()
    assert {e.person_uuid for e in entries} == {p.uuid for p in _members(case)}
    assert {(e.actor, e.action, e.case_uuid) for e in entries} == {
        (professional, Action.READ, case.uuid)
    }


def test_search_logs_each_hit(client_for, professional, case):
    client_for(professional).get(reverse("api:person-list"), {"name": "Bakker"})

    entries = AccessLogEntry.objects.all()
    assert {e.person_uuid for e in entries} == {p.uuid for p in _members(case)}
    assert {(e.action, e.case_uuid) for e in entries} == {(Action.SEARCH, None)}
    assert {e.data_subject_id_type for e in entries} == {DataSubjectIdType.BSN}


def test_person_read_logs_that_person(client_for, professional, case):
    person = _members(case)[0]

    client_for(professional).get(reverse("api:person-detail", args=[person.uuid]))

    entry = AccessLogEntry.objects.get()
    assert (entry.actor, entry.action, entry.person_uuid) == (
        professional,
        Action.READ,
        person.uuid,
    )


def test_traceparent_header_continues_the_callers_trace(client_for, professional, case):
    trace_id, parent = "4bf92f3577b34da6a3ce929d0e0e4736", "00f067aa0ba902b7"

    client_for(professional).get(
        reverse("api:case-detail", args=[case.uuid]),
        HTTP_TRACEPARENT=f"00-{trace_id}-{parent}-01",
    )

    entries = AccessLogEntry.objects.all()
    assert {(e.trace_id, e.parent_span_id) for e in entries} == {(trace_id, parent)}


def test_hidden_reads_and_empty_searches_log_nothing(client_for, outsider, case):
    client = client_for(outsider)
    client.get(reverse("api:household-detail", args=[case.household.uuid]))
    client.get(reverse("api:case-list"))
    client.get(reverse("api:person-list"), {"name": "Bakker"})

    assert not AccessLogEntry.objects.exists()
