import datetime

import factory

from eenplan.provisions.constants import (
    BudgetDomain,
    DecisionStatus,
    Frequency,
    LegalBasis,
    Route,
    Standard,
    Unit,
)
from eenplan.provisions.models import Contract, ContractProduct, Decision, Mandate, Product
from eenplan.tenancy.constants import OrganisationType
from eenplan.tenancy.tests.factories import OrganisationFactory, RegionFactory, UserFactory


class ProductFactory(factory.django.DjangoModelFactory):
    """A stairlift (iWmo 13, once, in pieces) unless told otherwise."""

    class Meta:
        model = Product

    region = factory.SubFactory(RegionFactory)
    name = "Traplift"
    standard = Standard.IWMO
    category = "13"
    code = factory.Sequence(lambda n: f"13A{n % 100:02d}")
    unit = Unit.ITEM_OUTPUT
    frequency = Frequency.TOTAL
    legal_basis = LegalBasis.WMO
    budget_domain = BudgetDomain.WMO


class ProviderFactory(OrganisationFactory):
    type = OrganisationType.HOME_CARE
    agb_code = factory.Sequence(lambda n: f"75{n:06d}")


class ContractFactory(factory.django.DjangoModelFactory):
    """``ContractFactory(municipalities=[m], tariffs={product: cents})``."""

    class Meta:
        model = Contract
        skip_postgeneration_save = True

    region = factory.SubFactory(RegionFactory)
    provider = factory.SubFactory(ProviderFactory)
    reference = factory.Sequence(lambda n: f"EEMS-{n:04d}")
    valid_from = datetime.date(2025, 1, 1)
    valid_until = None

    @factory.post_generation
    def municipalities(self, create, extracted, **kwargs):
        if create and extracted:
            self.municipalities.set(extracted)

    @factory.post_generation
    def tariffs(self, create, extracted, **kwargs):
        if create and extracted:
            ContractProduct.objects.bulk_create(
                ContractProduct(contract=self, product=product, tariff_cents=cents)
                for product, cents in extracted.items()
            )


class MandateFactory(factory.django.DjangoModelFactory):
    """``MandateFactory(municipality=m, products=[p])``: wijkteam professionals, € 5.000 per
    decision, € 8.000 per resident per year, 12 months."""

    class Meta:
        model = Mandate
        skip_postgeneration_save = True

    name = "Wijkteam Wmo"
    role = "wijkteamprofessional"
    max_per_decision_cents = 500_000
    max_per_year_cents = 800_000
    max_months = 12

    @factory.post_generation
    def products(self, create, extracted, **kwargs):
        if create and extracted:
            self.products.set(extracted)


class DecisionFactory(factory.django.DjangoModelFactory):
    """A granted stairlift for the first member of a case, taken within mandate."""

    class Meta:
        model = Decision

    case = factory.SubFactory("eenplan.cases.tests.factories.CaseFactory")
    person = factory.LazyAttribute(lambda d: d.case.household.members.order_by("pk").first())
    product = factory.SubFactory(
        ProductFactory, region=factory.SelfAttribute("..case.household.municipality.region")
    )
    volume = 1
    unit = factory.SelfAttribute("product.unit")
    frequency = factory.SelfAttribute("product.frequency")
    start_date = datetime.date(2026, 1, 1)
    end_date = datetime.date(2026, 12, 31)
    tariff_cents = 400_000
    amount_cents = factory.LazyAttribute(lambda d: d.volume * d.tariff_cents)
    legal_basis = factory.SelfAttribute("product.legal_basis")
    motivation = "Zelfstandig blijven wonen."
    status = DecisionStatus.GRANTED
    route = Route.MANDATE
    requested_by = factory.SubFactory(UserFactory)
    requested_by_organisation = factory.SubFactory(OrganisationFactory)
