"""The demo plans: every case past intake has one, in every state a plan can be in."""

import pytest
from django.db.models import Count, Q
from django.utils import timezone

from eenplan.cases.constants import CaseStatus, TimelineEventKind
from eenplan.cases.models import Case, TimelineEvent
from eenplan.demo.data import HOUSEHOLDS
from eenplan.plans.constants import OPEN_ACTION_STATUSES, ActionStatus, OwnerKind
from eenplan.plans.models import Action, Goal, GoalEvaluation, Plan, PlanVersion
from eenplan.plans.selectors import plan_versions_compare

pytestmark = pytest.mark.django_db

BEFORE_PLAN = (CaseStatus.REFERRAL, CaseStatus.INTAKE)
# The demo households' plans; the synthetic history (see test_synthetic.py) has simpler ones.
DEMO = {spec.name for spec in HOUSEHOLDS}


def _reached_plan(case: Case) -> bool:
    return case.timeline.filter(data__to=CaseStatus.PLAN).exists()


def test_every_case_past_intake_has_a_plan(seeded):
    for case in Case.objects.filter(household__name__in=DEMO).exclude(status__in=BEFORE_PLAN):
        if case.status == CaseStatus.CLOSED and not _reached_plan(case):
            assert case.household.name == "Familie Kuiper"  # closed at intake: never planned
            continue
        assert Plan.objects.filter(case=case).exists(), case.household.name
    assert not Plan.objects.filter(case__status__in=BEFORE_PLAN).exists()


def test_plans_in_every_state(seeded):
    plans = Plan.objects.filter(case__household__name__in=DEMO)
    drafts = plans.filter(is_draft=True)
    assert drafts.filter(version_number=1, versions=None).count() >= 2  # concept versie 1
    assert drafts.filter(version_number__gt=1).count() >= 2  # a new draft after agreement
    assert plans.filter(is_draft=False, case__status=CaseStatus.EXECUTION).count() >= 2
    assert PlanVersion.objects.filter(number=2).exists()  # agreed twice
    evaluated = plans.filter(case__status=CaseStatus.EVALUATION)
    assert evaluated.count() >= 1
    for plan in evaluated:
        assert GoalEvaluation.objects.filter(goal__plan=plan).count() == plan.goals.count()
        moved = plan.case.timeline.get(data__to=CaseStatus.EVALUATION)
        assert moved.actor == plan.case.coordinator


def test_agreements_record_who_how_when_and_commitments(seeded):
    today = timezone.localdate()
    versions = PlanVersion.objects.filter(plan__case__household__name__in=DEMO).annotate(
        people=Count("agreed_by", distinct=True),
        organisations=Count("commitments", distinct=True),
    )
    assert versions.count() >= 6
    for version in versions:
        assert version.people >= 1 and version.agreement_method, version
        assert version.agreed_on < today
        assert version.content["goals"], version
    assert versions.filter(organisations__gte=2).count() >= 6
    assert TimelineEvent.objects.filter(kind=TimelineEventKind.PLAN_COMMITTED).exists()


def test_second_draft_differs_from_the_agreed_version(seeded):
    for plan in Plan.objects.filter(is_draft=True, version_number__gt=1).select_related("case"):
        changes = plan_versions_compare(
            user=plan.case.coordinator,
            case_uuid=plan.case.uuid,
            old=plan.version_number - 1,
            new=None,
        )
        assert {change.kind for change in changes} >= {"toegevoegd"}, plan.case.household.name


def test_goals_and_actions_of_every_kind(seeded):
    today = timezone.localdate()
    goals = Goal.objects.filter(plan__case__household__name__in=DEMO)
    assert not goals.annotate(n=Count("actions")).filter(n=0).exists()
    assert goals.values("life_domain").distinct().count() >= 8
    assert set(Action.objects.values_list("owner_kind", flat=True)) == set(OwnerKind.values)
    assert Action.objects.filter(owner_professional__isnull=False).exists()
    assert set(Action.objects.values_list("status", flat=True)) == set(ActionStatus.values)
    assert Action.objects.filter(status__in=OPEN_ACTION_STATUSES, due_date__lt=today).count() >= 3
    cancelled = Action.objects.filter(status=ActionStatus.CANCELLED)
    assert cancelled.exists() and not cancelled.filter(cancel_reason="").exists()


def test_every_plan_change_has_an_acting_professional(seeded):
    plan_events = TimelineEvent.objects.filter(
        Q(kind__startswith="plan") | Q(kind__in=["actie_voortgang", "doel_geevalueerd"])
    )
    assert plan_events.count() > 100
    assert not plan_events.filter(actor=None).exists()
    assert not plan_events.filter(actor_organisation=None).exists()
