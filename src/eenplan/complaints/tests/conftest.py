"""The De Vries family of the portal tests (``family``) with what complaints need around it: a
municipality organisation with two complaints handlers and the officer who refused the mother a
stairlift, GGZ Noord with its own complaints handler, and a debt-help organisation that works on
the same case but is not what any complaint is about."""

import datetime
from dataclasses import dataclass

import pytest

from eenplan.cases.tests.factories import InvolvementFactory
from eenplan.portal.tests.conftest import family  # noqa: F401 (the fixture, re-used)
from eenplan.provisions.constants import DecisionStatus, Route
from eenplan.provisions.tests.factories import DecisionFactory
from eenplan.tenancy.constants import OrganisationType, Role
from eenplan.tenancy.tests.factories import MembershipFactory, OrganisationFactory, user_in

# The refusal was made known on Wednesday 1 April 2026: the objection period ends on
# Wednesday 13 May 2026 and the decision on an objection is due on Wednesday 24 June 2026.
REFUSED_ON = datetime.datetime(2026, 4, 1, 10, 0, tzinfo=datetime.UTC)


@dataclass
class World:
    family: object
    municipal: object  # the municipality's organisation: handles objections
    handler: object  # complaints handler at the municipality, first in line (fewest open)
    other_handler: object
    officer: object  # took the refused decision
    ggz_handler: object  # complaints handler at GGZ Noord
    debt_help: object  # works on the case, is not what the complaint is about
    debt_worker: object
    refusal: object  # refused stairlift for the mother
    mother: object  # the mother's citizen account

    @property
    def case(self):
        return self.family.case


@pytest.fixture
def world(family):  # noqa: F811
    municipality = family.case.household.municipality
    municipal = OrganisationFactory(name="Gemeente Oostdorp", type=OrganisationType.MUNICIPALITY)
    municipal.municipalities.add(municipality)
    handler = user_in(municipal, Role.COMPLAINTS_HANDLER, username="a-klachten", email="k@ex.org")
    other = user_in(municipal, Role.COMPLAINTS_HANDLER, username="b-klachten")
    # The officer also handles complaints (last in line by name), but never an objection to
    # their own decision (Awb 7:5).
    officer = user_in(municipal, Role.MUNICIPAL_OFFICER, username="z-consulent")
    MembershipFactory(user=officer, organisation=municipal, role=Role.COMPLAINTS_HANDLER)
    ggz_handler = user_in(family.ggz, Role.COMPLAINTS_HANDLER, username="ggz-klachten")
    debt_help = OrganisationFactory(name="Schuldhulp Zuid")
    InvolvementFactory(case=family.case, organisation=debt_help)
    debt_worker = user_in(debt_help, Role.PROFESSIONAL, username="schuldhulp")
    refusal = DecisionFactory(
        case=family.case,
        person=family.mother,
        status=DecisionStatus.REFUSED,
        route=Route.OFFICER,
        requested_by=family.coordinator,
        requested_by_organisation=family.team,
        decided_by=officer,
        decided_at=REFUSED_ON,
        decision_reason="U kunt de trap nog zelf op met een tweede leuning.",
    )
    mother = family.account(family.mother)
    mother.email = "anna@example.org"
    mother.save(update_fields=["email"])
    return World(
        family,
        municipal,
        handler,
        other,
        officer,
        ggz_handler,
        debt_help,
        debt_worker,
        refusal,
        mother,
    )
