"""Forms for the assessment pages: choosing an instrument, recording an assessment, and an
instrument defined by a functional admin.

They only turn what was typed into service arguments. Whether a score fits the scale, whether the
organisation may assess a person and whether a version is new is for ``assessments.services``;
its errors land on these fields through ``cases.forms.add_service_errors``. The persons and
instruments offered come from ``selectors.recording_choices``, so a form never offers someone the
user may not see.
"""

from django import forms
from django.core.exceptions import ValidationError
from django.utils import timezone
from django.utils.text import slugify

from eenplan.assessments.constants import Subject
from eenplan.assessments.models import Instrument
from eenplan.assessments.services import MAX_NOTE_LENGTH, DomainInput, ScoreInput
from eenplan.cases.forms import UUIDChoiceField
from eenplan.common.constants import LifeDomain
from eenplan.plans.forms import _date_field

NOT_FILLED = "Niet ingevuld"
MAX_DOMAINS = 40
MAX_LEVEL = 99


def instrument_label(instrument: Instrument) -> str:
    whom = "het hele huishouden" if instrument.subject == Subject.HOUSEHOLD else "één persoon"
    return f"{instrument.name} ({instrument.version}) — meet {whom}"


class InstrumentChoiceForm(forms.Form):
    """Step one (GET): which instrument to score with."""

    instrument = forms.ChoiceField(
        label="Met welk instrument meet u?",
        widget=forms.RadioSelect,
        error_messages={
            "required": "Kies een instrument.",
            "invalid_choice": "Kies een instrument uit de lijst.",
        },
    )

    def __init__(self, *args, instruments: list[Instrument], **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["instrument"].choices = [
            (str(instrument.uuid), instrument_label(instrument)) for instrument in instruments
        ]


def _note(label: str, *, rows: int = 2) -> forms.CharField:
    return forms.CharField(
        label=label,
        required=False,
        max_length=MAX_NOTE_LENGTH,
        widget=forms.Textarea(attrs={"rows": rows}),
        error_messages={"max_length": "Maak de toelichting korter (ten hoogste 2000 tekens)."},
    )


class AssessmentForm(forms.Form):
    """Step two: whom (a person instrument only), when, and per domain an optional score and an
    optional note. A domain left on "Niet ingevuld" is not stored (data minimisation)."""

    person = forms.ChoiceField(
        label="Wie meet u?",
        widget=forms.RadioSelect,
        help_text=(
            "Alleen gezinsleden van wie uw organisatie metingen mag vastleggen: met hun "
            "toestemming of op een wettelijke grondslag."
        ),
        error_messages={
            "required": "Kies het gezinslid dat u meet.",
            "invalid_choice": "Kies een gezinslid uit de lijst.",
        },
    )
    assessed_on = _date_field("Datum van de meting", required=True)
    note = _note("Toelichting bij de hele meting", rows=3)

    def __init__(self, *args, instrument: Instrument, persons: list, **kwargs):
        kwargs.setdefault("initial", {}).setdefault("assessed_on", timezone.localdate())
        super().__init__(*args, **kwargs)
        self.instrument = instrument
        self._persons = {str(person.uuid): person for person in persons}
        if instrument.subject == Subject.HOUSEHOLD:
            del self.fields["person"]
        else:
            self.fields["person"].choices = [
                (key, person.full_name) for key, person in self._persons.items()
            ]
        levels = [
            (str(level.value), f"{level.value} — {level.label}")
            for level in instrument.levels.all()
        ]
        self.domains = list(instrument.domains.all())
        note = self.fields.pop("note")
        for domain in self.domains:
            self.fields[self.score_name(domain)] = forms.TypedChoiceField(
                label=f"{domain.name}: score",
                required=False,
                coerce=int,
                empty_value=None,
                choices=[("", NOT_FILLED), *levels],
                error_messages={"invalid_choice": "Kies een score uit de lijst."},
            )
            self.fields[self.note_name(domain)] = _note(f"{domain.name}: toelichting")
        self.fields["note"] = note

    @staticmethod
    def score_name(domain) -> str:
        return f"score_{domain.code}"

    @staticmethod
    def note_name(domain) -> str:
        return f"toelichting_{domain.code}"

    @property
    def domain_rows(self) -> list[tuple]:
        """Per domain: the domain, its score field and its note field."""
        return [
            (domain, self[self.score_name(domain)], self[self.note_name(domain)])
            for domain in self.domains
        ]

    def clean_person(self):
        return self._persons[self.cleaned_data["person"]]

    def clean(self):
        cleaned = super().clean()
        for domain in self.domains:
            if cleaned.get(self.note_name(domain)) and cleaned.get(self.score_name(domain)) is None:
                self.add_error(
                    self.score_name(domain),
                    "U schreef een toelichting maar koos geen score. Kies een score, of haal de "
                    "toelichting weg.",
                )
        return cleaned

    def service_kwargs(self) -> dict:
        """Keyword arguments for ``assessment_record``; call after ``is_valid()``."""
        data = self.cleaned_data
        return {
            "person": data.get("person"),
            "assessed_on": data["assessed_on"],
            "note": data["note"],
            "scores": [
                ScoreInput(domain.code, data[self.score_name(domain)], data[self.note_name(domain)])
                for domain in self.domains
                if data[self.score_name(domain)] is not None
            ],
        }


# ---------------------------------------------------------------------------- instruments


def _life_domain_key(text: str) -> str:
    return slugify(text).replace("_", "-")


LIFE_DOMAINS = {
    **{_life_domain_key(str(domain.label)): domain.value for domain in LifeDomain},
    **{_life_domain_key(domain.value): domain.value for domain in LifeDomain},
}


def domains_text(instrument: Instrument) -> str:
    """An instrument's domains as the form writes them: one a line, ``Naam = leefgebied``."""
    return "\n".join(
        f"{domain.name} = {LifeDomain(domain.life_domain).label}"
        if domain.life_domain in LifeDomain.values
        else domain.name
        for domain in instrument.domains.all()
    )


def levels_text(instrument: Instrument) -> str:
    return "\n".join(f"{level.value} = {level.label}" for level in instrument.levels.all())


def _lines(text: str) -> list[tuple[int, str]]:
    """Numbered non-empty lines, numbered as the user sees them in the text box."""
    return [
        (number, line.strip())
        for number, line in enumerate(text.splitlines(), start=1)
        if line.strip()
    ]


def _domain_line(number: int, line: str) -> DomainInput:
    """One line ``Naam`` or ``Naam = leefgebied``; a ValidationError saying what is wrong."""
    name, _sep, life_domain = (part.strip() for part in line.partition("="))
    if not name:
        raise ValidationError(f"Regel {number}: zet de naam van het domein vóór het =-teken.")
    if len(name) > 120:
        raise ValidationError(f"Regel {number}: maak de naam korter (ten hoogste 120 tekens).")
    if not slugify(name):
        raise ValidationError(f"Regel {number}: gebruik letters of cijfers in de naam.")
    code = LIFE_DOMAINS.get(_life_domain_key(life_domain), "") if life_domain else ""
    if life_domain and not code:
        raise ValidationError(
            f"Regel {number}: '{life_domain}' is geen leefgebied. Kies uit: "
            + ", ".join(str(label) for label in LifeDomain.labels)
            + "."
        )
    return DomainInput(name, code)


def parse_domains(text: str) -> list[DomainInput]:
    """``Naam`` or ``Naam = leefgebied`` a line; a ValidationError with a message per wrong line."""
    domains, errors, names = [], [], {}
    for number, line in _lines(text):
        try:
            domain = _domain_line(number, line)
        except ValidationError as error:
            errors.extend(error.messages)
            continue
        key = slugify(domain.name)
        if key in names:
            errors.append(f"Regel {number}: '{domain.name}' staat al op regel {names[key]}.")
        else:
            names[key] = number
            domains.append(domain)
    if errors:
        raise ValidationError(errors)
    if not domains:
        raise ValidationError("Schrijf ten minste één domein, één per regel.")
    if len(domains) > MAX_DOMAINS:
        raise ValidationError(f"Een instrument heeft ten hoogste {MAX_DOMAINS} domeinen.")
    return domains


def parse_levels(text: str) -> list[tuple[int, str]]:
    """``1 = Zorgelijk`` a line; a ValidationError with a message per wrong line."""
    levels, errors, values = [], [], {}
    for number, line in _lines(text):
        value, sep, label = (part.strip() for part in line.partition("="))
        if not sep or not label:
            errors.append(
                f"Regel {number}: schrijf een getal, een =-teken en de betekenis, "
                "bijvoorbeeld: 1 = Zorgelijk."
            )
        elif not value.isdigit() or int(value) > MAX_LEVEL:
            errors.append(
                f"Regel {number}: '{value}' is geen heel getal van 0 tot en met {MAX_LEVEL}."
            )
        elif len(label) > 120:
            errors.append(f"Regel {number}: maak de betekenis korter (ten hoogste 120 tekens).")
        elif int(value) in values:
            errors.append(f"Regel {number}: {value} staat al op regel {values[int(value)]}.")
        else:
            values[int(value)] = number
            levels.append((int(value), label))
    if errors:
        raise ValidationError(errors)
    if len(levels) < 2:
        raise ValidationError("Geef ten minste twee schaalwaarden, één per regel.")
    return sorted(levels)


class InstrumentForm(forms.Form):
    """A new instrument, or a new version of one (the view keeps its code)."""

    name = forms.CharField(
        label="Naam",
        max_length=200,
        help_text="Zoals professionals het kennen, bijvoorbeeld: Ouderschapsmeter.",
        error_messages={"required": "Vul de naam in."},
    )
    version = forms.CharField(
        label="Versie",
        max_length=20,
        help_text="Bijvoorbeeld het jaar: 2026. Elke versie heeft een eigen nummer.",
        error_messages={"required": "Vul de versie in."},
        widget=forms.TextInput(attrs={"class": "eenplan-input--xs", "autocomplete": "off"}),
    )
    subject = forms.ChoiceField(
        label="Wie wordt gemeten?",
        choices=Subject.choices,
        widget=forms.RadioSelect,
        error_messages={
            "required": "Kies wie het instrument meet.",
            "invalid_choice": "Kies wie het instrument meet.",
        },
    )
    municipality = UUIDChoiceField(
        label="Gemeente",
        queryset=None,
        to_field_name="uuid",
        empty_label="Kies een gemeente",
        help_text="Professionals die met huishoudens in deze gemeente werken, kunnen ermee meten.",
        error_messages={
            "required": "Kies de gemeente.",
            "invalid_choice": "Kies een gemeente uit de lijst.",
        },
    )
    description = forms.CharField(
        label="Toelichting",
        required=False,
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text="Waarvoor het instrument is en hoe professionals het invullen.",
    )
    domains = forms.CharField(
        label="Domeinen",
        max_length=10_000,
        widget=forms.Textarea(attrs={"rows": 10, "spellcheck": "true"}),
        help_text=(
            "Eén domein per regel. Hoort een domein bij een leefgebied van het plan, zet dat "
            "erachter met een =-teken, bijvoorbeeld: Geldzaken = Financiën. Een lage score op "
            "zo'n domein zonder doel in het plan wordt een signaal."
        ),
        error_messages={"required": "Schrijf ten minste één domein, één per regel."},
    )
    levels = forms.CharField(
        label="Schaal",
        max_length=5_000,
        widget=forms.Textarea(attrs={"rows": 6}),
        help_text=(
            "Eén waarde per regel, van laag naar hoog: een getal, een =-teken en de betekenis, "
            "bijvoorbeeld: 1 = Zorgelijk. Hoger is beter."
        ),
        error_messages={"required": "Geef ten minste twee schaalwaarden, één per regel."},
    )

    def __init__(self, *args, municipalities, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["municipality"].queryset = municipalities

    def clean_domains(self) -> list[DomainInput]:
        return parse_domains(self.cleaned_data["domains"])

    def clean_levels(self) -> list[tuple[int, str]]:
        return parse_levels(self.cleaned_data["levels"])
