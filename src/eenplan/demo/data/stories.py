"""Stories from practice and a local indicator, for the indicators' dashboard.

A story explains a number: anonymous (no names, case numbers, addresses or dates; the service
refuses them), tagged with themes and the core indicators it belongs to, written by a demo
professional for a municipality their organisation serves. Nothing in them points to a demo
household.
"""

from dataclasses import dataclass

from eenplan.common.constants import LifeDomain
from eenplan.demo.data.regions import APPINGEDAM, DELFZIJL, LOPPERSUM
from eenplan.indicators.constants import Scale, StoryTheme


@dataclass(frozen=True)
class StorySpec:
    author: str  # username
    municipality: str  # CBS code
    title: str
    text: str
    themes: tuple[str, ...]
    indicators: tuple[str, ...]


@dataclass(frozen=True)
class LocalIndicatorSpec:
    author: str  # a functional admin of the municipality
    municipality: str
    name: str
    description: str
    numerator: str
    denominator: str
    scale: int
    priority_domain: str = ""


STORIES = (
    StorySpec(
        "wijkteam.delfzijl",
        DELFZIJL,
        "Eerst de schulden, dan de rest",
        "Een gezin met drie kinderen had schulden bij elf schuldeisers. Twee organisaties gaven "
        "allebei budgetbegeleiding, zonder het van elkaar te weten. Het signaal over dubbel werk "
        "bracht ze aan tafel: de kredietbank ging door, het sociaal team stopte daarmee en hield "
        "de regie. Binnen een half jaar stond er een betalingsregeling en kon een van de ouders "
        "beginnen aan een traject naar werk.",
        (LifeDomain.FINANCES, StoryTheme.COOPERATION),
        ("lopende_casussen_per_1000_huishoudens", "overlapsignalen_per_100_casussen"),
    ),
    StorySpec(
        "regisseur.appingedam",
        APPINGEDAM,
        "Eén plan na de schade aan het huis",
        "Na de schade aan hun huis zaten een moeder en haar zoon maanden in een wisselwoning. "
        "Woningcorporatie, schadeloket, school en wijkteam hadden ieder hun eigen afspraken met "
        "hen. Pas toen we binnen een paar weken één plan met één regisseur vaststelden, wist het "
        "gezin wie het aanspreekpunt was. Sindsdien stellen we bij elke nieuwe aanmelding in de "
        "eerste week de regisseur vast.",
        (LifeDomain.HOUSING, StoryTheme.COORDINATION),
        ("plan_binnen_zes_weken", "aandeel_met_regisseur"),
    ),
    StorySpec(
        "regisseur.loppersum",
        LOPPERSUM,
        "Wachten op de GGZ is geen stilzitten",
        "Een alleenstaande vader stond op de wachtlijst voor behandeling. In die maanden hielden "
        "de praktijkondersteuner en het sociaal team wekelijks contact en zochten we samen met "
        "zijn broer naar structuur in de week. Toen de behandeling begon, was er al vooruitgang "
        "te zien op de metingen. Het eerste contact na de aanmelding kwam bij ons sneller dan de "
        "behandeling zelf.",
        (LifeDomain.MENTAL_HEALTH, StoryTheme.WAITING),
        ("dagen_tot_eerste_contact", "vooruitgang_prio_leefgebied"),
    ),
    StorySpec(
        "jeugdhulp.uitvoerder",
        DELFZIJL,
        "Terug na een jaar",
        "Een gezin sloot het traject af met de doelen bereikt. Een jaar later meldde school zich "
        "opnieuw, toen de oudste zoon niet meer ging. Omdat het oude plan en de oude afspraken er "
        "nog waren, hoefde het gezin zijn verhaal niet opnieuw te vertellen. We leren ervan dat "
        "we bij het afsluiten beter afspreken wie een vinger aan de pols houdt.",
        (StoryTheme.RELAPSE, LifeDomain.DOMESTIC_RELATIONS),
        ("terugkeer_binnen_12_maanden", "afgesloten_doelen_bereikt"),
    ),
    StorySpec(
        "schuldhulp.uitvoerder",
        APPINGEDAM,
        "Afspraken die blijven liggen",
        "In het netwerkoverleg maken we veel afspraken, maar een deel bleef liggen omdat niemand "
        "de eigenaar was. Sinds elke afspraak een eigenaar en een deadline in het plan krijgt en "
        "de herinneringen automatisch gaan, zien we het aantal open afspraken over de deadline "
        "dalen.",
        (StoryTheme.COOPERATION,),
        ("open_afspraken_per_100_casussen", "afspraken_over_deadline"),
    ),
)

LOCAL_INDICATORS = (
    LocalIndicatorSpec(
        "beheer.eenplan",
        DELFZIJL,
        "Lopende casussen met prio-vraag Financiën per 1.000 huishoudens",
        "Hoeveel huishoudens met vooral geldzorgen een gezamenlijke aanpak hebben. Delfzijl "
        "volgt dit sinds veel banen in de haven verdwenen.",
        "lopende_casussen",
        "huishoudens",
        Scale.PER_THOUSAND,
        LifeDomain.FINANCES,
    ),
)
