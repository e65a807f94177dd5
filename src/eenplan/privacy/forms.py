"""Filters for the access log."""

from django import forms
from django.conf import settings

from eenplan.cases.constants import DataCategory
from eenplan.people.forms import DATE_INPUT_FORMATS, clean_bsn_value
from eenplan.privacy.constants import RequestDecision, RequestKind, ReviewOutcome
from eenplan.privacy.requests import CORRECTABLE_FIELDS


def _bsn_field() -> forms.CharField:
    return forms.CharField(
        label="BSN",
        required=False,
        max_length=20,
        help_text="9 cijfers. Het BSN wordt niet bewaard: we zoeken op een versleutelde waarde.",
        widget=forms.TextInput(
            attrs={"class": "eenplan-input--sm", "autocomplete": "off", "inputmode": "numeric"}
        ),
    )


class AccessLogFilterForm(forms.Form):
    """Every field optional; the BSN is sent by POST so it never ends up in a URL."""

    reference = forms.CharField(
        label="Casuskenmerk",
        required=False,
        max_length=20,
        help_text="Bijvoorbeeld EP-2026-000012.",
        widget=forms.TextInput(attrs={"autocomplete": "off"}),
    )
    case = forms.UUIDField(
        label="Casus (UUID)",
        required=False,
        help_text="Of klik in de tabel op een casuskenmerk.",
        error_messages={"invalid": "Vul een geldige UUID in, of laat dit veld leeg."},
        widget=forms.TextInput(attrs={"class": "eenplan-input--lg", "autocomplete": "off"}),
    )
    person = forms.UUIDField(
        label="Persoon (UUID)",
        required=False,
        help_text='Of klik in de tabel op "Regels van deze persoon".',
        error_messages={"invalid": "Vul een geldige UUID in, of laat dit veld leeg."},
        widget=forms.TextInput(attrs={"class": "eenplan-input--lg", "autocomplete": "off"}),
    )
    bsn = _bsn_field()

    def clean_bsn(self) -> str:
        return clean_bsn_value(self.cleaned_data["bsn"])

    def filters(self) -> dict:
        """Keyword arguments for ``access_log_list``; call after ``is_valid()``."""
        return {
            "case_uuid": self.cleaned_data["case"],
            "case_reference": self.cleaned_data["reference"],
            "person_uuid": self.cleaned_data["person"],
            "bsn": self.cleaned_data["bsn"],
        }


class EmergencyFindForm(forms.Form):
    """Find the household in an emergency: by BSN (sent by POST) or case reference."""

    bsn = _bsn_field()
    reference = forms.CharField(
        label="Of het casuskenmerk",
        required=False,
        max_length=20,
        help_text="Bijvoorbeeld EP-2026-000012.",
        widget=forms.TextInput(attrs={"autocomplete": "off"}),
    )

    def clean_bsn(self) -> str:
        return clean_bsn_value(self.cleaned_data["bsn"])

    def clean(self):
        data = super().clean()
        if not self.errors and not (data.get("bsn") or data.get("reference", "").strip()):
            raise forms.ValidationError("Vul een BSN of een casuskenmerk in.")
        return data


def _hour_choices() -> list[tuple[int, str]]:
    hours = [h for h in (1, 2, 4, 8, 12, 24, 48, 72) if h <= settings.EMERGENCY_ACCESS_MAX_HOURS]
    return [(h, f"{h} uur") for h in hours]


class EmergencyOpenForm(forms.Form):
    reason = forms.CharField(
        label="Wat is de noodsituatie?",
        help_text=(
            "Waarom heeft u nu toegang nodig, en waarom kan het niet wachten tot de betrokken "
            "organisaties bereikbaar zijn? De privacyfunctionaris leest dit, en het huishouden "
            "ziet het later in Mijn EenPlan."
        ),
        widget=forms.Textarea(attrs={"rows": 4}),
    )
    categories = forms.MultipleChoiceField(
        label="Wat moet u zien?",
        help_text=(
            "Zonder vinkje ziet u alleen wie er betrokken is en wie u kunt bellen. "
            "Kies niet meer dan u nodig heeft."
        ),
        required=False,
        choices=DataCategory.choices,
        initial=[DataCategory.CONTACT, DataCategory.PLAN],
        widget=forms.CheckboxSelectMultiple,
    )
    hours = forms.TypedChoiceField(label="Hoe lang?", coerce=int, choices=_hour_choices, initial=8)


class EmergencyReviewForm(forms.Form):
    outcome = forms.ChoiceField(
        label="Oordeel", choices=ReviewOutcome.choices, widget=forms.RadioSelect
    )
    note = forms.CharField(
        label="Toelichting",
        required=False,
        help_text="Verplicht bij onterecht: wat is er besproken of gemeld?",
        widget=forms.Textarea(attrs={"rows": 3}),
    )


class RequestRegisterForm(forms.Form):
    """A request that came by letter or at the desk, registered by the privacy officer."""

    kind = forms.ChoiceField(
        label="Soort verzoek", choices=RequestKind.choices, widget=forms.RadioSelect
    )
    bsn = forms.CharField(label="BSN van de betrokkene", max_length=20)
    description = forms.CharField(
        label="Wat vraagt de betrokkene?", widget=forms.Textarea(attrs={"rows": 4})
    )
    received_on = forms.DateField(
        label="Ontvangen op",
        input_formats=DATE_INPUT_FORMATS,
        help_text="Dag-maand-jaar. De termijn van een maand loopt vanaf deze dag.",
    )

    def clean_bsn(self) -> str:
        bsn = clean_bsn_value(self.cleaned_data["bsn"])
        if not bsn:
            raise forms.ValidationError("Vul het BSN in.")
        return bsn


class RequestDecideForm(forms.Form):
    decision = forms.ChoiceField(
        label="Beslissing", choices=RequestDecision.choices, widget=forms.RadioSelect
    )
    reasons = forms.CharField(
        label="Motivering",
        help_text="De betrokkene leest dit. Noem bij een afwijzing de reden uit de wet.",
        widget=forms.Textarea(attrs={"rows": 4}),
    )

    def __init__(self, *args, corrections: bool = False, **kwargs):
        super().__init__(*args, **kwargs)
        if corrections:
            for name, label in CORRECTABLE_FIELDS.items():
                self.fields[f"new_{name}"] = (
                    forms.DateField(
                        label=f"Nieuwe {label.lower()}",
                        required=False,
                        input_formats=DATE_INPUT_FORMATS,
                    )
                    if name == "birth_date"
                    else forms.CharField(
                        label=f"Nieuwe {label.lower()}", required=False, max_length=200
                    )
                )

    def service_arguments(self) -> dict:
        data = self.cleaned_data
        corrections = {
            name: data[f"new_{name}"] for name in CORRECTABLE_FIELDS if data.get(f"new_{name}")
        }
        return {
            "decision": data["decision"],
            "reasons": data["reasons"],
            "corrections": corrections,
        }


class RequestCarryOutForm(forms.Form):
    note = forms.CharField(
        label="Wat is er uitgevoerd?",
        required=False,
        help_text="Bijvoorbeeld: ook de notitie van 3 maart is aangepast door de regisseur.",
        widget=forms.Textarea(attrs={"rows": 2}),
    )
