"""Vocabulary shared by all apps."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class LifeDomain(models.TextChoices):
    """The 13 domains of the Zelfredzaamheid-Matrix 2017: the shared vocabulary of life domains."""

    FINANCES = "financien", _("Financiën")
    WORK_EDUCATION = "werk_opleiding", _("Werk & opleiding")
    TIME_USE = "tijdsbesteding", _("Tijdsbesteding")
    HOUSING = "huisvesting", _("Huisvesting")
    DOMESTIC_RELATIONS = "huiselijke_relaties", _("Huiselijke relaties")
    MENTAL_HEALTH = "geestelijke_gezondheid", _("Geestelijke gezondheid")
    PHYSICAL_HEALTH = "lichamelijke_gezondheid", _("Lichamelijke gezondheid")
    SUBSTANCE_USE = "middelengebruik", _("Middelengebruik")
    BASIC_ADL = "basale_adl", _("Basale ADL")
    INSTRUMENTAL_ADL = "instrumentele_adl", _("Instrumentele ADL")
    SOCIAL_NETWORK = "sociaal_netwerk", _("Sociaal netwerk")
    PARTICIPATION = "maatschappelijke_participatie", _("Maatschappelijke participatie")
    JUSTICE = "justitie", _("Justitie")
