"""Plan endpoints refuse cleanly: 404 for what a user may not see, 409 on a stale lock_version,
400 with field errors for bad input, and never a 500."""

import uuid

import pytest
from django.urls import reverse

from eenplan.cases.models import TimelineEvent
from eenplan.cases.tests.factories import CaseFactory, ConsentFactory, InvolvementFactory
from eenplan.people.tests.factories import NetworkMemberFactory
from eenplan.plans.models import Action, Goal, Plan, PlanVersion
from eenplan.privacy.models import AccessLogEntry
from eenplan.tenancy.constants import Role
from eenplan.tenancy.tests.factories import OrganisationFactory, user_in

pytestmark = pytest.mark.django_db

CONFLICT_START = "Iemand anders heeft dit intussen gewijzigd."


def url(name: str, case, *args) -> str:
    return reverse(f"api:{name}", args=[case.uuid, *args])


def _contact(case):
    return case.household.memberships.get(is_contact=True).person


# (method, url name, extra url args from (goal, action), body)
ENDPOINTS = [
    ("get", "case-plan", lambda g, a: (), None),
    ("post", "case-plan", lambda g, a: (), {}),
    ("patch", "case-plan", lambda g, a: (), {"concerns": "x", "lock_version": 0}),
    ("post", "plan-goals", lambda g, a: (), {"life_domain": "financien", "title": "x"}),
    ("patch", "plan-goal", lambda g, a: (g.uuid,), {"title": "x", "lock_version": 0}),
    ("delete", "plan-goal", lambda g, a: (g.uuid,), None),
    ("post", "plan-goal-evaluations", lambda g, a: (g.uuid,), {"result": "bereikt"}),
    (
        "post",
        "plan-goal-actions",
        lambda g, a: (g.uuid,),
        {"description": "x", "owner": {"kind": "gezinslid", "person": str(uuid.uuid4())}},
    ),
    ("patch", "plan-action", lambda g, a: (a.uuid,), {"description": "x", "lock_version": 0}),
    ("post", "plan-action-status", lambda g, a: (a.uuid,), {"status": "klaar", "lock_version": 0}),
    ("get", "plan-versions", lambda g, a: (), None),
    ("get", "plan-version", lambda g, a: (1,), None),
    ("post", "plan-version-commitment", lambda g, a: (1,), {}),
    ("get", "plan-versions-compare", lambda g, a: (), {"from": 1}),
    (
        "post",
        "plan-agreement",
        lambda g, a: (),
        {"revision": 3, "agreed_by": [str(uuid.uuid4())], "method": "digitaal"},
    ),
    ("post", "plan-evaluation", lambda g, a: (), {}),
]


def _call(client, method, path, body):
    if method == "get":
        return client.get(path, body or {})
    if method == "delete":
        return client.delete(path + "?lock_version=0")
    return getattr(client, method)(path, body, format="json")


@pytest.mark.parametrize("method, name, args, body", ENDPOINTS)
def test_outsider_gets_404_everywhere(client_for, outsider, planned, method, name, args, body):
    plan, goal, action, _ = planned
    events = TimelineEvent.objects.count()
    AccessLogEntry.objects.all().delete()

    response = _call(client_for(outsider), method, url(name, plan.case, *args(goal, action)), body)

    assert response.status_code == 404
    assert response.json() == {"detail": "Niet gevonden."}
    assert TimelineEvent.objects.count() == events
    assert not AccessLogEntry.objects.exists()
    assert Goal.objects.get().title == "Rust over geld"


@pytest.mark.parametrize("method, name, args, body", ENDPOINTS)
def test_unknown_case_is_404(client_for, professional, planned, method, name, args, body):
    _, goal, action, _ = planned
    path = reverse(f"api:{name}", args=[uuid.uuid4(), *args(goal, action)])

    assert _call(client_for(professional), method, path, body).status_code == 404


@pytest.mark.parametrize(
    "method, name",
    [("patch", "plan-goal"), ("post", "plan-goal-evaluations"), ("post", "plan-goal-actions")],
)
def test_goal_of_another_visible_case_is_404(
    client_for, professional, involved_org, planned, method, name
):
    _, goal, _, _ = planned
    other = CaseFactory()
    InvolvementFactory(case=other, organisation=involved_org)

    response = getattr(client_for(professional), method)(
        url(name, other, goal.uuid), {}, format="json"
    )

    assert response.status_code == 404


def test_unknown_version_is_404(client_for, professional, planned):
    plan, *_ = planned
    client = client_for(professional)

    assert client.get(url("plan-version", plan.case, 7)).status_code == 404
    assert client.get(url("plan-version", plan.case, 10**30)).status_code == 404
    assert client.post(url("plan-version-commitment", plan.case, 10**30)).status_code == 404
    assert client.get(url("plan-versions-compare", plan.case), {"from": 7}).status_code == 404


@pytest.mark.parametrize(
    "method, name, args, body",
    [
        ("patch", "case-plan", lambda g, a: (), {"concerns": "Oud."}),
        ("patch", "plan-goal", lambda g, a: (g.uuid,), {"title": "Oud"}),
        ("patch", "plan-action", lambda g, a: (a.uuid,), {"description": "Oud"}),
        ("post", "plan-action-status", lambda g, a: (a.uuid,), {"status": "klaar"}),
    ],
)
def test_stale_lock_version_is_409(client_for, professional, planned, method, name, args, body):
    plan, goal, action, _ = planned
    client = client_for(professional)
    path = url(name, plan.case, *args(goal, action))
    first = getattr(client, method)(path, {**body, "lock_version": 0}, format="json")
    events = TimelineEvent.objects.count()

    stale = getattr(client, method)(path, {**body, "lock_version": 0}, format="json")

    assert first.status_code == 200
    assert stale.status_code == 409
    assert stale.json()["code"] == "conflict"
    assert stale.json()["detail"].startswith(CONFLICT_START)
    assert TimelineEvent.objects.count() == events


def test_stale_delete_and_stale_revision_are_409(client_for, professional, planned):
    plan, goal, _, _ = planned
    client = client_for(professional)
    client.patch(url("plan-goal", plan.case, goal.uuid), {"title": "Nu", "lock_version": 0})

    deleted = client.delete(url("plan-goal", plan.case, goal.uuid) + "?lock_version=0")
    agreed = client.post(
        url("plan-agreement", plan.case),
        {"revision": 0, "agreed_by": [_contact(plan.case).uuid], "method": "digitaal"},
        format="json",
    )

    assert deleted.status_code == agreed.status_code == 409
    assert Goal.objects.exists()
    assert PlanVersion.objects.count() == 1


def _action_body(**owner):
    return {"description": "Iets doen", "owner": owner}


@pytest.mark.parametrize(
    "owner, field",
    [
        ({"kind": "iemand"}, "kind"),
        ({"kind": "gezinslid"}, "person"),
        ({"kind": "organisatie"}, "organisation"),
        ({"kind": "netwerklid", "network_member": "geen-uuid"}, "network_member"),
        ({"kind": "gezinslid", "person": str(uuid.uuid4())}, "person"),
        ({"kind": "gezinslid", "person": "P", "organisation": "O"}, "organisation"),
        ({"kind": "organisatie", "organisation": str(uuid.uuid4())}, "organisation"),
        ({"kind": "netwerklid", "network_member": str(uuid.uuid4())}, "network_member"),
    ],
)
def test_bad_owner_is_400(client_for, professional, planned, owner, field):
    plan, goal, _, _ = planned
    if owner.get("person") == "P":
        owner = {**owner, "person": str(_contact(plan.case).uuid), "organisation": "x"}

    response = client_for(professional).post(
        url("plan-goal-actions", plan.case, goal.uuid), _action_body(**owner), format="json"
    )

    assert response.status_code == 400
    assert field in response.json()["owner"]
    assert Action.objects.count() == 1


def test_owner_outside_the_case_is_400(client_for, professional, involved_org, planned):
    plan, goal, _, _ = planned
    other = CaseFactory()
    InvolvementFactory(case=other, organisation=involved_org)  # visible, but another household
    owners = [
        {"kind": "organisatie", "organisation": str(OrganisationFactory().uuid)},
        {"kind": "gezinslid", "person": str(_contact(other).uuid)},
        {
            "kind": "netwerklid",
            "network_member": str(NetworkMemberFactory(household=other.household).uuid),
        },
        {
            "kind": "organisatie",
            "organisation": str(involved_org.uuid),
            "professional": str(user_in(OrganisationFactory()).uuid),
        },
    ]
    client = client_for(professional)

    for owner in owners:
        response = client.post(
            url("plan-goal-actions", plan.case, goal.uuid), _action_body(**owner), format="json"
        )
        assert response.status_code == 400, owner
        assert "owner" in response.json()
    assert Action.objects.count() == 1


@pytest.mark.parametrize(
    "body, field",
    [
        ({"status": "misschien", "lock_version": 0}, "status"),
        ({"status": "geannuleerd", "lock_version": 0}, "cancel_reason"),
        ({"status": "geannuleerd", "cancel_reason": "  ", "lock_version": 0}, "cancel_reason"),
        ({"status": "klaar"}, "lock_version"),
        ({"status": "klaar", "lock_version": -1}, "lock_version"),
        ({"status": "klaar", "lock_version": 2**40}, "lock_version"),
    ],
)
def test_bad_status_is_400(client_for, professional, planned, body, field):
    _, _, action, _ = planned
    response = client_for(professional).post(
        url("plan-action-status", action.goal.plan.case, action.uuid), body, format="json"
    )

    assert response.status_code == 400
    assert field in response.json()


@pytest.mark.parametrize("body", [{"result": "prima"}, {}, {"result": "bereikt", "note": ["x"]}])
def test_bad_result_is_400(client_for, professional, planned, body):
    _, goal, _, _ = planned
    response = client_for(professional).post(
        url("plan-goal-evaluations", goal.plan.case, goal.uuid), body, format="json"
    )

    assert response.status_code == 400
    assert set(response.json()) <= {"result", "note"}


@pytest.mark.parametrize(
    "body, field",
    [
        ({"life_domain": "geluk", "title": "x"}, "life_domain"),
        ({"life_domain": "financien"}, "title"),
        ({"life_domain": "financien", "title": "x" * 301}, "title"),
    ],
)
def test_bad_goal_is_400(client_for, professional, planned, body, field):
    plan, *_ = planned
    response = client_for(professional).post(url("plan-goals", plan.case), body, format="json")

    assert response.status_code == 400
    assert list(response.json()) == [field]


def test_blank_goal_title_after_stripping_is_400(client_for, professional, planned):
    plan, *_ = planned
    response = client_for(professional).post(
        url("plan-goals", plan.case), {"life_domain": "financien", "title": "   "}, format="json"
    )

    assert response.status_code == 400


@pytest.mark.parametrize(
    "body, field",
    [
        ({"agreed_by": [], "method": "digitaal"}, "agreed_by"),
        ({"agreed_by": ["geen-uuid"], "method": "digitaal"}, "agreed_by"),
        ({"agreed_by": [str(uuid.uuid4())], "method": "digitaal"}, "agreed_by"),
        ({"agreed_by": "CONTACT", "method": "per_duif"}, "method"),
        ({"agreed_by": "CONTACT", "method": "digitaal", "agreed_on": "2999-01-01"}, "agreed_on"),
        ({"agreed_by": "CONTACT", "method": "digitaal", "revision": "x"}, "revision"),
    ],
)
def test_bad_agreement_is_400(client_for, professional, planned, body, field):
    plan, goal, _, _ = planned
    client = client_for(professional)
    client.patch(url("plan-goal", plan.case, goal.uuid), {"title": "Nu", "lock_version": 0})
    plan.refresh_from_db()
    if body["agreed_by"] == "CONTACT":
        body = {**body, "agreed_by": [str(_contact(plan.case).uuid)]}

    response = client.post(
        url("plan-agreement", plan.case), {"revision": plan.revision, **body}, format="json"
    )

    assert response.status_code == 400
    assert list(response.json()) == [field]
    assert PlanVersion.objects.count() == 1


def test_agreement_by_someone_outside_the_household_is_400(
    client_for, professional, involved_org, planned
):
    plan, goal, _, _ = planned
    other = CaseFactory()
    InvolvementFactory(case=other, organisation=involved_org)
    client = client_for(professional)
    client.patch(url("plan-goal", plan.case, goal.uuid), {"title": "Nu", "lock_version": 0})
    plan.refresh_from_db()

    response = client.post(
        url("plan-agreement", plan.case),
        {"revision": plan.revision, "agreed_by": [_contact(other).uuid], "method": "digitaal"},
        format="json",
    )

    assert response.status_code == 400
    assert list(response.json()) == ["agreed_by"]


def test_agreeing_an_agreed_plan_is_400(client_for, professional, planned):
    plan, *_ = planned
    response = client_for(professional).post(
        url("plan-agreement", plan.case),
        {"revision": plan.revision, "agreed_by": [_contact(plan.case).uuid], "method": "digitaal"},
        format="json",
    )

    assert response.status_code == 400
    assert "al vastgesteld" in response.json()["non_field_errors"][0]


@pytest.mark.parametrize(
    "params, field",
    [
        ({}, "from"),
        ({"from": "x"}, "from"),
        ({"from": 0}, "from"),
        ({"from": 1, "to": 2**40}, "to"),
    ],
)
def test_bad_compare_query_is_400(client_for, professional, planned, params, field):
    plan, *_ = planned
    response = client_for(professional).get(url("plan-versions-compare", plan.case), params)

    assert response.status_code == 400
    assert list(response.json()) == [field]


def test_start_evaluation_from_a_wrong_status_is_400(client_for, professional, planned):
    plan, *_ = planned
    client = client_for(professional)
    assert client.post(url("plan-evaluation", plan.case)).status_code == 200

    again = client.post(url("plan-evaluation", plan.case))

    assert again.status_code == 400
    assert list(again.json()) == ["status"]


def test_closed_case_gets_no_plan(client_for, professional, case):
    client = client_for(professional)
    client.post(
        reverse("api:case-transition", args=[case.uuid]),
        {"status": "afgesloten", "closing_reason": "verhuisd"},
        format="json",
    )

    response = client.post(url("case-plan", case))

    assert response.status_code == 400
    assert not Plan.objects.exists()


def test_commitment_of_an_organisation_not_involved_is_400(client_for, planned):
    plan, *_ = planned
    coordinating = OrganisationFactory()  # coordinates, so sees the case, but is not involved
    ConsentFactory(case=plan.case, organisation=coordinating)  # and may see the plan
    coordinator = user_in(coordinating, Role.COORDINATOR)
    plan.case.coordinator, plan.case.coordinator_organisation = coordinator, coordinating
    plan.case.save()

    response = client_for(coordinator).post(url("plan-version-commitment", plan.case, 1))

    assert response.status_code == 400
    assert "betrokken organisatie" in response.json()["non_field_errors"][0]


def test_team_leader_cannot_commit(client_for, team_leader, planned):
    plan, *_ = planned  # a team leader sees no case data: 404 like an unknown case
    response = client_for(team_leader).post(url("plan-version-commitment", plan.case, 1))

    assert response.status_code == 404


@pytest.mark.parametrize("body", ["[1, 2]", '"tekst"', "{niet json"])
def test_malformed_bodies_are_400(client_for, professional, planned, body):
    plan, goal, _, _ = planned
    response = client_for(professional).patch(
        url("plan-goal", plan.case, goal.uuid), body, content_type="application/json"
    )

    assert response.status_code == 400
