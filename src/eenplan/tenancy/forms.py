from django import forms
from django.core.exceptions import ValidationError

from eenplan.tenancy import twofactor


class CodeForm(forms.Form):
    """The six digits of the authenticator app, checked against ``device`` (throttled)."""

    code = forms.CharField(
        label="Code uit de app",
        help_text="Zes cijfers. De code verandert elke 30 seconden.",
        max_length=12,
        widget=forms.TextInput(
            attrs={"autocomplete": "one-time-code", "inputmode": "numeric", "autofocus": True}
        ),
        error_messages={"required": "Typ de zes cijfers uit de app."},
    )

    def __init__(self, *args, device, **kwargs):
        super().__init__(*args, **kwargs)
        self.device = device

    def clean_code(self) -> str:
        code = self.cleaned_data["code"]
        problem = twofactor.check_code(self.device, code)
        if problem:
            raise ValidationError(problem, code="wrong_code")
        return code
