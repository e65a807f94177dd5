"""Forms for the signal pages: the inbox filters and resolving a signal.

The rules of resolving (who may, what is complete) live in ``signals.services``; the form only
turns what was chosen into arguments.
"""

from django import forms

from eenplan.cases.forms import UUIDChoiceField
from eenplan.signals.constants import DUPLICATION_KINDS, SignalKind, SignalOutcome
from eenplan.signals.models import Signal
from eenplan.tenancy.models import Municipality


class InboxFilterForm(forms.Form):
    """GET filters for the inbox. Every field is optional."""

    kind = forms.ChoiceField(
        label="Soort signaal",
        required=False,
        choices=[("", "Alle soorten"), *SignalKind.choices],
        error_messages={"invalid_choice": "Kies een soort uit de lijst."},
    )
    municipality = UUIDChoiceField(
        label="Gemeente",
        required=False,
        queryset=Municipality.objects.order_by("name"),
        to_field_name="uuid",
        empty_label="Alle gemeenten",
        error_messages={"invalid_choice": "Kies een gemeente uit de lijst."},
    )
    mine = forms.BooleanField(label="Alleen mijn huishoudens als regisseur", required=False)

    def filters(self) -> dict:
        """Keyword arguments for ``signal_inbox``; call after ``is_valid()``."""
        municipality = self.cleaned_data["municipality"]
        return {
            "kind": self.cleaned_data["kind"],
            "municipality": municipality.uuid if municipality else None,
            "coordinated_by_me": self.cleaned_data["mine"],
        }


class ResolveForm(forms.Form):
    """How an open signal was resolved. The organisations to choose from are the ones the signal
    concerns (``signal.parties`` prefetched)."""

    outcome = forms.ChoiceField(
        label="Wat is er afgesproken?",
        widget=forms.RadioSelect,
        error_messages={
            "required": "Kies wat er is afgesproken.",
            "invalid_choice": "Kies een van de mogelijkheden.",
        },
    )
    continuing_organisation = forms.ChoiceField(
        label="Deze organisatie gaat door",
        required=False,
        widget=forms.RadioSelect,
        error_messages={"invalid_choice": "Kies een organisatie uit de lijst."},
    )
    stopping_organisations = forms.MultipleChoiceField(
        label="Deze organisatie of organisaties stoppen",
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text=(
            "Dit legt de afspraak vast. De betrokkenheid van de organisatie stopt hiermee niet "
            "vanzelf: dat doet de organisatie zelf."
        ),
        error_messages={"invalid_choice": "Kies organisaties uit de lijst."},
    )
    note = forms.CharField(
        label="Toelichting",
        required=False,
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text="Verplicht bij 'het is goed zo': schrijf op waarom.",
    )
    next = forms.CharField(required=False, widget=forms.HiddenInput)

    def __init__(self, *args, signal: Signal, **kwargs):
        kwargs.setdefault("prefix", f"signaal-{signal.uuid}")
        super().__init__(*args, **kwargs)
        self.signal = signal
        self.organisations = {
            str(p.organisation.uuid): p.organisation for p in signal.parties.all()
        }
        choices = [(key, org.name) for key, org in self.organisations.items()]
        if signal.kind in DUPLICATION_KINDS:
            self.fields["outcome"].choices = SignalOutcome.choices
            self.fields["continuing_organisation"].choices = choices
            self.fields["stopping_organisations"].choices = choices
        else:
            self.fields["outcome"].choices = [(SignalOutcome.FINE, SignalOutcome.FINE.label)]
            self.fields["outcome"].initial = SignalOutcome.FINE
            del self.fields["continuing_organisation"], self.fields["stopping_organisations"]
            self.fields[
                "note"
            ].help_text = "Schrijf op wat er is afgesproken, of waarom het goed is zo."

    def service_kwargs(self) -> dict:
        """Keyword arguments for ``signal_resolve``; call after ``is_valid()``."""
        data = self.cleaned_data
        continuing = data.get("continuing_organisation") or ""
        return {
            "outcome": data["outcome"],
            "note": data["note"],
            "continuing_organisation": self.organisations.get(continuing),
            "stopping_organisations": [
                self.organisations[key] for key in data.get("stopping_organisations", [])
            ],
        }
