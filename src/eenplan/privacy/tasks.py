"""Privacy jobs from beat: retention nightly (the same work as ``eenplan apply-retention``), and
sealing the access log every few minutes (as ``eenplan seal-access-log``).

Sealing keeps no Job row: it is queued after commits that wrote entries (with workers, see
``chain``) and runs every five minutes, is idempotent and takes a moment; a seal that failed is
taken along by the next.
"""

import structlog
from celery import shared_task

from eenplan.common.jobs import Outcome, job_run_scheduled
from eenplan.common.models import JobName
from eenplan.privacy.chain import seal, seal_queued_done
from eenplan.privacy.retention import retention_apply, run_summary

log = structlog.get_logger(__name__)


def retention(job, progress) -> Outcome:
    run = retention_apply(actor=job.requested_by)
    return Outcome(f"Bewaartermijnen toegepast. {run_summary(run)}.")


@shared_task(name="eenplan.privacy.apply_retention")
def apply_retention() -> None:
    job_run_scheduled(JobName.APPLY_RETENTION, retention)


@shared_task(name="eenplan.privacy.seal_access_log")
def seal_access_log() -> None:
    seal_queued_done()
    log.info("access_log.sealed", entries=seal())
