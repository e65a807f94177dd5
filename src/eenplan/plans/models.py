"""The joint household plan (1Gezin1Plan).

The plan, its goals and actions are live rows that professionals and the household edit; each
carries a ``lock_version`` for optimistic locking. Agreeing the plan freezes its content as an
immutable ``PlanVersion`` snapshot (JSON), which the version history, the diff and the PDF read.
Changing an agreed plan opens the next draft; action progress (status) is execution, not content,
and does not.
"""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from eenplan.common.constants import LifeDomain
from eenplan.common.models import PublicModel
from eenplan.plans.constants import ActionStatus, AgreementMethod, GoalResult, OwnerKind
from eenplan.privacy import policy


class PlanQuerySet(models.QuerySet):
    def visible_to(self, user) -> "PlanQuerySet":
        return self.filter(policy.related_case_visibility(user, "case"))


class Plan(PublicModel):
    case = models.OneToOneField(
        "cases.Case", verbose_name=_("casus"), on_delete=models.CASCADE, related_name="plan"
    )
    strengths = models.TextField(_("wat gaat goed (eigen kracht)"), blank=True)
    concerns = models.TextField(_("zorgen"), blank=True)
    evaluation_date = models.DateField(_("evaluatie gepland op"), null=True, blank=True)
    version_number = models.PositiveIntegerField(
        _("versienummer"), default=1, help_text=_("Nummer van het concept of de laatste versie.")
    )
    is_draft = models.BooleanField(_("concept"), default=True)
    lock_version = models.PositiveIntegerField(_("wijzigingsteller"), default=0)
    revision = models.PositiveIntegerField(
        _("inhoudsteller"), default=0, help_text=_("Telt elke wijziging van doelen en acties.")
    )
    updated_at = models.DateTimeField(_("gewijzigd op"), auto_now=True)

    objects = PlanQuerySet.as_manager()

    class Meta:
        verbose_name = _("plan")
        verbose_name_plural = _("plannen")

    def __str__(self) -> str:
        return f"Plan {self.case}"


class GoalQuerySet(models.QuerySet):
    def visible_to(self, user) -> "GoalQuerySet":
        return self.filter(policy.related_case_visibility(user, "plan__case"))


class Goal(PublicModel):
    plan = models.ForeignKey(
        Plan, verbose_name=_("plan"), on_delete=models.CASCADE, related_name="goals"
    )
    life_domain = models.CharField(_("leefgebied"), max_length=40, choices=LifeDomain.choices)
    title = models.CharField(_("doel"), max_length=300)
    description = models.TextField(_("toelichting"), blank=True)
    position = models.PositiveSmallIntegerField(_("volgorde"), default=0)
    lock_version = models.PositiveIntegerField(_("wijzigingsteller"), default=0)

    objects = GoalQuerySet.as_manager()

    class Meta:
        verbose_name = _("doel")
        verbose_name_plural = _("doelen")
        ordering = ["position", "pk"]

    def __str__(self) -> str:
        return self.title


class ActionQuerySet(models.QuerySet):
    def visible_to(self, user) -> "ActionQuerySet":
        return self.filter(policy.related_case_visibility(user, "goal__plan__case"))


class Action(PublicModel):
    goal = models.ForeignKey(
        Goal, verbose_name=_("doel"), on_delete=models.CASCADE, related_name="actions"
    )
    description = models.TextField(_("actie"))
    owner_kind = models.CharField(_("soort eigenaar"), max_length=20, choices=OwnerKind.choices)
    owner_organisation = models.ForeignKey(
        "tenancy.Organisation",
        verbose_name=_("organisatie"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="plan_actions",
    )
    owner_professional = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("professional"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="plan_actions",
    )
    owner_person = models.ForeignKey(
        "people.Person",
        verbose_name=_("gezinslid"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="plan_actions",
    )
    owner_network_member = models.ForeignKey(
        "people.NetworkMember",
        verbose_name=_("netwerklid"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="plan_actions",
    )
    due_date = models.DateField(_("klaar op"), null=True, blank=True)
    status = models.CharField(
        _("status"), max_length=20, choices=ActionStatus.choices, default=ActionStatus.OPEN
    )
    cancel_reason = models.TextField(_("reden van annuleren"), blank=True)
    completed_at = models.DateTimeField(
        _("klaar of geannuleerd op"), null=True, blank=True, editable=False
    )
    position = models.PositiveSmallIntegerField(_("volgorde"), default=0)
    lock_version = models.PositiveIntegerField(_("wijzigingsteller"), default=0)
    updated_at = models.DateTimeField(_("gewijzigd op"), auto_now=True)

    objects = ActionQuerySet.as_manager()

    class Meta:
        verbose_name = _("actie")
        verbose_name_plural = _("acties")
        ordering = ["position", "pk"]
        indexes = [
            models.Index(fields=["owner_professional", "status"]),
            models.Index(fields=["owner_organisation", "status"]),
        ]
        constraints = [
            models.CheckConstraint(
                name="action_owner_matches_kind",
                condition=(
                    models.Q(
                        owner_kind=OwnerKind.ORGANISATION,
                        owner_organisation__isnull=False,
                        owner_person__isnull=True,
                        owner_network_member__isnull=True,
                    )
                    | models.Q(
                        owner_kind=OwnerKind.HOUSEHOLD_MEMBER,
                        owner_person__isnull=False,
                        owner_organisation__isnull=True,
                        owner_professional__isnull=True,
                        owner_network_member__isnull=True,
                    )
                    | models.Q(
                        owner_kind=OwnerKind.NETWORK_MEMBER,
                        owner_network_member__isnull=False,
                        owner_organisation__isnull=True,
                        owner_professional__isnull=True,
                        owner_person__isnull=True,
                    )
                ),
            ),
            models.CheckConstraint(
                name="cancelled_action_has_reason",
                condition=~models.Q(status=ActionStatus.CANCELLED) | ~models.Q(cancel_reason=""),
            ),
        ]

    def __str__(self) -> str:
        return self.description[:60]

    @property
    def owner_label(self) -> str:
        if self.owner_kind == OwnerKind.ORGANISATION:
            if self.owner_professional:
                professional = self.owner_professional
                name = professional.get_full_name() or professional.username
                return f"{name} ({self.owner_organisation})"
            return str(self.owner_organisation)
        if self.owner_kind == OwnerKind.HOUSEHOLD_MEMBER:
            return self.owner_person.full_name
        return f"{self.owner_network_member.name} ({self.owner_network_member.get_kind_display()})"


class ProfessionalPlanLink(PublicModel):
    """An organisation's own professional plan, linked to the joint goal it serves."""

    goal = models.ForeignKey(
        Goal, verbose_name=_("doel"), on_delete=models.CASCADE, related_name="professional_plans"
    )
    organisation = models.ForeignKey(
        "tenancy.Organisation", verbose_name=_("organisatie"), on_delete=models.PROTECT
    )
    reference = models.CharField(_("kenmerk in eigen systeem"), max_length=100)
    summary = models.TextField(_("waar het eigen plan aan werkt"), blank=True)

    class Meta:
        verbose_name = _("eigen plan van een organisatie")
        verbose_name_plural = _("eigen plannen van organisaties")
        constraints = [
            models.UniqueConstraint(
                fields=["goal", "organisation", "reference"], name="unique_professional_plan"
            )
        ]

    def __str__(self) -> str:
        return f"{self.organisation}: {self.reference}"


class PlanVersion(PublicModel):
    """An agreed (vastgesteld) version: immutable, its content a snapshot of the plan."""

    plan = models.ForeignKey(
        Plan, verbose_name=_("plan"), on_delete=models.CASCADE, related_name="versions"
    )
    number = models.PositiveIntegerField(_("versie"))
    content = models.JSONField(_("inhoud"))
    agreed_on = models.DateField(_("vastgesteld op"))
    agreement_method = models.CharField(
        _("hoe ingestemd"), max_length=20, choices=AgreementMethod.choices
    )
    agreed_by = models.ManyToManyField(
        "people.Person", verbose_name=_("ingestemd door"), related_name="agreed_plan_versions"
    )
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("vastgelegd door"),
        on_delete=models.PROTECT,
        related_name="+",
    )
    recorded_at = models.DateTimeField(_("vastgelegd op"), auto_now_add=True)

    class Meta:
        verbose_name = _("planversie")
        verbose_name_plural = _("planversies")
        ordering = ["-number"]
        constraints = [
            models.UniqueConstraint(fields=["plan", "number"], name="unique_plan_version")
        ]

    def __str__(self) -> str:
        return f"{self.plan} versie {self.number}"


class Commitment(models.Model):
    """An involved organisation commits to an agreed version of the plan."""

    version = models.ForeignKey(
        PlanVersion, verbose_name=_("versie"), on_delete=models.CASCADE, related_name="commitments"
    )
    organisation = models.ForeignKey(
        "tenancy.Organisation", verbose_name=_("organisatie"), on_delete=models.PROTECT
    )
    committed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("namens"), on_delete=models.PROTECT
    )
    committed_at = models.DateTimeField(_("op"), auto_now_add=True)

    class Meta:
        verbose_name = _("commitment")
        verbose_name_plural = _("commitments")
        constraints = [
            models.UniqueConstraint(fields=["version", "organisation"], name="unique_commitment")
        ]

    def __str__(self) -> str:
        return f"{self.organisation} — {self.version}"


class GoalEvaluation(PublicModel):
    goal = models.ForeignKey(
        Goal, verbose_name=_("doel"), on_delete=models.CASCADE, related_name="evaluations"
    )
    version_number = models.PositiveIntegerField(_("bij planversie"))
    result = models.CharField(_("resultaat"), max_length=20, choices=GoalResult.choices)
    note = models.TextField(_("toelichting"), blank=True)
    evaluated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("door"), on_delete=models.PROTECT
    )
    evaluated_at = models.DateTimeField(_("op"), auto_now_add=True)

    class Meta:
        verbose_name = _("evaluatie van een doel")
        verbose_name_plural = _("evaluaties van doelen")
        ordering = ["-evaluated_at", "-pk"]

    def __str__(self) -> str:
        return f"{self.goal}: {self.get_result_display()}"
