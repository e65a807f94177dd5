import datetime

import factory
from django.utils import timezone

from eenplan.cases.constants import CaseStatus, ServiceType, SharingGround
from eenplan.cases.models import Case, Consent, Involvement, TimelineEvent
from eenplan.common.constants import LifeDomain
from eenplan.people.tests.factories import HouseholdFactory
from eenplan.tenancy.tests.factories import OrganisationFactory, UserFactory


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
    start_date = factory.LazyFunction(lambda: timezone.localdate() - datetime.timedelta(days=30))

    @factory.post_generation
    def persons(self, create, extracted, **kwargs):
        if create:
            self.persons.set(extracted or self.case.household.members.all())

    @factory.post_generation
    def consent(self, create, extracted, **kwargs):
        """By default the organisation may see all content (a household-wide legal basis);
        ``InvolvementFactory(consent=False)`` leaves it at the known level."""
        if create and extracted is not False:
            ConsentFactory(case=self.case, organisation=self.organisation)


class ConsentFactory(factory.django.DjangoModelFactory):
    """A household-wide legal basis for every category; pass ``ground``/``person`` for consent."""

    class Meta:
        model = Consent

    case = factory.SubFactory(CaseFactory)
    organisation = factory.SubFactory(OrganisationFactory)
    ground = SharingGround.LEGAL_TASK
    justification = "Wettelijke taak van het wijkteam (Wmo 2015 art. 5.1.1)."
    purpose = "Gezamenlijke aanpak voor het huishouden"
    shares_plan = True
    shares_notes = True
    shares_assessments = True
    shares_contact = True
    valid_from = factory.LazyFunction(lambda: timezone.localdate() - datetime.timedelta(days=30))
    recorded_by = factory.SubFactory(UserFactory)


class TimelineEventFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = TimelineEvent

    case = factory.SubFactory(CaseFactory)
    kind = "status_gewijzigd"
    summary = "Status van Aanmelding naar Intake."
