"""API v1 for messages with providers: list, read, import (file or XML body), export, errors
and who may."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from rest_framework.authtoken.models import Token
from rest_framework.test import APIClient

from eenplan.privacy.models import AccessLogEntry
from eenplan.provisions.messages import samples
from eenplan.provisions.messages.samples import ClaimItem, Fault
from eenplan.provisions.models import Claim, Message
from eenplan.provisions.tests.messages_support import make_world
from eenplan.tenancy.constants import OrganisationType, Role
from eenplan.tenancy.tests.factories import MunicipalityFactory, OrganisationFactory, user_in

pytestmark = pytest.mark.django_db

LIST = "/api/v1/messages/"
IMPORT = "/api/v1/messages/import/"
EXPORT = "/api/v1/messages/export/"


@pytest.fixture
def world(setting):
    return make_world(setting)


def api(user) -> APIClient:
    client = APIClient()
    token, _ = Token.objects.get_or_create(user=user)
    client.credentials(HTTP_AUTHORIZATION=f"Token {token.key}")
    return client


def _file(content: bytes) -> SimpleUploadedFile:
    return SimpleUploadedFile("bericht.xml", content, content_type="application/xml")


def _import(client, world, content: bytes):
    return client.post(
        IMPORT, {"municipality": str(world.municipality.uuid), "file": _file(content)}
    )


def test_paths_are_the_named_routes():
    assert reverse("api:message-list") == LIST
    assert reverse("api:message-import") == IMPORT
    assert reverse("api:message-export") == EXPORT


def test_import_a_claim_file_and_read_its_answer(world):
    client = api(world.officer)
    content = samples.claim_xml([world.youth, ClaimItem(world.youth, fault=Fault.OVER_VOLUME)])

    response = _import(client, world, content)

    assert response.status_code == 201, response.json()
    body = response.json()
    assert (body["code"], body["name"], body["incoming"]) == ("323", "JW323", True)
    assert body["provider"]["agb_code"] == world.provider.agb_code
    assert body["summary"] == "2 regels: 1 goedgekeurd, 1 afgekeurd."
    assert [(line["status"], line["codes"]) for line in body["lines"]] == [
        ("goedgekeurd", []),
        ("afgekeurd", ["9321"]),
    ]
    assert body["content"] == content.decode()
    answer = client.get(f"{LIST}{body['reply']}/").json()
    assert (answer["name"], answer["in_reply_to"]) == ("JW325", body["uuid"])
    assert "<jw325:RetourCode>9321</jw325:RetourCode>" in answer["content"]


def test_import_a_raw_xml_body(world):
    client = api(world.officer)

    response = client.post(
        f"{IMPORT}?municipality={world.municipality.uuid}",
        data=samples.start_xml([world.wmo]),
        content_type="application/xml",
    )

    assert response.status_code == 201, response.json()
    assert response.json()["lines"][0]["status"] == "goedgekeurd"
    world.wmo.refresh_from_db()
    assert world.wmo.delivery_started_on == world.wmo.start_date


@pytest.mark.parametrize(
    "content",
    [
        b"<?xml version='1.0'?><!DOCTYPE x [<!ENTITY a 'a'>]><x>&a;</x>",
        b"geen xml",
        b"",
    ],
    ids=["entity", "not-xml", "empty"],
)
def test_a_bad_file_is_a_400_with_the_reason_and_nothing_stored(world, content):
    response = _import(api(world.officer), world, content)

    assert response.status_code == 400
    assert (
        "Dit bestand is geen geldig iWmo- of iJw-bericht" in response.json()["non_field_errors"][0]
    )
    assert Message.objects.count() == Claim.objects.count() == 0


def test_a_bad_xml_body_is_a_400(world):
    response = api(world.officer).post(
        f"{IMPORT}?municipality={world.municipality.uuid}",
        data=b"x" * (5 * 1024 * 1024 + 10),
        content_type="application/xml",
    )

    assert response.status_code == 400
    assert "groter dan 5 MB" in response.json()["non_field_errors"][0]
    assert Message.objects.count() == 0


def test_import_needs_a_known_municipality_and_a_file(world):
    client = api(world.officer)

    unknown = client.post(IMPORT, {"municipality": str(world.provider.uuid), "file": _file(b"x")})
    missing = client.post(IMPORT, {"municipality": str(world.municipality.uuid)})
    no_query = client.post(IMPORT, data=b"<x/>", content_type="application/xml")

    assert unknown.status_code == 400
    assert unknown.json() == {"municipality": ["Onbekende gemeente."]}
    assert missing.status_code == 400
    assert "file" in missing.json()
    assert no_query.status_code == 400
    assert "municipality" in no_query.json()


def test_reimport_is_a_400(world):
    client = api(world.officer)
    content = samples.claim_xml([world.wmo], identification="D-7")
    _import(client, world, content)

    response = _import(client, world, content)

    assert response.status_code == 400
    assert "al verwerkt" in response.json()["non_field_errors"][0]


def test_export_and_list(world):
    person = world.youth.person
    person.bsn = ""
    person.save()
    client = api(world.officer)

    response = client.post(EXPORT, {"municipality": str(world.municipality.uuid)}, format="json")

    assert response.status_code == 200
    body = response.json()
    assert [m["name"] for m in body["messages"]] == ["WMO301"]
    assert len(body["skipped"]) == 1
    assert "geen BSN" in body["skipped"][0]
    listing = client.get(LIST, {"municipality": str(world.municipality.uuid)}).json()
    assert listing["count"] == 1
    item = listing["results"][0]
    assert "content" not in item and "lines" not in item
    assert item["summary"] == "1 toewijzing voor Trapliften Noord."
    detail = client.get(f"{LIST}{item['uuid']}/").json()
    assert world.wmo.person.bsn in detail["content"]
    assert detail["lines"][0]["decision"] == world.wmo.reference
    logged = AccessLogEntry.objects.filter(name="bericht met aanbieder inzien")
    assert [e.person_uuid for e in logged] == [world.wmo.person.uuid]


def test_who_may(world):
    _import(api(world.officer), world, samples.start_xml([world.wmo]))
    message = Message.objects.get()
    other = MunicipalityFactory(region=world.municipality.region)
    organisation = OrganisationFactory(name="Gemeente Elders", type=OrganisationType.MUNICIPALITY)
    organisation.municipalities.add(other)
    elsewhere = api(user_in(organisation, Role.MUNICIPAL_OFFICER, username="elders"))
    professional = api(world.setting.team_member)
    export = {"municipality": str(world.municipality.uuid)}

    assert professional.get(LIST).status_code == 403
    assert professional.get(f"{LIST}{message.uuid}/").status_code == 403
    assert _import(professional, world, samples.claim_xml([world.wmo])).status_code == 403
    assert professional.post(EXPORT, export, format="json").status_code == 403
    assert elsewhere.get(LIST).json()["count"] == 0
    assert elsewhere.get(LIST, {"municipality": str(world.municipality.uuid)}).json()["count"] == 0
    assert elsewhere.get(f"{LIST}{message.uuid}/").status_code == 404
    assert _import(elsewhere, world, samples.claim_xml([world.wmo])).status_code == 403
    assert elsewhere.post(EXPORT, export, format="json").status_code == 403
    assert APIClient().get(LIST).status_code in (401, 403)
    assert Message.objects.count() == 1
