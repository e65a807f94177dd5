"""Every change to persons, households and their own network goes through these functions.

Each is keyword-only and transactional, validates its input (``full_clean``) and writes the
access log for the persons whose data it changes.
"""

import datetime
from dataclasses import dataclass

from django.db import transaction

from eenplan.common.validators import normalise_bsn, normalise_postcode
from eenplan.people.constants import RELATION_INVERSE, Gender, NetworkKind, RelationKind
from eenplan.people.models import Household, HouseholdMember, NetworkMember, Person, Relation
from eenplan.privacy.constants import Action
from eenplan.privacy.services import access_log_write


@dataclass(frozen=True)
class PersonData:
    given_names: str
    surname: str
    surname_prefix: str = ""
    bsn: str = ""
    birth_date: datetime.date | None = None
    gender: str = Gender.UNKNOWN
    street: str = ""
    house_number: str = ""
    postcode: str = ""
    city: str = ""
    phone: str = ""
    email: str = ""


def person_build(*, data: PersonData) -> Person:
    """A validated, unsaved Person with BSN and postcode normalised."""
    values = {**data.__dict__}
    values["bsn"] = normalise_bsn(data.bsn) if data.bsn else ""
    values["postcode"] = normalise_postcode(data.postcode) if data.postcode else ""
    person = Person(**values)
    person.full_clean()
    return person


@transaction.atomic
def household_create(
    *,
    actor,
    name: str,
    municipality,
    members: list[PersonData],
    contact_index: int = 0,
    relations: list[tuple[int, RelationKind, int]] = (),
) -> Household:
    """Register a household with its members and their relations.

    ``relations`` holds ``(i, kind, j)``: member *i* is *kind* of member *j*; the inverse relation
    is stored too, so both members show it.
    """
    household = Household(name=name, municipality=municipality)
    household.full_clean()
    household.save()
    persons = [person_build(data=data) for data in members]
    for person in persons:
        person.save()
    HouseholdMember.objects.bulk_create(
        HouseholdMember(household=household, person=person, is_contact=index == contact_index)
        for index, person in enumerate(persons)
    )
    Relation.objects.bulk_create(
        Relation(household=household, person=persons[a], related_person=persons[b], kind=kind)
        for i, kind, j in relations
        for a, b, kind in ((i, j, kind), (j, i, RELATION_INVERSE[kind]))
    )
    access_log_write(
        actor=actor,
        action=Action.CREATE,
        name="huishouden registreren",
        subjects=[(None, person) for person in persons],
    )
    return household


@transaction.atomic
def network_member_add(
    *,
    actor,
    household: Household,
    name: str,
    kind: NetworkKind,
    relationship: str = "",
    phone: str = "",
    email: str = "",
    contribution: str = "",
) -> NetworkMember:
    member = NetworkMember(
        household=household,
        name=name,
        kind=kind,
        relationship=relationship,
        phone=phone,
        email=email,
        contribution=contribution,
    )
    member.full_clean()
    member.save()
    access_log_write(
        actor=actor,
        action=Action.UPDATE,
        name="eigen netwerk aanvullen",
        subjects=[(None, m.person) for m in household.memberships.select_related("person")],
    )
    return member
