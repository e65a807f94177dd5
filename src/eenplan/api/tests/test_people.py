"""Person search, person detail and the integrated client view of a household."""

import uuid

import pytest
from django.urls import reverse

from eenplan.cases.models import Involvement
from eenplan.people.tests.factories import PersonFactory

pytestmark = pytest.mark.django_db

SEARCH_URL = reverse("api:person-list")


def _contact(case):
    return case.household.memberships.get(is_contact=True).person


def test_search_by_bsn_finds_person_with_household(client_for, professional, case):
    person = _contact(case)

    response = client_for(professional).get(SEARCH_URL, {"bsn": person.bsn})

    assert response.status_code == 200
    data = response.json()
    assert data["count"] == 1
    hit = data["results"][0]
    assert hit["uuid"] == str(person.uuid)
    assert hit["full_name"] == person.full_name
    assert hit["households"] == [
        {"uuid": str(case.household.uuid), "name": case.household.name, "is_contact": True}
    ]


def test_search_by_name_birth_date_and_postcode(client_for, professional, case):
    params = {"name": "bakker", "birth_date": "1985-04-12", "postcode": "9934ab"}

    data = client_for(professional).get(SEARCH_URL, params).json()

    assert data["count"] == 3
    assert {hit["uuid"] for hit in data["results"]} == {
        str(p.uuid) for p in case.household.members.all()
    }


def test_search_finds_only_visible_persons(client_for, professional, case):
    PersonFactory(surname="Bakker")  # in no household: nobody may see this person

    data = client_for(professional).get(SEARCH_URL, {"name": "Bakker"}).json()

    assert data["count"] == 3


def test_outsider_search_finds_nothing(client_for, outsider, case):
    response = client_for(outsider).get(SEARCH_URL, {"bsn": _contact(case).bsn})

    assert response.status_code == 200
    assert response.json() == {"count": 0, "results": []}


@pytest.mark.parametrize(
    "params, field",
    [
        ({"bsn": "123456789"}, "bsn"),
        ({"bsn": "abc"}, "bsn"),
        ({"birth_date": "12-04-1985"}, "birth_date"),
        ({"birth_date": "1985-02-30"}, "birth_date"),
        ({"postcode": "0123 AB"}, "postcode"),
        ({}, "non_field_errors"),
        ({"name": "   "}, "non_field_errors"),
    ],
)
def test_invalid_search_is_400_with_field_errors(client_for, professional, params, field):
    response = client_for(professional).get(SEARCH_URL, params)

    assert response.status_code == 400
    assert list(response.json()) == [field]


def test_invalid_bsn_message_is_dutch(client_for, professional):
    response = client_for(professional).get(SEARCH_URL, {"bsn": "123456789"})

    assert response.json() == {"bsn": ["Dit is geen geldig BSN (9 cijfers, 11-proef)."]}


def test_person_detail(client_for, professional, outsider, case):
    person = _contact(case)
    url = reverse("api:person-detail", args=[person.uuid])

    response = client_for(professional).get(url)

    assert response.status_code == 200
    assert response.json()["bsn"] == person.bsn
    assert response.json()["address"] == "Molenstraat 12, 9934 AB Delfzijl"
    assert client_for(outsider).get(url).status_code == 404


def test_unknown_person_is_404(client_for, professional, case):
    url = reverse("api:person-detail", args=[uuid.uuid4()])

    assert client_for(professional).get(url).status_code == 404


def test_household_client_view(client_for, professional, involved_org, case, enrich):
    enrich(case, coordinator=professional, organisation=involved_org)

    response = client_for(professional).get(
        reverse("api:household-detail", args=[case.household.uuid])
    )

    assert response.status_code == 200
    data = response.json()
    assert data["name"] == case.household.name
    assert data["municipality"]["uuid"] == str(case.household.municipality.uuid)
    assert len(data["members"]) == 3
    assert [m["is_contact"] for m in data["members"]].count(True) == 1
    assert data["members"][0]["uuid"] == str(_contact(case).uuid)
    assert len(data["relations"]) == 2
    assert data["relations"][0]["kind"] == "ouder"
    assert data["network"][0]["name"] == "Buur 0"
    current = data["case"]
    assert current["uuid"] == str(case.uuid)
    assert current["status"] == "intake"
    assert current["priority_question"] == case.priority_question
    assert current["priority_domain"] == {"code": "financien", "label": "Financiën"}
    assert current["other_questions"][0]["text"] == "Hulpvraag 0"
    assert current["coordinator"]["uuid"] == str(professional.uuid)
    assert current["coordinator"]["organisation"]["name"] == "Wijkteam Delfzijl"
    assert current["escalation"] == {
        "level": 1,
        "label": "1 — uitvoerders onderling",
        "reason": "",
    }
    assert [c["uuid"] for c in data["cases"]] == [str(case.uuid)]
    assert len(data["involvements"]) == 2
    other = next(i for i in data["involvements"] if i["contact"])
    assert other["contact"]["email"] == "hulp0@example.org"
    assert other["life_domains"] == [
        {"code": "huisvesting", "label": "Huisvesting"},
        {"code": "financien", "label": "Financiën"},
    ]
    assert sorted(other["persons"]) == sorted(str(p.uuid) for p in case.household.members.all())
    assert other["service_type"] == Involvement.objects.first().service_type
    assert other["end_date"] is None
    assert len(data["timeline"]) == 1
    assert data["timeline"][0]["actor_name"] == str(professional)


def test_household_hidden_from_outsider(client_for, outsider, case):
    url = reverse("api:household-detail", args=[case.household.uuid])

    assert client_for(outsider).get(url).status_code == 404


def test_household_of_ended_involvement_is_hidden(client_for, professional, case):
    case.involvements.update(end_date="2000-01-01", start_date="1999-01-01")
    url = reverse("api:household-detail", args=[case.household.uuid])

    assert client_for(professional).get(url).status_code == 404
