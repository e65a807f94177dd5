"""API v1 for provisions: the catalogue, contracts and mandates for everyone logged in; decisions
under the decision rule with every read logged; budgets for the municipality, without persons."""

import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from rest_framework.authtoken.models import Token
from rest_framework.test import APIClient

from eenplan.privacy.models import AccessLogEntry
from eenplan.provisions.constants import BudgetDomain, DecisionStatus
from eenplan.provisions.models import Allocation, BudgetShift
from eenplan.provisions.services import budget_set
from eenplan.provisions.tests.factories import DecisionFactory
from eenplan.tenancy.constants import OrganisationType, Role
from eenplan.tenancy.tests.factories import (
    MunicipalityFactory,
    OrganisationFactory,
    RegionFactory,
    user_in,
)

pytestmark = pytest.mark.django_db

DECISIONS = reverse("api:decision-list")
BUDGET = reverse("api:budget")
YEAR = 2026


def api(user=None) -> APIClient:
    client = APIClient()
    if user is not None:
        token, _ = Token.objects.get_or_create(user=user)
        client.credentials(HTTP_AUTHORIZATION=f"Token {token.key}")
    return client


def _person(setting):
    return setting.case.household.members.order_by("pk").first()


def _request(setting, **changes) -> dict:
    body = {
        "case": str(setting.case.uuid),
        "person": str(_person(setting).uuid),
        "product": str(setting.stairlift.uuid),
        "provider": str(setting.provider.uuid),
        "volume": 1,
        "start_date": "2026-03-01",
        "end_date": "2026-12-31",
        "motivation": "Mevrouw kan de trap niet meer op; zo kan zij thuis blijven wonen.",
        "goal": str(setting.goal.uuid),
    }
    body.update(changes)
    return body


def _post(setting, user=None, **changes):
    return api(user or setting.team_member).post(DECISIONS, _request(setting, **changes), "json")


def _action(name: str, decision: dict) -> str:
    return reverse(f"api:decision-{name}", args=[decision["uuid"]])


def _policy_officer(setting):
    organisation = OrganisationFactory(name="Beleid", type=OrganisationType.MUNICIPALITY)
    organisation.municipalities.add(setting.municipality)
    return user_in(organisation, Role.POLICY_OFFICER, username="beleid")


@pytest.fixture
def budget(setting):
    return budget_set(
        actor=setting.officer,
        municipality=setting.municipality,
        year=YEAR,
        allocations={BudgetDomain.WMO: 1_000_000, BudgetDomain.YOUTH: 3_000_000},
    )


# --- catalogue, contracts, mandates -------------------------------------------------------------


def test_products_are_listed_per_municipality(setting):
    other = MunicipalityFactory(name="Elders", region=RegionFactory(name="Elders"))
    client = api(setting.team_member)

    mine = client.get(reverse("api:product-list"), {"municipality": setting.municipality.uuid})
    elsewhere = client.get(reverse("api:product-list"), {"municipality": other.uuid})

    assert mine.status_code == 200
    product = mine.json()["results"][0]
    assert product["uuid"] == str(setting.stairlift.uuid)
    assert product["category"] == "13"
    assert product["unit_display"] == "stuks (output)"
    assert elsewhere.json()["count"] == 0


def test_an_unknown_municipality_is_a_dutch_400(setting):
    response = api(setting.team_member).get(
        reverse("api:product-list"), {"municipality": "00000000-0000-0000-0000-000000000000"}
    )
    assert response.status_code == 400
    assert response.json() == {"municipality": ["Onbekende gemeente."]}


def test_the_catalogue_needs_a_login(setting):
    assert api().get(reverse("api:product-list")).status_code in (401, 403)


def test_contracts_show_their_tariffs_and_municipalities(setting):
    response = api(setting.team_member).get(
        reverse("api:contract-list"), {"region": setting.municipality.region.uuid}
    )

    (contract,) = response.json()["results"]
    assert contract["provider"]["name"] == "Trapliften Noord"
    assert contract["municipalities"][0]["uuid"] == str(setting.municipality.uuid)
    assert contract["lines"] == [
        {
            "product": {
                "uuid": str(setting.stairlift.uuid),
                "name": "Traplift",
                "category": "13",
                "code": setting.stairlift.code,
            },
            "tariff_cents": 400_000,
            "unit_display": "stuks (output)",
        }
    ]


def test_mandates_per_municipality(setting):
    response = api(setting.officer).get(
        reverse("api:mandate-list"), {"municipality": setting.municipality.uuid}
    )

    (mandate,) = response.json()["results"]
    assert mandate["name"] == "Wijkteam Wmo"
    assert mandate["max_per_decision_cents"] == 500_000
    assert mandate["products"][0]["uuid"] == str(setting.stairlift.uuid)


# --- decisions ----------------------------------------------------------------------------------


def test_a_request_within_mandate_is_granted(setting):
    response = _post(setting)

    assert response.status_code == 201
    decision = response.json()
    assert decision["status"] == DecisionStatus.GRANTED
    assert decision["route"] == "mandaat"
    assert decision["amount_cents"] == 400_000
    assert decision["beyond_mandate"] == []
    assert decision["goal"]["title"] == "Veilig de trap op"
    assert decision["person"]["uuid"] == str(_person(setting).uuid)
    assert decision["mandate"]["name"] == "Wijkteam Wmo"


def test_a_request_beyond_mandate_waits_with_its_reasons(setting):
    response = _post(setting, volume=2)

    decision = response.json()
    assert response.status_code == 201
    assert decision["status"] == DecisionStatus.REQUESTED
    assert decision["route"] == "consulent"
    assert decision["decided_by"] is None
    assert any("per besluit" in reason for reason in decision["beyond_mandate"])


def test_the_officer_finds_the_request_and_approves_it(setting):
    requested = _post(setting, volume=2).json()
    officer = api(setting.officer)

    waiting = officer.get(DECISIONS, {"awaiting": "true"}).json()
    response = officer.post(_action("approve", requested), {"reason": "Geen alternatief."}, "json")

    assert [item["uuid"] for item in waiting["results"]] == [requested["uuid"]]
    assert response.status_code == 200
    assert response.json()["status"] == DecisionStatus.GRANTED
    assert response.json()["decision_reason"] == "Geen alternatief."
    assert response.json()["decided_by"]["uuid"] == str(setting.officer.uuid)


def test_the_team_may_not_approve_beyond_its_mandate(setting):
    requested = _post(setting, volume=2).json()

    response = api(setting.team_member).post(_action("approve", requested), {}, "json")

    assert response.status_code == 403
    assert "consulent" in response.json()["detail"]


def test_a_refusal_needs_a_reason_in_dutch(setting):
    requested = _post(setting, volume=2).json()
    officer = api(setting.officer)

    empty = officer.post(_action("refuse", requested), {"reason": " "}, "json")
    refused = officer.post(_action("refuse", requested), {"reason": "Voorliggend."}, "json")

    assert empty.status_code == 400
    assert empty.json() == {"reason": ["Schrijf op waarom de aanvraag wordt afgewezen."]}
    assert refused.json()["status"] == DecisionStatus.REFUSED


def test_the_requester_ends_a_provision(setting):
    granted = _post(setting).json()

    response = api(setting.team_member).post(
        _action("end", granted), {"ended_on": "2026-06-30", "reason": "Verhuisd."}, "json"
    )
    again = api(setting.team_member).post(
        _action("end", granted), {"ended_on": "2026-06-30", "reason": "Verhuisd."}, "json"
    )

    assert response.status_code == 200
    assert response.json()["status"] == DecisionStatus.ENDED
    assert response.json()["ended_on"] == "2026-06-30"
    assert again.status_code == 400
    assert again.json() == {"non_field_errors": ["Dit besluit is al beëindigd."]}


@pytest.mark.parametrize(
    ("changes", "field", "message"),
    [
        ({"end_date": "2026-02-01"}, "end_date", "De einddatum ligt voor de ingangsdatum."),
        ({"motivation": ""}, "motivation", "Schrijf op waarom deze voorziening nodig is."),
        ({"product": "00000000-0000-0000-0000-000000000000"}, "product", "Onbekend product."),
        ({"goal": "00000000-0000-0000-0000-000000000000"}, "goal", "Onbekend doel"),
        ({"end_date": "2027-12-31"}, None, None),  # beyond the mandate's 12 months: a request
    ],
)
def test_invalid_requests_are_400_in_dutch(setting, changes, field, message):
    response = _post(setting, **changes)

    if field is None:
        assert response.status_code == 201
        assert response.json()["status"] == DecisionStatus.REQUESTED
        return
    assert response.status_code == 400
    assert message in response.json()[field][0]


def test_a_provider_without_a_contract_is_refused(setting):
    other = OrganisationFactory(name="Zonder contract", agb_code="75999999")

    response = _post(setting, provider=str(other.uuid))

    assert response.status_code == 400
    assert "geen contract" in response.json()["provider"][0]


def test_the_list_needs_a_case_or_the_queue(setting):
    response = api(setting.team_member).get(DECISIONS)

    assert response.status_code == 400
    assert "awaiting=true" in response.json()["non_field_errors"][0]


def test_decisions_of_a_case_are_listed_and_logged(setting):
    granted = _post(setting).json()
    AccessLogEntry.objects.all().delete()

    response = api(setting.team_member).get(DECISIONS, {"case": setting.case.uuid})
    detail = api(setting.team_member).get(_action("detail", granted))

    assert [item["uuid"] for item in response.json()["results"]] == [granted["uuid"]]
    assert detail.json()["reference"].startswith("B")
    logged = AccessLogEntry.objects.order_by("pk")
    assert [entry.name for entry in logged] == [
        "voorzieningen van een huishouden inzien",
        "besluit inzien",
    ]
    assert {entry.person_uuid for entry in logged} == {_person(setting).uuid}
    assert {entry.actor_username for entry in logged} == {"wijkteam"}


def test_an_outsider_sees_nothing(setting, outsider):
    granted = _post(setting).json()
    AccessLogEntry.objects.all().delete()
    client = api(outsider)

    assert client.get(_action("detail", granted)).status_code == 404
    assert client.get(DECISIONS, {"case": setting.case.uuid}).json()["count"] == 0
    assert client.post(_action("end", granted), {}, "json").status_code == 404
    created = client.post(DECISIONS, _request(setting), "json")
    assert created.status_code == 400
    assert created.json() == {"case": ["Onbekende casus."]}
    assert not AccessLogEntry.objects.exists()


def test_a_policy_officer_gets_nothing_from_decisions(setting):
    granted = _post(setting, volume=2).json()
    client = api(_policy_officer(setting))

    assert client.get(_action("detail", granted)).status_code == 404
    assert client.get(DECISIONS, {"case": setting.case.uuid}).json()["count"] == 0
    assert client.get(DECISIONS, {"awaiting": "true"}).json()["count"] == 0


def test_listing_decisions_takes_a_fixed_number_of_queries(setting):
    client = api(setting.team_member)
    _post(setting)

    def count() -> int:
        with CaptureQueriesContext(connection) as queries:
            assert client.get(DECISIONS, {"case": setting.case.uuid}).status_code == 200
        return len(queries)

    one = count()
    for _ in range(4):
        _post(setting, start_date="2027-01-01", end_date="2027-02-28")
    assert count() == one


# --- budgets ------------------------------------------------------------------------------------


def test_a_policy_officer_sees_the_budget_without_persons(setting, budget):
    DecisionFactory(
        case=setting.case,
        product=setting.stairlift,
        start_date=datetime.date(YEAR, 1, 1),
        end_date=datetime.date(YEAR, 12, 31),
        amount_cents=365_000,
        tariff_cents=365_000,
    )
    AccessLogEntry.objects.all().delete()

    response = api(_policy_officer(setting)).get(
        BUDGET, {"municipality": setting.municipality.uuid, "year": YEAR}
    )

    assert response.status_code == 200
    data = response.json()
    assert data["is_set"] is True
    wmo = next(line for line in data["lines"] if line["domain"] == "wmo")
    assert wmo["allocated_cents"] == 1_000_000
    assert wmo["committed_cents"] == 365_000
    assert data["total"]["domain"] is None
    assert data["total"]["allocated_cents"] == 4_000_000
    assert len(data["committed_by_month"]) == 12
    assert data["committed_by_month"][-1] == 365_000
    assert data["within_mandate"] == 1
    person = _person(setting)
    assert person.surname not in response.content.decode()
    assert str(person.uuid) not in response.content.decode()
    assert not AccessLogEntry.objects.exists()


def test_the_budget_is_403_for_a_team_member(setting, budget):
    response = api(setting.team_member).get(BUDGET, {"municipality": setting.municipality.uuid})
    assert response.status_code == 403


def test_the_officer_shifts_money_between_domains(setting, budget):
    url = reverse("api:budget-shift", args=[setting.municipality.uuid, YEAR])
    body = {"from_domain": "jeugd", "to_domain": "wmo", "amount_cents": 500_000, "reason": "Wmo"}

    response = api(setting.officer).post(url, body, "json")

    assert response.status_code == 201
    lines = {line["domain"]: line["allocated_cents"] for line in response.json()["lines"]}
    assert lines["jeugd"] == 2_500_000
    assert lines["wmo"] == 1_500_000
    assert response.json()["shifts"][0]["amount_cents"] == 500_000
    assert BudgetShift.objects.get().shifted_by == setting.officer


@pytest.mark.parametrize(
    ("body", "status", "field", "message"),
    [
        ({"amount_cents": 9_000_000}, 400, "amount_cents", "Er staat maar € 30.000,00"),
        ({"to_domain": "jeugd"}, 400, "non_field_errors", "twee verschillende domeinen"),
        ({"reason": ""}, 400, "reason", "Schrijf op waarom het geld verschuift."),
        ({"to_domain": "onbekend"}, 400, "to_domain", "ongeldige keuze"),
    ],
)
def test_a_wrong_shift_is_400_in_dutch(setting, budget, body, status, field, message):
    url = reverse("api:budget-shift", args=[setting.municipality.uuid, YEAR])
    shift = {"from_domain": "jeugd", "to_domain": "wmo", "amount_cents": 100, "reason": "Wmo"}

    response = api(setting.officer).post(url, {**shift, **body}, "json")

    assert response.status_code == status
    assert message in response.json()[field][0]
    assert Allocation.objects.get(budget=budget, domain="jeugd").amount_cents == 3_000_000


def test_shifting_needs_the_municipality_and_an_existing_budget(setting, budget, outsider):
    body = {"from_domain": "jeugd", "to_domain": "wmo", "amount_cents": 100, "reason": "Wmo"}
    shift = reverse("api:budget-shift", args=[setting.municipality.uuid, YEAR])
    no_budget = reverse("api:budget-shift", args=[setting.municipality.uuid, YEAR + 1])

    assert api(outsider).post(shift, body, "json").status_code == 403
    assert api(setting.officer).post(no_budget, body, "json").status_code == 404
