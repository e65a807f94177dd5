"""A year of monthly network meetings in Proeftuin Eemsdelta, as text the loader draws from.

The meetings themselves are generated (``eenplan.demo.consultations``): one series per
municipality, on the second Tuesday of each month, each case of the municipality on the agenda
about once a quarter. What is said in them is written here. Questions to the meeting and policy
signals are read by people who may not see the case, so they name no one.
"""

from dataclasses import dataclass

from eenplan.consultations.constants import PolicySignalStatus, PolicyTheme
from eenplan.demo.data.regions import APPINGEDAM, DELFZIJL, LOPPERSUM

MONTHS_BACK = 12
CASE_EVERY_MONTHS = 3  # each case comes back about once a quarter
AGREEMENT_DAYS = 21  # agreements are due three weeks after the meeting


@dataclass(frozen=True)
class SeriesSpec:
    municipality: str  # CBS code
    name: str
    chair: str  # username
    location: str


SERIES = (
    SeriesSpec(DELFZIJL, "Netwerkoverleg Delfzijl", "regisseur.delfzijl", "Stadhuis Delfzijl"),
    SeriesSpec(
        APPINGEDAM, "Netwerkoverleg Appingedam", "regisseur.appingedam", "Wijkcentrum Opwierde"
    ),
    SeriesSpec(LOPPERSUM, "Netwerkoverleg Loppersum", "regisseur.loppersum", "Dorpshuis Loppersum"),
)

QUESTIONS = (
    "Wie wordt het eerste aanspreekpunt voor het gezin?",
    "Hoe voorkomen we dat de schulden verder oplopen terwijl de hulp nog start?",
    "Welke organisatie kan het eerst iets doen aan de woonsituatie?",
    "Hoe stemmen we de gesprekken met de ouders op elkaar af, zodat het gezin niet overvraagd "
    "wordt?",
    "Wat is er nodig om de kinderen weer elke dag naar school te laten gaan?",
    "Het plan loopt vast: wie pakt welke actie op?",
)

SUMMARIES = (
    "Alle partners lichtten toe wat zij nu doen. Er zijn twee hulpverleners met dezelfde "
    "vraag bezig; we spreken af wie doorgaat. Het gezin wil één vast aanspreekpunt.",
    "De schulden staan voorop: zonder rust in de financiën lukt de rest niet. De "
    "woningcorporatie wacht met maatregelen zolang er een betalingsregeling komt.",
    "Het gaat beter: de eerste doelen zijn gehaald. We bouwen de hulp af waar dat kan en "
    "houden vinger aan de pols.",
    "Er is zorg over de veiligheid thuis. We spreken af wie contact houdt en wanneer we "
    "opnieuw kijken.",
)

# (what was agreed, owner): "professional" is the one who brought the case, "household" its
# contact person.
AGREEMENTS = (
    ("Is het eerste aanspreekpunt en belt het gezin elke week.", "professional"),
    ("Vraagt een betalingsregeling aan bij de schuldeisers.", "professional"),
    ("Brengt alle post van de afgelopen maand mee naar het volgende gesprek.", "household"),
    ("Plant een gesprek met school over de aanwezigheid van de kinderen.", "professional"),
    ("Meldt zich aan bij de inloop van het wijkteam.", "household"),
    ("Zet de aanvraag voor bijzondere bijstand in gang.", "professional"),
)

DECISION = "Het netwerk bespreekt de casus over drie maanden opnieuw."


@dataclass(frozen=True)
class PolicySignalSpec:
    theme: PolicyTheme
    title: str
    description: str
    raised_by: str  # username
    municipality: str  # CBS code
    months_ago: int
    status: PolicySignalStatus = PolicySignalStatus.OPEN
    responded_by: str = ""
    response: str = ""


POLICY_SIGNALS = (
    PolicySignalSpec(
        PolicyTheme.WAITING_LISTS,
        "Lange wachttijd voor een eerste gesprek bij schuldhulp",
        "Gezinnen wachten zes tot acht weken op een eerste gesprek. In die tijd lopen de "
        "schulden op en haken mensen af.",
        "regisseur.delfzijl",
        DELFZIJL,
        months_ago=9,
        status=PolicySignalStatus.ACTED_ON,
        responded_by="beleid.delfzijl",
        response="Vanaf dit kwartaal is er een spreekuur zonder afspraak in het stadhuis. "
        "We meten de wachttijd elk kwartaal.",
    ),
    PolicySignalSpec(
        PolicyTheme.CONTRACTS,
        "Geen nazorg na afronding van schuldhulp ingekocht",
        "Na het afronden van een schuldregeling valt de begeleiding weg. Een deel van de "
        "gezinnen komt binnen een jaar terug.",
        "wijkteam.delfzijl",
        DELFZIJL,
        months_ago=6,
        status=PolicySignalStatus.CONSIDERING,
        responded_by="beleid.delfzijl",
        response="We nemen nazorg mee in de nieuwe inkoopronde. Voor de zomer horen jullie meer.",
    ),
    PolicySignalSpec(
        PolicyTheme.COOPERATION,
        "Scholen schuiven niet aan bij het netwerkoverleg",
        "Bij gezinnen met schoolgaande kinderen ontbreekt de school aan tafel. Afspraken over "
        "aanwezigheid komen daardoor laat.",
        "regisseur.loppersum",
        LOPPERSUM,
        months_ago=4,
        status=PolicySignalStatus.ACTED_ON,
        responded_by="teamleider.wijkteam",
        response="De intern begeleiders krijgen een vaste uitnodiging; de school van het "
        "dorp schuift vanaf volgende maand aan.",
    ),
    PolicySignalSpec(
        PolicyTheme.RULES,
        "Bijzondere bijstand vraagt drie keer dezelfde bewijsstukken",
        "Gezinnen moeten dezelfde stukken aanleveren bij de aanvraag, de herbeoordeling en de "
        "verantwoording. Dat kost hun en ons veel tijd.",
        "regisseur.appingedam",
        APPINGEDAM,
        months_ago=2,
    ),
    PolicySignalSpec(
        PolicyTheme.FUNDING,
        "Geen budget voor kleine, snelle oplossingen",
        "Soms is een kleine uitgave genoeg om erger te voorkomen, zoals een fiets om naar werk "
        "te gaan. Daar is nu geen potje voor.",
        "wijkteam.delfzijl",
        DELFZIJL,
        months_ago=1,
        status=PolicySignalStatus.DECLINED,
        responded_by="beleid.delfzijl",
        response="Een apart budget komt er niet. Het wijkteam kan dit binnen het mandaat voor "
        "maatwerk regelen; we lichten dat toe in het teamoverleg.",
    ),
)
