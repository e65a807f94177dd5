from django.db import models
from django.utils.translation import gettext_lazy as _

# A cell counting fewer cases, persons, signals or agreements than this is not shown.
SMALL_CELL = 5


class Level(models.TextChoices):
    MUNICIPALITY = "gemeente", _("Gemeente")
    REGION = "regio", _("Regio")


class Scale(models.IntegerChoices):
    RATIO = 1, _("verhouding")
    PERCENT = 100, _("procent (%)")
    PER_THOUSAND = 1000, _("per 1.000")
    PER_TEN_THOUSAND = 10000, _("per 10.000")


class StoryTheme(models.TextChoices):
    """What a story is about, beside the life domains."""

    COOPERATION = "samenwerking", _("Samenwerking tussen organisaties")
    COORDINATION = "regie", _("Regie en één plan")
    OWN_STRENGTH = "eigen_kracht", _("Eigen kracht en netwerk")
    WAITING = "wachttijd", _("Wachttijden en doorlooptijd")
    PROVISIONS = "voorzieningen", _("Voorzieningen en budget")
    PRIVACY = "privacy", _("Privacy en gegevens delen")
    PREVENTION = "preventie", _("Preventie en vroegsignalering")
    RELAPSE = "terugval", _("Terugval en opnieuw hulp")


# Size classes as CBS uses them for municipalities (inhabitants).
SIZE_CLASSES = (
    (0, 20_000, _("tot 20.000 inwoners")),
    (20_000, 50_000, _("20.000 tot 50.000 inwoners")),
    (50_000, 100_000, _("50.000 tot 100.000 inwoners")),
    (100_000, None, _("100.000 inwoners of meer")),
)
