"""The signals pass as a background job: nightly from beat (once a day, however often it is
asked), or asked for with progress, doing what ``eenplan evaluate-signals`` does."""

import pytest
from django.utils import timezone

from eenplan.common.jobs import job_submit
from eenplan.common.models import Job, JobName, JobStatus
from eenplan.signals.models import Signal
from eenplan.signals.tasks import evaluate_signals
from eenplan.signals.tests.test_command import busy_case
from eenplan.tenancy.tests.factories import OrganisationFactory

pytestmark = pytest.mark.django_db


def test_the_nightly_pass_runs_once_a_day():
    busy_case([OrganisationFactory() for _ in range(3)])

    evaluate_signals.delay()
    raised = Signal.objects.count()
    evaluate_signals.delay()  # a second beat, or the message delivered again

    job = Job.objects.get()
    assert job.key == f"{JobName.EVALUATE_SIGNALS}:{timezone.localdate().isoformat()}"
    assert (job.status, job.attempts) == (JobStatus.DONE, 1)
    assert raised > 0 and Signal.objects.count() == raised
    assert job.summary == (
        f"1 casussen beoordeeld. Nieuw: {raised}, opnieuw open: 0, vervallen: 0, bijgewerkt: 0."
    )


def test_a_pass_asked_for_reports_progress_per_batch():
    organisations = [OrganisationFactory() for _ in range(3)]
    for _ in range(3):
        busy_case(organisations)

    job = job_submit(evaluate_signals, name=JobName.EVALUATE_SIGNALS, params={"batch_size": 2})

    job.refresh_from_db()
    assert job.status == JobStatus.DONE
    assert (job.progress_done, job.progress_total) == (3, 3)
    assert job.summary.startswith("3 casussen beoordeeld. Nieuw: ")
