"""The search form for households: by BSN, name, birth date and postcode."""

from django import forms
from django.core.exceptions import ValidationError

from eenplan.common.validators import (
    normalise_bsn,
    normalise_postcode,
    validate_bsn,
    validate_postcode,
)

DATE_INPUT_FORMATS = ["%d-%m-%Y", "%d/%m/%Y", "%d.%m.%Y", "%Y-%m-%d"]


def clean_bsn_value(value: str) -> str:
    """A BSN as typed (spaces, dots and dashes allowed), checked with the 11-proef."""
    bsn = normalise_bsn(value.strip())
    if bsn:
        validate_bsn(bsn)
    return bsn


def _text_input(size: str, **attrs) -> forms.TextInput:
    return forms.TextInput(
        attrs={"class": f"eenplan-input--{size}", "autocomplete": "off", "spellcheck": "false"}
        | attrs
    )


class SearchForm(forms.Form):
    bsn = forms.CharField(
        label="BSN",
        required=False,
        max_length=20,
        help_text="Het burgerservicenummer: 9 cijfers.",
        widget=_text_input("sm", inputmode="numeric"),
    )
    name = forms.CharField(
        label="Naam",
        required=False,
        max_length=200,
        help_text="Voornaam, achternaam of allebei.",
        widget=_text_input("md"),
    )
    birth_date = forms.DateField(
        label="Geboortedatum",
        required=False,
        input_formats=DATE_INPUT_FORMATS,
        help_text="Dag-maand-jaar, bijvoorbeeld 12-04-1985.",
        error_messages={"invalid": "Vul een bestaande datum in, bijvoorbeeld 12-04-1985."},
        widget=_text_input("sm"),
    )
    postcode = forms.CharField(
        label="Postcode",
        required=False,
        max_length=10,
        help_text="Bijvoorbeeld 9934 AB.",
        widget=_text_input("xs"),
    )

    def clean_bsn(self) -> str:
        return clean_bsn_value(self.cleaned_data["bsn"])

    def clean_postcode(self) -> str:
        value = self.cleaned_data["postcode"].strip()
        if not value:
            return ""
        postcode = normalise_postcode(value)
        validate_postcode(postcode)
        return postcode

    def clean(self) -> dict:
        cleaned = super().clean()
        if not self.errors and not any(cleaned.get(name) for name in self.fields):
            raise ValidationError(
                "Vul minstens één zoekterm in: BSN, naam, geboortedatum of postcode.",
                code="no_criteria",
            )
        return cleaned
