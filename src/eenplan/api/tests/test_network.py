"""Consents, referrals, notes, coordinator proposals and escalation through the API: each works,
refuses bad input with Dutch field errors (400, never 500), answers an outsider with 404, and
writes the access log."""

import datetime
import uuid

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from eenplan.cases.constants import ReferralStatus, ServiceType
from eenplan.cases.models import Consent, CoordinatorProposal, Note, Referral, TimelineEvent
from eenplan.cases.tests.factories import CaseFactory, ConsentFactory, InvolvementFactory
from eenplan.privacy.models import AccessLogEntry
from eenplan.tenancy.constants import OrganisationType, Role
from eenplan.tenancy.tests.factories import OrganisationFactory, user_in

pytestmark = pytest.mark.django_db


def _contact(case):
    return case.household.memberships.get(is_contact=True).person


def _members(case):
    return list(case.household.members.order_by("pk"))


@pytest.fixture
def receiver():
    """A professional of an organisation not (yet) involved in the case."""
    return user_in(OrganisationFactory(name="Schuldhulp Eemsdelta"), Role.PROFESSIONAL)


@pytest.fixture
def known(case):
    """A professional of an organisation involved without consent (the known level)."""
    organisation = OrganisationFactory(name="Woningcorporatie Eemsdelta")
    InvolvementFactory(case=case, organisation=organisation, consent=False)
    return user_in(organisation, Role.PROFESSIONAL, username="bekend")


def _post(client, name, args, body):
    return client.post(reverse(f"api:{name}", args=args), body, format="json")


# --- Consents ----------------------------------------------------------------------------------


def _consent_body(case, to_organisation, **overrides):
    body = {
        "organisation": str(to_organisation.uuid),
        "person": str(_contact(case).uuid),
        "categories": ["plan", "notities"],
        "purpose": "Samenwerken aan het gezinsplan.",
    }
    return {**body, **overrides}


def test_consents_are_listed_and_recorded(client_for, professional, involved_org, known, case):
    client = client_for(professional)
    url = reverse("api:case-consents", args=[case.uuid])
    organisation = known.acting_organisation

    response = client.post(
        url,
        _consent_body(case, organisation, valid_until="2099-12-31"),
        format="json",
    )

    assert response.status_code == 201
    created = response.json()
    assert created["organisation"] == {"uuid": str(organisation.uuid), "name": organisation.name}
    assert created["ground"] == "toestemming"
    assert created["person"]["uuid"] == created["given_by"]["uuid"] == str(_contact(case).uuid)
    assert created["categories"] == ["plan", "notities"]
    assert created["recorded_by"]["uuid"] == str(professional.uuid)
    assert created["valid_until"] == "2099-12-31"
    consents = client.get(url).json()
    assert consents[0]["uuid"] == created["uuid"]
    assert len(consents) == 2  # the one above and the involved organisation's legal basis
    basis = consents[1]
    assert (basis["ground"], basis["person"]) == ("wettelijke_taak", None)
    assert basis["organisation"]["uuid"] == str(involved_org.uuid)


def test_a_legal_basis_for_the_whole_household(client_for, professional, case):
    client = client_for(professional)
    body = {
        "organisation": str(professional.acting_organisation.uuid),
        "ground": "jeugdbescherming",
        "categories": ["diagnoses"],
        "purpose": "Ondertoezichtstelling.",
    }

    refused = _post(client, "case-consents", [case.uuid], body)
    created = _post(
        client, "case-consents", [case.uuid], {**body, "justification": "Uitspraak van 3 maart."}
    )

    assert refused.status_code == 400
    assert refused.json() == {
        "justification": ["Onderbouw waarom deze wettelijke grondslag geldt."]
    }
    assert created.status_code == 201
    assert created.json()["person"] is None and created.json()["given_by"] is None


@pytest.mark.parametrize(
    "overrides, field",
    [
        ({"categories": []}, "categories"),
        ({"categories": ["alles"]}, "categories"),
        ({"purpose": ""}, "purpose"),
        ({"ground": "zomaar"}, "ground"),
        ({"organisation": "geen-uuid"}, "organisation"),
        ({"organisation": str(uuid.uuid4())}, "organisation"),
        ({"person": str(uuid.uuid4())}, "person"),
        ({"given_by": str(uuid.uuid4())}, "given_by"),
        ({"valid_from": "morgen"}, "valid_from"),
        ({"valid_from": "2030-01-02", "valid_until": "2030-01-01"}, "valid_until"),
        ({"person": None}, "person"),
    ],
)
def test_bad_consent_input_is_400_on_its_field(client_for, professional, case, overrides, field):
    body = _consent_body(case, professional.acting_organisation, **overrides)
    consents = Consent.objects.count()

    response = _post(client_for(professional), "case-consents", [case.uuid], body)

    assert response.status_code == 400
    assert list(response.json()) == [field]
    assert Consent.objects.count() == consents


def test_a_person_of_another_household_is_refused(client_for, professional, involved_org, case):
    other = CaseFactory(household__members=1)
    InvolvementFactory(case=other, organisation=involved_org)
    stranger = other.household.members.get()
    body = _consent_body(case, involved_org, person=str(stranger.uuid))

    response = _post(client_for(professional), "case-consents", [case.uuid], body)

    assert response.status_code == 400
    assert response.json() == {"person": ["Kies leden van dit huishouden."]}


def test_a_child_under_16_does_not_consent_alone(client_for, professional, case):
    child = _members(case)[1]
    child.birth_date = timezone.localdate() - datetime.timedelta(days=10 * 365)
    child.save()
    body = _consent_body(case, professional.acting_organisation, person=str(child.uuid))
    client = client_for(professional)

    refused = _post(client, "case-consents", [case.uuid], body)
    given = _post(
        client, "case-consents", [case.uuid], {**body, "given_by": str(_contact(case).uuid)}
    )

    assert refused.status_code == 400
    assert list(refused.json()) == ["given_by"]
    assert "ouder of voogd" in refused.json()["given_by"][0]
    assert given.status_code == 201


def test_withdrawing_twice_is_400(client_for, professional, case):
    consent = ConsentFactory(case=case, organisation=OrganisationFactory())
    client = client_for(professional)
    url = reverse("api:consent-withdraw", args=[consent.uuid])

    assert client.post(url, {}, format="json").status_code == 200
    again = client.post(url, {}, format="json")

    assert again.status_code == 400
    assert again.json() == {"non_field_errors": ["Deze toestemming is al ingetrokken."]}


# --- Referrals ---------------------------------------------------------------------------------


def _refer(client, case, receiver, **overrides):
    body = {
        "to_organisation": str(receiver.acting_organisation.uuid),
        "persons": [str(_contact(case).uuid)],
        "reason": "Betalingsachterstanden bij drie schuldeisers.",
        "service_type": ServiceType.DEBT_HELP,
        "life_domains": ["financien"],
        "categories": ["plan", "contactgegevens"],
        **overrides,
    }
    return _post(client, "case-referrals", [case.uuid], body)


def test_referral_is_sent_received_and_accepted(client_for, professional, receiver, case):
    sent = _refer(client_for(professional), case, receiver)
    assert sent.status_code == 201
    referral = sent.json()
    assert referral["status"] == "verstuurd"
    assert referral["case"]["uuid"] == str(case.uuid)
    assert referral["persons"] == [
        {"uuid": str(_contact(case).uuid), "full_name": _contact(case).full_name}
    ]
    assert referral["life_domains"] == [{"code": "financien", "label": "Financiën"}]
    assert referral["sent_by"]["uuid"] == str(professional.uuid)

    client = client_for(receiver)
    incoming = client.get(reverse("api:referral-list")).json()
    assert incoming["count"] == 1
    assert incoming["results"][0]["uuid"] == referral["uuid"]
    assert client.get(reverse("api:referral-list"), {"direction": "outgoing"}).json()["count"] == 0
    assert client.get(reverse("api:case-involvements", args=[case.uuid])).status_code == 404
    detail = client.get(reverse("api:referral-detail", args=[referral["uuid"]]))
    assert detail.json()["reason"] == "Betalingsachterstanden bij drie schuldeisers."

    accepted = _post(client, "referral-accept", [referral["uuid"]], {})

    assert accepted.status_code == 200
    assert accepted.json()["status"] == "geaccepteerd"
    assert accepted.json()["decided_by"]["uuid"] == str(receiver.uuid)
    involvements = client.get(reverse("api:case-involvements", args=[case.uuid])).json()
    mine = next(
        i
        for i in involvements
        if i["organisation"]["uuid"] == str(receiver.acting_organisation.uuid)
    )
    assert mine["service_type"] == "schuldhulp"
    assert mine["persons"] == [str(_contact(case).uuid)]
    assert mine["contact"]["name"] == str(receiver)
    access = client.get(reverse("api:case-detail", args=[case.uuid])).json()["access"]
    assert access == {"level": "inhoud", "categories": ["plan", "contactgegevens"]}
    outgoing = client_for(professional).get(
        reverse("api:referral-list"), {"direction": "outgoing", "status": "geaccepteerd"}
    )
    assert [r["uuid"] for r in outgoing.json()["results"]] == [referral["uuid"]]


def test_accept_with_another_contact(client_for, professional, receiver, case):
    colleague = user_in(receiver.acting_organisation, Role.PROFESSIONAL, first_name="Rik")
    referral = _refer(client_for(professional), case, receiver).json()
    client = client_for(receiver)

    unknown = _post(client, "referral-accept", [referral["uuid"]], {"contact": str(uuid.uuid4())})
    stranger = _post(
        client, "referral-accept", [referral["uuid"]], {"contact": str(professional.uuid)}
    )
    accepted = _post(
        client, "referral-accept", [referral["uuid"]], {"contact": str(colleague.uuid)}
    )

    assert unknown.status_code == 400 and list(unknown.json()) == ["contact"]
    assert stranger.status_code == 400
    assert stranger.json() == {"contact": ["De contactpersoon werkt niet bij deze organisatie."]}
    assert accepted.status_code == 200
    involvement = Referral.objects.get(uuid=referral["uuid"]).involvement
    assert involvement.contact == colleague


def test_decline_needs_a_reason(client_for, professional, receiver, case):
    referral = _refer(client_for(professional), case, receiver).json()
    client = client_for(receiver)

    for body in ({}, {"reason": ""}, {"reason": "   "}):
        response = _post(client, "referral-decline", [referral["uuid"]], body)
        assert response.status_code == 400
        assert list(response.json()) == ["reason"]
    declined = _post(client, "referral-decline", [referral["uuid"]], {"reason": "Geen plek."})
    again = _post(client, "referral-accept", [referral["uuid"]], {})

    assert declined.status_code == 200
    assert (declined.json()["status"], declined.json()["decline_reason"]) == (
        "afgewezen",
        "Geen plek.",
    )
    assert again.status_code == 400
    assert again.json() == {"non_field_errors": ["Over deze aanmelding is al beslist."]}
    assert not Consent.objects.active().filter(referral__uuid=referral["uuid"]).exists()


def test_only_the_receiver_decides(client_for, professional, receiver, case):
    referral = _refer(client_for(professional), case, receiver).json()

    response = _post(client_for(professional), "referral-accept", [referral["uuid"]], {})

    assert response.status_code == 403
    assert Referral.objects.get(uuid=referral["uuid"]).status == ReferralStatus.SENT


@pytest.mark.parametrize(
    "overrides, field",
    [
        ({"persons": []}, "persons"),
        ({"persons": [str(uuid.uuid4())]}, "persons"),
        ({"persons": ["geen-uuid"]}, "persons"),
        ({"to_organisation": str(uuid.uuid4())}, "to_organisation"),
        ({"service_type": "alles"}, "service_type"),
        ({"reason": ""}, "reason"),
        ({"categories": []}, "categories"),
        ({"life_domains": ["geluk"]}, "life_domains"),
        ({"guardian": str(uuid.uuid4())}, "guardian"),
        ({"ground": "veiligheid"}, "justification"),
    ],
)
def test_bad_referral_input_is_400_on_its_field(
    client_for, professional, receiver, case, overrides, field
):
    response = _refer(client_for(professional), case, receiver, **overrides)

    assert response.status_code == 400
    assert list(response.json()) == [field]
    assert not Referral.objects.exists()


def test_referral_to_own_organisation_and_twice_are_refused(
    client_for, professional, receiver, case
):
    client = client_for(professional)

    own = _refer(client, case, professional)
    first = _refer(client, case, receiver)
    second = _refer(client, case, receiver)

    assert own.json() == {"to_organisation": ["Kies een andere organisatie."]}
    assert first.status_code == 201
    assert second.status_code == 400
    assert second.json() == {
        "to_organisation": ["Er staat al een aanmelding open bij deze organisatie."]
    }


@pytest.mark.parametrize(
    "params, field",
    [
        ({"direction": "sideways"}, "direction"),
        ({"status": "open"}, "status"),
        ({"case": "123"}, "case"),
        ({"page": "0"}, "page"),
    ],
)
def test_bad_referral_filters_are_400(client_for, receiver, params, field):
    response = client_for(receiver).get(reverse("api:referral-list"), params)

    assert response.status_code == 400
    assert list(response.json()) == [field]


def test_referral_reads_are_logged(client_for, professional, receiver, case):
    referral = _refer(client_for(professional), case, receiver).json()
    AccessLogEntry.objects.all().delete()
    client = client_for(receiver)

    client.get(reverse("api:referral-list"))
    client.get(reverse("api:referral-detail", args=[referral["uuid"]]))

    entries = AccessLogEntry.objects.filter(actor=receiver)
    assert list(entries.values_list("name", flat=True)) == ["aanmeldingen bekijken"] * 2
    assert {e.person_uuid for e in entries} == {_contact(case).uuid}
    assert {e.case_uuid for e in entries} == {case.uuid}


def test_referral_list_queries_are_fixed(client_for, professional, involved_org, receiver, case):
    _refer(client_for(professional), case, receiver)
    url = reverse("api:referral-list")

    def count() -> int:
        client = client_for(receiver)
        with CaptureQueriesContext(connection) as queries:
            assert client.get(url).status_code == 200
        return len(queries)

    one = count()
    for _ in range(4):
        other = CaseFactory(household__members=3)
        InvolvementFactory(case=other, organisation=involved_org)
        persons = [str(p.uuid) for p in _members(other)]
        assert _refer(client_for(professional), other, receiver, persons=persons).status_code == 201

    assert client_for(receiver).get(url).json()["count"] == 5
    assert count() == one


@pytest.mark.parametrize("name", ["case-consents", "case-notes", "case-coordinator-proposals"])
def test_case_network_lists_queries_are_fixed(client_for, professional, partner, case, name):
    url = reverse(f"api:{name}", args=[case.uuid])

    def count() -> int:
        client = client_for(professional)
        with CaptureQueriesContext(connection) as queries:
            assert client.get(url).status_code == 200
        return len(queries)

    ConsentFactory(case=case, organisation=partner.acting_organisation)
    _note(client_for(professional), case, "betrokkenen", "Een.")
    _propose(client_for(professional), case, partner)
    one = count()
    for index in range(4):
        ConsentFactory(case=case, organisation=OrganisationFactory())
        _note(client_for(partner), case, "betrokkenen", f"Notitie {index}.")
        colleague = user_in(partner.acting_organisation, Role.PROFESSIONAL)
        _propose(client_for(professional), case, colleague)

    assert len(client_for(professional).get(url).json()) >= 5
    assert count() == one


# --- Notes -------------------------------------------------------------------------------------


def _note(client, case, audience, text):
    return _post(client, "case-notes", [case.uuid], {"audience": audience, "text": text})


def test_notes_reach_only_their_audience(
    client_for, professional, involved_org, partner, known, case
):
    case.coordinator, case.coordinator_organisation = professional, involved_org
    case.save()
    writer = client_for(partner)
    own = _note(writer, case, "eigen_organisatie", "Alleen voor de kredietbank.")
    everyone = _note(writer, case, "betrokkenen", "Voor iedereen met toestemming.")
    coordinator = _note(writer, case, "regisseur", "Alleen voor de regisseur.")
    assert {own.status_code, everyone.status_code, coordinator.status_code} == {201}
    assert everyone.json()["author"]["uuid"] == str(partner.uuid)
    assert everyone.json()["author_organisation"]["name"] == "Kredietbank Fivelboezem"
    colleague = user_in(partner.acting_organisation, Role.PROFESSIONAL)

    def texts(user):
        response = client_for(user).get(reverse("api:case-notes", args=[case.uuid]))
        assert response.status_code == 200
        return {note["text"] for note in response.json()}

    assert texts(partner) == {
        "Alleen voor de kredietbank.",
        "Voor iedereen met toestemming.",
        "Alleen voor de regisseur.",
    }
    assert texts(colleague) == {"Alleen voor de kredietbank.", "Voor iedereen met toestemming."}
    assert texts(professional) == {"Voor iedereen met toestemming.", "Alleen voor de regisseur."}
    assert texts(known) == set()
    timeline = TimelineEvent.objects.filter(case=case, kind="notitie_toegevoegd")
    assert not timeline.filter(summary__contains="kredietbank.").exists()


@pytest.mark.parametrize(
    "body, field",
    [
        ({"text": ""}, "text"),
        ({"text": "   "}, "text"),
        ({}, "text"),
        ({"text": "x", "audience": "iedereen"}, "audience"),
        ({"text": "x", "audience": "regisseur"}, "audience"),  # the case has no coordinator
    ],
)
def test_bad_note_input_is_400(client_for, professional, case, body, field):
    response = _post(client_for(professional), "case-notes", [case.uuid], body)

    assert response.status_code == 400
    assert list(response.json()) == [field]
    assert not Note.objects.exists()


def test_note_reads_are_logged(client_for, professional, case):
    client = client_for(professional)
    _note(client, case, "eigen_organisatie", "Huisbezoek gepland.")
    AccessLogEntry.objects.all().delete()

    client.get(reverse("api:case-notes", args=[case.uuid]))

    entries = AccessLogEntry.objects.filter(actor=professional, name="notities bekijken")
    assert {e.person_uuid for e in entries} == {p.uuid for p in _members(case)}


# --- Coordinator -------------------------------------------------------------------------------


def _propose(client, case, proposed, **overrides):
    body = {
        "coordinator": str(proposed.uuid),
        "organisation": str(proposed.acting_organisation.uuid),
        "motivation": "Kent het gezin het langst.",
        **overrides,
    }
    return _post(client, "case-coordinator-proposals", [case.uuid], body)


def test_coordinator_is_proposed_and_agreed(client_for, professional, partner, case):
    proposed = _propose(client_for(professional), case, partner)
    assert proposed.status_code == 201
    proposal = proposed.json()
    assert proposal["status"] == "voorgesteld"
    assert proposal["is_handover"] is False
    assert proposal["coordinator"]["uuid"] == str(partner.uuid)
    assert proposal["proposed_by"]["uuid"] == str(professional.uuid)
    listed = client_for(partner).get(reverse("api:case-coordinator-proposals", args=[case.uuid]))
    assert [p["uuid"] for p in listed.json()] == [proposal["uuid"]]

    by_proposer = _post(
        client_for(professional),
        "coordinator-proposal-agree",
        [proposal["uuid"]],
        {"household_agreed": True},
    )
    without_household = _post(
        client_for(partner),
        "coordinator-proposal-agree",
        [proposal["uuid"]],
        {"household_agreed": False},
    )
    missing = _post(client_for(partner), "coordinator-proposal-agree", [proposal["uuid"]], {})
    agreed = _post(
        client_for(partner),
        "coordinator-proposal-agree",
        [proposal["uuid"]],
        {"household_agreed": True},
    )

    assert by_proposer.status_code == 400 and list(by_proposer.json()) == ["non_field_errors"]
    assert without_household.json() == {
        "household_agreed": ["Het huishouden moet instemmen met de regisseur."]
    }
    assert missing.status_code == 400 and list(missing.json()) == ["household_agreed"]
    assert agreed.status_code == 200
    assert agreed.json()["status"] == "afgesproken"
    assert agreed.json()["agreed_by"]["uuid"] == str(partner.uuid)
    assert agreed.json()["household_agreed"] is True
    detail = client_for(partner).get(reverse("api:case-detail", args=[case.uuid])).json()
    assert detail["coordinator"]["uuid"] == str(partner.uuid)


def test_proposal_is_withdrawn_by_the_proposer(client_for, professional, partner, case):
    proposal = _propose(client_for(professional), case, partner).json()
    url_args = [proposal["uuid"]]
    stranger = user_in(partner.acting_organisation, Role.PROFESSIONAL)

    refused = _post(client_for(stranger), "coordinator-proposal-withdraw", url_args, {})
    withdrawn = _post(client_for(professional), "coordinator-proposal-withdraw", url_args, {})
    again = _post(client_for(professional), "coordinator-proposal-withdraw", url_args, {})

    assert refused.status_code == 400
    assert withdrawn.status_code == 200 and withdrawn.json()["status"] == "ingetrokken"
    assert again.json() == {"non_field_errors": ["Over dit voorstel is al beslist."]}


@pytest.mark.parametrize(
    "overrides, field",
    [
        ({"coordinator": str(uuid.uuid4())}, "coordinator"),
        ({"coordinator": "niemand"}, "coordinator"),
        ({"organisation": str(uuid.uuid4())}, "organisation"),
        ({"organisation": None}, "organisation"),
    ],
)
def test_bad_proposal_input_is_400(client_for, professional, partner, case, overrides, field):
    response = _propose(client_for(professional), case, partner, **overrides)

    assert response.status_code == 400
    assert list(response.json()) == [field]
    assert not CoordinatorProposal.objects.exists()


def test_proposal_of_an_organisation_not_involved_is_400(client_for, professional, receiver, case):
    response = _propose(client_for(professional), case, receiver)

    assert response.status_code == 400
    assert response.json() == {
        "organisation": ["De regisseur komt van een organisatie die betrokken is."]
    }


def test_escalation(client_for, professional, involved_org, case):
    client = client_for(professional)
    url = reverse("api:case-escalation", args=[case.uuid])

    no_reason = client.post(url, {"level": 3}, format="json")
    no_decider = client.post(
        url, {"level": 3, "reason": "Geen woning.", "decision": "Urgentie."}, format="json"
    )
    raised = client.post(url, {"level": "3", "reason": "Geen woning."}, format="json")

    assert no_reason.json() == {"reason": ["Schrijf op waarom de casus wordt opgeschaald."]}
    assert no_decider.json() == {
        "decision": ["Alleen de regisseur of de gemeente legt een besluit vast."]
    }
    assert raised.status_code == 200
    assert raised.json()["escalation"] == {
        "level": 3,
        "label": "3 — teamleiders",
        "reason": "Geen woning.",
        "decision": "",
    }
    assert raised.json()["access"]["level"] == "inhoud"


def test_municipality_records_a_decision(client_for, case):
    municipality = OrganisationFactory(type=OrganisationType.MUNICIPALITY)
    InvolvementFactory(case=case, organisation=municipality)
    officer = user_in(municipality, Role.MUNICIPAL_OFFICER)

    response = _post(
        client_for(officer),
        "case-escalation",
        [case.uuid],
        {"level": 5, "reason": "Corporatie wijst af.", "decision": "De gemeente geeft urgentie."},
    )

    assert response.status_code == 200
    assert response.json()["escalation"]["decision"] == "De gemeente geeft urgentie."


@pytest.mark.parametrize(
    "body", [{"level": 0}, {"level": 6}, {"level": "hoog"}, {}, {"level": None}]
)
def test_bad_escalation_level_is_400(client_for, professional, case, body):
    response = _post(client_for(professional), "case-escalation", [case.uuid], body)

    assert response.status_code == 400
    assert list(response.json()) == ["level"]


# --- Outsiders ---------------------------------------------------------------------------------


def _network_objects(client_for, case, professional, partner, receiver):
    consent = ConsentFactory(case=case, organisation=OrganisationFactory())
    client = client_for(professional)
    referral = _refer(client, case, receiver).json()["uuid"]
    _note(client, case, "betrokkenen", "Voor iedereen.")
    proposal = _propose(client, case, partner).json()["uuid"]
    return {"consent": consent.uuid, "referral": referral, "proposal": proposal}


ENDPOINTS = [
    ("get", "case-consents", "case", None),
    ("post", "case-consents", "case", {"categories": ["plan"]}),
    ("post", "consent-withdraw", "consent", {}),
    ("get", "referral-detail", "referral", None),
    ("post", "referral-accept", "referral", {}),
    ("post", "referral-decline", "referral", {"reason": "Nee."}),
    ("post", "case-referrals", "case", {}),
    ("get", "case-notes", "case", None),
    ("post", "case-notes", "case", {"text": "x"}),
    ("get", "case-coordinator-proposals", "case", None),
    ("post", "case-coordinator-proposals", "case", {}),
    ("post", "coordinator-proposal-agree", "proposal", {"household_agreed": True}),
    ("post", "coordinator-proposal-withdraw", "proposal", {}),
    ("post", "case-escalation", "case", {"level": 2, "reason": "x"}),
]


@pytest.mark.parametrize("method, name, kind, body", ENDPOINTS)
def test_outsider_gets_404_and_changes_nothing(
    client_for, outsider, professional, partner, receiver, case, method, name, kind, body
):
    uuids = {
        "case": case.uuid,
        **_network_objects(client_for, case, professional, partner, receiver),
    }
    events = TimelineEvent.objects.count()
    AccessLogEntry.objects.all().delete()
    client = client_for(outsider)
    url = reverse(f"api:{name}", args=[uuids[kind]])

    response = client.get(url) if method == "get" else client.post(url, body, format="json")

    assert response.status_code == 404
    assert response.json() == {"detail": "Niet gevonden."}
    assert TimelineEvent.objects.count() == events
    assert not AccessLogEntry.objects.exists()


@pytest.mark.parametrize("method, name, kind, body", ENDPOINTS)
def test_unknown_uuid_is_404(client_for, professional, method, name, kind, body):
    client = client_for(professional)
    url = reverse(f"api:{name}", args=[uuid.uuid4()])

    response = client.get(url) if method == "get" else client.post(url, body, format="json")

    assert response.status_code == 404


def test_anonymous_is_401(api_client, case):
    assert api_client.get(reverse("api:case-notes", args=[case.uuid])).status_code == 401
    assert api_client.get(reverse("api:referral-list")).status_code == 401
