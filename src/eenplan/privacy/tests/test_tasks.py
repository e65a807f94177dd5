"""Privacy jobs from beat: retention nightly (once a day), sealing the access log every few
minutes (what a failed seal left)."""

import pytest
from django.core.cache import cache

from eenplan.cases.models import Case
from eenplan.common.models import Job, JobStatus
from eenplan.privacy.chain import SEAL_QUEUED, verify
from eenplan.privacy.models import AccessLogEntry
from eenplan.privacy.services import access_log_write
from eenplan.privacy.tasks import apply_retention, seal_access_log
from eenplan.privacy.tests.test_retention import closed_case

pytestmark = pytest.mark.django_db


def test_the_nightly_retention_job_destroys_what_expired_once():
    case = closed_case(members=2)

    apply_retention.delay()
    apply_retention.delay()

    job = Job.objects.get()
    assert (job.status, job.attempts) == (JobStatus.DONE, 1)
    assert not Case.objects.filter(pk=case.pk).exists()
    assert job.summary.startswith("Bewaartermijnen toegepast. ")
    assert "Personen: 2; Huishoudens: 1" in job.summary
    assert case.reference not in job.summary


def test_the_sealing_job_seals_what_was_left_unsealed(case, professional):
    # Written without its commit's seal (the test's transaction never commits).
    access_log_write(actor=professional, action="inzien", name="casus", subjects=[(case, None)])
    assert AccessLogEntry.objects.filter(chain_seq__isnull=True).exists()

    seal_access_log.delay()

    assert not AccessLogEntry.objects.filter(chain_seq__isnull=True).exists()
    assert verify().intact
    assert not Job.objects.exists(), "sealing keeps no job record"


@pytest.fixture
def with_workers(settings):
    """As with EENPLAN_BROKER_URL set; the tests' Celery still runs a queued job at once."""
    settings.BROKER_URL = "redis://127.0.0.1:6379/15"


def _read(case, professional, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        access_log_write(actor=professional, action="inzien", name="casus", subjects=[(case, None)])


def test_with_workers_a_commit_queues_the_seal_once(
    with_workers, case, professional, django_capture_on_commit_callbacks
):
    cache.add(SEAL_QUEUED, True)  # a seal job is waiting already
    _read(case, professional, django_capture_on_commit_callbacks)
    assert AccessLogEntry.objects.filter(chain_seq__isnull=True).count() == 1, "left to that job"

    seal_access_log.delay()  # the waiting job runs
    _read(case, professional, django_capture_on_commit_callbacks)  # queues (and runs) a new one

    assert not AccessLogEntry.objects.filter(chain_seq__isnull=True).exists()
    assert verify().intact


def test_with_the_broker_down_a_read_still_succeeds(
    with_workers, case, professional, django_capture_on_commit_callbacks, monkeypatch
):
    def broker_down():
        raise ConnectionRefusedError("Redis is down")

    monkeypatch.setattr(seal_access_log, "delay", broker_down)
    _read(case, professional, django_capture_on_commit_callbacks)

    assert AccessLogEntry.objects.filter(chain_seq__isnull=True).count() == 1
    assert cache.add(SEAL_QUEUED, True), "the next commit tries to queue a seal again"
