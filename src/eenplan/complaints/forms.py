"""Forms for the professional pages of complaints and objections.

They only turn what was typed into service arguments; the rules (deadlines, who may do what,
how often a decision may be postponed) live in ``complaints.services`` and its errors land on
these fields through ``cases.forms.add_service_errors``. What a form offers (household members,
organisations, decisions, handlers, municipalities) is handed in by the view, which reads it
through the selectors, so a form never offers what the user may not see.
"""

import datetime
import uuid

from django import forms
from django.utils import timezone

from eenplan.complaints.constants import (
    DECISION_OUTCOMES,
    Channel,
    ContactOutcome,
    ContactWay,
    Kind,
    Theme,
)
from eenplan.complaints.selectors import ComplaintFilter
from eenplan.complaints.services import MAX_EXTENSION_WEEKS
from eenplan.consultations.forms import TIME_FORMATS
from eenplan.indicators.periods import Quarter
from eenplan.plans.forms import _date_field, _text
from eenplan.plans.pdf import long_date
from eenplan.provisions.letter import letter_date

# Service argument -> form field, where they differ.
HEARING_FIELDS = {"at": "date"}


def _choice(label: str, choices, *, what: str, required: bool = True, **kwargs):
    return forms.ChoiceField(
        label=label,
        required=required,
        choices=choices,
        error_messages={
            "required": f"Kies {what}.",
            "invalid_choice": f"Kies {what} uit de lijst.",
        },
        **kwargs,
    )


def _name(user) -> str:
    return user.get_full_name() or user.username


# ---------------------------------------------------------------------------- the list


class ComplaintFilterForm(forms.Form):
    """GET filters of the list. Every field is optional; ``tallies`` offer the handlers and
    organisations that have open items."""

    soort = _choice(
        "Soort",
        [("", "Klachten en bezwaren"), *Kind.choices],
        what="een soort",
        required=False,
    )
    behandelaar = _choice("Behandelaar", (), what="een behandelaar", required=False)
    organisatie = _choice("Behandelende organisatie", (), what="een organisatie", required=False)
    mijn = forms.BooleanField(label="Alleen wat ik behandel", required=False)
    te_laat = forms.BooleanField(label="Alleen wat te laat is", required=False)
    afgehandeld = forms.BooleanField(label="Ook afgehandelde tonen", required=False)

    def __init__(self, *args, per_handler, per_organisation, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["behandelaar"].choices = [
            ("", "Alle behandelaars"),
            *((t.key, t.label) for t in per_handler if t.key),
        ]
        self.fields["organisatie"].choices = [
            ("", "Alle organisaties"),
            *((t.key, t.label) for t in per_organisation),
        ]

    def chosen(self) -> ComplaintFilter:
        data = self.cleaned_data
        return ComplaintFilter(
            open_only=not data["afgehandeld"],
            kind=data["soort"],
            handler_uuid=uuid.UUID(data["behandelaar"]) if data["behandelaar"] else None,
            organisation_uuid=uuid.UUID(data["organisatie"]) if data["organisatie"] else None,
            overdue_only=data["te_laat"],
            mine=data["mijn"],
        )


# ---------------------------------------------------------------------------- registering


def _decision_label(decision) -> str:
    day = letter_date(decision)
    made = f", {long_date(day)}" if day else ""
    return (
        f"{decision.product.name} voor {decision.person.full_name}: "
        f"{decision.get_status_display().lower()}{made} ({decision.reference})"
    )


class RegisterForm(forms.Form):
    """A professional registers a complaint or an objection on a citizen's behalf."""

    kind = _choice("Wat is het?", Kind.choices, what="klacht of bezwaar", widget=forms.RadioSelect)
    person = _choice(
        "Van wie is het?", (), what="iemand uit het huishouden", widget=forms.RadioSelect
    )
    received_on = _date_field("Ontvangen op", required=True)
    channel = _choice(
        "Hoe kwam het binnen?",
        [c for c in Channel.choices if c[0] != Channel.PORTAL],
        what="hoe het binnenkwam",
    )
    theme = _choice(
        "Waar gaat het over?",
        Theme.choices,
        what="een onderwerp",
        help_text="Voor het overzicht per onderwerp. Een bezwaar gaat altijd over een besluit.",
    )
    description = _text(
        "Wat is er aan de hand?",
        rows=6,
        max_length=10_000,
        help_text="In de woorden van de inwoner: wat ging er mis, en wat wil hij of zij?",
    )
    organisations = forms.MultipleChoiceField(
        label="Over welke organisaties gaat het?",
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text=(
            "Niet verplicht. Gaat een klacht over één organisatie met een eigen "
            "klachtbehandelaar, dan behandelt die organisatie haar. Anders doet de gemeente het."
        ),
        error_messages={"invalid_choice": "Kies organisaties uit de lijst."},
    )
    decision = _choice(
        "Tegen welk besluit is het bezwaar?",
        (),
        what="het besluit",
        required=False,
        help_text="Verplicht bij een bezwaar. Bij een klacht laat u dit leeg.",
    )
    contact_phone = forms.CharField(
        label="Telefoon van de inwoner",
        required=False,
        max_length=30,
        help_text="Niet verplicht. Zo kan de behandelaar bellen.",
        widget=forms.TextInput(attrs={"class": "eenplan-input--sm", "autocomplete": "off"}),
    )
    contact_email = forms.EmailField(
        label="E-mail van de inwoner",
        required=False,
        help_text="Niet verplicht.",
        error_messages={"invalid": "Vul een e-mailadres in, bijvoorbeeld naam@voorbeeld.nl."},
        widget=forms.EmailInput(attrs={"class": "eenplan-input--md", "autocomplete": "off"}),
    )

    def __init__(self, *args, persons, organisations, decisions, **kwargs):
        kwargs.setdefault("initial", {}).update(
            received_on=timezone.localdate(), channel=Channel.PHONE, theme=Theme.OTHER
        )
        super().__init__(*args, **kwargs)
        self._persons = {str(p.uuid): p for p in persons}
        self._organisations = {str(o.uuid): o for o in organisations}
        self._decisions = {str(d.uuid): d for d in decisions}
        self.fields["person"].choices = [(k, p.full_name) for k, p in self._persons.items()]
        self.fields["organisations"].choices = [(k, o.name) for k, o in self._organisations.items()]
        self.fields["decision"].choices = [
            ("", "Geen besluit (bij een klacht)"),
            *((k, _decision_label(d)) for k, d in self._decisions.items()),
        ]

    def clean_person(self):
        return self._persons[self.cleaned_data["person"]]

    def clean_organisations(self) -> list:
        return [self._organisations[key] for key in self.cleaned_data["organisations"]]

    def clean_decision(self):
        return self._decisions.get(self.cleaned_data["decision"])

    def clean(self):
        data = super().clean()
        if data.get("kind") == Kind.OBJECTION and not data.get("decision"):
            self.add_error("decision", "Kies het besluit waartegen het bezwaar is.")
        if data.get("kind") == Kind.COMPLAINT and data.get("decision"):
            self.add_error("decision", "Alleen een bezwaar gaat over een besluit.")
        return data


# ---------------------------------------------------------------------------- handling


class StepForm(forms.Form):
    """A form of the handler on the page of ``complaint``; its cleaned data are the service's
    keyword arguments unless ``service_kwargs`` says otherwise."""

    def __init__(self, *args, complaint, **kwargs):
        self.complaint = complaint
        super().__init__(*args, **kwargs)

    def service_kwargs(self) -> dict:
        return dict(self.cleaned_data)


class HandlerForm(StepForm):
    handler = _choice("Nieuwe behandelaar", (), what="een behandelaar")

    def __init__(self, *args, handlers, **kwargs):
        super().__init__(*args, **kwargs)
        self._handlers = {str(u.uuid): u for u in handlers}
        self.fields["handler"].choices = [
            ("", "Kies een behandelaar"),
            *((k, _name(u)) for k, u in self._handlers.items()),
        ]

    def clean_handler(self):
        return self._handlers[self.cleaned_data["handler"]]


class ContactForm(StepForm):
    occurred_on = _date_field("Datum van het contact", required=True)
    way = _choice("Hoe had u contact?", ContactWay.choices, what="hoe u contact had")
    summary = _text(
        "Wat zit erachter, en wat spraken jullie af?",
        rows=5,
        max_length=10_000,
        help_text="Schrijf op wat de inwoner vertelde en wat u samen afsprak.",
    )
    outcome = _choice(
        "Wat kwam eruit?",
        ContactOutcome.choices,
        what="wat er uit het contact kwam",
        widget=forms.RadioSelect,
    )

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("initial", {}).setdefault("occurred_on", timezone.localdate())
        super().__init__(*args, **kwargs)


class FormalForm(StepForm):
    reason = _text(
        "Waarom gaat het formeel verder?",
        max_length=4000,
        help_text="Bijvoorbeeld: de inwoner wil een besluit op papier.",
    )


class AcknowledgeForm(StepForm):
    """No fields: the letter states the date of receipt and the date by which we decide."""


class ExtendForm(StepForm):
    weeks = forms.IntegerField(
        label="Hoeveel weken later?",
        min_value=1,
        max_value=MAX_EXTENSION_WEEKS,
        widget=forms.NumberInput(attrs={"class": "eenplan-input--xs"}),
        error_messages={
            "required": "Vul het aantal weken in.",
            "invalid": "Vul een heel aantal weken in.",
            "min_value": "Uitstellen kan met 1 week of meer.",
            "max_value": "Zo lang uitstellen kan niet.",
        },
    )
    reason = _text(
        "Waarom duurt het langer?",
        max_length=4000,
        help_text="Dit komt in de brief aan de inwoner: schrijf het in gewone taal.",
    )
    with_consent = forms.BooleanField(
        label="De indiener stemt in met dit uitstel",
        required=False,
        help_text="Alleen nodig als u langer dan 6 weken, of voor de tweede keer, uitstelt.",
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self.complaint.kind == Kind.COMPLAINT:
            del self.fields["with_consent"]
            self.fields["weeks"].help_text = "Een klacht kan één keer, met ten hoogste 4 weken."
        else:
            self.fields["weeks"].help_text = "Zonder instemming één keer, ten hoogste 6 weken."


class HearingPlanForm(StepForm):
    date = _date_field("Datum van het gesprek", required=True)
    time = forms.TimeField(
        label="Tijd",
        input_formats=TIME_FORMATS,
        help_text="Uren en minuten, bijvoorbeeld 14:00.",
        error_messages={
            "required": "Vul de tijd in.",
            "invalid": "Vul een tijd in, bijvoorbeeld 14:00.",
        },
        widget=forms.TimeInput(format="%H:%M", attrs={"class": "eenplan-input--xs"}),
    )
    place = forms.CharField(
        label="Waar",
        max_length=200,
        help_text="Een adres en zaal, of 'bij u thuis'. Dit komt in de uitnodiging.",
        error_messages={"required": "Vul in waar het gesprek is."},
    )

    def service_kwargs(self) -> dict:
        data = self.cleaned_data
        at = timezone.make_aware(datetime.datetime.combine(data["date"], data["time"]))
        return {"at": at, "place": data["place"]}


class HearingRecordForm(StepForm):
    occurred_on = _date_field("Datum van het gesprek", required=True)
    report = _text("Wat is er gezegd?", rows=6, max_length=10_000)

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("initial", {}).setdefault("occurred_on", timezone.localdate())
        super().__init__(*args, **kwargs)


class DecideForm(StepForm):
    outcome = _choice(
        "Besluit",
        [(o.value, o.label) for o in DECISION_OUTCOMES],
        what="een besluit",
        widget=forms.RadioSelect,
    )
    reasons = _text(
        "Waarom?",
        rows=8,
        max_length=20_000,
        help_text="Dit komt in de brief aan de inwoner: schrijf het in gewone taal.",
    )


class WithdrawForm(StepForm):
    text = _text(
        "Wat zei de inwoner?",
        required=False,
        max_length=4000,
        help_text="Niet verplicht. Bijvoorbeeld: de inwoner belde dat het niet meer hoeft.",
    )


# ---------------------------------------------------------------------------- the report


class ReportForm(forms.Form):
    """The period of the report (the current quarter unless chosen) and, optionally, one
    municipality among ``municipalities``."""

    van = _date_field("Van", required=True)
    tot = _date_field("Tot en met", required=True)
    gemeente = _choice("Gemeente", (), what="een gemeente", required=False)

    def __init__(self, data=None, *, municipalities, **kwargs):
        quarter = Quarter.containing(timezone.localdate())
        self.default_period = (quarter.start, quarter.end)
        kwargs["initial"] = {"van": quarter.start, "tot": quarter.end}
        super().__init__(data, **kwargs)
        self._municipalities = {str(m.uuid): m for m in municipalities}
        self.fields["gemeente"].choices = [
            ("", "Al mijn gemeenten"),
            *((k, m.name) for k, m in self._municipalities.items()),
        ]

    def clean_gemeente(self):
        return self._municipalities.get(self.cleaned_data["gemeente"])

    def clean(self):
        data = super().clean()
        start, end = data.get("van"), data.get("tot")
        if start and end and end < start:
            self.add_error("tot", "Deze datum ligt voor de begindatum.")
        return data

    def period(self) -> tuple[datetime.date, datetime.date, list[int] | None]:
        """(start, end, the chosen municipality's id or None for all), from a valid or unbound
        form."""
        if not self.is_bound:
            return *self.default_period, None
        municipality = self.cleaned_data["gemeente"]
        return (
            self.cleaned_data["van"],
            self.cleaned_data["tot"],
            [municipality.pk] if municipality else None,
        )
