import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone

from eenplan.cases.constants import CaseStatus, TimelineEventKind
from eenplan.cases.models import Case
from eenplan.common.locking import ConflictError
from eenplan.people.tests.factories import NetworkMemberFactory
from eenplan.plans import services
from eenplan.plans.constants import ActionStatus, AgreementMethod, GoalResult, OwnerKind
from eenplan.plans.models import Action, Goal, Plan
from eenplan.plans.selectors import plan_versions_compare
from eenplan.plans.services import Owner
from eenplan.tenancy.constants import Role
from eenplan.tenancy.tests.factories import OrganisationFactory, user_in

pytestmark = pytest.mark.django_db


@pytest.fixture
def plan(case, professional):
    return services.plan_create(actor=professional, case=case)


@pytest.fixture
def goal(plan, professional):
    return services.goal_add(
        actor=professional, plan=plan, life_domain="financien", title="Grip op geld"
    )


def owners(case, involved_org):
    neighbour = NetworkMemberFactory(household=case.household, name="Buurvrouw Tineke")
    return {
        OwnerKind.ORGANISATION: Owner(OwnerKind.ORGANISATION, organisation=involved_org),
        OwnerKind.HOUSEHOLD_MEMBER: Owner(
            OwnerKind.HOUSEHOLD_MEMBER, person=case.household.members.first()
        ),
        OwnerKind.NETWORK_MEMBER: Owner(OwnerKind.NETWORK_MEMBER, network_member=neighbour),
    }


def agree(plan, actor):
    plan.refresh_from_db()
    return services.plan_agree(
        actor=actor,
        plan=plan,
        revision=plan.revision,
        agreed_by=list(plan.case.household.members.all()[:1]),
        method=AgreementMethod.IN_MEETING,
    )


def test_one_plan_per_case(plan, case, professional):
    with pytest.raises(ValidationError):
        services.plan_create(actor=professional, case=case)
    assert case.timeline.filter(kind=TimelineEventKind.PLAN_CHANGED).exists()


def test_actions_of_each_owner_kind(case, involved_org, goal, professional):
    for kind, owner in owners(case, involved_org).items():
        action = services.action_add(actor=professional, goal=goal, description="Doen", owner=owner)
        assert action.owner_kind == kind
    labels = [a.owner_label for a in goal.actions.all()]
    assert labels[0] == involved_org.name
    assert labels[2] == "Buurvrouw Tineke (Buurman / buurvrouw)"


def test_owners_must_belong_to_the_case(goal, professional):
    stranger = OrganisationFactory()
    other_neighbour = NetworkMemberFactory()
    for owner in [
        Owner(OwnerKind.ORGANISATION, organisation=stranger),
        Owner(OwnerKind.NETWORK_MEMBER, network_member=other_neighbour),
        Owner(OwnerKind.HOUSEHOLD_MEMBER, person=other_neighbour.household.members.first()),
    ]:
        with pytest.raises(ValidationError):
            services.action_add(actor=professional, goal=goal, description="x", owner=owner)
    assert not goal.actions.exists()


def test_agreement_records_who_how_and_commitment(case, goal, professional, involved_org):
    version = agree(goal.plan, professional)
    assert version.number == 1
    assert list(version.agreed_by.all()) == [case.household.members.first()]
    assert version.agreement_method == AgreementMethod.IN_MEETING
    assert version.agreed_on == timezone.localdate()
    assert [c.organisation for c in version.commitments.all()] == [involved_org]
    assert version.content["goals"][0]["title"] == "Grip op geld"
    plan = Plan.objects.get(pk=goal.plan.pk)
    assert not plan.is_draft


def test_agreed_version_is_immutable_and_a_change_opens_the_next_draft(goal, professional):
    version = agree(goal.plan, professional)
    frozen = dict(version.content)
    with pytest.raises(ValidationError):
        agree(goal.plan, professional)
    services.goal_update(
        actor=professional,
        goal=goal,
        lock_version=goal.lock_version,
        life_domain="financien",
        title="Schuldenvrij in 2027",
    )
    version.refresh_from_db()
    assert version.content == frozen
    plan = Plan.objects.get(pk=goal.plan.pk)
    assert (plan.is_draft, plan.version_number) == (True, 2)
    assert agree(plan, professional).number == 2
    changes = plan_versions_compare(user=professional, case_uuid=plan.case.uuid, old=1, new=2)
    assert [(c.kind, c.field, c.before, c.after) for c in changes] == [
        ("gewijzigd", "Doel", "Grip op geld", "Schuldenvrij in 2027")
    ]


def test_action_progress_opens_no_new_draft(goal, professional, case):
    action = services.action_add(
        actor=professional,
        goal=goal,
        description="Post openen",
        owner=Owner(OwnerKind.HOUSEHOLD_MEMBER, person=case.household.members.first()),
    )
    agree(goal.plan, professional)
    services.action_set_status(
        actor=professional, action=action, lock_version=action.lock_version, status="klaar"
    )
    plan = Plan.objects.get(pk=goal.plan.pk)
    assert (plan.is_draft, plan.version_number) == (False, 1)
    with pytest.raises(ValidationError):
        services.action_set_status(
            actor=professional,
            action=action,
            lock_version=action.lock_version,
            status=ActionStatus.CANCELLED,
        )


def test_concurrent_edit_gets_a_conflict_and_keeps_the_first_save(goal, professional, case):
    colleague = user_in(professional.memberships.first().organisation, Role.COORDINATOR)
    loaded_by_both = goal.lock_version
    first = Goal.objects.get(pk=goal.pk)
    second = Goal.objects.get(pk=goal.pk)
    services.goal_update(
        actor=professional,
        goal=first,
        lock_version=loaded_by_both,
        life_domain="financien",
        title="Eerste",
    )
    with pytest.raises(ConflictError):
        services.goal_update(
            actor=colleague,
            goal=second,
            lock_version=loaded_by_both,
            life_domain="financien",
            title="Tweede",
        )
    assert Goal.objects.get(pk=goal.pk).title == "Eerste"


def test_plan_fields_and_agreement_refuse_stale_versions(plan, goal, professional):
    plan.refresh_from_db()
    services.plan_update(
        actor=professional,
        plan=plan,
        lock_version=plan.lock_version,
        strengths="Oma helpt",
        concerns="",
        evaluation_date=None,
    )
    with pytest.raises(ConflictError):
        services.plan_update(
            actor=professional,
            plan=plan,
            lock_version=plan.lock_version - 1,
            strengths="Overschreven?",
            concerns="",
            evaluation_date=None,
        )
    stale_revision = Plan.objects.get(pk=plan.pk).revision
    services.goal_add(actor=professional, plan=plan, life_domain="huisvesting", title="Woning")
    with pytest.raises(ConflictError):
        services.plan_agree(
            actor=professional,
            plan=plan,
            revision=stale_revision,
            agreed_by=list(plan.case.household.members.all()[:1]),
            method=AgreementMethod.ON_PAPER,
        )
    assert Plan.objects.get(pk=plan.pk).strengths == "Oma helpt"


def test_agreeing_moves_the_case_on_and_evaluation_moves_it_to_evaluatie(goal, professional):
    case = goal.plan.case
    Case.objects.filter(pk=case.pk).update(status=CaseStatus.PLAN)
    agree(goal.plan, professional)
    assert Case.objects.get(pk=case.pk).status == CaseStatus.EXECUTION
    services.plan_start_evaluation(actor=professional, plan=goal.plan)
    assert Case.objects.get(pk=case.pk).status == CaseStatus.EVALUATION
    evaluation = services.goal_evaluate(
        actor=professional, goal=goal, result=GoalResult.PARTLY, note="Helft afgelost"
    )
    assert evaluation.version_number == 1
    with pytest.raises(ValidationError):
        services.goal_evaluate(actor=professional, goal=goal, result="prima")


def test_an_outsider_can_neither_read_nor_change_a_plan(goal, outsider, professional):
    version = agree(goal.plan, professional)
    assert not Plan.objects.visible_to(outsider).exists()
    assert not Goal.objects.visible_to(outsider).exists()
    assert not Action.objects.visible_to(outsider).exists()
    with pytest.raises(Case.DoesNotExist):
        services.goal_add(actor=outsider, plan=goal.plan, life_domain="financien", title="x")
    with pytest.raises(Case.DoesNotExist):
        services.plan_commit(actor=outsider, version=version)
    assert goal.plan.goals.count() == 1


def test_a_closed_cases_plan_no_longer_changes(goal, professional):
    Case.objects.filter(pk=goal.plan.case_id).update(
        status=CaseStatus.CLOSED, closing_reason="anders"
    )
    with pytest.raises(ValidationError):
        services.goal_add(actor=professional, plan=goal.plan, life_domain="financien", title="x")
