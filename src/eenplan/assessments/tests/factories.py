import datetime

import factory
from django.utils import timezone

from eenplan.assessments.models import Assessment, Instrument, Score
from eenplan.cases.tests.factories import CaseFactory
from eenplan.tenancy.tests.factories import OrganisationFactory, UserFactory


def zrm() -> Instrument:
    """The ZRM 2017 for one person, shipped by the migrations."""
    return Instrument.objects.get(code="zrm", version="2017")


def household_zrm() -> Instrument:
    return Instrument.objects.get(code="zrm-huishouden", version="2017")


class AssessmentFactory(factory.django.DjangoModelFactory):
    """``AssessmentFactory(case=..., scores={"financien": 2})``: a ZRM of the first member."""

    class Meta:
        model = Assessment
        skip_postgeneration_save = True

    case = factory.SubFactory(CaseFactory)
    person = factory.LazyAttribute(lambda a: a.case.household.members.order_by("pk").first())
    instrument = factory.LazyFunction(zrm)
    assessed_on = factory.LazyFunction(lambda: timezone.localdate() - datetime.timedelta(days=7))
    assessed_by = factory.SubFactory(UserFactory)
    organisation = factory.SubFactory(OrganisationFactory)

    @factory.post_generation
    def scores(self, create, extracted, **kwargs):
        if create:
            domains = {d.code: d for d in self.instrument.domains.all()}
            Score.objects.bulk_create(
                Score(assessment=self, domain=domains[code], value=value)
                for code, value in (extracted or {"financien": 3}).items()
            )
