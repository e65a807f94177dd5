"""'Mijn acties': the open actions of the user and of the user's organisation."""

import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from eenplan.cases.tests.factories import CaseFactory, InvolvementFactory
from eenplan.cases.tests.test_views_layout import assert_accessible_page
from eenplan.plans.constants import ActionStatus, OwnerKind
from eenplan.plans.tests.factories import ActionFactory, GoalFactory, PlanFactory
from eenplan.tenancy.tests.factories import OrganisationFactory, user_in

pytestmark = pytest.mark.django_db

MY_ACTIONS = reverse("plans:my-actions")
TODAY = timezone.localdate()


def org_action(goal, organisation, **fields):
    return ActionFactory(
        goal=goal,
        owner_kind=OwnerKind.ORGANISATION,
        owner_person=None,
        owner_organisation=organisation,
        **fields,
    )


@pytest.fixture
def goal(case):
    return GoalFactory(plan=PlanFactory(case=case), title="Grip op de post")


def test_my_actions_lists_own_open_actions_overdue_highlighted(
    client, case, goal, professional, involved_org
):
    late = org_action(
        goal,
        involved_org,
        description="Budgetplan maken",
        due_date=TODAY - datetime.timedelta(days=30),
    )
    org_action(goal, involved_org, description="Schuldeisers bellen", due_date=TODAY)
    org_action(goal, involved_org, description="Al gedaan", status=ActionStatus.DONE)
    other = OrganisationFactory(name="Schuldhulp Noord")
    InvolvementFactory(case=case, organisation=other)
    org_action(goal, other, description="Actie van een ander")
    ActionFactory(goal=goal, description="Actie van het gezin")

    client.force_login(professional)
    response = client.get(MY_ACTIONS)
    assert response.status_code == 200
    content = response.content.decode()
    assert "2 acties" in content
    assert "Budgetplan maken" in content and "Schuldeisers bellen" in content
    for hidden in ("Al gedaan", "Actie van een ander", "Actie van het gezin"):
        assert hidden not in content
    assert content.index("Budgetplan maken") < content.index("Schuldeisers bellen")
    assert content.count("eenplan-table__row--overdue") == 1
    row = content[content.index("eenplan-table__row--overdue") :]
    assert row.index("Budgetplan maken") < row.index("Te laat") < row.index("Schuldeisers")
    plan_link = reverse("plans:plan", kwargs={"case_uuid": case.uuid})
    assert f'href="{plan_link}#doel-{goal.uuid}"' in content
    status = reverse(
        "plans:action-status", kwargs={"case_uuid": case.uuid, "action_uuid": late.uuid}
    )
    assert f'href="{status}"' in content
    assert 'aria-current="page">Mijn acties</a>' in content
    assert_accessible_page(content)


def test_overdue_filter_shows_only_late_actions(client, goal, professional, involved_org):
    org_action(goal, involved_org, description="Te late actie", due_date=datetime.date(2020, 1, 1))
    org_action(goal, involved_org, description="Op tijd", due_date=TODAY)
    client.force_login(professional)
    content = client.get(MY_ACTIONS, {"te_laat": "on"}).content.decode()
    assert "1 actie te laat" in content
    assert "Te late actie" in content and "Op tijd" not in content
    assert "checked" in content


def test_actions_named_for_a_colleague_are_not_mine(client, goal, professional, involved_org):
    colleague = user_in(involved_org, username="collega")
    org_action(goal, involved_org, description="Voor de collega", owner_professional=colleague)
    org_action(goal, involved_org, description="Voor mij", owner_professional=professional)
    client.force_login(professional)
    content = client.get(MY_ACTIONS).content.decode()
    assert "Voor mij" in content and "Voor de collega" not in content


def test_my_actions_of_an_outsider_are_empty(client, goal, outsider, involved_org):
    org_action(goal, involved_org, description="Niet voor buitenstaanders")
    client.force_login(outsider)
    content = client.get(MY_ACTIONS).content.decode()
    assert "U heeft geen open acties." in content
    assert "Niet voor buitenstaanders" not in content


def test_my_actions_is_paginated(client, goal, professional, involved_org):
    for index in range(27):
        org_action(goal, involved_org, description=f"Actie nummer {index:02d}")
    client.force_login(professional)
    first = client.get(MY_ACTIONS).content.decode()
    assert "Pagina 1 van 2" in first and "Volgende pagina" in first
    second = client.get(MY_ACTIONS, {"page": 2}).content.decode()
    assert "Pagina 2 van 2" in second and second.count('<th scope="row">') == 2


def _my_actions_queries(client, organisation, cases: int) -> int:
    for _ in range(cases):
        case = CaseFactory(household__members=2)
        InvolvementFactory(case=case, organisation=organisation)
        goal = GoalFactory(plan=PlanFactory(case=case))
        org_action(goal, organisation, due_date=datetime.date(2020, 1, 1))
        org_action(goal, organisation)
    client.get(MY_ACTIONS)  # the menu's signal count is counted once, then cached
    with CaptureQueriesContext(connection) as queries:
        response = client.get(MY_ACTIONS)
    assert response.status_code == 200
    return len(queries)


def test_my_actions_query_count_does_not_grow(client, professional, involved_org):
    client.force_login(professional)
    small = _my_actions_queries(client, involved_org, 1)
    large = _my_actions_queries(client, involved_org, 6)
    assert small == large
