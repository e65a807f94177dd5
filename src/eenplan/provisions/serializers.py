"""Provisions in API v1: the catalogue, contracts and mandates (no personal data), decisions
(personal data, under the decision rule) and budgets (aggregates only, never a person).

Output serializers read what ``eenplan.provisions.selectors`` returns; input serializers check
shape only. Whether a request fits a mandate, a contract or a budget is for the services.
Money is in euro cents, as stored: ``*_cents`` fields are integers.
"""

from django.utils.translation import gettext_lazy as _
from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from eenplan.api.pagination import PageQuerySerializer
from eenplan.api.serializers.common import OrganisationRefSerializer
from eenplan.api.serializers.network import ProfessionalRefSerializer
from eenplan.api.serializers.plans import PersonRefSerializer
from eenplan.api.serializers.tenancy import MunicipalityRefSerializer, RegionSerializer
from eenplan.provisions.constants import BudgetDomain, Frequency

MAX_TEXT = 4000

# --- Catalogue, contracts, mandates -------------------------------------------------------------


class ProductSerializer(serializers.Serializer):
    """A product of a regional catalogue. iWmo/iJw products have a category and code; the others
    (debt help, re-integration, special assistance, community initiatives) have neither."""

    uuid = serializers.UUIDField()
    region = RegionSerializer()
    name = serializers.CharField()
    description = serializers.CharField()
    standard = serializers.CharField(help_text=_("iwmo, ijw, of leeg buiten de iStandaarden."))
    category = serializers.CharField(help_text=_("Productcategorie, bijvoorbeeld 01 of 45."))
    code = serializers.CharField(help_text=_("Productcode binnen de categorie."))
    unit = serializers.CharField(help_text=_("Eenheid (iStandaard WJ756), bijvoorbeeld 04: uur."))
    unit_display = serializers.CharField(source="get_unit_display")
    frequency = serializers.CharField(
        help_text=_("Frequentie (iStandaard WJ757), bijvoorbeeld 2: per week.")
    )
    frequency_display = serializers.CharField(source="get_frequency_display")
    legal_basis = serializers.CharField()
    legal_basis_display = serializers.CharField(source="get_legal_basis_display")
    budget_domain = serializers.CharField()
    budget_domain_display = serializers.CharField(source="get_budget_domain_display")
    list_price_cents = serializers.IntegerField(
        allow_null=True,
        help_text=_("Richtprijs per eenheid zonder gecontracteerde aanbieder, of null."),
    )
    is_active = serializers.BooleanField()


class ProductRefSerializer(serializers.Serializer):
    uuid = serializers.UUIDField()
    name = serializers.CharField()
    category = serializers.CharField()
    code = serializers.CharField()


class ProviderRefSerializer(serializers.Serializer):
    uuid = serializers.UUIDField()
    name = serializers.CharField()
    agb_code = serializers.CharField(help_text=_("Leeg bij een aanbieder zonder AGB-code."))


class ContractLineSerializer(serializers.Serializer):
    product = ProductRefSerializer()
    tariff_cents = serializers.IntegerField(help_text=_("Tarief per eenheid van het product."))
    unit_display = serializers.CharField(source="product.get_unit_display")


class ContractSerializer(serializers.Serializer):
    uuid = serializers.UUIDField()
    reference = serializers.CharField()
    provider = ProviderRefSerializer()
    valid_from = serializers.DateField()
    valid_until = serializers.DateField(allow_null=True, help_text=_("null: geen einddatum."))
    municipalities = MunicipalityRefSerializer(many=True, source="municipalities.all")
    lines = ContractLineSerializer(many=True, source="lines.all")


class MandateSerializer(serializers.Serializer):
    """What a role and/or team may grant for one municipality without the municipality."""

    uuid = serializers.UUIDField()
    municipality = MunicipalityRefSerializer()
    name = serializers.CharField()
    role = serializers.CharField(help_text=_("Leeg: elke rol van het team."))
    organisation = OrganisationRefSerializer(
        allow_null=True, help_text=_("null: elk team met de rol dat voor de gemeente werkt.")
    )
    products = ProductRefSerializer(many=True, source="products.all")
    max_per_decision_cents = serializers.IntegerField()
    max_per_year_cents = serializers.IntegerField(
        help_text=_("Alle besluiten binnen dit mandaat voor één inwoner die in een jaar starten.")
    )
    max_months = serializers.IntegerField()
    is_active = serializers.BooleanField()


class CatalogueQuerySerializer(PageQuerySerializer):
    region = serializers.UUIDField(
        required=False, allow_null=True, default=None, help_text=_("Alleen deze regio.")
    )
    municipality = serializers.UUIDField(
        required=False,
        allow_null=True,
        default=None,
        help_text=_("Alleen wat in deze gemeente geldt."),
    )


class MandateQuerySerializer(PageQuerySerializer):
    municipality = serializers.UUIDField(
        required=False,
        allow_null=True,
        default=None,
        help_text=_("Alleen de mandaten van deze gemeente."),
    )


# --- Decisions ----------------------------------------------------------------------------------


class ProvisionCaseSerializer(serializers.Serializer):
    uuid = serializers.UUIDField()
    reference = serializers.CharField()


class ProvisionGoalSerializer(serializers.Serializer):
    uuid = serializers.UUIDField()
    title = serializers.CharField()


class MandateRefSerializer(serializers.Serializer):
    uuid = serializers.UUIDField()
    name = serializers.CharField()


class ProvisionDecisionSerializer(serializers.Serializer):
    """A decision (beschikking) on a provision for one person of a case."""

    uuid = serializers.UUIDField()
    reference = serializers.CharField(help_text=_("Besluitnummer, bijvoorbeeld B0000042."))
    case = ProvisionCaseSerializer()
    person = PersonRefSerializer()
    product = ProductRefSerializer()
    goal = ProvisionGoalSerializer(allow_null=True, help_text=_("Het doel in het plan, of null."))
    provider = ProviderRefSerializer(allow_null=True, help_text=_("null: zonder aanbieder."))
    volume = serializers.IntegerField()
    unit = serializers.CharField()
    unit_display = serializers.CharField(source="get_unit_display")
    frequency = serializers.CharField()
    frequency_display = serializers.CharField(source="get_frequency_display")
    start_date = serializers.DateField()
    end_date = serializers.DateField()
    tariff_cents = serializers.IntegerField()
    amount_cents = serializers.IntegerField(
        help_text=_("Omvang maal tarief over de hele periode, vastgelegd bij de aanvraag.")
    )
    legal_basis = serializers.CharField()
    motivation = serializers.CharField()
    status = serializers.CharField(help_text=_("aangevraagd, toegekend, afgewezen of beeindigd."))
    status_display = serializers.CharField(source="get_status_display")
    route = serializers.CharField(
        help_text=_("mandaat: door het team binnen mandaat; consulent: door de gemeente.")
    )
    mandate = MandateRefSerializer(allow_null=True)
    beyond_mandate = serializers.SerializerMethodField(
        help_text=_("Waarom de aanvraag buiten het mandaat valt; leeg binnen mandaat.")
    )
    requested_by = ProfessionalRefSerializer()
    requested_by_organisation = OrganisationRefSerializer()
    requested_at = serializers.DateTimeField()
    decided_by = ProfessionalRefSerializer(allow_null=True)
    decided_at = serializers.DateTimeField(allow_null=True)
    decision_reason = serializers.CharField()
    ended_on = serializers.DateField(allow_null=True)
    end_reason = serializers.CharField()

    def get_beyond_mandate(self, decision) -> list[str]:
        return [line for line in decision.beyond_mandate.splitlines() if line.strip()]


class ProvisionDecisionQuerySerializer(PageQuerySerializer):
    case = serializers.UUIDField(
        required=False,
        allow_null=True,
        default=None,
        help_text=_("De besluiten in deze casus."),
    )
    awaiting = serializers.BooleanField(
        required=False,
        default=False,
        help_text=_("true: de aanvragen boven mandaat die wachten op een consulent (u)."),
    )

    def validate(self, attrs: dict) -> dict:
        if bool(attrs["case"]) == attrs["awaiting"]:
            raise serializers.ValidationError(
                _("Geef een casus (case) of vraag de wachtende aanvragen (awaiting=true).")
            )
        return attrs


class ProvisionDecisionInputSerializer(serializers.Serializer):
    """A request for a provision; granted at once when it fits the requester's mandate."""

    case = serializers.UUIDField()
    person = serializers.UUIDField(help_text=_("Een lid van het huishouden van de casus."))
    product = serializers.UUIDField(help_text=_("Een product uit de catalogus van de regio."))
    provider = serializers.UUIDField(
        required=False,
        allow_null=True,
        default=None,
        help_text=_("Een gecontracteerde aanbieder; null alleen bij een product met richtprijs."),
    )
    volume = serializers.IntegerField(min_value=1, max_value=1_000_000)
    frequency = serializers.ChoiceField(
        choices=Frequency.choices,
        required=False,
        allow_blank=True,
        default="",
        help_text=_("Leeg: de frequentie van het product."),
    )
    start_date = serializers.DateField()
    end_date = serializers.DateField()
    motivation = serializers.CharField(max_length=MAX_TEXT, allow_blank=True)
    goal = serializers.UUIDField(
        required=False,
        allow_null=True,
        default=None,
        help_text=_("Het doel in het plan waar de voorziening bij hoort."),
    )


class DecisionApproveSerializer(serializers.Serializer):
    reason = serializers.CharField(
        required=False, allow_blank=True, default="", max_length=MAX_TEXT
    )


class DecisionRefuseSerializer(serializers.Serializer):
    reason = serializers.CharField(
        allow_blank=True, max_length=MAX_TEXT, help_text=_("Verplicht: waarom niet.")
    )


class DecisionEndSerializer(serializers.Serializer):
    ended_on = serializers.DateField(help_text=_("Een dag in de periode van het besluit."))
    reason = serializers.CharField(allow_blank=True, max_length=MAX_TEXT)


# --- Budgets ------------------------------------------------------------------------------------


class BudgetLineSerializer(serializers.Serializer):
    """One domain of the budget, or the whole (domain null). Amounts in cents."""

    domain = serializers.CharField(allow_null=True, help_text=_("null: het hele budget."))
    label = serializers.CharField()
    allocated_cents = serializers.IntegerField(source="allocated")
    committed_cents = serializers.IntegerField(
        source="committed", help_text=_("Wat toegekende besluiten dit jaar vastleggen.")
    )
    spent_cents = serializers.IntegerField(
        source="spent", help_text=_("Goedgekeurde declaraties over dit jaar.")
    )
    forecast_cents = serializers.IntegerField(
        source="forecast", help_text=_("Besteed plus wat de besluiten de rest van het jaar kosten.")
    )
    remaining_cents = serializers.IntegerField(source="remaining")
    status = serializers.CharField(source="status.value", help_text=_("ok, let_op of over."))
    status_display = serializers.CharField(source="status.label")

    def to_representation(self, line):
        data = super().to_representation(line)
        data["domain"] = line.domain or None
        return data


class BudgetShiftSerializer(serializers.Serializer):
    from_domain = serializers.CharField()
    to_domain = serializers.CharField()
    amount_cents = serializers.IntegerField()
    reason = serializers.CharField()
    shifted_at = serializers.DateTimeField()


class BudgetSerializer(serializers.Serializer):
    """Allocation, commitments, spending and forecast of one municipality's budget for a year:
    aggregates over decisions and claims, never a person."""

    municipality = MunicipalityRefSerializer()
    year = serializers.IntegerField()
    is_set = serializers.SerializerMethodField(help_text=_("false: geen budget vastgesteld."))
    lines = BudgetLineSerializer(many=True)
    total = BudgetLineSerializer()
    warnings = serializers.SerializerMethodField(
        help_text=_("De domeinen (of totaal) waar de prognose dicht bij of over het budget gaat.")
    )
    committed_by_month = serializers.ListField(
        child=serializers.IntegerField(),
        help_text=_("Per maand (januari tot en met december), opgeteld: vastgelegd."),
    )
    spent_by_month = serializers.ListField(
        child=serializers.IntegerField(),
        help_text=_("Per maand (januari tot en met december), opgeteld: besteed."),
    )
    within_mandate = serializers.IntegerField(
        help_text=_("Aantal besluiten dit jaar binnen mandaat van een team.")
    )
    by_officer = serializers.IntegerField(
        help_text=_("Aantal besluiten dit jaar door een consulent van de gemeente.")
    )
    shifts = serializers.SerializerMethodField()

    def get_is_set(self, view) -> bool:
        return view.budget is not None

    def get_warnings(self, view) -> list[str]:
        return [line.domain or "totaal" for line in view.warnings]

    @extend_schema_field(BudgetShiftSerializer(many=True))
    def get_shifts(self, view) -> list[dict]:
        shifts = view.budget.shifts.all() if view.budget is not None else []
        return BudgetShiftSerializer(shifts, many=True).data


class BudgetQuerySerializer(serializers.Serializer):
    municipality = serializers.UUIDField(help_text=_("De gemeente."))
    year = serializers.IntegerField(
        required=False,
        allow_null=True,
        min_value=2000,
        max_value=2100,
        default=None,
        help_text=_("Het jaar; zonder: dit jaar."),
    )


DOMAIN_CODES = ", ".join(BudgetDomain.values)


# A plain string in the schema: an enum shared by two field names makes the schema warn.
@extend_schema_field({"type": "string", "description": f"Budgetdomein: {DOMAIN_CODES}."})
class BudgetDomainField(serializers.ChoiceField):
    """A budget domain code."""

    def __init__(self, **kwargs):
        super().__init__(choices=BudgetDomain.choices, **kwargs)


class BudgetShiftInputSerializer(serializers.Serializer):
    from_domain = BudgetDomainField()
    to_domain = BudgetDomainField()
    amount_cents = serializers.IntegerField(min_value=1, max_value=10**13)
    reason = serializers.CharField(allow_blank=True, max_length=MAX_TEXT)
