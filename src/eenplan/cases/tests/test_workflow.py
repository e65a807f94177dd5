import itertools

import pytest
from django.core.exceptions import ValidationError

from eenplan.cases import services, workflow
from eenplan.cases.constants import CaseStatus, ClosingReason, TimelineEventKind
from eenplan.cases.tests.factories import CaseFactory, InvolvementFactory
from eenplan.tenancy.tests.factories import OrganisationFactory, user_in

ALLOWED = {
    ("aanmelding", "intake"),
    ("aanmelding", "afgesloten"),
    ("intake", "plan"),
    ("intake", "afgesloten"),
    ("plan", "uitvoering"),
    ("plan", "afgesloten"),
    ("uitvoering", "evaluatie"),
    ("uitvoering", "afgesloten"),
    ("evaluatie", "uitvoering"),
    ("evaluatie", "plan"),
    ("evaluatie", "afgesloten"),
    ("afgesloten", "intake"),
}
ALL_PAIRS = list(itertools.permutations(CaseStatus.values, 2)) + [(s, s) for s in CaseStatus.values]


@pytest.mark.parametrize(("current", "target"), ALL_PAIRS)
def test_transition_table(current, target):
    if (current, target) in ALLOWED:
        workflow.check_transition(current, target)
    else:
        with pytest.raises(ValidationError) as error:
            workflow.check_transition(current, target)
        assert "status" in error.value.message_dict


@pytest.fixture
def actor_and_case(db):
    organisation = OrganisationFactory()
    actor = user_in(organisation)
    case = CaseFactory(status=CaseStatus.REFERRAL)
    InvolvementFactory(case=case, organisation=organisation)
    return actor, case


@pytest.mark.django_db
@pytest.mark.parametrize(("current", "target"), sorted(ALLOWED))
def test_every_allowed_step_through_the_service(actor_and_case, current, target):
    actor, case = actor_and_case
    case.status = current
    case.closing_reason = ClosingReason.OTHER if current == CaseStatus.CLOSED else ""
    case.save()
    services.case_transition(
        actor=actor, case=case, to_status=target, closing_reason="doelen_bereikt", note="Waarom"
    )
    case.refresh_from_db()
    assert case.status == target
    assert case.timeline.count() == 1


@pytest.mark.django_db
@pytest.mark.parametrize(("current", "target"), [p for p in ALL_PAIRS if p not in ALLOWED])
def test_every_refused_step_through_the_service_changes_nothing(actor_and_case, current, target):
    actor, case = actor_and_case
    case.status = current
    case.closing_reason = ClosingReason.OTHER if current == CaseStatus.CLOSED else ""
    case.save()
    with pytest.raises(ValidationError):
        services.case_transition(
            actor=actor, case=case, to_status=target, closing_reason="anders", note="x"
        )
    case.refresh_from_db()
    assert case.status == current
    assert not case.timeline.exists()


@pytest.mark.django_db
def test_closing_needs_a_reason(actor_and_case):
    actor, case = actor_and_case
    with pytest.raises(ValidationError) as error:
        services.case_transition(actor=actor, case=case, to_status=CaseStatus.CLOSED)
    assert "closing_reason" in error.value.message_dict
    services.case_transition(
        actor=actor, case=case, to_status=CaseStatus.CLOSED, closing_reason="verhuisd"
    )
    case.refresh_from_db()
    assert case.closing_reason == "verhuisd" and case.closed_at is not None


@pytest.mark.django_db
def test_reopening_needs_a_note_and_is_recorded(actor_and_case):
    actor, case = actor_and_case
    services.case_transition(
        actor=actor, case=case, to_status=CaseStatus.CLOSED, closing_reason="doelen_bereikt"
    )
    with pytest.raises(ValidationError):
        services.case_transition(actor=actor, case=case, to_status=CaseStatus.INTAKE)
    services.case_transition(
        actor=actor, case=case, to_status=CaseStatus.INTAKE, note="Nieuwe schulden."
    )
    case.refresh_from_db()
    assert case.status == CaseStatus.INTAKE
    assert case.closing_reason == "" and case.closed_at is None
    event = case.timeline.first()
    assert event.kind == TimelineEventKind.CASE_REOPENED
    assert "Nieuwe schulden." in event.summary


@pytest.mark.django_db
def test_no_reopening_while_the_household_has_another_open_case(actor_and_case):
    actor, case = actor_and_case
    services.case_transition(
        actor=actor, case=case, to_status=CaseStatus.CLOSED, closing_reason="verhuisd"
    )
    CaseFactory(household=case.household, status=CaseStatus.INTAKE)
    with pytest.raises(ValidationError) as error:
        services.case_transition(
            actor=actor, case=case, to_status=CaseStatus.INTAKE, note="Terug in de gemeente."
        )
    assert "status" in error.value.message_dict
