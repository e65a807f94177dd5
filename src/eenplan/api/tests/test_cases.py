"""Cases: list with filters, detail, involvements, timeline and status transitions."""

import uuid

import pytest
from django.urls import reverse

from eenplan.cases.constants import CaseStatus, TimelineEventKind
from eenplan.cases.tests.factories import CaseFactory, InvolvementFactory
from eenplan.privacy.constants import Action
from eenplan.privacy.models import AccessLogEntry

pytestmark = pytest.mark.django_db

LIST_URL = reverse("api:case-list")


def _transition(client, case, **data):
    return client.post(reverse("api:case-transition", args=[case.uuid]), data, format="json")


def test_list_shows_visible_cases(client_for, professional, case):
    data = client_for(professional).get(LIST_URL).json()

    assert data["count"] == 1
    assert data["next"] is None and data["previous"] is None
    item = data["results"][0]
    assert item["uuid"] == str(case.uuid)
    assert item["reference"] == case.reference
    assert item["household"]["uuid"] == str(case.household.uuid)
    assert item["contact"]["is_contact"] is True


def test_outsider_lists_no_cases(client_for, outsider, case):
    assert client_for(outsider).get(LIST_URL).json()["count"] == 0


def test_list_filters(client_for, professional, involved_org, case):
    other = CaseFactory(status=CaseStatus.PLAN)
    InvolvementFactory(case=other, organisation=involved_org)
    case.coordinator, case.coordinator_organisation = professional, involved_org
    case.save()
    client = client_for(professional)

    def uuids(**params):
        return [c["uuid"] for c in client.get(LIST_URL, params).json()["results"]]

    assert uuids() == [str(other.uuid), str(case.uuid)]
    assert uuids(status="plan") == [str(other.uuid)]
    assert uuids(municipality=case.household.municipality.uuid) == [str(case.uuid)]
    assert uuids(coordinator=professional.uuid) == [str(case.uuid)]
    assert uuids(municipality=uuid.uuid4()) == []


def test_list_pages(client_for, professional, involved_org, case):
    for _ in range(2):
        InvolvementFactory(case=CaseFactory(), organisation=involved_org)
    client = client_for(professional)

    first = client.get(LIST_URL, {"page_size": 2}).json()
    second = client.get(first["next"]).json()

    assert first["count"] == 3 and len(first["results"]) == 2
    assert len(second["results"]) == 1 and second["next"] is None


@pytest.mark.parametrize(
    "params, field",
    [
        ({"status": "gesloten"}, "status"),
        ({"municipality": "geen-uuid"}, "municipality"),
        ({"coordinator": "123"}, "coordinator"),
        ({"page": "-1"}, "page"),
        ({"page_size": "0"}, "page_size"),
    ],
)
def test_invalid_filters_are_400(client_for, professional, params, field):
    response = client_for(professional).get(LIST_URL, params)

    assert response.status_code == 400
    assert list(response.json()) == [field]


def test_case_detail(client_for, professional, involved_org, case, enrich):
    enrich(case, coordinator=professional, organisation=involved_org)

    response = client_for(professional).get(reverse("api:case-detail", args=[case.uuid]))

    assert response.status_code == 200
    data = response.json()
    assert data["reference"] == case.reference
    assert data["status_display"] == "Intake"
    assert data["allowed_transitions"] == ["afgesloten", "plan"]
    assert data["household"]["name"] == case.household.name
    assert len(data["members"]) == 3
    assert data["coordinator"]["name"] == str(professional)
    assert data["other_questions"][0]["life_domain"]["label"] == "Huisvesting"


@pytest.mark.parametrize("name", ["case-detail", "case-involvements", "case-timeline"])
def test_case_endpoints_hidden_from_outsider(client_for, outsider, case, name):
    response = client_for(outsider).get(reverse(f"api:{name}", args=[case.uuid]))

    assert response.status_code == 404
    assert not AccessLogEntry.objects.exists()


@pytest.mark.parametrize("name", ["case-detail", "case-involvements", "case-timeline"])
def test_unknown_case_is_404(client_for, professional, name):
    response = client_for(professional).get(reverse(f"api:{name}", args=[uuid.uuid4()]))

    assert response.status_code == 404


def test_case_involvements(client_for, professional, case, enrich):
    enrich(case, size=2)

    response = client_for(professional).get(reverse("api:case-involvements", args=[case.uuid]))

    assert response.status_code == 200
    assert len(response.json()) == 3
    assert {i["organisation"]["name"] for i in response.json()} >= {"Wijkteam Delfzijl"}


def test_case_timeline(client_for, professional, case, enrich):
    enrich(case, size=2)

    response = client_for(professional).get(reverse("api:case-timeline", args=[case.uuid]))

    assert response.status_code == 200
    assert len(response.json()) == 2
    assert response.json()[0]["kind"] == "status_gewijzigd"


def test_transition_changes_status_and_writes_timeline(client_for, professional, case):
    response = _transition(client_for(professional), case, status="plan", note="Plan maken.")

    assert response.status_code == 200
    assert response.json()["status"] == "plan"
    case.refresh_from_db()
    assert case.status == CaseStatus.PLAN
    event = case.timeline.get()
    assert event.kind == TimelineEventKind.STATUS_CHANGED
    assert event.actor == professional
    assert event.data["to"] == "plan"
    updates = AccessLogEntry.objects.filter(action=Action.UPDATE)
    assert updates.count() == 3
    assert {e.case_uuid for e in updates} == {case.uuid}


def test_close_needs_reason_then_closes(client_for, professional, case):
    client = client_for(professional)

    missing = _transition(client, case, status="afgesloten")
    closed = _transition(client, case, status="afgesloten", closing_reason="doelen_bereikt")

    assert missing.status_code == 400
    assert list(missing.json()) == ["closing_reason"]
    assert closed.status_code == 200
    assert closed.json()["closing_reason"] == "doelen_bereikt"
    assert closed.json()["allowed_transitions"] == ["intake"]


@pytest.mark.parametrize(
    "data, field",
    [
        ({"status": "evaluatie"}, "status"),  # intake → evaluatie is not a step
        ({"status": "onbekend"}, "status"),
        ({}, "status"),
        ({"status": "afgesloten", "closing_reason": "geen-reden"}, "closing_reason"),
        ({"status": "plan", "note": ["lijst"]}, "note"),
    ],
)
def test_invalid_transition_is_400(client_for, professional, case, data, field):
    response = _transition(client_for(professional), case, **data)

    assert response.status_code == 400
    assert field in response.json()
    case.refresh_from_db()
    assert case.status == CaseStatus.INTAKE
    assert not case.timeline.exists()


def test_transition_not_allowed_message_is_dutch(client_for, professional, case):
    response = _transition(client_for(professional), case, status="evaluatie")

    assert response.json() == {"status": ["Van Intake naar Evaluatie is geen toegestane stap."]}


def test_outsider_cannot_transition(client_for, outsider, case):
    response = _transition(client_for(outsider), case, status="plan")

    assert response.status_code == 404
    case.refresh_from_db()
    assert case.status == CaseStatus.INTAKE


def test_malformed_json_is_400(client_for, professional, case):
    response = client_for(professional).post(
        reverse("api:case-transition", args=[case.uuid]),
        "{niet json",
        content_type="application/json",
    )

    assert response.status_code == 400


def test_reopen_needs_note_and_is_recorded(client_for, professional, case):
    client = client_for(professional)
    _transition(client, case, status="afgesloten", closing_reason="verhuisd")

    without_note = _transition(client, case, status="intake")
    reopened = _transition(client, case, status="intake", note="Toch weer hulp nodig.")

    assert without_note.status_code == 400
    assert list(without_note.json()) == ["note"]
    assert reopened.status_code == 200
    assert reopened.json()["closing_reason"] == ""
    assert case.timeline.first().kind == TimelineEventKind.CASE_REOPENED
