"""Synthetic history: how many cases each demo municipality had over the past two years, and what
they were about. ``eenplan.demo.synthetic`` turns these profiles into cases with
``random.Random``, seeded per municipality, so the indicators' benchmark has numbers worth
comparing.

The profiles differ on purpose, so the comparison tells a story: Delfzijl is dominated by debts
(the harbour jobs that went), Appingedam by housing (earthquake damage), Loppersum by mental
health, Eemnes and Huizen by young families, Blaricum and Laren by older residents living alone,
Weesp by work, Hilversum by a city's mix. The numbers are invented; they only look plausible.
"""

from dataclasses import dataclass

from eenplan.cases.constants import ServiceType as Service
from eenplan.common.constants import LifeDomain as Domain
from eenplan.people.constants import Gender

SYNTHETIC_SEED = 111  # één gezin, één plan, één regisseur
SYNTHETIC_PREFIX = "Synthetisch huishouden"
QUARTERS = 8  # the history covers the current quarter and the seven before it
MEDIAN_DAYS = 200  # median duration of a case (log-normal, mean about 230 days)
MAX_DAYS = 720


@dataclass(frozen=True)
class ProfileSpec:
    cbs_code: str
    running_per_1000: float  # cases running at any moment, per 1,000 households
    domains: tuple[tuple[Domain, int], ...]  # the priority question's domain, with weights
    children: float  # share of households with children under 18
    days_to_contact: int  # median days from registration to the first contact
    plan_in_time: float  # share of intakes with an agreed plan within six weeks
    coordinator: float  # share of cases with an agreed coordinator
    goals_reached: float  # share of closures (with an agreed plan) with the goals reached
    overlap: float  # share of cases in which two organisations do the same
    overlap_resolved: float  # share of those resolved with an agreement
    returning: float  # share of new cases of a household whose case closed < 12 months ago


PROFILES = (
    # Proeftuin Eemsdelta
    ProfileSpec(
        "GM0010",  # Delfzijl
        running_per_1000=7.0,
        domains=(
            (Domain.FINANCES, 6),
            (Domain.WORK_EDUCATION, 2),
            (Domain.HOUSING, 1),
            (Domain.MENTAL_HEALTH, 1),
            (Domain.DOMESTIC_RELATIONS, 1),
            (Domain.SUBSTANCE_USE, 1),
        ),
        children=0.4,
        days_to_contact=9,
        plan_in_time=0.55,
        coordinator=0.85,
        goals_reached=0.6,
        overlap=0.36,
        overlap_resolved=0.7,
        returning=0.18,
    ),
    ProfileSpec(
        "GM0003",  # Appingedam
        running_per_1000=7.5,
        domains=(
            (Domain.HOUSING, 5),
            (Domain.MENTAL_HEALTH, 2),
            (Domain.FINANCES, 2),
            (Domain.DOMESTIC_RELATIONS, 1),
        ),
        children=0.4,
        days_to_contact=6,
        plan_in_time=0.7,
        coordinator=0.9,
        goals_reached=0.68,
        overlap=0.3,
        overlap_resolved=0.82,
        returning=0.14,
    ),
    ProfileSpec(
        "GM0024",  # Loppersum
        running_per_1000=8.0,
        domains=(
            (Domain.MENTAL_HEALTH, 4),
            (Domain.HOUSING, 3),
            (Domain.FINANCES, 1),
            (Domain.SOCIAL_NETWORK, 1),
        ),
        children=0.35,
        days_to_contact=13,
        plan_in_time=0.45,
        coordinator=0.78,
        goals_reached=0.55,
        overlap=0.38,
        overlap_resolved=0.6,
        returning=0.14,
    ),
    # Gooi en Vechtstreek
    ProfileSpec(
        "GM0376",  # Blaricum
        running_per_1000=5.5,
        domains=(
            (Domain.BASIC_ADL, 3),
            (Domain.INSTRUMENTAL_ADL, 2),
            (Domain.PHYSICAL_HEALTH, 2),
            (Domain.SOCIAL_NETWORK, 2),
            (Domain.MENTAL_HEALTH, 1),
        ),
        children=0.25,
        days_to_contact=5,
        plan_in_time=0.75,
        coordinator=0.9,
        goals_reached=0.72,
        overlap=0.3,
        overlap_resolved=0.85,
        returning=0.1,
    ),
    ProfileSpec(
        "GM0317",  # Eemnes
        running_per_1000=8.0,
        domains=(
            (Domain.DOMESTIC_RELATIONS, 5),
            (Domain.MENTAL_HEALTH, 2),
            (Domain.WORK_EDUCATION, 1),
            (Domain.FINANCES, 1),
        ),
        children=0.7,
        days_to_contact=7,
        plan_in_time=0.65,
        coordinator=0.85,
        goals_reached=0.66,
        overlap=0.36,
        overlap_resolved=0.75,
        returning=0.14,
    ),
    ProfileSpec(
        "GM1942",  # Gooise Meren
        running_per_1000=3.0,
        domains=(
            (Domain.DOMESTIC_RELATIONS, 3),
            (Domain.MENTAL_HEALTH, 3),
            (Domain.FINANCES, 2),
            (Domain.HOUSING, 1),
        ),
        children=0.55,
        days_to_contact=8,
        plan_in_time=0.6,
        coordinator=0.8,
        goals_reached=0.64,
        overlap=0.32,
        overlap_resolved=0.7,
        returning=0.16,
    ),
    ProfileSpec(
        "GM0402",  # Hilversum
        running_per_1000=3.0,
        domains=(
            (Domain.FINANCES, 3),
            (Domain.MENTAL_HEALTH, 3),
            (Domain.SUBSTANCE_USE, 2),
            (Domain.HOUSING, 2),
            (Domain.DOMESTIC_RELATIONS, 1),
            (Domain.JUSTICE, 1),
        ),
        children=0.4,
        days_to_contact=11,
        plan_in_time=0.5,
        coordinator=0.75,
        goals_reached=0.56,
        overlap=0.34,
        overlap_resolved=0.65,
        returning=0.2,
    ),
    ProfileSpec(
        "GM0406",  # Huizen
        running_per_1000=4.0,
        domains=(
            (Domain.DOMESTIC_RELATIONS, 4),
            (Domain.WORK_EDUCATION, 2),
            (Domain.MENTAL_HEALTH, 2),
        ),
        children=0.75,
        days_to_contact=6,
        plan_in_time=0.7,
        coordinator=0.9,
        goals_reached=0.7,
        overlap=0.32,
        overlap_resolved=0.8,
        returning=0.14,
    ),
    ProfileSpec(
        "GM0417",  # Laren
        running_per_1000=6.5,
        domains=(
            (Domain.BASIC_ADL, 3),
            (Domain.INSTRUMENTAL_ADL, 3),
            (Domain.PHYSICAL_HEALTH, 2),
            (Domain.SOCIAL_NETWORK, 2),
        ),
        children=0.2,
        days_to_contact=4,
        plan_in_time=0.8,
        coordinator=0.9,
        goals_reached=0.75,
        overlap=0.28,
        overlap_resolved=0.85,
        returning=0.1,
    ),
    ProfileSpec(
        "GM0457",  # Weesp
        running_per_1000=5.0,
        domains=((Domain.WORK_EDUCATION, 4), (Domain.FINANCES, 3), (Domain.PARTICIPATION, 1)),
        children=0.45,
        days_to_contact=9,
        plan_in_time=0.55,
        coordinator=0.8,
        goals_reached=0.6,
        overlap=0.32,
        overlap_resolved=0.7,
        returning=0.16,
    ),
    ProfileSpec(
        "GM1696",  # Wijdemeren
        running_per_1000=4.5,
        domains=(
            (Domain.SOCIAL_NETWORK, 3),
            (Domain.PHYSICAL_HEALTH, 2),
            (Domain.INSTRUMENTAL_ADL, 2),
            (Domain.HOUSING, 1),
        ),
        children=0.35,
        days_to_contact=7,
        plan_in_time=0.65,
        coordinator=0.85,
        goals_reached=0.66,
        overlap=0.3,
        overlap_resolved=0.75,
        returning=0.14,
    ),
)

# The synthetic organisations of each region, by key: (name, organisation type). Few on purpose:
# they appear wherever all organisations are listed. Each gives several kinds of help.
ORGANISATIONS = {
    "team": ("Synthetisch sociaal team", "wijkteam"),
    "werk": ("Synthetisch werk, inkomen en schulden", "werk"),
    "jeugd": ("Synthetische jeugd en gezin", "jeugdhulp"),
    "zorg": ("Synthetische zorg en welzijn", "thuiszorg"),
}
COORDINATING = "team"

# Who helps with the priority question: (organisation key, kind of help, for the children).
MAIN_HELP = {
    Domain.FINANCES: ("werk", Service.DEBT_HELP, False),
    Domain.WORK_EDUCATION: ("werk", Service.REINTEGRATION, False),
    Domain.TIME_USE: ("team", Service.SUPPORT, False),
    Domain.HOUSING: ("zorg", Service.HOUSING, False),
    Domain.DOMESTIC_RELATIONS: ("jeugd", Service.YOUTH_CARE_AMBULANT, True),
    Domain.MENTAL_HEALTH: ("zorg", Service.MENTAL_HEALTH, False),
    Domain.PHYSICAL_HEALTH: ("zorg", Service.HOUSEHOLD_HELP, False),
    Domain.SUBSTANCE_USE: ("zorg", Service.ADDICTION_CARE, False),
    Domain.BASIC_ADL: ("zorg", Service.HOUSEHOLD_HELP, False),
    Domain.INSTRUMENTAL_ADL: ("zorg", Service.SUPPORT, False),
    Domain.SOCIAL_NETWORK: ("team", Service.SUPPORT, False),
    Domain.PARTICIPATION: ("werk", Service.REINTEGRATION, False),
    Domain.JUSTICE: ("zorg", Service.SOCIAL_WORK, False),
}
# Without children at home, trouble at home is social work.
NO_CHILDREN_HELP = ("zorg", Service.SOCIAL_WORK, False)
# Domains where the residents are mostly older and live without children.
OLDER = {Domain.BASIC_ADL, Domain.INSTRUMENTAL_ADL, Domain.PHYSICAL_HEALTH}
# A second goal often goes with the first.
SECOND_GOAL = {
    Domain.FINANCES: Domain.WORK_EDUCATION,
    Domain.WORK_EDUCATION: Domain.FINANCES,
    Domain.HOUSING: Domain.FINANCES,
    Domain.DOMESTIC_RELATIONS: Domain.MENTAL_HEALTH,
    Domain.MENTAL_HEALTH: Domain.SOCIAL_NETWORK,
    Domain.SUBSTANCE_USE: Domain.FINANCES,
    Domain.BASIC_ADL: Domain.SOCIAL_NETWORK,
    Domain.INSTRUMENTAL_ADL: Domain.SOCIAL_NETWORK,
    Domain.PHYSICAL_HEALTH: Domain.INSTRUMENTAL_ADL,
    Domain.SOCIAL_NETWORK: Domain.TIME_USE,
    Domain.TIME_USE: Domain.SOCIAL_NETWORK,
    Domain.PARTICIPATION: Domain.FINANCES,
    Domain.JUSTICE: Domain.WORK_EDUCATION,
}

QUESTIONS = {
    Domain.FINANCES: "Wij willen weer grip op ons geld en van de schulden af.",
    Domain.WORK_EDUCATION: "Ik wil weer aan het werk en een eigen inkomen hebben.",
    Domain.TIME_USE: "Ik wil mijn dagen weer zinvol vullen.",
    Domain.HOUSING: "Wij willen in ons huis kunnen blijven wonen.",
    Domain.DOMESTIC_RELATIONS: "Wij willen dat het thuis weer rustig en veilig is.",
    Domain.MENTAL_HEALTH: "Ik wil mij weer goed genoeg voelen om de dag door te komen.",
    Domain.PHYSICAL_HEALTH: "Ik wil thuis blijven wonen ondanks mijn gezondheid.",
    Domain.SUBSTANCE_USE: "Ik wil minder drinken en gebruiken en dat volhouden.",
    Domain.BASIC_ADL: "Ik wil mijzelf weer kunnen verzorgen, met hulp waar het moet.",
    Domain.INSTRUMENTAL_ADL: "Ik wil het huishouden en de post weer aankunnen.",
    Domain.SOCIAL_NETWORK: "Ik wil minder alleen zijn en mensen om mij heen hebben.",
    Domain.PARTICIPATION: "Ik wil meedoen in de buurt en vrijwilligerswerk doen.",
    Domain.JUSTICE: "Ik wil uit de problemen blijven en mijn boetes afbetalen.",
}
GOALS = {
    Domain.FINANCES: "Een stabiel inkomen en een betalingsregeling voor alle schulden",
    Domain.WORK_EDUCATION: "Een passende baan, opleiding of dagbesteding",
    Domain.TIME_USE: "Een vaste weekstructuur",
    Domain.HOUSING: "Een veilige en betaalbare woning houden",
    Domain.DOMESTIC_RELATIONS: "Rust en veiligheid in huis",
    Domain.MENTAL_HEALTH: "Passende behandeling en minder klachten",
    Domain.PHYSICAL_HEALTH: "Zorg thuis die past bij de gezondheid",
    Domain.SUBSTANCE_USE: "Gebruik onder controle, terugval voorkomen",
    Domain.BASIC_ADL: "Zelf verzorgen met passende hulp",
    Domain.INSTRUMENTAL_ADL: "Huishouden en administratie op orde",
    Domain.SOCIAL_NETWORK: "Een netwerk dat meehelpt",
    Domain.PARTICIPATION: "Meedoen in de buurt",
    Domain.JUSTICE: "Geen nieuwe contacten met justitie",
}
AGENDA_QUESTIONS = (
    "Wie pakt welk deel van de hulp op, zodat het gezin één aanspreekpunt heeft?",
    "Hoe voorkomen we dat de hulp stilvalt tijdens de wachttijd?",
    "Wat is nodig om de volgende stap in het plan te zetten?",
    "Kan de hulp worden afgeschaald, en wie houdt een vinger aan de pols?",
)
AGREEMENTS = (
    "Regisseur plant een gezamenlijk gesprek met het gezin en de betrokken organisaties.",
    "Organisaties stemmen hun afspraken met het gezin af in één overzicht.",
    "Aanvraag voor de voorziening wordt ingediend en gevolgd.",
    "Evaluatie van het plan wordt voorbereid met het gezin.",
)
GIVEN_NAMES = {
    Gender.FEMALE: (
        "Anna",
        "Sanne",
        "Lisa",
        "Fatima",
        "Maria",
        "Ingrid",
        "Joyce",
        "Esra",
        "Petra",
        "Wilma",
    ),
    Gender.MALE: (
        "Jan",
        "Mohamed",
        "Peter",
        "Kevin",
        "Ruud",
        "Mehmet",
        "Bram",
        "Henk",
        "Dirk",
        "Sven",
    ),
}
