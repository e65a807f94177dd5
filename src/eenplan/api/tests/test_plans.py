"""The household plan through the API: an involved professional does the whole flow."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from eenplan.cases.constants import CaseStatus, TimelineEventKind
from eenplan.cases.models import TimelineEvent
from eenplan.cases.tests.factories import CaseFactory, InvolvementFactory
from eenplan.people.tests.factories import NetworkMemberFactory
from eenplan.plans.models import Action, Commitment, GoalEvaluation, Plan, PlanVersion
from eenplan.plans.tests.factories import ActionFactory, GoalFactory, PlanFactory
from eenplan.privacy.constants import Action as LogAction
from eenplan.privacy.models import AccessLogEntry

pytestmark = pytest.mark.django_db


def url(name: str, case, *args) -> str:
    return reverse(f"api:{name}", args=[case.uuid, *args])


def _members(case):
    return [m.person for m in case.household.memberships.order_by("-is_contact", "pk")]


def _add_actions(client, case, goal_uuid, *, organisation, professional):
    """One action for each kind of owner; returns the three responses."""
    grandmother = NetworkMemberFactory(household=case.household, name="Gerda Bakker")
    owners = [
        {"kind": "organisatie", "organisation": organisation.uuid, "professional": professional},
        {"kind": "gezinslid", "person": _members(case)[0].uuid},
        {"kind": "netwerklid", "network_member": grandmother.uuid},
    ]
    return [
        client.post(
            url("plan-goal-actions", case, goal_uuid),
            {"description": f"Actie {index}", "owner": owner, "due_date": "2030-01-31"},
            format="json",
        )
        for index, owner in enumerate(owners)
    ]


def test_full_flow(client_for, professional, partner, involved_org, case):
    case.status = CaseStatus.PLAN
    case.save()
    client = client_for(professional)

    started = client.post(url("case-plan", case))
    assert started.status_code == 201
    assert started.json()["is_draft"] is True and started.json()["version_number"] == 1

    goal = client.post(
        url("plan-goals", case),
        {"life_domain": "financien", "title": "Schulden op een rij", "description": "Eerst."},
        format="json",
    )
    assert goal.status_code == 201
    goal_uuid = goal.json()["uuid"]
    assert goal.json()["life_domain"] == {"code": "financien", "label": "Financiën"}

    actions = _add_actions(
        client, case, goal_uuid, organisation=involved_org, professional=professional.uuid
    )
    assert [a.status_code for a in actions] == [201, 201, 201]
    owners = [a.json()["owner"] for a in actions]
    assert [o["kind"] for o in owners] == ["organisatie", "gezinslid", "netwerklid"]
    assert owners[0]["professional"] == str(professional.uuid)
    assert owners[0]["label"] == f"{professional.get_full_name()} (Wijkteam Delfzijl)"
    assert owners[1]["person"] == str(_members(case)[0].uuid)
    assert owners[2]["label"] == "Gerda Bakker (Buurman / buurvrouw)"

    plan = client.get(url("case-plan", case)).json()
    assert plan["case"]["status"] == "plan"
    assert len(plan["goals"][0]["actions"]) == 3
    assert plan["progress"]["actions"] == 3 and plan["progress"]["goals"] == 1

    agreed = client.post(
        url("plan-agreement", case),
        {
            "revision": plan["revision"],
            "agreed_by": [p.uuid for p in _members(case)[:2]],
            "method": "in_overleg",
            "agreed_on": "2026-01-05",
        },
        format="json",
    )
    assert agreed.status_code == 201
    version = agreed.json()
    assert version["number"] == 1 and version["agreed_on"] == "2026-01-05"
    assert len(version["agreed_by"]) == 2
    assert version["content"]["goals"][0]["title"] == "Schulden op een rij"
    assert [c["organisation"]["name"] for c in version["commitments"]] == ["Wijkteam Delfzijl"]
    assert client.get(url("case-plan", case)).json()["case"]["status"] == "uitvoering"

    committed = client_for(partner).post(url("plan-version-commitment", case, 1))
    assert committed.status_code == 201
    assert committed.json()["committed_by"] == str(partner)
    assert client_for(partner).post(url("plan-version-commitment", case, 1)).status_code == 200
    assert Commitment.objects.filter(version__plan__case=case).count() == 2

    client = client_for(professional)
    changed = client.patch(
        url("plan-goal", case, goal_uuid),
        {"title": "Schulden op een rij en vaste lasten betaald", "lock_version": 0},
        format="json",
    )
    assert changed.status_code == 200
    plan = client.get(url("case-plan", case)).json()
    assert plan["is_draft"] is True and plan["version_number"] == 2
    assert [v["number"] for v in plan["versions"]] == [1]

    compared = client.get(url("plan-versions-compare", case), {"from": 1})
    assert compared.status_code == 200
    assert compared.json()["from"] == 1 and compared.json()["to"] is None
    (change,) = compared.json()["changes"]
    assert change["kind"] == "gewijzigd" and change["field"] == "Doel"
    assert change["after"] == "Schulden op een rij en vaste lasten betaald"

    client.post(
        url("plan-agreement", case),
        {"revision": plan["revision"], "agreed_by": [_members(case)[0].uuid], "method": "digitaal"},
        format="json",
    )
    between = client.get(url("plan-versions-compare", case), {"from": 1, "to": 2}).json()
    assert between["to"] == 2 and between["changes"] == compared.json()["changes"]
    assert [v["number"] for v in client.get(url("plan-versions", case)).json()] == [2, 1]


def test_progress_evaluation_and_goal_results(client_for, professional, planned):
    plan, goal, action, _ = planned
    case = plan.case
    client = client_for(professional)

    done = client.post(
        url("plan-action-status", case, action.uuid),
        {"status": "klaar", "lock_version": action.lock_version},
        format="json",
    )
    started = client.post(url("plan-evaluation", case))
    evaluated = client.post(
        url("plan-goal-evaluations", case, goal.uuid),
        {"result": "bereikt", "note": "De post is bij."},
        format="json",
    )

    assert done.status_code == 200 and done.json()["status_display"] == "Klaar"
    assert started.status_code == 200 and started.json()["case"]["status"] == "evaluatie"
    assert started.json()["is_draft"] is False  # progress is not plan content
    assert evaluated.status_code == 201
    assert evaluated.json()["result"] == "bereikt" and evaluated.json()["version_number"] == 1
    data = client.get(url("case-plan", case)).json()
    assert data["progress"] == {
        "goals": 1,
        "goals_achieved": 1,
        "actions": 1,
        "actions_done": 1,
        "actions_overdue": 0,
        "percent_done": 100,
    }
    assert data["goals"][0]["evaluations"][0]["result_display"] == "Bereikt"
    assert GoalEvaluation.objects.get().evaluated_by == professional


def test_cancel_action_with_reason(client_for, professional, planned):
    _, _, action, _ = planned
    response = client_for(professional).post(
        url("plan-action-status", action.goal.plan.case, action.uuid),
        {"status": "geannuleerd", "cancel_reason": "Niet meer nodig.", "lock_version": 0},
        format="json",
    )

    assert response.status_code == 200
    assert response.json()["cancel_reason"] == "Niet meer nodig."


def test_update_plan_fields_and_action(client_for, professional, involved_org, planned):
    plan, _, action, _ = planned
    case = plan.case
    client = client_for(professional)

    patched = client.patch(
        url("case-plan", case),
        {"strengths": "Oma helpt.", "evaluation_date": "2026-06-01", "lock_version": 0},
        format="json",
    )
    moved = client.patch(
        url("plan-action", case, action.uuid),
        {
            "owner": {"kind": "organisatie", "organisation": involved_org.uuid},
            "due_date": "2026-03-01",
            "lock_version": action.lock_version,
        },
        format="json",
    )

    assert patched.status_code == 200
    assert patched.json()["strengths"] == "Oma helpt."
    assert patched.json()["concerns"] == plan.concerns  # left out: unchanged
    assert patched.json()["lock_version"] == 1
    assert moved.status_code == 200
    assert moved.json()["owner"]["label"] == "Wijkteam Delfzijl"
    assert moved.json()["description"] == "Post elke week openen"
    assert moved.json()["lock_version"] == 1


def test_remove_goal(client_for, professional, planned):
    plan, goal, _, _ = planned
    response = client_for(professional).delete(
        url("plan-goal", plan.case, goal.uuid) + f"?lock_version={goal.lock_version}"
    )

    assert response.status_code == 204
    assert not Action.objects.exists()
    plan.refresh_from_db()
    assert plan.is_draft and plan.version_number == 2


def test_version_detail_is_the_agreed_content(client_for, professional, planned):
    plan, goal, _, version = planned
    client = client_for(professional)
    client.patch(
        url("plan-goal", plan.case, goal.uuid),
        {"title": "Later gewijzigd", "lock_version": goal.lock_version},
        format="json",
    )

    data = client.get(url("plan-version", plan.case, 1)).json()

    assert data["content"] == version.content
    assert data["content"]["goals"][0]["title"] == "Rust over geld"
    assert data["recorded_by"] == str(professional)
    assert data["agreement_method"] == "in_overleg"
    assert data["commitments"][0]["committed_by"] == str(professional)


def test_no_plan_yet_is_404_with_a_reason(client_for, professional, outsider, case):
    mine = client_for(professional).get(url("case-plan", case))
    versions = client_for(professional).get(url("plan-versions", case))
    theirs = client_for(outsider).get(url("case-plan", case))

    assert mine.status_code == versions.status_code == theirs.status_code == 404
    assert "nog geen plan" in mine.json()["detail"]
    assert "nog geen plan" in versions.json()["detail"]
    assert "nog geen plan" not in theirs.json()["detail"]


def test_second_plan_is_refused(client_for, professional, planned):
    plan, *_ = planned
    response = client_for(professional).post(url("case-plan", plan.case))

    assert response.status_code == 400
    assert "één gezin, één plan" in response.json()["non_field_errors"][0]
    assert Plan.objects.count() == 1


CHANGES = [
    ("patch", "case-plan", lambda p, g, a: (), {"concerns": "Nieuw.", "lock_version": 0}),
    ("post", "plan-goals", lambda p, g, a: (), {"life_domain": "huisvesting", "title": "Huis"}),
    ("patch", "plan-goal", lambda p, g, a: (g.uuid,), {"title": "Anders", "lock_version": 0}),
    ("post", "plan-goal-evaluations", lambda p, g, a: (g.uuid,), {"result": "deels"}),
    (
        "patch",
        "plan-action",
        lambda p, g, a: (a.uuid,),
        {"description": "Ander", "lock_version": 0},
    ),
    (
        "post",
        "plan-action-status",
        lambda p, g, a: (a.uuid,),
        {"status": "bezig", "lock_version": 0},
    ),
    ("post", "plan-evaluation", lambda p, g, a: (), {}),
]


@pytest.mark.parametrize("method, name, args, body", CHANGES)
def test_every_change_is_on_the_timeline(
    client_for, professional, planned, method, name, args, body
):
    plan, goal, action, _ = planned
    before = TimelineEvent.objects.filter(case=plan.case).count()

    response = getattr(client_for(professional), method)(
        url(name, plan.case, *args(plan, goal, action)), body, format="json"
    )

    assert response.status_code in (200, 201), response.json()
    events = TimelineEvent.objects.filter(case=plan.case)
    assert events.count() > before
    assert events.first().actor == professional
    assert AccessLogEntry.objects.filter(action=LogAction.UPDATE, case_uuid=plan.case.uuid).exists()


def test_agreement_and_commitment_are_on_the_timeline(client_for, professional, partner, planned):
    plan, goal, _, _ = planned
    client = client_for(professional)
    client.patch(
        url("plan-goal", plan.case, goal.uuid), {"title": "Nu", "lock_version": 0}, format="json"
    )
    plan.refresh_from_db()
    member = _members(plan.case)[0]

    client.post(
        url("plan-agreement", plan.case),
        {"revision": plan.revision, "agreed_by": [member.uuid], "method": "op_papier"},
        format="json",
    )
    client_for(partner).post(url("plan-version-commitment", plan.case, 2))

    kinds = list(TimelineEvent.objects.filter(case=plan.case).values_list("kind", flat=True)[:2])
    assert kinds == [TimelineEventKind.PLAN_COMMITTED, TimelineEventKind.PLAN_AGREED]


@pytest.mark.parametrize(
    "name, args, params",
    [
        ("case-plan", (), {}),
        ("plan-versions", (), {}),
        ("plan-version", (1,), {}),
        ("plan-versions-compare", (), {"from": 1}),
    ],
)
def test_reads_are_logged(client_for, professional, planned, name, args, params):
    plan, *_ = planned
    AccessLogEntry.objects.all().delete()

    response = client_for(professional).get(url(name, plan.case, *args), params)

    assert response.status_code == 200
    reads = AccessLogEntry.objects.filter(action=LogAction.READ, case_uuid=plan.case.uuid)
    assert reads.count() == plan.case.household.members.count()
    assert {entry.actor_username for entry in reads} == {professional.username}


def _plan_with(involved_org, goals: int, actions: int):
    case = CaseFactory(household__members=3, status=CaseStatus.EXECUTION)
    InvolvementFactory(case=case, organisation=involved_org)
    plan = PlanFactory(case=case)
    for _ in range(goals):
        goal = GoalFactory(plan=plan)
        ActionFactory.create_batch(actions, goal=goal)
    return case


def test_plan_queries_are_fixed(client_for, professional, involved_org):
    client = client_for(professional)
    small = _plan_with(involved_org, goals=1, actions=1)
    large = _plan_with(involved_org, goals=4, actions=3)

    counts = []
    for case in (small, large):
        with CaptureQueriesContext(connection) as queries:
            assert client.get(url("case-plan", case)).status_code == 200
        counts.append(len(queries))

    assert counts[0] == counts[1]
    assert PlanVersion.objects.count() == 0
