"""The provisions pages through the Django test client: requesting from the case, within mandate
and beyond it, the officer's queue and decision, ending a provision, who sees what, the
catalogue, and fixed query counts."""

import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from eenplan.cases.constants import TimelineEventKind
from eenplan.cases.models import TimelineEvent
from eenplan.cases.tests.factories import InvolvementFactory
from eenplan.cases.tests.test_views_layout import assert_accessible_page
from eenplan.complaints.deadlines import objection_period_end
from eenplan.provisions.constants import DecisionStatus, Route
from eenplan.provisions.models import Decision, Mandate, Product
from eenplan.provisions.services import Terms, decision_request
from eenplan.provisions.tests.factories import DecisionFactory
from eenplan.tenancy.constants import OrganisationType, Role
from eenplan.tenancy.tests.factories import MunicipalityFactory, OrganisationFactory, user_in

pytestmark = pytest.mark.django_db

MOTIVATION = "Mevrouw kan de trap niet meer op. Met een traplift blijft zij thuis wonen."


def _first(setting):
    return setting.case.household.members.order_by("pk").first()


def _form(setting, **changes) -> dict:
    data = {
        "person": str(_first(setting).uuid),
        "goal": str(setting.goal.uuid),
        "offer": f"{setting.stairlift.uuid}.{setting.provider.uuid}",
        "volume": "1",
        "frequency": "",
        "start_date": "01-03-2026",
        "end_date": "31-12-2026",
        "motivation": MOTIVATION,
    }
    return data | changes


def _request_url(setting) -> str:
    return reverse("provisions:request", args=[setting.case.uuid])


def _case_url(setting) -> str:
    return reverse("provisions:case", args=[setting.case.uuid])


def _detail_url(decision) -> str:
    return reverse("provisions:detail", args=[decision.uuid])


def _beyond_mandate(setting):
    setting.mandate.max_per_decision_cents = 100_000
    setting.mandate.save()


def _requested(setting) -> Decision:
    return decision_request(
        actor=setting.team_member,
        case=setting.case,
        person=_first(setting),
        terms=Terms(
            product=setting.stairlift,
            provider=setting.provider,
            volume=1,
            start_date=datetime.date(2026, 3, 1),
            end_date=datetime.date(2026, 12, 31),
        ),
        motivation=MOTIVATION,
        goal=setting.goal,
    )


# ---------------------------------------------------------------------------- requesting


def test_the_form_offers_members_goals_and_contracted_providers(client, setting):
    client.force_login(setting.team_member)
    response = client.get(_request_url(setting))
    assert response.status_code == 200
    page = response.content.decode()
    assert_accessible_page(page)
    assert _first(setting).full_name in page
    assert "Veilig de trap op" in page
    assert "Traplift — Trapliften Noord (€ 4.000,00 per stuk)" in page


def test_a_grant_within_mandate_from_the_page(client, setting):
    client.force_login(setting.team_member)
    response = client.post(_request_url(setting), _form(setting), follow=True)

    decision = Decision.objects.get()
    assert decision.status == DecisionStatus.GRANTED
    assert decision.route == Route.MANDATE
    assert decision.goal == setting.goal and decision.amount_cents == 400_000
    assert response.redirect_chain[-1][0] == _detail_url(decision)
    page = response.content.decode()
    assert_accessible_page(page)
    assert "Toegekend binnen uw mandaat" in page
    assert reverse("provisions:letter", args=[decision.uuid]) in page

    case_page = client.get(_case_url(setting)).content.decode()
    assert_accessible_page(case_page)
    assert _detail_url(decision) in case_page
    assert "€ 4.000,00" in case_page and "Binnen mandaat van het team" in case_page

    household = reverse("people:household", args=[setting.case.household.uuid])
    household_page = client.get(household).content.decode()
    assert "toegekend binnen mandaat" in household_page
    assert _case_url(setting) in household_page and _request_url(setting) in household_page


def test_a_service_error_lands_on_the_form_and_nothing_is_lost(client, setting):
    today = timezone.localdate()
    setting.contract.valid_until = today + datetime.timedelta(days=10)
    setting.contract.save()
    end = today + datetime.timedelta(days=60)
    client.force_login(setting.team_member)
    response = client.post(
        _request_url(setting),
        _form(setting, start_date=f"{today:%d-%m-%Y}", end_date=f"{end:%d-%m-%Y}"),
    )
    assert response.status_code == 400
    page = response.content.decode()
    assert "Het contract loopt tot en met" in page and "Fout:" in page
    assert MOTIVATION in page and f'value="{end:%d-%m-%Y}"' in page
    assert not Decision.objects.exists()


def test_an_unknown_offer_is_a_form_error(client, setting):
    client.force_login(setting.team_member)
    response = client.post(_request_url(setting), _form(setting, offer="iets-anders"))
    assert response.status_code == 400
    assert "Kies een voorziening uit de lijst." in response.content.decode()


def test_a_larger_request_goes_to_the_officers_queue(client, setting):
    _beyond_mandate(setting)
    client.force_login(setting.team_member)
    page = client.post(_request_url(setting), _form(setting), follow=True).content.decode()
    decision = Decision.objects.get()
    assert decision.status == DecisionStatus.REQUESTED
    assert "naar een consulent van de gemeente gestuurd" in page
    assert "€ 1.000,00 per besluit" in page
    assert client.get(reverse("provisions:awaiting")).status_code == 403

    client.force_login(setting.officer)
    queue = client.get(reverse("provisions:awaiting"))
    assert queue.status_code == 200
    text = queue.content.decode()
    assert_accessible_page(text)
    assert _detail_url(decision) in text
    assert "€ 4.000,00" in text and "€ 1.000,00 per besluit" in text
    assert "Aanvragen boven mandaat" in text  # the menu item


def test_the_officer_approves(client, setting):
    _beyond_mandate(setting)
    decision = _requested(setting)
    client.force_login(setting.officer)
    detail = client.get(_detail_url(decision)).content.decode()
    assert_accessible_page(detail)
    assert "Beslissen over deze aanvraag" in detail

    response = client.post(
        reverse("provisions:approve", args=[decision.uuid]),
        {"toekennen-reason": "Geen goedkoper alternatief."},
    )
    assert response.status_code == 302
    decision.refresh_from_db()
    assert decision.status == DecisionStatus.GRANTED
    assert decision.decided_by == setting.officer
    assert TimelineEvent.objects.filter(
        case=setting.case, kind=TimelineEventKind.DECISION_GRANTED
    ).exists()


def test_the_officer_refuses_with_a_reason(client, setting):
    _beyond_mandate(setting)
    decision = _requested(setting)
    client.force_login(setting.officer)
    url = reverse("provisions:refuse", args=[decision.uuid])

    empty = client.post(url, {"afwijzen-reason": "  "})
    assert empty.status_code == 400
    assert "Fout:" in empty.content.decode()
    decision.refresh_from_db()
    assert decision.status == DecisionStatus.REQUESTED

    page = client.post(url, {"afwijzen-reason": "Een douchestoel volstaat."}, follow=True)
    decision.refresh_from_db()
    assert decision.status == DecisionStatus.REFUSED
    text = page.content.decode()
    deadline = objection_period_end(timezone.localdate(decision.decided_at))
    assert "Bezwaar mogelijk tot en met" in text
    assert f"college van burgemeester en wethouders van {setting.municipality.name}" in text
    assert f"{deadline.day} " in text and str(deadline.year) in text
    assert TimelineEvent.objects.filter(
        case=setting.case, kind=TimelineEventKind.DECISION_REFUSED
    ).exists()


def test_the_team_member_cannot_decide_beyond_mandate(client, setting):
    _beyond_mandate(setting)
    decision = _requested(setting)
    client.force_login(setting.team_member)
    assert "Beslissen over deze aanvraag" not in client.get(_detail_url(decision)).content.decode()
    response = client.post(reverse("provisions:approve", args=[decision.uuid]), {})
    assert response.status_code == 403
    decision.refresh_from_db()
    assert decision.status == DecisionStatus.REQUESTED


def test_the_requester_ends_a_provision_early(client, setting):
    decision = _requested(setting)
    client.force_login(setting.team_member)
    url = reverse("provisions:end", args=[decision.uuid])
    outside = client.post(url, {"beeindigen-ended_on": "01-01-2027", "beeindigen-reason": "Weg"})
    assert outside.status_code == 400
    page = client.post(
        url,
        {"beeindigen-ended_on": "30-06-2026", "beeindigen-reason": "Mevrouw is verhuisd."},
        follow=True,
    ).content.decode()
    decision.refresh_from_db()
    assert decision.status == DecisionStatus.ENDED
    assert decision.ended_on == datetime.date(2026, 6, 30)
    assert "Bezwaar mogelijk tot en met" in page


# ---------------------------------------------------------------------------- who sees what


def test_an_outsider_gets_404_everywhere(client, setting, outsider):
    decision = _requested(setting)
    client.force_login(outsider)
    for url in (
        _case_url(setting),
        _request_url(setting),
        _detail_url(decision),
        reverse("provisions:letter", args=[decision.uuid]),
    ):
        assert client.get(url).status_code == 404, url
    assert client.post(_request_url(setting), _form(setting)).status_code == 404
    assert Decision.objects.count() == 1


def test_an_officer_of_another_municipality_gets_404(client, setting):
    _beyond_mandate(setting)
    decision = _requested(setting)
    elsewhere = OrganisationFactory(name="Gemeente elders", type=OrganisationType.MUNICIPALITY)
    elsewhere.municipalities.add(MunicipalityFactory(region=setting.municipality.region))
    stranger = user_in(elsewhere, Role.MUNICIPAL_OFFICER, username="elders")
    client.force_login(stranger)
    assert client.get(_detail_url(decision)).status_code == 404
    assert client.post(reverse("provisions:approve", args=[decision.uuid]), {}).status_code == 404
    assert decision.uuid.hex not in client.get(reverse("provisions:awaiting")).content.decode()
    decision.refresh_from_db()
    assert decision.status == DecisionStatus.REQUESTED


def test_a_policy_officer_sees_the_budget_but_not_decisions(client, setting):
    decision = _requested(setting)
    municipal = OrganisationFactory(name="Gemeente beleid", type=OrganisationType.MUNICIPALITY)
    municipal.municipalities.add(setting.municipality)
    policy_officer = user_in(municipal, Role.POLICY_OFFICER, username="beleid")
    client.force_login(policy_officer)
    budget = reverse("provisions:budget-year", args=[setting.municipality.uuid, 2026])
    assert client.get(budget).status_code == 200
    assert client.get(_detail_url(decision)).status_code == 404
    assert client.get(_case_url(setting)).status_code == 404
    assert client.get(reverse("provisions:awaiting")).status_code == 403


def test_an_organisation_without_plan_consent_sees_no_decisions(client, setting):
    decision = _requested(setting)
    organisation = OrganisationFactory(name="Alleen bekend")
    InvolvementFactory(case=setting.case, organisation=organisation, consent=False)
    client.force_login(user_in(organisation, Role.PROFESSIONAL, username="bekend"))
    response = client.get(_case_url(setting))
    assert response.status_code == 200
    page = response.content.decode()
    assert "mag de voorzieningen van dit huishouden niet zien" in page
    assert _detail_url(decision) not in page and _request_url(setting) not in page
    assert client.get(_request_url(setting)).status_code == 403
    assert client.get(_detail_url(decision)).status_code == 404


def test_a_waiting_request_has_no_letter(client, setting):
    _beyond_mandate(setting)
    decision = _requested(setting)
    client.force_login(setting.team_member)
    assert client.get(reverse("provisions:letter", args=[decision.uuid])).status_code == 404


def test_the_case_page_has_a_fixed_number_of_queries(client, setting):
    client.force_login(setting.team_member)
    _requested(setting)
    with CaptureQueriesContext(connection) as one:
        assert client.get(_case_url(setting)).status_code == 200
    for _ in range(5):
        DecisionFactory(
            case=setting.case,
            product=setting.stairlift,
            provider=setting.provider,
            goal=setting.goal,
            requested_by=setting.team_member,
            requested_by_organisation=setting.team,
        )
    with CaptureQueriesContext(connection) as six:
        page = client.get(_case_url(setting)).content.decode()
    assert all(_detail_url(decision) in page for decision in Decision.objects.all())
    assert len(six.captured_queries) <= len(one.captured_queries)


# ---------------------------------------------------------------------------- the catalogue


def test_professionals_see_the_catalogue(client, setting):
    client.force_login(setting.team_member)
    response = client.get(reverse("provisions:catalogue"))
    assert response.status_code == 200
    page = response.content.decode()
    assert_accessible_page(page)
    assert "iWmo 13 Woonvoorzieningen" in page
    assert "Traplift: € 4.000,00 per stuk" in page
    assert setting.mandate.name in page and "€ 5.000,00" in page
    assert "Product toevoegen" not in page
    assert client.post(reverse("provisions:product-new"), {}).status_code == 403


def test_a_functional_admin_adds_a_product_and_a_mandate(client, setting):
    municipal = OrganisationFactory(name="Gemeente beheer", type=OrganisationType.MUNICIPALITY)
    municipal.municipalities.add(setting.municipality)
    admin = user_in(municipal, Role.FUNCTIONAL_ADMIN, username="beheerder")
    client.force_login(admin)
    assert "Product toevoegen" in client.get(reverse("provisions:catalogue")).content.decode()

    response = client.post(
        reverse("provisions:product-new"),
        {
            "product-region": str(setting.municipality.region.uuid),
            "product-name": "Schuldhulp budgetcoaching",
            "product-standard": "",
            "product-category": "",
            "product-unit": "04",
            "product-frequency": "2",
            "product-legal_basis": "wgs",
            "product-budget_domain": "schuldhulp",
            "product-list_price": "65,50",
        },
    )
    assert response.status_code == 302
    product = Product.objects.get(name="Schuldhulp budgetcoaching")
    assert product.list_price_cents == 6_550

    response = client.post(
        reverse("provisions:mandate-new"),
        {
            "mandaat-municipality": str(setting.municipality.uuid),
            "mandaat-name": "Wijkteam schuldhulp",
            "mandaat-role": Role.NEIGHBOURHOOD_TEAM_PROFESSIONAL,
            "mandaat-organisation": "",
            "mandaat-products": [str(product.uuid)],
            "mandaat-max_per_decision": "1.500",
            "mandaat-max_per_year": "3.000,00",
            "mandaat-max_months": "6",
        },
    )
    assert response.status_code == 302
    mandate = Mandate.objects.get(name="Wijkteam schuldhulp")
    assert mandate.max_per_decision_cents == 150_000
    assert mandate.max_per_year_cents == 300_000
    assert list(mandate.products.all()) == [product]


def test_a_mandate_with_a_year_maximum_below_the_decision_maximum_is_refused(client, setting):
    municipal = OrganisationFactory(name="Gemeente beheer", type=OrganisationType.MUNICIPALITY)
    municipal.municipalities.add(setting.municipality)
    client.force_login(user_in(municipal, Role.FUNCTIONAL_ADMIN, username="beheerder"))
    response = client.post(
        reverse("provisions:mandate-new"),
        {
            "mandaat-municipality": str(setting.municipality.uuid),
            "mandaat-name": "Te krap",
            "mandaat-role": Role.NEIGHBOURHOOD_TEAM_PROFESSIONAL,
            "mandaat-products": [str(setting.stairlift.uuid)],
            "mandaat-max_per_decision": "5000",
            "mandaat-max_per_year": "1000",
            "mandaat-max_months": "6",
        },
    )
    assert response.status_code == 400
    assert "jaarmaximum is lager" in response.content.decode()
    assert not Mandate.objects.filter(name="Te krap").exists()
