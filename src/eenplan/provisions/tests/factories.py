import datetime

import factory

from eenplan.provisions.constants import BudgetDomain, Frequency, LegalBasis, Standard, Unit
from eenplan.provisions.models import Contract, ContractProduct, Mandate, Product
from eenplan.tenancy.constants import OrganisationType
from eenplan.tenancy.tests.factories import OrganisationFactory, RegionFactory


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
