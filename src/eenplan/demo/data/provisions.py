"""Provisions in Proeftuin Eemsdelta: the regional catalogue, contracts, the neighbourhood teams'
mandates, decisions for the demo households, and how the synthetic history turns into
decisions and a budget. Loaded by ``eenplan.demo.provisions``.

Product codes are the region's own (five characters, iWmo/iJw category first); tariffs are
invented but of a realistic order for 2025-2026. Years are relative to the day of seeding:
contracts run four years, from 1 January of last year to 31 December of the year after next (so
a decision of up to two years fits on any day of seeding); budgets are set for last year and
this year.
"""

from dataclasses import dataclass

from eenplan.demo.data import organisations as org
from eenplan.demo.data.regions import APPINGEDAM, DELFZIJL, LOPPERSUM
from eenplan.provisions.constants import BudgetDomain as D
from eenplan.provisions.constants import Frequency as F
from eenplan.provisions.constants import LegalBasis as L
from eenplan.provisions.constants import Standard as S
from eenplan.provisions.constants import Unit as U

ADMIN = "beheer.eenplan"  # configures the catalogue, contracts, mandates and budgets


@dataclass(frozen=True)
class ProductSpec:
    key: str
    name: str
    description: str
    unit: U
    frequency: F
    legal_basis: L
    domain: D
    standard: S = S.NONE
    category: str = ""
    code: str = ""
    list_price_cents: int | None = None


PRODUCTS = (
    ProductSpec(
        "hh", "Hulp bij het huishouden", "Schoonmaken en de was, zodat het huis leefbaar blijft.",
        U.HOUR, F.WEEK, L.WMO, D.WMO, S.IWMO, "01", "01A01",
    ),
    ProductSpec(
        "begeleiding", "Begeleiding individueel",
        "Een vaste begeleider helpt thuis met structuur, administratie en afspraken.",
        U.HOUR, F.WEEK, L.WMO, D.WMO, S.IWMO, "02", "02A01",
    ),
    ProductSpec(
        "dagbesteding", "Dagbesteding", "Een zinvolle dag in een groep, met vervoer.",
        U.DAY_PART, F.WEEK, L.WMO, D.WMO, S.IWMO, "07", "07A01",
    ),
    ProductSpec(
        "traplift", "Traplift (rechte trap)", "Een traplift, geplaatst en met vijf jaar onderhoud.",
        U.ITEM_OUTPUT, F.TOTAL, L.WMO, D.WMO, S.IWMO, "13", "13A01",
    ),
    ProductSpec(
        "hulpmiddel", "Hulpmiddel in bruikleen",
        "Bijvoorbeeld een douchestoel of rollator, in bruikleen via de thuiszorgwinkel.",
        U.ITEM_OUTPUT, F.MONTH, L.WMO, D.WMO, S.IWMO, "14", "14A01",
    ),
    ProductSpec(
        "ambulant", "Jeugdhulp ambulant",
        "Gesprekken met het kind en de ouders, thuis of op school.",
        U.HOUR, F.WEEK, L.YOUTH, D.YOUTH, S.IJW, "45", "45A01",
    ),
    ProductSpec(
        "verblijf", "Verblijf met behandeling",
        "Wonen in een behandelgroep of logeerhuis, fulltime of in het weekend.",
        U.DAY_AND_NIGHT, F.WEEK, L.YOUTH, D.YOUTH, S.IJW, "43", "43A01",
    ),
    ProductSpec(
        "schuldhulp", "Schuldhulpverlening",
        "Stabiliseren, een schuldregeling treffen en begeleiden tot de schulden weg zijn.",
        U.ITEM_EFFORT, F.MONTH, L.DEBT_HELP, D.DEBT_HELP,
    ),
    ProductSpec(
        "reintegratie", "Re-integratietraject",
        "Een half jaar training, stage en begeleiding naar betaald werk.",
        U.ITEM_EFFORT, F.TOTAL, L.PARTICIPATION, D.PARTICIPATION,
    ),
    ProductSpec(
        "bijzondere_bijstand", "Bijzondere bijstand",
        "Een vergoeding voor noodzakelijke kosten die iemand niet zelf kan betalen.",
        U.EURO, F.TOTAL, L.PARTICIPATION, D.PARTICIPATION,
    ),
    ProductSpec(
        "boodschappen", "Boodschappenservice",
        "Lokale winkeliers bezorgen de boodschappen aan huis; algemene voorziening, geen "
        "indicatie nodig.",
        U.ITEM_OUTPUT, F.WEEK, L.WMO, D.PREVENTION, list_price_cents=750,
    ),
)  # fmt: skip


@dataclass(frozen=True)
class ContractSpec:
    reference: str
    provider: str  # organisation name
    tariffs: tuple[tuple[str, int], ...]  # (product key, cents per unit)


CONTRACTS = (
    ContractSpec(
        "EEMS-WMO-01",
        org.THUISZORG,
        (
            ("hh", 3_650),
            ("begeleiding", 6_840),
            ("dagbesteding", 5_280),
            ("traplift", 465_000),
            ("hulpmiddel", 1_850),
        ),
    ),
    ContractSpec("EEMS-WMO-02", org.GGZ, (("begeleiding", 7_420),)),
    ContractSpec("EEMS-JW-01", org.JEUGDHULP, (("ambulant", 9_840), ("verblijf", 26_800))),
    ContractSpec("EEMS-JW-02", org.GGZ, (("ambulant", 11_280),)),
    ContractSpec("EEMS-SHV-01", org.KREDIETBANK, (("schuldhulp", 14_200),)),
    ContractSpec("EEMS-PW-01", org.WERKPLEIN, (("reintegratie", 485_000),)),
)

# The neighbourhood teams' mandate, the same in each municipality: wijkteamprofessionals of the
# team grant these products up to € 5.000 per decision and € 10.000 per resident per year, for at
# most twelve months. Residential youth care, re-integration and special assistance always go to
# the municipality.
MANDATE_NAME = "Mandaat wijkteam"
MANDATE_PRODUCTS = (
    "hh", "begeleiding", "dagbesteding", "traplift", "hulpmiddel", "ambulant", "schuldhulp",
    "boodschappen",
)  # fmt: skip
MANDATE_LIMITS = {"max_per_decision_cents": 500_000, "max_per_year_cents": 1_000_000}
MANDATE_MONTHS = 12
MANDATE_TEAMS = {
    DELFZIJL: org.SOCIAAL_TEAM_DELFZIJL,
    APPINGEDAM: org.WIJKTEAM_APPINGEDAM,
    LOPPERSUM: org.SOCIAAL_TEAM_LOPPERSUM,
}


# --- decisions for the demo households ----------------------------------------------------------


@dataclass(frozen=True)
class Outcome:
    """What happens after the request: ``approve`` / ``refuse`` (by an officer) or ``end``."""

    step: str
    by: str  # username
    reason: str
    days_ago: int = 0  # when (for end: the last day of the provision)


@dataclass(frozen=True)
class DecisionSpec:
    household: str
    member: int  # index in the household's members
    product: str  # product key
    provider: str  # organisation name; empty for a product with a list price
    volume: int
    start_days_ago: int
    months: int
    goal: str  # title of a goal in the household's plan
    motivation: str
    by: str  # username of the requester
    outcome: Outcome | None = None


DECISIONS = (
    # Within the team's mandate, from a goal: granted at once.
    DecisionSpec(
        "Familie Bakker", 2, "ambulant", org.JEUGDHULP, 2, 40, 4,
        "Jayden herkent zijn boosheid en heeft minder ruzie op school",
        "Jayden krijgt twee uur per week gesprekken over boosheid, zodat hij minder ruzie "
        "heeft op school; Sandra en Mark doen mee in het laatste gesprek.",
        "wijkteam.delfzijl",
    ),
    # Beyond the mandate (no mandate for residential care), approved by the municipality.
    DecisionSpec(
        "Familie Doornbos", 2, "verblijf", org.JEUGDHULP, 2, 60, 6,
        "Nova heeft een vaste, rustige plek als het thuis niet gaat",
        "Nova logeert elk weekend in het logeerhuis van Jeugdhulp Waddenkust, zodat zij rust "
        "heeft terwijl Kim in behandeling is en Tygo niet voor haar hoeft te zorgen.",
        "wijkteam.delfzijl",
        Outcome(
            "approve", "consulent.delfzijl",
            "Weekendverblijf voorkomt een uithuisplaatsing; de verslavingszorg start binnen "
            "zes weken. Na een half jaar evalueren met het gezin.",
        ),
    ),
    # Beyond the mandate, refused with reasons.
    DecisionSpec(
        "Familie Wiersma", 1, "bijzondere_bijstand", "", 1_850, 30, 1,
        "Het gezin komt rond zolang Johan niet kan werken",
        "Johan verdient door zijn ziekte minder; de vaste lasten van drie maanden kunnen zij "
        "niet betalen.",
        "wijkteam.delfzijl",
        Outcome(
            "refuse", "consulent.delfzijl",
            "Bijzondere bijstand is voor noodzakelijke bijzondere kosten, niet voor een "
            "inkomensterugval. Johan heeft recht op een Ziektewet-uitkering van het UWV; die gaat "
            "voor. Het wijkteam helpt bij de aanvraag en bij een betalingsregeling met de "
            "verhuurder.",
        ),
    ),
    # Beyond the mandate (eighteen months of debt help), waiting for consulent.delfzijl.
    DecisionSpec(
        "Huishouden Pranger", 0, "schuldhulp", org.KREDIETBANK, 1, -7, 18,
        "Esther en Niels kunnen in hun huis blijven wonen",
        "Esther heeft huurachterstand en schulden bij zes schuldeisers. De Kredietbank "
        "stabiliseert en treft een schuldregeling van achttien maanden, zodat de ontruiming "
        "van tafel kan.",
        "wijkteam.delfzijl",
    ),
    # Within the mandate and ended early.
    DecisionSpec(
        "Familie Wiersma", 1, "hh", org.THUISZORG, 2, 150, 12,
        "Johan krijgt behandeling voor zijn depressie",
        "Zolang Johan niet uit bed komt, neemt de thuiszorg twee uur per week het huishouden "
        "over, zodat Eva niet voor het gezin hoeft te zorgen.",
        "wijkteam.delfzijl",
        Outcome(
            "end", "wijkteam.delfzijl",
            "Johan doet het huishouden weer grotendeels zelf; Petra en de kinderen doen de rest.",
            days_ago=20,
        ),
    ),
    # Appingedam: the stairlift the plan speaks of, within the team's mandate, and home help
    # beyond it, approved by the municipality.
    DecisionSpec(
        "Familie Hoekstra", 2, "traplift", org.THUISZORG, 1, 100, 3,
        "Opa en oma kunnen veilig thuis blijven wonen",
        "Oma Aaltje kan de trap niet meer veilig op en de slaapkamer en badkamer zijn boven. "
        "Met een traplift kunnen opa en oma thuis blijven wonen.",
        "wijkteam.appingedam",
    ),
    DecisionSpec(
        "Familie Hoekstra", 1, "hh", org.THUISZORG, 3, 95, 12,
        "Opa en oma kunnen veilig thuis blijven wonen",
        "Opa en oma redden het huishouden niet meer en Bas trekt het naast zijn werk niet: "
        "drie uur per week hulp bij het huishouden.",
        "wijkteam.appingedam",
        Outcome("approve", "consulent.appingedam", "Noodzakelijk; Bas is overbelast."),
    ),
    # Loppersum: refused twelve days ago, still open to objection. Monique has not objected
    # yet: in the demo she does so herself in Mijn EenPlan (see eenplan.demo.data.complaints).
    DecisionSpec(
        "Huishouden Van der Laan", 0, "bijzondere_bijstand", "", 385, 3, 1,
        "Dylan gaat weer elke dag naar school",
        "Dylan schaamt zich voor zijn kleren en blijft daarom thuis van school. Monique kan "
        "nieuwe winterkleren en schoenen voor hem niet betalen.",
        "regisseur.loppersum",
        Outcome(
            "refuse", "consulent.loppersum",
            "Kleren zijn een gewone uitgave. Die betaalt u van uw inkomen en uw toeslagen; "
            "daarvoor is bijzondere bijstand niet bedoeld. Stichting Leergeld kan helpen met "
            "kleren voor school. Hilde Brouwer helpt u met die aanvraag.",
        ),
    ),
)  # fmt: skip


# --- the synthetic history's decisions ----------------------------------------------------------

PROVISIONS_SEED = 714  # Wmo 2015 art. 2.3.5 lid 4: een maatwerkvoorziening

# Per kind of help of a synthetic involvement: the product, the volume per frequency (low, high),
# the months of one decision (a longer involvement gets a new decision, as re-indication does)
# and the chance that the help is a paid provision at all (a Werkplein coach, for one, is not).
# Kinds not named here (coordination, youth protection, addiction care, social work, ...) are
# paid from elsewhere and get no decision.
SYNTHETIC = {
    "jeugdhulp_ambulant": ("ambulant", (2, 5), 6, 1.0),
    "jeugdhulp_verblijf": ("verblijf", (5, 7), 6, 1.0),
    "begeleiding": ("begeleiding", (2, 5), 12, 1.0),
    "huisvesting": ("begeleiding", (2, 4), 12, 0.6),
    "ggz": ("begeleiding", (2, 3), 12, 0.5),
    "huishoudelijke_hulp": ("hh", (2, 4), 12, 1.0),
    "schuldhulp": ("schuldhulp", (1, 1), 12, 1.0),
    "re_integratie": ("reintegratie", (1, 1), 6, 0.5),
    "inkomen": ("bijzondere_bijstand", (250, 1_500), 1, 1.0),
}
# Besides the main product, now and then another one: (product, chance, volume).
EXTRAS = {
    "hh": (("boodschappen", 0.5, (1, 2)), ("hulpmiddel", 0.3, (1, 1)), ("traplift", 0.1, (1, 1))),
    "begeleiding": (("dagbesteding", 0.25, (2, 4)), ("boodschappen", 0.15, (1, 2))),
    "schuldhulp": (("bijzondere_bijstand", 0.35, (250, 1_500)),),  # a deposit, a fridge
}
DELIVERED = (0.9, 1.0)  # a claim is this share of the month's commitment

# The budgets are sized on what the synthetic history commits. The history holds only the
# households in the joint approach (about 7 per 1,000), so a real budget of about € 1.200 per
# inhabitant would dwarf it. Instead each domain's allocation is its forecast (where claims come
# in: youth and Wmo) or its commitments (elsewhere) divided by the share below, rounded, so the
# page tells the same story whenever the demo is seeded. This year: youth over its allocation in
# Delfzijl (a warning), Wmo close to it in Appingedam, Loppersum within budget. Prevention also
# pays subsidies without decisions: at least the amount per inhabitant in FLOOR.
USAGE_THIS_YEAR = {
    DELFZIJL: {D.YOUTH: 1.08, D.WMO: 0.82, D.PARTICIPATION: 0.8, D.DEBT_HELP: 0.8},
    APPINGEDAM: {D.YOUTH: 0.8, D.WMO: 0.96, D.PARTICIPATION: 0.8, D.DEBT_HELP: 0.8},
    LOPPERSUM: {D.YOUTH: 0.8, D.WMO: 0.8, D.PARTICIPATION: 0.8, D.DEBT_HELP: 0.8},
}
USAGE_LAST_YEAR = {D.YOUTH: 1.0, D.WMO: 0.95, D.PARTICIPATION: 0.92, D.DEBT_HELP: 0.93}
USAGE_PREVENTION = 0.5
FLOOR_CENTS_PER_INHABITANT = {D.PREVENTION: 300}
ROUND_TO_CENTS = 100_000  # allocations in whole thousands of euros

# Last year the policy officer moved money from prevention to youth at the autumn review.
SHIFT_BY = "beleid.delfzijl"
SHIFT_SHARE = 0.2  # of the prevention allocation
SHIFT_REASON = (
    "Najaarsnota: het tekort op jeugdhulp met verblijf opgevangen uit de ruimte bij preventie."
)
