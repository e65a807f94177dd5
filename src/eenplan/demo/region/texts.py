"""Dutch text of the generated region: questions, goals, actions, minutes and the like.

The questions, goal titles, agenda questions and agreements are the demo's synthetic history's
(``eenplan.demo.data.synthetic``); the rest is written for the region.
"""

from eenplan.common.constants import LifeDomain as D
from eenplan.demo.data.synthetic import AGENDA_QUESTIONS, AGREEMENTS, GOALS, QUESTIONS

__all__ = ["AGENDA_QUESTIONS", "AGREEMENTS", "GOALS", "QUESTIONS"]

HELP_QUESTIONS = {
    D.FINANCES: "Hulp bij het openen en ordenen van de post en de rekeningen.",
    D.WORK_EDUCATION: "Ondersteuning bij school of het zoeken naar werk.",
    D.TIME_USE: "Een vaste dagbesteding of vrijetijdsbesteding.",
    D.HOUSING: "Zorgen dat de huur op tijd betaald wordt.",
    D.DOMESTIC_RELATIONS: "Minder ruzie thuis en hulp bij de opvoeding.",
    D.MENTAL_HEALTH: "Iemand om mee te praten over de zorgen.",
    D.PHYSICAL_HEALTH: "Hulp bij afspraken met de huisarts en het ziekenhuis.",
    D.SUBSTANCE_USE: "Hulp om minder te drinken.",
    D.BASIC_ADL: "Hulp bij wassen en aankleden.",
    D.INSTRUMENTAL_ADL: "Hulp bij boodschappen en schoonmaken.",
    D.SOCIAL_NETWORK: "Mensen in de buurt die af en toe helpen.",
    D.PARTICIPATION: "Meedoen aan activiteiten in de wijk.",
    D.JUSTICE: "Hulp bij het afbetalen van boetes.",
}

ORGANISATION_ACTIONS = (
    "Gesprek met het gezin over de voortgang plannen en voeren.",
    "Aanvraag indienen en de beslissing volgen.",
    "Wekelijks huisbezoek en de afspraken samen doorlopen.",
    "Contact opnemen met de schuldeisers en een regeling voorstellen.",
    "Afstemmen met de andere betrokken organisaties.",
    "Een passend aanbod zoeken en het gezin erbij begeleiden.",
)
MEMBER_ACTIONS = (
    "Elke week de post openen en samen met de begeleider doornemen.",
    "Zelf een afspraak maken bij de huisarts.",
    "Het weekrooster bijhouden en ophangen in de keuken.",
    "Op tijd de huur betalen en het bewijs bewaren.",
)
NETWORK_ACTIONS = (
    "Eén keer per week helpen met de boodschappen.",
    "Op woensdagmiddag de kinderen opvangen.",
    "Mee naar de afspraak bij de kredietbank.",
)
CANCEL_REASON = "Niet meer nodig: het gezin heeft dit anders opgelost."

STRENGTHS = (
    "Het gezin wil zelf verder en staat open voor hulp.",
    "Er is een oma die vaak helpt en dichtbij woont.",
    "De ouders zijn betrokken bij de kinderen.",
    "Er is een vast inkomen en een dak boven het hoofd.",
)
CONCERNS = (
    "De problemen hangen met elkaar samen en stapelen zich op.",
    "Er zijn schulden en de post blijft liggen.",
    "Er is veel spanning in huis.",
    "Het netwerk is klein en raakt uitgeput.",
)
ESCALATION_REASONS = (
    "Organisaties zijn het niet eens over wie de hulp oppakt.",
    "De wachtlijst voor specialistische hulp houdt de voortgang tegen.",
    "De veiligheid van de kinderen vraagt om een snelle beslissing.",
)
ESCALATION_DECISION = "De gemeente heeft besloten de hulp direct in te zetten."
NETWORK_CONTRIBUTIONS = (
    "Helpt met de boodschappen.",
    "Past op de kinderen.",
    "Gaat mee naar afspraken.",
    "Luistert en is er als het moeilijk is.",
)
CONSENT_PURPOSE = "Samenwerken aan het plan van het huishouden."
LEGAL_BASIS_JUSTIFICATION = (
    "Ondertoezichtstelling: de gecertificeerde instelling heeft de gegevens nodig voor de "
    "uitvoering van de maatregel (Jeugdwet art. 7.1.1)."
)
MEETING_SUMMARY = "Besproken; de afspraken staan hieronder en in het plan."
DECISION_MOTIVATION = "Passend bij het doel in het plan (synthetische regio)."
SIGNAL_NOTE = "Besproken met de betrokken organisaties: het is goed zo."
POLICY_SIGNALS = (
    ("wachtlijsten", "Wachtlijst schuldhulp loopt op", "Gezinnen wachten maanden op een regeling."),
    ("samenwerking", "Scholen ontbreken aan tafel", "Bij jeugdcasussen is de school zelden er."),
    (
        "financiering",
        "Geen budget voor kleine oplossingen",
        "Een fiets of een koelkast kost weken.",
    ),
)
