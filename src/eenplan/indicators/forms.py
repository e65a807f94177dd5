"""Forms of the indicator pages: the benchmark selection (GET), a story and a local indicator.

They only turn what was typed into selector and service arguments. Who may write a story or
define a local indicator, and whether a story names someone, is decided by
``indicators.services``; their errors land on these fields through
``cases.forms.add_service_errors``. The municipalities a form offers come from the selectors.
"""

from django import forms
from django.http import QueryDict
from django.utils import timezone

from eenplan.cases.constants import ServiceType
from eenplan.common.constants import LifeDomain
from eenplan.indicators.constants import Scale, StoryTheme
from eenplan.indicators.definitions import CORE
from eenplan.indicators.measures import MEASURES, MEDIAN, POPULATION
from eenplan.indicators.peers import PeerGroup
from eenplan.indicators.periods import Quarter, last_quarters
from eenplan.plans.forms import _text

# Quarters to choose from (three years back), and the default trend: the last eight.
QUARTER_CHOICES = 12
DEFAULT_TREND = 8
GROUP_KINDS = {"regio": "Regio", "grootte": "Gemeentegrootte", "probleem": "Meest gevraagde hulp"}
THEMES = [("Thema's", StoryTheme.choices), ("Leefgebieden", LifeDomain.choices)]
THEME_LABELS = dict(StoryTheme.choices) | dict(LifeDomain.choices)


def _choice(label: str, choices, *, required: bool = True, what: str = "iets", **kwargs):
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


def _multiple(label: str, choices, *, what: str, **kwargs):
    return forms.MultipleChoiceField(
        label=label,
        required=False,
        choices=choices,
        widget=forms.CheckboxSelectMultiple,
        error_messages={"invalid_choice": f"Kies {what} uit de lijst."},
        **kwargs,
    )


def quarter_range(start: Quarter, end: Quarter) -> list[Quarter]:
    quarters = [start]
    while quarters[-1] < end:
        quarters.append(quarters[-1].next())
    return quarters


def _municipality_choices(municipalities) -> list:
    """In the order given (per region), each with its region: a checkbox list has no groups."""
    return [(str(m.uuid), f"{m.name} ({m.region.name})") for m in municipalities]


class BenchmarkForm(forms.Form):
    """What the dashboard, the indicator page and the export show. Every field has a default
    (``with_defaults``): the previous quarter in the table, the last eight quarters in the
    trend, every municipality, the regions as groups."""

    quarter = _choice(
        "Kwartaal in de tabel",
        (),
        what="een kwartaal",
        help_text="Het lopende kwartaal is nog niet compleet.",
    )
    start = _choice("Trend vanaf", (), what="een kwartaal")
    end = _choice("Trend tot en met", (), what="een kwartaal")
    peer_group = _choice(
        "Vergelijken met",
        (),
        required=False,
        what="een groep",
        help_text=(
            "Een regio, gemeenten van dezelfde grootte of gemeenten waar dezelfde hulpvraag het "
            "vaakst de prio-vraag is. Dan staan alleen die gemeenten in de tabel, met de groep "
            "als geheel ernaast."
        ),
    )
    municipalities = _multiple(
        "Gemeenten",
        (),
        what="gemeenten",
        help_text="Geen keuze: alle gemeenten (van de gekozen groep).",
    )

    def __init__(self, *args, groups: list[PeerGroup], municipalities, **kwargs):
        super().__init__(*args, **kwargs)
        quarters = last_quarters(QUARTER_CHOICES)[::-1]
        labels = [(q.label, str(q)) for q in quarters]
        for name in ("quarter", "start", "end"):
            self.fields[name].choices = labels
        kinds: dict[str, list] = {}
        for group in groups:
            kinds.setdefault(GROUP_KINDS.get(group.kind, group.kind), []).append(
                (group.key, group.label)
            )
        self.fields["peer_group"].choices = [("", "Geen groep: per regio"), *kinds.items()]
        self.fields["municipalities"].choices = _municipality_choices(municipalities)
        self._groups = {group.key: group for group in groups}

    @classmethod
    def with_defaults(cls, query: QueryDict, **kwargs) -> "BenchmarkForm":
        data = query.copy()
        defaults = cls.defaults()
        for name, value in defaults.items():
            if not data.get(name):
                data[name] = value
        return cls(data, **kwargs)

    @staticmethod
    def defaults() -> dict[str, str]:
        trend = last_quarters(DEFAULT_TREND)
        previous = Quarter.containing(timezone.localdate()).previous()
        return {"quarter": previous.label, "start": trend[0].label, "end": trend[-1].label}

    def clean(self) -> dict:
        cleaned = super().clean()
        start, end = cleaned.get("start"), cleaned.get("end")
        if start and end and Quarter.parse(start) > Quarter.parse(end):
            self.add_error("end", "Kies een kwartaal na het begin van de trend.")
        return cleaned

    # Call these after ``is_valid()``.

    @property
    def table_quarter(self) -> Quarter:
        return Quarter.parse(self.cleaned_data["quarter"])

    @property
    def trend_quarters(self) -> list[Quarter]:
        data = self.cleaned_data
        return quarter_range(Quarter.parse(data["start"]), Quarter.parse(data["end"]))

    @property
    def quarters(self) -> list[Quarter]:
        """Every quarter to compute: the trend and the table's quarter."""
        return sorted({*self.trend_quarters, self.table_quarter})

    @property
    def group(self) -> PeerGroup | None:
        return self._groups.get(self.cleaned_data["peer_group"])

    @property
    def municipality_uuids(self) -> list[str]:
        return self.cleaned_data["municipalities"]


class StoryFilterForm(forms.Form):
    municipality = _choice("Gemeente", (), required=False, what="een gemeente")
    theme = _choice("Thema", [("", "Alle thema's"), *THEMES], required=False, what="een thema")
    indicator = _choice("Indicator", (), required=False, what="een indicator")

    def __init__(self, *args, municipalities, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["municipality"].choices = [
            ("", "Alle gemeenten"),
            *((str(m.uuid), m.name) for m in municipalities),
        ]
        self.fields["indicator"].choices = [("", "Alle indicatoren"), *story_indicators()]


def story_indicators() -> list[tuple[str, str]]:
    return [(i.code, str(i.name)) for i in CORE if i.available]


def _municipality_field(label: str, what: str) -> forms.ChoiceField:
    return _choice(label, (), what=what)


class _MunicipalityForm(forms.Form):
    """A form for one of ``municipalities``; ``cleaned_data["municipality"]`` is the object."""

    def __init__(self, *args, municipalities, **kwargs):
        super().__init__(*args, **kwargs)
        self._municipalities = {str(m.uuid): m for m in municipalities}
        field = self.fields["municipality"]
        field.choices = [
            ("", "Kies een gemeente"),
            *((k, m.name) for k, m in self._municipalities.items()),
        ]
        if len(self._municipalities) == 1:
            field.initial = next(iter(self._municipalities))

    def clean_municipality(self):
        return self._municipalities[self.cleaned_data["municipality"]]


class StoryForm(_MunicipalityForm):
    municipality = _municipality_field("Gemeente", "de gemeente")
    title = forms.CharField(
        label="Titel",
        max_length=200,
        help_text="In één zin, bijvoorbeeld: Eén plan hielp de school en de schuldhulp samen.",
        error_messages={"required": "Geef het verhaal een titel."},
    )
    text = _text(
        "Verhaal",
        rows=8,
        max_length=5000,
        help_text=(
            "Wat ging er goed of mis, en wat zegt dat over de cijfers? Beleid leest dit. "
            "Schrijf daarom geen namen, adressen, data, casusnummers of andere gegevens waarmee "
            "iemand te herkennen is."
        ),
    )
    themes = _multiple("Thema's", THEMES, what="thema's")
    indicator_codes = _multiple(
        "Bij welke indicatoren hoort het verhaal?",
        (),
        what="indicatoren",
        help_text="Het verhaal staat dan naast de cijfers van die indicatoren.",
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["indicator_codes"].choices = story_indicators()


def _measure_choices() -> list:
    kinds = {
        "telling": "Tellingen over casussen",
        MEDIAN: "Mediaan",
        POPULATION: "Bevolking (CBS)",
    }
    grouped: dict[str, list] = {}
    for measure in MEASURES.values():
        grouped.setdefault(kinds.get(measure.kind, measure.kind), []).append(
            (measure.code, measure.label)
        )
    return [("", "Kies een maat"), *grouped.items()]


class LocalIndicatorForm(_MunicipalityForm):
    municipality = _municipality_field("Gemeente", "de gemeente")
    name = forms.CharField(
        label="Naam",
        max_length=200,
        help_text="Bijvoorbeeld: Afgesloten met doelen bereikt, schulden.",
        error_messages={"required": "Geef de indicator een naam."},
    )
    description = _text(
        "Toelichting",
        required=False,
        rows=3,
        max_length=2000,
        help_text="Wat meet de indicator, en waarom wil de gemeente dit weten?",
    )
    numerator = _choice("Teller", (), what="de teller")
    denominator = _choice(
        "Noemer",
        (),
        what="de noemer",
        help_text="De waarde is teller gedeeld door noemer, maal de schaal.",
    )
    scale = forms.TypedChoiceField(
        label="Schaal",
        coerce=int,
        choices=Scale.choices,
        initial=Scale.PERCENT,
        error_messages={"invalid_choice": "Kies een schaal uit de lijst."},
    )
    priority_domain = _choice(
        "Alleen casussen met de prio-vraag op",
        [("", "Alle leefgebieden"), *LifeDomain.choices],
        required=False,
        what="een leefgebied",
    )
    service_type = _choice(
        "Alleen casussen met deze hulp",
        [("", "Alle soorten hulp"), *ServiceType.choices],
        required=False,
        what="een soort hulp",
        help_text="Een organisatie is betrokken voor deze soort hulp.",
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["numerator"].choices = self.fields["denominator"].choices = _measure_choices()
