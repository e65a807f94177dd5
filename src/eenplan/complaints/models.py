"""Complaints (Awb chapter 9) and objections (Awb chapters 6 and 7) with their steps.

One model holds both kinds: they share the personal contact first, the handler, the deadlines,
the steps and the letters; an objection adds the decision it is against. The deadlines are
stored (and recomputed by the services on every change) so overviews can sort and filter on them
in the database. Steps are written once and never changed: the letters are made from them.
"""

import datetime

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from eenplan.common.models import PublicModel
from eenplan.complaints.constants import (
    OPEN_STATUSES,
    Channel,
    ContactOutcome,
    ContactWay,
    Kind,
    Outcome,
    Status,
    StepKind,
    Theme,
)
from eenplan.complaints.deadlines import CONTACT_WORKING_DAYS
from eenplan.privacy import policy


class ComplaintSettings(models.Model):
    """A municipality's choices for its complaints work; without a row the defaults hold."""

    municipality = models.OneToOneField(
        "tenancy.Municipality",
        verbose_name=_("gemeente"),
        on_delete=models.CASCADE,
        related_name="complaint_settings",
    )
    contact_working_days = models.PositiveSmallIntegerField(
        _("persoonlijk contact binnen (werkdagen)"), default=CONTACT_WORKING_DAYS
    )
    complaints_committee = models.BooleanField(
        _("klachtencommissie (Awb 9:14)"),
        default=False,
        help_text=_("Dan is de termijn voor een klacht 10 weken in plaats van 6."),
    )
    objections_committee = models.BooleanField(
        _("bezwaarcommissie (Awb 7:13)"),
        default=False,
        help_text=_("Dan is de termijn voor een bezwaar 12 weken in plaats van 6."),
    )

    class Meta:
        verbose_name = _("instellingen klachten en bezwaren")
        verbose_name_plural = _("instellingen klachten en bezwaren")

    def __str__(self) -> str:
        return str(self.municipality)


def overdue_on(today: datetime.date) -> models.Q:
    """Open and past the legal deadline, or still new and past the day for personal contact."""
    return models.Q(status__in=OPEN_STATUSES) & (
        models.Q(decision_due__lt=today) | models.Q(status=Status.NEW, contact_due__lt=today)
    )


class ComplaintQuerySet(models.QuerySet):
    def visible_to(self, user) -> "ComplaintQuerySet":
        return self.filter(policy.complaint_visibility(user))

    def open(self) -> "ComplaintQuerySet":
        return self.exclude(status=Status.CLOSED)


class Complaint(PublicModel):
    kind = models.CharField(_("soort"), max_length=10, choices=Kind.choices)
    reference = models.CharField(_("kenmerk"), max_length=20, unique=True)
    case = models.ForeignKey(
        "cases.Case", verbose_name=_("casus"), on_delete=models.PROTECT, related_name="complaints"
    )
    person = models.ForeignKey(
        "people.Person", verbose_name=_("indiener"), on_delete=models.PROTECT, related_name="+"
    )
    municipality = models.ForeignKey(
        "tenancy.Municipality",
        verbose_name=_("gemeente"),
        on_delete=models.PROTECT,
        related_name="+",
    )
    organisations = models.ManyToManyField(
        "tenancy.Organisation",
        verbose_name=_("over organisaties"),
        related_name="complaints_about",
        blank=True,
    )
    decision = models.ForeignKey(
        "provisions.Decision",
        verbose_name=_("besluit"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="objections",
    )
    decision_made_known_on = models.DateField(_("besluit bekendgemaakt op"), null=True, blank=True)
    description = models.TextField(_("wat is er aan de hand"))
    theme = models.CharField(_("onderwerp"), max_length=20, choices=Theme.choices)
    channel = models.CharField(_("binnengekomen via"), max_length=10, choices=Channel.choices)
    contact_phone = models.CharField(_("telefoon"), max_length=30, blank=True)
    contact_email = models.EmailField(_("e-mail"), blank=True)
    received_on = models.DateField(_("ontvangen op"))
    registered_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("geregistreerd door"),
        on_delete=models.PROTECT,
        related_name="+",
    )
    registered_at = models.DateTimeField(_("geregistreerd op"), auto_now_add=True)
    handling_organisation = models.ForeignKey(
        "tenancy.Organisation",
        verbose_name=_("behandelende organisatie"),
        on_delete=models.PROTECT,
        related_name="complaints_handled",
    )
    handler = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("behandelaar"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="complaints_handling",
    )
    committee = models.BooleanField(_("met commissie"), default=False)
    status = models.CharField(_("status"), max_length=20, choices=Status.choices)
    contact_due = models.DateField(_("persoonlijk contact uiterlijk"))
    contacted_on = models.DateField(_("eerste persoonlijk contact"), null=True, blank=True)
    decision_due = models.DateField(_("beslissen uiterlijk"))
    extension_weeks = models.PositiveSmallIntegerField(_("uitgesteld met (weken)"), default=0)
    outcome = models.CharField(_("uitkomst"), max_length=20, choices=Outcome.choices, blank=True)
    closed_on = models.DateField(_("afgehandeld op"), null=True, blank=True)

    objects = ComplaintQuerySet.as_manager()

    class Meta:
        verbose_name = _("klacht of bezwaar")
        verbose_name_plural = _("klachten en bezwaren")
        ordering = ["decision_due", "pk"]
        indexes = [
            models.Index(fields=["status", "decision_due"]),
            models.Index(fields=["municipality", "received_on"]),
        ]
        constraints = [
            models.CheckConstraint(
                condition=~models.Q(kind=Kind.OBJECTION) | models.Q(decision__isnull=False),
                name="objection_has_decision",
            )
        ]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} {self.reference}"

    @property
    def is_open(self) -> bool:
        return self.status != Status.CLOSED

    def decision_days_left(self, today: datetime.date) -> int | None:
        """Days to the legal deadline (negative when past it); None once closed."""
        return (self.decision_due - today).days if self.is_open else None

    def contact_days_left(self, today: datetime.date) -> int | None:
        """Days to the day for personal contact, while it is awaited."""
        return (self.contact_due - today).days if self.status == Status.NEW else None

    def is_overdue(self, today: datetime.date) -> bool:
        """The rule of ``overdue_on`` for one complaint."""
        days = (self.decision_days_left(today), self.contact_days_left(today))
        return any(left is not None and left < 0 for left in days)


class Step(PublicModel):
    """One thing that happened, in order: a conversation, a letter, a decision."""

    complaint = models.ForeignKey(
        Complaint,
        verbose_name=_("klacht of bezwaar"),
        on_delete=models.CASCADE,
        related_name="steps",
    )
    kind = models.CharField(_("stap"), max_length=25, choices=StepKind.choices)
    occurred_on = models.DateField(_("datum"))
    recorded_at = models.DateTimeField(_("vastgelegd op"), auto_now_add=True)
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("vastgelegd door"),
        on_delete=models.PROTECT,
        related_name="+",
    )
    text = models.TextField(_("toelichting"), blank=True)
    contact_way = models.CharField(_("hoe"), max_length=12, choices=ContactWay.choices, blank=True)
    contact_outcome = models.CharField(
        _("resultaat gesprek"), max_length=20, choices=ContactOutcome.choices, blank=True
    )
    outcome = models.CharField(_("besluit"), max_length=20, choices=Outcome.choices, blank=True)
    weeks = models.PositiveSmallIntegerField(_("weken"), null=True, blank=True)
    due_on = models.DateField(_("beslissen uiterlijk (zoals in de brief)"), null=True, blank=True)
    with_consent = models.BooleanField(_("met instemming van de indiener"), default=False)
    hearing_at = models.DateTimeField(_("hoorzitting op"), null=True, blank=True)
    place = models.CharField(_("plaats"), max_length=200, blank=True)

    class Meta:
        verbose_name = _("stap")
        verbose_name_plural = _("stappen")
        ordering = ["recorded_at", "pk"]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} ({self.occurred_on})"
