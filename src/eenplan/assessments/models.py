"""Diagnosis instruments as data, and assessments scored with them.

An instrument (the ZRM 2017, its household variant, or one a functional admin defines) is rows,
never columns: its domains and its scale levels. A version is a separate instrument row with the
same code, so scores always keep the definition they were given under. An assessment scores a
person (or a household) of a case on one date; every domain is optional (data minimisation).
"""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from eenplan.assessments.constants import Subject
from eenplan.common.constants import LifeDomain
from eenplan.common.models import PublicModel
from eenplan.privacy import policy


class InstrumentQuerySet(models.QuerySet):
    def usable(self) -> "InstrumentQuerySet":
        return self.filter(is_active=True)


class Instrument(PublicModel):
    code = models.SlugField(
        _("code"), max_length=40, help_text=_("Gelijk voor alle versies, bijvoorbeeld zrm.")
    )
    version = models.CharField(_("versie"), max_length=20, help_text=_("Bijvoorbeeld 2017."))
    name = models.CharField(_("naam"), max_length=200)
    subject = models.CharField(_("wie wordt gemeten"), max_length=20, choices=Subject.choices)
    description = models.TextField(_("toelichting"), blank=True)
    is_active = models.BooleanField(
        _("in gebruik"), default=True, help_text=_("Nieuwe metingen kunnen met deze versie.")
    )
    is_standard = models.BooleanField(
        _("standaard"), default=False, help_text=_("Meegeleverd met EenPlan, gelijk voor iedereen.")
    )
    municipality = models.ForeignKey(
        "tenancy.Municipality",
        verbose_name=_("gemeente"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="instruments",
        help_text=_("Leeg: voor alle gemeenten."),
    )
    created_at = models.DateTimeField(_("aangemaakt op"), auto_now_add=True)

    objects = InstrumentQuerySet.as_manager()

    class Meta:
        verbose_name = _("instrument")
        verbose_name_plural = _("instrumenten")
        ordering = ["-is_standard", "name", "-version"]
        constraints = [
            models.UniqueConstraint(fields=["code", "version"], name="instrument_code_version")
        ]

    def __str__(self) -> str:
        return f"{self.name} ({self.version})"


class Domain(models.Model):
    """A domain of an instrument. ``life_domain`` ties it to the plan's life domains, so a low
    score can ask for a goal there."""

    instrument = models.ForeignKey(
        Instrument, verbose_name=_("instrument"), on_delete=models.CASCADE, related_name="domains"
    )
    code = models.SlugField(_("code"), max_length=40)
    name = models.CharField(_("naam"), max_length=120)
    life_domain = models.CharField(
        _("leefgebied in het plan"), max_length=40, choices=LifeDomain.choices, blank=True
    )
    position = models.PositiveSmallIntegerField(_("volgorde"))

    class Meta:
        verbose_name = _("domein")
        verbose_name_plural = _("domeinen")
        ordering = ["instrument", "position"]
        constraints = [
            models.UniqueConstraint(
                fields=["instrument", "code"], name="domain_code_per_instrument"
            )
        ]

    def __str__(self) -> str:
        return self.name


class ScaleLevel(models.Model):
    """One point of an instrument's scale, low to high: higher is more self-reliant."""

    instrument = models.ForeignKey(
        Instrument, verbose_name=_("instrument"), on_delete=models.CASCADE, related_name="levels"
    )
    value = models.PositiveSmallIntegerField(_("waarde"))
    label = models.CharField(_("betekenis"), max_length=120)

    class Meta:
        verbose_name = _("schaalwaarde")
        verbose_name_plural = _("schaalwaarden")
        ordering = ["instrument", "value"]
        constraints = [
            models.UniqueConstraint(
                fields=["instrument", "value"], name="level_value_per_instrument"
            )
        ]

    def __str__(self) -> str:
        return f"{self.value} {self.label}"


class AssessmentQuerySet(models.QuerySet):
    def visible_to(self, user) -> "AssessmentQuerySet":
        """Assessments of cases the user's organisation may see assessments of: per person
        (the person's consent or a household-wide basis); a household assessment on any basis
        that covers assessments in the case."""
        return self.filter(policy.assessment_visibility(user))


class Assessment(PublicModel):
    case = models.ForeignKey(
        "cases.Case", verbose_name=_("casus"), on_delete=models.PROTECT, related_name="assessments"
    )
    person = models.ForeignKey(
        "people.Person",
        verbose_name=_("persoon"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="assessments",
        help_text=_("Leeg bij een meting van het hele huishouden."),
    )
    instrument = models.ForeignKey(
        Instrument, verbose_name=_("instrument"), on_delete=models.PROTECT, related_name="+"
    )
    assessed_on = models.DateField(_("gemeten op"))
    assessed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("gemeten door"),
        on_delete=models.PROTECT,
        related_name="+",
    )
    organisation = models.ForeignKey(
        "tenancy.Organisation",
        verbose_name=_("organisatie"),
        on_delete=models.PROTECT,
        related_name="+",
    )
    note = models.TextField(_("toelichting"), blank=True)
    recorded_at = models.DateTimeField(_("vastgelegd op"), auto_now_add=True)

    objects = AssessmentQuerySet.as_manager()

    class Meta:
        verbose_name = _("meting")
        verbose_name_plural = _("metingen")
        ordering = ["-assessed_on", "-pk"]
        indexes = [models.Index(fields=["case", "person", "assessed_on"])]

    def __str__(self) -> str:
        return f"{self.instrument} {self.assessed_on:%d-%m-%Y}"


class Score(models.Model):
    assessment = models.ForeignKey(
        Assessment, verbose_name=_("meting"), on_delete=models.CASCADE, related_name="scores"
    )
    domain = models.ForeignKey(
        Domain, verbose_name=_("domein"), on_delete=models.PROTECT, related_name="scores"
    )
    value = models.PositiveSmallIntegerField(_("score"))
    note = models.TextField(_("toelichting"), blank=True)

    class Meta:
        verbose_name = _("score")
        verbose_name_plural = _("scores")
        ordering = ["assessment", "domain__position"]
        constraints = [
            models.UniqueConstraint(fields=["assessment", "domain"], name="one_score_per_domain")
        ]
        indexes = [models.Index(fields=["domain", "assessment"])]

    def __str__(self) -> str:
        return f"{self.domain}: {self.value}"
