"""The standard core: indicators defined once, in code, identical for every municipality.

Each has a written definition (numerator, denominator, period, what counts) that the dashboard,
the export and the API show with the numbers. Changing one is a change to the shared standard:
do it in a release note, never per municipality. Municipalities add local indicators beside them
(``LocalIndicator``), built from the same measures.
"""

from dataclasses import dataclass

from django.utils.translation import gettext_lazy as _

from eenplan.indicators.constants import Scale
from eenplan.indicators.measures import MEASURES, MEDIAN


@dataclass(frozen=True)
class Indicator:
    code: str
    name: str
    numerator: str  # a measure code
    denominator: str  # a measure code; for a median: the count of what it is the median of
    scale: int
    unit: str
    counts: str  # what counts, in words
    period: str = _("Per kwartaal.")
    available: bool = True
    is_core: bool = True

    @property
    def is_median(self) -> bool:
        return self.available and MEASURES[self.numerator].kind == MEDIAN

    @property
    def numerator_label(self) -> str:
        return MEASURES[self.numerator].label if self.available else ""

    @property
    def denominator_label(self) -> str:
        return MEASURES[self.denominator].label if self.available else ""


CORE = (
    Indicator(
        "lopende_casussen_per_1000_huishoudens",
        _("Lopende casussen per 1.000 huishoudens"),
        "lopende_casussen",
        "huishoudens",
        Scale.PER_THOUSAND,
        _("per 1.000 huishoudens"),
        _(
            "Elke casus die op enig moment in het kwartaal liep (aangemeld voor het eind, niet "
            "afgesloten voor het begin), gedeeld door het aantal particuliere huishoudens "
            "volgens CBS op 1 januari."
        ),
    ),
    Indicator(
        "plan_binnen_zes_weken",
        _("Plan vastgesteld binnen 6 weken na de intake"),
        "plan_binnen_zes_weken",
        "intakes",
        Scale.PERCENT,
        "%",
        _(
            "Casussen waarvan de intake (het eerste contact) in het kwartaal begon en die een "
            "vastgestelde planversie hebben binnen 42 dagen daarna. Alleen intakes van ten "
            "minste zes weken geleden tellen mee."
        ),
    ),
    Indicator(
        "aandeel_met_regisseur",
        _("Casussen met een afgesproken regisseur"),
        "casussen_met_regisseur",
        "casussen_eind",
        Scale.PERCENT,
        "%",
        _(
            "Lopende casussen op de laatste dag van het kwartaal waarvoor toen een regisseur "
            "was afgesproken (vastgelegd op de tijdlijn)."
        ),
    ),
    Indicator(
        "dagen_tot_eerste_contact",
        _("Dagen van aanmelding tot eerste contact (mediaan)"),
        "dagen_tot_eerste_contact",
        "eerste_contacten",
        Scale.RATIO,
        _("dagen"),
        _(
            "Voor elke casus waarvan de intake in het kwartaal begon: het aantal dagen tussen "
            "aanmelding en het begin van de intake (de stap van Aanmelding naar Intake). "
            "Daarvan de mediaan."
        ),
    ),
    Indicator(
        "organisaties_per_casus",
        _("Betrokken organisaties per casus"),
        "organisaties_bij_casussen",
        "casussen_eind",
        Scale.RATIO,
        _("organisaties"),
        _(
            "Op de laatste dag van het kwartaal: het aantal verschillende organisaties met een "
            "lopende betrokkenheid, opgeteld over de lopende casussen, gedeeld door het aantal "
            "lopende casussen."
        ),
    ),
    Indicator(
        "overlapsignalen_per_100_casussen",
        _("Signalen 'dubbel werk' per 100 casussen"),
        "overlapsignalen",
        "lopende_casussen",
        Scale.PERCENT,
        _("per 100 casussen"),
        _(
            "Signalen dat twee organisaties op hetzelfde leefgebied dezelfde soort hulp geven, "
            "ontstaan in het kwartaal, per 100 casussen die in het kwartaal liepen."
        ),
    ),
    Indicator(
        "overlapsignalen_afgehandeld",
        _("Signalen 'dubbel werk' afgehandeld"),
        "overlapsignalen_afgehandeld",
        "overlapsignalen",
        Scale.PERCENT,
        "%",
        _(
            "Van de signalen 'dubbel werk' die in het kwartaal ontstonden: het deel dat nu is "
            "afgehandeld met een afspraak (wie gaat door, of het is goed zo). Vervallen "
            "signalen tellen niet als afgehandeld."
        ),
    ),
    Indicator(
        "vooruitgang_prio_leefgebied",
        _("Vooruitgang op het leefgebied van de prio-vraag"),
        "prio_vooruit",
        "prio_twee_metingen",
        Scale.PERCENT,
        "%",
        _(
            "Casussen die in het kwartaal liepen en tot het eind ervan op twee of meer data "
            "gemeten zijn op het leefgebied van de prio-vraag (ZRM of een ander instrument met "
            "dat leefgebied, van een gezinslid of het huishouden): het deel waarin de laatste "
            "score hoger is dan de eerste."
        ),
    ),
    Indicator(
        "afgesloten_doelen_bereikt",
        _("Afgesloten met doelen bereikt"),
        "afgesloten_doelen_bereikt",
        "afgesloten",
        Scale.PERCENT,
        "%",
        _(
            "Van de casussen die in het kwartaal zijn afgesloten: het deel met als reden "
            "'doelen bereikt'."
        ),
    ),
    Indicator(
        "terugkeer_binnen_12_maanden",
        _("Terugkeer binnen 12 maanden na afsluiten"),
        "terugkeer",
        "nieuwe_casussen",
        Scale.PERCENT,
        "%",
        _(
            "Van de casussen die in het kwartaal zijn aangemeld: het deel voor een huishouden "
            "waarvan een eerdere casus in de 12 maanden daarvoor is afgesloten. Een heropende "
            "casus telt niet als nieuwe aanmelding."
        ),
    ),
    Indicator(
        "open_afspraken_per_100_casussen",
        _("Open afspraken uit overleg per 100 casussen"),
        "open_afspraken",
        "casussen_eind",
        Scale.PERCENT,
        _("per 100 casussen"),
        _(
            "Afspraken uit casusoverleggen (gemaakt op of voor de laatste dag van het kwartaal) "
            "waarvan de actie toen nog niet klaar of geannuleerd was, per 100 lopende casussen."
        ),
    ),
    Indicator(
        "afspraken_over_deadline",
        _("Open afspraken over de deadline"),
        "afspraken_over_deadline",
        "open_afspraken",
        Scale.PERCENT,
        "%",
        _(
            "Van de open afspraken op de laatste dag van het kwartaal: het deel waarvan de "
            "deadline van de actie al voorbij was."
        ),
    ),
    Indicator(
        "tevredenheid",
        _("Tevredenheid van inwoners"),
        "cijfers_som",
        "cijfers",
        Scale.RATIO,
        _("rapportcijfer"),
        _(
            "Het gemiddelde rapportcijfer dat huishoudens in Mijn EenPlan geven voor hun plan. "
            "Elk gezinslid met een account geeft één cijfer (1 tot en met 10) per planperiode: "
            "de tijd vanaf een vastgestelde versie van het plan tot de volgende. Een cijfer telt "
            "mee in het kwartaal waarin het is gegeven (of voor het laatst veranderd). De "
            "cijfers opgeteld, gedeeld door het aantal cijfers. Bij minder dan 5 cijfers tonen "
            "we geen waarde."
        ),
    ),
    Indicator(
        "klachten_per_100_casussen",
        _("Klachten en bezwaren per 100 casussen"),
        "klachten",
        "lopende_casussen",
        Scale.PERCENT,
        _("per 100 casussen"),
        _(
            "Klachten en bezwaren samen (over de hulp, over een organisatie of tegen een besluit "
            "over een voorziening) die in het kwartaal zijn ontvangen, per 100 casussen die in "
            "het kwartaal liepen. Telt de datum van ontvangst, ook als de klacht of het bezwaar "
            "later is vastgelegd. Een klacht of bezwaar telt mee bij de gemeente van het "
            "huishouden van de casus."
        ),
    ),
    Indicator(
        "klachten_informeel_opgelost",
        _("Klachten en bezwaren opgelost in een gesprek"),
        "klachten_informeel",
        "klachten_afgehandeld",
        Scale.PERCENT,
        "%",
        _(
            "Van de klachten en bezwaren die in het kwartaal zijn afgehandeld: het deel dat is "
            "opgelost in een gesprek met de inwoner (de inwoner bevestigde dat in het gesprek of "
            "daarna in Mijn EenPlan). Telt de datum van afhandelen. Afgehandeld is ook: een "
            "besluit na de formele behandeling (gegrond, deels gegrond, ongegrond of "
            "niet-ontvankelijk) en ingetrokken door de inwoner."
        ),
    ),
    Indicator(
        "jongeren_met_jeugdhulp",
        _("Jongeren met jeugdhulp"),
        "jongeren_jeugdhulp",
        "jongeren",
        Scale.PERCENT,
        _("% van de jongeren"),
        _(
            "Beleidsindicator (BBV) zoals EenPlan die kan zien: jongeren onder 18 met een "
            "lopende betrokkenheid voor jeugdhulp (ambulant of met verblijf) in een lopende "
            "casus op de laatste dag, gedeeld door het aantal inwoners onder 18. Jeugdhulp "
            "buiten EenPlan telt niet mee."
        ),
    ),
    Indicator(
        "jongeren_met_jeugdbescherming",
        _("Jongeren met jeugdbescherming"),
        "jongeren_jeugdbescherming",
        "jongeren",
        Scale.PERCENT,
        _("% van de jongeren"),
        _(
            "Beleidsindicator (BBV) zoals EenPlan die kan zien: jongeren onder 18 met een "
            "lopende betrokkenheid van jeugdbescherming op de laatste dag, gedeeld door het "
            "aantal inwoners onder 18."
        ),
    ),
    Indicator(
        "wmo_maatwerk_per_1000_inwoners",
        _("Cliënten met Wmo-maatwerk per 1.000 inwoners"),
        "wmo_clienten",
        "inwoners",
        Scale.PER_THOUSAND,
        _("per 1.000 inwoners"),
        _(
            "Beleidsindicator (BBV) zoals EenPlan die kan zien: inwoners met een toegekende "
            "Wmo-maatwerkvoorziening (een besluit voor een iWmo-product) die op de laatste dag "
            "loopt, per 1.000 inwoners. Voorzieningen buiten EenPlan tellen niet mee."
        ),
    ),
    Indicator(
        "re_integratie_per_10000_inwoners",
        _("Lopende re-integratietrajecten per 10.000 inwoners"),
        "re_integratie",
        "inwoners",
        Scale.PER_TEN_THOUSAND,
        _("per 10.000 inwoners"),
        _(
            "Beleidsindicator (BBV) zoals EenPlan die kan zien: inwoners met een lopende "
            "betrokkenheid voor re-integratie op de laatste dag, per 10.000 inwoners."
        ),
    ),
)

CORE_BY_CODE = {indicator.code: indicator for indicator in CORE}


def local_indicator(local) -> Indicator:
    """A municipality's ``LocalIndicator`` in the shape of a core indicator."""
    filters = [
        str(label)
        for label in (local.get_priority_domain_display(), local.get_service_type_display())
        if label
    ]
    counts = local.description or _("Lokale indicator van %(municipality)s.") % {
        "municipality": local.municipality
    }
    if filters:
        counts = f"{counts} " + _("Alleen casussen met: %s.") % ", ".join(filters)
    return Indicator(
        code=local.code,
        name=local.name,
        numerator=local.numerator,
        denominator=local.denominator,
        scale=local.scale,
        unit=Scale(local.scale).label,
        counts=counts,
        is_core=False,
    )
