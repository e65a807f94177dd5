"""Every read in the portal goes through these functions.

A citizen sees what belongs to their own person: the households they are a member of and, per
household, its current case with the plan, the coordinator and the organisations involved. Each
read is written to the access log like any other, with the citizen as actor.
"""

from dataclasses import dataclass

from django.db.models import Prefetch

from eenplan.cases.models import Case, Involvement
from eenplan.plans.models import Action, Goal
from eenplan.portal.models import Citizen
from eenplan.privacy.constants import Action as LogAction
from eenplan.privacy.services import access_log_write


def citizen_of(user) -> Citizen:
    """The citizen behind ``user``; ``Citizen.DoesNotExist`` for any other account."""
    if not (user.is_authenticated and user.is_citizen):
        raise Citizen.DoesNotExist
    return Citizen.objects.select_related("person").get(user=user)


@dataclass
class HouseholdPlan:
    """One household of the citizen with its current case (None when there is none)."""

    household: object
    case: Case | None
    goals: list
    involvements: list


def _current_case(household) -> Case | None:
    goals = Goal.objects.prefetch_related(
        Prefetch(
            "actions",
            queryset=Action.objects.select_related(
                "owner_organisation", "owner_professional", "owner_person", "owner_network_member"
            ),
        )
    )
    return (
        Case.objects.filter(household=household)
        .select_related("coordinator", "coordinator_organisation", "plan")
        .prefetch_related(
            Prefetch("plan__goals", queryset=goals),
            Prefetch(
                "involvements",
                queryset=Involvement.objects.active()
                .select_related("organisation", "contact")
                .order_by("organisation__name"),
            ),
        )
        .order_by("closed_at", "-opened_at")  # an open case (no closed_at) first
        .first()
    )


def my_plans(*, user) -> list[HouseholdPlan]:
    citizen = citizen_of(user)
    households = citizen.person.households.prefetch_related("memberships__person")
    result, subjects = [], []
    for household in households:
        case = _current_case(household)
        plan = getattr(case, "plan", None) if case else None
        goals = list(plan.goals.all()) if plan else []
        involvements = list(case.involvements.all()) if case else []
        result.append(HouseholdPlan(household, case, goals, involvements))
        subjects += [(case, m.person) for m in household.memberships.all()]
    if subjects:
        access_log_write(
            actor=user, action=LogAction.READ, name="eigen plan inzien", subjects=subjects
        )
    return result
