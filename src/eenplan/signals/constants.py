from django.db import models
from django.utils.translation import gettext_lazy as _


class SignalKind(models.TextChoices):
    """What the network around a household should look at (see docs/signals.md)."""

    MATCH = "match", _("Match: ook bekend bij een andere organisatie")
    OVERLAP = "overlap", _("Dubbel werk")
    GAP = "gat", _("Gat in het plan")
    NO_COORDINATOR = "geen_regisseur", _("Geen regisseur")
    STALLED = "stilstand", _("Plan staat stil")


class SignalStatus(models.TextChoices):
    """Open signals are in the inbox; the other two are history."""

    OPEN = "open", _("Open")
    RESOLVED = "afgehandeld", _("Afgehandeld")
    CLEARED = "vervallen", _("Vervallen")


class SignalOutcome(models.TextChoices):
    """What the coordinator recorded when resolving a signal."""

    CONTINUE_STOP = "wie_gaat_door", _("Afspraak: wie gaat door, wie stopt")
    FINE = "goed_zo", _("Het is goed zo")


# Signals about two or more organisations doing the same thing: only these can be resolved with
# "who continues, who stops".
DUPLICATION_KINDS = frozenset({SignalKind.MATCH, SignalKind.OVERLAP})
