"""Who sees a signal (``policy.signal_visibility``), and every read in the access log."""

import pytest

from eenplan.cases.constants import ServiceType
from eenplan.cases.tests.factories import CaseFactory
from eenplan.common.constants import LifeDomain
from eenplan.people.models import HouseholdMember
from eenplan.privacy.models import AccessLogEntry
from eenplan.signals import selectors
from eenplan.signals.constants import SignalKind
from eenplan.signals.counts import signal_count
from eenplan.signals.models import Signal
from eenplan.signals.services import signals_match_involvement, signals_refresh_case
from eenplan.signals.tests.conftest import involve, share_plan
from eenplan.tenancy.constants import Role
from eenplan.tenancy.tests.factories import OrganisationFactory, UserFactory, user_in

pytestmark = pytest.mark.django_db

DEBT = {"life_domains": [LifeDomain.FINANCES.value], "service_type": ServiceType.DEBT_HELP}


def kinds(user) -> set[str]:
    return set(Signal.objects.visible_to(user).values_list("kind", flat=True))


@pytest.fixture
def both(household_case, org_a, org_b):
    """Org A with plan consent and org B without, both doing debt help for the household:
    a match per member and an overlap."""
    involve(household_case, org_a, plan_consent=True, **DEBT)
    involve(household_case, org_b, plan_consent=False, **DEBT)
    signals_refresh_case(case=household_case)
    return household_case


def test_without_plan_consent_an_organisation_sees_the_match_but_not_the_overlap(
    both, pro_a, pro_b
):
    assert kinds(pro_a) == {SignalKind.MATCH, SignalKind.OVERLAP}
    assert kinds(pro_b) == {SignalKind.MATCH}

    share_plan(both, pro_b.memberships.get().organisation)
    assert kinds(pro_b) == {SignalKind.MATCH, SignalKind.OVERLAP}


def test_involved_but_not_concerned_sees_nothing(both):
    bystander = OrganisationFactory()
    involve(both, bystander, life_domains=[LifeDomain.HOUSING.value])
    member = user_in(bystander)
    signals_refresh_case(case=both)

    assert SignalKind.OVERLAP not in kinds(member)
    seen = Signal.objects.visible_to(member).filter(kind=SignalKind.MATCH)
    assert all(bystander in s.organisations.all() for s in seen)


def test_coordinator_sees_the_signals_of_the_household(both, org_a):
    coordinating = OrganisationFactory()
    coordinator = user_in(coordinating, Role.COORDINATOR)
    both.coordinator, both.coordinator_organisation = coordinator, coordinating
    both.save()
    assert kinds(coordinator) == {SignalKind.MATCH}, "the overlap needs plan consent"

    share_plan(both, coordinating)
    assert kinds(coordinator) == {SignalKind.MATCH, SignalKind.OVERLAP}


@pytest.mark.parametrize(
    "role", [Role.TEAM_LEADER, Role.POLICY_OFFICER, Role.PRIVACY_OFFICER, Role.FUNCTIONAL_ADMIN]
)
def test_roles_without_personal_data_see_no_signals(both, org_a, role):
    assert kinds(user_in(org_a, role)) == set()
    assert kinds(UserFactory(is_superuser=True, is_staff=True)) == set()


def test_the_other_side_of_a_match_sees_it_in_its_own_household(household_case, org_a, org_b):
    involve(household_case, org_a)
    person = household_case.household.members.order_by("pk").first()
    other_case = CaseFactory(household__members=1)
    HouseholdMember.objects.create(household=other_case.household, person=person)
    signals_match_involvement(involvement=involve(other_case, org_b, persons=[person]))

    sees_a = Signal.objects.visible_to(user_in(org_a))
    sees_b = Signal.objects.visible_to(user_in(org_b))

    assert [s.case for s in sees_a] == [household_case]
    assert [s.case for s in sees_b] == [other_case]


def test_every_read_is_logged_with_the_matched_person_or_the_contact(both, pro_a, pro_b):
    listing = selectors.signal_inbox(user=pro_b)
    entries = AccessLogEntry.objects.filter(actor=pro_b, name="signalen bekijken")
    matched = {s.person.uuid for s in listing.items}
    assert listing.count == 3 and len(matched) == 3
    assert {e.person_uuid for e in entries} == matched
    assert {e.case_uuid for e in entries} == {both.uuid}

    overlap = Signal.objects.get(kind=SignalKind.OVERLAP)
    selectors.signal_get(user=pro_a, signal_uuid=overlap.uuid)
    contact = both.household.memberships.get(is_contact=True).person
    entry = AccessLogEntry.objects.get(actor=pro_a, name="signaal bekijken")
    assert (entry.case_uuid, entry.person_uuid) == (both.uuid, contact.uuid)

    with pytest.raises(Signal.DoesNotExist):
        selectors.signal_get(user=pro_b, signal_uuid=overlap.uuid)


def test_case_signals_and_count(both, pro_a, pro_b):
    assert len(selectors.case_signals(user=pro_a, case_uuid=both.uuid)) == 4
    assert len(selectors.case_signals(user=pro_b, case_uuid=both.uuid)) == 3
    assert signal_count(user=pro_a) == 4
    assert signal_count(user=user_in(OrganisationFactory())) == 0
    # One entry per (case, person): the overlap's subject, the contact, is also matched.
    assert AccessLogEntry.objects.filter(name="signalen van een casus bekijken").count() == 6
