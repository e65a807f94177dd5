"""Limits on an uploaded provider's message, on the page and in the API: an .xml file of at most
EENPLAN_MAX_UPLOAD_MB that starts like XML. Anything else is refused with a Dutch message and a
400, never a 500, and nothing is stored."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from rest_framework.authtoken.models import Token
from rest_framework.test import APIClient

from eenplan.provisions.messages import samples
from eenplan.provisions.models import Message
from eenplan.provisions.tests.messages_support import make_world

pytestmark = pytest.mark.django_db

IMPORT_API = "/api/v1/messages/import/"
UTF8_BOM = b"\xef\xbb\xbf"


@pytest.fixture
def world(setting):
    return make_world(setting)


@pytest.fixture
def officer_client(client, world):
    client.force_login(world.officer)
    return client


def upload_page(client, world, content: bytes, name: str = "bericht.xml"):
    return client.post(
        reverse("provision_messages:import", args=[world.municipality.uuid]),
        {"bestand": SimpleUploadedFile(name, content, content_type="application/xml")},
    )


def upload_api(world, content: bytes, name: str = "bericht.xml"):
    client = APIClient()
    token, _ = Token.objects.get_or_create(user=world.officer)
    client.credentials(HTTP_AUTHORIZATION=f"Token {token.key}")
    upload = SimpleUploadedFile(name, content, content_type="application/xml")
    return client.post(IMPORT_API, {"municipality": str(world.municipality.uuid), "file": upload})


@pytest.mark.parametrize("name", ["bericht.txt", "bericht.xml.exe", "bericht"])
def test_a_file_not_named_xml_is_refused_on_the_page(officer_client, world, name):
    response = upload_page(officer_client, world, samples.start_xml([world.wmo]), name)

    assert response.status_code == 400
    assert "Dit is geen XML-bestand" in response.content.decode()
    assert not Message.objects.exists()


def test_a_file_not_named_xml_is_refused_by_the_api(world):
    response = upload_api(world, samples.start_xml([world.wmo]), "bericht.pdf")

    assert response.status_code == 400
    assert response.json()["file"][0].startswith("Dit is geen XML-bestand")
    assert not Message.objects.exists()


def test_the_name_may_be_in_capitals(officer_client, world):
    response = upload_page(officer_client, world, samples.start_xml([world.wmo]), "START.XML")

    assert response.status_code == 302
    assert Message.objects.filter(code="305").exists()


@pytest.mark.parametrize("content", [b"%PDF-1.7 ...", b"PK\x03\x04zip", b"\x00\x01<Bericht/>"])
def test_content_that_does_not_start_like_xml_is_refused(officer_client, world, content):
    response = upload_page(officer_client, world, content)

    assert response.status_code == 400
    assert "Een XML-bestand begint met &lt;" in response.content.decode()
    assert upload_api(world, content).status_code == 400
    assert not Message.objects.exists()


def test_a_utf8_byte_order_mark_is_fine(world):
    response = upload_api(world, UTF8_BOM + samples.start_xml([world.wmo]))

    assert response.status_code == 201, response.json()


def test_a_doctype_is_refused_before_anything_is_expanded(world):
    hostile = b'<?xml version="1.0"?><!DOCTYPE x [<!ENTITY a "aaaa">]><x>&a;</x>'

    response = upload_api(world, hostile)

    assert response.status_code == 400
    assert "DOCTYPE" in response.json()["non_field_errors"][0]


def test_the_size_limit_is_a_setting(officer_client, world, settings):
    settings.MAX_UPLOAD_MB = 1
    too_big = samples.start_xml([world.wmo]) + b" " * (1024 * 1024)

    page = upload_page(officer_client, world, too_big)
    api = upload_api(world, too_big)
    body = APIClient()
    body.credentials(
        HTTP_AUTHORIZATION=f"Token {Token.objects.get_or_create(user=world.officer)[0].key}"
    )
    raw = body.post(
        f"{IMPORT_API}?municipality={world.municipality.uuid}",
        data=too_big,
        content_type="application/xml",
    )

    assert page.status_code == 400 and "groter dan 1 MB" in page.content.decode()
    assert api.status_code == raw.status_code == 400
    assert "groter dan 1 MB" in str(api.json()) and "groter dan 1 MB" in str(raw.json())
    assert not Message.objects.exists()
    form_page = officer_client.get(
        reverse("provision_messages:list", args=[world.municipality.uuid])
    )
    assert "hoogstens 1 MB" in form_page.content.decode()


def test_a_request_with_too_many_fields_is_a_400(officer_client, world, settings):
    fields = {f"veld{number}": "x" for number in range(settings.DATA_UPLOAD_MAX_NUMBER_FIELDS + 1)}

    response = officer_client.post(
        reverse("provision_messages:import", args=[world.municipality.uuid]), fields
    )

    assert response.status_code == 400
