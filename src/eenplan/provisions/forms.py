"""Forms for the provisions pages: a request, the officer's decision, ending a provision, the
budget (choosing, setting, shifting) and the catalogue (a product, a mandate).

They only turn what was typed into service arguments; the rules live in
``provisions.services`` and its errors land on these fields through
``cases.forms.add_service_errors``. What a form offers (household members, goals, contracted
providers, municipalities) comes from the selectors, so a form never offers what the user may
not see.
"""

import re
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation

from django import forms
from django.core.exceptions import ValidationError
from django.utils import timezone

from eenplan.cases.forms import UUIDChoiceField
from eenplan.plans.forms import _date_field
from eenplan.provisions.constants import (
    CATEGORIES,
    BudgetDomain,
    Frequency,
    LegalBasis,
    Standard,
    Unit,
)
from eenplan.provisions.services import Terms, euros
from eenplan.provisions.templatetags.provisions import UNITS
from eenplan.tenancy.constants import Role

# Service argument -> form field, where they differ.
REQUEST_FIELDS = {"product": "offer", "provider": "offer"}
SHIFT_FIELDS = {"amount_cents": "amount"}
MANDATE_FIELDS = {
    "max_per_decision_cents": "max_per_decision",
    "max_per_year_cents": "max_per_year",
}
PRODUCT_FIELDS = {"list_price_cents": "list_price"}
MAX_CENTS = 10**12  # ten billion euro: beyond any budget, within a PositiveBigIntegerField
THOUSANDS = re.compile(r"^\d{1,3}(\.\d{3})+$")


def _text(label: str, *, required: bool = True, rows: int = 3, help_text: str = ""):
    return forms.CharField(
        label=label,
        required=required,
        max_length=4000,
        help_text=help_text,
        widget=forms.Textarea(attrs={"rows": rows}),
        error_messages={"required": f"Vul in: {label.lower()}."},
    )


def parse_euros(text: str) -> int:
    """Cents from an amount as people type it: '1.234,50', '1234,50', '€ 1234', '12.500'."""
    value = text.replace("€", "").replace(" ", "").replace("\u00a0", "")
    if "," in value:
        value = value.replace(".", "").replace(",", ".")
    elif THOUSANDS.match(value):
        value = value.replace(".", "")
    try:
        amount = Decimal(value)
    except InvalidOperation as exc:
        raise ValidationError("Vul een bedrag in euro in, bijvoorbeeld 1.250,00.") from exc
    if not amount.is_finite() or amount < 0:
        raise ValidationError("Vul een bedrag van nul of meer in.")
    if amount != amount.quantize(Decimal("0.01")):
        raise ValidationError("Een bedrag heeft ten hoogste twee cijfers achter de komma.")
    cents = int(amount * 100)
    if cents >= MAX_CENTS:
        raise ValidationError("Dit bedrag is te groot.")
    return cents


class EuroField(forms.CharField):
    """An amount in euro, typed the Dutch way; cleaned to whole cents (int)."""

    def __init__(self, *args, **kwargs):
        attrs = {"class": "eenplan-input--sm", "inputmode": "decimal", "autocomplete": "off"}
        kwargs.setdefault("widget", forms.TextInput(attrs=attrs | {"maxlength": "30"}))
        super().__init__(*args, **kwargs)

    def prepare_value(self, value):
        if isinstance(value, int):
            return euros(value).replace("€ ", "")
        return value

    def to_python(self, value):
        value = super().to_python(value)
        if value in self.empty_values:
            return None
        if len(value) > 30:
            raise ValidationError("Dit bedrag is te lang.")
        return parse_euros(value)


def _euro_field(label: str, *, required: bool = True, help_text: str = "") -> EuroField:
    return EuroField(
        label=label,
        required=required,
        help_text=help_text or "In euro, bijvoorbeeld 1.250,00.",
        error_messages={"required": f"Vul in: {label.lower()}."},
    )


# ---------------------------------------------------------------------------- a request


@dataclass(frozen=True)
class Offer:
    """A choice in the request form: a product from a contracted provider at its tariff, or a
    product outside the iStandaarden at its list price, without a provider."""

    key: str
    label: str
    product: object
    provider: object | None


def per_unit(unit: str) -> str:
    return UNITS.get(unit, ("eenheid", ""))[0]


def offers(lines, products) -> list[Offer]:
    """One offer per product and provider (from ``selectors.contract_lines_for``), then the
    products with a list price that need no provider (from ``selectors.products_for``)."""
    result, seen = [], set()
    for line in lines:
        product, provider = line.product, line.contract.provider
        key = f"{product.uuid}.{provider.uuid}"
        if key in seen:
            continue
        seen.add(key)
        tariff = f"{euros(line.tariff_cents)} per {per_unit(product.unit)}"
        result.append(Offer(key, f"{product.name} — {provider.name} ({tariff})", product, provider))
    for product in products:
        if product.standard or product.list_price_cents is None:
            continue
        price = f"richtprijs {euros(product.list_price_cents)} per {per_unit(product.unit)}"
        label = f"{product.name} — zonder aanbieder ({price})"
        result.append(Offer(str(product.uuid), label, product, None))
    return result


class DecisionRequestForm(forms.Form):
    person = forms.ChoiceField(
        label="Voor wie?",
        widget=forms.RadioSelect,
        error_messages={
            "required": "Kies het gezinslid voor wie de voorziening is.",
            "invalid_choice": "Kies een gezinslid uit de lijst.",
        },
    )
    goal = forms.ChoiceField(
        label="Bij welk doel van het plan hoort de voorziening?",
        required=False,
        help_text="Niet verplicht, wel aangeraden: zo ziet iedereen waarvoor de voorziening is.",
        error_messages={"invalid_choice": "Kies een doel uit de lijst."},
    )
    offer = forms.ChoiceField(
        label="Voorziening en aanbieder",
        help_text="Gecontracteerde aanbieders met hun tarief, in deze gemeente.",
        error_messages={
            "required": "Kies een voorziening.",
            "invalid_choice": "Kies een voorziening uit de lijst.",
        },
    )
    volume = forms.IntegerField(
        label="Omvang",
        min_value=1,
        max_value=100_000,
        help_text="Hoeveel eenheden, bijvoorbeeld 3 (uur).",
        widget=forms.NumberInput(attrs={"class": "eenplan-input--xs"}),
        error_messages={
            "required": "Vul de omvang in.",
            "invalid": "Vul een heel getal in.",
            "min_value": "De omvang is minstens 1.",
            "max_value": "Deze omvang is te groot.",
        },
    )
    frequency = forms.ChoiceField(
        label="Hoe vaak",
        required=False,
        choices=[("", "Zoals bij het product"), *Frequency.choices],
        error_messages={"invalid_choice": "Kies een frequentie uit de lijst."},
    )
    start_date = _date_field("Ingangsdatum", required=True)
    end_date = _date_field("Einddatum", required=True)
    motivation = _text(
        "Waarom is deze voorziening nodig?",
        rows=5,
        help_text="Dit komt in het besluit. Schrijf het zo dat de inwoner het begrijpt.",
    )

    def __init__(self, *args, persons, goals, offers: list[Offer], **kwargs):
        kwargs.setdefault("initial", {}).setdefault("start_date", timezone.localdate())
        super().__init__(*args, **kwargs)
        self._persons = {str(p.uuid): p for p in persons}
        self._goals = {str(g.uuid): g for g in goals}
        self._offers = {offer.key: offer for offer in offers}
        self.fields["person"].choices = [(k, p.full_name) for k, p in self._persons.items()]
        self.fields["goal"].choices = [
            ("", "Geen doel"),
            *((k, g.title) for k, g in self._goals.items()),
        ]
        self.fields["offer"].choices = [
            ("", "Kies een voorziening"),
            *((o.key, o.label) for o in offers),
        ]

    def clean_person(self):
        return self._persons[self.cleaned_data["person"]]

    def clean_goal(self):
        return self._goals.get(self.cleaned_data["goal"])

    def clean_offer(self) -> Offer:
        return self._offers[self.cleaned_data["offer"]]

    def service_kwargs(self) -> dict:
        """Keyword arguments for ``decision_request`` (without actor and case)."""
        data = self.cleaned_data
        offer = data["offer"]
        return {
            "person": data["person"],
            "goal": data["goal"],
            "motivation": data["motivation"],
            "terms": Terms(
                product=offer.product,
                provider=offer.provider,
                volume=data["volume"],
                frequency=data["frequency"],
                start_date=data["start_date"],
                end_date=data["end_date"],
            ),
        }


# ---------------------------------------------------------------------------- deciding


class ApproveForm(forms.Form):
    reason = _text(
        "Toelichting",
        required=False,
        help_text="Niet verplicht. Komt in de brief aan de inwoner.",
    )


class RefuseForm(forms.Form):
    reason = _text(
        "Waarom wijst u de aanvraag af?",
        help_text="Verplicht. Komt in de brief aan de inwoner: schrijf het in gewone taal.",
    )


class EndForm(forms.Form):
    ended_on = _date_field("Laatste dag van de voorziening", required=True)
    reason = _text("Waarom stopt de voorziening?", help_text="Komt in de brief aan de inwoner.")


# ---------------------------------------------------------------------------- the budget


class BudgetChoiceForm(forms.Form):
    """GET: which municipality and year."""

    gemeente = UUIDChoiceField(
        label="Gemeente",
        queryset=None,
        to_field_name="uuid",
        empty_label=None,
        error_messages={
            "required": "Kies een gemeente.",
            "invalid_choice": "Kies een gemeente uit de lijst.",
        },
    )
    jaar = forms.IntegerField(
        label="Jaar",
        min_value=2000,
        max_value=2100,
        widget=forms.NumberInput(attrs={"class": "eenplan-input--xs"}),
        error_messages={
            "required": "Vul een jaar in.",
            "invalid": "Vul een jaar in, bijvoorbeeld 2026.",
            "min_value": "Kies een jaar vanaf 2000.",
            "max_value": "Kies een jaar tot en met 2100.",
        },
    )

    def __init__(self, *args, municipalities, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["gemeente"].queryset = municipalities


class AllocationForm(forms.Form):
    """The allocation of every domain of one budget year."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for domain, label in BudgetDomain.choices:
            self.fields[domain] = _euro_field(str(label))

    def allocations(self) -> dict[str, int]:
        return {domain: self.cleaned_data[domain] for domain in BudgetDomain.values}


class ShiftForm(forms.Form):
    from_domain = forms.ChoiceField(
        label="Van",
        choices=BudgetDomain.choices,
        error_messages={"invalid_choice": "Kies een domein uit de lijst."},
    )
    to_domain = forms.ChoiceField(
        label="Naar",
        choices=BudgetDomain.choices,
        error_messages={"invalid_choice": "Kies een domein uit de lijst."},
    )
    amount = _euro_field("Bedrag")
    reason = _text("Waarom verschuift het geld?", rows=2)

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("from_domain") and cleaned.get("from_domain") == cleaned.get("to_domain"):
            self.add_error("to_domain", "Kies twee verschillende domeinen.")
        return cleaned


# ---------------------------------------------------------------------------- the catalogue


def category_choices() -> list:
    groups = [
        (
            str(Standard(standard).label),
            [(code, f"{code} {label}") for code, label in codes.items()],
        )
        for standard, codes in CATEGORIES.items()
    ]
    return [("", "Geen (product buiten de iStandaarden)"), *groups]


class ProductForm(forms.Form):
    region = UUIDChoiceField(
        label="Regio",
        queryset=None,
        to_field_name="uuid",
        empty_label=None,
        error_messages={"invalid_choice": "Kies een regio uit de lijst."},
    )
    name = forms.CharField(label="Naam", max_length=200)
    description = _text("Omschrijving voor de inwoner", required=False, rows=2)
    standard = forms.ChoiceField(label="iStandaard", choices=Standard.choices, required=False)
    category = forms.ChoiceField(label="Productcategorie", required=False)
    code = forms.CharField(
        label="Productcode",
        max_length=5,
        required=False,
        widget=forms.TextInput(attrs={"class": "eenplan-input--xs"}),
    )
    unit = forms.ChoiceField(label="Eenheid", choices=Unit.choices)
    frequency = forms.ChoiceField(label="Frequentie", choices=Frequency.choices)
    legal_basis = forms.ChoiceField(label="Wet", choices=LegalBasis.choices)
    budget_domain = forms.ChoiceField(label="Budgetdomein", choices=BudgetDomain.choices)
    list_price = _euro_field(
        "Richtprijs per eenheid",
        required=False,
        help_text="Alleen voor een product zonder gecontracteerde aanbieder. In euro.",
    )

    def __init__(self, *args, regions, **kwargs):
        super().__init__(*args, prefix="product", **kwargs)
        self.fields["region"].queryset = regions
        self.fields["category"].choices = category_choices()

    def service_kwargs(self) -> dict:
        data = dict(self.cleaned_data)
        data["list_price_cents"] = data.pop("list_price")
        return data


class MandateForm(forms.Form):
    municipality = UUIDChoiceField(
        label="Gemeente",
        queryset=None,
        to_field_name="uuid",
        empty_label=None,
        error_messages={"invalid_choice": "Kies een gemeente uit de lijst."},
    )
    name = forms.CharField(label="Naam", max_length=200)
    role = forms.ChoiceField(
        label="Voor de rol",
        required=False,
        choices=[("", "Elke rol (kies dan een team)"), *Role.choices],
    )
    organisation = UUIDChoiceField(
        label="Voor het team",
        queryset=None,
        to_field_name="uuid",
        required=False,
        empty_label="Elk team dat voor de gemeente werkt",
        error_messages={"invalid_choice": "Kies een team uit de lijst."},
    )
    products = forms.ModelMultipleChoiceField(
        label="Producten",
        queryset=None,
        to_field_name="uuid",
        widget=forms.CheckboxSelectMultiple,
        error_messages={
            "required": "Kies een of meer producten.",
            "invalid_choice": "Kies producten uit de lijst.",
            "invalid_pk_value": "Kies producten uit de lijst.",
        },
    )
    max_per_decision = _euro_field("Maximaal per besluit")
    max_per_year = _euro_field("Maximaal per inwoner per jaar")
    max_months = forms.IntegerField(
        label="Maximale duur in maanden",
        min_value=1,
        max_value=120,
        widget=forms.NumberInput(attrs={"class": "eenplan-input--xs"}),
    )

    def __init__(self, *args, municipalities, organisations, products, **kwargs):
        super().__init__(*args, prefix="mandaat", **kwargs)
        self.fields["municipality"].queryset = municipalities
        self.fields["organisation"].queryset = organisations
        self.fields["products"].queryset = products

    def service_kwargs(self) -> dict:
        data = dict(self.cleaned_data)
        data["max_per_decision_cents"] = data.pop("max_per_decision")
        data["max_per_year_cents"] = data.pop("max_per_year")
        return data
