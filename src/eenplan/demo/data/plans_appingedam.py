"""The plans of the Appingedam households, keyed by household name.

Hoekstra is being evaluated. Postma's plan was carried out and evaluated before the case closed.
Tesfay went round once: evaluated, a work goal added and agreed again as version 2. Zuidema's
first plan was agreed, then he stopped; after the case reopened a second draft is in the making.
Meijer (intake) has no plan yet.
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

BUSY, DONE, CANCELLED = ActionStatus.BUSY, ActionStatus.DONE, ActionStatus.CANCELLED
ACHIEVED, PARTLY, NOT_ACHIEVED = GoalResult.ACHIEVED, GoalResult.PARTLY, GoalResult.NOT_ACHIEVED

HOEKSTRA = PlanSpec(
    strengths=(
        "Bas is er elke dag voor zijn opa en oma. Moeder Wilma komt elke zaterdag en buurvrouw "
        "Tjitske kijkt elke ochtend even."
    ),
    concerns="Opa vergeet steeds meer en de post stapelt zich op. Bas raakt overbelast.",
    evaluation_in=-7,
    goals=(
        GoalSpec(
            Domain.BASIC_ADL,
            "Opa en oma kunnen veilig thuis blijven wonen",
            (
                ActionSpec(
                    "Wmo-indicatie voor thuiszorg en een traplift",
                    by_org("consulent.appingedam"),
                    -100,
                    DONE,
                ),
                ActionSpec(
                    "Kijkt elke ochtend of opa en oma zijn opgestaan", by_network(1), 60, BUSY
                ),
            ),
        ),
        GoalSpec(
            Domain.MENTAL_HEALTH,
            "We weten wat er met het geheugen van opa aan de hand is",
            (
                ActionSpec(
                    "Geheugentest en verwijzing naar de geheugenpoli",
                    by_org("huisarts.poh", named=True),
                    -120,
                    DONE,
                ),
                ActionSpec(
                    "Gaat met opa mee naar de afspraken op de geheugenpoli",
                    by_member(2),
                    -60,
                    DONE,
                ),
            ),
        ),
        GoalSpec(
            Domain.INSTRUMENTAL_ADL,
            "De post en de rekeningen zijn op orde",
            (
                ActionSpec(
                    "Om de week samen de administratie doornemen",
                    by_org("vrijwilliger.thuisadministratie", named=True),
                    60,
                    BUSY,
                ),
                ActionSpec("Doet elke zaterdag de bankzaken met Bas", by_network(0), 60, BUSY),
            ),
        ),
        GoalSpec(
            Domain.WORK_EDUCATION,
            "Bas houdt zijn baan en heeft weer tijd voor zichzelf",
            (
                ActionSpec("Mantelzorgverlof aanvragen bij zijn werkgever", by_member(0), -30),
                ActionSpec(
                    "Mantelzorgondersteuning en respijtzorg regelen",
                    by_org("regisseur.appingedam"),
                    20,
                    BUSY,
                ),
            ),
        ),
    ),
    agreement=AgreementSpec(
        by=(0, 1, 2),
        method=AgreementMethod.ON_PAPER,
        days_ago=150,
        commitments=("huisarts.poh", "consulent.appingedam", "vrijwilliger.thuisadministratie"),
    ),
    results=(
        (0, ACHIEVED, "Thuiszorg komt drie keer per week; de traplift is geplaatst."),
        (1, ACHIEVED, "Opa heeft beginnende dementie; de casemanager dementie is betrokken."),
        (2, PARTLY, "De rekeningen worden betaald, maar de post ligt nog vaak te lang."),
        (3, NOT_ACHIEVED, "Bas heeft het verlof nog niet aangevraagd en is nog steeds moe."),
    ),
)

POSTMA = PlanSpec(
    strengths="Erik is een betrokken vader; zijn broer Dirk helpt waar hij kan.",
    concerns=(
        "Na de scheiding woont Erik tijdelijk bij zijn broer. Er zijn schulden op zijn naam en "
        "Julia is erg stil."
    ),
    evaluation_in=-20,
    goals=(
        GoalSpec(
            Domain.HOUSING,
            "Erik heeft een eigen huurwoning voor hem en de kinderen",
            (
                ActionSpec(
                    "Urgentie beoordelen en een woning aanbieden",
                    by_org("woning.uitvoerder"),
                    -150,
                    DONE,
                ),
                ActionSpec("Helpt met verhuizen", by_network(0), -120, DONE),
            ),
        ),
        GoalSpec(
            Domain.DOMESTIC_RELATIONS,
            "Er is een ouderschapsplan dat beide ouders nakomen",
            (
                ActionSpec(
                    "Bemiddelingsgesprekken met beide ouders", by_org("mw.regisseur"), -100, DONE
                ),
                ActionSpec("Het ouderschapsplan ondertekenen", by_member(0), -80, DONE),
            ),
        ),
        GoalSpec(
            Domain.FINANCES,
            "Erik heeft overzicht over de schulden van na de scheiding",
            (ActionSpec("Een schuldregeling starten", by_org("schuldhulp.uitvoerder"), -90, DONE),),
        ),
        GoalSpec(
            Domain.MENTAL_HEALTH,
            "Julia kan weer vertellen hoe het met haar gaat",
            (
                ActionSpec(
                    "Gesprekken met Julia op school", by_org("jgz.verpleegkundige"), -60, DONE
                ),
            ),
        ),
    ),
    agreement=AgreementSpec(
        by=(0,),
        method=AgreementMethod.DIGITAL,
        days_ago=200,
        commitments=("woning.uitvoerder", "schuldhulp.uitvoerder", "mw.regisseur"),
    ),
    results=(
        (0, ACHIEVED, "Erik en de kinderen wonen sinds de zomer aan de Kerkstraat."),
        (1, ACHIEVED, "Beide ouders komen de afspraken na."),
        (2, ACHIEVED, "De schuldregeling loopt via de kredietbank."),
        (3, PARTLY, "Julia praat weer, vooral met haar juf; de JGZ houdt contact."),
    ),
)

TESFAY = PlanSpec(
    strengths=(
        "Yonas en Helen leren snel en willen graag zelfstandig zijn. Taalmaatje Marja en buurman "
        "Abel helpen elke week."
    ),
    concerns="De brieven over toeslagen worden niet begrepen; er dreigt een terugvordering.",
    evaluation_in=120,
    goals=(
        GoalSpec(
            Domain.PARTICIPATION,
            "Yonas en Helen spreken en schrijven Nederlands op A2-niveau",
            (
                ActionSpec(
                    "Inburgeringscursus met kinderopvang voor Samuel",
                    by_org("werk.uitvoerder"),
                    90,
                    BUSY,
                ),
                ActionSpec(
                    "Oefent twee keer per week Nederlands met Helen", by_network(0), 90, BUSY
                ),
            ),
        ),
        GoalSpec(
            Domain.FINANCES,
            "Het gezin begrijpt de brieven over toeslagen en doet niets verkeerd",
            (
                ActionSpec(
                    "Alle toeslagen nalopen en samen een map voor de post maken",
                    by_org("vrijwilliger.thuisadministratie"),
                    -120,
                    DONE,
                ),
                ActionSpec("Vertaalt nieuwe brieven in het Tigrinya", by_network(1), 60, BUSY),
            ),
        ),
        GoalSpec(
            Domain.WORK_EDUCATION,
            "Dawit haalt zijn taalachterstand op school in",
            (ActionSpec("Twee keer per week extra taalles", by_org("school.ib"), 60, BUSY),),
        ),
        GoalSpec(
            Domain.PHYSICAL_HEALTH,
            "Samuel krijgt zijn controles en vaccinaties",
            (
                ActionSpec(
                    "Afspraken op het consultatiebureau plannen",
                    by_org("jgz.verpleegkundige"),
                    -150,
                    DONE,
                ),
                ActionSpec("Gaat met Samuel naar het consultatiebureau", by_member(1), -90, DONE),
            ),
        ),
    ),
    agreement=AgreementSpec(
        by=(0, 1),
        method=AgreementMethod.IN_MEETING,
        days_ago=180,
        commitments=("werk.uitvoerder", "school.ib", "vrijwilliger.thuisadministratie"),
    ),
    results=(
        (0, PARTLY, "Helen heeft A1 gehaald; Yonas doet in het voorjaar examen."),
        (1, ACHIEVED, "Er is geen terugvordering gekomen; de map wordt bijgehouden."),
        (2, PARTLY, "Dawit gaat vooruit, maar leest nog onder zijn niveau."),
        (3, ACHIEVED, "Samuel is bij op alle controles en vaccinaties."),
    ),
    revision=RevisionSpec(
        goals=(
            GoalSpec(
                Domain.WORK_EDUCATION,
                "Yonas heeft een werkervaringsplek",
                (
                    ActionSpec(
                        "Een werkervaringsplek bij een installatiebedrijf zoeken",
                        by_org("werk.uitvoerder", named=True),
                        30,
                    ),
                    ActionSpec("Naar de banenmarkt in Delfzijl gaan", by_member(0), 14),
                ),
            ),
        ),
        agreement=AgreementSpec(
            by=(0, 1),
            method=AgreementMethod.DIGITAL,
            days_ago=10,
            commitments=("werk.uitvoerder",),
        ),
    ),
)

ZUIDEMA = PlanSpec(
    strengths="Harm is handig en zorgt goed voor zijn kat. Hij heeft zelf om hulp gevraagd.",
    concerns="Het huis is vervuild en de buren klagen. Harm heeft lang geen post geopend.",
    goals=(
        GoalSpec(
            Domain.HOUSING,
            "Het huis is opgeruimd en de buren klagen niet meer",
            (
                ActionSpec(
                    "Elke week samen een kamer opruimen",
                    by_org("thuiszorg.uitvoerder"),
                    -60,
                    CANCELLED,
                    "Harm wilde in deze periode geen hulp in huis.",
                ),
                ActionSpec("Elke week een zak oude kranten wegbrengen", by_member(0), -45),
            ),
        ),
        GoalSpec(
            Domain.FINANCES,
            "Harm weet hoe groot zijn schulden zijn",
            (
                ActionSpec(
                    "Samen de stapel post openen en sorteren",
                    by_org("vrijwilliger.thuisadministratie"),
                    -90,
                ),
            ),
        ),
    ),
    agreement=AgreementSpec(
        by=(0,),
        method=AgreementMethod.IN_MEETING,
        days_ago=150,
        commitments=("thuiszorg.uitvoerder", "vrijwilliger.thuisadministratie"),
    ),
    revision=RevisionSpec(
        goals=(
            GoalSpec(
                Domain.MENTAL_HEALTH,
                "Harm heeft een vaste hulpverlener die hij vertrouwt",
                (
                    ActionSpec(
                        "Kennismaken bij Harm thuis, zonder verplichtingen",
                        by_org("ggz.uitvoerder", named=True),
                        7,
                    ),
                ),
            ),
        ),
        actions=(
            (
                0,
                ActionSpec(
                    "Met de woonstichting afspreken wat eerst moet om te mogen blijven",
                    by_org("wijkteam.appingedam", named=True),
                    14,
                ),
            ),
        ),
        retitled=((0, "Het huis is veilig en schoon genoeg om er te mogen blijven wonen"),),
    ),
)

PLANS = {
    "Familie Hoekstra": HOEKSTRA,
    "Huishouden Postma": POSTMA,
    "Familie Tesfay": TESFAY,
    "Huishouden Zuidema": ZUIDEMA,
}
