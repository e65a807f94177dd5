"""Referrals with consent, and agreeing on one coordinator."""

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone

from eenplan.cases import selectors, services
from eenplan.cases.constants import (
    DataCategory,
    ProposalStatus,
    ReferralStatus,
    ServiceType,
    SharingGround,
)
from eenplan.cases.models import Case, Consent, Referral
from eenplan.cases.tests.factories import InvolvementFactory
from eenplan.common.constants import LifeDomain
from eenplan.plans.models import Plan
from eenplan.plans.tests.factories import PlanFactory
from eenplan.tenancy.constants import OrganisationType, Role
from eenplan.tenancy.tests.factories import OrganisationFactory, user_in

pytestmark = pytest.mark.django_db


@pytest.fixture
def family(case):
    """The case's members: an adult contact person and two children aged 10 and 17."""
    members = list(case.household.members.order_by("pk"))
    members[1].birth_date = timezone.localdate().replace(year=timezone.localdate().year - 10)
    members[2].birth_date = timezone.localdate().replace(year=timezone.localdate().year - 17)
    for person in members[1:]:
        person.save()
    return members


@pytest.fixture
def receiver():
    return user_in(OrganisationFactory(name="Schuldhulp Eemsdelta"), Role.PROFESSIONAL)


def send(actor, case, receiver, persons, **kwargs):
    return services.referral_send(
        actor=actor,
        case=case,
        to_organisation=receiver.acting_organisation,
        persons=persons,
        reason="Betalingsachterstanden bij drie schuldeisers.",
        service_type=ServiceType.DEBT_HELP,
        life_domains=[LifeDomain.FINANCES],
        categories=[DataCategory.PLAN, DataCategory.CONTACT],
        **kwargs,
    )


def test_referral_consents_per_person_and_a_guardian_for_a_child(
    case, family, professional, receiver
):
    mother, child, teenager = family
    with pytest.raises(ValidationError, match="ouder of voogd"):
        send(professional, case, receiver, [mother, child])
    referral = send(professional, case, receiver, [mother, child, teenager], guardian=mother)
    givers = {c.person: c.given_by for c in referral.consents.all()}
    assert givers == {mother: mother, child: mother, teenager: teenager}
    assert case.timeline.first().kind == "aanmelding_verstuurd"


def test_receiver_sees_the_referral_but_not_the_case_until_it_accepts(
    case, family, professional, receiver
):
    PlanFactory(case=case)
    referral = send(professional, case, receiver, [family[0]])
    incoming = selectors.referral_list(user=receiver, incoming=True)
    assert [r.pk for r in incoming.items] == [referral.pk]
    assert not Case.objects.visible_to(receiver).exists()

    services.referral_accept(actor=receiver, referral=referral)
    referral.refresh_from_db()
    assert referral.status == ReferralStatus.ACCEPTED
    involvement = referral.involvement
    assert (involvement.organisation, involvement.contact) == (
        receiver.acting_organisation,
        receiver,
    )
    assert list(involvement.persons.all()) == [family[0]]
    assert Plan.objects.visible_to(receiver).filter(case=case).exists()
    kinds = list(case.timeline.values_list("kind", flat=True)[:2])
    assert kinds == ["aanmelding_geaccepteerd", "betrokkenheid_toegevoegd"]


def test_decline_needs_a_reason_and_ends_the_referral_consent(case, family, professional, receiver):
    referral = send(professional, case, receiver, [family[0]])
    with pytest.raises(ValidationError):
        services.referral_decline(actor=receiver, referral=referral, reason=" ")
    services.referral_decline(actor=receiver, referral=referral, reason="Geen plek tot maart.")
    assert Referral.objects.get(pk=referral.pk).status == ReferralStatus.DECLINED
    assert not Consent.objects.active().filter(referral=referral).exists()
    with pytest.raises(ValidationError, match="al beslist"):
        services.referral_accept(actor=receiver, referral=referral)


def test_only_the_receiver_decides_and_only_an_involved_organisation_refers(
    case, family, professional, receiver, outsider
):
    referral = send(professional, case, receiver, [family[0]])
    with pytest.raises(Referral.DoesNotExist):
        services.referral_accept(actor=outsider, referral=referral)
    with pytest.raises(Referral.DoesNotExist):
        services.referral_accept(actor=professional, referral=referral)
    with pytest.raises(ValidationError, match="al een aanmelding"):
        send(professional, case, receiver, [family[0]])
    with pytest.raises(Case.DoesNotExist):
        send(outsider, case, receiver, [family[0]])


def test_referral_on_a_legal_basis_needs_a_justification(case, family, professional, receiver):
    with pytest.raises(ValidationError):
        send(professional, case, receiver, family, ground=SharingGround.YOUTH_PROTECTION)
    referral = send(
        professional,
        case,
        receiver,
        family,
        ground=SharingGround.YOUTH_PROTECTION,
        justification="Ondertoezichtstelling van de kinderen.",
    )
    (basis,) = referral.consents.all()
    assert basis.person is None and basis.ground == SharingGround.YOUTH_PROTECTION


@pytest.fixture
def partner(case):
    organisation = OrganisationFactory(name="Jeugdhulp Groningen")
    InvolvementFactory(case=case, organisation=organisation)
    return user_in(organisation, Role.COORDINATOR)


def test_coordinator_is_proposed_then_agreed_by_another_party_with_the_household(
    case, professional, partner
):
    proposal = services.coordinator_propose(
        actor=professional,
        case=case,
        coordinator=partner,
        organisation=partner.acting_organisation,
        motivation="Kent het gezin het langst.",
    )
    with pytest.raises(ValidationError):
        services.coordinator_agree(actor=professional, proposal=proposal, household_agreed=True)
    with pytest.raises(ValidationError, match="huishouden"):
        services.coordinator_agree(actor=partner, proposal=proposal, household_agreed=False)
    services.coordinator_agree(actor=partner, proposal=proposal, household_agreed=True)
    case.refresh_from_db()
    proposal.refresh_from_db()
    assert case.coordinator == partner
    assert (proposal.status, proposal.agreed_by) == (ProposalStatus.AGREED, partner)
    assert proposal.agreed_at is not None and proposal.household_agreed
    assert "ingestemd door" in case.timeline.first().summary


def test_hand_over_to_another_coordinator(case, professional, partner):
    proposal = services.coordinator_propose(
        actor=professional,
        case=case,
        coordinator=partner,
        organisation=partner.acting_organisation,
    )
    services.coordinator_agree(actor=partner, proposal=proposal, household_agreed=True)
    handover = services.coordinator_propose(
        actor=partner,
        case=case,
        coordinator=professional,
        organisation=professional.acting_organisation,
    )
    assert handover.is_handover
    services.coordinator_agree(actor=professional, proposal=handover, household_agreed=True)
    case.refresh_from_db()
    assert case.coordinator == professional
    assert "Overgedragen door" in case.timeline.first().summary


def test_escalation_decision_is_taken_by_the_coordinator_or_the_municipality(
    case, professional, partner
):
    with pytest.raises(ValidationError, match="regisseur of de gemeente"):
        services.case_escalate(
            actor=professional, case=case, level=3, reason="Geen woning.", decision="Urgentie."
        )
    municipality = OrganisationFactory(type=OrganisationType.MUNICIPALITY)
    InvolvementFactory(case=case, organisation=municipality)
    officer = user_in(municipality, Role.MUNICIPAL_OFFICER)
    services.case_escalate(
        actor=officer,
        case=case,
        level=5,
        reason="Corporatie wijst af.",
        decision="De gemeente geeft urgentie.",
    )
    case.refresh_from_db()
    assert case.escalation_decision == "De gemeente geeft urgentie."
    assert "Besluit: De gemeente geeft urgentie." in case.timeline.first().summary
