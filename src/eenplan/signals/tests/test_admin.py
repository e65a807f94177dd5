"""The admin shows signals read-only, under the signal rule, and logs what it shows."""

import pytest
from django.urls import reverse

from eenplan.cases.constants import ServiceType
from eenplan.common.constants import LifeDomain
from eenplan.privacy.models import AccessLogEntry
from eenplan.signals.constants import SignalKind
from eenplan.signals.models import Signal
from eenplan.signals.services import signals_refresh_case
from eenplan.signals.tests.conftest import involve
from eenplan.tenancy.constants import Role
from eenplan.tenancy.tests.factories import UserFactory, user_in

pytestmark = pytest.mark.django_db

DEBT = {"life_domains": [LifeDomain.FINANCES.value], "service_type": ServiceType.DEBT_HELP}


@pytest.fixture
def overlap(household_case, org_a, org_b):
    involve(household_case, org_a, **DEBT)
    involve(household_case, org_b, plan_consent=False, **DEBT)
    signals_refresh_case(case=household_case)
    return Signal.objects.get(kind=SignalKind.OVERLAP)


def test_staff_sees_their_signals_read_only_and_logged(client, overlap, org_a, org_b):
    staff = user_in(org_a, Role.PROFESSIONAL, is_staff=True)
    client.force_login(staff)

    listing = client.get(reverse("admin:signals_signal_changelist"))
    assert listing.status_code == 200
    assert listing.context["cl"].result_count == 4
    assert AccessLogEntry.objects.filter(actor=staff, name="beheer: signalen").count() == 4

    page = client.get(reverse("admin:signals_signal_change", args=[overlap.pk]))
    assert page.status_code == 200
    assert 'name="_save"' not in page.content.decode()
    entry = AccessLogEntry.objects.get(actor=staff, name="beheer: signaal bekijken")
    assert entry.case_uuid == overlap.case.uuid

    without_plan = user_in(org_b, Role.PROFESSIONAL, is_staff=True)
    client.force_login(without_plan)
    listing = client.get(reverse("admin:signals_signal_changelist"))
    assert listing.context["cl"].result_count == 3, "only the matches"


def test_superuser_sees_no_signals(client, overlap):
    client.force_login(UserFactory(is_superuser=True, is_staff=True))
    listing = client.get(reverse("admin:signals_signal_changelist"))
    assert listing.context["cl"].result_count == 0
