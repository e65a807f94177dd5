"""The case (casus) of a household: status, questions, coordinator, involvements, timeline."""

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _

from eenplan.cases.constants import (
    CaseStatus,
    ClosingReason,
    EscalationLevel,
    ServiceType,
    TimelineEventKind,
)
from eenplan.common.constants import LifeDomain
from eenplan.common.models import PublicModel
from eenplan.privacy import policy


class CaseQuerySet(models.QuerySet):
    def visible_to(self, user) -> "CaseQuerySet":
        return self.filter(policy.case_visibility(user))

    def open(self) -> "CaseQuerySet":
        return self.exclude(status=CaseStatus.CLOSED)


class Case(PublicModel):
    household = models.ForeignKey(
        "people.Household",
        verbose_name=_("huishouden"),
        on_delete=models.PROTECT,
        related_name="cases",
    )
    reference = models.CharField(_("kenmerk"), max_length=20, unique=True)
    status = models.CharField(
        _("status"), max_length=20, choices=CaseStatus.choices, default=CaseStatus.REFERRAL
    )
    priority_question = models.TextField(
        _("prio-vraag"), help_text=_("De belangrijkste hulpvraag van het huishouden.")
    )
    priority_domain = models.CharField(
        _("leefgebied van de prio-vraag"), max_length=40, choices=LifeDomain.choices, blank=True
    )
    coordinator = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("regisseur"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="coordinated_cases",
    )
    coordinator_organisation = models.ForeignKey(
        "tenancy.Organisation",
        verbose_name=_("organisatie van de regisseur"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="coordinated_cases",
    )
    escalation_level = models.PositiveSmallIntegerField(
        _("opschalingsniveau"),
        choices=EscalationLevel.choices,
        default=EscalationLevel.PROFESSIONALS,
        validators=[MinValueValidator(1), MaxValueValidator(5)],
    )
    escalation_reason = models.TextField(_("reden van opschaling"), blank=True)
    escalation_decision = models.TextField(
        _("besluit (doorzettingsmacht)"),
        blank=True,
        help_text=_("Wat de regisseur of de gemeente heeft besloten om de casus vlot te trekken."),
    )
    closing_reason = models.CharField(
        _("reden van afsluiten"), max_length=30, choices=ClosingReason.choices, blank=True
    )
    closing_note = models.TextField(_("toelichting bij afsluiten"), blank=True)
    opened_at = models.DateTimeField(_("aangemeld op"), auto_now_add=True)
    intake_started_at = models.DateTimeField(
        _("eerste contact op"),
        null=True,
        blank=True,
        help_text=_("Wanneer de intake begon: het eerste contact na de aanmelding."),
    )
    closed_at = models.DateTimeField(_("afgesloten op"), null=True, blank=True)
    updated_at = models.DateTimeField(_("gewijzigd op"), auto_now=True)

    objects = CaseQuerySet.as_manager()

    class Meta:
        verbose_name = _("casus")
        verbose_name_plural = _("casussen")
        ordering = ["-opened_at", "-pk"]
        indexes = [models.Index(fields=["status"])]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(escalation_level__gte=1, escalation_level__lte=5),
                name="case_escalation_level_1_to_5",
            ),
            models.CheckConstraint(
                condition=~models.Q(status=CaseStatus.CLOSED) | ~models.Q(closing_reason=""),
                name="closed_case_has_reason",
            ),
        ]

    def __str__(self) -> str:
        return self.reference

    @property
    def is_closed(self) -> bool:
        return self.status == CaseStatus.CLOSED


class HelpQuestion(PublicModel):
    """A help question after the priority question; solved 'in its slipstream'."""

    case = models.ForeignKey(
        Case, verbose_name=_("casus"), on_delete=models.CASCADE, related_name="other_questions"
    )
    text = models.TextField(_("hulpvraag"))
    life_domain = models.CharField(
        _("leefgebied"), max_length=40, choices=LifeDomain.choices, blank=True
    )
    position = models.PositiveSmallIntegerField(_("volgorde"), default=0)

    class Meta:
        verbose_name = _("hulpvraag")
        verbose_name_plural = _("overige hulpvragen")
        ordering = ["position", "pk"]

    def __str__(self) -> str:
        return self.text[:60]


class InvolvementQuerySet(models.QuerySet):
    def active(self, on=None) -> "InvolvementQuerySet":
        return self.filter(policy.active_involvement(on))


class Involvement(PublicModel):
    """An organisation works with (some persons of) a household on some life domains."""

    case = models.ForeignKey(
        Case, verbose_name=_("casus"), on_delete=models.CASCADE, related_name="involvements"
    )
    organisation = models.ForeignKey(
        "tenancy.Organisation",
        verbose_name=_("organisatie"),
        on_delete=models.PROTECT,
        related_name="involvements",
    )
    contact = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("contactpersoon"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="involvements",
    )
    persons = models.ManyToManyField(
        "people.Person", verbose_name=_("voor personen"), related_name="involvements"
    )
    life_domains = models.JSONField(
        _("leefgebieden"), default=list, help_text=_("Codes van ZRM-leefgebieden.")
    )
    service_type = models.CharField(_("soort hulp"), max_length=30, choices=ServiceType.choices)
    start_date = models.DateField(_("van"))
    end_date = models.DateField(_("tot en met"), null=True, blank=True)

    objects = InvolvementQuerySet.as_manager()

    class Meta:
        verbose_name = _("betrokkenheid")
        verbose_name_plural = _("betrokkenheden")
        ordering = ["start_date", "pk"]
        indexes = [models.Index(fields=["organisation", "case"])]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(end_date__isnull=True)
                | models.Q(end_date__gte=models.F("start_date")),
                name="involvement_end_after_start",
            )
        ]

    def __str__(self) -> str:
        return f"{self.organisation} — {self.case}"

    def get_life_domains_display(self) -> list[str]:
        return [LifeDomain(code).label for code in self.life_domains if code in LifeDomain.values]


class TimelineEvent(PublicModel):
    """One change to a case, in words a colleague understands."""

    case = models.ForeignKey(
        Case, verbose_name=_("casus"), on_delete=models.CASCADE, related_name="timeline"
    )
    occurred_at = models.DateTimeField(_("tijdstip"), auto_now_add=True, db_index=True)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("door"),
        on_delete=models.SET_NULL,
        null=True,
        related_name="+",
    )
    actor_organisation = models.ForeignKey(
        "tenancy.Organisation",
        verbose_name=_("namens organisatie"),
        on_delete=models.SET_NULL,
        null=True,
        related_name="+",
    )
    kind = models.CharField(_("soort"), max_length=40, choices=TimelineEventKind.choices)
    summary = models.TextField(_("omschrijving"))
    data = models.JSONField(_("gegevens"), default=dict, blank=True)

    class Meta:
        verbose_name = _("tijdlijngebeurtenis")
        verbose_name_plural = _("tijdlijn")
        ordering = ["-occurred_at", "-pk"]

    def __str__(self) -> str:
        return f"{self.occurred_at:%Y-%m-%d %H:%M} {self.get_kind_display()}"
