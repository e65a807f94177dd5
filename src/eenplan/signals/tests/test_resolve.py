"""Resolving a signal: the coordinator records the agreement; everyone else is refused."""

import pytest
from django.core.exceptions import ValidationError

from eenplan.cases.constants import ServiceType, TimelineEventKind
from eenplan.cases.models import Involvement, TimelineEvent
from eenplan.common.constants import LifeDomain
from eenplan.plans.tests.factories import PlanFactory
from eenplan.privacy.models import AccessLogEntry
from eenplan.signals.constants import SignalKind, SignalOutcome, SignalStatus
from eenplan.signals.models import Signal
from eenplan.signals.services import signal_resolve, signals_refresh_case
from eenplan.signals.tests.conftest import involve
from eenplan.tenancy.constants import Role
from eenplan.tenancy.tests.factories import OrganisationFactory, user_in

pytestmark = pytest.mark.django_db

DEBT = {"life_domains": [LifeDomain.FINANCES.value], "service_type": ServiceType.DEBT_HELP}


@pytest.fixture
def overlap(coordinated, org_a, org_b, pro_b):
    """An open overlap between org A (coordinating) and org B."""
    Involvement.objects.filter(case=coordinated).update(**DEBT)
    involve(coordinated, org_b, contact=pro_b, **DEBT)
    signals_refresh_case(case=coordinated)
    return Signal.objects.get(case=coordinated, kind=SignalKind.OVERLAP)


def test_coordinator_records_who_continues_and_who_stops(overlap, pro_a, org_a, org_b):
    signal = signal_resolve(
        actor=pro_a,
        signal=overlap,
        outcome=SignalOutcome.CONTINUE_STOP,
        continuing_organisation=org_a,
        stopping_organisations=[org_b],
        note="Kredietbank rondt af in mei.",
    )

    signal.refresh_from_db()
    assert (signal.status, signal.outcome, signal.resolved_by) == (
        SignalStatus.RESOLVED,
        SignalOutcome.CONTINUE_STOP,
        pro_a,
    )
    assert signal.continuing_organisation == org_a
    assert list(signal.stopping_organisations.all()) == [org_b]
    assert signal.resolved_at is not None
    event = TimelineEvent.objects.get(case=overlap.case, kind=TimelineEventKind.SIGNAL_RESOLVED)
    assert org_a.name in event.summary and org_b.name in event.summary
    assert "Kredietbank rondt af in mei." in event.summary
    assert event.data["signal"] == str(signal.uuid)
    assert AccessLogEntry.objects.filter(name="signaal afgehandeld").count() == 3
    assert Involvement.objects.active().filter(organisation=org_b).exists(), "nothing ends"
    assert not Signal.objects.open().filter(pk=signal.pk).exists()

    signals_refresh_case(case=overlap.case)
    signal.refresh_from_db()
    assert signal.status == SignalStatus.RESOLVED, "still holds, stays resolved"


def test_fine_needs_a_reason(overlap, pro_a):
    with pytest.raises(ValidationError) as error:
        signal_resolve(actor=pro_a, signal=overlap, outcome=SignalOutcome.FINE, note="  ")
    assert "note" in error.value.message_dict

    signal_resolve(
        actor=pro_a, signal=overlap, outcome=SignalOutcome.FINE, note="Andere vraag per kind."
    )
    overlap.refresh_from_db()
    assert overlap.status == SignalStatus.RESOLVED and overlap.continuing_organisation is None


@pytest.mark.parametrize(
    ("continuing", "stopping", "field"),
    [
        (None, ["b"], "continuing_organisation"),
        ("a", [], "stopping_organisations"),
        ("a", ["a"], "stopping_organisations"),
        ("a", ["other"], "stopping_organisations"),
    ],
)
def test_who_continues_must_name_organisations_concerned(
    overlap, pro_a, org_a, org_b, continuing, stopping, field
):
    named = {"a": org_a, "b": org_b, "other": OrganisationFactory(), None: None}
    with pytest.raises(ValidationError) as error:
        signal_resolve(
            actor=pro_a,
            signal=overlap,
            outcome=SignalOutcome.CONTINUE_STOP,
            continuing_organisation=named[continuing],
            stopping_organisations=[named[s] for s in stopping],
        )
    assert field in error.value.message_dict


def test_only_the_coordinator_resolves_when_there_is_one(overlap, pro_b, org_b):
    with pytest.raises(ValidationError, match="regisseur"):
        signal_resolve(actor=pro_b, signal=overlap, outcome=SignalOutcome.FINE, note="Prima.")
    colleague = user_in(org_b, Role.COORDINATOR)
    with pytest.raises(ValidationError):
        signal_resolve(actor=colleague, signal=overlap, outcome=SignalOutcome.FINE, note="x")


def test_outsider_does_not_find_the_signal(overlap):
    outsider = user_in(OrganisationFactory(), Role.COORDINATOR)
    with pytest.raises(Signal.DoesNotExist):
        signal_resolve(actor=outsider, signal=overlap, outcome=SignalOutcome.FINE, note="x")
    team_leader = user_in(overlap.parties.first().organisation, Role.TEAM_LEADER)
    with pytest.raises(Signal.DoesNotExist):
        signal_resolve(actor=team_leader, signal=overlap, outcome=SignalOutcome.FINE, note="x")


def test_without_coordinator_a_professional_concerned_resolves(household_case, org_a, org_b):
    involve(household_case, org_a, **DEBT)
    involve(household_case, org_b, **DEBT)
    signals_refresh_case(case=household_case)
    signal = Signal.objects.get(case=household_case, kind=SignalKind.OVERLAP)

    signal_resolve(
        actor=user_in(org_b),
        signal=signal,
        outcome=SignalOutcome.CONTINUE_STOP,
        continuing_organisation=org_b,
        stopping_organisations=[org_a],
    )

    signal.refresh_from_db()
    assert signal.status == SignalStatus.RESOLVED


def test_who_stops_only_for_duplication_and_only_once(coordinated, pro_a, org_a):
    PlanFactory(case=coordinated)
    signals_refresh_case(case=coordinated)
    gap = Signal.objects.get(case=coordinated, kind=SignalKind.GAP)

    with pytest.raises(ValidationError) as error:
        signal_resolve(
            actor=pro_a,
            signal=gap,
            outcome=SignalOutcome.CONTINUE_STOP,
            continuing_organisation=org_a,
            stopping_organisations=[org_a],
        )
    assert "outcome" in error.value.message_dict

    signal_resolve(actor=pro_a, signal=gap, outcome=SignalOutcome.FINE, note="Loopt via UWV.")
    with pytest.raises(ValidationError, match="al afgehandeld"):
        signal_resolve(actor=pro_a, signal=gap, outcome=SignalOutcome.FINE, note="Nogmaals.")
