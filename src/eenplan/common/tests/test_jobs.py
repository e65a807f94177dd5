"""Background jobs: the runner runs a job once to completion, records how it failed, writes its
progress where a page sees it, and the job's page shows it to whoever asked. The tests that need
commits (progress seen elsewhere, a real worker killed mid-job) are in test_jobs_committed.py."""

import uuid

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import timezone

from eenplan.common.jobs import MAX_ATTEMPTS, Outcome, job_run, job_run_scheduled, job_submit
from eenplan.common.models import Job, JobName, JobStatus
from eenplan.conf.celery import app
from eenplan.signals.tasks import evaluate_signals
from eenplan.tenancy.tests.factories import UserFactory

NAME = JobName.EVALUATE_SIGNALS


def new_job(**fields) -> Job:
    return Job.objects.create(name=NAME, key=uuid.uuid4().hex, **fields)


class Recorder:
    """Work that counts its runs and reports two steps of progress."""

    def __init__(self):
        self.runs = 0

    def __call__(self, job, progress) -> Outcome:
        self.runs += 1
        progress(1, 2)
        progress(2, 2)
        return Outcome("Twee stappen gedaan.", result={"url": "/ergens/"})


# ------------------------------------------------------------------------------------ runner


@pytest.mark.django_db
def test_a_job_runs_once_and_a_second_delivery_does_nothing():
    job, work = new_job(payload="bestand met een BSN"), Recorder()

    assert job_run(str(job.uuid), work).status == JobStatus.DONE
    assert job_run(str(job.uuid), work) is None

    job.refresh_from_db()
    assert work.runs == 1 and job.attempts == 1
    assert (job.summary, job.result) == ("Twee stappen gedaan.", {"url": "/ergens/"})
    assert (job.progress_done, job.progress_total) == (2, 2)
    assert job.payload == "" and job.finished_at is not None


@pytest.mark.django_db
def test_a_job_left_running_by_a_dead_worker_runs_again():
    job, work = new_job(status=JobStatus.RUNNING, attempts=1), Recorder()

    job_run(str(job.uuid), work)

    job.refresh_from_db()
    assert (job.status, job.attempts, work.runs) == (JobStatus.DONE, 2, 1)


@pytest.mark.django_db
def test_a_job_whose_worker_keeps_dying_is_given_up():
    job, work = new_job(status=JobStatus.RUNNING, attempts=MAX_ATTEMPTS), Recorder()

    assert job_run(str(job.uuid), work) is None

    job.refresh_from_db()
    assert work.runs == 0 and job.status == JobStatus.FAILED
    assert job.summary.startswith(f"Afgebroken na {MAX_ATTEMPTS} pogingen")


@pytest.mark.django_db
def test_refused_input_fails_the_job_with_the_reason_for_the_requester():
    job = new_job(payload="bestand")

    def refuse(job, progress):
        raise ValidationError("Dit bericht is al verwerkt.")

    job_run(str(job.uuid), refuse)

    job.refresh_from_db()
    assert job.status == JobStatus.FAILED
    assert job.summary == "Niet uitgevoerd: de invoer is geweigerd."
    assert job.detail == "Dit bericht is al verwerkt." and job.payload == ""
    assert job_run(str(job.uuid), Recorder()) is None, "a failed job is not run again"


@pytest.mark.django_db
def test_an_error_fails_the_job_with_a_neutral_summary_and_is_raised():
    job = new_job()

    def crash(job, progress):
        raise RuntimeError("persoon 999990019 niet gevonden")

    with pytest.raises(RuntimeError):
        job_run(str(job.uuid), crash)

    job.refresh_from_db()
    assert job.status == JobStatus.FAILED
    assert job.summary == (
        f"Mislukt door een fout. De beheerder vindt die in het applicatielog bij taak {job.uuid}."
    )
    assert job.detail == ""


@pytest.mark.django_db
def test_a_scheduled_job_runs_once_a_day():
    work = Recorder()

    job_run_scheduled(NAME, work)
    job_run_scheduled(NAME, work)

    job = Job.objects.get()
    assert job.key == f"{NAME}:{timezone.localdate().isoformat()}"
    assert work.runs == 1 and job.attempts == 1


# ------------------------------------------------------------------------------------ page


@pytest.mark.django_db
def test_the_page_shows_the_requester_how_far_the_job_is(client):
    requester = UserFactory()
    job = new_job(requested_by=requester, status=JobStatus.RUNNING)
    job.progress_done, job.progress_total = 40, 160
    job.save()
    client.force_login(requester)

    html = client.get(reverse("jobs:detail", args=[job.uuid])).content.decode()

    assert "Signalen beoordelen" in html and "Bezig" in html
    assert "40 van 160 gedaan." in html and 'value="25"' in html
    assert 'hx-trigger="every 2s"' in html, "a running job's page asks again"


@pytest.mark.django_db
def test_the_page_of_an_ended_job_links_to_the_result_and_stops_asking(client):
    requester = UserFactory()
    job = new_job(requested_by=requester)
    job_run(str(job.uuid), Recorder())
    client.force_login(requester)

    html = client.get(reverse("jobs:detail", args=[job.uuid])).content.decode()

    assert "Klaar" in html and "Twee stappen gedaan." in html and 'href="/ergens/"' in html
    assert "hx-trigger" not in html


@pytest.mark.django_db
def test_nobody_else_sees_the_job(client):
    job = new_job(requested_by=UserFactory())
    client.force_login(UserFactory())

    assert client.get(reverse("jobs:detail", args=[job.uuid])).status_code == 404


@pytest.fixture
def broker_unreachable():
    """Workers elsewhere, behind a Redis that does not answer (nothing listens on port 1)."""
    saved = {
        key: app.conf[key] for key in ("task_always_eager", "broker_url", "task_publish_retry")
    }
    app.conf.update(
        task_always_eager=False, broker_url="redis://127.0.0.1:1/0", task_publish_retry=False
    )
    _forget_connections()
    yield
    app.conf.update(saved)
    _forget_connections()


def _forget_connections() -> None:
    """The app keeps its broker connections (and the producers on them) once made: drop them,
    or the tests after this one would still send to the unreachable Redis."""
    app._pool = None
    app.amqp._producer_pool = None


@pytest.mark.django_db
def test_a_job_that_cannot_be_queued_fails_with_the_reason(
    broker_unreachable, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        job = job_submit(evaluate_signals, name=NAME)

    job.refresh_from_db()
    assert job.status == JobStatus.FAILED
    assert job.summary == "Niet in de wachtrij gezet: de takenserver was niet bereikbaar."
