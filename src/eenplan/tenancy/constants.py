from django.db import models
from django.utils.translation import gettext_lazy as _


class OrganisationType(models.TextChoices):
    MUNICIPALITY = "gemeente", _("Gemeente")
    NEIGHBOURHOOD_TEAM = "wijkteam", _("Wijkteam / sociaal team")
    YOUTH_CARE = "jeugdhulp", _("Jeugdhulp")
    YOUTH_PROTECTION = "jeugdbescherming", _("Gecertificeerde instelling jeugdbescherming")
    MENTAL_HEALTH = "ggz", _("Geestelijke gezondheidszorg")
    ADDICTION_CARE = "verslavingszorg", _("Verslavingszorg")
    DEBT_HELP = "schuldhulp", _("Schuldhulpverlening")
    HOUSING_CORPORATION = "woningcorporatie", _("Woningcorporatie")
    POLICE = "politie", _("Politie")
    SCHOOL = "school", _("School / onderwijs")
    EMPLOYMENT_SERVICE = "werk", _("Werk en inkomen / re-integratie")
    SOCIAL_WORK = "maatschappelijk_werk", _("Maatschappelijk werk")
    HEALTH_CARE = "gezondheidszorg", _("Huisarts / jeugdgezondheidszorg")
    HOME_CARE = "thuiszorg", _("Thuiszorg / Wmo-aanbieder")
    PROBATION = "reclassering", _("Reclassering")
    COMMUNITY_INITIATIVE = "particulier_initiatief", _("Particulier / maatschappelijk initiatief")
    OTHER = "anders", _("Anders")


class AccountKind(models.TextChoices):
    """Professionals and citizens are separate kinds of account: a citizen account reaches only
    the portal (``/mijn/``, ``/api/v1/me/``), a professional account never reaches the portal."""

    PROFESSIONAL = "medewerker", _("Medewerker van een organisatie")
    CITIZEN = "inwoner", _("Inwoner")


class Role(models.TextChoices):
    """Roles from DESIGN.md. A user may hold different roles in different organisations."""

    PROFESSIONAL = "uitvoerder", _("Uitvoerder")
    COORDINATOR = "regisseur", _("Regisseur")
    NEIGHBOURHOOD_TEAM_PROFESSIONAL = "wijkteamprofessional", _("Wijkteamprofessional")
    MUNICIPAL_OFFICER = "consulent", _("Consulent gemeente")
    TEAM_LEADER = "teamleider", _("Teamleider")
    DIRECTOR = "directeur", _("Directeur / bestuurder")
    POLICY_OFFICER = "beleidsmedewerker", _("Beleidsmedewerker")
    PRIVACY_OFFICER = "privacy_officer", _("Privacy officer")
    FUNCTIONAL_ADMIN = "functioneel_beheerder", _("Functioneel beheerder")
    COMPLAINTS_HANDLER = "klachtbehandelaar", _("Behandelaar klachten en bezwaren")


# Roles that work on cases and may therefore see the person data of their organisation's cases.
CASE_WORKER_ROLES = frozenset(
    {
        Role.PROFESSIONAL,
        Role.COORDINATOR,
        Role.NEIGHBOURHOOD_TEAM_PROFESSIONAL,
        Role.MUNICIPAL_OFFICER,
    }
)
