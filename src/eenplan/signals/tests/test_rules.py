"""Each rule raises exactly when it should, and never twice for the same situation."""

import pytest
from django.utils import timezone

from eenplan.assessments.tests.factories import AssessmentFactory
from eenplan.cases.constants import CaseStatus, ClosingReason, ServiceType
from eenplan.cases.models import HelpQuestion
from eenplan.cases.tests.factories import CaseFactory
from eenplan.common.constants import LifeDomain
from eenplan.people.models import HouseholdMember
from eenplan.plans.constants import ActionStatus, GoalResult, OwnerKind
from eenplan.plans.models import GoalEvaluation, PlanVersion
from eenplan.plans.tests.factories import ActionFactory, GoalFactory, PlanFactory
from eenplan.signals.constants import SignalKind, SignalStatus
from eenplan.signals.models import Signal
from eenplan.signals.rules import RULES, join_names
from eenplan.signals.services import signals_match_involvement, signals_refresh_case
from eenplan.signals.tests.conftest import days_ago, involve
from eenplan.tenancy.tests.factories import OrganisationFactory, UserFactory

pytestmark = pytest.mark.django_db

FINANCES, HOUSING = LifeDomain.FINANCES.value, LifeDomain.HOUSING.value
DEBT, SOCIAL = ServiceType.DEBT_HELP.value, ServiceType.SOCIAL_WORK.value


def signals(case, kind=None):
    found = Signal.objects.filter(case=case)
    return list(found.filter(kind=kind) if kind else found)


def refresh_twice(case):
    signals_refresh_case(case=case)
    return signals_refresh_case(case=case)


def organisations(signal) -> set[str]:
    return {party.organisation.name for party in signal.parties.select_related("organisation")}


def test_rules_are_registered_per_kind():
    kinds = {rule.kind for rule in RULES.values()}
    assert kinds == set(SignalKind.values)
    assert join_names(["A", "B", "C"]) == "A, B en C"
    assert join_names(["A"]) == "A"


# ------------------------------------------------------------------------------------- match


def test_match_in_another_household_tells_both_sides_once(household_case, org_a, org_b):
    involve(household_case, org_a)
    person = household_case.household.members.order_by("pk").first()
    other_case = CaseFactory(household__members=1)
    HouseholdMember.objects.create(household=other_case.household, person=person)
    second = involve(other_case, org_b, persons=[person])

    signals_match_involvement(involvement=second)
    summary = signals_match_involvement(involvement=second)

    assert summary.raised == 0 and summary.updated == 0
    here, there = signals(household_case, SignalKind.MATCH), signals(other_case, SignalKind.MATCH)
    assert len(here) == 1 and len(there) == 1
    assert here[0].person == person and there[0].person == person
    assert organisations(here[0]) == organisations(there[0]) == {org_a.name, org_b.name}
    assert here[0].key == f"match:{household_case.pk}:{person.pk}"
    assert Signal.objects.filter(kind=SignalKind.MATCH).count() == 2


def test_match_in_the_same_case_per_person(household_case, org_a, org_b):
    first, second, third = household_case.household.members.order_by("pk")
    involve(household_case, org_a, persons=[first, second])
    involve(household_case, org_b, persons=[second, third])

    refresh_twice(household_case)

    matches = signals(household_case, SignalKind.MATCH)
    assert [m.person for m in matches] == [second]
    assert set(matches[0].data) == set()


def test_match_carries_no_content(household_case, org_a, org_b):
    involve(household_case, org_a, life_domains=[FINANCES], service_type=DEBT)
    involve(household_case, org_b, life_domains=[FINANCES], service_type=DEBT)

    signals_refresh_case(case=household_case)

    for match in signals(household_case, SignalKind.MATCH):
        text = match.explanation.lower()
        for content in (FINANCES, "financi", DEBT, "schuldhulp", "reden"):
            assert content not in text
        assert org_a.name in match.explanation and org_b.name in match.explanation
        assert match.data == {}


def test_match_goes_when_an_involvement_ends_and_closed_cases_do_not_count(
    household_case, org_a, org_b
):
    involve(household_case, org_a)
    person = household_case.household.members.order_by("pk").first()
    other_case = CaseFactory(household__members=1)
    HouseholdMember.objects.create(household=other_case.household, person=person)
    second = involve(other_case, org_b, persons=[person])
    signals_match_involvement(involvement=second)

    other_case.status, other_case.closing_reason = CaseStatus.CLOSED, ClosingReason.OTHER
    other_case.save()
    signals_refresh_case(case=other_case)

    assert all(not s.present for s in Signal.objects.filter(kind=SignalKind.MATCH))
    assert {s.status for s in Signal.objects.all()} == {SignalStatus.CLEARED}


# ------------------------------------------------------------------------------------ overlap


def test_overlap_same_domain_and_service(household_case, org_a, org_b):
    involve(household_case, org_a, life_domains=[FINANCES, HOUSING], service_type=DEBT)
    involve(household_case, org_b, life_domains=[FINANCES], service_type=DEBT)
    involve(household_case, OrganisationFactory(), life_domains=[HOUSING], service_type=SOCIAL)

    refresh_twice(household_case)

    (overlap,) = signals(household_case, SignalKind.OVERLAP)
    assert overlap.key == f"overlap:{household_case.pk}:{FINANCES}:{DEBT}"
    assert organisations(overlap) == {org_a.name, org_b.name}
    assert "Financiën" in overlap.explanation and "Schuldhulpverlening" in overlap.explanation
    assert overlap.status == SignalStatus.OPEN and overlap.present


def test_overlap_clears_when_it_goes_and_reopens_when_it_returns(household_case, org_a, org_b):
    involve(household_case, org_a, life_domains=[FINANCES], service_type=DEBT)
    second = involve(household_case, org_b, life_domains=[FINANCES], service_type=DEBT)
    signals_refresh_case(case=household_case)

    second.end_date = days_ago(1)
    second.save()
    summary = signals_refresh_case(case=household_case)

    (overlap,) = signals(household_case, SignalKind.OVERLAP)
    assert summary.cleared >= 1
    assert (overlap.status, overlap.present) == (SignalStatus.CLEARED, False)
    assert not Signal.objects.open().filter(kind=SignalKind.OVERLAP).exists()

    involve(household_case, org_b, life_domains=[FINANCES], service_type=DEBT)
    refresh_twice(household_case)

    overlap.refresh_from_db()
    assert (overlap.status, overlap.present, overlap.reopened_count) == (
        SignalStatus.OPEN,
        True,
        1,
    )
    assert len(signals(household_case, SignalKind.OVERLAP)) == 1


def test_resolved_signal_stays_resolved_while_it_holds_and_reopens_after(
    household_case, org_a, org_b
):
    involve(household_case, org_a, life_domains=[FINANCES], service_type=DEBT)
    second = involve(household_case, org_b, life_domains=[FINANCES], service_type=DEBT)
    signals_refresh_case(case=household_case)
    (overlap,) = signals(household_case, SignalKind.OVERLAP)
    Signal.objects.filter(pk=overlap.pk).update(status=SignalStatus.RESOLVED, outcome="goed_zo")

    signals_refresh_case(case=household_case)
    overlap.refresh_from_db()
    assert overlap.status == SignalStatus.RESOLVED and overlap.present

    second.end_date = days_ago(1)
    second.save()
    signals_refresh_case(case=household_case)
    overlap.refresh_from_db()
    assert (overlap.status, overlap.present) == (SignalStatus.RESOLVED, False)

    involve(household_case, org_b, life_domains=[FINANCES], service_type=DEBT)
    signals_refresh_case(case=household_case)
    overlap.refresh_from_db()
    assert (overlap.status, overlap.reopened_count) == (SignalStatus.OPEN, 1)


def test_resolved_overlap_reopens_when_another_organisation_joins(household_case, org_a, org_b):
    involve(household_case, org_a, life_domains=[FINANCES], service_type=DEBT)
    involve(household_case, org_b, life_domains=[FINANCES], service_type=DEBT)
    signals_refresh_case(case=household_case)
    (overlap,) = signals(household_case, SignalKind.OVERLAP)
    Signal.objects.filter(pk=overlap.pk).update(status=SignalStatus.RESOLVED, outcome="goed_zo")

    newcomer = OrganisationFactory(name="Schuldhulp Extra")
    involve(household_case, newcomer, life_domains=[FINANCES], service_type=DEBT)
    signals_refresh_case(case=household_case)

    overlap.refresh_from_db()
    assert (overlap.status, overlap.reopened_count) == (SignalStatus.OPEN, 1)
    assert organisations(overlap) == {org_a.name, org_b.name, newcomer.name}


def test_contacts_follow_the_involvements(household_case, org_a, org_b, pro_b):
    involve(household_case, org_a, life_domains=[FINANCES], service_type=DEBT)
    second = involve(household_case, org_b, life_domains=[FINANCES], service_type=DEBT)
    signals_refresh_case(case=household_case)
    (overlap,) = signals(household_case, SignalKind.OVERLAP)
    assert overlap.parties.get(organisation=org_b).contact is None

    second.contact = pro_b
    second.save()
    signals_refresh_case(case=household_case)

    assert overlap.parties.get(organisation=org_b).contact == pro_b


# ---------------------------------------------------------------------------------------- gap


def test_priority_and_help_question_without_goal(household_case, org_a):
    involve(household_case, org_a)
    HelpQuestion.objects.create(case=household_case, text="Woning", life_domain=HOUSING)
    signals_refresh_case(case=household_case)
    assert signals(household_case, SignalKind.GAP) == [], "no plan yet, no gap"

    plan = PlanFactory(case=household_case)
    refresh_twice(household_case)
    gaps = {s.key: s for s in signals(household_case, SignalKind.GAP)}
    assert set(gaps) == {
        f"gat:leefgebied:{household_case.pk}:{FINANCES}",
        f"gat:leefgebied:{household_case.pk}:{HOUSING}",
    }
    assert gaps[f"gat:leefgebied:{household_case.pk}:{FINANCES}"].explanation.startswith(
        "De prio-vraag"
    )

    goal = GoalFactory(plan=plan, life_domain=FINANCES)
    ActionFactory(goal=goal)
    signals_refresh_case(case=household_case)

    open_gaps = Signal.objects.open().filter(case=household_case, kind=SignalKind.GAP)
    assert [s.data["life_domain"] for s in open_gaps] == [HOUSING]


def test_low_score_on_the_latest_assessment_without_goal(household_case, org_a):
    involve(household_case, org_a)
    household_case.priority_domain = ""
    household_case.save()
    plan = PlanFactory(case=household_case)
    GoalFactory(plan=plan, life_domain=FINANCES)
    person = household_case.household.members.order_by("pk").first()
    older = {"financien": 1, "huisvesting": 2, "justitie": 1}
    AssessmentFactory(case=household_case, person=person, organisation=org_a, scores=older)
    AssessmentFactory(
        case=household_case,
        person=person,
        organisation=org_a,
        assessed_on=timezone.localdate(),
        scores={"financien": 1, "huisvesting": 2, "justitie": 4},
    )
    refresh_twice(household_case)

    gaps = signals(household_case, SignalKind.GAP)
    low = [s for s in gaps if s.key.startswith("gat:meting:")]
    assert [s.data["life_domain"] for s in low] == [HOUSING], (
        "finances has a goal, justice is 4 now"
    )
    assert organisations(low[0]) == {org_a.name}
    assert "score" not in low[0].explanation and person.given_names not in low[0].explanation

    GoalFactory(plan=plan, life_domain=HOUSING)
    signals_refresh_case(case=household_case)
    assert not Signal.objects.open().filter(key=low[0].key).exists()


def test_goal_without_open_action(household_case, org_a):
    involve(household_case, org_a)
    plan = PlanFactory(case=household_case)
    goal = GoalFactory(plan=plan, life_domain=FINANCES, title="Rust over geld")
    action = ActionFactory(goal=goal, status=ActionStatus.DONE)
    refresh_twice(household_case)

    (gap,) = signals(household_case, SignalKind.GAP)
    assert gap.key == f"gat:doel:{household_case.pk}:{goal.pk}"
    assert "Rust over geld" in gap.explanation

    action.status = ActionStatus.BUSY
    action.save()
    signals_refresh_case(case=household_case)
    gap.refresh_from_db()
    assert gap.status == SignalStatus.CLEARED

    action.status = ActionStatus.DONE
    action.save()
    GoalEvaluation.objects.create(
        goal=goal, version_number=1, result=GoalResult.ACHIEVED, evaluated_by=UserFactory()
    )
    signals_refresh_case(case=household_case)
    gap.refresh_from_db()
    assert gap.status == SignalStatus.CLEARED, "an achieved goal needs no action"


# ----------------------------------------------------------------------------- no coordinator


def test_no_coordinator_after_the_third_organisation_and_n_days(household_case, settings):
    settings.SIGNAL_NO_COORDINATOR_DAYS = 14
    for started in (60, 40):
        involve(household_case, OrganisationFactory(), start_date=days_ago(started))
    third = involve(household_case, OrganisationFactory(), start_date=days_ago(14))
    refresh_twice(household_case)
    assert signals(household_case, SignalKind.NO_COORDINATOR) == [], "exactly 14 days: not yet"

    third.start_date = days_ago(15)
    third.save()
    refresh_twice(household_case)
    (signal,) = signals(household_case, SignalKind.NO_COORDINATOR)
    assert signal.key == f"geen_regisseur:{household_case.pk}"
    assert signal.data == {"since": days_ago(15).isoformat(), "organisations": 3}
    assert len(signal.parties.all()) == 3

    settings.SIGNAL_NO_COORDINATOR_DAYS = 30
    signals_refresh_case(case=household_case)
    signal.refresh_from_db()
    assert signal.status == SignalStatus.CLEARED


def test_no_signal_with_a_coordinator_or_two_organisations(coordinated):
    for _ in range(3):
        involve(coordinated, OrganisationFactory(), start_date=days_ago(90))
    two = CaseFactory()
    for _ in range(2):
        involve(two, OrganisationFactory(), start_date=days_ago(90))

    signals_refresh_case(case=coordinated)
    signals_refresh_case(case=two)

    assert not Signal.objects.filter(kind=SignalKind.NO_COORDINATOR).exists()


# ------------------------------------------------------------------------------------ stalled


def _agreed(plan, *, evaluation_date):
    plan.evaluation_date, plan.is_draft = evaluation_date, False
    plan.save()
    PlanVersion.objects.create(
        plan=plan,
        number=1,
        content={},
        agreed_on=days_ago(60),
        agreement_method="in_overleg",
        recorded_by=UserFactory(),
    )


def test_agreed_plan_past_its_evaluation_date(household_case, org_a):
    involve(household_case, org_a)
    plan = PlanFactory(case=household_case, evaluation_date=days_ago(1))
    signals_refresh_case(case=household_case)
    assert signals(household_case, SignalKind.STALLED) == [], "a draft is not stalled"

    _agreed(plan, evaluation_date=days_ago(1))
    refresh_twice(household_case)
    (stalled,) = signals(household_case, SignalKind.STALLED)
    assert stalled.key == f"stilstand:evaluatie:{household_case.pk}"

    household_case.status = CaseStatus.EVALUATION
    household_case.save()
    signals_refresh_case(case=household_case)
    stalled.refresh_from_db()
    assert stalled.status == SignalStatus.CLEARED


def test_action_overdue_by_more_than_n_days(household_case, org_a, pro_a, settings):
    settings.SIGNAL_OVERDUE_DAYS = 14
    involve(household_case, org_a)
    goal = GoalFactory(plan=PlanFactory(case=household_case))
    late = ActionFactory(
        goal=goal,
        owner_kind=OwnerKind.ORGANISATION,
        owner_person=None,
        owner_organisation=org_a,
        owner_professional=pro_a,
        due_date=days_ago(15),
        description="Budgetplan maken",
    )
    ActionFactory(goal=goal, due_date=days_ago(14))
    ActionFactory(goal=goal, due_date=days_ago(30), status=ActionStatus.DONE)
    refresh_twice(household_case)

    (stalled,) = signals(household_case, SignalKind.STALLED)
    assert stalled.key == f"stilstand:actie:{household_case.pk}:{late.pk}"
    assert "Budgetplan maken" in stalled.explanation
    assert [(p.organisation, p.contact) for p in stalled.parties.all()] == [(org_a, pro_a)]


# ------------------------------------------------------------------------------- closed cases


def test_closed_case_raises_nothing_and_its_signals_clear(household_case, org_a, org_b):
    involve(household_case, org_a, life_domains=[FINANCES], service_type=DEBT)
    involve(household_case, org_b, life_domains=[FINANCES], service_type=DEBT)
    PlanFactory(case=household_case)
    signals_refresh_case(case=household_case)
    assert Signal.objects.open().filter(case=household_case).count() >= 3

    household_case.status, household_case.closing_reason = CaseStatus.CLOSED, "doelen_bereikt"
    household_case.save()
    signals_refresh_case(case=household_case)

    assert not Signal.objects.filter(case=household_case, present=True).exists()
    assert not Signal.objects.open().filter(case=household_case).exists()
