"""Complaints and objections in Proeftuin Eemsdelta, loaded by ``eenplan.demo.complaints``.

Each municipality has a complaints handler (``klachten.delfzijl``, ``klachten.appingedam``,
``klachten.loppersum``) who handles what comes in about its households. There is one in every
state: new, in conversation, waiting for the citizen's confirmation in Mijn EenPlan, mediation,
the formal route with the acknowledgement, a postponement and a hearing planned, decided,
resolved in a conversation and withdrawn. Most end in a conversation. The objections are against
the demo's refused and ended decisions of Familie Wiersma.

Monique van der Laan (``monique.vanderlaan``) has a refused request for special assistance
(``eenplan.demo.data.provisions``) that she has not objected to yet: that is the portal's story,
"a citizen objects to a refused decision", left for the demo itself.

Days are counted back from the day of seeding; a hearing is planned days ahead. A complaint is
registered by a professional who works on the case (the coordinator, who took the call or the
letter), unless ``by`` is a citizen account: then it comes in through Mijn EenPlan, today.
"""

from dataclasses import dataclass

from eenplan.complaints.constants import Channel, ContactOutcome, ContactWay, Kind, Outcome, Theme
from eenplan.demo.data import organisations as org
from eenplan.demo.data.portal import BAKKER, MULDER, WIERSMA

CONTACT, FORMAL, ACKNOWLEDGE, EXTEND, HEARING, HEARD, DECIDE, WITHDRAW = (
    "contact",
    "formeel",
    "ontvangstbevestiging",
    "uitstel",
    "hoorzitting",
    "gehoord",
    "besluit",
    "intrekken",
)


@dataclass(frozen=True)
class StepSpec:
    """One thing the handler does, ``days_ago`` (for a hearing: planned ``days_ago``, held
    ``in_days`` from the day of seeding)."""

    what: str
    days_ago: int
    text: str = ""
    way: ContactWay = ContactWay.PHONE
    outcome: str = ""  # a ContactOutcome for a contact, an Outcome for a decision
    weeks: int = 0
    in_days: int = 0
    place: str = ""


@dataclass(frozen=True)
class ComplaintSpec:
    household: str
    member: int  # index in the household's members: whom it is from
    kind: Kind
    received_days_ago: int
    by: str  # username of who registered it
    description: str
    theme: Theme = Theme.OTHER
    channel: Channel = Channel.PHONE
    about: tuple[str, ...] = ()  # names of organisations working on the case
    decision: str = ""  # an objection: the product key of the decision it is against
    steps: tuple[StepSpec, ...] = ()


def contact(days_ago: int, outcome: ContactOutcome, text: str, way=ContactWay.PHONE) -> StepSpec:
    return StepSpec(CONTACT, days_ago, text, way=way, outcome=outcome)


R = ContactOutcome

COMPLAINTS = (
    # --- Delfzijl -----------------------------------------------------------------------------
    ComplaintSpec(
        WIERSMA, 1, Kind.OBJECTION, 30, "mw.regisseur",
        "Ik ben het niet eens met de afwijzing van de bijzondere bijstand. De Ziektewet-uitkering "
        "laat maanden op zich wachten en in die tijd kunnen wij de huur niet betalen.",
        channel=Channel.LETTER, decision="bijzondere_bijstand",
        steps=(
            contact(
                27, R.FORMAL,
                "Bij Johan thuis gesproken, met Petra erbij. De uitkering van het UWV is "
                "aangevraagd maar nog niet toegekend. Johan wil dat de gemeente formeel over zijn "
                "bezwaar beslist.",
                way=ContactWay.VISIT,
            ),
            StepSpec(ACKNOWLEDGE, 26),
            StepSpec(
                EXTEND, 5,
                "We wachten op het besluit van het UWV over de Ziektewet-uitkering; dat weegt mee "
                "in de beslissing op het bezwaar.",
                weeks=4,
            ),
            StepSpec(HEARING, 5, in_days=9, place="Gemeentehuis Delfzijl, spreekkamer 2"),
        ),
    ),
    ComplaintSpec(
        WIERSMA, 1, Kind.OBJECTION, 18, "mw.regisseur",
        "De hulp bij het huishouden is gestopt. Het gaat beter met mij, maar als het weer "
        "slechter gaat, moeten Petra en Eva alles weer alleen doen.",
        channel=Channel.EMAIL, decision="hh",
        steps=(
            contact(
                15, R.RESOLVED,
                "Johan gebeld, Petra luisterde mee. Afgesproken: het wijkteam kijkt over zes weken "
                "samen met hen hoe het gaat. Gaat het slechter, dan vraagt de regisseur de hulp "
                "meteen opnieuw aan. Johan vindt het zo goed; het bezwaar is daarmee opgelost.",
            ),
        ),
    ),
    ComplaintSpec(
        WIERSMA, 2, Kind.COMPLAINT, 0, "eva.wiersma",
        "Iedereen praat over mijn vader en over Daan, maar niemand vraagt wat ik zelf wil. Ik "
        "zorg elke dag voor het gezin en ik wil ook gehoord worden.",
        theme=Theme.TREATMENT, channel=Channel.PORTAL, about=(org.SOCIAAL_TEAM_DELFZIJL,),
    ),
    ComplaintSpec(
        BAKKER, 0, Kind.COMPLAINT, 12, "regisseur.delfzijl",
        "De Kredietbank belt niet terug. Ik wacht al drie weken op een antwoord over de "
        "betalingsregeling en de deurwaarder staat bijna voor de deur.",
        theme=Theme.WAITING, about=(org.KREDIETBANK,),
        steps=(
            contact(
                9, R.RESOLVED_CONFIRM_IN_PORTAL,
                "Sandra gebeld. De Kredietbank had haar nieuwe telefoonnummer niet. De "
                "schuldhulpverlener belt haar deze week en neemt contact op met de deurwaarder. "
                "Sandra laat in Mijn EenPlan weten of het zo is opgelost.",
            ),
        ),
    ),
    ComplaintSpec(
        "Familie Doornbos", 0, Kind.COMPLAINT, 40, "regisseur.delfzijl",
        "Bij de overdracht in het logeerhuis werd over mij gepraat waar Nova bij stond. Ik voelde "
        "me niet serieus genomen.",
        theme=Theme.TREATMENT, channel=Channel.DESK, about=(org.JEUGDHULP,),
        steps=(
            contact(
                36, R.TALK_AGAIN,
                "Met Kim op kantoor gesproken. Ze wil eerst zelf nadenken over wat ze van "
                "Jeugdhulp Waddenkust verwacht. Over twee weken praten we verder.",
                way=ContactWay.MEETING,
            ),
            contact(
                22, R.MEDIATION,
                "Tweede gesprek. Kim wil graag met de begeleider van het logeerhuis om tafel, met "
                "iemand erbij die niet van Jeugdhulp Waddenkust is. Bemiddeling aangeboden; Kim "
                "gaat akkoord.",
                way=ContactWay.MEETING,
            ),
        ),
    ),
    ComplaintSpec(
        BAKKER, 1, Kind.COMPLAINT, 200, "regisseur.delfzijl",
        "Ik moest voor het Werkplein drie keer dezelfde papieren inleveren. Niemand weet wat "
        "een ander al heeft.",
        theme=Theme.COMMUNICATION, about=(org.WERKPLEIN,),
        steps=(
            contact(
                197, R.RESOLVED,
                "Mark gebeld. De papieren staan nu in één dossier en hij heeft één vaste "
                "contactpersoon bij het Werkplein. Mark is tevreden.",
            ),
        ),
    ),
    ComplaintSpec(
        "Huishouden Pranger", 0, Kind.COMPLAINT, 110, "wijkteam.delfzijl",
        "Elke keer als ik de gemeente bel, krijg ik iemand anders aan de lijn en moet ik mijn "
        "verhaal opnieuw vertellen.",
        theme=Theme.REACHABILITY, about=(org.GEMEENTE_DELFZIJL,),
        steps=(
            contact(108, R.NOT_REACHED, "Twee keer gebeld, geen gehoor. Voicemail ingesproken."),
            contact(
                105, R.RESOLVED,
                "Bij Esther thuis geweest. Sander Veenstra is vanaf nu haar vaste consulent, met "
                "een direct nummer. Esther vindt de klacht daarmee opgelost.",
                way=ContactWay.VISIT,
            ),
        ),
    ),
    ComplaintSpec(
        "Familie De Vries", 0, Kind.COMPLAINT, 35, "wijkteam.delfzijl",
        "De jeugdbeschermer kwam zonder afspraak langs terwijl de kinderen thuis waren. Dat was "
        "erg schrikken voor Finn en Saar.",
        theme=Theme.TREATMENT, about=(org.JEUGDBESCHERMING,),
        steps=(
            contact(
                33, R.RESOLVED,
                "Bij Linda thuis gesproken. De jeugdbeschermer legde uit waarom ze kwam en "
                "zegde toe voortaan een dag van tevoren te bellen. Linda vindt het zo goed.",
                way=ContactWay.VISIT,
            ),
        ),
    ),
    # --- Appingedam ---------------------------------------------------------------------------
    ComplaintSpec(
        "Familie Hoekstra", 0, Kind.COMPLAINT, 250, "regisseur.appingedam",
        "De thuiszorg is drie weken niet gekomen om het huishouden te doen. Opa en oma zaten in "
        "een vies huis en niemand liet iets weten.",
        theme=Theme.WAITING, channel=Channel.EMAIL, about=(org.THUISZORG,),
        steps=(
            contact(
                246, R.RESOLVED,
                "Bas gebeld. Thuiszorg Dijkhuis had te weinig mensen door ziekte. Er komt nu "
                "een vaste vervanger en Bas krijgt bericht als het een keer niet lukt.",
            ),
        ),
    ),
    ComplaintSpec(
        "Familie Tesfay", 0, Kind.COMPLAINT, 80, "wijkteam.appingedam",
        "Mijn klantmanager bij het Werkplein zei dat ik eerst beter Nederlands moet leren "
        "voordat ik mag werken. Ik heb een baan aangeboden gekregen en die ging niet door.",
        theme=Theme.TREATMENT, channel=Channel.LETTER, about=(org.WERKPLEIN,),
        steps=(
            contact(
                77, R.FORMAL,
                "Met Yonas en een tolk op kantoor gesproken. Yonas wil een formeel oordeel over "
                "hoe het Werkplein met de baan is omgegaan.",
                way=ContactWay.MEETING,
            ),
            StepSpec(ACKNOWLEDGE, 76),
            StepSpec(
                HEARD, 55,
                "Yonas is gehoord, met tolk, en de klantmanager ook. De baan paste bij zijn "
                "taalniveau; de klantmanager had dat beter moeten uitzoeken.",
            ),
            StepSpec(
                DECIDE, 45,
                "De klacht is deels gegrond. Het Werkplein had de baan niet mogen afraden "
                "zonder met de werkgever te praten. Dat Yonas een taalcursus volgt naast zijn "
                "werk, was wel een goed advies.",
                outcome=Outcome.PARTLY_FOUNDED,
            ),
        ),
    ),
    ComplaintSpec(
        "Huishouden Zuidema", 0, Kind.COMPLAINT, 6, "wijkteam.appingedam",
        "Ik krijg brieven van de GGZ die ik niet begrijp, en als ik bel krijg ik een bandje.",
        theme=Theme.COMMUNICATION, about=(org.GGZ,),
        steps=(
            contact(
                3, R.TALK_AGAIN,
                "Harm gebeld. Hij wil de brieven samen doornemen. Volgende week een afspraak "
                "bij hem thuis, met zijn begeleider van de GGZ erbij.",
            ),
        ),
    ),
    ComplaintSpec(
        "Familie Meijer", 0, Kind.COMPLAINT, 20, "regisseur.appingedam",
        "De Kredietbank stuurt alle post naar het oude adres. Daardoor miste ik een afspraak en "
        "nu moet ik weer weken wachten.",
        theme=Theme.COMMUNICATION, about=(org.KREDIETBANK,),
        steps=(
            contact(
                17, R.RESOLVED,
                "Demi gebeld. Het adres is aangepast en de Kredietbank heeft een nieuwe afspraak "
                "gemaakt, al volgende week. Demi vindt het zo opgelost.",
            ),
        ),
    ),
    # --- Loppersum ----------------------------------------------------------------------------
    ComplaintSpec(
        MULDER, 0, Kind.COMPLAINT, 150, "regisseur.loppersum",
        "We hoorden pas een week van tevoren dat we naar de wisselwoning moesten. Met Sietse "
        "erbij was dat veel te kort.",
        theme=Theme.COMMUNICATION, about=(org.GEMEENTE_LOPPERSUM,),
        steps=(
            contact(
                146, R.RESOLVED,
                "Bij Annemiek en Jan thuis geweest. De gemeente excuseert zich; de brief was te "
                "laat verstuurd. De verhuizing schuift twee weken op en de regisseur helpt bij "
                "het inpakken. Annemiek en Jan vinden het zo goed.",
                way=ContactWay.VISIT,
            ),
        ),
    ),
    ComplaintSpec(
        "Familie Smeenge", 0, Kind.COMPLAINT, 60, "regisseur.loppersum",
        "Jelmer staat al maanden op de wachtlijst voor het logeerhuis. Wij kunnen niet meer.",
        theme=Theme.WAITING, channel=Channel.EMAIL, about=(org.JEUGDHULP,),
        steps=(
            contact(
                57, R.TALK_AGAIN,
                "Ineke gebeld. Jeugdhulp Waddenkust zoekt een plek in een ander logeerhuis. "
                "Over twee weken bellen we weer.",
            ),
            StepSpec(
                WITHDRAW, 48,
                "Ineke belde: er is een plek voor Jelmer, één weekend per maand. Ze trekt de "
                "klacht in.",
            ),
        ),
    ),
)  # fmt: skip
