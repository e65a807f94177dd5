"""Who sees a decision: plan readers of the case, the municipality's officers, the provider."""

import pytest

from eenplan.cases.tests.factories import InvolvementFactory
from eenplan.privacy.models import AccessLogEntry
from eenplan.provisions.models import Decision
from eenplan.provisions.selectors import decision_get, decisions_awaiting, decisions_for_case
from eenplan.provisions.tests.factories import DecisionFactory
from eenplan.tenancy.constants import Role
from eenplan.tenancy.tests.factories import MunicipalityFactory, OrganisationFactory, user_in

pytestmark = pytest.mark.django_db


@pytest.fixture
def decision(setting):
    return DecisionFactory(
        case=setting.case,
        product=setting.stairlift,
        provider=setting.provider,
        requested_by=setting.team_member,
        requested_by_organisation=setting.team,
    )


def visible(user) -> bool:
    return Decision.objects.visible_to(user).exists()


def test_the_team_working_on_the_plan_sees_it(setting, decision):
    assert visible(setting.team_member)


def test_an_organisation_at_the_known_level_does_not(setting, decision):
    known_only = OrganisationFactory(name="Alleen bekend")
    InvolvementFactory(case=setting.case, organisation=known_only, consent=False)
    assert not visible(user_in(known_only, Role.PROFESSIONAL))


def test_the_officer_of_the_municipality_sees_it_without_seeing_the_case(setting, decision):
    assert visible(setting.officer)
    other = OrganisationFactory(name="Gemeente elders")
    other.municipalities.add(MunicipalityFactory())
    assert not visible(user_in(other, Role.MUNICIPAL_OFFICER))


def test_the_provider_sees_the_allocations_made_to_it(setting, decision):
    assert visible(user_in(setting.provider, Role.PROFESSIONAL))


def test_outsiders_and_policy_officers_see_nothing(setting, decision, outsider):
    assert not visible(outsider)
    policy_org = OrganisationFactory(name="Beleid")
    policy_org.municipalities.add(setting.municipality)
    assert not visible(user_in(policy_org, Role.POLICY_OFFICER))


def test_reading_decisions_is_logged_per_person(setting, decision):
    AccessLogEntry.objects.all().delete()
    decisions_for_case(user=setting.team_member, case=setting.case)
    decision_get(user=setting.officer, decision_uuid=decision.uuid)
    entries = AccessLogEntry.objects.filter(person_uuid=decision.person.uuid)
    assert sorted(entries.values_list("actor_username", flat=True)) == ["consulent", "wijkteam"]


def test_the_officer_queue_holds_only_requests_of_own_municipalities(setting, decision):
    waiting = DecisionFactory(case=setting.case, product=setting.stairlift, status="aangevraagd")
    assert decisions_awaiting(user=setting.officer) == [waiting]
    assert decisions_awaiting(user=setting.team_member) == []
