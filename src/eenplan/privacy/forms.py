"""Filters for the access log."""

from django import forms

from eenplan.people.forms import clean_bsn_value


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
    bsn = forms.CharField(
        label="BSN",
        required=False,
        max_length=20,
        help_text="9 cijfers. Het BSN wordt niet bewaard: we zoeken op een versleutelde waarde.",
        widget=forms.TextInput(
            attrs={"class": "eenplan-input--sm", "autocomplete": "off", "inputmode": "numeric"}
        ),
    )

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
