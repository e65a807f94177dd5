"""Every read of plan data: filtered with ``visible_to(user)``, logged in the access log (one entry
per household member of the case), in a fixed number of queries."""

import datetime
import uuid
from dataclasses import dataclass

from django.db.models import Count, F, Prefetch, Q
from django.utils import timezone

from eenplan.cases.models import Case
from eenplan.cases.selectors import case_get
from eenplan.common.selectors import Listing
from eenplan.people.models import HouseholdMember
from eenplan.plans.constants import OPEN_ACTION_STATUSES, ActionStatus, GoalResult
from eenplan.plans.models import Action, Goal, Plan, PlanVersion
from eenplan.plans.versions import Change, plan_snapshot, versions_diff
from eenplan.privacy import policy
from eenplan.privacy.constants import Action as LogAction
from eenplan.privacy.exceptions import NotShared
from eenplan.privacy.services import access_log_write

ACTION_OWNERS = ("owner_organisation", "owner_professional", "owner_person", "owner_network_member")


@dataclass(frozen=True)
class Progress:
    goals: int
    goals_achieved: int
    actions: int
    actions_done: int
    actions_overdue: int

    @property
    def percent_done(self) -> int:
        return round(100 * self.actions_done / self.actions) if self.actions else 0


@dataclass(frozen=True)
class PlanView:
    case: Case
    plan: Plan | None
    goals: list[Goal]
    versions: list[PlanVersion]

    @property
    def latest_version(self) -> PlanVersion | None:
        return self.versions[0] if self.versions else None


def _plan_queryset(user):
    return Plan.objects.visible_to(user).prefetch_related(
        Prefetch(
            "goals",
            queryset=Goal.objects.prefetch_related(
                Prefetch(
                    "actions",
                    queryset=Action.objects.select_related(
                        *ACTION_OWNERS, "agreement__item__consultation"
                    ),
                ),
                "evaluations",
                "professional_plans__organisation",
            ),
        ),
        Prefetch(
            "versions",
            queryset=PlanVersion.objects.prefetch_related("agreed_by", "commitments__organisation"),
        ),
    )


def plan_view(*, user, case_uuid: uuid.UUID) -> PlanView:
    """The plan of a case (``plan`` None when there is none yet); ``DoesNotExist`` if hidden,
    ``NotShared`` when the user's organisation knows the case but holds no plan consent."""
    case = case_get(user=user, case_uuid=case_uuid)
    if not case.access.plan:
        raise NotShared()
    plan = _plan_queryset(user).filter(case=case).first()
    if plan is None:
        return PlanView(case=case, plan=None, goals=[], versions=[])
    plan.case = case
    return PlanView(
        case=case, plan=plan, goals=list(plan.goals.all()), versions=list(plan.versions.all())
    )


def plan_for(*, user, case_uuid: uuid.UUID) -> Plan:
    """The plan a change is about; ``DoesNotExist`` when hidden. The service logs the change."""
    return Plan.objects.visible_to(user).select_related("case").get(case__uuid=case_uuid)


def goal_for(*, user, case_uuid: uuid.UUID, goal_uuid: uuid.UUID) -> Goal:
    return (
        Goal.objects.visible_to(user)
        .select_related("plan__case")
        .get(uuid=goal_uuid, plan__case__uuid=case_uuid)
    )


def action_for(*, user, case_uuid: uuid.UUID, action_uuid: uuid.UUID) -> Action:
    return (
        Action.objects.visible_to(user)
        .select_related("goal__plan__case", *ACTION_OWNERS, "agreement")
        .get(uuid=action_uuid, goal__plan__case__uuid=case_uuid)
    )


def plan_progress(*, plan: Plan) -> Progress:
    """Counts only, no personal data: two aggregate queries."""
    today = timezone.localdate()
    actions = Action.objects.filter(goal__plan=plan).exclude(status=ActionStatus.CANCELLED)
    counts = actions.aggregate(
        total=Count("pk"),
        done=Count("pk", filter=Q(status=ActionStatus.DONE)),
        overdue=Count("pk", filter=Q(status__in=OPEN_ACTION_STATUSES, due_date__lt=today)),
    )
    goals = Goal.objects.filter(plan=plan).aggregate(
        total=Count("pk"),
        achieved=Count("pk", filter=Q(evaluations__result=GoalResult.ACHIEVED), distinct=True),
    )
    return Progress(
        goals=goals["total"],
        goals_achieved=goals["achieved"],
        actions=counts["total"],
        actions_done=counts["done"],
        actions_overdue=counts["overdue"],
    )


def plan_version_get(*, user, case_uuid: uuid.UUID, number: int) -> PlanVersion:
    """One agreed version (for the page and the PDF); ``DoesNotExist`` if hidden or unknown."""
    case = case_get(user=user, case_uuid=case_uuid)
    return (
        PlanVersion.objects.filter(plan__case=case)
        .select_related("plan", "recorded_by")
        .prefetch_related("agreed_by", "commitments__organisation", "commitments__committed_by")
        .get(number=number)
    )


def plan_versions_compare(*, user, case_uuid: uuid.UUID, old: int, new: int | None) -> list[Change]:
    """What changed from version ``old`` to version ``new`` (None: the current draft)."""
    case = case_get(user=user, case_uuid=case_uuid)
    versions = PlanVersion.objects.filter(plan__case=case)
    before = versions.get(number=old).content
    if new is not None:
        after = versions.get(number=new).content
    else:
        plan = (
            _plan_queryset(user)
            .select_related("case__household")
            .prefetch_related("case__other_questions")
            .get(case=case)
        )
        after = plan_snapshot(plan)
    return versions_diff(before, after)


def my_actions(*, user, overdue_only: bool = False, page: int = 1, page_size: int = 50) -> Listing:
    """Open actions for the user across all visible cases: those in the user's own name, and
    those of the user's organisations that name no professional. Oldest due date first."""
    started_at = timezone.now()
    today = timezone.localdate()
    organisations = policy.working_organisation_ids(user)
    actions = Action.objects.visible_to(user).filter(
        Q(owner_professional=user)
        | Q(owner_professional__isnull=True, owner_organisation__in=organisations),
        status__in=OPEN_ACTION_STATUSES,
    )
    if overdue_only:
        actions = actions.filter(due_date__lt=today)
    count = actions.count()
    offset = (max(1, page) - 1) * page_size
    items = list(
        actions.select_related(*ACTION_OWNERS, "goal__plan__case__household")
        .prefetch_related(
            Prefetch(
                "goal__plan__case__household__memberships",
                queryset=HouseholdMember.objects.filter(is_contact=True).select_related("person"),
                to_attr="contacts",
            )
        )
        .order_by(F("due_date").asc(nulls_last=True), "pk")[offset : offset + page_size]
    )
    for action in items:
        action.is_overdue = is_overdue(action, today)
    subjects = [_action_subject(action) for action in items]
    if subjects:
        access_log_write(
            actor=user,
            action=LogAction.READ,
            name="mijn acties bekijken",
            subjects=subjects,
            started_at=started_at,
        )
    return Listing(items=items, count=count, page=max(1, page), page_size=page_size)


def _action_subject(action: Action) -> tuple:
    case = action.goal.plan.case
    household = case.household
    person = action.owner_person or (household.contacts[0].person if household.contacts else None)
    return (case, person)


def is_overdue(action: Action, today: datetime.date | None = None) -> bool:
    today = today or timezone.localdate()
    return (
        action.status in OPEN_ACTION_STATUSES
        and action.due_date is not None
        and action.due_date < today
    )
