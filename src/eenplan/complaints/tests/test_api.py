"""API v1 for complaints and objections: professionals register them on a citizen's behalf, the
handler records the steps, and only those the complaint rule allows see one (every read logged).
"""

import datetime
import uuid

import pytest
from django.urls import reverse
from django.utils import timezone
from rest_framework.authtoken.models import Token
from rest_framework.test import APIClient

from eenplan.complaints import deadlines
from eenplan.complaints.models import Complaint
from eenplan.people.tests.factories import PersonFactory
from eenplan.privacy.constants import Action
from eenplan.privacy.models import AccessLogEntry

pytestmark = pytest.mark.django_db

COMPLAINTS = reverse("api:complaint-list")
RECEIVED_ON = datetime.date(2026, 5, 6)  # within the objection period (ends 13 May 2026)


def api(user) -> APIClient:
    client = APIClient()
    token, _ = Token.objects.get_or_create(user=user)
    client.credentials(HTTP_AUTHORIZATION=f"Token {token.key}")
    return client


def detail(complaint: dict) -> str:
    return reverse("api:complaint-detail", args=[complaint["uuid"]])


def steps(complaint: dict) -> str:
    return reverse("api:complaint-steps", args=[complaint["uuid"]])


def _body(world, **changes) -> dict:
    body = {
        "type": "klacht",
        "case": str(world.case.uuid),
        "person": str(world.family.mother.uuid),
        "description": "De hulpverlener kwam drie keer niet opdagen.",
        "theme": "bejegening",
        "channel": "telefoon",
        "received_on": RECEIVED_ON.isoformat(),
        "contact_phone": "06 12345678",
    }
    return body | changes


def register(world, user=None, **changes):
    return api(user or world.family.coordinator).post(COMPLAINTS, _body(world, **changes), "json")


def objection(world, **changes):
    return register(
        world,
        type="bezwaar",
        decision=str(world.refusal.uuid),
        description="Ik kan de trap echt niet meer op.",
        **changes,
    )


def listed(user, **query) -> list[str]:
    response = api(user).get(COMPLAINTS, query)
    assert response.status_code == 200, response.content
    return [item["uuid"] for item in response.json()["results"]]


def test_a_professional_registers_an_objection_and_the_handler_resolves_it_in_a_conversation(
    world,
):
    response = objection(world)

    assert response.status_code == 201, response.content
    receipt = response.json()
    assert receipt["reference"].startswith("B-2026-")
    assert receipt["type"] == "bezwaar"
    assert receipt["handling_organisation"]["uuid"] == str(world.municipal.uuid)
    assert receipt["contact_due"] == deadlines.contact_due(RECEIVED_ON).isoformat()
    # Six weeks after the objection period ended on 13 May 2026.
    assert receipt["decision_due"] == "2026-06-24"

    handler = api(world.handler)
    item = handler.get(detail(receipt)).json()
    # Never the officer who refused the stairlift (Awb 7:5).
    assert item["handler"]["uuid"] == str(world.handler.uuid)
    assert item["person"] == {"uuid": str(world.family.mother.uuid), "name": "Anna de Vries"}
    assert item["decision"] == str(world.refusal.uuid)
    assert (item["theme"], item["channel"]) == ("besluit", "telefoon")
    assert item["contact_phone"] == "06 12345678"
    assert [step["kind"] for step in item["steps"]] == ["ontvangen"]
    assert listed(world.handler, mine="true", type="bezwaar") == [receipt["uuid"]]

    response = handler.post(
        steps(receipt),
        {
            "kind": "contact",
            "occurred_on": "2026-05-08",
            "way": "telefoon",
            "summary": "Een tweede trapleuning is besproken; mevrouw kan ermee verder.",
            "outcome": "opgelost",
        },
        "json",
    )

    assert response.status_code == 201, response.content
    resolved = response.json()
    assert resolved["status"] == "afgehandeld"
    assert resolved["outcome"] == "opgelost_in_gesprek"
    assert (resolved["closed_on"], resolved["contacted_on"]) == ("2026-05-08", "2026-05-08")
    assert (resolved["days_left"], resolved["overdue"]) == (None, False)
    assert [step["kind"] for step in resolved["steps"]] == ["ontvangen", "contact"]
    contact = resolved["steps"][1]
    assert (contact["contact_way"], contact["contact_outcome"]) == ("telefoon", "opgelost")
    assert contact["recorded_by"]["uuid"] == str(world.handler.uuid)
    assert listed(world.handler) == [], "only open items unless asked"
    assert listed(world.handler, open="false") == [receipt["uuid"]]
    step_list = handler.get(steps(receipt)).json()
    assert [step["kind"] for step in step_list] == ["ontvangen", "contact"]
    read = AccessLogEntry.objects.filter(actor=world.handler, action=Action.READ)
    assert read.filter(name="bezwaar inzien", person_uuid=world.family.mother.uuid).exists()


def test_a_complaint_about_ggz_noord_is_seen_by_ggz_and_not_by_the_debt_help_on_the_same_case(
    world,
):
    response = register(world, organisations=[str(world.family.ggz.uuid)])

    assert response.status_code == 201, response.content
    receipt = response.json()
    assert receipt["handling_organisation"]["uuid"] == str(world.family.ggz.uuid)
    for user in (world.ggz_handler, world.family.ggz_worker, world.family.coordinator):
        assert listed(user) == [receipt["uuid"]]
        assert api(user).get(detail(receipt)).status_code == 200

    outsider = api(world.debt_worker)
    before = AccessLogEntry.objects.count()
    assert listed(world.debt_worker) == []
    assert listed(world.debt_worker, organisation=str(world.family.ggz.uuid)) == []
    assert outsider.get(detail(receipt)).status_code == 404
    assert outsider.get(steps(receipt)).status_code == 404
    response = outsider.post(steps(receipt), {"kind": "ingetrokken"}, "json")
    assert response.status_code == 404
    assert AccessLogEntry.objects.count() == before, "nothing shown, nothing logged"
    assert Complaint.objects.get(uuid=receipt["uuid"]).is_open


def test_a_citizen_token_gets_403(world):
    mother = api(world.mother)

    assert mother.get(COMPLAINTS).status_code == 403
    assert mother.post(COMPLAINTS, _body(world), "json").status_code == 403
    assert not Complaint.objects.exists()


def test_only_the_handler_records_steps(world):
    receipt = register(world).json()

    response = api(world.family.coordinator).post(
        steps(receipt), {"kind": "formeel", "reason": "Wil een besluit"}, "json"
    )

    assert response.status_code == 403
    assert Complaint.objects.get(uuid=receipt["uuid"]).status == "nieuw"


def test_bad_registrations_give_field_errors(world):
    stranger = PersonFactory()

    cases = [
        ({"type": "ruzie", "channel": "duif"}, {"type", "channel"}),
        ({"case": str(uuid.uuid4())}, {"case"}),
        ({"person": str(stranger.uuid)}, {"person"}),
        ({"description": " "}, {"description"}),
        ({"organisations": [str(world.family.ggz.uuid), str(uuid.uuid4())]}, {"organisations"}),
        ({"organisations": [str(world.municipal.uuid)]}, {"organisations"}),
        ({"type": "bezwaar"}, {"decision"}),
        ({"type": "bezwaar", "decision": str(uuid.uuid4())}, {"decision"}),
        ({"decision": str(world.refusal.uuid)}, {"decision"}),
        (
            {"received_on": (timezone.localdate() + datetime.timedelta(days=1)).isoformat()},
            {"received_on"},
        ),
        ({"contact_email": "geen adres"}, {"contact_email"}),
    ]
    for changes, fields in cases:
        response = register(world, **changes)
        assert response.status_code == 400, changes
        assert set(response.json()) == fields, (changes, response.json())
    assert not Complaint.objects.exists()
    assert api(world.handler).get(COMPLAINTS, {"type": "ruzie"}).status_code == 400


def test_bad_steps_give_field_errors(world):
    receipt = register(world).json()
    handler = api(world.handler)

    cases = [
        ({}, {"kind"}),
        ({"kind": "verzonnen"}, {"kind"}),
        ({"kind": "contact"}, {"occurred_on", "way", "summary", "outcome"}),
        (
            {
                "kind": "contact",
                "occurred_on": "2026-05-01",
                "way": "telefoon",
                "summary": "Ja",
                "outcome": "opgelost",
            },
            {"occurred_on"},
        ),
        ({"kind": "behandelaar", "handler": str(world.debt_worker.uuid)}, {"handler"}),
        ({"kind": "besloten", "outcome": "opgelost_in_gesprek", "reasons": "x"}, {"outcome"}),
        (
            {
                "kind": "gesprek_gepland",
                "hearing_at": "2026-01-05T10:00:00+01:00",
                "place": "Stadhuis",
            },
            {"hearing_at"},
        ),
    ]
    for body, fields in cases:
        response = handler.post(steps(receipt), body, "json")
        assert response.status_code == 400, body
        assert set(response.json()) == fields, (body, response.json())
    item = handler.get(detail(receipt)).json()
    assert [step["kind"] for step in item["steps"]] == ["ontvangen"]

    response = handler.post(
        steps(receipt), {"kind": "behandelaar", "handler": str(world.other_handler.uuid)}, "json"
    )
    assert response.status_code == 201
    assert response.json()["handler"]["uuid"] == str(world.other_handler.uuid)


def test_a_decision_is_postponed_only_within_the_legal_limits(world):
    complaint = register(world).json()
    handler = api(world.handler)
    for body in (
        {"kind": "formeel", "reason": "Wil een besluit"},
        {"kind": "ontvangstbevestiging"},
    ):
        assert handler.post(steps(complaint), body, "json").status_code == 201

    def postpone(item, weeks, **extra):
        body = {"kind": "verdaagd", "weeks": weeks, "reason": "Het advies is er nog niet."}
        return handler.post(steps(item), body | extra, "json")

    # A complaint: once, by at most 4 weeks (Awb 9:11).
    response = postpone(complaint, 5)
    assert response.status_code == 400
    assert "ten hoogste 4 weken" in response.json()["weeks"][0]
    response = postpone(complaint, 4)
    assert response.status_code == 201
    postponed = response.json()
    assert postponed["extension_weeks"] == 4
    assert postponed["steps"][-1]["due_on"] == postponed["decision_due"]
    assert postponed["steps"][-1]["has_letter"] is True
    assert postpone(complaint, 1).status_code == 400

    # An objection: once by at most 6 weeks, further only with the objector's consent (7:10).
    item = objection(world).json()
    assert set(postpone(item, 7).json()) == {"weeks"}
    assert postpone(item, 6).status_code == 201
    assert postpone(item, 2).status_code == 400
    response = postpone(item, 2, with_consent=True)
    assert response.status_code == 201
    assert response.json()["extension_weeks"] == 8
