"""'Mijn casussen' and the status change, through the Django test client."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from eenplan.cases.constants import CaseStatus, ClosingReason, TimelineEventKind
from eenplan.cases.models import Case, TimelineEvent
from eenplan.cases.tests.factories import CaseFactory, InvolvementFactory
from eenplan.privacy.constants import Action
from eenplan.privacy.models import AccessLogEntry
from eenplan.tenancy.constants import Role
from eenplan.tenancy.tests.factories import MunicipalityFactory, OrganisationFactory, user_in

pytestmark = pytest.mark.django_db

MY_CASES = reverse("cases:my-cases")


def _transition_url(case: Case) -> str:
    return reverse("cases:transition", kwargs={"case_uuid": case.uuid})


def _household_url(case: Case) -> str:
    return reverse("people:household", kwargs={"household_uuid": case.household.uuid})


# ---------------------------------------------------------------------------- my cases


def test_my_cases_requires_login(client):
    response = client.get(MY_CASES)
    assert response.status_code == 302
    assert response.url.startswith(reverse("login"))


def test_my_cases_shows_case_to_involved_professional(client, case, professional):
    client.force_login(professional)
    response = client.get(MY_CASES)
    assert response.status_code == 200
    content = response.content.decode()
    assert "1 casus<" in content
    assert case.reference in content
    assert case.household.name in content
    assert case.household.municipality.name in content
    assert _household_url(case) in content


def test_my_cases_logs_the_listed_contact_person(client, case, professional):
    client.force_login(professional)
    client.get(MY_CASES)
    contact = case.household.memberships.get(is_contact=True).person
    entry = AccessLogEntry.objects.get()
    assert (entry.person_uuid, entry.actor, entry.action) == (
        contact.uuid,
        professional,
        Action.READ,
    )


def test_my_cases_shows_nothing_to_outsider(client, case, outsider):
    client.force_login(outsider)
    response = client.get(MY_CASES)
    assert response.status_code == 200
    content = response.content.decode()
    assert "0 casussen" in content
    assert case.reference not in content
    assert case.household.name not in content
    assert not AccessLogEntry.objects.exists()


@pytest.mark.parametrize(
    ("status", "shown"), [(CaseStatus.INTAKE, True), (CaseStatus.PLAN, False), ("", True)]
)
def test_my_cases_filters_on_status(client, case, professional, status, shown):
    client.force_login(professional)
    response = client.get(MY_CASES, {"status": status})
    assert response.status_code == 200
    assert (case.reference in response.content.decode()) is shown


def test_my_cases_filters_on_municipality(client, case, professional):
    client.force_login(professional)
    other = MunicipalityFactory()
    own = client.get(MY_CASES, {"municipality": case.household.municipality.uuid})
    elsewhere = client.get(MY_CASES, {"municipality": other.uuid})
    assert case.reference in own.content.decode()
    assert case.reference not in elsewhere.content.decode()
    assert "0 casussen" in elsewhere.content.decode()


def test_my_cases_filters_on_own_coordination(client, case, professional):
    client.force_login(professional)
    assert "0 casussen" in client.get(MY_CASES, {"mine": "on"}).content.decode()
    case.coordinator, case.coordinator_organisation = (
        professional,
        case.involvements.get().organisation,
    )
    case.save()
    assert case.reference in client.get(MY_CASES, {"mine": "on"}).content.decode()


@pytest.mark.parametrize(
    ("params", "message"),
    [
        ({"status": "bestaat-niet"}, "Kies een status uit de lijst."),
        ({"municipality": "geen-uuid"}, "Kies een gemeente uit de lijst."),
        ({"municipality": "6f1c1c52-0000-4000-8000-000000000000"}, "Kies een gemeente"),
    ],
)
def test_my_cases_invalid_filter_shows_error_not_500(client, case, professional, params, message):
    client.force_login(professional)
    response = client.get(MY_CASES, params)
    assert response.status_code == 200
    content = response.content.decode()
    assert "Er is iets niet goed ingevuld" in content
    assert message in content
    assert 'aria-invalid="true"' in content
    assert case.reference not in content


@pytest.mark.parametrize("page", ["abc", "-3", "0", "99999999999999999999999"])
def test_my_cases_odd_page_numbers_do_not_fail(client, case, professional, page):
    client.force_login(professional)
    response = client.get(MY_CASES, {"page": page})
    assert response.status_code == 200


def test_my_cases_paginates(client, involved_org, professional):
    for _ in range(27):
        InvolvementFactory(case=CaseFactory(), organisation=involved_org)
    client.force_login(professional)
    first = client.get(MY_CASES, {"status": CaseStatus.INTAKE}).content.decode()
    assert "27 casussen" in first
    assert "Pagina 1 van 2" in first and "Volgende pagina" in first
    assert "?status=intake&amp;page=2" in first
    second = client.get(MY_CASES, {"status": CaseStatus.INTAKE, "page": 2}).content.decode()
    assert "Pagina 2 van 2" in second and "Vorige pagina" in second
    assert second.count('<th scope="row"') == 2


def _my_cases_queries(client, number_of_cases: int) -> int:
    organisation = OrganisationFactory()
    user = user_in(organisation, Role.PROFESSIONAL)
    for _ in range(number_of_cases):
        case = CaseFactory(household__members=3, coordinator=user)
        case.coordinator_organisation = organisation
        case.save()
        InvolvementFactory(case=case, organisation=organisation)
    client.force_login(user)
    client.get(MY_CASES)  # warm up
    with CaptureQueriesContext(connection) as queries:
        response = client.get(MY_CASES)
    assert response.status_code == 200
    assert f"{number_of_cases} casussen" in response.content.decode()
    return len(queries)


def test_my_cases_query_count_does_not_grow_with_cases(client):
    assert _my_cases_queries(client, 2) == _my_cases_queries(client, 12)


# ---------------------------------------------------------------------------- status change


def test_allowed_transition_changes_status_and_redirects(client, case, professional):
    client.force_login(professional)
    response = client.post(_transition_url(case), {"status": CaseStatus.PLAN})
    assert response.status_code == 302
    assert response.url == _household_url(case)
    case.refresh_from_db()
    assert case.status == CaseStatus.PLAN
    event = TimelineEvent.objects.get(case=case)
    assert event.kind == TimelineEventKind.STATUS_CHANGED and event.actor == professional
    page = client.get(response.url).content.decode()
    assert f"De status van casus {case.reference} is nu: Plan." in page
    assert 'role="status"' in page


def test_household_page_offers_only_allowed_transitions(client, case, professional):
    client.force_login(professional)
    content = client.get(_household_url(case)).content.decode()
    assert 'value="plan"' in content and 'value="afgesloten"' in content
    for status in (CaseStatus.REFERRAL, CaseStatus.EXECUTION, CaseStatus.EVALUATION):
        assert f'name="status" value="{status.value}"' not in content


def test_transition_not_allowed_is_refused_with_error(client, case, professional):
    client.force_login(professional)
    response = client.post(_transition_url(case), {"status": CaseStatus.EXECUTION})
    assert response.status_code == 400
    content = response.content.decode()
    assert "De status is niet gewijzigd." in content
    assert "Deze stap kan nu niet." in content
    assert 'href="#id_status_0"' in content
    case.refresh_from_db()
    assert case.status == CaseStatus.INTAKE
    assert not TimelineEvent.objects.exists()


@pytest.mark.parametrize("status", ["", "onzin"])
def test_transition_with_missing_or_unknown_status_is_refused(client, case, professional, status):
    client.force_login(professional)
    response = client.post(_transition_url(case), {"status": status})
    assert response.status_code == 400
    case.refresh_from_db()
    assert case.status == CaseStatus.INTAKE


def test_closing_without_reason_is_refused(client, case, professional):
    client.force_login(professional)
    response = client.post(_transition_url(case), {"status": CaseStatus.CLOSED})
    assert response.status_code == 400
    content = response.content.decode()
    assert "Kies een reden om de casus af te sluiten." in content
    assert 'href="#id_closing_reason"' in content
    case.refresh_from_db()
    assert case.status == CaseStatus.INTAKE


def test_closing_with_reason_closes_the_case(client, case, professional):
    client.force_login(professional)
    response = client.post(
        _transition_url(case),
        {
            "status": CaseStatus.CLOSED,
            "closing_reason": ClosingReason.GOALS_REACHED,
            "note": "Rust in huis.",
        },
    )
    assert response.status_code == 302
    case.refresh_from_db()
    assert (case.status, case.closing_reason) == (CaseStatus.CLOSED, ClosingReason.GOALS_REACHED)
    assert case.closing_note == "Rust in huis."


def test_reopening_without_note_is_refused(client, case, professional):
    Case.objects.filter(pk=case.pk).update(
        status=CaseStatus.CLOSED, closing_reason=ClosingReason.MOVED
    )
    client.force_login(professional)
    response = client.post(_transition_url(case), {"status": CaseStatus.INTAKE})
    assert response.status_code == 400
    assert "Schrijf op waarom de casus weer opengaat." in response.content.decode()
    case.refresh_from_db()
    assert case.status == CaseStatus.CLOSED


def test_transition_of_hidden_case_is_404_and_changes_nothing(client, case, outsider):
    client.force_login(outsider)
    response = client.post(_transition_url(case), {"status": CaseStatus.PLAN})
    assert response.status_code == 404
    case.refresh_from_db()
    assert case.status == CaseStatus.INTAKE
    assert not AccessLogEntry.objects.exists()


def test_transition_of_unknown_case_is_404(client, professional):
    client.force_login(professional)
    url = reverse("cases:transition", kwargs={"case_uuid": "6f1c1c52-0000-4000-8000-000000000000"})
    assert client.post(url, {"status": CaseStatus.PLAN}).status_code == 404


def test_transition_needs_login_and_post(client, case, professional):
    response = client.post(_transition_url(case), {"status": CaseStatus.PLAN})
    assert response.status_code == 302 and response.url.startswith(reverse("login"))
    client.force_login(professional)
    assert client.get(_transition_url(case)).status_code == 405
    case.refresh_from_db()
    assert case.status == CaseStatus.INTAKE
