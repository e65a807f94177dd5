"""Loading the demo plans: ``eenplan.demo.data.PLANS`` into plans, goals, actions and versions.

Everything goes through ``eenplan.plans.services``, with the case's coordinator as actor (and the
professionals of the organisations that commit or report progress on their own actions), so a
demo plan carries the timeline, the access log and the validation a real plan carries.
``eenplan.demo.services`` calls these while it walks a case through its steps: the plan is made
when the case first reaches `plan` (agreeing moves the case on to `uitvoering`), evaluated when
the case reaches `evaluatie`, and revised after the last step.
"""

import datetime
from dataclasses import dataclass, field

from django.utils import timezone

from eenplan.cases.models import Case
from eenplan.demo.data.types import ActionSpec, AgreementSpec, GoalSpec, OwnerSpec, PlanSpec
from eenplan.people.models import NetworkMember, Person
from eenplan.plans import services
from eenplan.plans.constants import ActionStatus, OwnerKind
from eenplan.plans.models import Action, Goal, Plan
from eenplan.tenancy.models import User


@dataclass
class PlanLoad:
    """One household's plan while it is being loaded."""

    spec: PlanSpec
    case: Case
    coordinator: User
    users: dict[str, User]
    members: list[Person]  # in the order of the household's spec
    network: list[NetworkMember]  # idem
    plan: Plan | None = None
    goals: list[Goal] = field(default_factory=list)

    @classmethod
    def start(cls, *, spec: PlanSpec, case: Case, coordinator: User, users: dict[str, User]):
        household = case.household
        return cls(
            spec=spec,
            case=case,
            coordinator=coordinator,
            users=users,
            members=[
                m.person for m in household.memberships.select_related("person").order_by("pk")
            ],
            network=list(household.network_members.order_by("pk")),
        )

    def fresh_plan(self) -> Plan:
        return Plan.objects.get(pk=self.plan.pk)


def _days_from_today(days: int | None) -> datetime.date | None:
    return None if days is None else timezone.localdate() + datetime.timedelta(days=days)


def plan_make(load: PlanLoad) -> None:
    """Start the plan, fill it, and record the agreement and the progress of its actions."""
    spec = load.spec
    load.plan = services.plan_create(actor=load.coordinator, case=load.case)
    services.plan_update(
        actor=load.coordinator,
        plan=load.plan,
        lock_version=load.plan.lock_version,
        strengths=spec.strengths,
        concerns=spec.concerns,
        evaluation_date=_days_from_today(spec.evaluation_in),
    )
    actions = [pair for goal in spec.goals for pair in _goal_add(load, goal)]
    if spec.agreement:
        _agree(load, spec.agreement)
    _progress(load, actions)


def plan_evaluate(load: PlanLoad) -> None:
    """Move the case to `evaluatie` through the plan and record the goals' results."""
    services.plan_start_evaluation(actor=load.coordinator, plan=load.plan)
    for index, result, note in load.spec.results:
        services.goal_evaluate(
            actor=load.coordinator, goal=load.goals[index], result=result, note=note
        )


def plan_revise(load: PlanLoad) -> None:
    """Changes after the agreement: they open the next draft, which may be agreed again."""
    revision = load.spec.revision
    if revision is None or load.plan is None:
        return
    added = [pair for goal in revision.goals for pair in _goal_add(load, goal)]
    added += [(_action_add(load, load.goals[i], action), action) for i, action in revision.actions]
    for index, title in revision.retitled:
        goal = Goal.objects.get(pk=load.goals[index].pk)
        services.goal_update(
            actor=load.coordinator,
            goal=goal,
            lock_version=goal.lock_version,
            life_domain=goal.life_domain,
            title=title,
            description=goal.description,
        )
    if revision.agreement:
        _agree(load, revision.agreement)
    _progress(load, added)


def _goal_add(load: PlanLoad, spec: GoalSpec) -> list[tuple[Action, ActionSpec]]:
    goal = services.goal_add(
        actor=load.coordinator,
        plan=load.plan,
        life_domain=spec.domain,
        title=spec.title,
        description=spec.description,
    )
    load.goals.append(goal)
    return [(_action_add(load, goal, action), action) for action in spec.actions]


def _action_add(load: PlanLoad, goal: Goal, spec: ActionSpec) -> Action:
    return services.action_add(
        actor=load.coordinator,
        goal=goal,
        description=spec.description,
        owner=_owner(load, spec.owner),
        due_date=_days_from_today(spec.due_in),
    )


def _owner(load: PlanLoad, spec: OwnerSpec) -> services.Owner:
    if spec.member is not None:
        return services.Owner(OwnerKind.HOUSEHOLD_MEMBER, person=load.members[spec.member])
    if spec.network is not None:
        return services.Owner(OwnerKind.NETWORK_MEMBER, network_member=load.network[spec.network])
    professional = load.users[spec.professional]
    return services.Owner(
        OwnerKind.ORGANISATION,
        organisation=professional.acting_organisation,
        professional=professional if spec.named else None,
    )


def _agree(load: PlanLoad, spec: AgreementSpec) -> None:
    """The coordinator records the household's agreement; other organisations commit."""
    version = services.plan_agree(
        actor=load.coordinator,
        plan=load.plan,
        revision=load.fresh_plan().revision,
        agreed_by=[load.members[index] for index in spec.by],
        method=spec.method,
        agreed_on=_days_from_today(-spec.days_ago),
    )
    for username in spec.commitments:
        services.plan_commit(actor=load.users[username], version=version)


def _progress(load: PlanLoad, actions: list[tuple[Action, ActionSpec]]) -> None:
    """Report progress as the professional of the owning organisation, else the coordinator."""
    for action, spec in actions:
        if spec.status == ActionStatus.OPEN:
            continue
        reporter = load.users.get(spec.owner.professional, load.coordinator)
        services.action_set_status(
            actor=reporter,
            action=action,
            lock_version=action.lock_version,
            status=spec.status,
            cancel_reason=spec.cancel_reason,
        )
