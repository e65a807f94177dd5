"""Complaints and objections in Mijn EenPlan and the me/ API: a citizen files one for themself or
a child under 16, follows it step by step, answers whether a conversation solved it, withdraws it,
downloads its letters and finds it in the data export; nobody else in the household sees it.

The world (``complaints.tests.conftest.world``): the De Vries family of the portal tests with a
municipality organisation and its complaints handlers, the officer who refused the mother
(Anna) a stairlift, made known on 1 April 2026, and the mother's account."""

import json

import pytest
from django.core.exceptions import PermissionDenied
from django.urls import reverse
from django.utils import timezone
from rest_framework.authtoken.models import Token
from rest_framework.test import APIClient

from eenplan.complaints import services
from eenplan.complaints.constants import ContactOutcome, ContactWay, Kind, Outcome, Status, Theme
from eenplan.complaints.models import Complaint
from eenplan.complaints.tests.conftest import world  # noqa: F401 (the fixture, re-used)

pytestmark = pytest.mark.django_db


def register(world, user=None, **fields) -> Complaint:  # noqa: F811
    values = {
        "case": world.case,
        "person": world.family.mother,
        "kind": Kind.COMPLAINT,
        "description": "Niemand belde mij terug.",
        "theme": Theme.REACHABILITY,
        "contact_email": "anna@example.org",
    }
    return services.complaint_register(actor=user or world.mother, **values | fields)


def talk(complaint: Complaint, outcome: str) -> Complaint:
    return services.contact_record(
        actor=complaint.handler,
        complaint=complaint,
        occurred_on=timezone.localdate(),
        way=ContactWay.PHONE,
        summary="We spraken af dat de wijkcoach elke week belt.",
        outcome=outcome,
    )


def form(world, **fields) -> dict:  # noqa: F811
    return {
        "kind": Kind.COMPLAINT,
        "person": str(world.family.mother.uuid),
        "description": "Niemand belde mij terug.",
        "contact_email": "anna@example.org",
        **fields,
    }


def detail_url(complaint: Complaint) -> str:
    return reverse("portal:complaint-detail", args=[complaint.uuid])


def html_of(response) -> str:
    return response.content.decode()


# ---------------------------------------------------------------------- filing


def test_a_citizen_objects_to_the_refused_decision(client, world):  # noqa: F811
    client.force_login(world.mother)
    url = reverse("portal:complaint", args=[world.case.uuid])
    html = html_of(client.get(url))
    assert "Bezwaar" in html and "niet eens met een besluit" in html
    assert "Traplift voor Anna: afgewezen op 1 april 2026." in html
    # The period ended on 13 May 2026; objecting is still possible, the page says it may be late.
    assert "Bezwaar maken kan tot en met 13 mei 2026. Die dag is voorbij." in html
    assert "Misschien is het te laat." in html
    assert 'value="anna@example.org"' in html  # reachable through the account's e-mail

    response = client.post(
        url,
        form(
            world,
            kind=Kind.OBJECTION,
            decision=str(world.refusal.uuid),
            description="Ik kan de trap niet meer op, ook niet met een tweede leuning.",
        ),
        follow=True,
    )
    objection = Complaint.objects.get()
    assert response.redirect_chain[-1][0] == detail_url(objection)
    html = html_of(response)
    assert "Iemand neemt binnen 5 werkdagen contact met u op." in html
    assert objection.reference in html and "Traplift" in html
    assert (objection.kind, objection.decision, objection.person) == (
        Kind.OBJECTION,
        world.refusal,
        world.family.mother,
    )
    assert objection.handling_organisation == world.municipal
    assert objection.handler in (world.handler, world.other_handler)  # never the officer
    assert objection.handler.username in html or objection.handler.get_full_name() in html
    assert "We beslissen uiterlijk op" in html


def test_the_form_says_what_is_missing_and_files_nothing(client, world):  # noqa: F811
    client.force_login(world.mother)
    url = reverse("portal:complaint", args=[world.case.uuid])
    response = client.post(url, form(world, kind=Kind.OBJECTION, description="", contact_email=""))
    assert response.status_code == 400
    html = html_of(response)
    assert "Er is iets niet goed ingevuld" in html
    assert "Kies het besluit waartegen u bezwaar maakt." in html
    assert "Schrijf op wat er aan de hand is." in html
    assert "Vul een telefoonnummer of een e-mailadres in." in html
    # The refusal is about the mother; it cannot be Cas's objection.
    response = client.post(
        url,
        form(
            world,
            kind=Kind.OBJECTION,
            person=str(world.family.young.uuid),
            decision=str(world.refusal.uuid),
        ),
    )
    assert response.status_code == 400 and "Dit besluit gaat over Anna." in html_of(response)
    assert not Complaint.objects.exists()


def test_a_parent_files_for_a_child_under_16_not_for_a_teen(client, world):  # noqa: F811
    client.force_login(world.mother)
    url = reverse("portal:complaint", args=[world.case.uuid])
    html = html_of(client.get(url))
    assert "Uw kind Cas" in html and "Dewi" not in html

    response = client.post(url, form(world, person=str(world.family.teen.uuid)))
    assert response.status_code == 400
    assert "Kies uzelf of uw kind onder de 16." in html_of(response)
    with pytest.raises(PermissionDenied):
        register(world, person=world.family.teen)
    assert not Complaint.objects.exists()

    client.post(url, form(world, person=str(world.family.young.uuid)))
    complaint = Complaint.objects.get()
    assert complaint.person == world.family.young
    html = html_of(client.get(reverse("portal:complaints")))
    assert complaint.reference in html and "Uw kind Cas" in html


# ---------------------------------------------------------------------- who sees it


def test_nobody_else_in_the_household_sees_the_mothers_complaint(client, world):  # noqa: F811
    complaint = register(world)
    services.acknowledge(actor=complaint.handler, complaint=complaint)
    letter = complaint.steps.get(kind="ontvangstbevestiging")
    teen = world.family.account(world.family.teen)
    client.force_login(teen)
    assert complaint.reference not in html_of(client.get(reverse("portal:complaints")))
    assert client.get(detail_url(complaint)).status_code == 404
    url = reverse("portal:complaint-letter", args=[complaint.uuid, letter.uuid])
    assert client.get(url).status_code == 404
    for name in ("complaint-answer", "complaint-withdraw"):
        response = client.post(reverse(f"portal:{name}", args=[complaint.uuid]), {"resolved": "ja"})
        assert response.status_code == 404, name
    client.force_login(complaint.handler)  # a professional never reaches the portal
    assert client.get(detail_url(complaint)).status_code == 404
    complaint.refresh_from_db()
    assert complaint.status == Status.NEW


# ---------------------------------------------------------------------- following it


def test_confirming_in_the_portal_closes_it_as_resolved_in_a_conversation(
    client,
    world,  # noqa: F811
):
    complaint = talk(register(world), ContactOutcome.RESOLVED_CONFIRM_IN_PORTAL)
    client.force_login(world.mother)
    assert "We wachten op uw antwoord." in html_of(client.get(reverse("portal:complaints")))
    html = html_of(client.get(detail_url(complaint)))
    assert "Is het opgelost?" in html and "Ja, het is opgelost" in html
    # The handler's summary of the conversation is about her: she reads it.
    assert "We spraken af dat de wijkcoach elke week belt." in html
    assert world.municipal.name in html

    response = client.post(
        reverse("portal:complaint-answer", args=[complaint.uuid]),
        {"resolved": "ja", "text": "Dank u wel."},
        follow=True,
    )
    complaint.refresh_from_db()
    assert (complaint.status, complaint.outcome) == (Status.CLOSED, Outcome.RESOLVED_INFORMALLY)
    html = html_of(response)
    assert "Fijn dat het is opgelost." in html and "Opgelost in een gesprek." in html
    assert "Ja, het is opgelost" not in html and "intrekken" not in html.lower()


def test_not_resolved_puts_it_back_in_conversation(client, world):  # noqa: F811
    complaint = talk(register(world), ContactOutcome.RESOLVED_CONFIRM_IN_PORTAL)
    client.force_login(world.mother)
    url = reverse("portal:complaint-answer", args=[complaint.uuid])
    response = client.post(url, {"resolved": "nee", "text": "Er belde nog niemand."}, follow=True)
    complaint.refresh_from_db()
    assert complaint.status == Status.IN_CONVERSATION
    html = html_of(response)
    assert "We praten verder" in html and "Er belde nog niemand." in html
    response = client.post(url, {"resolved": "ja"}, follow=True)
    assert "Er is niets om te bevestigen." in html_of(response)
    complaint.refresh_from_db()
    assert complaint.status == Status.IN_CONVERSATION


def test_a_citizen_withdraws_an_open_complaint(client, world):  # noqa: F811
    complaint = register(world)
    client.force_login(world.mother)
    assert "Ja, trek mijn klacht in" in html_of(client.get(detail_url(complaint)))
    url = reverse("portal:complaint-withdraw", args=[complaint.uuid])
    response = client.post(url, {"text": "Het is al goed gekomen."}, follow=True)
    complaint.refresh_from_db()
    assert (complaint.status, complaint.outcome) == (Status.CLOSED, Outcome.WITHDRAWN)
    html = html_of(response)
    assert "Uw klacht is ingetrokken." in html and "Ja, trek mijn klacht in" not in html
    response = client.post(url, {}, follow=True)
    assert "al afgehandeld" in html_of(response)


def test_letters_are_downloaded_from_the_step_that_has_one(client, world):  # noqa: F811
    complaint = register(world)
    services.formal_start(actor=complaint.handler, complaint=complaint, reason="Wil een besluit.")
    services.acknowledge(actor=complaint.handler, complaint=complaint)
    letter = complaint.steps.get(kind="ontvangstbevestiging")
    received = complaint.steps.get(kind="ontvangen")
    client.force_login(world.mother)
    html = html_of(client.get(detail_url(complaint)))
    url = reverse("portal:complaint-letter", args=[complaint.uuid, letter.uuid])
    assert url in html and "Download de brief (PDF)" in html
    response = client.get(url)
    assert response.status_code == 200 and response.content.startswith(b"%PDF")
    assert response["Content-Disposition"].startswith("attachment;")
    without = reverse("portal:complaint-letter", args=[complaint.uuid, received.uuid])
    assert client.get(without).status_code == 404


def test_the_citizen_gets_an_email_without_content_on_a_step(
    world,  # noqa: F811
    mailoutbox,
    django_capture_on_commit_callbacks,
):
    complaint = register(world)
    mailoutbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        services.acknowledge(actor=complaint.handler, complaint=complaint)
    [mail] = [m for m in mailoutbox if "anna@example.org" in m.to]
    assert mail.subject == "Nieuws over uw klacht of bezwaar"
    assert reverse("portal:complaints") in mail.body and complaint.reference in mail.body
    assert "Niemand belde mij terug" not in mail.body


# ---------------------------------------------------------------------- home and export


def test_home_links_to_the_complaints_and_the_export_holds_own_ones(client, world):  # noqa: F811
    mine = register(world)
    for_cas = register(world, person=world.family.young, description="Cas werd uitgelachen.")
    father = world.family.account(world.family.father)
    fathers = register(world, user=father, person=world.family.father, description="Van Bram.")
    client.force_login(world.mother)
    html = html_of(client.get(reverse("portal:home")))
    assert reverse("portal:complaints") in html and "Mijn klachten en bezwaren" in html

    text = client.get(reverse("portal:export-json")).content.decode()
    [case] = json.loads(text)["casussen"]
    references = {c["kenmerk"] for c in case["klachten_en_bezwaren"]}
    assert references == {mine.reference, for_cas.reference}
    assert fathers.reference not in text and "Van Bram." not in text
    assert client.get(reverse("portal:export-pdf")).content.startswith(b"%PDF")

    client.force_login(father)
    text = client.get(reverse("portal:export-json")).content.decode()
    assert fathers.reference in text and mine.reference not in text


# ---------------------------------------------------------------------- API


def api_for(user) -> APIClient:
    client = APIClient()
    token, _created = Token.objects.get_or_create(user=user)
    client.credentials(HTTP_AUTHORIZATION=f"Token {token.key}")
    return client


def test_the_app_objects_follows_and_withdraws(world):  # noqa: F811
    api = api_for(world.mother)
    url = reverse("api:me-complaints")
    body = {
        "case": str(world.case.uuid),
        "type": Kind.OBJECTION,
        "decision": str(world.refusal.uuid),
        "description": "Ik kan de trap niet meer op.",
        "contact_phone": "0612345678",
    }
    missing = api.post(url, {**body, "decision": None}, format="json")
    assert missing.status_code == 400 and "decision" in missing.json()
    unreachable = api.post(url, {**body, "contact_phone": ""}, format="json")
    assert unreachable.status_code == 400 and "contact_phone" in unreachable.json()
    teen = api.post(url, {**body, "person": str(world.family.teen.uuid)}, format="json")
    assert teen.status_code == 404
    assert not Complaint.objects.exists()

    created = api.post(url, body, format="json")
    assert created.status_code == 201, created.content
    data = created.json()
    assert (data["type"], data["decision"]["uuid"]) == (Kind.OBJECTION, str(world.refusal.uuid))
    assert data["person"]["uuid"] == str(world.family.mother.uuid)  # the decision's person
    assert data["handler"]["organisation"] == world.municipal.name
    assert data["may_withdraw"] and not data["may_answer"]
    assert [step["kind"] for step in data["steps"]] == ["ontvangen"]

    [listed] = api.get(url).json()
    assert listed["reference"] == data["reference"]
    one = reverse("api:me-complaint", args=[data["uuid"]])
    assert api.get(one).json()["status_text"].startswith("Ontvangen.")
    teen_api = api_for(world.family.account(world.family.teen))
    assert teen_api.get(one).status_code == 404 and teen_api.get(url).json() == []
    assert api_for(world.handler).get(one).status_code == 403

    answer = reverse("api:me-complaint-answer", args=[data["uuid"]])
    not_asked = api.post(answer, {"resolved": True}, format="json")
    assert not_asked.status_code == 400 and "non_field_errors" in not_asked.json()
    withdraw = reverse("api:me-complaint-withdraw", args=[data["uuid"]])
    withdrawn = api.post(withdraw, {"text": "Toch niet."}, format="json")
    assert withdrawn.status_code == 200
    assert (withdrawn.json()["status"], withdrawn.json()["outcome"]) == (
        Status.CLOSED,
        Outcome.WITHDRAWN,
    )
    assert api.post(withdraw, {}, format="json").status_code == 400


def test_the_app_answers_that_it_is_resolved(world):  # noqa: F811
    complaint = talk(register(world), ContactOutcome.RESOLVED_CONFIRM_IN_PORTAL)
    api = api_for(world.mother)
    data = api.get(reverse("api:me-complaint", args=[complaint.uuid])).json()
    assert data["may_answer"] and "We spraken af" in data["steps"][-1]["text"]
    url = reverse("api:me-complaint-answer", args=[complaint.uuid])
    response = api.post(url, {"resolved": False, "text": "Nog niet."}, format="json")
    assert response.status_code == 200 and response.json()["status"] == Status.IN_CONVERSATION
