"""The full signals pass as a background job: nightly from beat, the same work as
``eenplan evaluate-signals``."""

from celery import shared_task

from eenplan.common.jobs import Outcome, job_run, job_run_scheduled
from eenplan.common.models import JobName
from eenplan.signals.services import DEFAULT_BATCH_SIZE, signals_full_pass


def full_pass(job, progress) -> Outcome:
    batch_size = job.params.get("batch_size", DEFAULT_BATCH_SIZE)
    summary = signals_full_pass(batch_size=batch_size, progress=progress).summary
    return Outcome(
        f"{summary.cases} casussen beoordeeld. Nieuw: {summary.raised}, opnieuw open: "
        f"{summary.reopened}, vervallen: {summary.cleared}, bijgewerkt: {summary.updated}."
    )


@shared_task(name="eenplan.signals.evaluate_signals")
def evaluate_signals(job_uuid: str | None = None) -> None:
    """Job ``job_uuid``, or (from beat) today's pass."""
    if job_uuid is None:
        job_run_scheduled(JobName.EVALUATE_SIGNALS, full_pass)
    else:
        job_run(job_uuid, full_pass)
