import datetime

import factory

from eenplan.cases.constants import CaseStatus, ServiceType
from eenplan.cases.models import Case, Involvement, TimelineEvent
from eenplan.common.constants import LifeDomain
from eenplan.people.tests.factories import HouseholdFactory
from eenplan.tenancy.tests.factories import OrganisationFactory


class CaseFactory(factory.django.DjangoModelFactory):
    """``CaseFactory(household__members=3)``; ``CaseFactory.with_network(orgs=3)``."""

    class Meta:
        model = Case

    household = factory.SubFactory(HouseholdFactory, members=2)
    reference = factory.Sequence(lambda n: f"EP-2026-{n:06d}")
    status = CaseStatus.INTAKE
    priority_question = "Wij willen rust in huis en grip op de schulden."
    priority_domain = LifeDomain.FINANCES

    @classmethod
    def with_network(cls, *, orgs: int = 3, **kwargs) -> Case:
        """A case with ``orgs`` involved organisations, each working for every member."""
        case = cls(**kwargs)
        for _ in range(orgs):
            InvolvementFactory(case=case)
        return case


class InvolvementFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Involvement
        skip_postgeneration_save = True

    case = factory.SubFactory(CaseFactory)
    organisation = factory.SubFactory(OrganisationFactory)
    service_type = ServiceType.SOCIAL_WORK
    life_domains = factory.LazyFunction(lambda: [LifeDomain.FINANCES.value])
    start_date = factory.LazyFunction(lambda: datetime.date.today() - datetime.timedelta(days=30))

    @factory.post_generation
    def persons(self, create, extracted, **kwargs):
        if create:
            self.persons.set(extracted or self.case.household.members.all())


class TimelineEventFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = TimelineEvent

    case = factory.SubFactory(CaseFactory)
    kind = "status_gewijzigd"
    summary = "Status van Aanmelding naar Intake."
