"""Mijn EenPlan in the demo: household members with an account and what happened in the portal.

The main story is Huishouden Van der Laan in Loppersum. Monique is the mother of Dylan (17, his
own account) and Romy (14, no account: Monique acts for her). Their case has a coordinator
(Hilde Brouwer, regisseur.loppersum), a draft plan with an action for Monique and one for Dylan,
four organisations working on consent, professionals who opened the case in the past weeks, a
message from the coordinator, a proposal of Monique's that the coordinator put in the plan and
one of Dylan's still waiting for an answer. Other households in the three municipalities have
an account for one or two members, who gave a report mark for their agreed plan.

All accounts get the demo password (EENPLAN_DEMO_PASSWORD), like the professionals' accounts.
"""

from eenplan.common.constants import LifeDomain as Domain
from eenplan.demo.data.types import (
    CitizenSpec,
    EmergencySpec,
    HouseholdProposalSpec,
    LookSpec,
    MarkSpec,
    MessageSpec,
)

VAN_DER_LAAN = "Huishouden Van der Laan"
BAKKER = "Familie Bakker"
WIERSMA = "Familie Wiersma"
HOEKSTRA = "Familie Hoekstra"
MULDER = "Familie Mulder"

START_CITIZEN = "monique.vanderlaan"

CITIZENS = (
    CitizenSpec(
        START_CITIZEN,
        VAN_DER_LAAN,
        0,
        "Moeder van Dylan (17) en Romy (14). Lees het conceptplan en stem ermee in, vink uw "
        "actie af, lees het bericht van de regisseur, kijk wie uw gegevens (en die van Romy) "
        "bekeek en pas een toestemming aan.",
    ),
    CitizenSpec(
        "dylan.vanderlaan",
        VAN_DER_LAAN,
        1,
        "17 jaar, een eigen account. Ziet het plan van het gezin, maar niet de gegevens van "
        "zijn moeder of zus. Verberg zijn eigen actie voor de rest van het gezin; zijn voorstel "
        "wacht op de regisseur.",
    ),
    CitizenSpec(
        "sandra.bakker",
        BAKKER,
        0,
        "Vastgesteld plan in uitvoering. Vink een actie af en verander het cijfer voor deze "
        "planperiode.",
    ),
    CitizenSpec(
        "petra.wiersma",
        WIERSMA,
        0,
        "Plan in evaluatie. Ziet de gegevens van Daan (onder de 16), niet die van Eva (16+).",
    ),
    CitizenSpec(
        "eva.wiersma",
        WIERSMA,
        2,
        "Jonge mantelzorger, 16+: een eigen account. Beslist zelf over haar toestemmingen.",
    ),
    CitizenSpec(
        "bas.hoekstra",
        HOEKSTRA,
        0,
        "Kleinzoon die voor opa en oma zorgt. Download zijn gegevens.",
    ),
    CitizenSpec(
        "annemiek.mulder",
        MULDER,
        0,
        "Nieuw concept na de verhuizing naar een wisselwoning. Stuur de regisseur een bericht.",
    ),
)

# Marks for the latest agreed plan version, spread over the three municipalities and over
# quarters. Too few to show on their own (fewer than 5 per cell): the synthetic history adds
# the marks of many more households.
MARKS = (
    MarkSpec("sandra.bakker", 7, 25, "De deurwaarders bellen minder. Fijn dat ik één iemand bel."),
    MarkSpec("petra.wiersma", 8, 100, "Johan krijgt eindelijk hulp, en Eva kan ergens terecht."),
    MarkSpec("eva.wiersma", 6, 95, "De groep is fijn, maar niemand vroeg wat ik zelf wilde."),
    MarkSpec("bas.hoekstra", 9, 120, "Opa en oma krijgen de hulp die ze nodig hebben."),
    MarkSpec("annemiek.mulder", 7, 250),
)

MESSAGES = (
    MessageSpec(
        VAN_DER_LAAN,
        "Hallo Monique, het plan staat voor u klaar in Mijn EenPlan. Het is nog een concept. "
        "Wilt u het rustig lezen, samen met Dylan? Bent u het ermee eens, dan kunt u dat "
        "hier in Mijn EenPlan laten weten. Vragen mag u hier stellen. Groet, Hilde Brouwer",
        2,
    ),
    MessageSpec(
        BAKKER,
        "Goed om te horen dat het rustiger is met de post. Ik kom volgende week langs om het "
        "plan samen door te nemen. Groet, Anouk Dijkstra",
        20,
    ),
)

PROPOSALS = (
    HouseholdProposalSpec(
        START_CITIZEN,
        "Romy kan weer naar zwemles",
        6,
        domain=Domain.PARTICIPATION,
        detail="Ze is gestopt omdat het te duur werd. Ze mist haar vriendinnen daar.",
        answer=(
            "Goed idee. Ik heb het doel in het plan gezet. We zoeken samen uit of het Jeugdfonds "
            "Sport en Cultuur de zwemles kan betalen."
        ),
    ),
    HouseholdProposalSpec(
        "dylan.vanderlaan",
        "Ik ben handig met fietsen; ik wil na school bij de fietsenmaker helpen",
        1,
    ),
)

LOOKS = (
    LookSpec("consulent.loppersum", VAN_DER_LAAN, 40),
    LookSpec("regisseur.loppersum", VAN_DER_LAAN, 30),
    LookSpec("school.zorgcoordinator", VAN_DER_LAAN, 21),
    LookSpec("vrijwilliger.thuisadministratie", VAN_DER_LAAN, 12),
    LookSpec("regisseur.loppersum", VAN_DER_LAAN, 3),
)

# Break-the-glass: the probation officer, who works on no demo case, needs to reach Dylan's
# mother at night. The privacy officer (privacy.officer) finds it in her review queue; Monique
# sees it under "Wie keek".
EMERGENCY = EmergencySpec(
    username="reclassering.uitvoerder",
    household=VAN_DER_LAAN,
    reason=(
        "Dylan (17) is vannacht aangehouden en vraagt naar zijn begeleider. Ik moet weten wie "
        "er bij het gezin betrokken is om zijn moeder en de jeugdhulp te bereiken."
    ),
    categories=("contactgegevens",),
    days_ago=3,
)

USERNAMES = tuple(citizen.username for citizen in CITIZENS)
