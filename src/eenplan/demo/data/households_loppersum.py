"""Four demo households in the former municipality of Loppersum (postcodes 9919-9921).

Loppersum lies in the centre of the Groningen gas-extraction earthquakes; one family waits for
the reinforcement of its house. Another case was closed because the family moved away.
"""

import datetime

from eenplan.cases.constants import CaseStatus, ClosingReason
from eenplan.cases.constants import ServiceType as Service
from eenplan.common.constants import LifeDomain as Domain
from eenplan.demo.data.regions import LOPPERSUM
from eenplan.demo.data.types import (
    AddressSpec,
    CaseSpec,
    HouseholdSpec,
    InvolvementSpec,
    MemberSpec,
    NetworkSpec,
    StepSpec,
    advance,
    aged,
    parents_of,
)
from eenplan.people.constants import Gender, NetworkKind, RelationKind

M, F = Gender.MALE, Gender.FEMALE
date = datetime.date
PARTNERS = (0, RelationKind.PARTNER, 1)

MULDER = HouseholdSpec(
    name="Familie Mulder",
    municipality=LOPPERSUM,
    address=AddressSpec("Badweg", "15", "9919 AC", "Loppersum"),
    members=(
        MemberSpec("Annemiek", "Mulder", date(1977, 7, 27), F),
        MemberSpec("Jan", "Mulder", date(1975, 3, 3), M),
        MemberSpec("Sietse", "Mulder", date(2012, 1, 15), M),
    ),
    relations=(PARTNERS, *parents_of((2,), 0, 1)),
    network=(
        NetworkSpec(
            "Geert en Fenna Mulder",
            NetworkKind.RELATIVE,
            "ouders van Jan, wonen in Stedum",
            "Sietse mag er altijd logeren als het in de wisselwoning te krap wordt.",
        ),
        NetworkSpec(
            "Henk Dijkhuis",
            NetworkKind.NEIGHBOUR,
            "buurman, wacht ook op versterking",
            "Gaat mee naar de bewonersavonden en legt daarna uit wat er is besloten.",
        ),
    ),
    case=CaseSpec(
        opened_by="regisseur.loppersum",
        service_type=Service.COORDINATION,
        priority_question=(
            "We willen weten waar we aan toe zijn met ons huis. We wachten al jaren op de "
            "versterking en Jan slaapt slecht; we willen weer rust in ons hoofd."
        ),
        priority_domain=Domain.HOUSING,
        other_questions=(
            ("Jan piekert veel en is somber; hij wil daar hulp bij.", Domain.MENTAL_HEALTH),
            (
                "Sietse schrikt van elk geluid in huis; we willen dat hij zich weer veilig voelt.",
                Domain.MENTAL_HEALTH,
            ),
        ),
        involvements=(
            InvolvementSpec("ggz.uitvoerder", Service.MENTAL_HEALTH, (Domain.MENTAL_HEALTH,), (1,)),
            InvolvementSpec(
                "jeugdhulp.uitvoerder",
                Service.YOUTH_CARE_AMBULANT,
                (Domain.MENTAL_HEALTH,),
                (2,),
            ),
            InvolvementSpec("consulent.loppersum", Service.HOUSING, (Domain.HOUSING,), (0, 1)),
            InvolvementSpec(
                "mw.regisseur", Service.SOCIAL_WORK, (Domain.DOMESTIC_RELATIONS,), (0, 1)
            ),
        ),
        coordinator="regisseur.loppersum",
        steps=(
            *advance(CaseStatus.EVALUATION),
            StepSpec(
                CaseStatus.PLAN,
                note="Het gezin verhuist naar een wisselwoning; daarom komt er een nieuw plan.",
            ),
        ),
    ),
)

SMEENGE = HouseholdSpec(
    name="Familie Smeenge",
    municipality=LOPPERSUM,
    address=AddressSpec("Hoofdweg", "88", "9921 RB", "Stedum"),
    members=(
        MemberSpec("Ineke", "Smeenge", date(1984, 2, 2), F),
        MemberSpec("Roelof", "Smeenge", date(1982, 9, 9), M),
        MemberSpec("Jelmer", "Smeenge", date(2015, 5, 5), M),
        MemberSpec("Marit", "Smeenge", date(2018, 8, 8), F),
    ),
    relations=(PARTNERS, *parents_of((2, 3), 0, 1)),
    network=(
        NetworkSpec(
            "Trijntje Smeenge",
            NetworkKind.RELATIVE,
            "oma, moeder van Roelof",
            "Is twee middagen per week bij Marit, zodat zij ook aandacht krijgt.",
        ),
    ),
    case=CaseSpec(
        opened_by="school.ib",
        service_type=Service.EDUCATION_SUPPORT,
        priority_question=(
            "We willen dat Jelmer op een school zit die bij hem past en dat wij het thuis weer "
            "volhouden. We zijn op."
        ),
        priority_domain=Domain.DOMESTIC_RELATIONS,
        other_questions=(
            (
                "Jelmer heeft een passende plek nodig; nu zit hij halve dagen thuis.",
                Domain.WORK_EDUCATION,
            ),
            (
                "Eén weekend per maand logeeropvang voor Jelmer, zodat wij kunnen bijkomen.",
                Domain.DOMESTIC_RELATIONS,
            ),
            (
                "Roelof is bang zijn baan te verliezen omdat hij zo vaak thuis moet blijven.",
                Domain.WORK_EDUCATION,
            ),
        ),
        involvements=(
            InvolvementSpec(
                "jeugdhulp.uitvoerder",
                Service.YOUTH_CARE_RESIDENTIAL,
                (Domain.DOMESTIC_RELATIONS,),
                (2,),
            ),
            InvolvementSpec(
                "jgz.verpleegkundige", Service.HEALTH_CARE, (Domain.MENTAL_HEALTH,), (2, 3)
            ),
            InvolvementSpec("regisseur.loppersum", Service.SUPPORT, (Domain.DOMESTIC_RELATIONS,)),
        ),
        coordinator="regisseur.loppersum",
        steps=advance(CaseStatus.PLAN),
    ),
)

VAN_DER_LAAN = HouseholdSpec(
    name="Huishouden Van der Laan",
    municipality=LOPPERSUM,
    address=AddressSpec("Stationsweg", "12", "9921 PG", "Stedum"),
    members=(
        MemberSpec("Monique", "Laan", date(1985, 10, 10), F, surname_prefix="van der"),
        # Dylan is 17 and Romy 14 whenever the demo is loaded: the portal's story needs a
        # child with an own account and one whose mother acts for her.
        MemberSpec("Dylan", "Laan", aged(17, days=100), M, surname_prefix="van der"),
        MemberSpec("Romy", "Laan", aged(14, days=200), F, surname_prefix="van der", has_bsn=False),
    ),
    relations=parents_of((1, 2), 0),
    network=(
        NetworkSpec(
            "Truus Bolt",
            NetworkKind.NEIGHBOUR,
            "buurvrouw",
            "Leest samen met Monique de post en belt als er iets dringends bij zit.",
        ),
    ),
    case=CaseSpec(
        opened_by="consulent.loppersum",
        service_type=Service.INCOME_SUPPORT,
        priority_question=(
            "Ik wil mijn post en mijn geld zelf leren regelen, zodat de kinderen niks tekortkomen."
        ),
        priority_domain=Domain.FINANCES,
        other_questions=(
            (
                "Dylan spijbelt en zegt dat hij zich schaamt voor zijn kleren.",
                Domain.WORK_EDUCATION,
            ),
            (
                "Ik wil iemand die meegaat naar afspraken, want ik snap niet altijd wat ze zeggen.",
                Domain.INSTRUMENTAL_ADL,
            ),
        ),
        involvements=(
            InvolvementSpec(
                "vrijwilliger.thuisadministratie",
                Service.VOLUNTEER_SUPPORT,
                (Domain.FINANCES,),
                (0,),
            ),
            InvolvementSpec(
                "regisseur.loppersum", Service.SUPPORT, (Domain.INSTRUMENTAL_ADL,), (0,)
            ),
            InvolvementSpec(
                "school.zorgcoordinator",
                Service.EDUCATION_SUPPORT,
                (Domain.WORK_EDUCATION,),
                (1,),
            ),
        ),
        coordinator="regisseur.loppersum",
        steps=advance(CaseStatus.PLAN),  # a draft plan, for the household to agree in the portal
    ),
)

KUIPER = HouseholdSpec(
    name="Familie Kuiper",
    municipality=LOPPERSUM,
    address=AddressSpec("Westerweg", "5", "9919 BH", "Loppersum"),
    members=(
        MemberSpec("Rick", "Kuiper", date(1990, 12, 12), M),
        MemberSpec("Anna", "Kuiper", date(1992, 4, 4), F),
        MemberSpec("Noah", "Kuiper", date(2022, 2, 22), M),
    ),
    relations=(PARTNERS, *parents_of((2,), 0, 1)),
    case=CaseSpec(
        opened_by="werk.uitvoerder",
        service_type=Service.REINTEGRATION,
        priority_question="Ik wil weer werk, zodat we de huur en de rekeningen kunnen betalen.",
        priority_domain=Domain.WORK_EDUCATION,
        other_questions=(
            (
                "We hebben vaak ruzie over geld en willen daar samen uitkomen.",
                Domain.DOMESTIC_RELATIONS,
            ),
        ),
        involvements=(
            InvolvementSpec("schuldhulp.uitvoerder", Service.DEBT_HELP, (Domain.FINANCES,), (0, 1)),
            InvolvementSpec(
                "mw.regisseur", Service.SOCIAL_WORK, (Domain.DOMESTIC_RELATIONS,), (0, 1)
            ),
            InvolvementSpec("regisseur.loppersum", Service.COORDINATION, (Domain.FINANCES,)),
        ),
        coordinator="regisseur.loppersum",
        steps=(
            StepSpec(CaseStatus.INTAKE),
            StepSpec(
                CaseStatus.CLOSED,
                ClosingReason.MOVED,
                "Het gezin is verhuisd naar de stad Groningen; met toestemming overgedragen aan "
                "het wijkteam daar.",
            ),
        ),
    ),
)

HOUSEHOLDS = (MULDER, SMEENGE, VAN_DER_LAAN, KUIPER)
