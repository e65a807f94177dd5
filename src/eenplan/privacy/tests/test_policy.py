"""The access rule as a matrix: each role, involved or not, against cases, households, persons."""

import pytest

from eenplan.cases.models import Case
from eenplan.people.models import Household, Person
from eenplan.tenancy.constants import Role
from eenplan.tenancy.tests.factories import OrganisationFactory, UserFactory, user_in

pytestmark = pytest.mark.django_db

SEES_CASES = {Role.PROFESSIONAL, Role.COORDINATOR, Role.NEIGHBOURHOOD_TEAM_PROFESSIONAL}
SEES_CASES |= {Role.MUNICIPAL_OFFICER}


def visible(user, case) -> tuple[bool, bool, int]:
    return (
        Case.objects.visible_to(user).filter(pk=case.pk).exists(),
        Household.objects.visible_to(user).filter(pk=case.household.pk).exists(),
        Person.objects.visible_to(user).filter(households=case.household).count(),
    )


@pytest.mark.parametrize("role", Role.values)
@pytest.mark.parametrize("involved", [True, False])
def test_role_matrix(case, involved_org, role, involved):
    organisation = involved_org if involved else OrganisationFactory()
    user = user_in(organisation, role)
    members = case.household.members.count()
    if involved and role in SEES_CASES:
        assert visible(user, case) == (True, True, members)
    else:
        assert visible(user, case) == (False, False, 0)


def test_coordinating_organisation_sees_without_involvement(case):
    coordinating = OrganisationFactory()
    coordinator = user_in(coordinating, Role.COORDINATOR)
    case.coordinator, case.coordinator_organisation = coordinator, coordinating
    case.save()
    assert visible(coordinator, case)[0]


def test_superuser_is_no_back_door(case):
    superuser = UserFactory(is_superuser=True, is_staff=True)
    assert visible(superuser, case) == (False, False, 0)


def test_inactive_membership_or_user_sees_nothing(case, involved_org, professional):
    professional.memberships.update(is_active=False)
    assert visible(professional, case) == (False, False, 0)
    other = user_in(involved_org, Role.PROFESSIONAL, is_active=False)
    assert visible(other, case) == (False, False, 0)


def test_each_case_is_counted_once_with_several_involvements(case, involved_org, professional):
    from eenplan.cases.tests.factories import InvolvementFactory

    InvolvementFactory(case=case, organisation=involved_org)
    assert Case.objects.visible_to(professional).count() == 1
    assert Person.objects.visible_to(professional).count() == case.household.members.count()
