"""A municipality with a neighbourhood team that holds a mandate, a contracted provider and a
municipal officer, around the root ``case`` fixture."""

from dataclasses import dataclass

import pytest

from eenplan.cases.tests.factories import InvolvementFactory
from eenplan.plans.tests.factories import GoalFactory, PlanFactory
from eenplan.provisions.tests.factories import (
    ContractFactory,
    MandateFactory,
    ProductFactory,
    ProviderFactory,
)
from eenplan.tenancy.constants import OrganisationType, Role
from eenplan.tenancy.tests.factories import OrganisationFactory, user_in


@dataclass
class Setting:
    case: object
    municipality: object
    team: object
    team_member: object
    officer: object
    provider: object
    stairlift: object
    contract: object
    mandate: object
    goal: object


@pytest.fixture
def setting(case):
    """Stairlift at € 4.000 per piece from a contracted provider; the team may grant up to
    € 5.000 per decision and € 8.000 per resident per year, for 12 months."""
    municipality = case.household.municipality
    team = OrganisationFactory(name="Sociaal Team", type=OrganisationType.NEIGHBOURHOOD_TEAM)
    team.municipalities.add(municipality)
    InvolvementFactory(case=case, organisation=team)
    team_member = user_in(team, Role.NEIGHBOURHOOD_TEAM_PROFESSIONAL, username="wijkteam")
    municipal = OrganisationFactory(name="Gemeente", type=OrganisationType.MUNICIPALITY)
    municipal.municipalities.add(municipality)
    officer = user_in(municipal, Role.MUNICIPAL_OFFICER, username="consulent")
    provider = ProviderFactory(name="Trapliften Noord")
    stairlift = ProductFactory(region=municipality.region)
    contract = ContractFactory(
        region=municipality.region,
        provider=provider,
        municipalities=[municipality],
        tariffs={stairlift: 400_000},
    )
    mandate = MandateFactory(municipality=municipality, products=[stairlift])
    goal = GoalFactory(plan=PlanFactory(case=case), title="Veilig de trap op")
    return Setting(
        case, municipality, team, team_member, officer, provider, stairlift, contract, mandate, goal
    )
