"""The signals inbox, resolving on a page or with htmx, the household include and the count."""

import pytest
from django.template.loader import render_to_string
from django.test import RequestFactory
from django.urls import reverse

from eenplan.cases.constants import ServiceType
from eenplan.cases.tests.factories import CaseFactory
from eenplan.cases.tests.test_views_layout import assert_accessible_page
from eenplan.common.constants import LifeDomain
from eenplan.plans.tests.factories import PlanFactory
from eenplan.signals import selectors
from eenplan.signals.constants import SignalKind, SignalStatus
from eenplan.signals.context_processors import signal_count
from eenplan.signals.models import Signal
from eenplan.signals.services import signals_refresh_case
from eenplan.signals.tests.conftest import URLS, involve
from eenplan.tenancy.constants import Role
from eenplan.tenancy.tests.factories import OrganisationFactory, user_in

pytestmark = [pytest.mark.django_db, pytest.mark.urls(URLS)]

DEBT = {"life_domains": [LifeDomain.FINANCES.value], "service_type": ServiceType.DEBT_HELP}
OVERLAP_TEXT = "helpen dit huishouden allebei"


@pytest.fixture
def network(coordinated, org_a, org_b, pro_b):
    """Household 1: org A coordinates, org B without plan consent; both do debt help (a match
    per member and an overlap). Household 2: only org B, with a plan without goals (a gap)."""
    coordinated.involvements.update(**DEBT)
    involve(coordinated, org_b, plan_consent=False, contact=pro_b, **DEBT)
    signals_refresh_case(case=coordinated)
    second = CaseFactory(household__name="Familie Jansen", household__members=2)
    involve(second, org_b)
    PlanFactory(case=second)
    signals_refresh_case(case=second)
    return coordinated, second


def overlap_signal():
    return Signal.objects.get(kind=SignalKind.OVERLAP)


MENU_COUNT = '<span class="eenplan-nav__count">{}<span'


def resolve_url(signal, **query) -> str:
    url = reverse("signals:resolve", kwargs={"signal_uuid": signal.uuid})
    return url + ("?" + "&".join(f"{k}={v}" for k, v in query.items()) if query else "")


def form_data(signal, **fields) -> dict:
    return {f"signaal-{signal.uuid}-{name}": value for name, value in fields.items()}


def test_inbox_shows_each_professional_their_signals(client, network, pro_a, pro_b):
    first, second = network

    client.force_login(pro_a)
    page_a = client.get(reverse("signals:inbox")).content.decode()
    client.force_login(pro_b)
    response = client.get(reverse("signals:inbox"))
    page_b = response.content.decode()

    assert response.status_code == 200
    assert_accessible_page(page_b)
    assert "4 open signalen" in page_a and OVERLAP_TEXT in page_a
    assert second.household.name not in page_a
    assert "4 open signalen" in page_b, "three matches and one gap"
    assert OVERLAP_TEXT not in page_b
    assert second.household.name in page_b and first.household.name in page_b
    assert "Afhandelen" in page_a, "Anna coordinates household 1"
    assert page_b.count(">Afhandelen<") == 1, "Bert only where nobody coordinates"


def test_inbox_filters(client, network, pro_a, pro_b):
    client.force_login(pro_b)
    matches = client.get(reverse("signals:inbox"), {"kind": SignalKind.MATCH}).content.decode()
    assert "3 open signalen" in matches
    for content in ("Financiën", "Schuldhulpverlening", "schuldhulp"):
        assert content not in matches, "a match carries no content"

    mine = client.get(reverse("signals:inbox"), {"mine": "on"}).content.decode()
    assert "0 open signalen" in mine
    client.force_login(pro_a)
    mine = client.get(reverse("signals:inbox"), {"mine": "on"}).content.decode()
    assert "4 open signalen" in mine

    wrong = client.get(reverse("signals:inbox"), {"kind": "onzin"})
    assert "Kies een soort uit de lijst." in wrong.content.decode()


def test_coordinator_resolves_on_the_page(
    client, network, pro_a, org_a, org_b, django_capture_on_commit_callbacks
):
    signal = overlap_signal()
    client.force_login(pro_a)
    back = reverse("signals:inbox") + "?kind=overlap"

    page = client.get(resolve_url(signal, next=back))
    assert page.status_code == 200
    assert_accessible_page(page.content.decode())
    assert "stopt hiermee niet" in page.content.decode()

    assert MENU_COUNT.format(4) in page.content.decode()
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            resolve_url(signal),
            form_data(
                signal,
                outcome="wie_gaat_door",
                continuing_organisation=str(org_a.uuid),
                stopping_organisations=str(org_b.uuid),
                note="Afgesproken in het overleg.",
                next=back,
            ),
        )

    assert response.status_code == 302 and response.url == back
    signal.refresh_from_db()
    assert signal.status == SignalStatus.RESOLVED
    inbox = client.get(reverse("signals:inbox")).content.decode()
    assert "3 open signalen" in inbox and "niet meer in de lijst" in inbox
    assert MENU_COUNT.format(3) in inbox, "the menu's cached count follows the resolution"


def test_resolve_with_htmx_answers_with_the_card(client, network, pro_a):
    signal = overlap_signal()
    client.force_login(pro_a)
    headers = {"HX-Request": "true"}

    form = client.get(resolve_url(signal), headers=headers)
    assert form.status_code == 200 and "<form" in form.content.decode()

    error = client.post(resolve_url(signal), form_data(signal, outcome="goed_zo"), headers=headers)
    assert error.status_code == 400
    assert "Schrijf op waarom het goed is zo." in error.content.decode()
    assert f'id="signaal-{signal.uuid}"' in error.content.decode()

    done = client.post(
        resolve_url(signal), form_data(signal, outcome="goed_zo", note="Prima zo."), headers=headers
    )
    assert done.status_code == 200
    assert "Afgehandeld op" in done.content.decode() and "Prima zo." in done.content.decode()


def test_resolve_refused_for_others(client, network, pro_b):
    signal = Signal.objects.filter(kind=SignalKind.MATCH).first()
    client.force_login(pro_b)
    refused = client.post(resolve_url(signal), form_data(signal, outcome="goed_zo", note="x"))
    assert refused.status_code == 400
    assert "Alleen de regisseur" in refused.content.decode()

    client.force_login(user_in(OrganisationFactory(), Role.COORDINATOR))
    assert client.get(resolve_url(signal)).status_code == 404
    data = form_data(signal, outcome="goed_zo", note="x")
    assert client.post(resolve_url(signal), data).status_code == 404
    signal.refresh_from_db()
    assert signal.status == SignalStatus.OPEN


def test_household_include_and_count(rf: RequestFactory, network, pro_a, pro_b):
    first, _second = network
    request = rf.get(f"/huishoudens/{first.household.uuid}/")
    request.user = pro_a
    html = render_to_string(
        "signals/_case_signals.html",
        {"case_signals": selectors.case_signals(user=pro_a, case_uuid=first.uuid)},
        request=request,
    )
    assert OVERLAP_TEXT in html and html.count("<article") == 4
    assert "Naar het huishouden" not in html

    assert signal_count(request)["show_signals"] and signal_count(request)["signal_count"] == 4
    request.user = pro_b
    assert signal_count(request)["signal_count"] == 4
    request.user = user_in(OrganisationFactory(), Role.TEAM_LEADER)
    assert signal_count(request) == {"show_signals": False, "signal_count": 0}
