from django.db import models
from django.utils.translation import gettext_lazy as _


class ActionStatus(models.TextChoices):
    OPEN = "open", _("Open")
    BUSY = "bezig", _("Bezig")
    DONE = "klaar", _("Klaar")
    CANCELLED = "geannuleerd", _("Geannuleerd")


class OwnerKind(models.TextChoices):
    """Who does an action: the household and its network are owners as much as organisations."""

    ORGANISATION = "organisatie", _("Organisatie")
    HOUSEHOLD_MEMBER = "gezinslid", _("Gezinslid")
    NETWORK_MEMBER = "netwerklid", _("Iemand uit het eigen netwerk")


class AgreementMethod(models.TextChoices):
    ON_PAPER = "op_papier", _("Op papier getekend")
    IN_MEETING = "in_overleg", _("Mondeling in een gesprek")
    DIGITAL = "digitaal", _("Digitaal")


class GoalResult(models.TextChoices):
    ACHIEVED = "bereikt", _("Bereikt")
    PARTLY = "deels", _("Deels bereikt")
    NOT_ACHIEVED = "niet_bereikt", _("Niet bereikt")


OPEN_ACTION_STATUSES = (ActionStatus.OPEN, ActionStatus.BUSY)
