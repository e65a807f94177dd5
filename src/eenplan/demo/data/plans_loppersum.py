"""The plans of the Loppersum households, keyed by household name.

Mulder's first plan was agreed and evaluated; the move to a temporary house (wisselwoning) opened
a second draft. Smeenge's first plan is a draft the parents first want to discuss with grandma.
Van der Laan's first plan is a draft too: Monique and Dylan read it in Mijn EenPlan (the portal's
demo story, ``eenplan.demo.data.portal``). Kuiper has no plan: the case closed at intake.
"""

from eenplan.common.constants import LifeDomain as Domain
from eenplan.demo.data.types import (
    ActionSpec,
    AgreementSpec,
    GoalSpec,
    PlanSpec,
    RevisionSpec,
    by_member,
    by_network,
    by_org,
)
from eenplan.plans.constants import ActionStatus, AgreementMethod, GoalResult

BUSY, DONE = ActionStatus.BUSY, ActionStatus.DONE
ACHIEVED, PARTLY = GoalResult.ACHIEVED, GoalResult.PARTLY

MULDER = PlanSpec(
    strengths=(
        "Annemiek en Jan steunen elkaar. Opa en oma in Stedum en buurman Henk zijn er altijd."
    ),
    concerns=(
        "De versterking van het huis sleept al jaren. Jan slaapt slecht en Sietse schrikt van "
        "elk geluid."
    ),
    evaluation_in=-30,
    goals=(
        GoalSpec(
            Domain.HOUSING,
            "We weten waar we aan toe zijn met de versterking van ons huis",
            (
                ActionSpec(
                    "Eén vast contactpersoon bij het versterkingsbureau regelen",
                    by_org("consulent.loppersum"),
                    -200,
                    DONE,
                ),
                ActionSpec(
                    "Gaat mee naar de bewonersavonden en vertelt wat er besloten is",
                    by_network(1),
                    30,
                    BUSY,
                ),
            ),
        ),
        GoalSpec(
            Domain.MENTAL_HEALTH,
            "Jan slaapt beter en piekert minder",
            (
                ActionSpec("Behandeling voor somberheid", by_org("ggz.uitvoerder"), -60, DONE),
                ActionSpec("Een slaapdagboek bijhouden", by_member(1), -90, DONE),
            ),
        ),
        GoalSpec(
            Domain.MENTAL_HEALTH,
            "Sietse voelt zich weer veilig in huis",
            (
                ActionSpec(
                    "Traumagerichte gesprekken met Sietse",
                    by_org("jeugdhulp.uitvoerder", named=True),
                    -50,
                    DONE,
                ),
                ActionSpec(
                    "Sietse mag altijd komen logeren als het thuis te veel is",
                    by_network(0),
                    60,
                    BUSY,
                ),
            ),
        ),
    ),
    agreement=AgreementSpec(
        by=(0, 1),
        method=AgreementMethod.ON_PAPER,
        days_ago=300,
        commitments=("ggz.uitvoerder", "jeugdhulp.uitvoerder", "consulent.loppersum"),
    ),
    results=(
        (0, PARTLY, "Er is een datum: het gezin gaat naar een wisselwoning."),
        (1, PARTLY, "Jan slaapt beter, maar ziet op tegen de verhuizing."),
        (2, ACHIEVED, "Sietse slaapt weer in zijn eigen kamer."),
    ),
    revision=RevisionSpec(
        goals=(
            GoalSpec(
                Domain.HOUSING,
                "De verhuizing naar de wisselwoning verloopt rustig",
                (
                    ActionSpec(
                        "Verhuiskosten en inrichting van de wisselwoning regelen",
                        by_org("consulent.loppersum"),
                        21,
                    ),
                    ActionSpec("Met Sietse zijn nieuwe kamer inrichten", by_member(0), 30),
                    ActionSpec("Helpen met inpakken en verhuizen", by_network(0), 14),
                ),
            ),
        ),
        actions=(
            (
                1,
                ActionSpec(
                    "Twee extra gesprekken rond de verhuizing",
                    by_org("ggz.uitvoerder", named=True),
                    28,
                ),
            ),
        ),
    ),
)

SMEENGE = PlanSpec(
    strengths=(
        "Ineke en Roelof kennen Jelmer als geen ander. Oma Trijntje zorgt dat Marit ook aandacht "
        "krijgt."
    ),
    concerns=(
        "Jelmer zit halve dagen thuis omdat school hem niet aankan. De ouders zijn uitgeput en "
        "Roelof is bang zijn baan te verliezen."
    ),
    evaluation_in=120,
    goals=(
        GoalSpec(
            Domain.WORK_EDUCATION,
            "Jelmer zit op een school die bij hem past",
            (
                ActionSpec(
                    "Met het samenwerkingsverband een plek in het speciaal onderwijs regelen",
                    by_org("regisseur.loppersum", named=True),
                    -7,
                    BUSY,
                ),
                ActionSpec("Twee scholen bezoeken met Jelmer", by_member(0), -14, DONE),
            ),
        ),
        GoalSpec(
            Domain.DOMESTIC_RELATIONS,
            "Eén weekend per maand logeeropvang voor Jelmer, zodat de ouders bijkomen",
            (
                ActionSpec("Een logeerhuis zoeken", by_org("jeugdhulp.uitvoerder"), 20),
                ActionSpec("Is twee middagen per week bij Marit", by_network(0), 60, BUSY),
            ),
        ),
        GoalSpec(
            Domain.WORK_EDUCATION,
            "Roelof houdt zijn baan",
            (
                ActionSpec(
                    "Met zijn leidinggevende vaste thuiswerkdagen afspreken", by_member(1), 10
                ),
            ),
        ),
    ),
)

VAN_DER_LAAN = PlanSpec(
    strengths=(
        "Monique wil het zelf leren en vraagt op tijd hulp. Buurvrouw Truus leest mee met de "
        "post. Dylan is handig en wil graag werken."
    ),
    concerns=(
        "Er liggen ongeopende brieven en er is een achterstand bij de energie. Dylan spijbelt "
        "en schaamt zich dat er thuis weinig geld is."
    ),
    evaluation_in=90,
    goals=(
        GoalSpec(
            Domain.FINANCES,
            "Monique heeft overzicht over haar post en haar geld",
            (
                ActionSpec(
                    "Elke maandag samen met Truus de post openen en sorteren", by_member(0), 7
                ),
                ActionSpec(
                    "Een weekbudget maken en samen het kasboek bijhouden",
                    by_org("vrijwilliger.thuisadministratie", named=True),
                    21,
                    BUSY,
                ),
                ActionSpec("Leest elke maandag mee met de post", by_network(0), 60, BUSY),
            ),
            description="Eerst de achterstand bij de energie regelen, dan elke week bijhouden.",
        ),
        GoalSpec(
            Domain.WORK_EDUCATION,
            "Dylan gaat weer elke dag naar school",
            (
                ActionSpec(
                    "Met Dylan en zijn mentor een plan tegen het spijbelen maken",
                    by_org("school.zorgcoordinator", named=True),
                    14,
                ),
                ActionSpec(
                    "Elke dag naar school gaan, en het de mentor zeggen als het niet lukt",
                    by_member(1),
                    30,
                    BUSY,
                ),
            ),
        ),
        GoalSpec(
            Domain.INSTRUMENTAL_ADL,
            "Monique gaat niet meer alleen naar moeilijke afspraken",
            (
                ActionSpec(
                    "Mee naar het gesprek bij de gemeente over bijzondere bijstand",
                    by_org("regisseur.loppersum"),
                    10,
                ),
            ),
        ),
    ),
)

PLANS = {
    "Familie Mulder": MULDER,
    "Familie Smeenge": SMEENGE,
    "Huishouden Van der Laan": VAN_DER_LAAN,
}
