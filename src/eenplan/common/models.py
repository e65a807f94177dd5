import uuid

from django.conf import settings
from django.db import models
from django.utils.encoding import force_str
from django.utils.hashable import make_hashable
from django.utils.translation import gettext_lazy as _

from eenplan.common.fields import EncryptedTextField

_CHOICE_LABELS: dict = {}


class ChoiceLabels(models.Model):
    """``get_FOO_display`` from a dict made once per field. Django's own rebuilds the field's
    whole list of choices and hashes it, translating every label, on each call: a timeline of
    fifty events translated the forty kinds fifty times."""

    class Meta:
        abstract = True

    def _get_FIELD_display(self, field):
        labels = _CHOICE_LABELS.get(field)
        if labels is None:
            labels = _CHOICE_LABELS[field] = dict(field.flatchoices)
        value = getattr(self, field.attname)
        return force_str(labels.get(make_hashable(value), value), strings_only=True)


class PublicModel(ChoiceLabels):
    """Base for every domain model: URLs and the API expose the UUID, never the sequential id."""

    uuid = models.UUIDField(_("UUID"), default=uuid.uuid4, unique=True, editable=False)

    class Meta:
        abstract = True


class JobName(models.TextChoices):
    """The background jobs that keep a record (``eenplan.common.jobs``)."""

    EVALUATE_SIGNALS = "evaluate-signals", _("Signalen beoordelen")
    SEND_REMINDERS = "send-reminders", _("Herinneringen versturen")
    APPLY_RETENTION = "apply-retention", _("Bewaartermijnen toepassen")
    MESSAGE_IMPORT = "message-import", _("Bericht van een aanbieder inlezen")


class JobStatus(models.TextChoices):
    QUEUED = "wachtrij", _("In de wachtrij")
    RUNNING = "bezig", _("Bezig")
    DONE = "klaar", _("Klaar")
    FAILED = "mislukt", _("Mislukt")


class JobQuerySet(models.QuerySet):
    def visible_to(self, user) -> "JobQuerySet":
        """Only the requester's own jobs: the reasons a file was refused may quote it."""
        if not user.is_authenticated:
            return self.none()
        return self.filter(requested_by=user)


class Job(PublicModel):
    """One run of a background job: what, how far it is, and how it ended.

    ``key`` makes asking twice for the same run (a beat that fires twice, a redelivered message)
    one run. Only ``payload`` and ``detail`` may hold personal data, encrypted; the rest is what
    an operator may read.
    """

    name = models.CharField(_("taak"), max_length=40, choices=JobName.choices)
    key = models.CharField(_("sleutel"), max_length=100, unique=True)
    status = models.CharField(
        _("status"), max_length=10, choices=JobStatus.choices, default=JobStatus.QUEUED
    )
    progress_done = models.PositiveIntegerField(_("gedaan"), default=0)
    progress_total = models.PositiveIntegerField(_("totaal"), default=0)
    attempts = models.PositiveSmallIntegerField(_("pogingen"), default=0)
    # Ids and numbers the job needs; never personal data.
    params = models.JSONField(_("parameters"), default=dict, blank=True)
    # Input with personal data (an uploaded file), emptied when the job ends.
    payload = EncryptedTextField(_("invoer"), blank=True)
    summary = models.CharField(_("samenvatting"), max_length=300, blank=True)
    # For the requester: why their input was refused, which may quote it.
    detail = EncryptedTextField(_("toelichting"), blank=True)
    # What the job made, by id or link (``{"url": ...}``); never personal data.
    result = models.JSONField(_("resultaat"), default=dict, blank=True)
    requested_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("aangevraagd door"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    created_at = models.DateTimeField(_("aangemaakt op"), auto_now_add=True)
    started_at = models.DateTimeField(_("gestart op"), null=True, blank=True)
    finished_at = models.DateTimeField(_("klaar op"), null=True, blank=True)

    objects = JobQuerySet.as_manager()

    class Meta:
        verbose_name = _("taak")
        verbose_name_plural = _("taken")
        ordering = ["-created_at", "-pk"]

    def __str__(self) -> str:
        return f"{self.get_name_display()} ({self.get_status_display()})"

    @property
    def finished(self) -> bool:
        return self.status in (JobStatus.DONE, JobStatus.FAILED)

    @property
    def percent_done(self) -> int | None:
        if not self.progress_total:
            return None
        return round(100 * self.progress_done / self.progress_total)
