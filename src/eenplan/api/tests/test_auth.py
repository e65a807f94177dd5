"""Token login and authentication."""

import pytest
from django.conf import settings
from django.urls import reverse
from rest_framework.authtoken.models import Token

pytestmark = pytest.mark.django_db

TOKEN_URL = reverse("api:token")


def test_login_returns_token_that_authenticates(api_client, professional, case):
    response = api_client.post(
        TOKEN_URL,
        {"username": "involved", "password": settings.DEMO_PASSWORD},
        format="json",
    )

    assert response.status_code == 200
    assert response.json() == {"token": Token.objects.get(user=professional).key}
    api_client.credentials(HTTP_AUTHORIZATION=f"Token {response.json()['token']}")
    cases = api_client.get(reverse("api:case-list"))
    assert cases.status_code == 200
    assert cases.json()["count"] == 1


def test_login_again_returns_same_token(api_client, professional):
    data = {"username": "involved", "password": settings.DEMO_PASSWORD}
    first = api_client.post(TOKEN_URL, data, format="json").json()
    second = api_client.post(TOKEN_URL, data, format="json").json()
    assert first == second


def test_wrong_password_is_400_without_token(api_client, professional):
    response = api_client.post(
        TOKEN_URL, {"username": "involved", "password": "fout"}, format="json"
    )

    assert response.status_code == 400
    assert "non_field_errors" in response.json()
    assert not Token.objects.exists()


def test_missing_fields_are_field_errors(api_client):
    response = api_client.post(TOKEN_URL, {}, format="json")

    assert response.status_code == 400
    assert set(response.json()) == {"username", "password"}


def test_inactive_user_gets_no_token(api_client, professional):
    professional.is_active = False
    professional.save()

    response = api_client.post(
        TOKEN_URL,
        {"username": "involved", "password": settings.DEMO_PASSWORD},
        format="json",
    )

    assert response.status_code == 400


def test_anonymous_request_is_401(api_client):
    response = api_client.get(reverse("api:case-list"))

    assert response.status_code == 401


def test_unknown_token_is_401(api_client):
    api_client.credentials(HTTP_AUTHORIZATION="Token 0123456789abcdef")

    assert api_client.get(reverse("api:municipality-list")).status_code == 401


@pytest.mark.parametrize("url", [reverse("api:token"), reverse("api:me-token")])
def test_an_overlong_username_is_a_wrong_login_not_a_server_error(api_client, url):
    response = api_client.post(url, {"username": "x" * 300, "password": "geheim"}, format="json")
    assert response.status_code == 400
    assert "token" not in response.json()
