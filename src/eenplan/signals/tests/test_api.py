"""API v1 signals: list with filters, one signal, resolve; a match carries no content."""

import json

import pytest
from django.core.management import call_command
from django.urls import reverse
from rest_framework.authtoken.models import Token
from rest_framework.test import APIClient

from eenplan.cases.constants import ServiceType
from eenplan.common.constants import LifeDomain
from eenplan.signals.constants import SignalKind, SignalStatus
from eenplan.signals.models import Signal
from eenplan.signals.services import signals_refresh_case
from eenplan.signals.tests.conftest import URLS, involve
from eenplan.tenancy.tests.factories import OrganisationFactory, user_in

pytestmark = [pytest.mark.django_db, pytest.mark.urls(URLS)]

DEBT = {"life_domains": [LifeDomain.FINANCES.value], "service_type": ServiceType.DEBT_HELP}


def api(user) -> APIClient:
    client = APIClient()
    token, _ = Token.objects.get_or_create(user=user)
    client.credentials(HTTP_AUTHORIZATION=f"Token {token.key}")
    return client


@pytest.fixture
def network(coordinated, org_b, pro_b):
    """Org A coordinates; org B works without plan consent; both do debt help."""
    coordinated.involvements.update(**DEBT)
    involve(coordinated, org_b, plan_consent=False, contact=pro_b, **DEBT)
    signals_refresh_case(case=coordinated)
    return coordinated


def test_list_per_professional_with_filters(network, pro_a, pro_b):
    url = reverse("api:signal-list")

    mine_a = api(pro_a).get(url).json()
    mine_b = api(pro_b).get(url).json()

    assert mine_a["count"] == 4 and mine_b["count"] == 3
    assert {s["kind"] for s in mine_b["results"]} == {SignalKind.MATCH}
    overlap = api(pro_a).get(url, {"kind": "overlap"}).json()["results"]
    assert [s["kind"] for s in overlap] == ["overlap"]
    assert overlap[0]["details"]["life_domain"]["code"] == LifeDomain.FINANCES
    assert overlap[0]["details"]["service_type"] == ServiceType.DEBT_HELP
    assert overlap[0]["may_resolve"] is True
    assert {o["organisation"]["name"] for o in overlap[0]["organisations"]} == {
        "Wijkteam Delfzijl",
        "Kredietbank Noord",
    }
    assert api(pro_a).get(url, {"case": str(network.uuid)}).json()["count"] == 4
    assert api(pro_a).get(url, {"status": "afgehandeld"}).json()["count"] == 0
    assert api(pro_a).get(url, {"kind": "onzin"}).status_code == 400
    assert api(user_in(OrganisationFactory())).get(url).json()["count"] == 0


def test_match_payload_has_no_content(network, pro_b):
    results = api(pro_b).get(reverse("api:signal-list")).json()["results"]

    payload = json.dumps(results, ensure_ascii=False).lower()
    for content in (LifeDomain.FINANCES.value, "financi", ServiceType.DEBT_HELP.value, "reden"):
        assert content not in payload
    for signal in results:
        assert set(signal["details"].values()) == {None}
        assert signal["person"]["full_name"]
        contacts = {o["organisation"]["name"]: o["contact"] for o in signal["organisations"]}
        assert contacts["Kredietbank Noord"]["email"] == "bert@krediet.nl"
        assert signal["may_resolve"] is False


def test_detail_and_404(network, pro_a, pro_b):
    overlap = Signal.objects.get(kind=SignalKind.OVERLAP)
    url = reverse("api:signal-detail", kwargs={"uuid": overlap.uuid})

    detail = api(pro_a).get(url)
    assert detail.status_code == 200 and detail.json()["uuid"] == str(overlap.uuid)
    assert api(pro_b).get(url).status_code == 404, "no plan consent, no overlap"


def test_resolve(network, pro_a, pro_b, org_a, org_b):
    overlap = Signal.objects.get(kind=SignalKind.OVERLAP)
    url = reverse("api:signal-resolve", kwargs={"uuid": overlap.uuid})
    body = {
        "outcome": "wie_gaat_door",
        "continuing_organisation": str(org_a.uuid),
        "stopping_organisations": [str(org_b.uuid)],
        "note": "Afgesproken.",
    }

    assert api(pro_b).post(url, body, format="json").status_code == 404
    stranger = {**body, "stopping_organisations": [str(OrganisationFactory().uuid)]}
    bad = api(pro_a).post(url, stranger, format="json")
    assert bad.status_code == 400 and "stopping_organisations" in bad.json()
    assert api(pro_a).post(url, {"outcome": "goed_zo"}, format="json").status_code == 400

    response = api(pro_a).post(url, body, format="json")

    assert response.status_code == 200
    resolution = response.json()["resolution"]
    assert response.json()["status"] == SignalStatus.RESOLVED
    assert resolution["continuing_organisation"]["uuid"] == str(org_a.uuid)
    assert [o["uuid"] for o in resolution["stopping_organisations"]] == [str(org_b.uuid)]
    assert api(pro_a).post(url, body, format="json").status_code == 400


def test_schema_with_signals_validates_without_warnings(settings, tmp_path):
    settings.ROOT_URLCONF = URLS
    call_command(
        "spectacular", "--validate", "--fail-on-warn", "--file", str(tmp_path / "schema.yaml")
    )
    schema = (tmp_path / "schema.yaml").read_text()
    assert "/api/v1/signals/{uuid}/resolve/" in schema
