"""Background jobs: a ``Job`` row per run, and one runner that makes a run happen once.

A job is asked for with ``job_submit`` (someone's request: an upload) or runs from the schedule
(``job_run_scheduled``: the nightly signals pass, under a key per day). Either way the Celery
message carries only the job's uuid; what the job needs is on its row (``params``, and personal
input encrypted in ``payload``).

``job_run`` is the runner every task calls:

* a job that is done or failed is not run again: a message delivered twice does nothing;
* a job found ``running`` was left by a worker that died (Redis hands the message back once its
  visibility timeout passed, or the worker's pool rejected it when its process was lost): it
  runs again, as attempt 2, up to ``MAX_ATTEMPTS``. The work itself is idempotent, or
  ``atomic``: the work and marking the job done are one transaction, so either both happened or
  neither (the import);
* progress is written in its own short transaction after each step, so a page shows it;
* input that was refused (ValidationError, PermissionDenied) ends the job as failed with the
  reason for the requester; any other error too, with a neutral summary, and is raised again.
"""

import base64
import json
import time
import uuid
from collections.abc import Callable
from dataclasses import dataclass, field

import structlog
from celery import Task
from celery.exceptions import SoftTimeLimitExceeded
from django.conf import settings
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from kombu.exceptions import OperationalError

from eenplan.common.models import Job, JobStatus

log = structlog.get_logger(__name__)

# A job whose worker keeps dying under it (out of memory, say) stops here instead of looping.
MAX_ATTEMPTS = 3
SUMMARY_LENGTH = Job._meta.get_field("summary").max_length


@dataclass(frozen=True)
class Outcome:
    """What a job's work reports: a short summary without personal data, and what it made."""

    summary: str
    result: dict = field(default_factory=dict)


Progress = Callable[[int, int], None]
Work = Callable[[Job, Progress], Outcome]


# ------------------------------------------------------------------------------- asking for one


def job_submit(
    task: Task, *, name: str, requested_by=None, params: dict | None = None, payload: str = ""
) -> Job:
    """A new job for ``task``, sent to the workers once it is committed (in the embedded
    default: run at once, before this returns)."""
    job = Job.objects.create(
        name=name,
        key=f"{name}:{uuid.uuid4().hex}",
        requested_by=requested_by,
        params=params or {},
        payload=payload,
    )
    job_enqueue(task, job)
    return job


def job_enqueue(task: Task, job: Job) -> None:
    def send() -> None:
        try:
            task.apply_async(args=[str(job.uuid)])
        except OperationalError:
            log.exception("job.not_queued", job=str(job.uuid), name=job.name)
            _end(
                job,
                JobStatus.FAILED,
                "Niet in de wachtrij gezet: de takenserver was niet bereikbaar.",
            )

    if task.app.conf.task_always_eager:
        send()  # runs here, on this connection: it sees the row before the commit
    else:
        transaction.on_commit(send)  # a worker only sees the row once it is committed


def payload_file(content: bytes, file_name: str) -> str:
    """An uploaded file as a job's ``payload``."""
    return json.dumps({"name": file_name, "content": base64.b64encode(content).decode()})


def payload_file_read(payload: str) -> tuple[bytes, str]:
    data = json.loads(payload)
    return base64.b64decode(data["content"]), data["name"]


# ------------------------------------------------------------------------------------ running


def job_run_scheduled(name: str, work: Work) -> Job | None:
    """Today's run of a scheduled job: beat asks once a day, and a second ask that day (two
    beats, a redelivered message) finds the same job."""
    job, _created = Job.objects.get_or_create(
        key=f"{name}:{timezone.localdate().isoformat()}", defaults={"name": name}
    )
    return job_run(str(job.uuid), work)


def job_run(job_uuid: str, work: Work, *, atomic: bool = False) -> Job | None:
    """Run job ``job_uuid`` with ``work`` unless it has ended; the job as it ended, or None
    when there was nothing to do."""
    job = _start(job_uuid)
    if job is None:
        return None
    started = time.monotonic()
    try:
        if atomic:
            with transaction.atomic():
                outcome = work(job, _no_progress)
                _end(job, JobStatus.DONE, outcome.summary, result=outcome.result)
        else:
            outcome = work(job, _progress_writer(job))
            _end(job, JobStatus.DONE, outcome.summary, result=outcome.result)
    except (ValidationError, PermissionDenied) as error:
        _end(
            job,
            JobStatus.FAILED,
            "Niet uitgevoerd: de invoer is geweigerd.",
            detail=_reasons(error),
        )
    except SoftTimeLimitExceeded:
        minutes = settings.JOB_TIME_LIMIT_MINUTES
        _end(job, JobStatus.FAILED, f"Afgebroken: de taak duurde langer dan {minutes} minuten.")
        raise
    except Exception:
        log.exception("job.error", job=job_uuid, name=job.name, attempt=job.attempts)
        _end(
            job,
            JobStatus.FAILED,
            "Mislukt door een fout. De beheerder vindt die in het applicatielog bij taak "
            f"{job_uuid}.",
        )
        raise
    log.info(
        "job.end",
        job=job_uuid,
        name=job.name,
        status=job.status,
        attempt=job.attempts,
        seconds=round(time.monotonic() - started, 1),
    )
    return job


def _start(job_uuid: str) -> Job | None:
    """Mark the job running (one more attempt), or None when it must not run."""
    with transaction.atomic():
        job = Job.objects.select_for_update().filter(uuid=job_uuid).first()
        if job is None or job.finished:
            log.info("job.skipped", job=job_uuid, status=job.status if job else "unknown")
            return None
        if job.attempts >= MAX_ATTEMPTS:
            _end(
                job,
                JobStatus.FAILED,
                f"Afgebroken na {MAX_ATTEMPTS} pogingen: de verwerking stopte steeds voordat ze "
                "klaar was.",
            )
            log.warning("job.gave_up", job=job_uuid, name=job.name)
            return None
        if job.status == JobStatus.RUNNING:
            log.warning("job.resumed", job=job_uuid, name=job.name, attempt=job.attempts + 1)
        job.status, job.started_at = JobStatus.RUNNING, timezone.now()
        job.attempts += 1
        job.save(update_fields=["status", "attempts", "started_at"])
    return job


def _progress_writer(job: Job) -> Progress:
    def progress(done: int, total: int) -> None:
        # Outside the work's transactions: committed at once, so the job's page shows it.
        Job.objects.filter(pk=job.pk).update(progress_done=done, progress_total=total)
        job.progress_done, job.progress_total = done, total

    return progress


def _no_progress(done: int, total: int) -> None:
    """An atomic job commits all at once: progress inside it would show nobody anything."""


def _reasons(error: ValidationError | PermissionDenied) -> str:
    if isinstance(error, ValidationError):
        return "\n".join(error.messages)
    return str(error) or "U mag dit niet doen."


def _end(
    job: Job, status: str, summary: str, *, result: dict | None = None, detail: str = ""
) -> None:
    job.status, job.summary, job.detail = status, summary[:SUMMARY_LENGTH], detail
    job.result, job.payload, job.finished_at = result or {}, "", timezone.now()
    fields = ["status", "summary", "detail", "result", "payload", "finished_at"]
    if status == JobStatus.DONE and job.progress_total:
        job.progress_done = job.progress_total
        fields.append("progress_done")
    job.save(update_fields=fields)
