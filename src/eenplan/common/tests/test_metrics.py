"""/metrics: off without a token, refused without the right bearer token, and with it the
Prometheus text format counting the requests per view."""

import pytest
from django.test import override_settings
from prometheus_client.parser import text_string_to_metric_families

from eenplan.common.tests.test_settings import GOOD, load_settings

TOKEN = "m" * 40
REQUESTS = "django_http_requests_total_by_view_transport_method"


def _count(page: str, view: str) -> float:
    for family in text_string_to_metric_families(page):
        if family.name == REQUESTS:
            return sum(s.value for s in family.samples if s.labels.get("view") == view)
    return 0.0


def test_metrics_are_off_without_a_token(client):
    assert client.get("/metrics").status_code == 404


@override_settings(METRICS_TOKEN=TOKEN)
@pytest.mark.parametrize(
    "authorization", ["", f"Token {TOKEN}", "Bearer " + "x" * 40, f"Bearer {TOKEN[:-1]}"]
)
def test_metrics_refuse_a_request_without_the_token(client, authorization):
    headers = {"Authorization": authorization} if authorization else {}
    response = client.get("/metrics", headers=headers)
    assert response.status_code == 401
    assert response["WWW-Authenticate"].startswith("Bearer")
    assert REQUESTS not in response.content.decode()


@override_settings(METRICS_TOKEN=TOKEN)
def test_metrics_count_requests_per_view_in_the_prometheus_format(client):
    bearer = {"Authorization": f"Bearer {TOKEN}"}
    before = _count(client.get("/metrics", headers=bearer).content.decode(), "health-live")
    for _ in range(3):
        client.get("/gezond/")
    response = client.get("/metrics", headers=bearer)
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/plain; version=")
    assert _count(response.content.decode(), "health-live") == before + 3


def test_a_short_metrics_token_is_refused():
    result = load_settings({**GOOD, "EENPLAN_METRICS_TOKEN": "too-short"})
    assert result.returncode != 0
    assert "EENPLAN_METRICS_TOKEN" in result.stderr
