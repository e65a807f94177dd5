"""Forms for the case pages: the filters of 'Mijn casussen' and the status change.

Also the small helpers every page form here shares: reading a page number and putting a
service's ``ValidationError`` on the form fields it names.
"""

from django import forms
from django.core.exceptions import ValidationError

from eenplan.cases import workflow
from eenplan.cases.constants import CaseStatus, ClosingReason
from eenplan.tenancy.models import Municipality

MAX_PAGE = 10_000


def page_number(value) -> int:
    """The page asked for in the query string; anything that is not a page number means 1."""
    try:
        page = int(value)
    except (TypeError, ValueError):
        return 1
    return min(max(page, 1), MAX_PAGE)


def add_service_errors(form: forms.Form, error: ValidationError) -> None:
    """Show a service's validation error on the fields it names; the rest above the form."""
    if not hasattr(error, "error_dict"):
        form.add_error(None, error)
        return
    for field, errors in error.error_dict.items():
        form.add_error(field if field in form.fields else None, errors)


class UUIDChoiceField(forms.ModelChoiceField):
    """A model choice by UUID that answers anything else with its own 'invalid choice' message."""

    def to_python(self, value):
        try:
            return super().to_python(value)
        except ValidationError as exc:
            raise ValidationError(
                self.error_messages["invalid_choice"], code="invalid_choice"
            ) from exc


class CaseFilterForm(forms.Form):
    """GET filters for 'Mijn casussen'. Every field is optional."""

    status = forms.ChoiceField(
        label="Status",
        required=False,
        choices=[("", "Alle statussen"), *CaseStatus.choices],
        error_messages={"invalid_choice": "Kies een status uit de lijst."},
    )
    municipality = UUIDChoiceField(
        label="Gemeente",
        required=False,
        queryset=Municipality.objects.order_by("name"),
        to_field_name="uuid",
        empty_label="Alle gemeenten",
        error_messages={"invalid_choice": "Kies een gemeente uit de lijst."},
    )
    mine = forms.BooleanField(label="Alleen casussen waarvan ik de regisseur ben", required=False)

    def filters(self, user) -> dict:
        """Keyword arguments for ``case_list``; call after ``is_valid()``."""
        municipality = self.cleaned_data["municipality"]
        return {
            "status": self.cleaned_data["status"],
            "municipality": municipality.uuid if municipality else None,
            "coordinator": user.uuid if self.cleaned_data["mine"] else None,
        }


class TransitionForm(forms.Form):
    """Change the status of a case: only the steps the workflow allows from its status now."""

    status = forms.ChoiceField(
        label="Nieuwe status",
        widget=forms.RadioSelect,
        error_messages={
            "required": "Kies de nieuwe status.",
            "invalid_choice": "Deze stap kan nu niet. Kies een van de statussen in de lijst.",
        },
    )
    closing_reason = forms.ChoiceField(
        label="Reden van afsluiten",
        required=False,
        choices=[("", "Kies een reden"), *ClosingReason.choices],
        help_text="Alleen nodig als u de casus afsluit.",
        error_messages={"invalid_choice": "Kies een reden uit de lijst."},
    )
    note = forms.CharField(
        label="Toelichting",
        required=False,
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text="Verplicht als u een afgesloten casus weer opent.",
    )

    def __init__(self, *args, current_status: str, **kwargs):
        super().__init__(*args, **kwargs)
        allowed = workflow.allowed_transitions(current_status)
        self.fields["status"].choices = [(s.value, s.label) for s in CaseStatus if s in allowed]

    def service_kwargs(self) -> dict:
        """Keyword arguments for ``case_transition``; call after ``is_valid()``."""
        return {
            "to_status": self.cleaned_data["status"],
            "closing_reason": self.cleaned_data["closing_reason"],
            "note": self.cleaned_data["note"],
        }
