from django.contrib.auth.models import AbstractUser
from django.db import models
from django.utils.translation import gettext_lazy as _

from eenplan.common.models import PublicModel
from eenplan.common.validators import (
    validate_agb_code,
    validate_cbs_municipality_code,
    validate_kvk_number,
)
from eenplan.tenancy.constants import CASE_WORKER_ROLES, AccountKind, OrganisationType, Role


class Region(PublicModel):
    name = models.CharField(_("naam"), max_length=120, unique=True)

    class Meta:
        verbose_name = _("regio")
        verbose_name_plural = _("regio's")
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name


class Municipality(PublicModel):
    region = models.ForeignKey(
        Region, verbose_name=_("regio"), on_delete=models.PROTECT, related_name="municipalities"
    )
    name = models.CharField(_("naam"), max_length=120)
    cbs_code = models.CharField(
        _("CBS-gemeentecode"),
        max_length=6,
        unique=True,
        validators=[validate_cbs_municipality_code],
        help_text=_("Bijvoorbeeld GM0010."),
    )
    inhabitants = models.PositiveIntegerField(_("inwoners"))

    class Meta:
        verbose_name = _("gemeente")
        verbose_name_plural = _("gemeenten")
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name


class Organisation(PublicModel):
    name = models.CharField(_("naam"), max_length=200, unique=True)
    type = models.CharField(_("soort"), max_length=40, choices=OrganisationType.choices)
    kvk_number = models.CharField(
        _("KvK-nummer"), max_length=8, blank=True, validators=[validate_kvk_number]
    )
    agb_code = models.CharField(
        _("AGB-code"), max_length=8, blank=True, validators=[validate_agb_code]
    )
    phone = models.CharField(_("telefoon"), max_length=30, blank=True)
    email = models.EmailField(_("e-mail"), blank=True)
    municipalities = models.ManyToManyField(
        Municipality, verbose_name=_("werkt voor gemeenten"), related_name="organisations"
    )

    class Meta:
        verbose_name = _("organisatie")
        verbose_name_plural = _("organisaties")
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name


class User(PublicModel, AbstractUser):
    """A person who logs in: a professional, officer or administrator, or a citizen (``kind``;
    a citizen's account is tied to their person by ``portal.Citizen``)."""

    phone = models.CharField(_("telefoon"), max_length=30, blank=True)
    kind = models.CharField(
        _("soort account"),
        max_length=20,
        choices=AccountKind.choices,
        default=AccountKind.PROFESSIONAL,
    )

    class Meta(AbstractUser.Meta):
        verbose_name = _("gebruiker")
        verbose_name_plural = _("gebruikers")

    def __str__(self) -> str:
        return self.get_full_name() or self.username

    @property
    def is_citizen(self) -> bool:
        return self.kind == AccountKind.CITIZEN

    def has_role(self, *roles: Role) -> bool:
        return self.is_authenticated and any(m.role in roles for m in self.active_memberships)

    @property
    def active_memberships(self) -> list["Membership"]:
        """The user's active memberships, loaded once per request."""
        if not hasattr(self, "_active_memberships"):
            self._active_memberships = list(
                self.memberships.filter(is_active=True)
                .select_related("organisation")
                .order_by("created_at", "pk")
            )
        return self._active_memberships

    @property
    def acting_organisation(self) -> "Organisation | None":
        """The organisation the user works for when reading or changing case data."""
        working = [m for m in self.active_memberships if m.role in CASE_WORKER_ROLES]
        chosen = working or self.active_memberships
        return chosen[0].organisation if chosen else None


class Membership(PublicModel):
    """A professional works for an organisation in a role."""

    user = models.ForeignKey(
        User, verbose_name=_("gebruiker"), on_delete=models.CASCADE, related_name="memberships"
    )
    organisation = models.ForeignKey(
        Organisation,
        verbose_name=_("organisatie"),
        on_delete=models.CASCADE,
        related_name="memberships",
    )
    role = models.CharField(_("rol"), max_length=40, choices=Role.choices)
    is_active = models.BooleanField(_("actief"), default=True)
    created_at = models.DateTimeField(_("aangemaakt op"), auto_now_add=True)

    class Meta:
        verbose_name = _("lidmaatschap")
        verbose_name_plural = _("lidmaatschappen")
        constraints = [
            models.UniqueConstraint(
                fields=["user", "organisation", "role"], name="unique_membership_role"
            )
        ]
        indexes = [models.Index(fields=["user", "is_active", "role"])]

    def __str__(self) -> str:
        return f"{self.user} — {self.get_role_display()} — {self.organisation}"
