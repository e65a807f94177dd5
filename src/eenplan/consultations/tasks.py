"""Reminders of agreements from consultations as a background job: daily from beat, the same
work as ``eenplan send-reminders`` (each due moment is sent once)."""

from celery import shared_task

from eenplan.common.jobs import Outcome, job_run_scheduled
from eenplan.common.models import JobName
from eenplan.consultations.reminders import send_reminders as reminders_send


def reminders(job, progress) -> Outcome:
    run = reminders_send()
    return Outcome(
        f"{run.sent} herinneringen verstuurd; {run.without_address} afspraken zonder "
        "e-mailadres niet verstuurd."
    )


@shared_task(name="eenplan.consultations.send_reminders")
def send_reminders() -> None:
    job_run_scheduled(JobName.SEND_REMINDERS, reminders)
