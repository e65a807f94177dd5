"""Which help each kind of organisation gives: service types, life domains and for whom.

The generator draws a case's organisations by kind (weighted by the household's priority question
and whether it has children) and then the help from here, so involvements, overlaps and matches
look like a region's: a debt counsellor on finances for the adults, youth care for the children,
the neighbourhood team for the whole household.
"""

from dataclasses import dataclass

from eenplan.cases.constants import ServiceType as S
from eenplan.common.constants import LifeDomain as D
from eenplan.tenancy.constants import OrganisationType as T


@dataclass(frozen=True)
class Help:
    services: tuple[str, ...]
    domains: tuple[str, ...]
    who: str  # "household", "adults", "children" or "one" (one adult)


HELP = {
    T.NEIGHBOURHOOD_TEAM: Help(
        (S.SOCIAL_WORK, S.COORDINATION, S.SUPPORT),
        (D.DOMESTIC_RELATIONS, D.SOCIAL_NETWORK, D.FINANCES, D.TIME_USE, D.INSTRUMENTAL_ADL),
        "household",
    ),
    T.MUNICIPALITY: Help((S.INCOME_SUPPORT,), (D.FINANCES, D.WORK_EDUCATION), "one"),
    T.YOUTH_CARE: Help(
        (S.YOUTH_CARE_AMBULANT, S.YOUTH_CARE_AMBULANT, S.YOUTH_CARE_RESIDENTIAL),
        (D.DOMESTIC_RELATIONS, D.MENTAL_HEALTH),
        "children",
    ),
    T.YOUTH_PROTECTION: Help((S.YOUTH_PROTECTION,), (D.DOMESTIC_RELATIONS, D.JUSTICE), "children"),
    T.MENTAL_HEALTH: Help((S.MENTAL_HEALTH,), (D.MENTAL_HEALTH,), "one"),
    T.ADDICTION_CARE: Help((S.ADDICTION_CARE,), (D.SUBSTANCE_USE, D.MENTAL_HEALTH), "one"),
    T.DEBT_HELP: Help((S.DEBT_HELP,), (D.FINANCES,), "adults"),
    T.HOUSING_CORPORATION: Help((S.HOUSING,), (D.HOUSING,), "adults"),
    T.POLICE: Help((S.SAFETY,), (D.JUSTICE, D.DOMESTIC_RELATIONS), "one"),
    T.SCHOOL: Help((S.EDUCATION_SUPPORT,), (D.WORK_EDUCATION, D.TIME_USE), "children"),
    T.EMPLOYMENT_SERVICE: Help(
        (S.REINTEGRATION, S.INCOME_SUPPORT), (D.WORK_EDUCATION, D.PARTICIPATION), "one"
    ),
    T.SOCIAL_WORK: Help(
        (S.SOCIAL_WORK,), (D.DOMESTIC_RELATIONS, D.SOCIAL_NETWORK, D.FINANCES), "adults"
    ),
    T.HEALTH_CARE: Help((S.HEALTH_CARE,), (D.PHYSICAL_HEALTH, D.MENTAL_HEALTH), "one"),
    T.HOME_CARE: Help(
        (S.HOUSEHOLD_HELP, S.SUPPORT), (D.INSTRUMENTAL_ADL, D.BASIC_ADL, D.PHYSICAL_HEALTH), "one"
    ),
    T.PROBATION: Help((S.PROBATION,), (D.JUSTICE,), "one"),
    T.COMMUNITY_INITIATIVE: Help(
        (S.VOLUNTEER_SUPPORT,), (D.SOCIAL_NETWORK, D.TIME_USE, D.PARTICIPATION), "adults"
    ),
}

# How likely each kind of organisation joins a case (before the boosts below).
KIND_WEIGHTS = {
    T.MUNICIPALITY: 8,
    T.YOUTH_CARE: 10,
    T.YOUTH_PROTECTION: 3,
    T.MENTAL_HEALTH: 9,
    T.ADDICTION_CARE: 3,
    T.DEBT_HELP: 9,
    T.HOUSING_CORPORATION: 6,
    T.POLICE: 2,
    T.SCHOOL: 4,
    T.EMPLOYMENT_SERVICE: 5,
    T.SOCIAL_WORK: 6,
    T.HEALTH_CARE: 5,
    T.HOME_CARE: 7,
    T.PROBATION: 1,
    T.COMMUNITY_INITIATIVE: 3,
}
CHILD_KINDS = frozenset({T.YOUTH_CARE, T.YOUTH_PROTECTION, T.SCHOOL})
PRIORITY_BOOST = 5  # the kinds that help on the priority question's life domain

# Life domains of the priority question, and how often (debts and home life lead).
PRIORITY_DOMAINS = {
    D.FINANCES: 22,
    D.DOMESTIC_RELATIONS: 18,
    D.MENTAL_HEALTH: 14,
    D.HOUSING: 9,
    D.WORK_EDUCATION: 7,
    D.INSTRUMENTAL_ADL: 6,
    D.PHYSICAL_HEALTH: 5,
    D.SUBSTANCE_USE: 5,
    D.SOCIAL_NETWORK: 5,
    D.TIME_USE: 3,
    D.BASIC_ADL: 2,
    D.PARTICIPATION: 2,
    D.JUSTICE: 2,
}

# Organisation kinds that give professionals to the region, and how big they are.
SIZE = {
    T.NEIGHBOURHOOD_TEAM: 6.0,
    T.MUNICIPALITY: 2.5,
    T.YOUTH_CARE: 3.0,
    T.MENTAL_HEALTH: 3.0,
    T.HOME_CARE: 3.0,
    T.DEBT_HELP: 1.5,
    T.HOUSING_CORPORATION: 1.2,
    T.POLICE: 1.0,
    T.COMMUNITY_INITIATIVE: 0.6,
}
DEFAULT_SIZE = 1.5
