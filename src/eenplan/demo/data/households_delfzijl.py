"""Six demo households in Delfzijl (postcodes 9934-9939).

Each story combines problems on several life domains, the situation één gezin, één plan, één
regisseur was made for. The questions are in the household's own words. All persons are
fictional; addresses use common street names with invented house numbers.
"""

import datetime

from eenplan.cases.constants import CaseStatus, EscalationLevel
from eenplan.cases.constants import ServiceType as Service
from eenplan.common.constants import LifeDomain as Domain
from eenplan.demo.data.regions import DELFZIJL
from eenplan.demo.data.types import (
    AddressSpec,
    CaseSpec,
    EscalationSpec,
    HouseholdSpec,
    InvolvementSpec,
    MemberSpec,
    NetworkSpec,
    ProposalSpec,
    ReferralSpec,
    advance,
    parents_of,
)
from eenplan.people.constants import Gender, NetworkKind, RelationKind

M, F = Gender.MALE, Gender.FEMALE
date = datetime.date
PARTNERS = (0, RelationKind.PARTNER, 1)

BAKKER = HouseholdSpec(
    name="Familie Bakker",
    municipality=DELFZIJL,
    address=AddressSpec("Gruttostraat", "14", "9934 GB", "Delfzijl"),
    members=(
        MemberSpec("Sandra", "Bakker", date(1986, 3, 14), F),
        MemberSpec("Mark", "Bakker", date(1984, 11, 2), M),
        MemberSpec("Jayden", "Bakker", date(2014, 6, 21), M),
        MemberSpec("Lotte", "Bakker", date(2016, 9, 8), F),
        MemberSpec("Sem", "Bakker", date(2020, 1, 30), M),
    ),
    relations=(PARTNERS, *parents_of((2, 3, 4), 0, 1)),
    network=(
        NetworkSpec(
            "Gerda Bakker",
            NetworkKind.RELATIVE,
            "oma, moeder van Mark",
            "Haalt Lotte en Sem op dinsdag en donderdag uit school en kookt dan mee.",
        ),
        NetworkSpec(
            "Henk Boelens",
            NetworkKind.NEIGHBOUR,
            "buurman",
            "Opent en sorteert elke maandagavond samen met Mark de post.",
        ),
    ),
    case=CaseSpec(
        opened_by="wijkteam.delfzijl",
        service_type=Service.SUPPORT,
        priority_question=(
            "We willen dat de deurwaarders stoppen met bellen en aan de deur komen. We slapen er "
            "slecht van en Jayden merkt dat thuis alles om geld draait."
        ),
        priority_domain=Domain.FINANCES,
        other_questions=(
            (
                "Jayden wordt snel boos en heeft vaak ruzie op school; we willen dat hij daar "
                "hulp bij krijgt.",
                Domain.MENTAL_HEALTH,
            ),
            ("Mark wil weer aan het werk na zijn ontslag bij de haven.", Domain.WORK_EDUCATION),
        ),
        involvements=(
            InvolvementSpec("schuldhulp.uitvoerder", Service.DEBT_HELP, (Domain.FINANCES,), (0, 1)),
            InvolvementSpec(
                "jeugdhulp.uitvoerder",
                Service.YOUTH_CARE_AMBULANT,
                (Domain.MENTAL_HEALTH, Domain.DOMESTIC_RELATIONS),
                (2,),
            ),
            InvolvementSpec(
                "school.ib", Service.EDUCATION_SUPPORT, (Domain.WORK_EDUCATION,), (2, 3)
            ),
            InvolvementSpec(
                "werk.uitvoerder", Service.REINTEGRATION, (Domain.WORK_EDUCATION,), (1,)
            ),
        ),
        coordinator="regisseur.delfzijl",
        steps=advance(CaseStatus.EXECUTION),
    ),
)

PRANGER = HouseholdSpec(
    name="Huishouden Pranger",
    municipality=DELFZIJL,
    address=AddressSpec("Schoolstraat", "33", "9936 BK", "Delfzijl"),
    members=(
        MemberSpec("Esther", "Pranger", date(1979, 7, 5), F),
        MemberSpec("Niels", "Pranger", date(2006, 2, 17), M),
    ),
    relations=parents_of((1,), 0),
    network=(
        NetworkSpec(
            "Jolanda Pranger",
            NetworkKind.RELATIVE,
            "zus van Esther",
            "Gaat mee naar de gesprekken met de woonstichting en schiet soms boodschappen voor.",
        ),
    ),
    case=CaseSpec(
        opened_by="woning.uitvoerder",
        service_type=Service.HOUSING,
        priority_question=(
            "Ik wil in mijn huis kunnen blijven wonen. Sinds ik mijn baan kwijt ben loopt de huur "
            "achter, en ik durf de brieven niet meer open te maken."
        ),
        priority_domain=Domain.HOUSING,
        other_questions=(
            ("Ik wil weer werk, het liefst hier in de buurt.", Domain.WORK_EDUCATION),
            (
                "Niels wil zijn mbo afmaken, maar werkt nu veel om thuis bij te springen.",
                Domain.WORK_EDUCATION,
            ),
            ("Ik wil weten op welke toeslagen en regelingen ik recht heb.", Domain.FINANCES),
        ),
        involvements=(
            InvolvementSpec("schuldhulp.uitvoerder", Service.DEBT_HELP, (Domain.FINANCES,), (0,)),
            InvolvementSpec("consulent.delfzijl", Service.INCOME_SUPPORT, (Domain.FINANCES,), (0,)),
            InvolvementSpec(
                "werk.uitvoerder", Service.REINTEGRATION, (Domain.WORK_EDUCATION,), (0, 1)
            ),
            # Both the Kredietbank and the wijkteam help with the debts: an overlap signal.
            InvolvementSpec(
                "wijkteam.delfzijl",
                Service.DEBT_HELP,
                (Domain.FINANCES, Domain.INSTRUMENTAL_ADL),
            ),
        ),
        coordinator="wijkteam.delfzijl",
        steps=advance(CaseStatus.PLAN),
        escalation=EscalationSpec(
            by="consulent.delfzijl",
            level=EscalationLevel.MUNICIPALITY,
            reason=(
                "De woonstichting heeft een ontruimingsvonnis aangevraagd terwijl het "
                "schuldhulptraject net loopt. Teamleiders en directeuren kwamen er niet uit; de "
                "gemeente zet doorzettingsmacht in en houdt de ontruiming aan zolang Esther de "
                "afspraken nakomt."
            ),
        ),
    ),
)

WIERSMA = HouseholdSpec(
    name="Familie Wiersma",
    municipality=DELFZIJL,
    address=AddressSpec("Beatrixlaan", "52", "9935 CE", "Delfzijl"),
    members=(
        MemberSpec("Petra", "Wiersma", date(1983, 12, 9), F),
        MemberSpec("Johan", "Wiersma", date(1981, 4, 23), M),
        MemberSpec("Eva", "Wiersma", date(2010, 5, 15), F),
        MemberSpec("Daan", "Wiersma", date(2013, 10, 1), M),
    ),
    relations=(PARTNERS, *parents_of((2, 3), 0, 1)),
    network=(
        NetworkSpec(
            "Klaas en Ria Wiersma",
            NetworkKind.RELATIVE,
            "ouders van Johan",
            "Nemen Daan in het weekend mee naar het voetbal, zodat hij er even uit is.",
        ),
        NetworkSpec(
            "Marjan Dekker",
            NetworkKind.FRIEND,
            "vriendin van Petra",
            "Belt Petra elke avond en komt langs als het thuis zwaar is.",
        ),
    ),
    case=CaseSpec(
        opened_by="huisarts.poh",
        service_type=Service.HEALTH_CARE,
        priority_question=(
            "Ik wil dat Johan goede hulp krijgt voor zijn depressie, zodat Eva niet meer voor hem "
            "hoeft te zorgen en weer gewoon een meisje van haar leeftijd kan zijn."
        ),
        priority_domain=Domain.MENTAL_HEALTH,
        other_questions=(
            (
                "Eva wil iemand om mee te praten die snapt hoe het is als je vader ziek is.",
                Domain.SOCIAL_NETWORK,
            ),
            ("We willen weten hoe we rondkomen als Johan lang niet kan werken.", Domain.FINANCES),
        ),
        involvements=(
            InvolvementSpec("ggz.uitvoerder", Service.MENTAL_HEALTH, (Domain.MENTAL_HEALTH,), (1,)),
            InvolvementSpec(
                "mw.regisseur",
                Service.SOCIAL_WORK,
                (Domain.DOMESTIC_RELATIONS, Domain.FINANCES),
                (0, 1),
            ),
            InvolvementSpec(
                "jgz.verpleegkundige", Service.HEALTH_CARE, (Domain.MENTAL_HEALTH,), (2, 3)
            ),
            InvolvementSpec("wijkteam.delfzijl", Service.SUPPORT, (Domain.SOCIAL_NETWORK,), (2,)),
        ),
        coordinator="mw.regisseur",
        steps=advance(CaseStatus.EVALUATION),
    ),
)

DOORNBOS = HouseholdSpec(
    name="Familie Doornbos",
    municipality=DELFZIJL,
    address=AddressSpec("Kwartelstraat", "7", "9937 HL", "Delfzijl"),
    members=(
        MemberSpec("Kim", "Doornbos", date(1988, 8, 11), F),
        MemberSpec("Tygo", "Doornbos", date(2011, 3, 27), M),
        MemberSpec("Nova", "Doornbos", date(2018, 6, 4), F),
    ),
    relations=parents_of((1, 2), 0),
    network=(
        NetworkSpec(
            "Marleen Doornbos",
            NetworkKind.RELATIVE,
            "tante, zus van Kim",
            "Brengt Nova naar school op de ochtenden dat het Kim niet lukt.",
        ),
        NetworkSpec(
            "Jan Hofstede",
            NetworkKind.VOLUNTEER,
            "ervaringsdeskundig maatje",
            "Wandelt elke week met Kim en helpt haar om afspraken na te komen.",
        ),
    ),
    case=CaseSpec(
        opened_by="school.zorgcoordinator",
        service_type=Service.EDUCATION_SUPPORT,
        priority_question=(
            "Ik wil stoppen met drinken. Ik weet dat Tygo daardoor niet naar school gaat: hij "
            "blijft thuis om op mij en Nova te letten."
        ),
        priority_domain=Domain.SUBSTANCE_USE,
        other_questions=(
            (
                "Tygo moet weer elke dag naar school en zijn achterstand inhalen.",
                Domain.WORK_EDUCATION,
            ),
            (
                "Nova heeft een vaste, rustige plek nodig als het thuis niet gaat.",
                Domain.DOMESTIC_RELATIONS,
            ),
        ),
        involvements=(
            InvolvementSpec(
                "verslavingszorg.uitvoerder",
                Service.ADDICTION_CARE,
                (Domain.SUBSTANCE_USE,),
                (0,),
            ),
            InvolvementSpec(
                "consulent.delfzijl", Service.EDUCATION_SUPPORT, (Domain.WORK_EDUCATION,), (1,)
            ),
            InvolvementSpec(
                "jeugdhulp.uitvoerder",
                Service.YOUTH_CARE_AMBULANT,
                (Domain.DOMESTIC_RELATIONS, Domain.MENTAL_HEALTH),
                (1, 2),
            ),
            InvolvementSpec(
                "regisseur.delfzijl", Service.COORDINATION, (Domain.DOMESTIC_RELATIONS,)
            ),
        ),
        coordinator="regisseur.delfzijl",
        steps=advance(CaseStatus.EXECUTION),
        escalation=EscalationSpec(
            by="regisseur.delfzijl",
            level=EscalationLevel.TEAM_LEADERS,
            reason=(
                "De verslavingszorg heeft veertien weken wachttijd voor Kims behandeling, terwijl "
                "Tygo al twee maanden nauwelijks op school is. De teamleiders spreken voorrang en "
                "een overbruggingsaanbod af."
            ),
        ),
    ),
)

DE_VRIES = HouseholdSpec(
    name="Familie De Vries",
    municipality=DELFZIJL,
    address=AddressSpec("Wilhelminaweg", "118", "9934 AR", "Delfzijl"),
    members=(
        MemberSpec("Linda", "Vries", date(1990, 1, 19), F, surname_prefix="de"),
        MemberSpec("Finn", "Vries", date(2014, 7, 12), M, surname_prefix="de"),
        MemberSpec("Saar", "Vries", date(2018, 11, 25), F, surname_prefix="de"),
    ),
    relations=parents_of((1, 2), 0),
    network=(
        NetworkSpec(
            "Ans Westerhof",
            NetworkKind.NEIGHBOUR,
            "buurvrouw",
            "Heeft een reservesleutel; Linda mag haar dag en nacht bellen als ze zich niet veilig "
            "voelt.",
        ),
        NetworkSpec(
            "Wim de Vries",
            NetworkKind.RELATIVE,
            "vader van Linda",
            "Haalt Finn op van voetbaltraining en is er op woensdagmiddag voor de kinderen.",
        ),
    ),
    case=CaseSpec(
        opened_by="politie.wijkagent",
        service_type=Service.SAFETY,
        priority_question=(
            "Ik wil dat de kinderen en ik ons weer veilig voelen in ons eigen huis, en dat Finn "
            "weer durft te slapen."
        ),
        priority_domain=Domain.DOMESTIC_RELATIONS,
        other_questions=(
            (
                "Ik wil duidelijke afspraken over wanneer de kinderen hun vader zien.",
                Domain.DOMESTIC_RELATIONS,
            ),
            ("Ik wil hulp bij de rekeningen die nu alleen op mijn naam staan.", Domain.FINANCES),
        ),
        involvements=(
            InvolvementSpec(
                "jeugdbescherming.uitvoerder",
                Service.YOUTH_PROTECTION,
                (Domain.DOMESTIC_RELATIONS,),
                (1, 2),
            ),
            InvolvementSpec(
                "mw.regisseur",
                Service.SOCIAL_WORK,
                (Domain.DOMESTIC_RELATIONS, Domain.FINANCES),
                (0,),
            ),
            InvolvementSpec(
                "school.ib", Service.EDUCATION_SUPPORT, (Domain.MENTAL_HEALTH,), (1, 2)
            ),
            InvolvementSpec("wijkteam.delfzijl", Service.SUPPORT, (Domain.DOMESTIC_RELATIONS,)),
        ),
        coordinator="wijkteam.delfzijl",
        steps=advance(CaseStatus.INTAKE),
    ),
)

KRAMER = HouseholdSpec(
    name="Familie Kramer",
    municipality=DELFZIJL,
    address=AddressSpec("Zeestraat", "21", "9938 EA", "Delfzijl"),
    members=(
        MemberSpec("Ilse", "Kramer", date(1978, 9, 14), F),
        MemberSpec("Dennis", "Kramer", date(1976, 5, 30), M),
        MemberSpec("Luuk", "Kramer", date(2008, 4, 2), M),
        MemberSpec("Fleur", "Kramer", date(2011, 12, 20), F, has_bsn=False),
    ),
    relations=(PARTNERS, *parents_of((2, 3), 0, 1)),
    network=(
        NetworkSpec(
            "Rick Oosting",
            NetworkKind.INFORMAL_MENTOR,
            "trainer van de boksschool",
            "Luuk traint er drie keer per week; Rick belt de ouders als Luuk wegblijft.",
        ),
    ),
    case=CaseSpec(
        opened_by="politie.wijkagent",
        service_type=Service.SAFETY,
        priority_question=(
            "We willen dat Luuk uit de problemen blijft en weer iets gaat doen, school of werk. "
            "We krijgen geen grip meer op hem."
        ),
        priority_domain=Domain.JUSTICE,
        other_questions=(
            (
                "Luuk wil een baan of stage waar hij echt geld verdient.",
                Domain.WORK_EDUCATION,
            ),
            (
                "Wij willen duidelijk kunnen zijn zonder dat het elke dag ruzie wordt.",
                Domain.DOMESTIC_RELATIONS,
            ),
        ),
        involvements=(
            InvolvementSpec(
                "jeugdhulp.uitvoerder",
                Service.YOUTH_CARE_AMBULANT,
                (Domain.DOMESTIC_RELATIONS, Domain.JUSTICE),
                (0, 1, 2),
            ),
            InvolvementSpec(
                "werk.uitvoerder", Service.REINTEGRATION, (Domain.WORK_EDUCATION,), (2,)
            ),
            InvolvementSpec(
                "regisseur.delfzijl", Service.COORDINATION, (Domain.DOMESTIC_RELATIONS,)
            ),
        ),
        coordinator="regisseur.delfzijl",
    ),
)

# Three organisations for a month and no coordinator yet; the GGZ has no consent from Monique
# and sees only that the household is known; a referral to the Kredietbank waits for an answer.
HUIZENGA = HouseholdSpec(
    name="Familie Huizenga",
    municipality=DELFZIJL,
    address=AddressSpec("Zeebadweg", "7", "9934 KL", "Delfzijl"),
    members=(
        MemberSpec("Monique", "Huizenga", date(1983, 5, 19), F),
        MemberSpec("Daan", "Huizenga", date(2009, 8, 3), M),
        MemberSpec("Evi", "Huizenga", date(2014, 12, 11), F),
    ),
    relations=parents_of((1, 2), 0),
    case=CaseSpec(
        opened_by="wijkteam.delfzijl",
        service_type=Service.SUPPORT,
        priority_question=(
            "Ik wil weer overzicht. Sinds de scheiding lukt het me niet meer om alles bij te "
            "houden, en Evi slaapt slecht."
        ),
        priority_domain=Domain.DOMESTIC_RELATIONS,
        other_questions=(("Daan gaat bijna niet meer naar school.", Domain.WORK_EDUCATION),),
        involvements=(
            InvolvementSpec(
                "ggz.uitvoerder",
                Service.MENTAL_HEALTH,
                (Domain.MENTAL_HEALTH,),
                (0,),
                consent=False,
                since_days=35,
            ),
            InvolvementSpec(
                "jeugdhulp.uitvoerder",
                Service.YOUTH_CARE_AMBULANT,
                (Domain.MENTAL_HEALTH,),
                (2,),
                since_days=30,
            ),
            InvolvementSpec(
                "school.zorgcoordinator",
                Service.EDUCATION_SUPPORT,
                (Domain.WORK_EDUCATION,),
                (1,),
                since_days=28,
            ),
        ),
        coordinator="",
        steps=advance(CaseStatus.INTAKE),
        referrals=(
            ReferralSpec(
                by="wijkteam.delfzijl",
                to="schuldhulp.uitvoerder",
                reason=(
                    "Monique heeft sinds de scheiding betalingsachterstanden bij de energie en "
                    "de zorgverzekeraar; ze wil hulp om een regeling te treffen."
                ),
                service_type=Service.DEBT_HELP,
                life_domains=(Domain.FINANCES,),
                persons=(0,),
            ),
        ),
        proposal=ProposalSpec(
            by="jeugdhulp.uitvoerder",
            coordinator="wijkteam.delfzijl",
            motivation="Jeroen kent Monique van het keukentafelgesprek en heeft haar vertrouwen.",
        ),
    ),
)

HOUSEHOLDS = (BAKKER, PRANGER, WIERSMA, DOORNBOS, DE_VRIES, KRAMER, HUIZENGA)
