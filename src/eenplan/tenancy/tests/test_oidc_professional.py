"""Professional login through the organisation's identity provider (OIDC): the claim it vouches
for logs in the one active professional account with that e-mail address, and nobody else; no
account is ever made. The provider is the one thing that cannot run here: its token, key and
userinfo endpoints are replaced by a fake at the HTTP boundary, which signs a real ID token, so
signature, nonce and PKCE are checked as in production."""

import datetime
import json
import runpy
import time
import uuid
from pathlib import Path
from urllib.parse import parse_qs, urlparse

import jwt
import pytest
import requests
from cryptography.hazmat.primitives.asymmetric import rsa
from django.core.exceptions import ImproperlyConfigured
from django.test import RequestFactory
from django.urls import reverse
from django_otp.plugins.otp_totp.models import TOTPDevice

from eenplan.conf import settings as settings_module
from eenplan.portal.services import citizen_account_create
from eenplan.tenancy import oidc
from eenplan.tenancy.constants import AccountKind
from eenplan.tenancy.models import User
from eenplan.tenancy.tests.factories import UserFactory

pytestmark = pytest.mark.django_db

SETTINGS_FILE = Path(settings_module.__file__)
BACKEND = "eenplan.tenancy.oidc.ProfessionalOIDCBackend"
CITIZEN_BACKEND = "eenplan.portal.oidc.CitizenOIDCBackend"
IDP = "https://login.organisatie.example"
CONFIG = {
    "OIDC_RP_CLIENT_ID": "eenplan",
    "OIDC_RP_CLIENT_SECRET": "geheim",
    "OIDC_OP_AUTHORIZATION_ENDPOINT": f"{IDP}/authorize",
    "OIDC_OP_TOKEN_ENDPOINT": f"{IDP}/token",
    "OIDC_OP_JWKS_ENDPOINT": f"{IDP}/jwks",
    "OIDC_OP_USER_ENDPOINT": "",
    "OIDC_RP_SIGN_ALGO": "RS256",
    "OIDC_RP_SCOPES": "openid email",
    "OIDC_USE_PKCE": True,
    "OIDC_TIMEOUT": 10,
    "OIDC_AUTHENTICATION_CALLBACK_URL": "tenancy:oidc-callback",
}
MY_CASES = reverse("cases:my-cases")
START = reverse("tenancy:oidc-init")
CALLBACK = reverse("tenancy:oidc-callback")


def new_key():
    return rsa.generate_private_key(public_exponent=65537, key_size=2048)


class FakeResponse:
    def __init__(self, body, status: int = 200):
        self.status_code, self.body, self.url = status, body, "fake"
        self.headers = {"content-type": "application/json"}
        self.text = json.dumps(body)

    def json(self):
        return self.body

    def raise_for_status(self):
        if self.status_code >= 400:
            raise requests.HTTPError(response=self)


class FakeProvider:
    """The organisation's provider: signs an ID token with ``claims`` (and the nonce EenPlan
    sent), publishes its key, and answers userinfo with ``userinfo``."""

    def __init__(self):
        self.key = self.published_key = new_key()
        self.claims: dict = {}
        self.userinfo: dict = {}
        self.nonce = ""
        self.token_status = 200
        self.calls: list[str] = []

    def id_token(self) -> str:
        now = int(time.time())
        claims = {"iss": IDP, "aud": "eenplan", "iat": now, "exp": now + 300, "sub": "s-1"}
        claims |= {"nonce": self.nonce, **self.claims}
        return jwt.encode(claims, self.key, algorithm="RS256", headers={"kid": "k1"})

    def post(self, url, **kwargs):
        self.calls.append(url)
        assert url == CONFIG["OIDC_OP_TOKEN_ENDPOINT"]
        assert kwargs["data"]["client_secret"] == "geheim" and kwargs["data"]["code_verifier"]
        body = {"id_token": self.id_token(), "access_token": "access"}
        return FakeResponse(body if self.token_status == 200 else {}, self.token_status)

    def get(self, url, **kwargs):
        self.calls.append(url)
        if url == CONFIG["OIDC_OP_JWKS_ENDPOINT"]:
            public = json.loads(jwt.algorithms.RSAAlgorithm.to_jwk(self.published_key.public_key()))
            return FakeResponse({"keys": [{**public, "kid": "k1", "alg": "RS256"}]})
        assert url == f"{IDP}/userinfo"
        return FakeResponse(self.userinfo)


@pytest.fixture
def provider(monkeypatch):
    fake = FakeProvider()
    monkeypatch.setattr("mozilla_django_oidc.auth.requests.post", fake.post)
    monkeypatch.setattr("mozilla_django_oidc.auth.requests.get", fake.get)
    return fake


@pytest.fixture
def configured(settings):
    settings.PROFESSIONAL_OIDC_ENABLED = True
    settings.PROFESSIONAL_OIDC = dict(CONFIG)
    settings.AUTHENTICATION_BACKENDS = [
        "axes.backends.AxesStandaloneBackend",
        "django.contrib.auth.backends.ModelBackend",
        BACKEND,
    ]
    return settings


@pytest.fixture
def worker():
    return UserFactory(username="s.jansen", email="s.jansen@organisatie.example")


def login_via_idp(client, provider, claims: dict, next_url: str = MY_CASES):
    start = client.get(START, {"next": next_url})
    assert start.status_code == 302 and start.url.startswith(
        CONFIG["OIDC_OP_AUTHORIZATION_ENDPOINT"]
    )
    query = parse_qs(urlparse(start.url).query)
    assert query["redirect_uri"] == [f"http://testserver{CALLBACK}"]
    assert query["code_challenge_method"] == ["S256"]
    provider.nonce = query["nonce"][0]
    provider.claims = claims
    return client.get(CALLBACK, {"code": "abc", "state": query["state"][0]})


def logged_in_user(client):
    pk = client.session.get("_auth_user_id")
    return User.objects.get(pk=pk) if pk else None


# ------------------------------------------------------------------------------ who gets in


@pytest.mark.usefixtures("configured")
def test_a_matching_professional_logs_in(client, provider, worker):
    response = login_via_idp(client, provider, {"email": "S.Jansen@Organisatie.example"})

    assert response.status_code == 302 and response.url == MY_CASES
    assert logged_in_user(client) == worker
    assert client.get(MY_CASES).status_code == 200


@pytest.mark.parametrize("who", ["unknown", "citizen", "inactive", "two accounts", "unverified"])
@pytest.mark.usefixtures("configured")
def test_nobody_else_gets_in_and_nothing_is_made(client, provider, worker, case, who):
    email = worker.email
    if who == "unknown":
        email = "iemand.anders@organisatie.example"
    elif who == "citizen":
        person = case.household.members.order_by("pk").first()
        person.birth_date = datetime.date(1985, 5, 1)
        person.save()
        citizen = citizen_account_create(person=person, username="inwoner").user
        citizen.email = email = "inwoner@organisatie.example"
        citizen.save()
    elif who == "inactive":
        worker.is_active = False
        worker.save()
    elif who == "two accounts":
        UserFactory(username="tweede", email=worker.email.upper())
    claims = {"email": email, **({"email_verified": False} if who == "unverified" else {})}
    accounts = User.objects.count()

    response = login_via_idp(client, provider, claims)

    assert response.status_code == 302 and response.url == reverse("login")
    assert logged_in_user(client) is None
    assert User.objects.count() == accounts
    assert "Inloggen via uw organisatie is niet gelukt" in client.get(response.url).content.decode()


@pytest.mark.usefixtures("configured")
def test_a_provider_that_fails_is_a_message_not_an_error(client, provider, worker):
    provider.token_status = 500

    response = login_via_idp(client, provider, {"email": worker.email})

    assert response.status_code == 302 and response.url == reverse("login")
    assert logged_in_user(client) is None


@pytest.mark.usefixtures("configured")
def test_a_token_signed_by_someone_else_is_refused(client, provider, worker):
    provider.key = new_key()  # signs with a key the provider does not publish

    response = login_via_idp(client, provider, {"email": worker.email})

    assert response.url == reverse("login") and logged_in_user(client) is None


def test_the_claim_and_field_are_configurable(configured, provider, client):
    configured.PROFESSIONAL_OIDC_CLAIM = "preferred_username"
    configured.PROFESSIONAL_OIDC_ACCOUNT_FIELD = "username"
    configured.PROFESSIONAL_OIDC["OIDC_OP_USER_ENDPOINT"] = f"{IDP}/userinfo"
    worker = UserFactory(username="sjansen")
    provider.userinfo = {"preferred_username": "SJansen"}

    response = login_via_idp(client, provider, {})  # the ID token has only "sub"

    assert response.url == MY_CASES and logged_in_user(client) == worker
    assert f"{IDP}/userinfo" in provider.calls


# ------------------------------------------------------------------------------ and two-factor


def test_without_trusting_the_provider_the_code_still_follows(configured, client, provider, worker):
    configured.REQUIRE_2FA = True
    TOTPDevice.objects.create(user=worker, name="app", confirmed=True)

    response = login_via_idp(client, provider, {"email": worker.email})

    assert response.url.startswith(reverse("tenancy:otp-verify"))
    assert client.get(MY_CASES)["Location"].startswith(reverse("tenancy:otp-verify"))


def test_trusting_the_providers_multi_factor_login(configured, client, provider, worker):
    configured.REQUIRE_2FA = True
    configured.PROFESSIONAL_OIDC_TRUSTS_IDP_MFA = True

    response = login_via_idp(client, provider, {"email": worker.email})

    assert response.url == MY_CASES
    assert client.get(MY_CASES).status_code == 200
    client.logout()
    client.force_login(worker)  # a later password login in the same browser: not trusted
    assert client.get(MY_CASES).status_code == 302


# ------------------------------------------------------------------------------ coexistence


def test_the_citizens_broker_never_sees_this_providers_code(configured, client, provider):
    """Both logins on: a failed professional login stops at its own backend."""
    configured.AUTHENTICATION_BACKENDS = [*configured.AUTHENTICATION_BACKENDS, CITIZEN_BACKEND]
    configured.CITIZEN_OIDC_ENABLED = True
    configured.OIDC_RP_CLIENT_ID = "digid"
    configured.OIDC_RP_CLIENT_SECRET = "digid-geheim"
    configured.OIDC_OP_TOKEN_ENDPOINT = "https://broker.example/token"
    configured.OIDC_OP_USER_ENDPOINT = ""
    configured.OIDC_OP_JWKS_ENDPOINT = "https://broker.example/jwks"
    configured.OIDC_RP_SIGN_ALGO = "RS256"

    response = login_via_idp(client, provider, {"email": "onbekend@organisatie.example"})

    assert response.url == reverse("login")
    assert not any("broker.example" in url for url in provider.calls)


def test_the_backend_ignores_other_pages_and_passwords(configured):
    backend = oidc.ProfessionalOIDCBackend()
    elsewhere = RequestFactory().get("/mijn/oidc/terug/", {"code": "c", "state": "s"})

    assert backend.authenticate(elsewhere, nonce="n", code_verifier="v") is None
    assert backend.authenticate(None, username="x", password="y") is None


def test_its_settings_never_come_from_the_citizens_set(configured):
    configured.OIDC_RP_CLIENT_SECRET = "van-de-digid-broker"
    del configured.PROFESSIONAL_OIDC["OIDC_RP_CLIENT_SECRET"]

    with pytest.raises(ImproperlyConfigured):
        oidc.oidc_setting("OIDC_RP_CLIENT_SECRET")
    assert oidc.oidc_setting("OIDC_STATE_SIZE", 32) == 32


# ------------------------------------------------------------------------------ off by default


def test_without_the_settings_nothing_is_offered(client):
    assert not oidc.is_enabled()
    assert "Inloggen via uw organisatie" not in client.get(reverse("login")).content.decode()
    assert client.get(START).status_code == 404
    assert client.get(CALLBACK, {"code": "c", "state": "s"}).status_code == 404


@pytest.mark.usefixtures("configured")
def test_with_the_settings_the_login_page_offers_it(client):
    page = client.get(reverse("login"), {"next": "/signalen/"})

    assert "Inloggen via uw organisatie" in page.content.decode()
    assert f'href="{START}?next=/signalen/"' in page.content.decode()


def _settings_with(monkeypatch, **environment) -> dict:
    for name, value in environment.items():
        monkeypatch.setenv(name, value)
    return runpy.run_path(str(SETTINGS_FILE))


COMPLETE = {
    "EENPLAN_OIDC_CLIENT_ID": "eenplan",
    "EENPLAN_OIDC_CLIENT_SECRET": "geheim",
    "EENPLAN_OIDC_AUTHORIZATION_ENDPOINT": f"{IDP}/authorize",
    "EENPLAN_OIDC_TOKEN_ENDPOINT": f"{IDP}/token",
    "EENPLAN_OIDC_JWKS_ENDPOINT": f"{IDP}/jwks",
}


def test_the_settings_switch_it_on_only_when_complete(monkeypatch):
    off = _settings_with(monkeypatch)
    assert (
        off["PROFESSIONAL_OIDC_ENABLED"] is False and BACKEND not in off["AUTHENTICATION_BACKENDS"]
    )

    with pytest.raises(ImproperlyConfigured, match="EENPLAN_OIDC_TOKEN_ENDPOINT"):
        _settings_with(monkeypatch, EENPLAN_OIDC_CLIENT_ID="eenplan")


def test_complete_settings_leave_the_citizens_login_alone(monkeypatch):
    on = _settings_with(
        monkeypatch,
        **COMPLETE,
        EENPLAN_CITIZEN_OIDC_CLIENT_ID="digid",
        EENPLAN_CITIZEN_OIDC_CLIENT_SECRET="digid-geheim",
        EENPLAN_CITIZEN_OIDC_AUTHORIZATION_ENDPOINT="https://broker.example/authorize",
        EENPLAN_CITIZEN_OIDC_TOKEN_ENDPOINT="https://broker.example/token",
        EENPLAN_CITIZEN_OIDC_JWKS_ENDPOINT="https://broker.example/jwks",
    )

    assert on["PROFESSIONAL_OIDC"]["OIDC_OP_TOKEN_ENDPOINT"] == f"{IDP}/token"
    assert on["OIDC_OP_TOKEN_ENDPOINT"] == "https://broker.example/token"
    assert on["OIDC_RP_CLIENT_ID"] == "digid"
    backends = on["AUTHENTICATION_BACKENDS"]
    assert backends.index(BACKEND) < backends.index(CITIZEN_BACKEND)
    assert on["PROFESSIONAL_OIDC_TRUSTS_IDP_MFA"] is False
    assert on["PROFESSIONAL_OIDC_CLAIM"] == "email"


def test_the_account_field_is_email_or_username(monkeypatch):
    with pytest.raises(ImproperlyConfigured, match="EENPLAN_OIDC_ACCOUNT_FIELD"):
        _settings_with(monkeypatch, **COMPLETE, EENPLAN_OIDC_ACCOUNT_FIELD="phone")


def test_a_professional_is_never_made(configured):
    assert oidc.professional_for_claims({"email": f"{uuid.uuid4().hex}@x.example"}) is None
    assert not User.objects.filter(kind=AccountKind.PROFESSIONAL).exists()
