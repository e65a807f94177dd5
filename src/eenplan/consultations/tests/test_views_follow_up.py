"""Following up agreements, and policy signals with their response and report, through the
Django test client."""

import datetime
import re

import pytest
from django.urls import reverse
from django.utils import timezone

from eenplan.cases.tests.test_views_layout import assert_accessible_page
from eenplan.consultations import services
from eenplan.consultations.constants import PolicySignalStatus, PolicyTheme
from eenplan.consultations.models import PolicySignal
from eenplan.consultations.tests.test_views import agree
from eenplan.plans.constants import ActionStatus, OwnerKind
from eenplan.plans.services import Owner, action_set_status
from eenplan.tenancy.constants import Role
from eenplan.tenancy.tests.factories import OrganisationFactory, user_in

pytestmark = pytest.mark.django_db

TODAY = timezone.localdate()
FOLLOW_UP = reverse("consultations:follow-up")
SIGNALS = reverse("policy-signals:list")
REPORT = reverse("policy-signals:report")


def signal_url(signal) -> str:
    return reverse("policy-signals:detail", kwargs={"signal_uuid": signal.uuid})


@pytest.fixture
def agreements(item, professional):
    """An overdue one, an open one in the professional's name, and a finished one."""
    late = agree(
        item, professional, description="Te late afspraak", due=TODAY - datetime.timedelta(days=2)
    )
    mine = services.agreement_add(
        actor=professional,
        item=item,
        description="Mijn afspraak",
        owner=Owner(
            kind=OwnerKind.ORGANISATION,
            organisation=professional.acting_organisation,
            professional=professional,
        ),
        due_date=TODAY + datetime.timedelta(days=5),
        goal=late.action.goal,
    )
    done = agree(item, professional, description="Klare afspraak")
    action_set_status(
        actor=professional,
        action=done.action,
        lock_version=done.action.lock_version,
        status=ActionStatus.DONE,
    )
    return {"late": late, "mine": mine, "done": done}


def rows(response) -> list[str]:
    page = response.content.decode()
    return [d for d in ("Te late afspraak", "Mijn afspraak", "Klare afspraak") if d in page]


def test_follow_up_filters(client, agreements, professional, item):
    client.force_login(professional)
    default = client.get(FOLLOW_UP)
    assert default.status_code == 200
    assert rows(default) == ["Te late afspraak", "Mijn afspraak"]  # open, oldest first
    assert 'class="eenplan-table__row--overdue"' in default.content.decode()
    assert_accessible_page(default.content.decode())

    assert rows(client.get(FOLLOW_UP, {"state": "te_laat"})) == ["Te late afspraak"]
    assert rows(client.get(FOLLOW_UP, {"state": "klaar"})) == ["Klare afspraak"]
    assert rows(client.get(FOLLOW_UP, {"mine": "on"})) == ["Mijn afspraak"]
    meeting = {"consultation": item.consultation.uuid}
    assert rows(client.get(FOLLOW_UP, meeting)) == ["Te late afspraak", "Mijn afspraak"]
    organisation = {"organisation": OrganisationFactory().uuid}
    assert rows(client.get(FOLLOW_UP, organisation)) == []

    wrong = client.get(FOLLOW_UP, {"state": "onzin", "consultation": "geen-uuid"})
    assert wrong.status_code == 200
    page = wrong.content.decode()
    assert "Kies een stand uit de lijst." in page and "Kies een overleg uit de lijst." in page
    assert_accessible_page(page)


def test_follow_up_shows_nothing_without_consent(client, agreements, partner, known_level_user):
    for reader in (partner, known_level_user):
        client.force_login(reader)
        assert rows(client.get(FOLLOW_UP)) == []


@pytest.fixture
def officer(item):
    municipal = OrganisationFactory(name="Gemeente Eemsdelta")
    municipal.municipalities.add(item.consultation.municipality)
    return user_in(municipal, Role.POLICY_OFFICER, username="beleid")


@pytest.fixture
def signal(item, professional):
    return services.policy_signal_raise(
        actor=professional,
        consultation=item.consultation,
        theme=PolicyTheme.CONTRACTS,
        title="Contract dekt geen nazorg",
        description="Na afsluiten schuldhulp is er geen nazorg ingekocht.",
    )


def test_a_policy_officer_answers_and_a_participant_reads_the_answer(
    client, signal, officer, partner
):
    client.force_login(partner)
    assert (
        client.post(
            signal_url(signal), {"status": PolicySignalStatus.ACTED_ON, "response": "Ja"}
        ).status_code
        == 403
    )

    client.force_login(officer)
    page = client.get(signal_url(signal))
    assert page.status_code == 200 and "Reactie opslaan" in page.content.decode()
    missing = client.post(signal_url(signal), {"status": PolicySignalStatus.ACTED_ON})
    assert missing.status_code == 400
    assert "Schrijf een reactie voor de deelnemers." in missing.content.decode()
    assert_accessible_page(missing.content.decode())
    response = client.post(
        signal_url(signal),
        {
            "status": PolicySignalStatus.ACTED_ON,
            "response": "Nazorg komt in het contract van 2027.",
        },
    )
    assert response.status_code == 302

    client.force_login(partner)
    page = client.get(signal_url(signal)).content.decode()
    assert "Nazorg komt in het contract van 2027." in page and "Opgepakt" in page
    assert "Reactie opslaan" not in page


def report_row(page: str, label: str) -> list[int]:
    row = re.search(rf'<th scope="row">{label}</th>(.*?)</tr>', page, re.S).group(1)
    return [int(cell) for cell in re.findall(r"<td>(\d+)</td>", row)]


def test_policy_signal_list_filters_and_report(client, signal, officer):
    client.force_login(officer)
    listed = client.get(SIGNALS)
    assert listed.status_code == 200 and signal.title in listed.content.decode()
    assert_accessible_page(listed.content.decode())
    assert signal.title in client.get(SIGNALS, {"theme": PolicyTheme.CONTRACTS}).content.decode()
    assert signal.title not in client.get(SIGNALS, {"theme": PolicyTheme.FUNDING}).content.decode()
    assert signal.title not in client.get(SIGNALS, {"status": "opgepakt"}).content.decode()

    report = client.get(REPORT)
    assert report.status_code == 200
    page = report.content.decode()
    assert_accessible_page(page)
    quarter = (signal.raised_at.month - 1) // 3
    expected = [0, 0, 0, 0, 1, 0]  # per quarter, total, acted on
    expected[quarter] = 1
    assert report_row(page, "Contracten en inkoop") == expected
    assert report_row(page, "Totaal") == expected
    assert report_row(page, "Wachtlijsten") == [0] * 6
    last_year = client.get(REPORT, {"year": TODAY.year - 1}).content.decode()
    assert report_row(last_year, "Contracten en inkoop") == [0] * 6

    outsider = user_in(OrganisationFactory(), Role.POLICY_OFFICER)
    client.force_login(outsider)
    assert client.get(signal_url(signal)).status_code == 404
    assert signal.title not in client.get(SIGNALS).content.decode()


def test_raise_a_policy_signal_outside_a_meeting(client, professional, item):
    client.force_login(professional)
    raise_url = reverse("policy-signals:raise")
    assert client.get(raise_url).status_code == 200
    data = {
        "municipality": item.consultation.municipality.uuid,
        "theme": PolicyTheme.RULES,
        "title": "Regels rond kostendelersnorm",
        "description": "Bel 06-12345678 voor uitleg.",
    }
    refused = client.post(raise_url, data)
    assert refused.status_code == 400
    assert "telefoonnummer" in refused.content.decode()
    response = client.post(raise_url, data | {"description": "De norm raakt inwonende jongeren."})
    signal = PolicySignal.objects.get()
    assert response.status_code == 302 and response.url == signal_url(signal)
    assert signal.consultation is None and signal.municipality == item.consultation.municipality
