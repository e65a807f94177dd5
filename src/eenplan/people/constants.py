from django.db import models
from django.utils.translation import gettext_lazy as _


class Gender(models.TextChoices):
    UNKNOWN = "0", _("Onbekend")
    MALE = "1", _("Man")
    FEMALE = "2", _("Vrouw")


class RelationKind(models.TextChoices):
    """How one household member relates to another: '<person> is <kind> van <related person>'."""

    PARENT = "ouder", _("ouder")
    CHILD = "kind", _("kind")
    PARTNER = "partner", _("partner")
    OTHER = "anders", _("anders")


RELATION_INVERSE = {
    RelationKind.PARENT: RelationKind.CHILD,
    RelationKind.CHILD: RelationKind.PARENT,
    RelationKind.PARTNER: RelationKind.PARTNER,
    RelationKind.OTHER: RelationKind.OTHER,
}


class NetworkKind(models.TextChoices):
    RELATIVE = "familie", _("Familie buiten het huishouden")
    NEIGHBOUR = "buur", _("Buurman / buurvrouw")
    FRIEND = "vriend", _("Vriend / vriendin")
    INFORMAL_MENTOR = "informele_mentor", _("Informele mentor")
    VOLUNTEER = "vrijwilliger", _("Vrijwilliger")
    OTHER = "anders", _("Anders")
