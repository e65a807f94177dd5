"""Every read of person and household data goes through these functions; each filters with
``visible_to(user)`` and logs one access-log entry per person whose data it returns, in a fixed
number of queries whatever the size of the household.
"""

import datetime
import uuid
from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.db.models import BooleanField, Exists, ExpressionWrapper, OuterRef, Prefetch, Q
from django.utils import timezone
from django.utils.translation import gettext as _

from eenplan.cases.models import Case, Involvement, TimelineEvent
from eenplan.cases.redaction import (
    CONTACT_FIELDS,
    redact_case,
    redact_contact,
    redact_involvement,
)
from eenplan.cases.selectors import CaseNetwork, case_network
from eenplan.common.validators import is_valid_bsn, normalise_postcode
from eenplan.people.models import Household, HouseholdMember, Person, Relation
from eenplan.privacy import policy
from eenplan.privacy.constants import Action, ProcessingActivity
from eenplan.privacy.services import access_log_write

SEARCH_LIMIT = 50
TIMELINE_LIMIT = 100


@dataclass(frozen=True)
class ClientView:
    """The integrated client view: one household and everything around it.

    ``case`` is the case the household is in now; ``timeline`` holds its newest events;
    ``access`` what the user may see of it beyond the known level. Without plan consent the
    questions, timeline, network and what each organisation does are left out; without consent
    for contact details a member's address, phone and e-mail are blank.
    """

    household: Household
    members: list[HouseholdMember]
    relations: list[Relation]
    network: list
    cases: list[Case]
    case: Case | None
    timeline: list[TimelineEvent]
    access: policy.CaseAccess
    case_network: CaseNetwork | None


def _current_case(cases: list[Case]) -> Case | None:
    """The case the household is in now: the open one, else the latest."""
    open_cases = [c for c in cases if not c.is_closed]
    return (open_cases or cases or [None])[0]


def household_client_view(
    *, user, household_uuid: uuid.UUID, with_network: bool = False
) -> ClientView:
    """``Household.DoesNotExist`` when the household is unknown or not visible to the user.

    ``with_network`` also reads the case's consents, notes, coordinator proposals and referrals
    (``case_network``), for the household page; the read is logged once for all of it.
    """
    started_at = timezone.now()
    visible_cases = Case.objects.visible_to(user).select_related(
        "coordinator", "coordinator_organisation"
    )
    household = (
        Household.objects.visible_to(user)
        .select_related("municipality")
        .prefetch_related(
            Prefetch(
                "memberships",
                queryset=HouseholdMember.objects.select_related("person").order_by(
                    "-is_contact", "person__birth_date", "pk"
                ),
            ),
            Prefetch(
                "relations", queryset=Relation.objects.select_related("person", "related_person")
            ),
            "network_members",
            Prefetch("cases", queryset=visible_cases),
            "cases__other_questions",
            Prefetch(
                "cases__involvements",
                queryset=Involvement.objects.select_related("organisation", "contact"),
            ),
            "cases__involvements__persons",
        )
        .get(uuid=household_uuid)
    )
    cases = list(household.cases.all())
    current = _current_case(cases)
    access_by_case = policy.case_access(user, [case.pk for case in cases])
    for case in cases:
        redact_case(case, access_by_case[case.pk])
        for involvement in case.involvements.all():
            redact_involvement(involvement, access_by_case[case.pk])
    access = access_by_case[current.pk] if current else policy.CaseAccess()
    members = list(household.memberships.all())
    for member in members:
        redact_contact(member.person, access)
    view = ClientView(
        household=household,
        members=members,
        relations=list(household.relations.all()),
        network=list(household.network_members.all()) if access.plan else [],
        cases=cases,
        case=current,
        timeline=list(
            TimelineEvent.objects.filter(case=current).select_related(
                "actor", "actor_organisation"
            )[:TIMELINE_LIMIT]
        )
        if current and access.plan
        else [],
        access=access,
        case_network=case_network(user=user, case=current) if current and with_network else None,
    )
    access_log_write(
        actor=user,
        action=Action.READ,
        name="huishouden bekijken",
        subjects=[(view.case, member.person) for member in view.members],
        started_at=started_at,
    )
    return view


def _with_contact_shared(persons, user):
    return persons.annotate(
        contact_shared=ExpressionWrapper(
            policy.person_contact_visibility(user), output_field=BooleanField()
        )
    )


def _redact_unshared_contact(persons: list[Person]) -> None:
    for person in persons:
        if not person.contact_shared:
            for name in CONTACT_FIELDS:
                setattr(person, name, "")


def person_search(
    *,
    user,
    bsn: str = "",
    name: str = "",
    birth_date: datetime.date | None = None,
    postcode: str = "",
) -> list[Person]:
    """Persons the user may see matching every criterion given, at most ``SEARCH_LIMIT``.

    ``name`` matches word by word against given names, prefix and surname. Each hit carries
    ``search_households``: the visible households it belongs to.
    """
    if not any((bsn, name.strip(), birth_date, postcode)):
        raise ValidationError(_("Vul minstens één zoekterm in."), code="no_criteria")
    started_at = timezone.now()
    persons = Person.objects.visible_to(user)
    if bsn:
        if not is_valid_bsn(bsn):
            raise ValidationError({"bsn": _("Dit is geen geldig BSN (9 cijfers, 11-proef).")})
        persons = persons.with_bsn(bsn)
    for word in name.split():
        persons = persons.filter(
            Q(given_names__icontains=word)
            | Q(surname__icontains=word)
            | Q(surname_prefix__icontains=word)
        )
    if birth_date:
        persons = persons.filter(birth_date=birth_date)
    if postcode:
        # An address is contact data: searching on it needs consent for contact details.
        persons = persons.filter(
            policy.person_contact_visibility(user), postcode=normalise_postcode(postcode)
        )
    hits = list(
        _with_contact_shared(persons, user).prefetch_related(
            Prefetch(
                "memberships",
                # Checked per hit's household, not by listing every visible household.
                queryset=HouseholdMember.objects.filter(
                    Exists(Case.objects.visible_to(user).filter(household=OuterRef("household")))
                ).select_related("household"),
                to_attr="search_households",
            )
        )[:SEARCH_LIMIT]
    )
    _redact_unshared_contact(hits)
    if hits:
        access_log_write(
            actor=user,
            action=Action.SEARCH,
            name="huishouden zoeken",
            activity=ProcessingActivity.HOUSEHOLD_SEARCH,
            subjects=[(None, person) for person in hits],
            started_at=started_at,
        )
    return hits


def person_get(*, user, person_uuid: uuid.UUID) -> Person:
    """One person; ``Person.DoesNotExist`` when unknown or not visible."""
    started_at = timezone.now()
    person = _with_contact_shared(Person.objects.visible_to(user), user).get(uuid=person_uuid)
    _redact_unshared_contact([person])
    access_log_write(
        actor=user,
        action=Action.READ,
        name="persoon bekijken",
        subjects=[(None, person)],
        started_at=started_at,
    )
    return person
