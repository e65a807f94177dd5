"""Municipalities and organisations: readable by any authenticated user; pages and 404s."""

import uuid

import pytest
from django.urls import reverse

from eenplan.tenancy.constants import OrganisationType
from eenplan.tenancy.tests.factories import MunicipalityFactory, OrganisationFactory

pytestmark = pytest.mark.django_db


def test_municipalities_list_and_detail(client_for, outsider):
    municipality = MunicipalityFactory(name="Eemsdelta", cbs_code="GM1979")
    client = client_for(outsider)

    listing = client.get(reverse("api:municipality-list")).json()
    detail = client.get(reverse("api:municipality-detail", args=[municipality.uuid]))

    assert listing["count"] == 1
    assert listing["next"] is None and listing["previous"] is None
    assert listing["results"][0]["uuid"] == str(municipality.uuid)
    assert detail.status_code == 200
    assert detail.json()["cbs_code"] == "GM1979"
    assert detail.json()["region"]["name"] == municipality.region.name


def test_organisation_shows_type_codes_and_municipalities(client_for, outsider):
    municipality = MunicipalityFactory()
    organisation = OrganisationFactory(
        name="Lentis",
        type=OrganisationType.MENTAL_HEALTH,
        kvk_number="12345678",
        agb_code="87654321",
    )
    organisation.municipalities.add(municipality)

    response = client_for(outsider).get(
        reverse("api:organisation-detail", args=[organisation.uuid])
    )

    assert response.status_code == 200
    data = response.json()
    assert data["type"] == "ggz"
    assert data["kvk_number"] == "12345678"
    assert data["agb_code"] == "87654321"
    assert data["municipalities"] == [str(municipality.uuid)]


def test_organisations_list_pages(client_for, outsider):
    for _ in range(4):
        OrganisationFactory()
    client = client_for(outsider)
    url = reverse("api:organisation-list")

    first = client.get(url, {"page_size": 2}).json()
    last = client.get(url, {"page_size": 2, "page": 3}).json()

    # 4 organisations + the outsider's own organisation
    assert first["count"] == 5
    assert len(first["results"]) == 2
    assert "page=2" in first["next"] and first["previous"] is None
    assert len(last["results"]) == 1
    assert last["next"] is None and "page=2" in last["previous"]


@pytest.mark.parametrize(
    "params, field",
    [({"page": "nul"}, "page"), ({"page": 0}, "page"), ({"page_size": 1000}, "page_size")],
)
def test_invalid_page_parameters_are_400(client_for, outsider, params, field):
    response = client_for(outsider).get(reverse("api:municipality-list"), params)

    assert response.status_code == 400
    assert field in response.json()


def test_unknown_municipality_is_404(client_for, outsider):
    response = client_for(outsider).get(reverse("api:municipality-detail", args=[uuid.uuid4()]))

    assert response.status_code == 404
    assert "detail" in response.json()
