"""The plans of the Delfzijl households, keyed by household name.

Bakker and Doornbos carry out an agreed plan (Doornbos with the overdue treatment its escalation
is about); Wiersma is being evaluated; Pranger's plan is still a draft. De Vries (intake) and
Kramer (aanmelding) have no plan yet.
"""

from eenplan.common.constants import LifeDomain as Domain
from eenplan.demo.data.types import (
    ActionSpec,
    AgreementSpec,
    GoalSpec,
    PlanSpec,
    by_member,
    by_network,
    by_org,
)
from eenplan.plans.constants import ActionStatus, AgreementMethod, GoalResult

BUSY, DONE, CANCELLED = ActionStatus.BUSY, ActionStatus.DONE, ActionStatus.CANCELLED

BAKKER = PlanSpec(
    strengths=(
        "Sandra en Mark zijn open over de schulden en willen het samen oplossen. Oma Gerda "
        "springt twee middagen per week bij en buurman Henk helpt met de post."
    ),
    concerns=(
        "Er lopen vier incasso's en de energieleverancier dreigt af te sluiten. Jayden heeft "
        "bijna elke week ruzie op school."
    ),
    evaluation_in=60,
    goals=(
        GoalSpec(
            Domain.FINANCES,
            "Alle schulden in beeld en één regeling, zodat de deurwaarders stoppen",
            (
                ActionSpec(
                    "Schuldenoverzicht maken en een moratorium met de schuldeisers afspreken",
                    by_org("schuldhulp.uitvoerder", named=True),
                    -20,
                    DONE,
                ),
                ActionSpec(
                    "Elke maandagavond samen met buurman Henk de post openen",
                    by_member(1),
                    60,
                    BUSY,
                ),
                ActionSpec(
                    "Opent en sorteert de post met Mark en belt bij een aanmaning",
                    by_network(1),
                    60,
                    BUSY,
                ),
                ActionSpec(
                    "Bijzondere bijstand voor de energierekening aanvragen", by_member(0), -10
                ),
            ),
            description="Eerst rust: geen nieuwe schulden en geen deurwaarder meer aan de deur.",
        ),
        GoalSpec(
            Domain.MENTAL_HEALTH,
            "Jayden herkent zijn boosheid en heeft minder ruzie op school",
            (
                ActionSpec(
                    "Zes gesprekken met Jayden over boosheid; in het laatste gesprek zijn Sandra "
                    "en Mark erbij",
                    by_org("jeugdhulp.uitvoerder", named=True),
                    30,
                    BUSY,
                ),
                ActionSpec(
                    "Een vast rustmoment en een time-outplek in de klas afspreken",
                    by_org("school.ib"),
                    -30,
                    DONE,
                ),
                ActionSpec(
                    "Haalt Lotte en Sem op dinsdag en donderdag uit school, zodat Sandra tijd "
                    "heeft voor Jayden",
                    by_network(0),
                    90,
                    BUSY,
                ),
            ),
        ),
        GoalSpec(
            Domain.WORK_EDUCATION,
            "Mark heeft binnen een half jaar weer betaald werk",
            (
                ActionSpec(
                    "Mark aanmelden voor het traject Haven aan de slag",
                    by_org("werk.uitvoerder"),
                    -40,
                    DONE,
                ),
                ActionSpec("Twee sollicitaties per week versturen", by_member(1), 90, BUSY),
                ActionSpec(
                    "Een proefplaatsing bij een logistiek bedrijf regelen",
                    by_org("werk.uitvoerder", named=True),
                    21,
                ),
                ActionSpec(
                    "Omscholing tot heftruckchauffeur aanvragen",
                    by_org("werk.uitvoerder"),
                    -15,
                    CANCELLED,
                    "Mark heeft zijn heftruckcertificaat nog van de haven; omscholing is niet "
                    "nodig.",
                ),
            ),
        ),
    ),
    agreement=AgreementSpec(
        by=(0, 1),
        method=AgreementMethod.IN_MEETING,
        days_ago=60,
        commitments=("schuldhulp.uitvoerder", "jeugdhulp.uitvoerder", "werk.uitvoerder"),
    ),
)

PRANGER = PlanSpec(
    strengths=(
        "Esther wil het zelf oplossen en komt haar afspraken na. Haar zus Jolanda gaat mee naar "
        "de gesprekken."
    ),
    concerns=(
        "Drie maanden huurachterstand; de woonstichting heeft een ontruimingsvonnis aangevraagd. "
        "Niels werkt zoveel dat zijn opleiding in gevaar komt."
    ),
    evaluation_in=90,
    goals=(
        GoalSpec(
            Domain.HOUSING,
            "Esther en Niels kunnen in hun huis blijven wonen",
            (
                ActionSpec(
                    "De ontruiming aanhouden en een betalingsregeling voor de huurachterstand "
                    "afspreken",
                    by_org("woning.uitvoerder", named=True),
                    -5,
                    BUSY,
                ),
                ActionSpec("De huur elke maand direct na de uitkering betalen", by_member(0), 30),
                ActionSpec(
                    "Gaat mee naar het gesprek met de woonstichting", by_network(0), -12, DONE
                ),
            ),
        ),
        GoalSpec(
            Domain.FINANCES,
            "Esther krijgt de toeslagen en regelingen waar ze recht op heeft",
            (
                ActionSpec(
                    "Huurtoeslag en bijzondere bijstand samen met Esther aanvragen",
                    by_org("consulent.delfzijl"),
                    14,
                ),
                ActionSpec(
                    "Intake schuldhulp en een overzicht van alle schulden",
                    by_org("schuldhulp.uitvoerder"),
                    20,
                    BUSY,
                ),
            ),
        ),
        GoalSpec(
            Domain.WORK_EDUCATION,
            "Niels maakt zijn mbo-opleiding af",
            (
                ActionSpec(
                    "Met de studieloopbaanbegeleider een rooster maken dat naast zijn bijbaan past",
                    by_member(1),
                    10,
                ),
                ActionSpec(
                    "Esther helpen solliciteren op werk in de buurt",
                    by_org("werk.uitvoerder"),
                    45,
                ),
            ),
        ),
    ),
)

WIERSMA = PlanSpec(
    strengths=(
        "Petra houdt het gezin draaiende en vraagt op tijd hulp. De ouders van Johan en "
        "vriendin Marjan staan klaar."
    ),
    concerns=(
        "Johan is al maanden somber en zit thuis. Eva (16) zorgt veel voor haar vader en trekt "
        "zich terug van vriendinnen."
    ),
    evaluation_in=-3,
    goals=(
        GoalSpec(
            Domain.MENTAL_HEALTH,
            "Johan krijgt behandeling voor zijn depressie",
            (
                ActionSpec(
                    "Behandeling starten met wekelijkse gesprekken",
                    by_org("ggz.uitvoerder", named=True),
                    -90,
                    DONE,
                ),
                ActionSpec("Elke dag een half uur wandelen", by_member(1), 30, BUSY),
                ActionSpec(
                    "Nemen Daan in het weekend mee naar het voetbal", by_network(0), 30, BUSY
                ),
            ),
        ),
        GoalSpec(
            Domain.SOCIAL_NETWORK,
            "Eva heeft een plek om te praten over hoe het thuis gaat",
            (
                ActionSpec(
                    "Eva aanmelden bij de groep voor jonge mantelzorgers",
                    by_org("jgz.verpleegkundige"),
                    -60,
                    DONE,
                ),
                ActionSpec("Om de week naar de groep gaan", by_member(2), 60, BUSY),
            ),
        ),
        GoalSpec(
            Domain.FINANCES,
            "Het gezin komt rond zolang Johan niet kan werken",
            (
                ActionSpec(
                    "Een begroting maken en uitzoeken of er recht is op een aanvulling",
                    by_org("mw.regisseur"),
                    -45,
                    DONE,
                ),
                ActionSpec(
                    "Bij de werkgever van Johan navragen hoe zijn ziektewetuitkering loopt",
                    by_member(0),
                    -14,
                ),
            ),
        ),
    ),
    agreement=AgreementSpec(
        by=(0, 1),
        method=AgreementMethod.ON_PAPER,
        days_ago=120,
        commitments=("ggz.uitvoerder", "jgz.verpleegkundige"),
    ),
    results=(
        (
            0,
            GoalResult.PARTLY,
            "De behandeling loopt en Johan is minder somber, maar hij werkt nog niet.",
        ),
        (1, GoalResult.ACHIEVED, "Eva gaat graag naar de groep en heeft er vriendinnen."),
        (2, GoalResult.NOT_ACHIEVED, "Er is nog een tekort van ongeveer 150 euro per maand."),
    ),
)

DOORNBOS = PlanSpec(
    strengths=(
        "Kim zegt zelf dat ze wil stoppen met drinken. Tante Marleen en maatje Jan zijn er als "
        "het moeilijk is."
    ),
    concerns=(
        "Tygo was twee maanden nauwelijks op school. De verslavingszorg heeft een lange wachtlijst."
    ),
    evaluation_in=45,
    goals=(
        GoalSpec(
            Domain.SUBSTANCE_USE,
            "Kim stopt met drinken",
            (
                ActionSpec(
                    "Behandeling voor Kim starten",
                    by_org("verslavingszorg.uitvoerder", named=True),
                    -14,
                ),
                ActionSpec(
                    "Wekelijkse overbruggingsgesprekken tot de behandeling begint",
                    by_org("verslavingszorg.uitvoerder"),
                    30,
                    BUSY,
                ),
                ActionSpec("Wandelt elke week met Kim", by_network(1), 60, BUSY),
            ),
        ),
        GoalSpec(
            Domain.WORK_EDUCATION,
            "Tygo gaat elke dag naar school en haalt zijn achterstand in",
            (
                ActionSpec(
                    "Verzuimgesprek en een plan voor de terugkeer naar school",
                    by_org("consulent.delfzijl"),
                    -30,
                    DONE,
                ),
                ActionSpec("Elke ochtend om acht uur naar school gaan", by_member(1), 45, BUSY),
            ),
        ),
        GoalSpec(
            Domain.DOMESTIC_RELATIONS,
            "Nova heeft een vaste, rustige plek als het thuis niet gaat",
            (
                ActionSpec(
                    "Een crisisplan maken met Kim, Marleen en de school",
                    by_org("jeugdhulp.uitvoerder"),
                    -20,
                    DONE,
                ),
                ActionSpec(
                    "Brengt Nova naar school op de ochtenden dat het Kim niet lukt",
                    by_network(0),
                    45,
                    BUSY,
                ),
            ),
        ),
    ),
    agreement=AgreementSpec(
        by=(0, 1),
        method=AgreementMethod.IN_MEETING,
        days_ago=45,
        commitments=("verslavingszorg.uitvoerder", "jeugdhulp.uitvoerder", "consulent.delfzijl"),
    ),
)

PLANS = {
    "Familie Bakker": BAKKER,
    "Huishouden Pranger": PRANGER,
    "Familie Wiersma": WIERSMA,
    "Familie Doornbos": DOORNBOS,
}
