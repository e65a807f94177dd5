"""The citizen's API under /api/v1/me/: a token for citizen accounts only, each kind of token on
its own side, another household's UUIDs answered like unknown ones, consent that ends at once,
the access log told back as written, and an export with nothing of others."""

import json

import pytest
from django.core.cache import cache
from django.urls import reverse
from rest_framework.authtoken.models import Token
from rest_framework.test import APIClient

from eenplan.cases.constants import DataCategory
from eenplan.cases.models import Case, Consent, TimelineEvent
from eenplan.cases.tests.factories import CaseFactory, InvolvementFactory
from eenplan.complaints.models import Complaint
from eenplan.plans.constants import ActionStatus, OwnerKind
from eenplan.plans.models import PlanVersion
from eenplan.plans.tests.factories import ActionFactory, GoalFactory, PlanFactory
from eenplan.portal import services
from eenplan.portal.constants import ProposalKind
from eenplan.portal.models import Feedback, Message, Proposal
from eenplan.privacy import policy
from eenplan.privacy.constants import Action as LogAction
from eenplan.privacy.models import AccessLogEntry
from eenplan.privacy.services import access_log_write

pytestmark = pytest.mark.django_db

PASSWORD = "een-lang-wachtwoord-voor-de-test"
TOKEN_URL = reverse("api:me-token")


@pytest.fixture(autouse=True)
def _fresh_throttle_cache():
    """The login throttle counts in the cache; every test starts with a clean slate."""
    cache.clear()
    yield
    cache.clear()


def api_for(user) -> APIClient:
    client = APIClient()
    token, _created = Token.objects.get_or_create(user=user)
    client.credentials(HTTP_AUTHORIZATION=f"Token {token.key}")
    return client


def content_visible(user, case) -> bool:
    rule = policy.case_content_visibility(user, DataCategory.PLAN)
    return Case.objects.filter(rule, pk=case.pk).exists()


@pytest.fixture
def other():
    """Another household's case with a plan, an action of one of its members and an
    organisation working for it."""
    case = CaseFactory()
    person = case.household.members.first()
    goal = GoalFactory(plan=PlanFactory(case=case), title="Doel van een ander gezin")
    action = ActionFactory(
        goal=goal,
        description="Actie van een ander gezin",
        owner_kind=OwnerKind.HOUSEHOLD_MEMBER,
        owner_person=person,
        owner_organisation=None,
    )
    involvement = InvolvementFactory(case=case)
    return case, person, action, involvement.organisation


# ---------------------------------------------------------------------- token


def test_a_citizen_gets_a_token_and_a_professional_the_answer_of_a_wrong_password(family):
    api_client = APIClient()
    mother = services.citizen_account_create(
        person=family.mother, username="anna", password=PASSWORD
    ).user
    response = api_client.post(TOKEN_URL, {"username": "anna", "password": PASSWORD}, format="json")
    assert response.status_code == 200
    assert response.json() == {"token": Token.objects.get(user=mother).key}

    family.coordinator.set_password(PASSWORD)
    family.coordinator.save()
    professional = api_client.post(
        TOKEN_URL, {"username": "regisseur", "password": PASSWORD}, format="json"
    )
    wrong = api_client.post(TOKEN_URL, {"username": "anna", "password": "fout"}, format="json")
    assert professional.status_code == wrong.status_code == 400
    assert professional.json() == wrong.json()
    assert not Token.objects.filter(user=family.coordinator).exists()


def test_the_citizen_token_endpoint_is_not_hidden_from_a_professional_session(client, family):
    client.force_login(family.coordinator)
    response = client.post(TOKEN_URL, {"username": "regisseur", "password": "x"})
    assert response.status_code == 400


def test_each_kind_of_token_reaches_only_its_own_api(family):
    citizen = api_for(family.account(family.mother))
    for path in ("/api/v1/cases/", f"/api/v1/cases/{family.case.uuid}/plan/"):
        assert citizen.get(path).status_code == 403
    professional = api_for(family.coordinator)
    for name in ("me", "me-plan", "me-messages", "me-consents", "me-access-log", "me-export"):
        assert professional.get(reverse(f"api:{name}")).status_code == 403
    body = {"case": str(family.case.uuid), "body": "Hallo"}
    assert professional.post(reverse("api:me-messages"), body, format="json").status_code == 403
    assert not Message.objects.exists()


# ---------------------------------------------------------------------- reading


def test_me_shows_the_person_the_households_by_first_name_and_the_children_in_care(family):
    response = api_for(family.account(family.mother)).get(reverse("api:me"))
    assert response.status_code == 200
    data = response.json()
    assert data["person"]["full_name"] == family.mother.full_name
    assert data["person"]["birth_date"] == family.mother.birth_date.isoformat()
    assert data["households"] == [
        {"name": "Familie De Vries", "members": ["Anna", "Bram", "Cas", "Dewi"]}
    ]
    assert [(p["uuid"], p["age_group"], p["is_me"]) for p in data["persons_in_care"]] == [
        (str(family.mother.uuid), "16 of ouder", True),
        (str(family.young.uuid), "onder 16", False),
    ]
    assert family.father.bsn not in response.content.decode()


def test_my_plan_shows_only_own_households(family, other):
    response = api_for(family.account(family.mother)).get(reverse("api:me-plan"))
    assert response.status_code == 200
    [item] = response.json()
    assert item["case"]["uuid"] == str(family.case.uuid)
    assert item["case"]["coordinator"]["email"] == "regie@example.org"
    assert item["case"]["coordinator"]["organisation"] == "Wijkteam Oost"
    assert (item["plan"]["version"], item["plan"]["is_draft"]) == (1, True)
    assert item["may_agree"] and not item["has_agreed"]
    [goal] = item["goals"]
    actions = {a["description"]: a["mine"] for a in goal["actions"]}
    assert actions == {"Belt de schuldhulp": True, "Gaat naar de huisarts": False}
    assert {i["organisation"] for i in item["involvements"]} == {"Wijkteam Oost", "GGZ Noord"}
    assert "Doel van een ander gezin" not in response.content.decode()


# ---------------------------------------------------------------------- another household


def test_another_households_uuids_are_not_found_and_change_nothing(family, other):
    case, person, action, organisation = other
    api = api_for(family.account(family.mother))
    theirs = str(case.uuid)
    before = (
        TimelineEvent.objects.count(),
        Consent.objects.active().count(),
        PlanVersion.objects.count(),
    )
    requests = [
        ("post", reverse("api:me-plan-agree", args=[case.uuid]), {"revision": 0}),
        ("patch", reverse("api:me-action", args=[action.uuid]), {"done": True}),
        ("post", reverse("api:me-proposals"), {"case": theirs, "kind": "doel", "text": "x"}),
        ("post", reverse("api:me-proposals"), {"case": theirs, "kind": "onzin"}),
        ("post", reverse("api:me-feedback"), {"case": theirs, "score": 8}),
        (
            "post",
            reverse("api:me-complaints"),
            {"case": theirs, "type": "klacht", "description": "x", "contact_email": "a@ex.org"},
        ),
        ("post", reverse("api:me-messages"), {"case": theirs, "body": "Hallo"}),
        (
            "post",
            reverse("api:me-consents"),
            {
                "case": theirs,
                "organisation": str(organisation.uuid),
                "person": str(person.uuid),
                "categories": [],
            },
        ),
        (  # their organisation in our case, and our teen (not in the mother's care)
            "post",
            reverse("api:me-consents"),
            {
                "case": str(family.case.uuid),
                "organisation": str(family.ggz.uuid),
                "person": str(family.teen.uuid),
                "categories": [],
            },
        ),
    ]
    for method, url, body in requests:
        response = getattr(api, method)(url, body, format="json")
        assert response.status_code == 404, (url, body, response.content)
    action.refresh_from_db()
    assert action.status == ActionStatus.OPEN
    assert not Proposal.objects.exists() and not Message.objects.exists()
    assert not Feedback.objects.exists() and not Complaint.objects.exists()
    after = (
        TimelineEvent.objects.count(),
        Consent.objects.active().count(),
        PlanVersion.objects.count(),
    )
    assert after == before


# ---------------------------------------------------------------------- acting


def test_a_member_agrees_ticks_proposes_and_rates(family):
    api = api_for(family.account(family.mother))
    ours = str(family.case.uuid)

    agree_url = reverse("api:me-plan-agree", args=[family.case.uuid])
    [item] = api.get(reverse("api:me-plan")).json()
    read = {"revision": item["plan"]["revision"]}
    stale = api.post(agree_url, {"revision": read["revision"] + 1}, format="json")
    assert stale.status_code == 409 and not PlanVersion.objects.exists()
    agreed = api.post(agree_url, read, format="json")
    assert agreed.status_code == 200 and agreed.json()["version"] == 1
    assert api.post(agree_url, read, format="json").status_code == 400  # agreed already

    ticked = api.patch(
        reverse("api:me-action", args=[family.mothers_action.uuid]), {"done": True}, format="json"
    )
    assert ticked.status_code == 200
    assert (ticked.json()["status"], ticked.json()["mine"]) == (ActionStatus.DONE, True)
    fathers = api.patch(
        reverse("api:me-action", args=[family.fathers_action.uuid]), {"done": True}, format="json"
    )
    assert fathers.status_code == 400 and "non_field_errors" in fathers.json()

    no_domain = {"case": ours, "kind": ProposalKind.GOAL, "text": "Werk vinden"}
    response = api.post(reverse("api:me-proposals"), no_domain, format="json")
    assert response.status_code == 400 and "life_domain" in response.json()
    proposal = {**no_domain, "life_domain": "werk_opleiding"}
    response = api.post(reverse("api:me-proposals"), proposal, format="json")
    assert response.status_code == 201 and response.json()["status"] == "open"
    assert Proposal.objects.get().proposed_by == family.mother

    rated = api.post(reverse("api:me-feedback"), {"case": ours, "score": 8}, format="json")
    assert rated.status_code == 201 and rated.json()["plan_version"] == 1


def test_messages_with_the_coordinator(family, mailoutbox, django_capture_on_commit_callbacks):
    api = api_for(family.account(family.mother))
    body = {"case": str(family.case.uuid), "body": "Kunnen we dinsdag bellen?"}
    with django_capture_on_commit_callbacks(execute=True):
        response = api.post(reverse("api:me-messages"), body, format="json")
    assert response.status_code == 201 and response.json()["author"] == "U"
    assert mailoutbox[-1].to == ["regie@example.org"]
    assert "dinsdag" not in mailoutbox[-1].body
    services.message_send(user=family.coordinator, case=family.case, body="Ja, om 10 uur.")

    [thread] = api.get(reverse("api:me-messages")).json()
    assert [(m["body"], m["mine"]) for m in thread["messages"]] == [
        ("Kunnen we dinsdag bellen?", True),
        ("Ja, om 10 uur.", False),
    ]
    assert thread["messages"][1]["read_at"] is None  # shown as new, then read
    assert Message.objects.get(from_household=False).read_at is not None


# ---------------------------------------------------------------------- consent


def test_withdrawing_consent_through_the_api_takes_effect_at_once(family):
    assert content_visible(family.ggz_worker, family.case)
    mother, teen = family.account(family.mother), family.account(family.teen)
    rows = api_for(mother).get(reverse("api:me-consents")).json()
    assert {(r["organisation"]["name"], r["person"]["uuid"]) for r in rows} == {
        (org, str(person.uuid))
        for org in ("Wijkteam Oost", "GGZ Noord")
        for person in (family.mother, family.young)
    }
    for user, persons in ((mother, (family.mother, family.young)), (teen, (family.teen,))):
        for person in persons:
            response = api_for(user).post(
                reverse("api:me-consents"),
                {
                    "case": str(family.case.uuid),
                    "organisation": str(family.ggz.uuid),
                    "person": str(person.uuid),
                    "categories": [],
                },
                format="json",
            )
            assert response.status_code == 200
            assert (response.json()["categories"], response.json()["level"]) == ([], "bekend")
    assert not content_visible(family.ggz_worker, family.case)


def test_giving_consent_for_an_unknown_category_is_a_bad_request(family):
    response = api_for(family.account(family.mother)).post(
        reverse("api:me-consents"),
        {
            "case": str(family.case.uuid),
            "organisation": str(family.ggz.uuid),
            "person": str(family.mother.uuid),
            "categories": ["alles"],
        },
        format="json",
    )
    assert response.status_code == 400 and "categories" in response.json()


# ---------------------------------------------------------------------- access log, export


def test_the_access_log_equals_what_professionals_wrote_about_the_persons_in_care(family):
    mother = family.account(family.mother)
    api = api_for(mother)
    api.get(reverse("api:me-plan"))  # the member's own reads are left out
    access_log_write(
        actor=family.ggz_worker,
        action=LogAction.READ,
        name="klantbeeld inzien",
        subjects=[(family.case, family.mother), (family.case, family.young)],
    )
    access_log_write(
        actor=family.coordinator,
        action=LogAction.UPDATE,
        name="plan wijzigen",
        subjects=[(family.case, family.mother), (family.case, family.teen)],
    )
    written = (
        AccessLogEntry.objects.filter(person_uuid__in=[family.mother.uuid, family.young.uuid])
        .exclude(actor=mother)
        .select_related("actor")
    )
    response = api.get(reverse("api:me-access-log"), {"page_size": 100})
    assert response.status_code == 200
    shown = response.json()
    assert shown["count"] == written.count() >= 3
    names = {str(family.mother.uuid): family.mother.full_name}
    names[str(family.young.uuid)] = family.young.full_name
    assert sorted((e["what"], e["about"]) for e in shown["results"]) == sorted(
        (entry.name, names[str(entry.person_uuid)]) for entry in written
    )
    page = api.get(reverse("api:me-access-log"), {"page_size": 1}).json()
    assert len(page["results"]) == 1 and page["next"]


def test_the_export_holds_nothing_of_another_member(family):
    mother, father = family.account(family.mother), family.account(family.father)
    services.message_send(user=father, case=family.case, body="Bericht van de vader")
    services.message_send(user=mother, case=family.case, body="Bericht van de moeder")
    response = api_for(mother).get(reverse("api:me-export"))
    assert response.status_code == 200
    assert response["Cache-Control"] == "no-store"
    text = json.dumps(response.json(), ensure_ascii=False)
    assert family.mother.bsn in text and "Bericht van de moeder" in text
    assert "Bericht van de vader" not in text and "Gaat naar de huisarts" not in text
    for other in (family.father, family.young, family.teen):
        assert other.bsn not in text and other.given_names not in text
