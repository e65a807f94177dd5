"""The access log (verwerkingenlog), in the shape of Logboek Dataverwerkingen.

One row per processing of one data subject's data. Rows hold no foreign keys to the data they
describe, so they outlive it and never block a deletion. The BSN is stored only as a keyed hash.
Each row is chained to the previous one by a keyed hash, so a changed or removed row shows.
"""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from eenplan.common.models import PublicModel
from eenplan.privacy.constants import Action, DataSubjectIdType, StatusCode


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
