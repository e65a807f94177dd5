"""The plan services evaluate the signals in the same transaction as their change."""

import pytest

from eenplan.plans import services as plan_services
from eenplan.plans.constants import OwnerKind
from eenplan.plans.services import Owner
from eenplan.signals.constants import SignalKind, SignalStatus
from eenplan.signals.models import Signal

pytestmark = pytest.mark.django_db


def open_keys(case) -> set[str]:
    return set(Signal.objects.open().filter(case=case).values_list("key", flat=True))


def test_plan_changes_raise_and_clear_gaps(coordinated, pro_a, org_a):
    case = coordinated
    plan = plan_services.plan_create(actor=pro_a, case=case)
    assert open_keys(case) == {f"gat:leefgebied:{case.pk}:financien"}

    goal = plan_services.goal_add(actor=pro_a, plan=plan, life_domain="financien", title="Rust")
    assert open_keys(case) == {f"gat:doel:{case.pk}:{goal.pk}"}

    plan_services.action_add(
        actor=pro_a,
        goal=goal,
        description="Budgetplan maken",
        owner=Owner(kind=OwnerKind.ORGANISATION, organisation=org_a),
    )
    assert open_keys(case) == set()
    assert set(Signal.objects.filter(case=case).values_list("status", flat=True)) == {
        SignalStatus.CLEARED
    }
    assert not Signal.objects.filter(kind=SignalKind.MATCH).exists()
