"""What an involved organisation sees through the API without consent (the known level), and how a
consent recorded or withdrawn through the API changes it at once."""

import pytest
from django.urls import reverse

from eenplan.cases.constants import DataCategory
from eenplan.cases.tests.factories import InvolvementFactory
from eenplan.privacy.models import AccessLogEntry
from eenplan.tenancy.constants import Role
from eenplan.tenancy.tests.factories import OrganisationFactory, user_in

pytestmark = pytest.mark.django_db

ALL_CATEGORIES = [c.value for c in DataCategory]
KNOWN = {"level": "bekend", "categories": []}


@pytest.fixture
def known_org(case):
    """An organisation involved in ``case`` without any consent or legal basis."""
    organisation = OrganisationFactory(name="Woningcorporatie Eemsdelta")
    InvolvementFactory(case=case, organisation=organisation, consent=False)
    return organisation


@pytest.fixture
def known(known_org):
    return user_in(known_org, Role.PROFESSIONAL, username="bekend")


def _contact(case):
    return case.household.memberships.get(is_contact=True).person


def _consent(client, case, organisation, *categories, person=None):
    response = client.post(
        reverse("api:case-consents", args=[case.uuid]),
        {
            "organisation": str(organisation.uuid),
            "person": str((person or _contact(case)).uuid),
            "categories": list(categories),
            "purpose": "Samenwerken aan het gezinsplan.",
        },
        format="json",
    )
    assert response.status_code == 201, response.json()
    return response.json()


def _withdraw(client, consent):
    response = client.post(
        reverse("api:consent-withdraw", args=[consent["uuid"]]),
        {"note": "Moeder wil dit niet meer."},
        format="json",
    )
    assert response.status_code == 200, response.json()
    return response.json()


def test_case_detail_says_known_and_leaves_out_the_questions(
    client_for, professional, known, involved_org, case, enrich
):
    enrich(case, coordinator=professional, organisation=involved_org)
    url = reverse("api:case-detail", args=[case.uuid])

    known_view = client_for(known).get(url).json()
    full_view = client_for(professional).get(url).json()

    assert known_view["access"] == KNOWN
    assert known_view["priority_question"] == ""
    assert known_view["priority_domain"] is None
    assert known_view["other_questions"] == []
    assert len(known_view["members"]) == 3
    assert known_view["coordinator"]["uuid"] == str(professional.uuid)
    assert full_view["access"] == {"level": "inhoud", "categories": ALL_CATEGORIES}
    assert full_view["priority_question"] == case.priority_question
    assert full_view["other_questions"][0]["text"] == "Hulpvraag 0"


def test_case_list_carries_the_access_level(client_for, known, case):
    (item,) = client_for(known).get(reverse("api:case-list")).json()["results"]

    assert item["uuid"] == str(case.uuid)
    assert item["access"] == KNOWN


def test_consent_opens_the_timeline_and_withdrawal_closes_it_at_once(client_for, known, case):
    client = client_for(known)
    timeline = reverse("api:case-timeline", args=[case.uuid])
    detail = reverse("api:case-detail", args=[case.uuid])

    refused = client.get(timeline)
    assert refused.status_code == 403
    assert "toestemming" in refused.json()["detail"]

    consent = _consent(client, case, known.acting_organisation, "plan")

    assert consent["is_active"] is True
    assert client.get(detail).json()["access"] == {"level": "inhoud", "categories": ["plan"]}
    opened = client.get(timeline)
    assert opened.status_code == 200
    assert opened.json()[0]["kind"] == "toestemming_vastgelegd"

    withdrawn = _withdraw(client, consent)

    assert withdrawn["is_active"] is False
    assert withdrawn["withdrawn_by"]["uuid"] == str(known.uuid)
    assert client.get(timeline).status_code == 403
    assert client.get(detail).json()["access"] == KNOWN


def test_plan_is_hidden_until_consent(client_for, known, planned):
    plan, *_ = planned
    client = client_for(known)
    url = reverse("api:case-plan", args=[plan.case.uuid])

    assert client.get(url).status_code == 403

    consent = _consent(client, plan.case, known.acting_organisation, "plan")

    response = client.get(url)
    assert response.status_code == 200
    assert response.json()["goals"][0]["title"] == "Rust over geld"

    _withdraw(client, consent)

    assert client.get(url).status_code == 403


def test_involvements_leave_out_what_each_organisation_does(client_for, known, known_org, case):
    client = client_for(known)
    url = reverse("api:case-involvements", args=[case.uuid])

    involvements = client.get(url).json()

    assert len(involvements) == 2
    for involvement in involvements:
        assert involvement["service_type"] is None
        assert involvement["service_type_display"] is None
        assert involvement["life_domains"] == []
        assert involvement["organisation"]["uuid"]
    _consent(client, case, known_org, "plan")
    opened = client.get(url).json()
    assert {i["service_type"] for i in opened} == {"maatschappelijk_werk"}
    assert {i["service_type_display"] for i in opened} == {"Maatschappelijk werk"}


def test_household_view_at_known_level_and_contact_per_person(
    client_for, professional, known, known_org, involved_org, case, enrich
):
    enrich(case, coordinator=professional, organisation=involved_org)
    client = client_for(known)
    url = reverse("api:household-detail", args=[case.household.uuid])

    data = client.get(url).json()

    assert data["access"] == KNOWN
    assert data["network"] == []
    assert data["timeline"] == []
    assert data["case"]["priority_question"] == ""
    assert data["case"]["other_questions"] == []
    assert {i["service_type"] for i in data["involvements"]} == {None}
    assert len(data["members"]) == 3
    assert data["relations"]
    for member in data["members"]:
        assert member["full_name"]
        assert (member["street"], member["postcode"], member["city"]) == ("", "", "")
        assert (member["phone"], member["email"], member["address"]) == ("", "", "")

    contact = _contact(case)
    _consent(client, case, known_org, "contactgegevens", person=contact)

    data = client.get(url).json()
    assert data["access"] == {"level": "inhoud", "categories": ["contactgegevens"]}
    addresses = {m["uuid"]: m["address"] for m in data["members"]}
    assert addresses.pop(str(contact.uuid)) == "Molenstraat 12, 9934 AB Delfzijl"
    assert set(addresses.values()) == {""}
    assert data["network"] == [] and data["timeline"] == []

    _consent(client, case, known_org, "plan")

    data = client.get(url).json()
    assert data["network"][0]["name"] == "Buur 0"
    assert data["timeline"]
    assert data["case"]["priority_question"] == case.priority_question


def test_person_detail_blanks_contact_details_without_consent(client_for, known, known_org, case):
    contact = _contact(case)
    client = client_for(known)
    url = reverse("api:person-detail", args=[contact.uuid])

    person = client.get(url).json()
    assert person["full_name"] == contact.full_name
    assert (person["address"], person["street"], person["postcode"]) == ("", "", "")

    consent = _consent(client, case, known_org, "contactgegevens", person=contact)

    assert client.get(url).json()["address"] == "Molenstraat 12, 9934 AB Delfzijl"
    _withdraw(client, consent)
    assert client.get(url).json()["address"] == ""


def test_every_known_level_read_is_logged(client_for, known, case):
    client = client_for(known)
    AccessLogEntry.objects.all().delete()

    for name, args in [
        ("case-detail", [case.uuid]),
        ("case-involvements", [case.uuid]),
        ("case-consents", [case.uuid]),
        ("household-detail", [case.household.uuid]),
    ]:
        assert client.get(reverse(f"api:{name}", args=args)).status_code == 200

    names = set(AccessLogEntry.objects.filter(actor=known).values_list("name", flat=True))
    assert names == {
        "casus bekijken",
        "betrokkenheden bekijken",
        "toestemmingen bekijken",
        "huishouden bekijken",
    }
    members = {str(p.uuid) for p in case.household.members.all()}
    logged = {str(u) for u in AccessLogEntry.objects.values_list("person_uuid", flat=True)}
    assert logged == members


def test_transition_answer_leaves_out_the_questions(client_for, known, case):
    response = client_for(known).post(
        reverse("api:case-transition", args=[case.uuid]), {"status": "plan"}, format="json"
    )

    assert response.status_code == 200
    assert response.json()["priority_question"] == ""
