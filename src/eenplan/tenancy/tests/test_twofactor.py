"""Two-factor login for professionals: with ``REQUIRE_2FA`` on, a password alone reaches no page,
no admin and no API token; the code of a linked authenticator app does. Citizens are never
asked, and outside production it is off so the demo logs in with a password. The codes here
are computed from the device's key, as the app on a phone does."""

import datetime
import os
import subprocess
import sys

import pytest
from django.conf import settings
from django.contrib.admin.models import LogEntry
from django.core.cache import cache
from django.urls import reverse
from django.utils import timezone
from django_otp.oath import TOTP, totp
from django_otp.plugins.otp_totp.models import TOTPDevice
from rest_framework.test import APIClient

from eenplan.common.tests.test_settings import GOOD
from eenplan.portal.services import citizen_account_create
from eenplan.tenancy import twofactor
from eenplan.tenancy.constants import Role
from eenplan.tenancy.tests.factories import UserFactory, user_in

pytestmark = pytest.mark.django_db

PASSWORD = settings.DEMO_PASSWORD
MY_CASES = reverse("cases:my-cases")
SETUP = reverse("tenancy:otp-setup")
VERIFY = reverse("tenancy:otp-verify")


@pytest.fixture
def required(settings):
    settings.REQUIRE_2FA = True
    cache.clear()  # the API's login throttle counts in the cache
    yield
    cache.clear()


@pytest.fixture
def linked(professional):
    """The professional has linked an app (a confirmed device)."""
    return TOTPDevice.objects.create(user=professional, name="app", confirmed=True)


def code_for(device: TOTPDevice) -> str:
    """What the app shows now; the next time step when this one was used already (a code
    counts once)."""
    device.refresh_from_db()
    now = TOTP(device.bin_key, device.step, device.t0, device.digits, device.drift).t()
    ahead = 1 if device.last_t >= now else 0
    code = totp(device.bin_key, device.step, device.t0, device.digits, device.drift + ahead)
    return f"{code:0{device.digits}d}"


def wrong_code(device: TOTPDevice) -> str:
    return f"{(int(code_for(device)) + 1) % 1_000_000:06d}"


def wait_over(device: TOTPDevice) -> None:
    """As if the throttling's waiting time has passed."""
    earlier = timezone.now() - datetime.timedelta(hours=1)
    TOTPDevice.objects.filter(pk=device.pk).update(throttling_failure_timestamp=earlier)


def log_in(client, user, next_url: str = MY_CASES):
    return client.post(
        f"{reverse('login')}?next={next_url}", {"username": user.username, "password": PASSWORD}
    )


# ------------------------------------------------------------------------------ switched off


def test_off_in_development_the_password_is_enough(client, professional):
    assert settings.REQUIRE_2FA is False  # the test settings are development's

    response = log_in(client, professional)

    assert response.status_code == 302 and response["Location"] == MY_CASES
    assert client.get(MY_CASES).status_code == 200


def _settings_value(env: dict, name: str) -> str:
    clean = {k: v for k, v in os.environ.items() if not k.startswith("EENPLAN_") and k != "DEBUG"}
    result = subprocess.run(
        [sys.executable, "-c", f"import eenplan.conf.settings as s; print(s.{name})"],
        env={**clean, **env},
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    return result.stdout.strip()


def test_on_by_default_in_production_and_switchable():
    assert _settings_value(GOOD, "REQUIRE_2FA") == "True"
    assert _settings_value({**GOOD, "EENPLAN_REQUIRE_2FA": "false"}, "REQUIRE_2FA") == "False"
    assert _settings_value({"EENPLAN_REQUIRE_2FA": "true"}, "REQUIRE_2FA") == "True"


# ------------------------------------------------------------------------------ first login


@pytest.mark.usefixtures("required")
def test_without_an_app_the_password_leads_to_linking_one(client, professional):
    response = log_in(client, professional)

    assert response.status_code == 302
    assert response["Location"] == f"{SETUP}?next={MY_CASES.replace('/', '%2F')}"
    for path in (MY_CASES, reverse("people:search"), "/beheer/"):
        refused = client.get(path)
        assert refused.status_code == 302 and refused["Location"].startswith(SETUP), path


@pytest.mark.usefixtures("required")
def test_htmx_is_sent_to_the_step_as_a_whole_page(client, professional):
    log_in(client, professional)

    response = client.get(MY_CASES, headers={"HX-Request": "true"})

    assert response["HX-Redirect"].startswith(SETUP)


@pytest.mark.usefixtures("required")
def test_linking_an_app_with_its_code(client, professional):
    log_in(client, professional)

    page = client.get(SETUP, {"next": MY_CASES})
    html = page.content.decode()
    assert page.status_code == 200
    assert "Koppel een app aan uw account" in html
    assert "<svg" in html and "style=" not in html and "data:" not in html
    device = TOTPDevice.objects.get(user=professional, confirmed=False)
    assert twofactor.manual_key(device).replace(" ", "") in html.replace(" ", "")
    assert client.get(SETUP).content.decode().count("<svg") == 1  # same device on reload
    assert TOTPDevice.objects.filter(user=professional).count() == 1

    response = client.post(SETUP, {"code": code_for(device), "next": MY_CASES})

    assert response.status_code == 302 and response["Location"] == MY_CASES
    device.refresh_from_db()
    assert device.confirmed
    assert client.get(MY_CASES).status_code == 200


@pytest.mark.usefixtures("required")
def test_linking_refuses_a_wrong_code(client, professional):
    log_in(client, professional)
    client.get(SETUP)
    device = TOTPDevice.objects.get(user=professional)

    response = client.post(SETUP, {"code": wrong_code(device)})

    assert response.status_code == 400
    assert "Deze code klopt niet" in response.content.decode()
    device.refresh_from_db()
    assert not device.confirmed
    assert client.get(MY_CASES).status_code == 302


# ------------------------------------------------------------------------------ the code step


@pytest.mark.usefixtures("required")
def test_with_an_app_the_password_leads_to_the_code(client, professional, linked):
    response = log_in(client, professional)

    assert response.status_code == 302 and response["Location"].startswith(VERIFY)
    assert client.get(MY_CASES)["Location"].startswith(VERIFY)

    verified = client.post(VERIFY, {"code": code_for(linked), "next": MY_CASES})

    assert verified.status_code == 302 and verified["Location"] == MY_CASES
    assert client.get(MY_CASES).status_code == 200


@pytest.mark.usefixtures("required")
def test_a_wrong_code_is_refused_and_slows_down_the_next_try(client, professional, linked):
    log_in(client, professional)

    wrong = client.post(VERIFY, {"code": wrong_code(linked)})
    assert wrong.status_code == 400
    assert "Deze code klopt niet" in wrong.content.decode()

    # Right away, even the right code waits: django-otp's throttling (1, 2, 4, ... seconds).
    hurried = client.post(VERIFY, {"code": code_for(linked)})
    assert hurried.status_code == 400
    assert "te vaak een verkeerde code" in hurried.content.decode()
    assert client.get(MY_CASES).status_code == 302

    wait_over(linked)
    assert client.post(VERIFY, {"code": code_for(linked)}).status_code == 302
    assert client.get(MY_CASES).status_code == 200


@pytest.mark.usefixtures("required")
def test_a_password_alone_cannot_replace_a_linked_app(client, professional, linked):
    log_in(client, professional)

    response = client.get(SETUP)

    assert response.status_code == 302 and response["Location"].startswith(VERIFY)
    assert list(TOTPDevice.objects.filter(user=professional)) == [linked]


@pytest.mark.usefixtures("required")
def test_the_admin_is_refused_until_the_code(client, linked):
    admin_user = linked.user
    admin_user.is_staff = admin_user.is_superuser = True
    admin_user.save()
    client.post(
        f"{reverse('admin:login')}?next=/beheer/",
        {"username": admin_user.username, "password": PASSWORD},
    )

    refused = client.get("/beheer/")
    assert refused.status_code == 302 and refused["Location"].startswith(VERIFY)

    client.post(VERIFY, {"code": code_for(linked)})
    assert client.get("/beheer/").status_code == 200


@pytest.mark.usefixtures("required")
def test_the_api_refuses_an_unverified_session(client, professional, linked):
    log_in(client, professional)

    response = client.get(reverse("api:case-list"))

    assert response.status_code == 403
    assert "code" in response.json()["detail"]


@pytest.mark.usefixtures("required")
def test_axes_still_locks_out_after_wrong_passwords(client, professional, linked):
    for _ in range(settings.AXES_FAILURE_LIMIT):
        client.post(reverse("login"), {"username": professional.username, "password": "fout"})

    locked = log_in(client, professional)

    assert locked.status_code == 429
    assert "_auth_user_id" not in client.session


# ------------------------------------------------------------------------------ citizens


@pytest.mark.usefixtures("required")
def test_a_citizen_is_never_asked_for_a_code(client, case):
    person = case.household.members.order_by("pk").first()
    person.birth_date = datetime.date(1985, 5, 1)
    person.save()
    citizen = citizen_account_create(person=person, username="inwoner", password=PASSWORD).user

    response = client.post(
        reverse("portal:login"), {"username": citizen.username, "password": PASSWORD}
    )

    assert response.status_code == 302 and response["Location"] == reverse("portal:home")
    assert client.get(reverse("portal:home")).status_code == 200
    assert not TOTPDevice.objects.exists()


# ------------------------------------------------------------------------------ API token

TOKEN = reverse("api:token")


@pytest.mark.usefixtures("required")
def test_the_token_needs_the_code(professional, linked):
    api = APIClient()
    login = {"username": professional.username, "password": PASSWORD}

    missing = api.post(TOKEN, login, format="json")
    wrong = api.post(TOKEN, {**login, "code": wrong_code(linked)}, format="json")
    wrong_password = api.post(TOKEN, {**login, "password": "fout"}, format="json")

    assert missing.status_code == wrong.status_code == 400
    assert missing.json() == wrong.json() == wrong_password.json()  # the same answer
    wait_over(linked)
    right = api.post(TOKEN, {**login, "code": code_for(linked)}, format="json")
    assert right.status_code == 200 and right.json()["token"]


@pytest.mark.usefixtures("required")
def test_no_token_without_a_linked_app(professional):
    TOTPDevice.objects.create(user=professional, name="half", confirmed=False)
    login = {"username": professional.username, "password": PASSWORD, "code": "123456"}

    assert APIClient().post(TOKEN, login, format="json").status_code == 400


def test_off_the_token_needs_no_code(professional):
    cache.clear()
    login = {"username": professional.username, "password": PASSWORD}

    assert APIClient().post(TOKEN, login, format="json").status_code == 200


# ------------------------------------------------------------------------------ own app, reset


@pytest.mark.usefixtures("required")
def test_replacing_ones_own_app(client, professional, linked):
    log_in(client, professional)
    client.post(VERIFY, {"code": code_for(linked)})
    page = client.get(reverse("tenancy:otp-device"))
    assert page.status_code == 200
    assert "Een andere app koppelen" in page.content.decode()

    client.get(SETUP)
    new = TOTPDevice.objects.get(user=professional, confirmed=False)
    response = client.post(SETUP, {"code": code_for(new), "next": reverse("tenancy:otp-device")})

    assert response.status_code == 302
    assert list(TOTPDevice.objects.filter(user=professional)) == [new]
    assert client.get(MY_CASES).status_code == 200  # still verified, with the new app


@pytest.mark.usefixtures("required")
def test_a_functional_admin_unlinks_an_app_in_the_admin(client, professional, linked):
    admin_user = UserFactory(username="beheerder", is_staff=True, is_superuser=True)
    admin_device = TOTPDevice.objects.create(user=admin_user, name="app", confirmed=True)
    client.force_login(admin_user)
    client.post(VERIFY, {"code": code_for(admin_device)})

    response = client.post(
        reverse("admin:tenancy_user_changelist"),
        {"action": "reset_two_factor", "_selected_action": [professional.pk]},
    )

    assert response.status_code == 302
    assert not TOTPDevice.objects.filter(user=professional).exists()
    assert TOTPDevice.objects.filter(user=admin_user).exists()
    assert LogEntry.objects.filter(
        user=admin_user, object_id=str(professional.pk), change_message__contains="opnieuw"
    ).exists()
    # The professional links a new app at the next login.
    client.logout()
    assert log_in(client, professional)["Location"].startswith(SETUP)


def test_the_admin_never_shows_a_secret(client, linked):
    admin_user = user_in(linked.user.acting_organisation, Role.FUNCTIONAL_ADMIN)
    admin_user.is_staff = admin_user.is_superuser = True
    admin_user.save()
    client.force_login(admin_user)

    page = client.get(reverse("admin:otp_totp_totpdevice_change", args=[linked.pk]))

    assert page.status_code == 200
    assert linked.key not in page.content.decode()
