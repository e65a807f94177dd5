"""The objects a plan request is about, looked up only among what the user may see.

A plan, goal or action of a hidden case raises ``DoesNotExist`` (404, like an unknown one). A case
the user sees without a plan gets a 404 that says so. UUIDs in a request body (owners, persons)
that the user cannot see are input errors (400): the service then checks they belong to the case.
"""

import uuid

from django.contrib.auth import get_user_model
from django.db.models import Prefetch
from django.utils.translation import gettext as _
from rest_framework.exceptions import NotFound, ValidationError

from eenplan.api.serializers.plan_input import MAX_COUNTER
from eenplan.cases.models import Case
from eenplan.people.models import Household, NetworkMember, Person
from eenplan.plans import selectors
from eenplan.plans.constants import OwnerKind
from eenplan.plans.models import Action, Goal, Plan, PlanVersion
from eenplan.plans.selectors import ACTION_OWNERS
from eenplan.plans.services import Owner
from eenplan.tenancy.models import Organisation


def no_plan_yet() -> NotFound:
    return NotFound(_("Deze casus heeft nog geen plan. Start het met POST op cases/{uuid}/plan/."))


def plan_for(*, user, case_uuid: uuid.UUID) -> Plan:
    """The plan of a visible case; ``NotFound`` with a reason when the case has none."""
    try:
        return selectors.plan_for(user=user, case_uuid=case_uuid)
    except Plan.DoesNotExist:
        if Case.objects.visible_to(user).filter(uuid=case_uuid).exists():
            raise no_plan_yet() from None
        raise


def goal_detail(goal: Goal) -> Goal:
    """The goal after a change, with what its representation shows prefetched."""
    return Goal.objects.prefetch_related(
        Prefetch("actions", queryset=Action.objects.select_related(*ACTION_OWNERS, "agreement")),
        "evaluations",
        "professional_plans__organisation",
    ).get(pk=goal.pk)


def version_number(number: int) -> int:
    """A version number from the URL; one too large for the database is simply not there."""
    if number > MAX_COUNTER:
        raise PlanVersion.DoesNotExist
    return number


def _resolve(queryset, value: uuid.UUID | None, field: str, message: str):
    if value is None:
        return None
    found = queryset.filter(uuid=value).first()
    if found is None:
        raise ValidationError({"owner": {field: [message]}})
    return found


def owner_from(*, user, data: dict) -> Owner:
    """The validated owner input as an ``Owner``, its UUIDs resolved among visible objects."""
    visible_households = Household.objects.visible_to(user)
    return Owner(
        kind=OwnerKind(data["kind"]),
        organisation=_resolve(
            Organisation.objects.all(),
            data.get("organisation"),
            "organisation",
            _("Onbekende organisatie."),
        ),
        professional=_resolve(
            get_user_model().objects.filter(is_active=True),
            data.get("professional"),
            "professional",
            _("Onbekende professional."),
        ),
        person=_resolve(
            Person.objects.visible_to(user), data.get("person"), "person", _("Onbekende persoon.")
        ),
        network_member=_resolve(
            NetworkMember.objects.filter(household__in=visible_households),
            data.get("network_member"),
            "network_member",
            _("Onbekend netwerklid."),
        ),
    )


def current_owner(action: Action) -> Owner:
    return Owner(
        kind=OwnerKind(action.owner_kind),
        organisation=action.owner_organisation,
        professional=action.owner_professional,
        person=action.owner_person,
        network_member=action.owner_network_member,
    )


def persons_for(*, user, uuids: list[uuid.UUID]) -> list[Person]:
    """Visible persons in the order given; an unknown or hidden one is a 400 on ``agreed_by``."""
    persons = {p.uuid: p for p in Person.objects.visible_to(user).filter(uuid__in=uuids)}
    missing = [str(value) for value in uuids if value not in persons]
    if missing:
        raise ValidationError({"agreed_by": [_("Onbekende persoon: %s.") % ", ".join(missing)]})
    return [persons[value] for value in dict.fromkeys(uuids)]
