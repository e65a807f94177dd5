"""A login ends after ``SESSION_IDLE_MINUTES`` without a request (with a plain message on the
login page), and in any case ``SESSION_COOKIE_AGE`` after logging in; for professionals and
citizens alike. The session is written at most once a minute for it."""

import datetime
import time

import pytest
from django.conf import settings
from django.urls import reverse
from django.utils import timezone

from eenplan.portal.services import citizen_account_create
from eenplan.tenancy.sessions import ACTIVITY_KEY

pytestmark = pytest.mark.django_db

MY_CASES = reverse("cases:my-cases")
IDLE = "U was te lang niet actief"


def last_request_ago(client, seconds: int) -> None:
    session = client.session
    session[ACTIVITY_KEY] = int(time.time()) - seconds
    session.save()


def idle_too_long(client) -> None:
    last_request_ago(client, settings.SESSION_IDLE_MINUTES * 60 + 1)


@pytest.fixture
def citizen(case):
    person = case.household.members.order_by("pk").first()
    person.birth_date = datetime.date(1985, 5, 1)
    person.save()
    return citizen_account_create(person=person, username="inwoner", password="x" * 20).user


def test_the_default_idle_limit_is_half_an_hour():
    assert settings.SESSION_IDLE_MINUTES == 30


def test_an_active_professional_stays_logged_in(client, professional):
    client.force_login(professional)
    last_request_ago(client, settings.SESSION_IDLE_MINUTES * 60 - 60)

    assert client.get(MY_CASES).status_code == 200
    assert client.get(MY_CASES).status_code == 200


def test_after_too_long_idle_the_professional_is_logged_out_with_a_message(client, professional):
    client.force_login(professional)
    idle_too_long(client)

    response = client.get(MY_CASES)

    assert response.status_code == 302
    assert response["Location"] == f"{reverse('login')}?next={MY_CASES}"
    assert "_auth_user_id" not in client.session
    login_page = client.get(response["Location"])
    assert IDLE in login_page.content.decode()


def test_after_too_long_idle_a_citizen_goes_to_the_portal_login(client, citizen):
    client.force_login(citizen)
    idle_too_long(client)

    response = client.get(reverse("portal:home"), follow=True)

    assert response.redirect_chain[0][0].startswith(reverse("portal:login"))
    assert IDLE in response.content.decode()
    assert "_auth_user_id" not in client.session


def test_htmx_is_sent_to_the_login_page_as_a_whole(client, professional):
    client.force_login(professional)
    idle_too_long(client)

    response = client.get(MY_CASES, headers={"HX-Request": "true"})

    assert response["HX-Redirect"] == reverse("login")


def test_the_api_answers_as_for_anyone_not_logged_in(client, professional):
    client.force_login(professional)
    idle_too_long(client)

    response = client.get(reverse("api:case-list"))

    assert response.status_code in (401, 403)
    assert "_auth_user_id" not in client.session


def test_the_session_is_written_at_most_once_a_minute(client, professional):
    client.force_login(professional)
    last_request_ago(client, 10)
    stamp = client.session[ACTIVITY_KEY]

    quiet = client.get(MY_CASES)

    assert settings.SESSION_COOKIE_NAME not in quiet.cookies  # nothing written
    assert client.session[ACTIVITY_KEY] == stamp

    last_request_ago(client, 61)
    touched = client.get(MY_CASES)

    assert settings.SESSION_COOKIE_NAME in touched.cookies
    assert client.session[ACTIVITY_KEY] >= int(time.time()) - 2


def test_the_absolute_end_does_not_move_with_activity(client, professional):
    client.force_login(professional)
    end = client.session.get_expiry_date()
    expected = timezone.now() + datetime.timedelta(seconds=settings.SESSION_COOKIE_AGE)
    assert abs((end - expected).total_seconds()) < 5

    last_request_ago(client, 120)
    client.get(MY_CASES)

    assert client.session.get_expiry_date() == end


def test_zero_switches_the_idle_limit_off(client, professional, settings):
    settings.SESSION_IDLE_MINUTES = 0
    client.force_login(professional)
    last_request_ago(client, 24 * 60 * 60)

    assert client.get(MY_CASES).status_code == 200
