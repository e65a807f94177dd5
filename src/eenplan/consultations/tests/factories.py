import datetime

import factory
from django.utils import timezone

from eenplan.consultations.constants import ConsultationKind
from eenplan.consultations.models import Consultation
from eenplan.tenancy.tests.factories import MunicipalityFactory, UserFactory


class ConsultationFactory(factory.django.DjangoModelFactory):
    """A network meeting next week. Pass ``organisations=[...]`` to set the participants."""

    class Meta:
        model = Consultation
        skip_postgeneration_save = True

    kind = ConsultationKind.NETWORK
    title = "Netwerkoverleg"
    municipality = factory.SubFactory(MunicipalityFactory)
    date = factory.LazyFunction(lambda: timezone.localdate() + datetime.timedelta(days=7))
    chair = factory.SubFactory(UserFactory)
    created_by = factory.SelfAttribute("chair")

    @factory.post_generation
    def organisations(self, create, extracted, **kwargs):
        if create and extracted:
            self.organisations.set(extracted)
