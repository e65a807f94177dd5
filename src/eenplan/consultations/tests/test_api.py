"""API v1 for consultations: meetings, the agenda with its privacy rule, minutes, agreements as
plan actions, follow-up, and policy signals.

The fixtures (``conftest.py``): ``meeting`` of the involved organisation (its ``professional``
chairs), the known-level organisation and a ``partner`` organisation that is not involved;
``item`` puts ``case`` on its agenda with consent to discuss it.
"""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone
from rest_framework.authtoken.models import Token
from rest_framework.test import APIClient

from eenplan.cases.tests.factories import ConsentFactory
from eenplan.common.constants import LifeDomain
from eenplan.consultations import services
from eenplan.consultations.constants import AttendeeKind, PolicySignalStatus, PolicyTheme
from eenplan.consultations.models import Agreement, Attendee, Series
from eenplan.consultations.tests.factories import ConsultationFactory
from eenplan.plans.constants import OwnerKind
from eenplan.plans.models import Action
from eenplan.plans.services import Owner
from eenplan.tenancy.constants import Role
from eenplan.tenancy.tests.factories import MunicipalityFactory, OrganisationFactory, user_in

pytestmark = pytest.mark.django_db

TODAY = timezone.localdate()
DUE = TODAY + datetime.timedelta(days=14)
ITEM_KEYS = {
    "uuid",
    "consultation",
    "case_reference",
    "question",
    "position",
    "content",
    "may_be_discussed",
}
CONTENT_KEYS = {
    "case",
    "household",
    "consent",
    "summary",
    "discussed_at",
    "decisions",
    "agreements",
}


def api(user) -> APIClient:
    client = APIClient()
    token, _ = Token.objects.get_or_create(user=user)
    client.credentials(HTTP_AUTHORIZATION=f"Token {token.key}")
    return client


def url(name: str, *args) -> str:
    return reverse(f"api:{name}", args=args)


def agreement_body(professional, **extra) -> dict:
    return {
        "description": "Bel de bank over een betalingsregeling",
        "owner_kind": OwnerKind.ORGANISATION,
        "owner_organisation": str(professional.acting_organisation.uuid),
        "owner_professional": str(professional.uuid),
        "due_date": DUE.isoformat(),
        "life_domain": LifeDomain.FINANCES,
        "goal_title": "Grip op de schulden",
        **extra,
    }


def agree(item, professional, description="Bel de bank") -> Agreement:
    return services.agreement_add(
        actor=professional,
        item=item,
        description=description,
        owner=Owner(
            kind=OwnerKind.ORGANISATION,
            organisation=professional.acting_organisation,
            professional=professional,
        ),
        due_date=DUE,
        life_domain=LifeDomain.FINANCES,
        goal_title="Grip op de schulden",
    )


def private_words(case) -> list[str]:
    """What names the household: its name and its members' names."""
    members = list(case.household.members.all())
    return [case.household.name] + [m.surname for m in members] + [m.given_names for m in members]


@pytest.fixture
def officer(meeting):
    """A policy officer of a municipal organisation serving the meeting's municipality."""
    municipal = OrganisationFactory(name="Gemeente Eemsdelta")
    municipal.municipalities.add(meeting.municipality)
    return user_in(municipal, Role.POLICY_OFFICER, username="beleid")


@pytest.fixture
def discussed(item, professional):
    """The item with minutes, a decision and an agreement."""
    services.minutes_record(actor=professional, item=item, summary="Schuldhulp start deze week.")
    services.decision_record(
        actor=professional, item=item, kind="anders", text="Wijkteam houdt de lijnen kort."
    )
    agree(item, professional, description="Bel de bank over de achterstand")
    return item


@pytest.fixture
def next_meeting(discussed, professional, case):
    """The next meeting of a series: it carries the open agreement of ``discussed``'s meeting,
    has the case on its agenda again, and a household member at the table."""
    meeting = discussed.consultation
    series = Series.objects.create(
        name=meeting.title, kind=meeting.kind, municipality=meeting.municipality, chair=professional
    )
    series.organisations.set(meeting.organisations.all())
    meeting.series = series
    meeting.save()
    later = services.consultation_plan_next(
        actor=professional, series=series, date=TODAY + datetime.timedelta(days=28)
    )
    services.agenda_add(
        actor=professional, consultation=later, case=case, question="Loopt de schuldhulp?"
    )
    Attendee.objects.create(
        consultation=later,
        kind=AttendeeKind.HOUSEHOLD_MEMBER,
        person=case.household.members.order_by("pk").first(),
        household=case.household,
    )
    return later


# --- Meetings ----------------------------------------------------------------------------------


def test_plan_a_meeting(professional, involved_org, partner_org, case):
    body = {
        "kind": "netwerkoverleg",
        "title": "Netwerkoverleg Appingedam",
        "municipality": str(case.household.municipality.uuid),
        "date": DUE.isoformat(),
        "start_time": "14:00",
        "location": "Stadhuis",
        "organisations": [str(involved_org.uuid), str(partner_org.uuid)],
    }

    response = api(professional).post(url("consultation-list"), body, format="json")

    assert response.status_code == 201
    meeting = response.json()
    assert meeting["chair"]["uuid"] == str(professional.uuid)
    assert meeting["is_chair"] is True and meeting["items"] == [] and meeting["carried"] == []
    assert {o["name"] for o in meeting["organisations"]} == {involved_org.name, partner_org.name}
    assert [(a["kind"], a["name"]) for a in meeting["attendees"]] == [
        ("professional", str(professional))
    ]
    detail = api(professional).get(url("consultation-detail", meeting["uuid"]))
    assert detail.status_code == 200 and detail.json()["start_time"] == "14:00:00"


def test_planning_errors_are_dutch_and_per_field(professional, partner, partner_org, case):
    client = api(professional)
    body = {
        "kind": "netwerkoverleg",
        "title": "Overleg",
        "municipality": str(case.household.municipality.uuid),
        "date": DUE.isoformat(),
        "organisations": [str(partner_org.uuid)],
    }

    not_chair = client.post(url("consultation-list"), body, format="json")
    chaired_by_partner = {**body, "chair": str(partner.uuid)}
    not_ours = client.post(url("consultation-list"), chaired_by_partner, format="json")
    unknown = client.post(
        url("consultation-list"),
        {**body, "municipality": str(OrganisationFactory().uuid)},
        format="json",
    )
    none = client.post(url("consultation-list"), {**body, "organisations": []}, format="json")

    assert not_chair.status_code == 400
    assert not_chair.json() == {"chair": ["De voorzitter werkt bij een deelnemende organisatie."]}
    assert not_ours.json() == {
        "organisations": ["U plant alleen overleggen waar uw organisatie aan deelneemt."]
    }
    assert unknown.json() == {"municipality": ["Onbekende gemeente."]}
    assert none.json() == {"organisations": ["Kies de deelnemende organisaties."]}


def test_list_upcoming_and_past(meeting, professional, involved_org, partner):
    ConsultationFactory(
        title="Vorige maand",
        date=TODAY - datetime.timedelta(days=30),
        chair=professional,
        organisations=[involved_org],
    )
    client = api(professional)

    every = client.get(url("consultation-list")).json()
    upcoming = client.get(url("consultation-list"), {"upcoming": "true"}).json()
    past = client.get(url("consultation-list"), {"upcoming": "false"}).json()

    assert every["count"] == 2
    assert [m["title"] for m in upcoming["results"]] == [meeting.title]
    assert [m["title"] for m in past["results"]] == ["Vorige maand"]
    assert api(partner).get(url("consultation-list")).json()["count"] == 1
    assert client.get(url("consultation-list"), {"upcoming": "soms"}).status_code == 400


def test_an_outsider_does_not_find_the_meeting(item, outsider, case):
    client = api(outsider)

    assert client.get(url("consultation-detail", item.consultation.uuid)).status_code == 404
    assert client.get(url("agenda-item-detail", item.uuid)).status_code == 404
    assert client.get(url("consultation-list")).json()["count"] == 0
    posted = client.post(
        url("consultation-items", item.consultation.uuid),
        {"case": str(case.uuid), "question": "Vraag"},
        format="json",
    )
    assert posted.status_code == 404
    assert client.post(url("consultation-close", item.consultation.uuid)).status_code == 404
    minutes = client.post(url("agenda-item-minutes", item.uuid), {"summary": "x"}, format="json")
    assert minutes.status_code == 404


# --- The agenda and its privacy rule -----------------------------------------------------------


def test_a_partner_without_access_sees_only_number_and_question(
    next_meeting, discussed, partner, known_level_user, case
):
    for reader in (partner, known_level_user):
        response = api(reader).get(url("consultation-detail", next_meeting.uuid))

        assert response.status_code == 200
        meeting = response.json()
        (item,) = meeting["items"]
        assert set(item) == ITEM_KEYS and item["content"] is False
        assert item["case_reference"] == case.reference
        assert item["question"] == "Loopt de schuldhulp?"
        (carried,) = meeting["carried"]
        assert carried == {
            "content": False,
            "case_reference": case.reference,
            "due_date": DUE.isoformat(),
            "state": "open",
        }
        household_member = next(a for a in meeting["attendees"] if a["kind"] == "gezinslid")
        assert household_member["name"] is None
        text = response.content.decode()
        for word in private_words(case):
            assert word not in text
        for content in ("achterstand", "Schuldhulp start", "Grip op de schulden", "lijnen kort"):
            assert content not in text

        earlier = api(reader).get(url("agenda-item-detail", discussed.uuid))
        assert set(earlier.json()) == ITEM_KEYS and earlier.json()["content"] is False
        assert not any(word in earlier.content.decode() for word in private_words(case))
        assert "Schuldhulp start" not in earlier.content.decode()


def test_an_involved_professional_with_consent_reads_the_content(
    next_meeting, discussed, professional, case
):
    meeting = api(professional).get(url("consultation-detail", next_meeting.uuid)).json()

    (carried,) = meeting["carried"]
    assert (
        carried["content"] is True and carried["description"] == "Bel de bank over de achterstand"
    )
    assert carried["case"]["household"] == case.household.name
    member = case.household.members.order_by("pk").first()
    household_member = next(a for a in meeting["attendees"] if a["kind"] == "gezinslid")
    assert household_member["name"] == member.full_name

    item = api(professional).get(url("agenda-item-detail", discussed.uuid)).json()
    assert set(item) == ITEM_KEYS | CONTENT_KEYS and item["content"] is True
    assert item["household"] == case.household.name
    assert item["consent"]["ground"] == "toestemming"
    assert item["consent"]["given_by"] == member.full_name
    assert item["summary"] == "Schuldhulp start deze week."
    assert [d["text"] for d in item["decisions"]] == ["Wijkteam houdt de lijnen kort."]
    (agreement,) = item["agreements"]
    assert agreement["state"] == "open" and agreement["due_date"] == DUE.isoformat()
    assert agreement["owner"]["professional"] == str(professional.uuid)


def test_put_a_case_on_the_agenda(meeting, case, professional, partner):
    client = api(professional)
    member = case.household.members.first()

    named = client.post(
        url("consultation-items", meeting.uuid),
        {"case": str(case.uuid), "question": f"Hoe helpen we {member.surname}?"},
        format="json",
    )
    assert named.status_code == 400
    (message,) = named.json()["question"]
    assert message.startswith("Haal gegevens weg waarmee iemand te herkennen is")
    hidden = api(partner).post(
        url("consultation-items", meeting.uuid),
        {"case": str(case.uuid), "question": "Wie pakt de schulden op?"},
        format="json",
    )
    assert hidden.status_code == 400 and hidden.json() == {"case": ["Onbekende casus."]}

    response = client.post(
        url("consultation-items", meeting.uuid),
        {"case": str(case.uuid), "question": "Wie pakt de schulden op?"},
        format="json",
    )

    assert response.status_code == 201
    item = response.json()
    assert item["content"] is True and item["may_be_discussed"] is False
    assert item["consent"] is None and item["position"] == 1
    again = client.post(
        url("consultation-items", meeting.uuid),
        {"case": str(case.uuid), "question": "Nog een keer?"},
        format="json",
    )
    assert again.json() == {
        "non_field_errors": ["Deze casus staat al op de agenda van dit overleg."]
    }


def test_consent_to_discuss_comes_before_the_minutes(meeting, case, professional):
    item = services.agenda_add(
        actor=professional, consultation=meeting, case=case, question="Wie pakt de schulden op?"
    )
    client = api(professional)

    early = client.post(url("agenda-item-minutes", item.uuid), {"summary": "x"}, format="json")
    no_note = client.post(
        url("agenda-item-consent", item.uuid), {"ground": "wettelijke_taak"}, format="json"
    )
    stranger = client.post(
        url("agenda-item-consent", item.uuid),
        {"ground": "toestemming", "given_by": str(OrganisationFactory().uuid)},
        format="json",
    )
    assert (
        early.status_code == 400 and "instemt met bespreken" in early.json()["non_field_errors"][0]
    )
    assert no_note.json() == {"note": ["Leg uit waarom deze grond van toepassing is."]}
    assert stranger.json() == {"given_by": ["Onbekende persoon."]}

    member = case.household.members.order_by("pk").first()
    recorded = client.post(
        url("agenda-item-consent", item.uuid),
        {"ground": "toestemming", "given_by": str(member.uuid)},
        format="json",
    )
    minutes = client.post(
        url("agenda-item-minutes", item.uuid), {"summary": "Besproken."}, format="json"
    )

    assert recorded.status_code == 200 and recorded.json()["may_be_discussed"] is True
    assert recorded.json()["consent"]["given_by"] == member.full_name
    assert minutes.status_code == 200 and minutes.json()["summary"] == "Besproken."
    assert minutes.json()["discussed_at"]


def test_only_who_sees_the_content_writes_the_minutes(item, partner, known_level_user):
    for reader in (partner, known_level_user):
        client = api(reader)
        for name, body in (
            ("agenda-item-minutes", {"summary": "x"}),
            ("agenda-item-consent", {"ground": "wettelijke_taak", "note": "x"}),
            ("agenda-item-decisions", {"kind": "anders", "text": "x"}),
            ("agenda-item-agreements", {}),
        ):
            response = client.post(url(name, item.uuid), body, format="json")
            assert response.status_code == 403, name
            assert "toestemming" in response.json()["detail"]
    item.refresh_from_db()
    assert item.summary == "" and not item.decisions.exists()


def test_decisions(item, professional, involved_org):
    client = api(professional)

    missing = client.post(
        url("agenda-item-decisions", item.uuid),
        {"kind": "regisseur", "text": "Wijkteam"},
        format="json",
    )
    response = client.post(
        url("agenda-item-decisions", item.uuid),
        {
            "kind": "regisseur",
            "text": "Het wijkteam neemt de regie.",
            "coordinator": str(professional.uuid),
            "coordinator_organisation": str(involved_org.uuid),
        },
        format="json",
    )

    assert missing.json() == {"coordinator": ["Kies de regisseur en de organisatie."]}
    assert response.status_code == 201
    assert response.json()["kind"] == "regisseur"
    assert response.json()["text"] == "Het wijkteam neemt de regie."
    item.case.refresh_from_db()
    assert item.case.coordinator == professional


# --- Agreements --------------------------------------------------------------------------------


def test_an_agreement_becomes_a_plan_action(item, professional, case):
    client = api(professional)

    response = client.post(
        url("agenda-item-agreements", item.uuid), agreement_body(professional), format="json"
    )

    assert response.status_code == 201
    agreement = response.json()
    action = Action.objects.get(uuid=agreement["action"])
    assert str(action.agreement.uuid) == agreement["uuid"]
    assert action.goal.plan.case == case and action.due_date == DUE
    assert agreement["state"] == "open" and agreement["state_display"] == "Open"
    assert agreement["case"]["reference"] == case.reference
    assert agreement["consultation"]["uuid"] == str(item.consultation.uuid)
    assert agreement["owner"]["organisation"] == str(professional.acting_organisation.uuid)

    plan = client.get(url("case-plan", case.uuid)).json()
    (goal,) = plan["goals"]
    (shown,) = goal["actions"]
    assert shown["uuid"] == agreement["action"] and shown["agreement"] == agreement["uuid"]

    body = agreement_body(professional, goal=goal["uuid"])
    del body["owner_organisation"], body["owner_professional"]
    member = case.household.members.order_by("pk").last()
    body |= {"owner_kind": OwnerKind.HOUSEHOLD_MEMBER, "owner_person": str(member.uuid)}
    second = client.post(url("agenda-item-agreements", item.uuid), body, format="json")
    assert second.status_code == 201
    assert str(Action.objects.get(uuid=second.json()["action"]).goal.uuid) == goal["uuid"]
    assert second.json()["owner"]["person"] == str(member.uuid)

    own = client.post(
        reverse("api:plan-goal-actions", args=[case.uuid, goal["uuid"]]),
        {"description": "Zelf", "owner": {"kind": "gezinslid", "person": str(member.uuid)}},
        format="json",
    )
    assert own.status_code == 201 and own.json()["agreement"] is None


def test_agreement_input_errors(item, professional, partner_org):
    client = api(professional)
    post = lambda body: client.post(  # noqa: E731
        url("agenda-item-agreements", item.uuid), body, format="json"
    )
    body = agreement_body(professional)

    no_person = post({**body, "owner_kind": OwnerKind.HOUSEHOLD_MEMBER})
    unknown_person = post(
        {
            key: value
            for key, value in {
                **body,
                "owner_kind": OwnerKind.HOUSEHOLD_MEMBER,
                "owner_person": str(partner_org.uuid),
            }.items()
            if key not in ("owner_organisation", "owner_professional")
        }
    )
    not_involved = post({**body, "owner_organisation": str(partner_org.uuid)})
    foreign_goal = post({**body, "goal": str(partner_org.uuid)})
    no_due_date = post({k: v for k, v in body.items() if k != "due_date"})

    assert no_person.status_code == 400
    assert no_person.json()["owner_person"] == ["Dit veld is verplicht bij deze soort eigenaar."]
    assert no_person.json()["owner_organisation"] == ["Hoort niet bij deze soort eigenaar."]
    assert unknown_person.json() == {"owner_person": ["Onbekende persoon."]}
    assert not_involved.status_code == 400
    assert foreign_goal.json() == {"goal": ["Kies een doel uit het plan van dit huishouden."]}
    assert no_due_date.status_code == 400 and "due_date" in no_due_date.json()
    assert not Agreement.objects.exists()


def test_follow_up_list(discussed, next_meeting, professional, partner, known_level_user):
    client = api(professional)

    mine = client.get(url("agreement-list")).json()
    per_meeting = client.get(
        url("agreement-list"), {"consultation": str(discussed.consultation.uuid)}
    ).json()
    per_owner = client.get(url("agreement-list"), {"owner": str(professional.uuid)}).json()
    done = client.get(url("agreement-list"), {"state": "klaar"}).json()

    assert mine["count"] == 1
    assert mine["results"][0]["description"] == "Bel de bank over de achterstand"
    assert mine["results"][0]["agenda_item"] == str(discussed.uuid)
    assert per_meeting["count"] == 1 and per_owner["count"] == 1 and done["count"] == 0
    assert client.get(url("agreement-list"), {"state": "soms"}).status_code == 400
    for reader in (partner, known_level_user):
        assert api(reader).get(url("agreement-list")).json()["count"] == 0


def test_a_consent_without_involvement_opens_no_content(item, partner, partner_org, case):
    ConsentFactory(case=case, organisation=partner_org)  # as a sent referral leaves it

    response = api(partner).get(url("agenda-item-detail", item.uuid))

    assert response.json()["content"] is False
    assert case.household.name not in response.content.decode()
    meeting = api(partner).get(url("consultation-detail", item.consultation.uuid))
    assert [i["content"] for i in meeting.json()["items"]] == [False]
    assert case.household.name not in meeting.content.decode()


# --- Closing the minutes -----------------------------------------------------------------------


def test_only_the_chair_closes_the_minutes(item, professional, partner):
    meeting_url = url("consultation-close", item.consultation.uuid)

    refused = api(partner).post(meeting_url)
    closed = api(professional).post(meeting_url)
    late = api(professional).post(
        url("agenda-item-minutes", item.uuid), {"summary": "Nog iets"}, format="json"
    )

    assert refused.status_code == 403
    assert refused.json()["detail"] == "De voorzitter rondt het verslag af."
    assert closed.status_code == 200 and closed.json()["is_closed"] is True
    assert late.status_code == 400
    assert late.json() == {"non_field_errors": ["Het verslag van dit overleg is afgerond."]}
    assert api(professional).post(meeting_url).status_code == 400


# --- Policy signals ----------------------------------------------------------------------------


def test_a_policy_signal_names_no_one(item, professional, case):
    client = api(professional)
    body = {
        "theme": PolicyTheme.WAITING_LISTS,
        "title": "Wachtlijst schuldhulp",
        "description": "Gezinnen wachten drie maanden op een eerste gesprek.",
        "consultation": str(item.consultation.uuid),
    }

    named = client.post(
        url("policy-signal-list"),
        {**body, "description": f"Familie {case.household.members.first().surname} wacht."},
        format="json",
    )
    unknown = client.post(
        url("policy-signal-list"), {**body, "consultation": str(case.uuid)}, format="json"
    )
    nowhere = client.post(url("policy-signal-list"), {**body, "consultation": None}, format="json")
    response = client.post(url("policy-signal-list"), body, format="json")

    assert named.status_code == 400
    assert named.json()["description"][0].startswith("Haal gegevens weg")
    assert unknown.json() == {"consultation": ["Onbekend overleg."]}
    assert nowhere.json() == {"municipality": ["Kies voor welke gemeente het signaal is."]}
    assert response.status_code == 201
    signal = response.json()
    assert signal["municipality"]["uuid"] == str(item.consultation.municipality.uuid)
    assert signal["consultation"]["uuid"] == str(item.consultation.uuid)
    assert "title" not in signal["consultation"]
    assert signal["status"] == "open" and signal["may_respond"] is False
    assert not any(word in response.content.decode() for word in private_words(case))


def test_a_policy_officer_responds_and_the_participants_read_it(
    item, professional, partner, officer, outsider
):
    signal = services.policy_signal_raise(
        actor=professional,
        consultation=item.consultation,
        theme=PolicyTheme.CONTRACTS,
        title="Contract dekt geen nazorg",
        description="Na afsluiten schuldhulp is er geen nazorg ingekocht.",
    )
    respond = url("policy-signal-respond", signal.uuid)
    answer = {"status": PolicySignalStatus.ACTED_ON, "response": "Nazorg komt in het contract."}
    other_officer = user_in(OrganisationFactory(), Role.POLICY_OFFICER)

    by_participant = api(partner).post(respond, answer, format="json")
    by_other_municipality = api(other_officer).post(respond, answer, format="json")
    by_outsider = api(outsider).post(respond, answer, format="json")
    without_response = api(officer).post(respond, {"status": "opgepakt"}, format="json")
    response = api(officer).post(respond, answer, format="json")

    assert by_participant.status_code == 403
    assert "beleidsmedewerker" in by_participant.json()["detail"]
    assert by_other_municipality.status_code == 404 and by_outsider.status_code == 404
    assert without_response.json() == {"response": ["Schrijf een reactie voor de deelnemers."]}
    assert response.status_code == 200
    assert response.json()["responded_by"] == str(officer)
    seen = api(partner).get(url("policy-signal-detail", signal.uuid)).json()
    assert seen["status"] == "opgepakt" and seen["response"] == "Nazorg komt in het contract."
    assert api(officer).get(url("policy-signal-list")).json()["results"][0]["may_respond"] is True
    listed = api(partner).get(url("policy-signal-list"), {"theme": "contracten"}).json()
    assert listed["count"] == 1
    assert api(partner).get(url("policy-signal-list"), {"status": "open"}).json()["count"] == 0
    assert api(outsider).get(url("policy-signal-list")).json()["count"] == 0

    report = api(officer).get(url("policy-signal-report"), {"year": signal.raised_at.year})
    rows = {row["theme"]: row for row in report.json()}
    assert report.status_code == 200 and len(rows) == len(PolicyTheme)
    contracts = rows["contracten"]
    assert contracts["label"] == "Contracten en inkoop"
    assert sum(contracts["per_quarter"]) == contracts["total"] == 1
    assert contracts["acted_on"] == 1
    assert api(officer).get(url("policy-signal-report")).json() == report.json()
    assert api(officer).get(url("policy-signal-report"), {"year": "x"}).status_code == 400


def test_a_policy_signal_for_a_municipality(professional):
    municipality = MunicipalityFactory()

    response = api(professional).post(
        url("policy-signal-list"),
        {
            "theme": "samenwerking",
            "title": "Overdracht tussen teams",
            "description": "Het duurt lang voor een dossier overgaat.",
            "municipality": str(municipality.uuid),
        },
        format="json",
    )

    assert response.status_code == 201
    signal = response.json()
    assert signal["consultation"] is None
    assert signal["municipality"]["name"] == municipality.name
    assert signal["raised_by_organisation"]["uuid"] == str(professional.acting_organisation.uuid)
