"""What the indicators need beyond the case data: population figures, local indicator definitions
and stories. The standard core itself is code (``definitions.py``), the same everywhere."""

from django.conf import settings
from django.core.validators import MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _

from eenplan.cases.constants import ServiceType
from eenplan.common.constants import LifeDomain
from eenplan.common.models import PublicModel
from eenplan.indicators.constants import Scale


class PopulationFigure(models.Model):
    """Inhabitants and households of a municipality on 1 January of ``year`` (CBS StatLine)."""

    municipality = models.ForeignKey(
        "tenancy.Municipality",
        verbose_name=_("gemeente"),
        on_delete=models.CASCADE,
        related_name="population_figures",
    )
    year = models.PositiveSmallIntegerField(_("jaar"))
    inhabitants = models.PositiveIntegerField(_("inwoners"), validators=[MinValueValidator(1)])
    households = models.PositiveIntegerField(
        _("particuliere huishoudens"), validators=[MinValueValidator(1)]
    )
    youth = models.PositiveIntegerField(_("inwoners jonger dan 18"))
    source = models.CharField(_("bron"), max_length=200, blank=True)

    class Meta:
        verbose_name = _("bevolkingscijfer")
        verbose_name_plural = _("bevolkingscijfers")
        ordering = ["municipality", "-year"]
        constraints = [
            models.UniqueConstraint(fields=["municipality", "year"], name="population_per_year")
        ]

    def __str__(self) -> str:
        return f"{self.municipality} {self.year}"


class LocalIndicator(PublicModel):
    """An indicator one municipality adds beside the core: a ratio of two core measures over the
    cases that pass a filter. No free SQL: only the measures and filters the core offers."""

    municipality = models.ForeignKey(
        "tenancy.Municipality",
        verbose_name=_("gemeente"),
        on_delete=models.CASCADE,
        related_name="local_indicators",
    )
    name = models.CharField(_("naam"), max_length=200)
    description = models.TextField(_("toelichting"), blank=True)
    numerator = models.CharField(_("teller"), max_length=60)
    denominator = models.CharField(_("noemer"), max_length=60)
    scale = models.PositiveIntegerField(_("schaal"), choices=Scale.choices, default=Scale.PERCENT)
    priority_domain = models.CharField(
        _("alleen casussen met prio-vraag op"),
        max_length=40,
        choices=LifeDomain.choices,
        blank=True,
    )
    service_type = models.CharField(
        _("alleen casussen met deze hulp"), max_length=30, choices=ServiceType.choices, blank=True
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("vastgelegd door"),
        on_delete=models.PROTECT,
        related_name="+",
    )
    created_at = models.DateTimeField(_("vastgelegd op"), auto_now_add=True)

    class Meta:
        verbose_name = _("lokale indicator")
        verbose_name_plural = _("lokale indicatoren")
        ordering = ["municipality", "name"]
        constraints = [
            models.UniqueConstraint(fields=["municipality", "name"], name="local_indicator_name")
        ]

    def __str__(self) -> str:
        return self.name

    @property
    def code(self) -> str:
        return f"lokaal-{self.uuid}"


class Story(PublicModel):
    """An anonymised story from practice that explains a number. It has no link to any case,
    household or person on purpose: no path leads from an aggregate to a person."""

    municipality = models.ForeignKey(
        "tenancy.Municipality",
        verbose_name=_("gemeente"),
        on_delete=models.PROTECT,
        related_name="stories",
    )
    title = models.CharField(_("titel"), max_length=200)
    text = models.TextField(_("verhaal"))
    themes = models.JSONField(_("thema's"), default=list, blank=True)
    indicator_codes = models.JSONField(_("bij de indicatoren"), default=list, blank=True)
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("geschreven door"),
        on_delete=models.PROTECT,
        related_name="+",
    )
    organisation = models.ForeignKey(
        "tenancy.Organisation",
        verbose_name=_("organisatie"),
        on_delete=models.PROTECT,
        related_name="+",
    )
    written_at = models.DateTimeField(_("geschreven op"), auto_now_add=True)

    class Meta:
        verbose_name = _("verhaal")
        verbose_name_plural = _("verhalen")
        ordering = ["-written_at", "-pk"]

    def __str__(self) -> str:
        return self.title
