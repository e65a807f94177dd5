"""Signals: a situation in the network around a household that someone should look at.

A signal stands for one *situation*, named by its ``key`` (``overlap:<case>:<domain>:<service>``,
see ``rules.py``); the database allows one signal per (kind, key), so a situation is never raised
twice. ``present`` says whether the situation holds now; ``status`` is what people did about it:

* open — in the inbox (the situation holds and nobody resolved it yet);
* afgehandeld — the coordinator recorded an agreement or why it is fine; stays so while the
  situation holds;
* vervallen — the situation went away before anyone resolved it; it left the inbox by itself.

When a situation that went away (``present`` false) holds again, its signal opens again and
``reopened_count`` goes up. The evaluation in ``evaluation.py`` does all of this; people only
resolve (``services.signal_resolve``).
"""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from eenplan.common.models import PublicModel
from eenplan.privacy import policy
from eenplan.signals.constants import SignalKind, SignalOutcome, SignalStatus


class SignalQuerySet(models.QuerySet):
    def visible_to(self, user) -> "SignalQuerySet":
        return self.filter(policy.signal_visibility(user))

    def open(self) -> "SignalQuerySet":
        return self.filter(status=SignalStatus.OPEN)


class Signal(PublicModel):
    kind = models.CharField(_("soort"), max_length=20, choices=SignalKind.choices)
    key = models.CharField(
        _("situatie"), max_length=255, help_text=_("Wat precies de situatie is, als sleutel.")
    )
    case = models.ForeignKey(
        "cases.Case", verbose_name=_("casus"), on_delete=models.CASCADE, related_name="signals"
    )
    person = models.ForeignKey(
        "people.Person",
        verbose_name=_("over persoon"),
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="signals",
        help_text=_("Bij een match: de persoon die bij meer organisaties bekend is."),
    )
    status = models.CharField(
        _("status"), max_length=20, choices=SignalStatus.choices, default=SignalStatus.OPEN
    )
    present = models.BooleanField(
        _("speelt nu"), default=True, help_text=_("De situatie doet zich nu voor.")
    )
    explanation = models.TextField(_("uitleg"))
    data = models.JSONField(_("gegevens"), default=dict, blank=True)
    organisations = models.ManyToManyField(
        "tenancy.Organisation",
        through="SignalOrganisation",
        verbose_name=_("betrokken organisaties"),
        related_name="signals",
    )
    raised_at = models.DateTimeField(_("gesignaleerd op"), auto_now_add=True)
    updated_at = models.DateTimeField(_("bijgewerkt op"), auto_now=True)
    cleared_at = models.DateTimeField(_("vervallen op"), null=True, blank=True)
    reopened_at = models.DateTimeField(_("opnieuw gesignaleerd op"), null=True, blank=True)
    reopened_count = models.PositiveIntegerField(_("keer opnieuw gesignaleerd"), default=0)
    outcome = models.CharField(
        _("afhandeling"), max_length=20, choices=SignalOutcome.choices, blank=True
    )
    continuing_organisation = models.ForeignKey(
        "tenancy.Organisation",
        verbose_name=_("gaat door"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )
    stopping_organisations = models.ManyToManyField(
        "tenancy.Organisation",
        verbose_name=_("stopt"),
        blank=True,
        related_name="+",
    )
    note = models.TextField(_("toelichting"), blank=True)
    resolved_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("afgehandeld door"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )
    resolved_at = models.DateTimeField(_("afgehandeld op"), null=True, blank=True)

    objects = SignalQuerySet.as_manager()

    class Meta:
        verbose_name = _("signaal")
        verbose_name_plural = _("signalen")
        ordering = ["-raised_at", "-pk"]
        constraints = [
            models.UniqueConstraint(fields=["kind", "key"], name="unique_signal_situation"),
            models.CheckConstraint(
                condition=~models.Q(status=SignalStatus.OPEN) | models.Q(present=True),
                name="open_signal_is_present",
            ),
            models.CheckConstraint(
                condition=~models.Q(status=SignalStatus.RESOLVED) | ~models.Q(outcome=""),
                name="resolved_signal_has_outcome",
            ),
        ]
        indexes = [models.Index(fields=["status", "kind"]), models.Index(fields=["case", "status"])]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} — {self.case}"

    @property
    def is_open(self) -> bool:
        return self.status == SignalStatus.OPEN


class SignalOrganisation(models.Model):
    """An organisation a signal concerns, with whom to contact there."""

    signal = models.ForeignKey(
        Signal, verbose_name=_("signaal"), on_delete=models.CASCADE, related_name="parties"
    )
    organisation = models.ForeignKey(
        "tenancy.Organisation",
        verbose_name=_("organisatie"),
        on_delete=models.CASCADE,
        related_name="+",
    )
    contact = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("contactpersoon"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )

    class Meta:
        verbose_name = _("betrokken organisatie")
        verbose_name_plural = _("betrokken organisaties")
        ordering = ["organisation__name", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["signal", "organisation"], name="unique_signal_organisation"
            )
        ]
        indexes = [models.Index(fields=["organisation", "signal"])]

    def __str__(self) -> str:
        return f"{self.organisation} — {self.signal}"
