"""Local indicators as a filter and a ratio over the core measures; peer groups pooled safely;
stories refused while they identify someone."""

import datetime

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from eenplan.cases.constants import ClosingReason
from eenplan.cases.tests.factories import CaseFactory
from eenplan.indicators.constants import Scale
from eenplan.indicators.models import PopulationFigure
from eenplan.indicators.peers import peer_groups, size_class
from eenplan.indicators.periods import Quarter
from eenplan.indicators.selectors import benchmark
from eenplan.indicators.services import local_indicator_define, story_write
from eenplan.indicators.tests.test_core import Q2, case_in
from eenplan.tenancy.constants import Role
from eenplan.tenancy.tests.factories import MunicipalityFactory, OrganisationFactory, user_in

pytestmark = pytest.mark.django_db


@pytest.fixture
def town():
    town = MunicipalityFactory(name="Testdorp", inhabitants=15_000)
    PopulationFigure.objects.create(
        municipality=town, year=2025, inhabitants=15_000, households=5_000, youth=3_000
    )
    return town


def staff(municipality, role):
    organisation = OrganisationFactory()
    organisation.municipalities.add(municipality)
    return user_in(organisation, role)


def test_a_local_indicator_filters_the_core_measures(town):
    for _ in range(5):
        case_in(town, opened="2025-01-15")
    for _ in range(5):
        case_in(town, opened="2025-01-15", domain="huisvesting")
    admin = staff(town, Role.FUNCTIONAL_ADMIN)
    local = local_indicator_define(
        actor=admin,
        municipality=town,
        name="Schulden per 1.000 huishoudens",
        numerator="lopende_casussen",
        denominator="huishoudens",
        scale=Scale.PER_THOUSAND,
        priority_domain="financien",
    )
    result = benchmark(user=staff(town, Role.POLICY_OFFICER), quarters=[Q2])
    # 5 of the 10 running cases have their priority on finances: 5 / 5,000 x 1,000 = 1.0
    assert result.cell(local.code, town.pk, Q2).value == 1.0
    assert result.cell("lopende_casussen_per_1000_huishoudens", town.pk, Q2).value == 2.0
    other = MunicipalityFactory()
    assert not result.applies(next(i for i in result.indicators if i.code == local.code), other.pk)


def test_only_a_functional_admin_of_the_municipality_defines_local_indicators(town):
    with pytest.raises(PermissionDenied):
        local_indicator_define(
            actor=staff(town, Role.POLICY_OFFICER),
            municipality=town,
            name="X",
            numerator="lopende_casussen",
            denominator="huishoudens",
        )
    with pytest.raises(ValidationError) as error:
        local_indicator_define(
            actor=staff(town, Role.FUNCTIONAL_ADMIN),
            municipality=town,
            name="X",
            numerator="select * from cases",
            denominator="huishoudens",
        )
    assert "numerator" in error.value.message_dict


def test_the_benchmark_is_for_aggregate_roles_only(town, professional):
    with pytest.raises(PermissionDenied):
        benchmark(user=professional, quarters=[Q2])


def test_a_peer_group_pools_only_the_cells_its_members_show(town):
    neighbour = MunicipalityFactory(region=town.region, inhabitants=16_000)
    for _ in range(6):
        case_in(town, closed="2025-05-15")
    for _ in range(3):  # too few: suppressed, and left out of the pool
        case_in(neighbour, closed="2025-05-15", reason=ClosingReason.MOVED)
    result = benchmark(user=staff(town, Role.POLICY_OFFICER), quarters=[Q2])
    region = next(g for g in result.groups if g.region_id == town.region_id)
    pooled = result.group_cell("afgesloten_doelen_bereikt", region.key, Q2)
    assert (pooled.numerator, pooled.denominator, pooled.value) == (6, 6, 100.0)
    assert result.cell("afgesloten_doelen_bereikt", neighbour.pk, Q2).suppressed


def test_peer_groups_by_size_and_dominant_problem(town):
    big = MunicipalityFactory(inhabitants=120_000)
    for _ in range(2):
        CaseFactory(household__municipality=big, priority_domain="huisvesting")
    CaseFactory(household__municipality=big, priority_domain="financien")
    groups = {g.key: g for g in peer_groups()}
    assert big.pk in groups["grootte-3"].municipality_ids
    assert town.pk in groups[f"grootte-{size_class(15_000)}"].municipality_ids
    assert big.pk in groups["probleem-huisvesting"].municipality_ids


def test_a_story_must_not_identify_anyone(town, case, professional, involved_org):
    involved_org.municipalities.add(town)
    member = case.household.members.first()
    with pytest.raises(ValidationError, match="anoniem"):
        story_write(
            actor=professional,
            municipality=town,
            title="Samen aan tafel",
            text=f"Met {member.surname} spraken we af dat de schuldhulp doorgaat.",
        )
    story = story_write(
        actor=professional,
        municipality=town,
        title="Samen aan tafel",
        text="Een moeder met drie kinderen kreeg één plan in plaats van vijf.",
        themes=["regie"],
        indicator_codes=["aandeel_met_regisseur"],
    )
    assert story.indicator_codes == ["aandeel_met_regisseur"]
    with pytest.raises(PermissionDenied):
        story_write(
            actor=professional,
            municipality=MunicipalityFactory(),
            title="Elders",
            text="Een verhaal.",
        )


def test_quarters():
    assert Quarter.parse("2025-K2") == Q2
    assert (Q2.start, Q2.end) == (datetime.date(2025, 4, 1), datetime.date(2025, 6, 30))
    assert Quarter(2025, 1).previous() == Quarter(2024, 4)
    assert Quarter(2024, 4).next() == Quarter(2025, 1)
    with pytest.raises(ValueError):
        Quarter.parse("2025-Q2")
