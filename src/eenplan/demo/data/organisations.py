"""The 22 partner organisations of Proeftuin Eemsdelta.

Every organisation is fictional: the names are invented so nobody mistakes the demo for a real
organisation's data (the three municipalities are the exception; they are the setting). KvK
numbers and AGB codes are invented 8-digit numbers. Care providers that declare care under the
Zorgverzekeringswet or Jeugdwet have an AGB code; the others do not.
"""

from eenplan.demo.data.regions import APPINGEDAM, DELFZIJL, EEMSDELTA_ALL, LOPPERSUM
from eenplan.demo.data.types import OrganisationSpec
from eenplan.tenancy.constants import OrganisationType as T

GEMEENTE_DELFZIJL = "Gemeente Delfzijl"
GEMEENTE_APPINGEDAM = "Gemeente Appingedam"
GEMEENTE_LOPPERSUM = "Gemeente Loppersum"
SOCIAAL_TEAM_DELFZIJL = "Sociaal Team Delfzijl"
WIJKTEAM_APPINGEDAM = "Wijkteam Appingedam"
SOCIAAL_TEAM_LOPPERSUM = "Sociaal Team Loppersum"
JEUGDHULP = "Jeugdhulp Waddenkust"
JEUGDBESCHERMING = "Jeugdbescherming Kwelderland"
GGZ = "GGZ Eemsoever"
VERSLAVINGSZORG = "Verslavingszorg Zeehaven"
KREDIETBANK = "Kredietbank Fivelboezem"
WOONSTICHTING = "Woonstichting Wierdewonen"
POLITIE = "Politie wijkteam Eemskanaal"
BASISSCHOOL = "Openbaar Basisonderwijs De Getijden"
VO_SCHOOL = "Wierdenland College"
WERKPLEIN = "Werkplein Eemsmond"
MAATSCHAPPELIJK_WERK = "Maatschappelijk Werk Fivelzijl"
JGZ = "JGZ Noordkust"
HUISARTS = "Huisartsenpraktijk Zeesluis"
THUISZORG = "Thuiszorg Dijkhuis"
RECLASSERING = "Reclasseringsteam Eemsdelta"
THUISADMINISTRATIE = "Thuisadministratie Samen op Orde"

ORGANISATIONS = (
    OrganisationSpec(
        GEMEENTE_DELFZIJL, T.MUNICIPALITY, "gemeente-delfzijl", "90100010", (DELFZIJL,)
    ),
    OrganisationSpec(
        GEMEENTE_APPINGEDAM, T.MUNICIPALITY, "gemeente-appingedam", "90100003", (APPINGEDAM,)
    ),
    OrganisationSpec(
        GEMEENTE_LOPPERSUM, T.MUNICIPALITY, "gemeente-loppersum", "90100024", (LOPPERSUM,)
    ),
    OrganisationSpec(
        SOCIAAL_TEAM_DELFZIJL, T.NEIGHBOURHOOD_TEAM, "sociaalteam-delfzijl", "90100101", (DELFZIJL,)
    ),
    OrganisationSpec(
        WIJKTEAM_APPINGEDAM, T.NEIGHBOURHOOD_TEAM, "wijkteam-appingedam", "90100102", (APPINGEDAM,)
    ),
    OrganisationSpec(
        SOCIAAL_TEAM_LOPPERSUM,
        T.NEIGHBOURHOOD_TEAM,
        "sociaalteam-loppersum",
        "90100103",
        (LOPPERSUM,),
    ),
    OrganisationSpec(
        JEUGDHULP, T.YOUTH_CARE, "jeugdhulpwaddenkust", "90100201", EEMSDELTA_ALL, "73990201"
    ),
    OrganisationSpec(
        JEUGDBESCHERMING, T.YOUTH_PROTECTION, "jbkwelderland", "90100202", EEMSDELTA_ALL
    ),
    OrganisationSpec(GGZ, T.MENTAL_HEALTH, "ggzeemsoever", "90100203", EEMSDELTA_ALL, "06990203"),
    OrganisationSpec(
        VERSLAVINGSZORG, T.ADDICTION_CARE, "vzzeehaven", "90100204", EEMSDELTA_ALL, "06990204"
    ),
    OrganisationSpec(KREDIETBANK, T.DEBT_HELP, "kbfivelboezem", "90100205", EEMSDELTA_ALL),
    OrganisationSpec(
        WOONSTICHTING, T.HOUSING_CORPORATION, "wierdewonen", "90100206", EEMSDELTA_ALL
    ),
    OrganisationSpec(POLITIE, T.POLICE, "politie-eemskanaal", "90100207", EEMSDELTA_ALL),
    OrganisationSpec(BASISSCHOOL, T.SCHOOL, "degetijden", "90100208", EEMSDELTA_ALL),
    OrganisationSpec(VO_SCHOOL, T.SCHOOL, "wierdenlandcollege", "90100209", EEMSDELTA_ALL),
    OrganisationSpec(
        WERKPLEIN, T.EMPLOYMENT_SERVICE, "werkplein-eemsmond", "90100210", EEMSDELTA_ALL
    ),
    OrganisationSpec(MAATSCHAPPELIJK_WERK, T.SOCIAL_WORK, "mwfivelzijl", "90100211", EEMSDELTA_ALL),
    OrganisationSpec(JGZ, T.HEALTH_CARE, "jgznoordkust", "90100212", EEMSDELTA_ALL, "01990212"),
    OrganisationSpec(
        HUISARTS, T.HEALTH_CARE, "hpzeesluis", "90100213", (DELFZIJL, APPINGEDAM), "01990213"
    ),
    OrganisationSpec(
        THUISZORG, T.HOME_CARE, "thuiszorgdijkhuis", "90100214", EEMSDELTA_ALL, "75990214"
    ),
    OrganisationSpec(
        RECLASSERING, T.PROBATION, "reclassering-eemsdelta", "90100215", EEMSDELTA_ALL
    ),
    OrganisationSpec(
        THUISADMINISTRATIE,
        T.COMMUNITY_INITIATIVE,
        "samenoporde",
        "90100216",
        EEMSDELTA_ALL,
    ),
)
