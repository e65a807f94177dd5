"""Who sees what in the portal (standards.md: from 16 a person decides about their own data).

A member with an account (16 or older) sees the household-wide plan of each household they belong
to, and, among the data kept per person, their own and that of their children under 16 in that
household (a parent relation recorded in the household). Other members' personal data is theirs.
An item about one member that they hid stays out of the others' view.
"""

from django.utils import timezone

from eenplan.people.constants import RelationKind
from eenplan.people.models import Person, Relation
from eenplan.portal.constants import OWN_ACCOUNT_AGE
from eenplan.portal.models import HiddenItem


def is_young_child(person, day=None) -> bool:
    age = person.age_on(day or timezone.localdate())
    return age is not None and age < OWN_ACCOUNT_AGE


def persons_in_care(citizen, household=None) -> list[Person]:
    """The citizen's own person first, then their children under 16 (in ``household`` or in
    any of their households)."""
    relations = Relation.objects.filter(person=citizen.person, kind=RelationKind.PARENT)
    if household is not None:
        relations = relations.filter(household=household)
    children = Person.objects.filter(pk__in=relations.values("related_person_id")).order_by(
        "birth_date", "pk"
    )
    return [citizen.person] + [child for child in children if is_young_child(child)]


def hidden_from(citizen) -> tuple[set[int], set[int]]:
    """(action ids, involvement ids) other members hid from this citizen."""
    households = citizen.person.memberships.values("household_id")
    items = (
        HiddenItem.objects.filter(person__memberships__household_id__in=households)
        .exclude(person=citizen.person)
        .values_list("action_id", "involvement_id")
    )
    actions = {action for action, _ in items if action}
    involvements = {involvement for _, involvement in items if involvement}
    return actions, involvements
