"""Background jobs whose tests need commits: progress seen from another connection while the
work goes on, and real Celery workers on the Redis at 127.0.0.1, one killed mid-job, after which
the job ends once.

Kept apart from test_jobs.py: a test that commits leaves an emptied database behind, so these
files must run after the tests that use a transaction (pytest-django orders transactional tests
last, and a file that holds only such tests is handed to a worker after the others).
"""

import datetime
import os
import signal
import subprocess
import sys
import threading
import time
import uuid
from pathlib import Path

import pytest
import redis
from celery import Celery
from django.db import connection, connections
from django.utils import timezone

from eenplan.cases.constants import CaseStatus, ServiceType
from eenplan.cases.models import Case, Involvement
from eenplan.common.jobs import Outcome, job_run
from eenplan.common.models import Job, JobStatus
from eenplan.common.tests.test_jobs import new_job
from eenplan.people.models import Household
from eenplan.signals.constants import SignalKind
from eenplan.signals.models import Signal, SignalOrganisation
from eenplan.signals.tasks import evaluate_signals
from eenplan.tenancy.tests.factories import MunicipalityFactory, OrganisationFactory


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_progress_is_committed_while_the_work_goes_on():
    job, seen = new_job(), []

    def read_elsewhere() -> None:
        # Another connection, as the job's page in another request would read it.
        seen.append(Job.objects.values_list("progress_done", "progress_total").get(pk=job.pk))
        connections.close_all()

    def work(job, progress):
        progress(1, 3)
        reader = threading.Thread(target=read_elsewhere)
        reader.start()
        reader.join()
        return Outcome("Klaar.")

    job_run(str(job.uuid), work)

    assert seen == [(1, 3)]
    job.refresh_from_db()
    assert (job.progress_done, job.progress_total) == (3, 3)


# ------------------------------------------------------------------- a real worker, killed

REDIS_URL = os.environ.get("EENPLAN_TEST_REDIS_URL", "redis://127.0.0.1:6379/15")
CASES = 1000  # about 4 seconds of signals pass, 10 cases per batch
BATCH_SIZE = 10
# Redis hands a lost worker's message to another after this many seconds (an hour and more in
# production, longer than any job); longer than the second attempt takes, so it runs once.
VISIBILITY_TIMEOUT = 10


def region_without_coordinators(count: int) -> None:
    """``count`` cases with three organisations for 60 days and nobody coordinating: the pass
    raises one signal for each."""
    municipality = MunicipalityFactory()
    organisations = [OrganisationFactory() for _ in range(3)]
    households = Household.objects.bulk_create(
        Household(name=f"Huishouden {n}", municipality=municipality) for n in range(count)
    )
    cases = Case.objects.bulk_create(
        Case(household=household, reference=f"EP-TEST-{n:06d}", status=CaseStatus.EXECUTION)
        for n, household in enumerate(households)
    )
    started = timezone.localdate() - datetime.timedelta(days=60)
    Involvement.objects.bulk_create(
        Involvement(
            case=case,
            organisation=organisation,
            service_type=ServiceType.SOCIAL_WORK,
            start_date=started,
        )
        for case in cases
        for organisation in organisations
    )


def database_url() -> str:
    """The test database, for the workers."""
    db = connection.settings_dict
    password = f":{db['PASSWORD']}" if db["PASSWORD"] else ""
    return f"postgres://{db['USER']}{password}@{db['HOST']}:{db['PORT'] or 5432}/{db['NAME']}"


class Worker:
    """``celery -A eenplan.conf.celery worker`` in its own process group, on the test database
    and the test's queue."""

    def __init__(self, name: str, queue: str, log: Path):
        env = {
            **os.environ,
            "DJANGO_SETTINGS_MODULE": "eenplan.common.tests.worker_settings",
            "DATABASE_URL": database_url(),
            "EENPLAN_BROKER_URL": REDIS_URL,
            "EENPLAN_TEST_QUEUE": queue,
            "EENPLAN_TEST_VISIBILITY_TIMEOUT": str(VISIBILITY_TIMEOUT),
        }
        command = [sys.executable, "-m", "celery", "-A", "eenplan.conf.celery", "worker"]
        options = ["--concurrency=1", "--without-gossip", "--without-mingle", "--loglevel=INFO"]
        self.log = log
        with log.open("ab") as out:
            self.process = subprocess.Popen(
                [*command, *options, f"--hostname={name}@%h"],
                env=env,
                stdout=out,
                stderr=subprocess.STDOUT,
                start_new_session=True,  # the main process and its pool child: one group
            )

    def kill(self) -> None:
        """SIGKILL to the main process and its pool child: no warm shutdown, no goodbye."""
        if self.process.poll() is None:
            os.killpg(self.process.pid, signal.SIGKILL)
        self.process.wait(timeout=10)

    def stop(self) -> None:
        if self.process.poll() is None:
            os.killpg(self.process.pid, signal.SIGTERM)
            try:
                self.process.wait(timeout=20)
            except subprocess.TimeoutExpired:
                self.kill()


def wait_for(condition, timeout: float, what: str, log: Path):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        found = condition()
        if found:
            return found
        time.sleep(0.1)
    tail = log.read_text(errors="replace")[-3000:]
    raise AssertionError(f"After {timeout} s still waiting for {what}. Worker log:\n{tail}")


def job_state(job: Job) -> Job:
    job.refresh_from_db()
    return job


@pytest.fixture
def broker():
    """The Redis at 127.0.0.1 (a database of the tests' own) and a queue of this test's own, so
    another run on the same Redis takes nothing from it."""
    if connection.vendor != "postgresql":
        pytest.skip(
            "Needs PostgreSQL: the workers are other processes, and pytest-django's SQLite test "
            "database lives in this process's memory. Runs in the PostgreSQL pass."
        )
    client = redis.Redis.from_url(REDIS_URL)
    try:
        client.ping()
    except redis.ConnectionError:
        pytest.fail(f"This test needs Redis at {REDIS_URL} (EENPLAN_TEST_REDIS_URL).")
    queue = f"eenplan-test-{uuid.uuid4().hex[:12]}"
    sender = Celery("eenplan-test", broker=REDIS_URL, set_as_current=False)
    yield sender, queue
    sender.close()
    client.delete(queue, f"_kombu.binding.{queue}", f"_kombu.binding_permanent.{queue}")
    client.close()


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_a_worker_killed_mid_job_leaves_a_job_that_another_worker_completes_once(broker, tmp_path):
    sender, queue = broker
    region_without_coordinators(CASES)
    job = new_job(params={"batch_size": BATCH_SIZE})
    log = tmp_path / "workers.log"
    started = time.monotonic()
    first = Worker("eerste", queue, log)
    second = None
    try:
        sender.send_task(evaluate_signals.name, args=[str(job.uuid)], queue=queue)
        wait_for(lambda: job_state(job).progress_done > 0, 60, "the first batches", log)
        first.kill()
        killed_at = job_state(job).progress_done
        assert job.status == JobStatus.RUNNING and killed_at < CASES, "killed mid-job"

        second = Worker("tweede", queue, log)
        wait_for(lambda: job_state(job).finished, 120, "the job to end", log)
        assert (job.status, job.attempts) == (JobStatus.DONE, 2), job.summary
        seconds = time.monotonic() - started

        # The same job once more (as a redelivery): it has ended, nothing happens.
        again = sender.send_task(evaluate_signals.name, args=[str(job.uuid)], queue=queue)
        wait_for(
            lambda: f"[{again.id}] succeeded" in log.read_text(errors="replace"),
            30,
            "the worker to take the job again",
            log,
        )
    finally:
        first.kill()
        if second:
            second.stop()

    assert Job.objects.count() == 1 and job_state(job).attempts == 2
    # Each case has its signal once, with its three organisations once.
    assert Signal.objects.filter(kind=SignalKind.NO_COORDINATOR).count() == CASES
    assert Signal.objects.count() == CASES
    assert SignalOrganisation.objects.count() == 3 * CASES
    # The first attempt's batches stayed; the second raised the rest. (Killed between a batch's
    # commit and its progress, the first did one batch more than its progress says.)
    raised_by_second = int(job.summary.split("Nieuw: ")[1].split(",")[0])
    assert CASES - killed_at - BATCH_SIZE <= raised_by_second <= CASES - killed_at
    print(f"kill test: job done after {seconds:.1f} s, killed after {killed_at} cases")
