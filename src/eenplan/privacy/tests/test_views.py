"""The access log page: for privacy officers only."""

import pytest
from django.urls import reverse

from eenplan.privacy.models import AccessLogEntry
from eenplan.privacy.services import access_log_write
from eenplan.tenancy.constants import Role
from eenplan.tenancy.tests.factories import OrganisationFactory, UserFactory, user_in

pytestmark = pytest.mark.django_db

ACCESS_LOG = reverse("privacy:access-log")


@pytest.fixture
def privacy_officer():
    return user_in(OrganisationFactory(name="Gemeente Eemsdelta"), Role.PRIVACY_OFFICER)


@pytest.fixture
def logged_reads(client, case, professional):
    """The professional opened the household page: one entry per member (3)."""
    client.force_login(professional)
    url = reverse("people:household", kwargs={"household_uuid": case.household.uuid})
    assert client.get(url).status_code == 200
    client.logout()
    return list(AccessLogEntry.objects.all())


@pytest.mark.parametrize("role", [Role.PROFESSIONAL, Role.TEAM_LEADER, Role.FUNCTIONAL_ADMIN])
def test_access_log_is_403_for_other_roles(client, involved_org, role):
    client.force_login(user_in(involved_org, role))
    assert client.get(ACCESS_LOG).status_code == 403
    assert client.post(ACCESS_LOG, {"bsn": "999990019"}).status_code == 403


def test_access_log_is_403_for_superuser_without_role(client):
    client.force_login(UserFactory(is_superuser=True, is_staff=True))
    response = client.get(ACCESS_LOG)
    assert response.status_code == 403
    assert "U heeft geen toegang tot deze pagina" in response.content.decode()


def test_access_log_is_403_even_with_invalid_filter(client, professional):
    client.force_login(professional)
    assert client.get(ACCESS_LOG, {"case": "geen-uuid"}).status_code == 403


def test_access_log_redirects_anonymous_to_login(client):
    response = client.get(ACCESS_LOG)
    assert response.status_code == 302 and response.url.startswith(reverse("login"))


def test_access_log_shows_entries_to_privacy_officer(client, case, logged_reads, privacy_officer):
    client.force_login(privacy_officer)
    response = client.get(ACCESS_LOG)
    assert response.status_code == 200
    content = response.content.decode()
    assert "3 regels" in content
    assert content.count(case.reference) >= 3
    assert "involved" in content and "Wijkteam Delfzijl" in content
    assert "huishouden bekijken" in content and "Inzien" in content
    assert logged_reads[0].purpose in content
    assert f"?case={case.uuid}" in content


def test_access_log_filters_by_case_and_person(client, case, logged_reads, privacy_officer):
    client.force_login(privacy_officer)
    by_case = client.get(ACCESS_LOG, {"case": str(case.uuid)}).content.decode()
    assert "3 regels die passen bij het filter" in by_case
    other = client.get(ACCESS_LOG, {"case": "6f1c1c52-0000-4000-8000-000000000000"})
    assert "0 regels" in other.content.decode()
    person = logged_reads[0].person_uuid
    by_person = client.get(ACCESS_LOG, {"person": str(person)}).content.decode()
    assert "1 regel die passen bij het filter" in by_person


def test_access_log_filters_by_bsn_sent_by_post(client, case, logged_reads, privacy_officer):
    contact = case.household.memberships.get(is_contact=True).person
    client.force_login(privacy_officer)
    response = client.post(ACCESS_LOG, {"bsn": contact.bsn})
    assert response.status_code == 200
    content = response.content.decode()
    assert "1 regel die passen bij het filter" in content
    assert 'method="post"' in content


@pytest.mark.parametrize(
    ("data", "message"),
    [
        ({"case": "geen-uuid"}, "Vul een geldige UUID in"),
        ({"person": "1234"}, "Vul een geldige UUID in"),
        ({"bsn": "123456789"}, "11-proef"),
    ],
)
def test_access_log_invalid_filter_shows_error(
    client, logged_reads, privacy_officer, data, message
):
    client.force_login(privacy_officer)
    response = client.post(ACCESS_LOG, data)
    assert response.status_code == 200
    content = response.content.decode()
    assert message in content
    assert "Het filter is niet gebruikt." in content
    assert "3 regels" in content


def test_access_log_paginates_with_the_filter_form(client, case, professional, privacy_officer):
    access_log_write(actor=professional, action="inzien", name="test", subjects=[(case, None)] * 60)
    client.force_login(privacy_officer)
    first = client.get(ACCESS_LOG).content.decode()
    assert "Pagina 1 van 2" in first
    assert 'form="toegangslog-filter" name="page" value="2"' in first
    second = client.post(ACCESS_LOG, {"case": str(case.uuid), "page": "2"}).content.decode()
    assert "Pagina 2 van 2" in second
    assert second.count('<th scope="row"') == 10


def test_access_log_filters_by_case_reference(client, case, logged_reads, privacy_officer):
    client.force_login(privacy_officer)
    found = client.post(ACCESS_LOG, {"reference": case.reference.lower()})
    assert (
        found.context["listing"].count
        == AccessLogEntry.objects.filter(case_uuid=case.uuid).count()
        > 0
    )
    missing = client.post(ACCESS_LOG, {"reference": "EP-1999-000001"})
    assert missing.context["listing"].count == 0
