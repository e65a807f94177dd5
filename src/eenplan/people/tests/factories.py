import datetime

import factory

from eenplan.common.bsn import synthetic_bsns
from eenplan.people.constants import NetworkKind, RelationKind
from eenplan.people.models import Household, HouseholdMember, NetworkMember, Person, Relation
from eenplan.tenancy.tests.factories import MunicipalityFactory

# Cycles through the synthetic range; each test's database is rolled back, so reuse is safe.
# The first numbers (999990007 up to 999990081) are never handed out: tests use them as a BSN
# that nobody has, or give them to a person of their own.
SYNTHETIC_BSNS = list(synthetic_bsns())
RESERVED_FOR_TESTS = 8


class PersonFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Person

    bsn = factory.Iterator(SYNTHETIC_BSNS[RESERVED_FOR_TESTS:])
    given_names = factory.Sequence(lambda n: f"Voornaam{n}")
    surname = "Bakker"
    birth_date = datetime.date(1985, 4, 12)
    street = "Molenstraat"
    house_number = "12"
    postcode = "9934 AB"
    city = "Delfzijl"


class HouseholdFactory(factory.django.DjangoModelFactory):
    """``HouseholdFactory(members=3)`` gives a household with a contact person and 2 others."""

    class Meta:
        model = Household
        skip_postgeneration_save = True

    name = factory.Sequence(lambda n: f"Huishouden {n}")
    municipality = factory.SubFactory(MunicipalityFactory)

    @factory.post_generation
    def members(self, create, extracted, **kwargs):
        for index in range(extracted or 0):
            HouseholdMember.objects.create(
                household=self, person=PersonFactory(), is_contact=index == 0
            )


class RelationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Relation

    kind = RelationKind.PARENT


class NetworkMemberFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = NetworkMember

    household = factory.SubFactory(HouseholdFactory)
    name = factory.Sequence(lambda n: f"Netwerklid {n}")
    kind = NetworkKind.NEIGHBOUR
    phone = "0596-123456"
