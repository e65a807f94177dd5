from django.db import models
from django.utils.translation import gettext_lazy as _

# From this age a person decides about their own data (standards.md, UAVG art. 5) and may have an
# account; for a younger child the parents act and see.
OWN_ACCOUNT_AGE = 16
SCORES = range(1, 11)  # a Dutch report mark


class ProposalKind(models.TextChoices):
    GOAL = "doel", _("Doel")
    STRENGTH = "sterkte", _("Wat goed gaat")
    NETWORK_MEMBER = "netwerklid", _("Iemand uit ons netwerk")


class ProposalStatus(models.TextChoices):
    OPEN = "open", _("Wacht op de regisseur")
    TAKEN_IN = "overgenomen", _("In het plan gezet")
    DECLINED = "niet_overgenomen", _("Niet in het plan gezet")
