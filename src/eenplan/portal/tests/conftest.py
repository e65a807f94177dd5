"""A family for the portal tests: two parents, a child of 12 and one of 17, a case with a
coordinator, a plan and an organisation that works for the family on a consent."""

import datetime
from dataclasses import dataclass

import pytest
from django.utils import timezone

from eenplan.cases.constants import SharingGround
from eenplan.cases.tests.factories import CaseFactory, ConsentFactory, InvolvementFactory
from eenplan.people.constants import RelationKind
from eenplan.people.models import HouseholdMember, Person, Relation
from eenplan.people.tests.factories import HouseholdFactory, PersonFactory
from eenplan.plans.constants import OwnerKind
from eenplan.plans.tests.factories import ActionFactory, GoalFactory, PlanFactory
from eenplan.portal.services import citizen_account_create
from eenplan.tenancy.constants import Role
from eenplan.tenancy.tests.factories import OrganisationFactory, user_in


def years_ago(years: int) -> datetime.date:
    today = timezone.localdate()
    return today.replace(year=today.year - years) - datetime.timedelta(days=10)


@dataclass
class Family:
    case: object
    mother: Person
    father: Person
    young: Person  # 12
    teen: Person  # 17
    coordinator: object
    team: object  # the coordinator's organisation
    ggz: object  # an organisation working on the mother's consent
    ggz_worker: object
    plan: object
    goal: object
    mothers_action: object
    fathers_action: object

    def account(self, person):
        return citizen_account_create(person=person, username=f"inwoner-{person.pk}").user


def _family_household():
    household = HouseholdFactory(name="Familie De Vries")
    people = {
        "mother": PersonFactory(
            given_names="Anna", surname="Vries", surname_prefix="de", birth_date=years_ago(40)
        ),
        "father": PersonFactory(
            given_names="Bram", surname="Vries", surname_prefix="de", birth_date=years_ago(42)
        ),
        "young": PersonFactory(given_names="Cas", birth_date=years_ago(12)),
        "teen": PersonFactory(given_names="Dewi", birth_date=years_ago(17)),
    }
    for index, person in enumerate(people.values()):
        HouseholdMember.objects.create(household=household, person=person, is_contact=index == 0)
    for parent in (people["mother"], people["father"]):
        for child in (people["young"], people["teen"]):
            Relation.objects.create(
                household=household, person=parent, related_person=child, kind=RelationKind.PARENT
            )
            Relation.objects.create(
                household=household, person=child, related_person=parent, kind=RelationKind.CHILD
            )
    return household, people


@pytest.fixture
def family():
    household, people = _family_household()
    team = OrganisationFactory(name="Wijkteam Oost")
    coordinator = user_in(team, Role.COORDINATOR, username="regisseur", email="regie@example.org")
    case = CaseFactory(household=household, coordinator=coordinator, coordinator_organisation=team)
    InvolvementFactory(case=case, organisation=team)
    ggz = OrganisationFactory(name="GGZ Noord")
    InvolvementFactory(case=case, organisation=ggz, consent=False)
    for person in (people["mother"], people["young"], people["teen"]):
        ConsentFactory(
            case=case,
            organisation=ggz,
            ground=SharingGround.CONSENT,
            person=person,
            given_by=people["teen"] if person == people["teen"] else people["mother"],
            justification="",
        )
    plan = PlanFactory(case=case)
    goal = GoalFactory(plan=plan, title="Rust in huis")
    mothers = ActionFactory(
        goal=goal,
        description="Belt de schuldhulp",
        owner_kind=OwnerKind.HOUSEHOLD_MEMBER,
        owner_person=people["mother"],
        owner_organisation=None,
    )
    fathers = ActionFactory(
        goal=goal,
        description="Gaat naar de huisarts",
        owner_kind=OwnerKind.HOUSEHOLD_MEMBER,
        owner_person=people["father"],
        owner_organisation=None,
    )
    return Family(
        case,
        people["mother"],
        people["father"],
        people["young"],
        people["teen"],
        coordinator,
        team,
        ggz,
        user_in(ggz, Role.PROFESSIONAL, username="ggz"),
        plan,
        goal,
        mothers,
        fathers,
    )
