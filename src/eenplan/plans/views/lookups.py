"""What plan forms and the PDF show around a case, found only through ``visible_to(user)``.

The owner choices and the PDF contacts are candidates for selectors of their own
(``action_owner_options``, ``case_contacts``) so that they are access-logged in one place.
"""

import uuid

from django.utils import timezone

from eenplan.cases.models import Case, Involvement
from eenplan.people.models import Household, NetworkMember
from eenplan.plans.forms import owner_options
from eenplan.plans.pdf import COORDINATOR, Contact


def action_owner_options(user, case: Case) -> list:
    """Who may do an action in ``case`` (a case read through a selector): its organisations
    with an active involvement, its household members and its own network."""
    involvements = (
        Involvement.objects.active()
        .filter(case__in=Case.objects.visible_to(user), case=case)
        .select_related("organisation", "contact")
    )
    network = NetworkMember.objects.filter(
        household__in=Household.objects.visible_to(user), household_id=case.household_id
    )
    return owner_options(case=case, involvements=involvements, network=network, user=user)


def case_contacts(user, case_uuid: uuid.UUID, involvements: list) -> list[Contact]:
    """The coordinator, then the contact of every organisation still involved."""
    case = (
        Case.objects.visible_to(user)
        .select_related("coordinator", "coordinator_organisation")
        .get(uuid=case_uuid)
    )
    contacts = []
    if case.coordinator:
        contacts.append(_contact(COORDINATOR, case.coordinator, case.coordinator_organisation))
    today = timezone.localdate()
    for involvement in involvements:
        if involvement.end_date is None or involvement.end_date >= today:
            contacts.append(
                _contact("Contactpersoon", involvement.contact, involvement.organisation)
            )
    return contacts


def _contact(role: str, user, organisation) -> Contact:
    return Contact(
        role=role,
        organisation=organisation.name if organisation else "",
        name=(user.get_full_name() or user.username) if user else "",
        phone=user.phone if user else "",
        email=user.email if user else "",
    )
