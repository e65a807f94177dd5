"""API v1 for the indicators: the definitions and the values with their filters, only for
viewers, with suppressed cells carrying no numbers. The fixture is ``region`` of
``test_views``."""

import datetime
import json

import pytest
from django.urls import reverse
from django.utils import timezone
from rest_framework.authtoken.models import Token
from rest_framework.test import APIClient

from eenplan.cases.models import Case
from eenplan.indicators import services
from eenplan.indicators.definitions import CORE
from eenplan.indicators.tests.test_views import (
    PERSONAL,
    QUARTER,
    RUNNING,
    build_region,
    open_case,
)
from eenplan.tenancy.constants import Role
from eenplan.tenancy.tests.factories import OrganisationFactory, user_in

pytestmark = pytest.mark.django_db

VALUES = reverse("api:indicator-value-list")
DEFINITIONS = reverse("api:indicator-list")
ROW_KEYS = {
    "indicator",
    "municipality",
    "peer_group",
    "period",
    "value",
    "numerator",
    "denominator",
    "suppressed",
}


@pytest.fixture
def region():
    return build_region()


def api(user) -> APIClient:
    client = APIClient()
    token, _ = Token.objects.get_or_create(user=user)
    client.credentials(HTTP_AUTHORIZATION=f"Token {token.key}")
    return client


def values(user, **query) -> list[dict]:
    response = api(user).get(VALUES, {"page_size": 100, **query})
    assert response.status_code == 200, response.content
    return response.json()["results"]


def cell(rows: list[dict], *, municipality=None, group=None) -> dict:
    (found,) = [
        row
        for row in rows
        if (municipality and row["municipality"] and row["municipality"]["name"] == municipality)
        or (group and row["peer_group"] == group)
    ]
    return found


def test_the_definitions_list_the_core_and_the_local_indicators(region):
    organisation = OrganisationFactory()
    organisation.municipalities.add(region.big)
    local = services.local_indicator_define(
        actor=user_in(organisation, Role.FUNCTIONAL_ADMIN),
        municipality=region.big,
        name="Schulden per 1.000 huishoudens",
        numerator="lopende_casussen",
        denominator="huishoudens",
        scale=1000,
        priority_domain="financien",
    )
    response = api(region.viewer).get(DEFINITIONS, {"page_size": 100})
    assert response.status_code == 200
    body = response.json()
    assert body["count"] == len(CORE) + 1
    first = body["results"][0]
    assert first["code"] == CORE[0].code and first["is_core"] and first["municipality"] is None
    assert first["denominator_label"] == "Particuliere huishoudens (CBS)"
    satisfaction = next(r for r in body["results"] if r["code"] == "tevredenheid")
    assert satisfaction["available"] is True
    assert satisfaction["denominator_label"] == "Rapportcijfers gegeven in het kwartaal"
    last = body["results"][-1]
    assert last["code"] == local.code and not last["is_core"]
    assert last["municipality"] == {"uuid": str(region.big.uuid), "name": "Grootstad"}


def test_values_show_numbers_only_where_not_suppressed(region):
    rows = values(region.viewer, indicator=RUNNING, period=QUARTER.label)
    assert {tuple(sorted(row)) for row in rows} == {tuple(sorted(ROW_KEYS))}
    shown = cell(rows, municipality="Grootstad")
    assert shown == {
        "indicator": RUNNING,
        "municipality": {"uuid": str(region.big.uuid), "name": "Grootstad"},
        "peer_group": None,
        "period": QUARTER.label,
        "value": 3.0,
        "numerator": 6.0,
        "denominator": 2000.0,
        "suppressed": False,
    }
    hidden = cell(rows, municipality="Kleindorp")
    assert hidden["suppressed"] is True
    assert hidden["value"] is hidden["numerator"] is hidden["denominator"] is None
    group = cell(rows, group=f"regio-{region.big.region.uuid}")
    assert group["municipality"] is None and group["numerator"] == 6.0  # Kleindorp left out


def test_no_suppressed_row_anywhere_carries_a_number(region):
    rows = values(region.viewer, period=QUARTER.label)
    suppressed = [row for row in rows if row["suppressed"]]
    assert suppressed
    for row in suppressed:
        assert row["value"] is row["numerator"] is row["denominator"] is None


def test_values_filter_by_municipality_period_peer_group_and_indicator(region):
    only_big = values(region.viewer, municipality=str(region.big.uuid), indicator=RUNNING)
    assert {row["municipality"]["name"] for row in only_big if row["municipality"]} == {"Grootstad"}
    assert len({row["period"] for row in only_big}) == 4  # the default: the last 4 quarters

    two = values(region.viewer, indicator=RUNNING, period=[QUARTER.label, QUARTER.previous().label])
    assert {row["period"] for row in two} == {QUARTER.label, QUARTER.previous().label}

    ranged = values(
        region.viewer,
        indicator=RUNNING,
        municipality=str(region.big.uuid),
        **{"from": QUARTER.previous().previous().label, "to": QUARTER.label},
    )
    assert len(ranged) == 3 * 2  # Grootstad and its region, three quarters

    group = f"regio-{region.big.region.uuid}"
    grouped = values(region.viewer, peer_group=group, indicator=RUNNING, period=QUARTER.label)
    assert {row["peer_group"] for row in grouped} == {None, group}

    both = values(region.viewer, indicator=[RUNNING, "aandeel_met_regisseur"])
    assert {row["indicator"] for row in both} == {RUNNING, "aandeel_met_regisseur"}
    # No household gave a mark: rows, but none with a number.
    marks = values(region.viewer, indicator="tevredenheid")
    assert marks and all(row["value"] is row["numerator"] is None for row in marks)


@pytest.mark.parametrize(
    "query,field,message",
    [
        ({"period": "2026-K5"}, "period", "Geen kwartaal: 2026-K5"),
        ({"period": "volgend jaar"}, "period", "bijvoorbeeld 2026-K3"),
        ({"from": "2025-K1"}, "to", "Geef from en to allebei."),
        ({"from": "2026-K1", "to": "2025-K1"}, "to", "Het eind ligt voor het begin."),
        ({"from": "2020-K1", "to": "2025-K1"}, "to", "ten hoogste 12 kwartalen"),
        ({"period": "2025-K1", "from": "2025-K1", "to": "2025-K2"}, "period", "losse"),
        ({"peer_group": "regio-onbekend"}, "peer_group", "Onbekende vergelijkingsgroep"),
        ({"municipality": "7a1c5f1e-0000-4000-8000-000000000000"}, "municipality", "Onbekende"),
        ({"municipality": "geen-uuid"}, "municipality", ""),
        ({"indicator": "bestaat_niet"}, "indicator", "Onbekende indicator: bestaat_niet"),
    ],
)
def test_bad_filters_are_a_400_with_a_dutch_message(region, query, field, message):
    response = api(region.viewer).get(VALUES, query)
    assert response.status_code == 400
    assert message in json.dumps(response.json()[field], ensure_ascii=False)


def test_values_are_paginated(region):
    response = api(region.viewer).get(VALUES, {"page_size": 5, "indicator": RUNNING})
    body = response.json()
    assert len(body["results"]) == 5 and body["count"] == 3 * 4
    assert "page=2" in body["next"]


def test_only_viewers_read_the_indicators(region):
    for user in (region.professional, user_in(OrganisationFactory(), Role.PRIVACY_OFFICER)):
        for url in (DEFINITIONS, VALUES):
            assert api(user).get(url).status_code == 403
    assert APIClient().get(VALUES).status_code in (401, 403)
    admin = user_in(OrganisationFactory(), Role.FUNCTIONAL_ADMIN)
    assert api(admin).get(VALUES).status_code == 200


def test_no_response_holds_anything_about_a_person(region):
    client = api(region.viewer)
    text = client.get(VALUES, {"page_size": 100}).content.decode()
    text += client.get(DEFINITIONS, {"page_size": 100}).content.decode()
    for value in (*PERSONAL, str(region.case.uuid), str(region.case.household.uuid)):
        assert value not in text, value


def test_a_regions_median_does_not_reveal_a_suppressed_members_count(region):
    """Grootstad's median is over 5 first contacts, Kleindorp's over 2 (suppressed). The region's
    median is computed over all 7; its base count would give Kleindorp's 2 away by subtraction."""
    intake = timezone.make_aware(
        datetime.datetime.combine(QUARTER.start + datetime.timedelta(days=20), datetime.time(9))
    )
    for municipality, count in ((region.big, 5), (region.small, 2)):
        for _ in range(count):
            case = open_case(municipality)
            Case.objects.filter(pk=case.pk).update(
                opened_at=intake - datetime.timedelta(days=10), intake_started_at=intake
            )
    rows = values(region.viewer, indicator="dagen_tot_eerste_contact", period=QUARTER.label)
    assert cell(rows, municipality="Grootstad")["denominator"] == 5.0
    assert cell(rows, municipality="Kleindorp")["suppressed"] is True
    pooled = cell(rows, group=f"regio-{region.big.region.uuid}")
    assert pooled["value"] == 10.0  # the median over the region's cases
    assert pooled["denominator"] is None
