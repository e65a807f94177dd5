"""Five demo households in Appingedam (postcodes 9901-9903).

Among them an elderly couple cared for by their grandson, a father after a divorce whose case
was closed with its goals reached, a family of statushouders learning the language, and a man
whose case was closed when he stopped cooperating and reopened when he asked for help himself.
"""

import datetime

from eenplan.cases.constants import CaseStatus, ClosingReason
from eenplan.cases.constants import ServiceType as Service
from eenplan.common.constants import LifeDomain as Domain
from eenplan.demo.data.regions import APPINGEDAM
from eenplan.demo.data.types import (
    AddressSpec,
    CaseSpec,
    HouseholdSpec,
    InvolvementSpec,
    MemberSpec,
    NetworkSpec,
    StepSpec,
    advance,
    parents_of,
)
from eenplan.people.constants import Gender, NetworkKind, RelationKind

M, F = Gender.MALE, Gender.FEMALE
date = datetime.date
PARTNERS = (0, RelationKind.PARTNER, 1)

HOEKSTRA = HouseholdSpec(
    name="Familie Hoekstra",
    municipality=APPINGEDAM,
    address=AddressSpec("Dijkstraat", "9", "9901 AT", "Appingedam"),
    members=(
        MemberSpec("Bas", "Hoekstra", date(1999, 8, 19), M),
        MemberSpec("Gerrit", "Hoekstra", date(1941, 2, 8), M),
        MemberSpec("Aaltje", "Hoekstra-Dijkema", date(1944, 6, 27), F),
    ),
    relations=(
        (1, RelationKind.PARTNER, 2),
        (0, RelationKind.OTHER, 1),
        (0, RelationKind.OTHER, 2),
    ),
    network=(
        NetworkSpec(
            "Wilma Hoekstra",
            NetworkKind.RELATIVE,
            "dochter van Gerrit en Aaltje, moeder van Bas",
            "Komt elke zaterdag uit Groningen en doet dan samen met Bas de bankzaken.",
        ),
        NetworkSpec(
            "Tjitske Smid",
            NetworkKind.NEIGHBOUR,
            "buurvrouw",
            "Kijkt elke ochtend even of opa en oma zijn opgestaan.",
        ),
    ),
    case=CaseSpec(
        opened_by="thuiszorg.uitvoerder",
        service_type=Service.HOUSEHOLD_HELP,
        priority_question=(
            "Ik wil dat opa en oma thuis kunnen blijven wonen, maar ik trek het niet meer om naast "
            "mijn werk alles voor ze te doen."
        ),
        priority_domain=Domain.BASIC_ADL,
        other_questions=(
            (
                "Opa vergeet steeds meer; we willen weten wat er met hem aan de hand is.",
                Domain.MENTAL_HEALTH,
            ),
            (
                "De post en de rekeningen stapelen zich op sinds opa ze niet meer overziet.",
                Domain.INSTRUMENTAL_ADL,
            ),
            ("Bas wil zijn baan houden en ook tijd voor zichzelf.", Domain.WORK_EDUCATION),
        ),
        involvements=(
            InvolvementSpec(
                "huisarts.poh",
                Service.HEALTH_CARE,
                (Domain.MENTAL_HEALTH, Domain.PHYSICAL_HEALTH),
                (1, 2),
            ),
            InvolvementSpec(
                "consulent.appingedam",
                Service.SUPPORT,
                (Domain.BASIC_ADL, Domain.INSTRUMENTAL_ADL),
                (1, 2),
            ),
            InvolvementSpec(
                "vrijwilliger.thuisadministratie",
                Service.VOLUNTEER_SUPPORT,
                (Domain.FINANCES, Domain.INSTRUMENTAL_ADL),
                (1, 2),
            ),
            InvolvementSpec(
                "regisseur.appingedam", Service.SUPPORT, (Domain.SOCIAL_NETWORK,), (0,)
            ),
        ),
        coordinator="regisseur.appingedam",
        steps=advance(CaseStatus.EVALUATION),
    ),
)

POSTMA = HouseholdSpec(
    name="Huishouden Postma",
    municipality=APPINGEDAM,
    address=AddressSpec("Kerkstraat", "4a", "9902 BC", "Appingedam"),
    members=(
        MemberSpec("Erik", "Postma", date(1983, 6, 6), M),
        MemberSpec("Julia", "Postma", date(2013, 2, 11), F),
        MemberSpec("Thijs", "Postma", date(2016, 9, 29), M),
    ),
    relations=parents_of((1, 2), 0),
    network=(
        NetworkSpec(
            "Dirk Postma",
            NetworkKind.RELATIVE,
            "broer van Erik",
            "Hielp met verhuizen en past op de kinderen als Erik avonddienst heeft.",
        ),
    ),
    case=CaseSpec(
        opened_by="wijkteam.appingedam",
        service_type=Service.SUPPORT,
        priority_question=(
            "Ik wil een vaste plek voor mij en de kinderen, en afspraken met hun moeder die we "
            "allebei nakomen."
        ),
        priority_domain=Domain.HOUSING,
        other_questions=(
            (
                "Ik wil overzicht over de schulden die na de scheiding op mijn naam staan.",
                Domain.FINANCES,
            ),
            (
                "Julia is stil sinds de scheiding; ik wil weten hoe ik haar kan helpen.",
                Domain.MENTAL_HEALTH,
            ),
        ),
        involvements=(
            InvolvementSpec("woning.uitvoerder", Service.HOUSING, (Domain.HOUSING,), (0,)),
            InvolvementSpec(
                "mw.regisseur", Service.SOCIAL_WORK, (Domain.DOMESTIC_RELATIONS,), (0,)
            ),
            InvolvementSpec("schuldhulp.uitvoerder", Service.DEBT_HELP, (Domain.FINANCES,), (0,)),
            InvolvementSpec(
                "jgz.verpleegkundige", Service.HEALTH_CARE, (Domain.MENTAL_HEALTH,), (1, 2)
            ),
        ),
        coordinator="regisseur.appingedam",
        steps=(
            *advance(CaseStatus.EVALUATION),
            StepSpec(
                CaseStatus.CLOSED,
                ClosingReason.GOALS_REACHED,
                "Erik heeft een eigen huurwoning en er ligt een ouderschapsplan dat beide ouders "
                "nakomen. De schuldregeling loopt via de kredietbank.",
            ),
        ),
    ),
)

TESFAY = HouseholdSpec(
    name="Familie Tesfay",
    municipality=APPINGEDAM,
    address=AddressSpec("Oranjestraat", "61", "9903 HN", "Appingedam"),
    members=(
        MemberSpec("Yonas", "Tesfay", date(1987, 1, 1), M),
        MemberSpec("Helen", "Gebremedhin", date(1991, 5, 12), F),
        MemberSpec("Dawit", "Yonas", date(2015, 3, 8), M),
        MemberSpec("Ruth", "Yonas", date(2019, 10, 17), F),
        MemberSpec("Samuel", "Yonas", date(2023, 6, 2), M),
    ),
    relations=(PARTNERS, *parents_of((2, 3, 4), 0, 1)),
    network=(
        NetworkSpec(
            "Marja Kooistra",
            NetworkKind.VOLUNTEER,
            "taalmaatje",
            "Oefent twee keer per week Nederlands met Helen en gaat mee naar oudergesprekken.",
        ),
        NetworkSpec(
            "Abel Tekle",
            NetworkKind.FRIEND,
            "landgenoot en buurman",
            "Vertaalt brieven in het Tigrinya en helpt Yonas met formulieren.",
        ),
    ),
    case=CaseSpec(
        opened_by="consulent.appingedam",
        service_type=Service.INCOME_SUPPORT,
        priority_question=(
            "Wij willen goed Nederlands leren en werk vinden, zodat we zelf onze rekeningen kunnen "
            "betalen."
        ),
        priority_domain=Domain.PARTICIPATION,
        other_questions=(
            (
                "We begrijpen de brieven over toeslagen niet en zijn bang iets verkeerd te doen.",
                Domain.FINANCES,
            ),
            (
                "Dawit heeft moeite op school omdat hij de taal nog niet goed spreekt.",
                Domain.WORK_EDUCATION,
            ),
            (
                "Helen wil weten waar ze met Samuel naartoe kan voor controles en prikken.",
                Domain.PHYSICAL_HEALTH,
            ),
        ),
        involvements=(
            InvolvementSpec(
                "vrijwilliger.thuisadministratie",
                Service.VOLUNTEER_SUPPORT,
                (Domain.FINANCES, Domain.INSTRUMENTAL_ADL),
                (0, 1),
            ),
            InvolvementSpec(
                "werk.uitvoerder",
                Service.REINTEGRATION,
                (Domain.WORK_EDUCATION, Domain.PARTICIPATION),
                (0, 1),
            ),
            InvolvementSpec(
                "school.ib", Service.EDUCATION_SUPPORT, (Domain.WORK_EDUCATION,), (2, 3)
            ),
            InvolvementSpec(
                "jgz.verpleegkundige", Service.HEALTH_CARE, (Domain.PHYSICAL_HEALTH,), (4,)
            ),
            InvolvementSpec(
                "wijkteam.appingedam",
                Service.SUPPORT,
                (Domain.PARTICIPATION, Domain.SOCIAL_NETWORK),
            ),
        ),
        coordinator="wijkteam.appingedam",
        # One round through evaluation and back to execution: the language course continues.
        steps=(*advance(CaseStatus.EVALUATION), StepSpec(CaseStatus.EXECUTION)),
    ),
)

MEIJER = HouseholdSpec(
    name="Familie Meijer",
    municipality=APPINGEDAM,
    address=AddressSpec("Molenweg", "27", "9901 GD", "Appingedam"),
    members=(
        MemberSpec("Demi", "Meijer", date(2004, 4, 14), F),
        MemberSpec("Jesse", "Pieters", date(2003, 10, 9), M),
        MemberSpec("Mila", "Meijer", date(2024, 8, 22), F),
    ),
    relations=(PARTNERS, *parents_of((2,), 0, 1)),
    network=(
        NetworkSpec(
            "Sylvia Meijer",
            NetworkKind.RELATIVE,
            "moeder van Demi",
            "Demi, Jesse en Mila wonen bij haar in; ze past op Mila tijdens afspraken.",
        ),
    ),
    case=CaseSpec(
        opened_by="jgz.verpleegkundige",
        service_type=Service.HEALTH_CARE,
        priority_question=(
            "We willen het goed doen voor Mila, maar we weten niet hoe we alles moeten regelen: "
            "geld, een eigen huis en werk."
        ),
        priority_domain=Domain.FINANCES,
        other_questions=(
            ("We willen een eigen woning voor ons drieën.", Domain.HOUSING),
            ("Jesse wil een opleiding of werk met een vast contract.", Domain.WORK_EDUCATION),
        ),
        involvements=(
            InvolvementSpec("schuldhulp.uitvoerder", Service.DEBT_HELP, (Domain.FINANCES,), (0, 1)),
            InvolvementSpec(
                "jeugdhulp.uitvoerder",
                Service.YOUTH_CARE_AMBULANT,
                (Domain.DOMESTIC_RELATIONS,),
                (0,),
            ),
            InvolvementSpec(
                "werk.uitvoerder", Service.REINTEGRATION, (Domain.WORK_EDUCATION,), (1,)
            ),
            InvolvementSpec("regisseur.appingedam", Service.COORDINATION, (Domain.FINANCES,)),
        ),
        coordinator="regisseur.appingedam",
        steps=advance(CaseStatus.INTAKE),
    ),
)

ZUIDEMA = HouseholdSpec(
    name="Huishouden Zuidema",
    municipality=APPINGEDAM,
    address=AddressSpec("Vijfde Industrieweg", "2", "9903 PK", "Appingedam"),
    members=(MemberSpec("Harm", "Zuidema", date(1972, 11, 3), M),),
    relations=(),
    case=CaseSpec(
        opened_by="woning.uitvoerder",
        service_type=Service.HOUSING,
        priority_question=(
            "Ik wil mijn huis weer op orde krijgen, zodat ik hier mag blijven wonen en de buren "
            "niet meer klagen."
        ),
        priority_domain=Domain.HOUSING,
        other_questions=(
            (
                "Ik heb lang geen post opengemaakt en wil weten hoe groot mijn schulden zijn.",
                Domain.FINANCES,
            ),
            ("Ik zit veel alleen en wil weer iets te doen hebben.", Domain.SOCIAL_NETWORK),
        ),
        involvements=(
            InvolvementSpec("ggz.uitvoerder", Service.MENTAL_HEALTH, (Domain.MENTAL_HEALTH,)),
            InvolvementSpec(
                "vrijwilliger.thuisadministratie", Service.VOLUNTEER_SUPPORT, (Domain.FINANCES,)
            ),
            InvolvementSpec(
                "thuiszorg.uitvoerder",
                Service.HOUSEHOLD_HELP,
                (Domain.INSTRUMENTAL_ADL, Domain.HOUSING),
            ),
            InvolvementSpec(
                "wijkteam.appingedam",
                Service.SUPPORT,
                (Domain.SOCIAL_NETWORK, Domain.TIME_USE),
            ),
        ),
        coordinator="wijkteam.appingedam",
        steps=(
            *advance(CaseStatus.EXECUTION),
            StepSpec(
                CaseStatus.CLOSED,
                ClosingReason.DECLINED,
                "Harm wilde na twee maanden geen contact meer. De woonstichting houdt een vinger "
                "aan de pols.",
            ),
            StepSpec(
                CaseStatus.INTAKE,
                note="De buren melden opnieuw overlast; Harm heeft nu zelf gebeld en vraagt om "
                "hulp.",
            ),
            StepSpec(CaseStatus.PLAN),
        ),
    ),
)

HOUSEHOLDS = (HOEKSTRA, POSTMA, TESFAY, MEIJER, ZUIDEMA)
