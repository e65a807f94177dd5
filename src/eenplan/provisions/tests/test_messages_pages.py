"""The pages of messages with providers: the list per municipality, writing the allocations,
reading a provider's file (with clear errors), one message and its XML, and who may."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from eenplan.privacy.models import AccessLogEntry
from eenplan.provisions.messages import samples
from eenplan.provisions.messages.samples import ClaimItem, Fault
from eenplan.provisions.models import Claim, Message
from eenplan.provisions.tests.messages_support import make_world
from eenplan.tenancy.constants import OrganisationType, Role
from eenplan.tenancy.tests.factories import MunicipalityFactory, OrganisationFactory, user_in

pytestmark = pytest.mark.django_db


@pytest.fixture
def world(setting):
    return make_world(setting)


@pytest.fixture
def officer_client(client, world):
    client.force_login(world.officer)
    return client


def _list(world) -> str:
    return reverse("provision_messages:list", args=[world.municipality.uuid])


def _upload(client, world, content: bytes, name: str = "declaratie.xml"):
    return client.post(
        reverse("provision_messages:import", args=[world.municipality.uuid]),
        {"bestand": SimpleUploadedFile(name, content, content_type="application/xml")},
    )


def test_index_leads_an_officer_to_the_municipality(officer_client, world):
    response = officer_client.get(reverse("provision_messages:index"))

    assert response.status_code == 302
    assert response["Location"] == _list(world)


def test_list_offers_the_allocations_and_names_what_cannot_go(officer_client, world):
    person = world.youth.person
    person.bsn = ""
    person.save()

    response = officer_client.get(_list(world))

    assert response.status_code == 200
    html = response.content.decode()
    assert "1 toegekend besluit met een aanbieder wacht op een toewijzing" in html
    assert "Toewijzingen (301) schrijven" in html
    assert f"{world.youth.reference} (Jeugdhulp ambulant): De inwoner heeft geen BSN" in html
    assert person.full_name not in html  # the list names no resident


def test_writing_the_allocations(officer_client, world):
    response = officer_client.post(
        reverse("provision_messages:export", args=[world.municipality.uuid]), follow=True
    )

    assert response.status_code == 200
    html = response.content.decode()
    assert "2 toewijzingsberichten (301) geschreven" in html
    assert "Toewijzing (WMO301)" in html
    assert "Toewijzing (JW301)" in html
    assert Message.objects.filter(code="301").count() == 2


def test_reading_a_claim_shows_the_result_per_line(officer_client, world):
    content = samples.claim_xml([world.wmo, ClaimItem(world.wmo, fault=Fault.UNKNOWN_ALLOCATION)])

    response = _upload(officer_client, world, content)

    claim = Message.objects.get(code="323")
    assert response.status_code == 302
    assert response["Location"] == reverse("provision_messages:detail", args=[claim.uuid])
    page = officer_client.get(response["Location"])
    html = page.content.decode()
    assert "Declaratie (323) van Trapliften Noord verwerkt" in html
    assert "2 regels: 1 goedgekeurd, 1 afgekeurd." in html
    assert "Goedgekeurd: 1 stuks (output)" in html
    assert "9338" in html
    assert "Dit toewijzingsnummer is niet bekend" in html
    assert "Declaratie-antwoord (WMO325)" in html
    assert claim.file_name == "declaratie.xml"


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"<?xml version='1.0'?><!DOCTYPE x [<!ENTITY a 'a'>]><x>&a;</x>", "DOCTYPE"),
        (b"niet eens XML", "geen correcte XML"),
        (b"", "het bestand is leeg"),
    ],
)
def test_a_file_that_cannot_be_read_shows_why_and_stores_nothing(
    officer_client, world, content, message
):
    response = _upload(officer_client, world, content)

    assert response.status_code == 400
    html = response.content.decode()
    assert "Dit bestand is geen geldig iWmo- of iJw-bericht" in html
    assert message in html
    assert "Er is iets niet goed ingevuld" in html
    assert Message.objects.count() == 0
    assert Claim.objects.count() == 0


def test_a_file_over_5_mb_is_not_read(officer_client, world):
    response = _upload(officer_client, world, b" " * (5 * 1024 * 1024 + 1))

    assert response.status_code == 400
    assert "groter dan 5 MB" in response.content.decode()
    assert Message.objects.count() == 0


def test_reimport_is_refused_on_the_page(officer_client, world):
    content = samples.start_xml([world.wmo], identification="START1")
    _upload(officer_client, world, content)

    response = _upload(officer_client, world, content)

    assert response.status_code == 400
    assert "al verwerkt" in response.content.decode()


def test_download_gives_the_xml_and_is_logged(officer_client, world):
    _upload(officer_client, world, samples.start_xml([world.wmo], identification="START1"))
    message = Message.objects.get()

    response = officer_client.get(reverse("provision_messages:download", args=[message.uuid]))

    assert response.status_code == 200
    assert response["Content-Type"] == "application/xml; charset=utf-8"
    assert response["Content-Disposition"] == 'attachment; filename="WMO305_START1.xml"'
    assert response.content.decode() == message.content
    entry = AccessLogEntry.objects.filter(name="bericht met aanbieder inzien").latest("pk")
    assert entry.person_uuid == world.wmo.person.uuid


def test_others_get_403_and_do_not_see_messages(client, world):
    client.force_login(world.officer)
    _upload(client, world, samples.start_xml([world.wmo]))
    message = Message.objects.get()
    other = MunicipalityFactory(region=world.municipality.region)
    organisation = OrganisationFactory(name="Gemeente Elders", type=OrganisationType.MUNICIPALITY)
    organisation.municipalities.add(other)
    elsewhere = user_in(organisation, Role.MUNICIPAL_OFFICER, username="elders")

    hidden = {world.setting.team_member: 403, elsewhere: 404}  # no exchange role at all: 403
    for user, status in hidden.items():
        client.force_login(user)
        assert client.get(_list(world)).status_code == 403
        assert _upload(client, world, samples.claim_xml([world.wmo])).status_code == 403
        export = reverse("provision_messages:export", args=[world.municipality.uuid])
        assert client.post(export).status_code == 403
        detail = reverse("provision_messages:detail", args=[message.uuid])
        assert client.get(detail).status_code == status
    client.force_login(world.setting.team_member)
    assert client.get(reverse("provision_messages:index")).status_code == 403
    assert Message.objects.count() == 1
