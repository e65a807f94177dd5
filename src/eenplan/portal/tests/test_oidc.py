"""Citizen login through a DigiD broker (OIDC): the BSN the broker vouches for becomes a citizen
account of a household member of 16 or older, and nothing else. No network: the broker's token
answer is stubbed where the whole flow runs. Without the settings nothing of it is active."""

import runpy
from pathlib import Path
from unittest import mock
from urllib.parse import parse_qs, urlparse

import pytest
from django.conf import settings
from django.core.exceptions import ImproperlyConfigured
from django.test import override_settings
from django.urls import include, path, reverse

from eenplan.conf import settings as settings_module
from eenplan.people.tests.factories import PersonFactory
from eenplan.portal import oidc
from eenplan.portal.models import Citizen
from eenplan.privacy.models import AccessLogEntry
from eenplan.tenancy.constants import AccountKind
from eenplan.tenancy.models import User

pytestmark = pytest.mark.django_db

SETTINGS_FILE = Path(settings_module.__file__)
BACKEND = "eenplan.portal.oidc.CitizenOIDCBackend"
BROKER = {
    "CITIZEN_OIDC_ENABLED": True,
    "OIDC_RP_CLIENT_ID": "eenplan",
    "OIDC_RP_CLIENT_SECRET": "geheim",
    "OIDC_OP_AUTHORIZATION_ENDPOINT": "https://broker.example/authorize",
    "OIDC_OP_TOKEN_ENDPOINT": "https://broker.example/token",
    "OIDC_OP_JWKS_ENDPOINT": "https://broker.example/jwks",
    "OIDC_OP_USER_ENDPOINT": "",
    "OIDC_RP_SIGN_ALGO": "RS256",
    "OIDC_RP_SCOPES": "openid",
    "OIDC_USE_PKCE": True,
    "AUTHENTICATION_BACKENDS": ["django.contrib.auth.backends.ModelBackend", BACKEND],
}

# The URLs as the project mounts them when the broker is configured (the real urlpatterns are
# built once, at start-up, from the settings of this test run: without a broker).
urlpatterns = [
    path("mijn/", include("eenplan.portal.urls")),
    path(
        "mijn/oidc/inloggen/",
        oidc.OIDCAuthenticationRequestView.as_view(),
        name="oidc_authentication_init",
    ),
    path(
        "mijn/oidc/terug/",
        oidc.CitizenCallbackView.as_view(),
        name="oidc_authentication_callback",
    ),
]


# ------------------------------------------------------------------------- from claim to citizen


def test_the_bsn_comes_from_the_configured_claim(family, settings):
    bsn = family.mother.bsn
    assert oidc.bsn_from_claims({"bsn": bsn}) == bsn
    assert oidc.bsn_from_claims({"bsn": "123456789"}) == ""  # fails the 11-proef
    assert oidc.bsn_from_claims({"sub": bsn}) == ""
    settings.CITIZEN_OIDC_BSN_CLAIM = "urn:nl-eid-gdi:1.0:id:BSN"
    assert oidc.bsn_from_claims({"urn:nl-eid-gdi:1.0:id:BSN": bsn}) == bsn
    assert oidc.bsn_from_claims({"bsn": bsn}) == ""


def test_a_first_login_creates_an_account_without_a_password(family):
    user = oidc.citizen_for_claims({"bsn": family.mother.bsn})

    assert user.is_citizen and user.citizen.person == family.mother
    assert not user.has_usable_password()  # the broker is the only way in
    assert family.mother.bsn not in user.username
    assert AccessLogEntry.objects.filter(
        actor=user, name="inwoneraccount aanmaken bij inloggen met DigiD"
    ).exists()
    again = oidc.citizen_for_claims({"bsn": family.mother.bsn})
    assert again == user and Citizen.objects.filter(person=family.mother).count() == 1


def test_an_existing_account_is_the_one_logged_in(family):
    existing = family.account(family.teen)  # 17: has their own account
    assert oidc.citizen_for_claims({"bsn": family.teen.bsn}) == existing


@pytest.mark.parametrize(
    "who",
    ["child under 16", "no household", "unknown bsn", "no claim", "age unknown", "blocked"],
)
def test_nobody_else_is_logged_in(family, who):
    bsn = {
        "child under 16": family.young.bsn,
        "no household": PersonFactory().bsn,
        "unknown bsn": "999990020",
    }.get(who, "")
    if who == "age unknown":
        family.father.birth_date = None
        family.father.save()
        bsn = family.father.bsn
    if who == "blocked":
        user = family.account(family.mother)
        user.is_active = False
        user.save()
        bsn = family.mother.bsn
    accounts = Citizen.objects.count()

    assert oidc.citizen_for_claims({"bsn": bsn} if bsn else {}) is None
    assert Citizen.objects.count() == accounts


def test_a_professional_is_never_found_nor_made(family):
    """Only citizen accounts come out, and only citizen accounts are made."""
    professionals = User.objects.exclude(kind=AccountKind.CITIZEN).count()
    user = oidc.citizen_for_claims({"bsn": family.mother.bsn})
    assert user.is_citizen
    assert User.objects.exclude(kind=AccountKind.CITIZEN).count() == professionals


@override_settings(**BROKER)
def test_the_backend_reads_the_id_token_and_the_userinfo(family):
    backend = oidc.CitizenOIDCBackend()
    assert backend.get_or_create_user("access", "id", {"bsn": family.mother.bsn}).is_citizen
    assert backend.authenticate(None, username="x", password="y") is None

    backend.OIDC_OP_USER_ENDPOINT = "https://broker.example/userinfo"
    with mock.patch.object(backend, "get_userinfo", return_value={"bsn": family.teen.bsn}):
        user = backend.get_or_create_user("access", "id", {"sub": "pseudonym"})
    assert user.citizen.person == family.teen


# ------------------------------------------------------------------------------- the whole flow


def _login_with_digid(client, bsn: str):
    """Start at /mijn/oidc/inloggen/, come back from the broker with a code for ``bsn``."""
    start = client.get("/mijn/oidc/inloggen/", {"next": "/mijn/"})
    assert start.status_code == 302
    query = parse_qs(urlparse(start.url).query)
    assert start.url.startswith(BROKER["OIDC_OP_AUTHORIZATION_ENDPOINT"])
    assert query["redirect_uri"] == ["http://testserver/mijn/oidc/terug/"]
    assert query["code_challenge_method"] == ["S256"]
    tokens = {"id_token": "id", "access_token": "access"}
    with (
        mock.patch.object(oidc.CitizenOIDCBackend, "get_token", return_value=tokens),
        mock.patch.object(oidc.CitizenOIDCBackend, "verify_token", return_value={"bsn": bsn}),
    ):
        return client.get("/mijn/oidc/terug/", {"code": "abc", "state": query["state"][0]})


@pytest.mark.urls(__name__)
@override_settings(**BROKER)
def test_a_parent_logs_in_with_digid_and_lands_in_the_portal(client, family):
    response = _login_with_digid(client, family.mother.bsn)

    assert response.status_code == 302 and response.url == "/mijn/"
    user = User.objects.get(pk=client.session["_auth_user_id"])
    assert user.citizen.person == family.mother


@pytest.mark.urls(__name__)
@override_settings(**BROKER)
def test_a_child_under_16_is_sent_back_to_the_login_page(client, family):
    response = _login_with_digid(client, family.young.bsn)

    assert response.status_code == 302 and response.url == reverse("portal:login")
    assert "_auth_user_id" not in client.session


# ------------------------------------------------------------------------- without the settings


def test_without_the_settings_nothing_changes(client, family):
    assert not oidc.is_enabled()
    assert not any("oidc" in backend.lower() for backend in settings.AUTHENTICATION_BACKENDS)
    assert oidc.urlpatterns == []
    assert client.get("/mijn/oidc/inloggen/").status_code == 404
    assert client.get("/mijn/oidc/terug/").status_code == 404
    user = family.account(family.mother)
    user.set_password("een-lang-wachtwoord-voor-de-test")
    user.save()
    login = {"username": user.username, "password": "een-lang-wachtwoord-voor-de-test"}
    assert client.post(reverse("portal:login"), login).status_code == 302


def test_with_the_settings_the_urls_are_there(settings):
    settings.CITIZEN_OIDC_ENABLED = True
    names = [pattern.name for pattern in oidc._urlpatterns()]
    assert names == ["oidc_authentication_init", "oidc_authentication_callback"]


def _settings_with(monkeypatch, **environment) -> dict:
    for name, value in environment.items():
        monkeypatch.setenv(name, value)
    return runpy.run_path(str(SETTINGS_FILE))


def test_the_settings_switch_the_backend_on_only_when_complete(monkeypatch):
    off = _settings_with(monkeypatch)
    assert off["CITIZEN_OIDC_ENABLED"] is False and BACKEND not in off["AUTHENTICATION_BACKENDS"]

    with pytest.raises(ImproperlyConfigured, match="EENPLAN_CITIZEN_OIDC_TOKEN_ENDPOINT"):
        _settings_with(monkeypatch, EENPLAN_CITIZEN_OIDC_CLIENT_ID="eenplan")

    on = _settings_with(
        monkeypatch,
        EENPLAN_CITIZEN_OIDC_CLIENT_ID="eenplan",
        EENPLAN_CITIZEN_OIDC_CLIENT_SECRET="geheim",
        EENPLAN_CITIZEN_OIDC_AUTHORIZATION_ENDPOINT="https://broker.example/authorize",
        EENPLAN_CITIZEN_OIDC_TOKEN_ENDPOINT="https://broker.example/token",
        EENPLAN_CITIZEN_OIDC_JWKS_ENDPOINT="https://broker.example/jwks",
        EENPLAN_CITIZEN_OIDC_BSN_CLAIM="urn:nl-eid-gdi:1.0:id:BSN",
    )
    assert on["CITIZEN_OIDC_ENABLED"] is True
    assert on["AUTHENTICATION_BACKENDS"][-1] == BACKEND
    assert on["CITIZEN_OIDC_BSN_CLAIM"] == "urn:nl-eid-gdi:1.0:id:BSN"
    assert on["OIDC_USE_PKCE"] is True
