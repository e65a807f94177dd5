from django.db import models
from django.utils.translation import gettext_lazy as _


class Subject(models.TextChoices):
    """Whom an instrument scores: one person, or the household as a whole."""

    PERSON = "persoon", _("Eén persoon")
    HOUSEHOLD = "huishouden", _("Het huishouden")


class Direction(models.TextChoices):
    """How a domain's latest score compares with the one before it."""

    UP = "beter", _("beter")
    DOWN = "slechter", _("slechter")
    SAME = "gelijk", _("gelijk")
    NEW = "nieuw", _("eerste meting")


# A score at or below this on a domain that maps to a life domain asks for a goal (the gap rule).
LOW_SCORE = 2
