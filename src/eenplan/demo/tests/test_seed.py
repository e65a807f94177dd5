"""The demo region: complete, realistic enough to demo with, and safe to load twice."""

from io import StringIO

import pytest
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone

from eenplan.assessments.models import Assessment, Score
from eenplan.cases.constants import CaseStatus, ProposalStatus, ReferralStatus, TimelineEventKind
from eenplan.cases.models import Case, Consent, HelpQuestion, Involvement, TimelineEvent
from eenplan.common.validators import is_valid_bsn
from eenplan.consultations.models import AgendaItem, Agreement, Consultation, PolicySignal
from eenplan.demo.data import ORGANISATIONS
from eenplan.demo.data.portal import CITIZENS, START_CITIZEN
from eenplan.demo.data.synthetic import SYNTHETIC_PREFIX
from eenplan.indicators.definitions import CORE_BY_CODE
from eenplan.indicators.models import LocalIndicator, PopulationFigure, Story
from eenplan.indicators.periods import Quarter, last_quarters
from eenplan.indicators.values import indicator_cells
from eenplan.people.constants import RelationKind
from eenplan.people.models import Household, NetworkMember, Person, Relation
from eenplan.plans.models import Action as PlanAction
from eenplan.plans.models import Commitment, Goal, GoalEvaluation, Plan, PlanVersion
from eenplan.portal.constants import OWN_ACCOUNT_AGE
from eenplan.portal.constants import ProposalStatus as HouseholdProposalStatus
from eenplan.portal.models import Citizen, Feedback, Message, Proposal
from eenplan.portal.rules import persons_in_care
from eenplan.portal.selectors import my_access_log, my_messages
from eenplan.privacy import policy
from eenplan.privacy.constants import Action
from eenplan.privacy.models import AccessLogEntry
from eenplan.signals.models import Signal
from eenplan.tenancy.constants import Role
from eenplan.tenancy.models import Membership, Municipality, Organisation, Region, User

pytestmark = pytest.mark.django_db

COUNTED = (
    Consultation,
    AgendaItem,
    Agreement,
    PolicySignal,
    Region,
    Municipality,
    Organisation,
    User,
    Membership,
    Household,
    Person,
    Relation,
    NetworkMember,
    Case,
    HelpQuestion,
    Involvement,
    TimelineEvent,
    Plan,
    Goal,
    PlanAction,
    PlanVersion,
    Commitment,
    GoalEvaluation,
    Assessment,
    Score,
    Signal,
    PopulationFigure,
    Story,
    LocalIndicator,
    Citizen,
    Proposal,
    Message,
    Feedback,
)


def _demo_households():
    """The households of the demo stories, without the synthetic history."""
    return Household.objects.exclude(name__startswith=SYNTHETIC_PREFIX)


def _demo_cases():
    return Case.objects.filter(household__in=_demo_households())


def _counts() -> dict[str, int]:
    return {model.__name__: model.objects.count() for model in COUNTED}


def test_seeding_twice_creates_no_duplicates(seeded):
    assert "Demoregio geladen: 3 gemeenten, 22 organisaties, 16 huishoudens" in seeded
    assert "Gooi en Vechtstreek: 8 gemeenten" in seeded
    first = _counts()
    out = StringIO()
    call_command("seed_demo", stdout=out)

    assert _counts() == first
    assert "16 huishoudens (0 nieuw, 16 bestonden al)" in out.getvalue()


def test_region_organisations_and_households(seeded):
    eemsdelta = Municipality.objects.filter(region__name="Proeftuin Eemsdelta")
    assert dict(eemsdelta.values_list("cbs_code", "inhabitants")) == {
        "GM0010": 24_716,
        "GM0003": 11_721,
        "GM0024": 9_694,
    }
    demo = Organisation.objects.filter(name__in=[spec.name for spec in ORGANISATIONS])
    assert demo.count() == 22
    assert Organisation.objects.count() == 22 + 2 * 4  # four synthetic ones per region
    assert not Organisation.objects.filter(municipalities=None).exists()
    assert _demo_households().count() == 16
    assert set(_demo_households().values_list("municipality__cbs_code", flat=True)) == {
        "GM0010",
        "GM0003",
        "GM0024",
    }


def test_every_household_but_one_has_a_coordinated_case_with_involvements(seeded):
    for household in _demo_households():
        (case,) = household.cases.all()
        if household.name != "Familie Huizenga":  # the partners have not agreed on one yet
            assert case.coordinator is not None, household
            assert case.coordinator_organisation is not None, household
        assert case.involvements.count() >= 3, household
        assert case.priority_question and case.priority_domain, household
        assert 1 <= case.other_questions.count() <= 3, household
        assert 1 <= household.members.count() <= 6, household


def test_statuses_spread_over_the_state_machine(seeded):
    statuses = set(_demo_cases().values_list("status", flat=True))
    assert statuses == set(CaseStatus.values)
    assert not Case.objects.filter(status=CaseStatus.CLOSED, closing_reason="").exists()
    assert TimelineEvent.objects.filter(kind=TimelineEventKind.CASE_REOPENED).count() == 1
    escalated = _demo_cases().filter(escalation_level__gt=1)
    assert escalated.count() == 2
    assert all(case.escalation_reason for case in escalated)


def test_every_role_is_present(seeded):
    assert set(Membership.objects.values_list("role", flat=True)) == set(Role.values)


def test_bsns_are_synthetic_and_valid(seeded):
    bsns = [person.bsn for person in Person.objects.exclude(bsn_digest="")]
    assert len(bsns) >= 40
    assert all(is_valid_bsn(bsn) and bsn.startswith("99999") for bsn in bsns)


def test_gooi_en_vechtstreek_has_eight_municipalities_with_only_synthetic_history(seeded):
    region = Region.objects.get(name="Gooi en Vechtstreek")
    assert region.municipalities.count() == 8
    assert not _demo_households().filter(municipality__region=region).exists()
    assert Household.objects.filter(municipality__region=region).exists()


def test_changes_went_through_the_services(seeded):
    """Every case change has an acting professional; every person of the demo households has a
    'created' log entry (the synthetic history is written in bulk, without one)."""
    assert not TimelineEvent.objects.filter(actor=None).exists()
    assert TimelineEvent.objects.filter(kind=TimelineEventKind.CASE_OPENED).count() == 16
    created = AccessLogEntry.objects.filter(action=Action.CREATE)
    assert set(created.values_list("person_uuid", flat=True)) == set(
        Person.objects.filter(households__in=_demo_households()).values_list("uuid", flat=True)
    )


def test_consent_limits_what_the_ggz_sees_of_the_huizenga_household(seeded):
    ggz = User.objects.get(username="ggz.uitvoerder")
    case = Case.objects.get(household__name="Familie Huizenga")
    assert Case.objects.visible_to(ggz).filter(pk=case.pk).exists()
    assert not policy.case_access(ggz, [case.pk])[case.pk].has_content
    jeugdhulp = User.objects.get(username="jeugdhulp.uitvoerder")
    assert policy.case_access(jeugdhulp, [case.pk])[case.pk].plan


def test_a_referral_and_a_coordinator_proposal_wait_for_an_answer(seeded):
    case = Case.objects.get(household__name="Familie Huizenga")
    (referral,) = case.referrals.all()
    assert referral.status == ReferralStatus.SENT
    assert referral.to_organisation.memberships.filter(user__username="schuldhulp.uitvoerder")
    assert case.coordinator_proposals.get().status == ProposalStatus.PROPOSED


# ---------------------------------------------------------------------------- Mijn EenPlan


def _start_citizen() -> Citizen:
    return Citizen.objects.select_related("user", "person").get(user__username=START_CITIZEN)


def _age(person) -> int:
    return person.age_on(timezone.localdate())


def test_citizen_accounts_in_households_of_every_municipality(seeded):
    citizens = list(Citizen.objects.select_related("user", "person"))
    assert {c.user.username for c in citizens} == {spec.username for spec in CITIZENS}
    assert all(c.user.is_citizen and c.user.has_usable_password() for c in citizens)
    households = Household.objects.filter(members__citizen_account__in=citizens).distinct()
    assert households.count() >= 3
    assert set(households.values_list("municipality__cbs_code", flat=True)) == {
        "GM0010",
        "GM0003",
        "GM0024",
    }
    assert all(_age(c.person) >= OWN_ACCOUNT_AGE for c in citizens)


def test_the_parent_has_a_child_under_16_and_one_of_16_or_17_with_an_account(seeded):
    parent = _start_citizen()
    children = Person.objects.filter(
        pk__in=Relation.objects.filter(person=parent.person, kind=RelationKind.PARENT).values(
            "related_person"
        )
    )
    young = [child for child in children if _age(child) < OWN_ACCOUNT_AGE]
    teens = [child for child in children if _age(child) in (16, 17)]
    assert young and teens
    assert all(Citizen.objects.filter(person=teen).exists() for teen in teens)
    assert persons_in_care(parent) == [parent.person, *young]  # the parent acts for the young one


def test_the_parents_household_tells_the_portal_story(seeded):
    """A coordinator, a draft plan with an action of the parent, organisations on consent,
    professionals who looked, a message from the coordinator and an answered proposal."""
    citizen = _start_citizen()
    case = Case.objects.get(household__members=citizen.person)
    assert case.coordinator is not None
    plan = Plan.objects.get(case=case)
    assert plan.is_draft and plan.goals.count() >= 3
    assert PlanAction.objects.filter(goal__plan=plan, owner_person=citizen.person).exists()
    organisations = set(
        Consent.objects.active()
        .filter(case=case, person=citizen.person, ground="toestemming")
        .values_list("organisation", flat=True)
    )
    active = set(case.involvements.active().values_list("organisation", flat=True))
    assert len(organisations & active) >= 2

    looked = [e for e in my_access_log(user=citizen.user) if e.who and e.who != "EenPlan"]
    assert len({timezone.localdate(e.when) for e in looked}) >= 4  # on several days
    (thread,) = [thread for c, thread in my_messages(user=citizen.user) if c == case]
    assert any(not m.from_household and m.author == case.coordinator for m in thread)

    taken_in = Proposal.objects.get(case=case, status=HouseholdProposalStatus.TAKEN_IN)
    assert taken_in.proposed_by == citizen.person and taken_in.answer
    assert taken_in.goal.plan == plan and taken_in.goal.actions.exists()
    assert Proposal.objects.filter(case=case, status=HouseholdProposalStatus.OPEN).exists()


def test_citizens_gave_plausible_marks_that_the_indicator_shows(seeded):
    demo_marks = Feedback.objects.filter(person__citizen_account__isnull=False)
    assert demo_marks.count() >= 4
    municipalities = demo_marks.values_list("case__household__municipality", flat=True)
    assert len(set(municipalities)) == 3
    quarters = {Quarter.containing(timezone.localdate(f.given_at)) for f in demo_marks}
    assert len(quarters) >= 2
    for mark in demo_marks.select_related("case__plan"):
        assert 5 <= mark.score <= 9
        assert mark.case.plan.versions.filter(number=mark.plan_version).exists()

    delfzijl = Municipality.objects.get(cbs_code="GM0010")
    cells = indicator_cells([CORE_BY_CODE["tevredenheid"]], last_quarters(4))
    shown = [
        cell
        for (_code, group, _quarter), cell in cells.items()
        if group == delfzijl.pk and not cell.suppressed
    ]
    assert len(shown) >= 2 and all(5 <= cell.value <= 9 for cell in shown)


def test_the_functional_admin_manages_professional_accounts_in_beheer(seeded, client):
    admin = User.objects.get(username="beheer.eenplan")
    client.force_login(admin)
    assert client.get(reverse("admin:index")).status_code == 200
    users = client.get(reverse("admin:tenancy_user_changelist")).content.decode()
    assert "wijkteam.delfzijl" in users
    assert "monique.vanderlaan" not in users, "citizen accounts are not a functional admin's"
    cases = client.get(reverse("admin:cases_case_changelist")).content.decode()
    assert "Familie Bakker" not in cases, "the access rule holds in the admin too"
