"""Reading a provider's message (305, 307, 323) as a background job.

The page hands the file over with ``message_import_submit``; the file travels on the job,
encrypted (it holds BSNs), never in the Celery message. The import is one transaction with
marking the job done (``atomic``), so a worker that dies halfway leaves nothing and the next
attempt imports it once; a file that was imported before is refused by the import itself.
"""

from celery import shared_task
from django.urls import reverse

from eenplan.common.jobs import Outcome, job_run, job_submit, payload_file, payload_file_read
from eenplan.common.models import Job, JobName
from eenplan.provisions.messages import codes, services
from eenplan.tenancy.models import Municipality


def message_import_submit(
    *, actor, municipality: Municipality, content: bytes, file_name: str
) -> Job:
    return job_submit(
        message_import,
        name=JobName.MESSAGE_IMPORT,
        requested_by=actor,
        params={"municipality": str(municipality.uuid)},
        payload=payload_file(content, file_name),
    )


def import_message(job: Job, progress) -> Outcome:
    content, file_name = payload_file_read(job.payload)
    message = services.message_import(
        actor=job.requested_by,
        municipality=Municipality.objects.get(uuid=job.params["municipality"]),
        content=content,
        file_name=file_name,
    )
    label = codes.LABELS[message.code]
    return Outcome(
        f"{label} ({message.code}) van {message.provider.name} verwerkt. "
        f"{message.outcome['summary']}",
        result={"url": reverse("provision_messages:detail", args=[message.uuid])},
    )


@shared_task(name="eenplan.provisions.message_import")
def message_import(job_uuid: str) -> None:
    job_run(job_uuid, import_message, atomic=True)
