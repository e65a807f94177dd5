"""The demo accounts: professionals in most organisations, and every role at least once.

Usernames say what the account is for ("regisseur.delfzijl", "privacy.officer"), so a trainer
can tell a room full of people which one to use. Case-working roles (uitvoerder, regisseur,
wijkteamprofessional, consulent) see the households their organisation is involved in; the
other roles see no person data at all. ``reclassering.uitvoerder`` works for an organisation that
is involved in no demo case, to show the need-to-know rule from the outside. The three
``klachten.*`` accounts handle the complaints and objections about their municipality's
households (``eenplan.demo.data.complaints``) and see nothing else of them.
"""

from eenplan.demo.data import organisations as org
from eenplan.demo.data.types import AccountSpec
from eenplan.tenancy.constants import Role

START_ACCOUNT = "regisseur.delfzijl"
NO_CASES_ACCOUNT = "reclassering.uitvoerder"

_MUNICIPALITIES = (org.GEMEENTE_DELFZIJL, org.GEMEENTE_APPINGEDAM, org.GEMEENTE_LOPPERSUM)


def _one(username: str, first: str, last: str, organisation: str, role: Role) -> AccountSpec:
    return AccountSpec(username, first, last, ((organisation, role),))


ACCOUNTS = (
    _one("regisseur.delfzijl", "Anouk", "Dijkstra", org.SOCIAAL_TEAM_DELFZIJL, Role.COORDINATOR),
    _one(
        "wijkteam.delfzijl",
        "Jeroen",
        "Bos",
        org.SOCIAAL_TEAM_DELFZIJL,
        Role.NEIGHBOURHOOD_TEAM_PROFESSIONAL,
    ),
    AccountSpec(
        "teamleider.wijkteam",
        "Marieke",
        "Huizinga",
        (
            (org.SOCIAAL_TEAM_DELFZIJL, Role.TEAM_LEADER),
            (org.SOCIAAL_TEAM_LOPPERSUM, Role.TEAM_LEADER),
        ),
    ),
    _one("consulent.delfzijl", "Sander", "Veenstra", org.GEMEENTE_DELFZIJL, Role.MUNICIPAL_OFFICER),
    _one("beleid.delfzijl", "Ingrid", "Schuurman", org.GEMEENTE_DELFZIJL, Role.POLICY_OFFICER),
    AccountSpec(
        "privacy.officer",
        "Femke",
        "Smit",
        tuple((name, Role.PRIVACY_OFFICER) for name in _MUNICIPALITIES),
    ),
    AccountSpec(
        "beheer.eenplan",
        "Ruben",
        "Meester",
        tuple((name, Role.FUNCTIONAL_ADMIN) for name in _MUNICIPALITIES),
    ),
    _one("regisseur.appingedam", "Lisa", "Oosterhof", org.WIJKTEAM_APPINGEDAM, Role.COORDINATOR),
    _one(
        "wijkteam.appingedam",
        "Thomas",
        "Wolters",
        org.WIJKTEAM_APPINGEDAM,
        Role.NEIGHBOURHOOD_TEAM_PROFESSIONAL,
    ),
    _one(
        "consulent.appingedam",
        "Naima",
        "Bouzid",
        org.GEMEENTE_APPINGEDAM,
        Role.MUNICIPAL_OFFICER,
    ),
    _one("regisseur.loppersum", "Hilde", "Brouwer", org.SOCIAAL_TEAM_LOPPERSUM, Role.COORDINATOR),
    _one(
        "consulent.loppersum",
        "Wouter",
        "Nienhuis",
        org.GEMEENTE_LOPPERSUM,
        Role.MUNICIPAL_OFFICER,
    ),
    _one(
        "klachten.delfzijl",
        "Jolanda",
        "Pieters",
        org.GEMEENTE_DELFZIJL,
        Role.COMPLAINTS_HANDLER,
    ),
    _one(
        "klachten.appingedam",
        "Erwin",
        "Hofstede",
        org.GEMEENTE_APPINGEDAM,
        Role.COMPLAINTS_HANDLER,
    ),
    _one(
        "klachten.loppersum",
        "Ellen",
        "Dijkema",
        org.GEMEENTE_LOPPERSUM,
        Role.COMPLAINTS_HANDLER,
    ),
    _one("jeugdhulp.uitvoerder", "Sanne", "Boerma", org.JEUGDHULP, Role.PROFESSIONAL),
    _one("directeur.jeugdhulp", "Peter", "Kloosterman", org.JEUGDHULP, Role.DIRECTOR),
    _one(
        "jeugdbescherming.uitvoerder", "Maaike", "Timmer", org.JEUGDBESCHERMING, Role.PROFESSIONAL
    ),
    _one("ggz.uitvoerder", "Rianne", "de Haan", org.GGZ, Role.PROFESSIONAL),
    _one("verslavingszorg.uitvoerder", "Martijn", "Zwiers", org.VERSLAVINGSZORG, Role.PROFESSIONAL),
    _one("schuldhulp.uitvoerder", "Bart", "Venema", org.KREDIETBANK, Role.PROFESSIONAL),
    _one("woning.uitvoerder", "Yvonne", "Slagter", org.WOONSTICHTING, Role.PROFESSIONAL),
    _one("politie.wijkagent", "Kevin", "Schuiling", org.POLITIE, Role.PROFESSIONAL),
    _one("school.ib", "Marloes", "van Dijk", org.BASISSCHOOL, Role.PROFESSIONAL),
    _one("school.zorgcoordinator", "Arjen", "Wubbels", org.VO_SCHOOL, Role.PROFESSIONAL),
    _one("werk.uitvoerder", "Priya", "Ramdin", org.WERKPLEIN, Role.PROFESSIONAL),
    _one("mw.regisseur", "Carla", "Scholtens", org.MAATSCHAPPELIJK_WERK, Role.COORDINATOR),
    _one("jgz.verpleegkundige", "Joke", "Hummel", org.JGZ, Role.PROFESSIONAL),
    _one("huisarts.poh", "Frank", "Bolhuis", org.HUISARTS, Role.PROFESSIONAL),
    _one("thuiszorg.uitvoerder", "Anja", "Kremer", org.THUISZORG, Role.PROFESSIONAL),
    _one(NO_CASES_ACCOUNT, "Youssef", "El Idrissi", org.RECLASSERING, Role.PROFESSIONAL),
    _one(
        "vrijwilliger.thuisadministratie",
        "Gerda",
        "Pot",
        org.THUISADMINISTRATIE,
        Role.PROFESSIONAL,
    ),
)

USERNAMES = tuple(account.username for account in ACCOUNTS)
