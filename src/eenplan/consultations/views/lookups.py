"""What the consultation forms offer, found only through ``visible_to(user)``.

A meeting and the staff of organisations are not data about citizens. The choices about a case
(who may own an agreement, its goals, its involved organisations and own network) are read only
for agenda items the reader sees with ``content`` (``selectors.consultation_get`` or
``agenda_item_get`` logged that read), each kind in one query for all items together.
"""

import uuid
from dataclasses import dataclass, field

from django.db.models import prefetch_related_objects
from django.http import Http404
from django.utils import timezone

from eenplan.cases.forms import professionals_by_organisation
from eenplan.cases.models import Case, Involvement
from eenplan.consultations.models import AgendaItem, Attendee, Consultation
from eenplan.people.models import Household, NetworkMember
from eenplan.plans.forms import owner_options
from eenplan.plans.models import Goal
from eenplan.privacy import policy
from eenplan.tenancy.models import Membership, Municipality


def meeting_or_404(user, consultation_uuid: uuid.UUID) -> Consultation:
    """A meeting the user sees, without its agenda (a service re-reads it under a lock)."""
    try:
        return (
            Consultation.objects.visible_to(user)
            .select_related("series")
            .get(uuid=consultation_uuid)
        )
    except Consultation.DoesNotExist as exc:
        raise Http404 from exc


def attendee_or_404(consultation: Consultation, attendee_uuid: uuid.UUID) -> Attendee:
    try:
        return consultation.attendees.get(uuid=attendee_uuid)
    except Attendee.DoesNotExist as exc:
        raise Http404 from exc


def visible_meetings(user):
    return Consultation.objects.visible_to(user).order_by("-date", "-start_time", "-pk")


def open_meetings_to_come(user):
    """Meetings from today on whose minutes are still open: where a case can be put."""
    return (
        Consultation.objects.visible_to(user)
        .filter(date__gte=timezone.localdate(), minutes_closed_at__isnull=True)
        .order_by("date", "start_time", "pk")
    )


def case_agenda_items(user, case: Case) -> list[AgendaItem]:
    """The agenda items of ``case`` (read through a selector) in meetings the user sees."""
    return list(
        AgendaItem.objects.visible_to(user)
        .filter(case=case)
        .select_related("consultation")
        .order_by("-consultation__date", "-pk")
    )


def case_by_reference(user, reference: str) -> Case | None:
    """The case with this number, when the user may see it (the service checks again)."""
    return Case.objects.visible_to(user).filter(reference__iexact=reference.strip()).first()


def staff_by_organisation(organisations) -> dict:
    """Per organisation, everyone with an active membership there (any role): one query."""
    memberships = (
        Membership.objects.filter(organisation__in=organisations, is_active=True)
        .select_related("user", "organisation")
        .order_by("organisation__name", "user__first_name", "user__last_name", "user__pk")
    )
    grouped: dict = {}
    for membership in memberships:
        users = grouped.setdefault(membership.organisation, [])
        if membership.user not in users:
            users.append(membership.user)
    return grouped


def municipalities_for(user):
    """The municipalities the user's organisations work for; all of them when none is set."""
    own = Municipality.objects.filter(
        organisations__in=policy.member_organisation_ids(user)
    ).distinct()
    return (own if own.exists() else Municipality.objects.all()).order_by("name")


def network_by_household(user, household_ids) -> dict[int, list[NetworkMember]]:
    members = NetworkMember.objects.filter(
        household__in=Household.objects.visible_to(user), household_id__in=set(household_ids)
    ).order_by("name", "pk")
    grouped: dict[int, list] = {household_id: [] for household_id in household_ids}
    for member in members:
        grouped[member.household_id].append(member)
    return grouped


@dataclass
class ItemChoices:
    """What the forms of one agenda item offer."""

    owners: list = field(default_factory=list)
    goals: list = field(default_factory=list)
    professionals: dict = field(default_factory=dict)
    network: list = field(default_factory=list)


def item_choices(user, items: list[AgendaItem]) -> dict[int, ItemChoices]:
    """Per agenda item with ``content``: the owners an agreement may have (as on the plan's
    action form), the goals of its plan, and the professionals of the organisations involved
    now (for a coordinator). Five queries, whatever the number of items."""
    items = [item for item in items if item.content]
    if not items:
        return {}
    cases = [item.case for item in items]
    case_ids = {case.pk for case in cases}
    involvements: dict[int, list] = {case_id: [] for case_id in case_ids}
    for involvement in (
        Involvement.objects.active()
        .filter(case__in=Case.objects.visible_to(user), case_id__in=case_ids)
        .select_related("organisation", "contact")
        .order_by("organisation__name", "pk")
    ):
        involvements[involvement.case_id].append(involvement)
    goals: dict[int, list] = {case_id: [] for case_id in case_ids}
    for goal in (
        Goal.objects.visible_to(user)
        .filter(plan__case_id__in=case_ids)
        .select_related("plan")
        .order_by("position", "pk")
    ):
        goals[goal.plan.case_id].append(goal)
    network = network_by_household(user, {case.household_id for case in cases})
    prefetch_related_objects(cases, "coordinator")
    organisations = {inv.organisation for found in involvements.values() for inv in found}
    professionals = professionals_by_organisation(organisations)
    choices = {}
    for item in items:
        case = item.case
        involved = [inv.organisation for inv in involvements[case.pk]]
        choices[item.pk] = ItemChoices(
            owners=owner_options(
                case=case,
                involvements=involvements[case.pk],
                network=network[case.household_id],
                user=user,
            ),
            goals=goals[case.pk],
            professionals={org: professionals[org] for org in involved if org in professionals},
            network=network[case.household_id],
        )
    return choices
