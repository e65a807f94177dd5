"""The access log (verwerkingenlog), in the shape of Logboek Dataverwerkingen.

One row per processing of one data subject's data. Rows hold no foreign keys to the data they
describe, so they outlive it and never block a deletion. The BSN is stored only as a keyed hash.
Each row is chained to the previous one by a keyed hash, so a changed or removed row shows.
"""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from eenplan.cases.constants import DataCategory
from eenplan.common.models import PublicModel
from eenplan.privacy.constants import (
    Action,
    DataSubjectIdType,
    RequestDecision,
    RequestKind,
    ReviewOutcome,
    StatusCode,
)
from eenplan.privacy.policy import CATEGORY_FIELDS


class AccessLogEntry(PublicModel):
    trace_id = models.CharField(_("trace-id"), max_length=32)
    span_id = models.CharField(_("span-id"), max_length=16)
    parent_span_id = models.CharField(_("parent-span-id"), max_length=16, blank=True)
    name = models.CharField(_("naam van de verwerking"), max_length=100)
    start_time = models.DateTimeField(_("begin"))
    end_time = models.DateTimeField(_("einde"))
    status_code = models.PositiveSmallIntegerField(
        _("statuscode"), choices=StatusCode.choices, default=StatusCode.OK
    )
    processing_activity_id = models.CharField(_("verwerkingsactiviteit (URI)"), max_length=300)
    purpose = models.CharField(_("doel"), max_length=300)
    action = models.CharField(_("handeling"), max_length=20, choices=Action.choices)

    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("gebruiker"),
        on_delete=models.SET_NULL,
        null=True,
        related_name="+",
        db_constraint=False,
    )
    actor_username = models.CharField(_("gebruikersnaam"), max_length=150)
    organisation_name = models.CharField(_("organisatie"), max_length=200, blank=True)
    organisation_uuid = models.UUIDField(_("organisatie-UUID"), null=True, blank=True)

    case_uuid = models.UUIDField(_("casus-UUID"), null=True, blank=True)
    case_reference = models.CharField(_("casuskenmerk"), max_length=20, blank=True)
    person_uuid = models.UUIDField(_("persoon-UUID"), null=True, blank=True)
    data_subject_id = models.CharField(
        _("betrokkene (sleutel-hash)"),
        max_length=64,
        blank=True,
        help_text=_("HMAC-SHA256 van het BSN; nooit het BSN zelf."),
    )
    data_subject_id_type = models.CharField(
        _("soort betrokkene-id"), max_length=20, choices=DataSubjectIdType.choices, blank=True
    )
    # The hash chain (``privacy.chain``): filled in just after the entry is written.
    chain_seq = models.BigIntegerField(_("volgnummer in de keten"), null=True, unique=True)
    chain_hash = models.CharField(_("ketenhash"), max_length=64, blank=True)

    class Meta:
        verbose_name = _("toegangslogregel")
        verbose_name_plural = _("toegangslog")
        ordering = ["-start_time", "-pk"]
        indexes = [
            models.Index(fields=["case_uuid", "start_time"]),
            models.Index(fields=["person_uuid", "start_time"]),
            models.Index(fields=["data_subject_id"]),
            models.Index(fields=["actor", "start_time"]),
            models.Index(fields=["trace_id"]),
            # The seal's "entries without a place in the chain": a few among millions.
            models.Index(
                fields=["id"], condition=Q(chain_seq__isnull=True), name="access_log_unsealed"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.start_time:%Y-%m-%d %H:%M:%S} {self.actor_username} {self.action}"


class AccessLogChain(models.Model):
    """The head of the access log's hash chain: one row, locked while entries are sealed."""

    # Where the chain starts: the first sequence number and the hash before it (empty at the
    # start; set when the oldest entries are ever removed under a retention period).
    first_seq = models.BigIntegerField(_("eerste volgnummer"), default=1)
    anchor_hash = models.CharField(_("hash voor het eerste volgnummer"), max_length=64, blank=True)
    last_seq = models.BigIntegerField(_("laatste volgnummer"), default=0)
    last_hash = models.CharField(_("laatste hash"), max_length=64, blank=True)

    class Meta:
        verbose_name = _("keten van het toegangslog")
        verbose_name_plural = _("keten van het toegangslog")

    def __str__(self) -> str:
        return f"{self.first_seq} tot {self.last_seq}"


class EmergencyAccessQuerySet(models.QuerySet):
    def active(self, at=None) -> "EmergencyAccessQuerySet":
        now = at or timezone.now()
        return self.filter(started_at__lte=now, expires_at__gt=now, ended_at__isnull=True)

    def for_review(self) -> "EmergencyAccessQuerySet":
        return self.filter(reviewed_at__isnull=True)


class EmergencyAccess(PublicModel):
    """Break-the-glass: one professional opens one case in an emergency, for a limited time and
    for the data categories stated, with a reason that the privacy officer reviews afterwards."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("medewerker"),
        on_delete=models.PROTECT,
        related_name="emergency_accesses",
    )
    organisation = models.ForeignKey(
        "tenancy.Organisation", verbose_name=_("namens"), on_delete=models.PROTECT, related_name="+"
    )
    case = models.ForeignKey(
        "cases.Case",
        verbose_name=_("casus"),
        on_delete=models.CASCADE,
        related_name="emergency_accesses",
    )
    reason = models.TextField(_("reden"))
    shares_plan = models.BooleanField(DataCategory.PLAN.label, default=True)
    shares_notes = models.BooleanField(DataCategory.NOTES.label, default=False)
    shares_assessments = models.BooleanField(DataCategory.ASSESSMENTS.label, default=False)
    shares_contact = models.BooleanField(DataCategory.CONTACT.label, default=True)
    started_at = models.DateTimeField(_("geopend op"))
    expires_at = models.DateTimeField(_("vervalt op"))
    ended_at = models.DateTimeField(_("beëindigd op"), null=True, blank=True)

    reviewed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("nagekeken door"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )
    reviewed_at = models.DateTimeField(_("nagekeken op"), null=True, blank=True)
    review_outcome = models.CharField(
        _("oordeel"), max_length=20, choices=ReviewOutcome.choices, blank=True
    )
    review_note = models.TextField(_("toelichting bij het oordeel"), blank=True)

    objects = EmergencyAccessQuerySet.as_manager()

    class Meta:
        verbose_name = _("noodtoegang")
        verbose_name_plural = _("noodtoegangen")
        ordering = ["-started_at"]
        indexes = [
            models.Index(fields=["user", "expires_at"]),
            models.Index(fields=["reviewed_at"]),
        ]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(expires_at__gt=models.F("started_at")),
                name="emergency_access_expires_after_start",
            ),
            models.CheckConstraint(
                condition=models.Q(reviewed_at__isnull=True) | ~models.Q(review_outcome=""),
                name="reviewed_emergency_access_has_outcome",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.case.reference} {self.user} {self.started_at:%Y-%m-%d %H:%M}"

    @property
    def closes_at(self):
        """When the access stopped or stops: ended early by the user, or at its expiry."""
        return self.ended_at or self.expires_at

    @property
    def is_active(self) -> bool:
        return self.ended_at is None and self.started_at <= timezone.now() < self.expires_at

    @property
    def category_labels(self) -> list[str]:
        return [
            str(DataCategory(category).label)
            for category, name in CATEGORY_FIELDS.items()
            if getattr(self, name)
        ]


class LegalHold(PublicModel):
    """Keeps a case (and what belongs to it) from destruction under its retention period, for
    example during a lawsuit, a complaint at the ombudsman or an inspection."""

    case = models.ForeignKey(
        "cases.Case", verbose_name=_("casus"), on_delete=models.CASCADE, related_name="legal_holds"
    )
    reason = models.TextField(_("reden"))
    placed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("geplaatst door"),
        on_delete=models.PROTECT,
        related_name="+",
    )
    placed_at = models.DateTimeField(_("geplaatst op"), auto_now_add=True)
    lifted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("opgeheven door"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )
    lifted_at = models.DateTimeField(_("opgeheven op"), null=True, blank=True)

    class Meta:
        verbose_name = _("bewaarplicht wegens procedure")
        verbose_name_plural = _("bewaarplichten wegens procedure")
        ordering = ["-placed_at"]

    def __str__(self) -> str:
        return f"{self.case.reference}: {self.reason[:40]}"


class RetentionRun(models.Model):
    """One run of the retention job: what it destroyed, per kind, and whether it was a trial."""

    started_at = models.DateTimeField(_("gestart op"), auto_now_add=True)
    finished_at = models.DateTimeField(_("klaar op"), null=True, blank=True)
    dry_run = models.BooleanField(_("proefrun"), default=False)
    started_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("gestart door"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    # {kind: count}, and the case references destroyed (a reference is no personal data).
    counts = models.JSONField(_("aantallen"), default=dict)
    case_references = models.JSONField(_("vernietigde casussen"), default=list)

    class Meta:
        verbose_name = _("run van de bewaartermijnen")
        verbose_name_plural = _("runs van de bewaartermijnen")
        ordering = ["-started_at"]

    def __str__(self) -> str:
        return f"{self.started_at:%Y-%m-%d %H:%M}"


class DataSubjectRequest(PublicModel):
    """A request to correct (AVG art. 16) or erase (art. 17) personal data, decided with reasons
    within a month (art. 12(3)) and carried out through the services that log the change."""

    kind = models.CharField(_("soort"), max_length=20, choices=RequestKind.choices)
    person = models.ForeignKey(
        "people.Person",
        verbose_name=_("betrokkene"),
        on_delete=models.SET_NULL,
        null=True,
        related_name="data_subject_requests",
    )
    # Kept when the person is erased: who asked, in words, for the answer and the register.
    person_name = models.CharField(_("naam betrokkene"), max_length=200)
    case = models.ForeignKey(
        "cases.Case",
        verbose_name=_("casus"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="data_subject_requests",
    )
    description = models.TextField(_("wat de betrokkene vraagt"))
    # A correction of the person's own details, field by field ({"surname": "Jansen"}); other
    # data (a note, a plan) is corrected by the case's professionals and described in words.
    corrections = models.JSONField(_("gevraagde verbeteringen"), default=dict, blank=True)
    received_on = models.DateField(_("ontvangen op"))
    due_on = models.DateField(_("beslissen uiterlijk op"))
    registered_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("geregistreerd door"),
        on_delete=models.PROTECT,
        related_name="+",
    )
    decision = models.CharField(
        _("beslissing"), max_length=20, choices=RequestDecision.choices, blank=True
    )
    decision_reasons = models.TextField(_("motivering"), blank=True)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("beslist door"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )
    decided_on = models.DateField(_("beslist op"), null=True, blank=True)
    carried_out_at = models.DateTimeField(_("uitgevoerd op"), null=True, blank=True)
    carried_out_note = models.TextField(_("wat er is uitgevoerd"), blank=True)

    class Meta:
        verbose_name = _("verzoek van een betrokkene")
        verbose_name_plural = _("verzoeken van betrokkenen")
        ordering = ["due_on", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(decision="") | ~models.Q(decision_reasons=""),
                name="decided_request_has_reasons",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} {self.person_name}"

    @property
    def is_open(self) -> bool:
        return not self.decision
