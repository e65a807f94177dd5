"""The plan tab: who sees it, what it shows, starting and agreeing a plan, versions, queries."""

import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from eenplan.cases.constants import CaseStatus
from eenplan.cases.models import HelpQuestion
from eenplan.cases.tests.factories import CaseFactory, InvolvementFactory
from eenplan.cases.tests.test_views_layout import assert_accessible_page
from eenplan.people.tests.factories import NetworkMemberFactory
from eenplan.plans import services
from eenplan.plans.constants import ActionStatus, AgreementMethod, GoalResult, OwnerKind
from eenplan.plans.models import Commitment, GoalEvaluation, Plan, PlanVersion
from eenplan.plans.tests.factories import ActionFactory, GoalFactory, PlanFactory
from eenplan.privacy.models import AccessLogEntry
from eenplan.tenancy.constants import Role
from eenplan.tenancy.tests.factories import OrganisationFactory, UserFactory, user_in

pytestmark = pytest.mark.django_db

HIDDEN_ROLES = [
    Role.TEAM_LEADER,
    Role.DIRECTOR,
    Role.POLICY_OFFICER,
    Role.PRIVACY_OFFICER,
    Role.FUNCTIONAL_ADMIN,
]
YESTERDAY = timezone.localdate() - datetime.timedelta(days=1)


def plan_url(case, name: str = "plan", **kwargs) -> str:
    return reverse(f"plans:{name}", kwargs={"case_uuid": case.uuid, **kwargs})


def members(case) -> list:
    return [m.person for m in case.household.memberships.order_by("-is_contact", "pk")]


@pytest.fixture
def plan(case):
    return PlanFactory(case=case)


@pytest.fixture
def goal(plan):
    return GoalFactory(plan=plan, title="Grip op de post")


@pytest.fixture(params=["outsider", *HIDDEN_ROLES, "superuser"])
def user_without_access(request, involved_org):
    """Everyone who must not see ``case``: another organisation, non-case roles in the involved
    organisation itself, and a superuser without membership."""
    if request.param == "outsider":
        return request.getfixturevalue("outsider")
    if request.param == "superuser":
        return UserFactory(is_superuser=True, is_staff=True, username="root")
    return user_in(involved_org, request.param)


def agree(plan, actor, *, method=AgreementMethod.IN_MEETING) -> PlanVersion:
    plan.refresh_from_db()
    return services.plan_agree(
        actor=actor,
        plan=plan,
        revision=plan.revision,
        agreed_by=members(plan.case)[:2],
        method=method,
    )


# ---------------------------------------------------------------------------- who sees the tab


def test_plan_tab_shows_the_plan_to_an_involved_professional(
    client, case, plan, goal, professional, involved_org
):
    HelpQuestion.objects.create(case=case, text="Werk vinden voor vader.", position=1)
    oma = NetworkMemberFactory(household=case.household, name="Oma Jansen")
    ActionFactory(goal=goal, description="Post samen openen", due_date=YESTERDAY)
    ActionFactory(
        goal=goal,
        description="Oma past op woensdag op",
        owner_kind=OwnerKind.NETWORK_MEMBER,
        owner_person=None,
        owner_network_member=oma,
    )
    ActionFactory(
        goal=goal,
        description="Budgetplan maken",
        owner_kind=OwnerKind.ORGANISATION,
        owner_person=None,
        owner_organisation=involved_org,
        due_date=timezone.localdate() + datetime.timedelta(days=7),
    )
    client.force_login(professional)
    response = client.get(plan_url(case))
    assert response.status_code == 200
    content = response.content.decode()
    assert content.index(case.priority_question) < content.index("Werk vinden voor vader.")
    assert plan.strengths in content and plan.concerns in content
    assert "Grip op de post" in content and "Financiën" in content
    assert "Concept versie 1" in content
    assert "Oma Jansen (Buurman / buurvrouw)" in content
    for badge in ("Gezinslid", "Eigen netwerk", "Organisatie"):
        assert f">{badge}</span>" in content
    assert content.count("eenplan-table__row--overdue") == 1 and "Te laat" in content
    assert "0 van 3 acties klaar" in content and "1 te laat" in content
    assert 'aria-current="page">Plan</a>' in content
    assert_accessible_page(content)


def test_plan_tab_is_404_for_users_without_access(client, case, plan, user_without_access):
    client.force_login(user_without_access)
    response = client.get(plan_url(case))
    assert response.status_code == 404
    assert case.household.name not in response.content.decode()
    assert not AccessLogEntry.objects.exists()


def test_plan_tab_logs_a_read_per_member(client, case, plan, professional):
    client.force_login(professional)
    client.get(plan_url(case))
    assert sorted(e.person_uuid for e in AccessLogEntry.objects.all()) == sorted(
        p.uuid for p in members(case)
    )


def test_plan_tab_of_a_case_without_plan_offers_to_start_one(client, case, professional):
    client.force_login(professional)
    content = client.get(plan_url(case)).content.decode()
    assert "nog geen plan" in content and "Plan starten" in content
    response = client.post(plan_url(case, "plan-create"))
    assert response.status_code == 302 and response.url.startswith(plan_url(case))
    assert Plan.objects.filter(case=case).exists()


def test_starting_a_plan_with_htmx_returns_the_plan_body(client, case, professional):
    client.force_login(professional)
    response = client.post(plan_url(case, "plan-create"), HTTP_HX_REQUEST="true")
    assert response.status_code == 200
    content = response.content.decode()
    assert "<html" not in content and content.lstrip().startswith('<div id="plan-inhoud">')
    assert "Concept versie 1" in content and "Het plan is gestart" in content


def test_starting_a_second_plan_is_refused(client, case, plan, professional):
    client.force_login(professional)
    response = client.post(plan_url(case, "plan-create"))
    assert response.status_code == 400
    assert "één gezin, één plan" in response.content.decode()
    assert Plan.objects.filter(case=case).count() == 1


def test_outsider_cannot_start_a_plan(client, case, outsider):
    client.force_login(outsider)
    assert client.post(plan_url(case, "plan-create")).status_code == 404
    assert not Plan.objects.exists()


def test_household_page_shows_progress_and_links_to_the_plan(client, case, goal, professional):
    ActionFactory(goal=goal, status=ActionStatus.DONE)
    ActionFactory(goal=goal, due_date=YESTERDAY)
    ActionFactory(goal=goal)
    client.force_login(professional)
    url = reverse("people:household", kwargs={"household_uuid": case.household.uuid})
    content = client.get(url).content.decode()
    assert "1 van 3 acties klaar" in content and "1 te laat" in content
    assert "0 van 1 doel bereikt" in content
    assert '<progress class="eenplan-progress" max="100" value="33"' in content
    assert f'href="{plan_url(case)}"' in content
    assert 'aria-current="page">Huishouden</a>' in content


# ---------------------------------------------------------------------------- agreeing


def test_agreeing_records_a_version(client, case, plan, goal, professional, involved_org):
    ActionFactory(goal=goal, description="Post samen openen")
    case.status = CaseStatus.PLAN
    case.save()
    persons = members(case)
    client.force_login(professional)
    form = client.get(plan_url(case, "plan-agree")).content.decode()
    assert 'name="revision" value="0"' in form
    response = client.post(
        plan_url(case, "plan-agree"),
        {
            "revision": 0,
            "agreed_by": [str(persons[0].uuid), str(persons[1].uuid)],
            "method": AgreementMethod.ON_PAPER,
            "agreed_on": "01-03-2026",
        },
    )
    assert response.status_code == 302
    version = PlanVersion.objects.get(plan=plan)
    assert version.number == 1 and version.agreed_on == datetime.date(2026, 3, 1)
    assert set(version.agreed_by.all()) == {persons[0], persons[1]}
    assert version.content["goals"][0]["actions"][0]["description"] == "Post samen openen"
    assert Commitment.objects.filter(version=version, organisation=involved_org).exists()
    case.refresh_from_db()
    assert case.status == CaseStatus.EXECUTION
    content = client.get(plan_url(case)).content.decode()
    assert "Vastgesteld versie 1" in content and "Op papier getekend" in content
    assert persons[0].full_name in content and "Wijkteam Delfzijl" in content
    assert plan_url(case, "version-pdf", number=1) in content


def test_agreeing_needs_who_and_how(client, case, plan, goal, professional):
    client.force_login(professional)
    response = client.post(plan_url(case, "plan-agree"), {"revision": 0, "agreed_on": ""})
    assert response.status_code == 400
    content = response.content.decode()
    assert "Kies wie in het gezin heeft ingestemd." in content
    assert "Kies hoe het gezin heeft ingestemd." in content
    assert not PlanVersion.objects.exists()
    assert_accessible_page(content)


def test_agreeing_a_changed_plan_is_a_conflict(client, case, plan, goal, professional):
    client.force_login(professional)
    services.goal_add(actor=professional, plan=plan, life_domain="huisvesting", title="Een huis")
    response = client.post(
        plan_url(case, "plan-agree"),
        {
            "revision": 0,
            "agreed_by": [str(members(case)[0].uuid)],
            "method": AgreementMethod.DIGITAL,
            "agreed_on": timezone.localdate().strftime("%d-%m-%Y"),
        },
        HTTP_HX_REQUEST="true",
    )
    assert response.status_code == 409
    content = response.content.decode()
    assert "Iemand anders heeft dit intussen gewijzigd" in content
    assert 'name="revision" value="1"' in content and "checked" in content
    assert not PlanVersion.objects.exists()


def test_another_organisation_commits_to_the_agreed_version(client, case, plan, goal, professional):
    agree(plan, professional)
    school = OrganisationFactory(name="Basisschool De Wierde")
    InvolvementFactory(case=case, organisation=school)
    teacher = user_in(school)
    client.force_login(teacher)
    assert "Wij verbinden ons aan dit plan" in client.get(plan_url(case)).content.decode()
    response = client.post(plan_url(case, "plan-commit", number=1), HTTP_HX_REQUEST="true")
    assert response.status_code == 200
    content = response.content.decode()
    assert "Basisschool De Wierde verbindt zich aan versie 1" in content
    assert "Wij verbinden ons aan dit plan" not in content
    assert Commitment.objects.filter(organisation=school, committed_by=teacher).exists()


def test_committing_to_an_unknown_version_is_404(client, case, plan, professional):
    client.force_login(professional)
    assert client.post(plan_url(case, "plan-commit", number=7)).status_code == 404


def test_evaluation_start_and_goal_evaluation(client, case, plan, goal, professional):
    case.status = CaseStatus.PLAN
    case.save()
    agree(plan, professional)
    client.force_login(professional)
    assert "Evaluatie starten" in client.get(plan_url(case)).content.decode()
    response = client.post(plan_url(case, "start-evaluation"))
    assert response.status_code == 302
    case.refresh_from_db()
    assert case.status == CaseStatus.EVALUATION
    evaluate = plan_url(case, "goal-evaluate", goal_uuid=goal.uuid)
    assert evaluate in client.get(plan_url(case)).content.decode()
    response = client.post(
        evaluate, {"result": GoalResult.ACHIEVED, "note": "Post is bij."}, HTTP_HX_REQUEST="true"
    )
    assert response.status_code == 200
    content = response.content.decode()
    assert content.lstrip().startswith(f'<article id="doel-{goal.uuid}"')
    assert "Bereikt" in content and "Post is bij." in content
    assert 'id="plan-status" class="eenplan-section"' in content and "hx-swap-oob" in content
    assert "1 van 1 doel bereikt" in content
    assert GoalEvaluation.objects.get(goal=goal).version_number == 1


def test_goal_evaluation_needs_a_result(client, case, goal, professional):
    client.force_login(professional)
    response = client.post(plan_url(case, "goal-evaluate", goal_uuid=goal.uuid), {"note": "x"})
    assert response.status_code == 400
    assert "Kies of het doel is bereikt." in response.content.decode()


# ---------------------------------------------------------------------------- versions


def test_version_compare_shows_what_changed(client, case, plan, goal, professional):
    action = ActionFactory(goal=goal, description="Post samen openen")
    agree(plan, professional)
    goal.refresh_from_db()
    services.goal_update(
        actor=professional,
        goal=goal,
        lock_version=goal.lock_version,
        life_domain=goal.life_domain,
        title="Zelf de post openen",
    )
    services.goal_add(actor=professional, plan=plan, life_domain="huisvesting", title="Een huis")
    client.force_login(professional)
    response = client.get(plan_url(case, "versions"))
    assert response.status_code == 200
    content = response.content.decode()
    assert "Van versie 1 naar het concept van nu" in content
    assert "Grip op de post" in content and "Zelf de post openen" in content
    assert ">Gewijzigd<" in content and ">Toegevoegd<" in content and "Een huis" in content
    assert_accessible_page(content)
    agree(plan, professional)
    action.delete()
    content = client.get(plan_url(case, "versions"), {"van": 1, "naar": 2}).content.decode()
    assert "Van versie 1 naar versie 2" in content and "Een huis" in content
    assert client.get(plan_url(case, "versions"), {"van": 9}).status_code == 200
    assert "Kies een versie uit de lijst." in (
        client.get(plan_url(case, "versions"), {"van": 9}).content.decode()
    )


def test_version_compare_is_404_for_outsider(client, case, plan, outsider):
    client.force_login(outsider)
    assert client.get(plan_url(case, "versions")).status_code == 404


# ---------------------------------------------------------------------------- queries


def _rich_plan(organisation, *, goals: int, actions: int):
    case = CaseFactory(household__members=3, status=CaseStatus.PLAN)
    InvolvementFactory(case=case, organisation=organisation)
    plan = PlanFactory(case=case)
    author = user_in(organisation, Role.COORDINATOR)
    network = NetworkMemberFactory(household=case.household)
    for number in range(goals):
        goal = GoalFactory(plan=plan)
        GoalEvaluation.objects.create(
            goal=goal, version_number=1, result=GoalResult.PARTLY, evaluated_by=author
        )
        for index in range(actions):
            ActionFactory(goal=goal, due_date=YESTERDAY if index % 2 else None)
        ActionFactory(
            goal=goal,
            owner_kind=OwnerKind.NETWORK_MEMBER,
            owner_person=None,
            owner_network_member=network,
        )
        ActionFactory(
            goal=goal,
            owner_kind=OwnerKind.ORGANISATION,
            owner_person=None,
            owner_organisation=organisation,
            owner_professional=author if number % 2 else None,
        )
        services.professional_plan_link(actor=author, goal=goal, reference=f"EP-{number}")
    for _ in range(2 if goals > 1 else 1):
        agree(plan, author)
        services.goal_add(actor=author, plan=plan, life_domain="huisvesting", title="Nog een")
    return case


def _plan_tab_queries(client, case) -> int:
    with CaptureQueriesContext(connection) as queries:
        response = client.get(plan_url(case))
    assert response.status_code == 200
    return len(queries)


def test_plan_tab_query_count_does_not_grow_with_the_plan(client, professional, involved_org):
    small = _rich_plan(involved_org, goals=1, actions=1)
    large = _rich_plan(involved_org, goals=5, actions=6)
    client.force_login(professional)
    _plan_tab_queries(client, small)  # warm up
    assert _plan_tab_queries(client, small) == _plan_tab_queries(client, large)
