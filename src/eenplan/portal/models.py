"""A citizen's account: a ``tenancy.User`` of kind citizen, tied to one person.

The portal derives everything a citizen may see from that person: their households, the plans of
those households' cases, and (later) their children under 16.
"""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from eenplan.common.models import PublicModel


class Citizen(PublicModel):
    user = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        verbose_name=_("account"),
        on_delete=models.CASCADE,
        related_name="citizen",
    )
    person = models.OneToOneField(
        "people.Person",
        verbose_name=_("persoon"),
        on_delete=models.CASCADE,
        related_name="citizen_account",
    )
    created_at = models.DateTimeField(_("aangemaakt op"), auto_now_add=True)

    class Meta:
        verbose_name = _("inwoneraccount")
        verbose_name_plural = _("inwoneraccounts")

    def __str__(self) -> str:
        return str(self.person)
