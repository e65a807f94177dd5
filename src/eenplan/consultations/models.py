"""Case consultations (casusoverleg): meetings, their agenda of cases, minutes, agreements that
become plan actions, reminders, and policy signals.

A meeting itself is not personal data; its agenda items are. Every attendee sees an item's case
number and the question put to the meeting; names and content only under the case content rule
(``policy.related_case_visibility`` with the plan category). An agreement is the minutes' record
of a plan action: what, who and when live on the action, so the plan is the one place where the
work is followed up. A policy signal holds no link to a case or person at all.
"""

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from eenplan.cases.constants import SharingGround
from eenplan.common.models import PublicModel
from eenplan.consultations.constants import (
    AgreementState,
    AttendeeKind,
    ConsultationKind,
    DecisionKind,
    PolicySignalStatus,
    PolicyTheme,
    ReminderMoment,
)
from eenplan.plans.constants import ActionStatus
from eenplan.privacy import policy


class Series(PublicModel):
    """A recurring meeting, such as the monthly network meeting of a municipality."""

    name = models.CharField(_("naam"), max_length=200)
    kind = models.CharField(_("soort overleg"), max_length=20, choices=ConsultationKind.choices)
    municipality = models.ForeignKey(
        "tenancy.Municipality", verbose_name=_("gemeente"), on_delete=models.PROTECT
    )
    organisations = models.ManyToManyField(
        "tenancy.Organisation", verbose_name=_("vaste deelnemers"), related_name="+"
    )
    chair = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("vaste voorzitter"),
        on_delete=models.PROTECT,
        related_name="+",
    )

    class Meta:
        verbose_name = _("reeks overleggen")
        verbose_name_plural = _("reeksen overleggen")
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name


class ConsultationQuerySet(models.QuerySet):
    def visible_to(self, user) -> "ConsultationQuerySet":
        return self.filter(policy.consultation_visibility(user))


class Consultation(PublicModel):
    series = models.ForeignKey(
        Series,
        verbose_name=_("reeks"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="consultations",
    )
    kind = models.CharField(_("soort overleg"), max_length=20, choices=ConsultationKind.choices)
    title = models.CharField(_("titel"), max_length=200)
    municipality = models.ForeignKey(
        "tenancy.Municipality", verbose_name=_("gemeente"), on_delete=models.PROTECT
    )
    date = models.DateField(_("datum"))
    start_time = models.TimeField(_("begintijd"), null=True, blank=True)
    location = models.CharField(_("plaats"), max_length=200, blank=True)
    chair = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("voorzitter"),
        on_delete=models.PROTECT,
        related_name="chaired_consultations",
    )
    organisations = models.ManyToManyField(
        "tenancy.Organisation",
        verbose_name=_("deelnemende organisaties"),
        related_name="consultations",
    )
    minutes_closed_at = models.DateTimeField(_("verslag afgerond op"), null=True, blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("gepland door"), on_delete=models.PROTECT
    )
    created_at = models.DateTimeField(_("gepland op"), auto_now_add=True)

    objects = ConsultationQuerySet.as_manager()

    class Meta:
        verbose_name = _("overleg")
        verbose_name_plural = _("overleggen")
        ordering = ["-date", "-start_time", "-pk"]
        indexes = [models.Index(fields=["series", "date"])]

    def __str__(self) -> str:
        return f"{self.title} ({self.date:%d-%m-%Y})"

    @property
    def is_closed(self) -> bool:
        return self.minutes_closed_at is not None


class Attendee(PublicModel):
    """Who attends: professionals of an organisation; in a plan meeting also members of the
    household and of its own network."""

    consultation = models.ForeignKey(
        Consultation, verbose_name=_("overleg"), on_delete=models.CASCADE, related_name="attendees"
    )
    kind = models.CharField(_("soort deelnemer"), max_length=20, choices=AttendeeKind.choices)
    professional = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("professional"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )
    organisation = models.ForeignKey(
        "tenancy.Organisation",
        verbose_name=_("organisatie"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )
    person = models.ForeignKey(
        "people.Person",
        verbose_name=_("gezinslid"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )
    network_member = models.ForeignKey(
        "people.NetworkMember",
        verbose_name=_("netwerklid"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )
    household = models.ForeignKey(
        "people.Household",
        verbose_name=_("van het huishouden"),
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="+",
        help_text=_("Bij een gezinslid of netwerklid: wiens casus op de agenda staat."),
    )

    class Meta:
        verbose_name = _("deelnemer")
        verbose_name_plural = _("deelnemers")
        constraints = [
            models.CheckConstraint(
                name="attendee_matches_kind",
                condition=(
                    models.Q(
                        kind=AttendeeKind.PROFESSIONAL,
                        professional__isnull=False,
                        organisation__isnull=False,
                        person__isnull=True,
                        network_member__isnull=True,
                    )
                    | models.Q(
                        kind=AttendeeKind.HOUSEHOLD_MEMBER,
                        person__isnull=False,
                        professional__isnull=True,
                        network_member__isnull=True,
                    )
                    | models.Q(
                        kind=AttendeeKind.NETWORK_MEMBER,
                        network_member__isnull=False,
                        professional__isnull=True,
                        person__isnull=True,
                    )
                ),
            ),
        ]

    def __str__(self) -> str:
        if self.kind == AttendeeKind.PROFESSIONAL:
            return f"{self.professional} ({self.organisation})"
        return str(self.person or self.network_member)


class AgendaItemQuerySet(models.QuerySet):
    def visible_to(self, user) -> "AgendaItemQuerySet":
        """Items of meetings the user sees, at the level every attendee has (number and
        question); the selectors decide on content per item."""
        consultations = Consultation.objects.visible_to(user).values("pk")
        return self.filter(consultation__in=consultations)


class AgendaItem(PublicModel):
    """A case on the agenda, with the household's consent to discuss it and the minutes."""

    consultation = models.ForeignKey(
        Consultation, verbose_name=_("overleg"), on_delete=models.CASCADE, related_name="items"
    )
    case = models.ForeignKey(
        "cases.Case",
        verbose_name=_("casus"),
        on_delete=models.CASCADE,
        related_name="agenda_items",
    )
    question = models.TextField(
        _("vraag aan het overleg"),
        help_text=_("Iedereen aan tafel leest deze vraag: zonder namen of andere gegevens."),
    )
    position = models.PositiveSmallIntegerField(_("volgorde"), default=0)
    added_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("ingebracht door"),
        on_delete=models.PROTECT,
        related_name="+",
    )
    added_by_organisation = models.ForeignKey(
        "tenancy.Organisation",
        verbose_name=_("ingebracht namens"),
        on_delete=models.PROTECT,
        related_name="+",
    )
    consent_ground = models.CharField(
        _("grond om te bespreken"), max_length=30, choices=SharingGround.choices, blank=True
    )
    consent_given_by = models.ForeignKey(
        "people.Person",
        verbose_name=_("toestemming gegeven door"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )
    consent_note = models.TextField(_("toelichting op de grond"), blank=True)
    consent_recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("grond vastgelegd door"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )
    consent_recorded_at = models.DateTimeField(_("grond vastgelegd op"), null=True, blank=True)
    summary = models.TextField(_("samenvatting van de bespreking"), blank=True)
    discussed_at = models.DateTimeField(_("besproken op"), null=True, blank=True)
    minutes_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("verslag door"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )
    created_at = models.DateTimeField(_("op de agenda gezet op"), auto_now_add=True)

    objects = AgendaItemQuerySet.as_manager()

    class Meta:
        verbose_name = _("agendapunt")
        verbose_name_plural = _("agendapunten")
        ordering = ["position", "pk"]
        constraints = [
            models.UniqueConstraint(fields=["consultation", "case"], name="case_once_per_meeting"),
            models.CheckConstraint(
                name="own_consent_names_the_member",
                condition=~models.Q(consent_ground=SharingGround.CONSENT)
                | models.Q(consent_given_by__isnull=False),
            ),
        ]

    def __str__(self) -> str:
        return f"{self.consultation}: {self.case.reference}"

    @property
    def may_be_discussed(self) -> bool:
        return bool(self.consent_ground)

    @property
    def is_discussed(self) -> bool:
        return self.discussed_at is not None


class Decision(PublicModel):
    item = models.ForeignKey(
        AgendaItem, verbose_name=_("agendapunt"), on_delete=models.CASCADE, related_name="decisions"
    )
    kind = models.CharField(_("soort besluit"), max_length=20, choices=DecisionKind.choices)
    text = models.TextField(_("besluit"))
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("vastgelegd door"), on_delete=models.PROTECT
    )
    recorded_at = models.DateTimeField(_("vastgelegd op"), auto_now_add=True)

    class Meta:
        verbose_name = _("besluit")
        verbose_name_plural = _("besluiten")
        ordering = ["recorded_at", "pk"]

    def __str__(self) -> str:
        return self.text[:60]


class AgreementQuerySet(models.QuerySet):
    def visible_to(self, user) -> "AgreementQuerySet":
        return self.filter(policy.related_case_visibility(user, "item__case"))

    def with_state(self, today=None) -> "AgreementQuerySet":
        """Annotate ``state`` from the linked action, so lists filter and count in SQL."""
        today = today or timezone.localdate()
        open_statuses = [ActionStatus.OPEN, ActionStatus.BUSY]
        return self.annotate(
            state=models.Case(
                models.When(
                    action__status=ActionStatus.DONE, then=models.Value(AgreementState.DONE.value)
                ),
                models.When(
                    models.Q(action__isnull=True) | models.Q(action__status=ActionStatus.CANCELLED),
                    then=models.Value(AgreementState.CANCELLED.value),
                ),
                models.When(
                    action__status__in=open_statuses,
                    action__due_date__lt=today,
                    then=models.Value(AgreementState.OVERDUE.value),
                ),
                default=models.Value(AgreementState.OPEN.value),
                output_field=models.CharField(),
            )
        )


class Agreement(PublicModel):
    """An agreement from the minutes. It is a plan action (what, owner, deadline, progress live
    there, linked both ways); ``description`` keeps the words of the minutes should the action
    later leave the plan."""

    item = models.ForeignKey(
        AgendaItem,
        verbose_name=_("agendapunt"),
        on_delete=models.CASCADE,
        related_name="agreements",
    )
    action = models.OneToOneField(
        "plans.Action",
        verbose_name=_("actie in het plan"),
        on_delete=models.SET_NULL,
        null=True,
        related_name="agreement",
    )
    description = models.TextField(_("afspraak"))
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("vastgelegd door"), on_delete=models.PROTECT
    )
    recorded_at = models.DateTimeField(_("vastgelegd op"), auto_now_add=True)

    objects = AgreementQuerySet.as_manager()

    class Meta:
        verbose_name = _("afspraak")
        verbose_name_plural = _("afspraken")
        ordering = ["recorded_at", "pk"]

    def __str__(self) -> str:
        return self.description[:60]


class Reminder(models.Model):
    """One reminder sent for one due moment: the unique key makes the periodic job idempotent,
    and a moved deadline is a new moment."""

    agreement = models.ForeignKey(
        Agreement, verbose_name=_("afspraak"), on_delete=models.CASCADE, related_name="reminders"
    )
    moment = models.CharField(_("moment"), max_length=10, choices=ReminderMoment.choices)
    due_date = models.DateField(_("deadline"))
    recipients = models.PositiveSmallIntegerField(_("aantal ontvangers"))
    sent_at = models.DateTimeField(_("verstuurd op"), auto_now_add=True)

    class Meta:
        verbose_name = _("herinnering")
        verbose_name_plural = _("herinneringen")
        constraints = [
            models.UniqueConstraint(
                fields=["agreement", "moment", "due_date"], name="one_reminder_per_due_moment"
            )
        ]

    def __str__(self) -> str:
        return f"{self.get_moment_display()} {self.due_date:%d-%m-%Y}"


class PolicySignalQuerySet(models.QuerySet):
    def visible_to(self, user) -> "PolicySignalQuerySet":
        return self.filter(policy.policy_signal_visibility(user))


class PolicySignal(PublicModel):
    """A bottleneck or lesson for team leaders, directors and policy. Deliberately without a
    link to a case, household or person: only the meeting it came from and the municipality."""

    theme = models.CharField(_("thema"), max_length=20, choices=PolicyTheme.choices)
    title = models.CharField(_("knelpunt of les"), max_length=200)
    description = models.TextField(_("toelichting"))
    municipality = models.ForeignKey(
        "tenancy.Municipality", verbose_name=_("gemeente"), on_delete=models.PROTECT
    )
    consultation = models.ForeignKey(
        Consultation,
        verbose_name=_("uit overleg"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="policy_signals",
    )
    raised_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("ingebracht door"),
        on_delete=models.PROTECT,
        related_name="+",
    )
    raised_by_organisation = models.ForeignKey(
        "tenancy.Organisation",
        verbose_name=_("ingebracht namens"),
        on_delete=models.PROTECT,
        related_name="+",
    )
    raised_at = models.DateTimeField(_("ingebracht op"), default=timezone.now)
    status = models.CharField(
        _("status"),
        max_length=20,
        choices=PolicySignalStatus.choices,
        default=PolicySignalStatus.OPEN,
    )
    response = models.TextField(_("reactie"), blank=True)
    responded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("reactie van"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )
    responded_at = models.DateTimeField(_("reactie op"), null=True, blank=True)

    objects = PolicySignalQuerySet.as_manager()

    class Meta:
        verbose_name = _("beleidssignaal")
        verbose_name_plural = _("beleidssignalen")
        ordering = ["-raised_at", "-pk"]
        indexes = [models.Index(fields=["municipality", "theme", "raised_at"])]

    def __str__(self) -> str:
        return self.title
