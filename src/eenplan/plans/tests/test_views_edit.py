"""Editing the plan on the plan tab: without JavaScript (post, redirect) and with htmx
(fragments), field errors (400), conflicting edits (409) and objects one may not see (404)."""

import datetime
import re

import pytest
from django.test import Client
from django.urls import reverse

from eenplan.cases.tests.factories import CaseFactory, InvolvementFactory
from eenplan.cases.tests.test_views_layout import assert_accessible_page
from eenplan.common.constants import LifeDomain
from eenplan.people.tests.factories import NetworkMemberFactory
from eenplan.plans.constants import ActionStatus, OwnerKind
from eenplan.plans.models import Action, Goal, Plan, ProfessionalPlanLink
from eenplan.plans.tests.factories import ActionFactory, GoalFactory, PlanFactory
from eenplan.tenancy.constants import Role
from eenplan.tenancy.tests.factories import user_in

pytestmark = pytest.mark.django_db

HTMX = {"HTTP_HX_REQUEST": "true"}
CONFLICT = "Iemand anders heeft dit intussen gewijzigd"


def url(case, name: str, **kwargs) -> str:
    return reverse(f"plans:{name}", kwargs={"case_uuid": case.uuid, **kwargs})


@pytest.fixture
def plan(case):
    return PlanFactory(case=case)


@pytest.fixture
def goal(plan):
    return GoalFactory(plan=plan, title="Grip op de post")


@pytest.fixture
def action(goal):
    return ActionFactory(goal=goal, description="Post samen openen")


@pytest.fixture
def logged_in(client, professional):
    client.force_login(professional)
    return client


def hidden_value(content: str, name: str) -> str:
    return re.search(rf'name="{name}" value="([^"]*)"', content).group(1)


# ---------------------------------------------------------------------------- plan fields


def test_editing_plan_fields_without_javascript_redirects(logged_in, case, plan):
    form = logged_in.get(url(case, "plan-edit"))
    assert form.status_code == 200
    assert_accessible_page(form.content.decode())
    response = logged_in.post(
        url(case, "plan-edit"),
        {
            "lock_version": 0,
            "strengths": "Vader kookt elke dag.",
            "concerns": "Huur is achterstallig.",
            "evaluation_date": "15-09-2026",
        },
    )
    assert response.status_code == 302
    assert response.url == url(case, "plan") + "#plan-velden"
    plan.refresh_from_db()
    assert plan.strengths == "Vader kookt elke dag."
    assert plan.evaluation_date == datetime.date(2026, 9, 15)
    assert plan.lock_version == 1
    page = logged_in.get(response.url).content.decode()
    assert "zijn opgeslagen" in page and "15 september 2026" in page


def test_editing_plan_fields_with_htmx_returns_the_fragment(logged_in, case, plan):
    form = logged_in.get(url(case, "plan-edit"), **HTMX)
    content = form.content.decode()
    assert "<html" not in content and 'class="eenplan-panel"' in content
    assert 'hx-target="#plan-velden"' in content
    assert form["Vary"] and "HX-Request" in form["Vary"]
    response = logged_in.post(
        url(case, "plan-edit"),
        {"lock_version": 0, "strengths": "Sterk gezin.", "concerns": "", "evaluation_date": ""},
        **HTMX,
    )
    assert response.status_code == 200
    content = response.content.decode()
    assert content.lstrip().startswith('<section id="plan-velden"')
    assert "Sterk gezin." in content and "autofocus" in content
    assert 'id="plan-status"' in content and 'hx-swap-oob="true"' in content


def test_invalid_date_is_a_field_error(logged_in, case, plan):
    response = logged_in.post(
        url(case, "plan-edit"),
        {"lock_version": 0, "strengths": "x", "concerns": "y", "evaluation_date": "31-02-2026"},
    )
    assert response.status_code == 400
    content = response.content.decode()
    assert "Vul een bestaande datum in" in content and "<title>Fout:" in content
    assert 'href="#velden-paneel-evaluation_date"' in content
    assert_accessible_page(content)
    plan.refresh_from_db()
    assert plan.strengths != "x"


# ---------------------------------------------------------------------------- goals


def test_adding_a_goal(logged_in, case, plan):
    response = logged_in.post(
        url(case, "goal-add"),
        {"life_domain": LifeDomain.HOUSING, "title": "Een eigen huis", "description": ""},
        **HTMX,
    )
    assert response.status_code == 200
    content = response.content.decode()
    assert content.lstrip().startswith('<section id="doelen"')
    assert "Een eigen huis" in content and "Huisvesting" in content
    assert Goal.objects.get(plan=plan).title == "Een eigen huis"


def test_goal_without_title_shows_errors_in_the_form(logged_in, case, plan):
    for headers in ({}, HTMX):
        response = logged_in.post(
            url(case, "goal-add"), {"life_domain": "", "title": "  "}, **headers
        )
        assert response.status_code == 400
        content = response.content.decode()
        assert "Vul het doel in." in content and "Kies een leefgebied." in content
    assert content.lstrip().startswith('<section id="doelen"')
    assert not Goal.objects.exists()


def test_editing_a_goal_without_javascript(logged_in, case, goal):
    page = logged_in.get(url(case, "goal-edit", goal_uuid=goal.uuid))
    assert page.status_code == 200
    content = page.content.decode()
    assert 'value="Grip op de post"' in content
    assert_accessible_page(content)
    response = logged_in.post(
        url(case, "goal-edit", goal_uuid=goal.uuid),
        {"lock_version": 0, "life_domain": LifeDomain.FINANCES, "title": "Zelf de post openen"},
    )
    assert response.status_code == 302 and response.url.endswith("#doelen")
    goal.refresh_from_db()
    assert goal.title == "Zelf de post openen"


def test_two_users_save_the_same_goal_the_second_gets_a_conflict(case, goal, involved_org):
    first, second = Client(), Client()
    first.force_login(user_in(involved_org, username="eerste"))
    second.force_login(user_in(involved_org, username="tweede"))
    edit = url(case, "goal-edit", goal_uuid=goal.uuid)
    first_lock = hidden_value(first.get(edit).content.decode(), "lock_version")
    second_lock = hidden_value(second.get(edit, **HTMX).content.decode(), "lock_version")
    assert first_lock == second_lock == "0"

    saved = first.post(
        edit, {"lock_version": first_lock, "life_domain": "financien", "title": "Eerste tekst"}
    )
    assert saved.status_code == 302
    refused = second.post(
        edit,
        {"lock_version": second_lock, "life_domain": "financien", "title": "Tweede tekst"},
        **HTMX,
    )
    assert refused.status_code == 409
    content = refused.content.decode()
    assert CONFLICT in content
    assert 'value="Tweede tekst"' in content
    assert "Eerste tekst" in content
    assert hidden_value(content, "lock_version") == "1"
    goal.refresh_from_db()
    assert goal.title == "Eerste tekst"


def test_conflict_without_javascript_renders_the_page_with_the_form(logged_in, case, goal):
    Goal.objects.filter(pk=goal.pk).update(lock_version=3, title="Iemand anders")
    response = logged_in.post(
        url(case, "goal-edit", goal_uuid=goal.uuid),
        {"lock_version": 0, "life_domain": "financien", "title": "Mijn tekst"},
    )
    assert response.status_code == 409
    content = response.content.decode()
    assert "<html" in content and CONFLICT in content and 'value="Mijn tekst"' in content
    assert_accessible_page(content)


def test_removing_a_goal(logged_in, case, goal, action):
    confirm = logged_in.get(url(case, "goal-remove", goal_uuid=goal.uuid), **HTMX)
    assert "Weet u het zeker?" in confirm.content.decode()
    stale = logged_in.post(url(case, "goal-remove", goal_uuid=goal.uuid), {"lock_version": 5})
    assert stale.status_code == 409 and Goal.objects.exists()
    response = logged_in.post(
        url(case, "goal-remove", goal_uuid=goal.uuid), {"lock_version": 0}, **HTMX
    )
    assert response.status_code == 200
    assert "is verwijderd" in response.content.decode()
    assert not Goal.objects.exists() and not Action.objects.exists()


def test_linking_an_own_plan(logged_in, case, goal, involved_org):
    response = logged_in.post(
        url(case, "goal-link", goal_uuid=goal.uuid),
        {"reference": "WT-2026-17", "summary": "Budgetcoaching"},
        **HTMX,
    )
    assert response.status_code == 200
    assert "WT-2026-17" in response.content.decode()
    assert ProfessionalPlanLink.objects.get(goal=goal).organisation == involved_org


# ---------------------------------------------------------------------------- actions


def test_adding_actions_for_the_household_the_network_and_an_organisation(
    logged_in, case, goal, professional, involved_org
):
    oma = NetworkMemberFactory(household=case.household, name="Oma Jansen")
    person = case.household.members.first()
    form = logged_in.get(url(case, "action-add", goal_uuid=goal.uuid), **HTMX).content.decode()
    for value in (
        f"person:{person.uuid}",
        f"network:{oma.uuid}",
        f"org:{involved_org.uuid}",
        f"org:{involved_org.uuid}:{professional.uuid}",
    ):
        assert f'value="{value}"' in form
    assert '<optgroup label="Gezinslid">' in form
    add = url(case, "action-add", goal_uuid=goal.uuid)
    for description, owner in (
        ("Oma past op", f"network:{oma.uuid}"),
        ("Zelf bellen", f"person:{person.uuid}"),
        ("Budgetplan", f"org:{involved_org.uuid}:{professional.uuid}"),
    ):
        response = logged_in.post(
            add, {"description": description, "owner": owner, "due_date": "01-10-2026"}, **HTMX
        )
        assert response.status_code == 200
        assert response.content.decode().lstrip().startswith(f'<article id="doel-{goal.uuid}"')
    actions = {a.description: a for a in Action.objects.filter(goal=goal)}
    assert actions["Oma past op"].owner_kind == OwnerKind.NETWORK_MEMBER
    assert actions["Zelf bellen"].owner_person == person
    assert actions["Budgetplan"].owner_professional == professional
    assert actions["Budgetplan"].due_date == datetime.date(2026, 10, 1)


def test_action_owner_must_come_from_the_case(logged_in, case, goal):
    stranger = CaseFactory(household__members=1).household.members.first()
    response = logged_in.post(
        url(case, "action-add", goal_uuid=goal.uuid),
        {"description": "Iets", "owner": f"person:{stranger.uuid}"},
    )
    assert response.status_code == 400
    assert "Kies iemand uit de lijst." in response.content.decode()
    assert not Action.objects.exists()


def test_editing_an_action_keeps_its_owner_choice(logged_in, case, action):
    edit = url(case, "action-edit", action_uuid=action.uuid)
    form = logged_in.get(edit).content.decode()
    assert f'value="person:{action.owner_person.uuid}" selected' in form
    response = logged_in.post(
        edit,
        {
            "lock_version": 0,
            "description": "Post elke maandag openen",
            "owner": f"person:{action.owner_person.uuid}",
            "due_date": "",
        },
    )
    assert response.status_code == 302
    action.refresh_from_db()
    assert action.description == "Post elke maandag openen"


def test_setting_an_action_done(logged_in, case, action):
    response = logged_in.post(
        url(case, "action-status", action_uuid=action.uuid),
        {"lock_version": 0, "status": ActionStatus.DONE},
        **HTMX,
    )
    assert response.status_code == 200
    content = response.content.decode()
    assert ">Klaar</span>" in content and "1 van 1 actie klaar" in content
    action.refresh_from_db()
    assert action.status == ActionStatus.DONE


def test_cancelling_an_action_needs_a_reason(logged_in, case, action):
    status = url(case, "action-status", action_uuid=action.uuid)
    response = logged_in.post(status, {"lock_version": 0, "status": ActionStatus.CANCELLED})
    assert response.status_code == 400
    content = response.content.decode()
    assert "Schrijf op waarom de actie niet doorgaat." in content
    assert_accessible_page(content)
    action.refresh_from_db()
    assert action.status == ActionStatus.OPEN
    response = logged_in.post(
        status,
        {"lock_version": 0, "status": ActionStatus.CANCELLED, "cancel_reason": "Niet meer nodig"},
    )
    assert response.status_code == 302
    action.refresh_from_db()
    assert action.status == ActionStatus.CANCELLED and action.cancel_reason == "Niet meer nodig"


def test_status_of_a_changed_action_is_a_conflict(logged_in, case, action):
    Action.objects.filter(pk=action.pk).update(lock_version=2)
    response = logged_in.post(
        url(case, "action-status", action_uuid=action.uuid),
        {"lock_version": 1, "status": ActionStatus.BUSY},
        **HTMX,
    )
    assert response.status_code == 409
    content = response.content.decode()
    assert CONFLICT in content and hidden_value(content, "lock_version") == "2"


# ---------------------------------------------------------------------------- not visible


def test_outsider_gets_404_for_every_form(client, case, goal, action, outsider):
    client.force_login(outsider)
    targets = [
        url(case, "plan-edit"),
        url(case, "plan-agree"),
        url(case, "goal-add"),
        url(case, "goal-edit", goal_uuid=goal.uuid),
        url(case, "goal-remove", goal_uuid=goal.uuid),
        url(case, "action-add", goal_uuid=goal.uuid),
        url(case, "action-edit", action_uuid=action.uuid),
        url(case, "action-status", action_uuid=action.uuid),
    ]
    for target in targets:
        assert client.get(target).status_code == 404, target
        assert client.post(target, {"lock_version": 0, "title": "x"}).status_code == 404, target
    goal.refresh_from_db()
    assert goal.title == "Grip op de post" and Goal.objects.count() == 1


def test_goal_of_another_case_is_404_under_this_case(logged_in, case, plan, involved_org):
    other = CaseFactory(household__members=2)
    InvolvementFactory(case=other, organisation=involved_org)
    foreign = GoalFactory(plan=PlanFactory(case=other))
    edit = url(case, "goal-edit", goal_uuid=foreign.uuid)
    assert logged_in.get(edit).status_code == 404
    response = logged_in.post(edit, {"lock_version": 0, "life_domain": "financien", "title": "x"})
    assert response.status_code == 404
    foreign.refresh_from_db()
    assert foreign.title != "x"


def test_team_leader_of_the_involved_organisation_cannot_edit(client, case, goal, involved_org):
    client.force_login(user_in(involved_org, Role.TEAM_LEADER))
    response = client.post(
        url(case, "goal-edit", goal_uuid=goal.uuid),
        {"lock_version": 0, "life_domain": "financien", "title": "x"},
    )
    assert response.status_code == 404
    assert Plan.objects.get().goals.get().title == "Grip op de post"
