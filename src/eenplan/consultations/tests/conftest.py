"""A network meeting around ``case`` (root conftest): the involved organisation with consent
(its professional chairs), an involved organisation at the known level only, and a partner
organisation that is not involved at all."""

import pytest
from django.utils import timezone

from eenplan.cases.tests.factories import InvolvementFactory
from eenplan.consultations import services
from eenplan.consultations.constants import ConsultationKind
from eenplan.tenancy.constants import Role
from eenplan.tenancy.tests.factories import OrganisationFactory, user_in


@pytest.fixture
def known_level_org(case):
    organisation = OrganisationFactory(name="GGZ zonder toestemming")
    InvolvementFactory(case=case, organisation=organisation, consent=False)
    return organisation


@pytest.fixture
def known_level_user(known_level_org):
    return user_in(known_level_org, Role.PROFESSIONAL, username="known")


@pytest.fixture
def partner_org():
    return OrganisationFactory(name="Woningcorporatie")


@pytest.fixture
def partner(partner_org):
    return user_in(partner_org, Role.PROFESSIONAL, username="partner")


@pytest.fixture
def meeting(case, professional, involved_org, known_level_org, partner_org):
    return services.consultation_plan(
        actor=professional,
        kind=ConsultationKind.NETWORK,
        title="Netwerkoverleg Delfzijl",
        municipality=case.household.municipality,
        date=timezone.localdate(),
        chair=professional,
        organisations=[involved_org, known_level_org, partner_org],
    )


@pytest.fixture
def item(meeting, case, professional):
    item = services.agenda_add(
        actor=professional,
        consultation=meeting,
        case=case,
        question="Wie wordt het eerste aanspreekpunt bij de schulden?",
    )
    member = case.household.members.order_by("pk").first()
    return services.agenda_record_consent(
        actor=professional, item=item, ground="toestemming", given_by=member
    )
