"""Reading a provider's message as a background job: imported once however often the job is
delivered or resumed, nothing half when it breaks off, the reason when it is refused, and only
the job's uuid in the message to the workers (the file holds BSNs)."""

import json

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from eenplan.common.jobs import payload_file
from eenplan.common.models import Job, JobName, JobStatus
from eenplan.conf.celery import app
from eenplan.provisions import tasks
from eenplan.provisions.messages import samples, services
from eenplan.provisions.messages.samples import ClaimItem, Fault
from eenplan.provisions.models import Claim, Message
from eenplan.provisions.tests.messages_support import make_world

pytestmark = pytest.mark.django_db


@pytest.fixture
def world(setting):
    return make_world(setting)


def claim_file(world) -> bytes:
    return samples.claim_xml([world.wmo, ClaimItem(world.wmo, fault=Fault.UNKNOWN_ALLOCATION)])


def submit(world, content: bytes) -> Job:
    job = tasks.message_import_submit(
        actor=world.officer, municipality=world.municipality, content=content, file_name="d.xml"
    )
    job.refresh_from_db()
    return job


def test_the_import_job_imports_once_however_often_it_is_delivered(world):
    job = submit(world, claim_file(world))
    tasks.message_import.delay(str(job.uuid))  # the same message once more

    job.refresh_from_db()
    claim = Message.objects.get(code="323")
    assert (job.status, job.attempts) == (JobStatus.DONE, 1)
    assert Claim.objects.count() == 2 and Message.objects.filter(code="325").count() == 1
    assert job.summary == (
        "Declaratie (323) van Trapliften Noord verwerkt. 2 regels: 1 goedgekeurd, 1 afgekeurd."
    )
    assert job.result == {"url": reverse("provision_messages:detail", args=[claim.uuid])}
    assert job.payload == "", "the file is not kept on the job"


def test_an_import_whose_worker_died_is_imported_once_by_the_next(world):
    # The worker died mid-import: its transaction was rolled back; the job still says running.
    job = Job.objects.create(
        name=JobName.MESSAGE_IMPORT,
        key="import-died",
        requested_by=world.officer,
        params={"municipality": str(world.municipality.uuid)},
        payload=payload_file(claim_file(world), "d.xml"),
        status=JobStatus.RUNNING,
        attempts=1,
    )

    tasks.message_import.delay(str(job.uuid))

    job.refresh_from_db()
    assert (job.status, job.attempts) == (JobStatus.DONE, 2)
    assert Claim.objects.count() == 2 and Message.objects.filter(code="323").count() == 1


def test_an_import_that_breaks_off_leaves_nothing_half(world, monkeypatch):
    def break_off(*args, **kwargs):
        raise RuntimeError("verbinding verbroken")

    monkeypatch.setattr(services, "_answer", break_off)  # after the claims are written

    with pytest.raises(RuntimeError):
        submit(world, claim_file(world))

    assert Job.objects.get().status == JobStatus.FAILED
    assert not Message.objects.exists() and not Claim.objects.exists()


def test_a_file_read_before_fails_the_job_with_the_reason(world):
    content = claim_file(world)
    submit(world, content)

    job = submit(world, content)

    assert job.status == JobStatus.FAILED
    assert "Dit bericht is al verwerkt" in job.detail
    assert Claim.objects.count() == 2


@pytest.fixture
def workers_elsewhere():
    """As in production: jobs go to a broker (Celery's in-memory one) instead of running here."""
    app.conf.task_always_eager = False
    with app.connection_for_read() as connection:
        connection.SimpleQueue(app.conf.task_default_queue).clear()
    yield
    app.conf.task_always_eager = True


def test_with_workers_the_page_follows_the_job_and_the_message_holds_only_its_uuid(
    world, client, workers_elsewhere, django_capture_on_commit_callbacks
):
    client.force_login(world.officer)
    upload = SimpleUploadedFile("d.xml", claim_file(world), content_type="application/xml")
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            reverse("provision_messages:import", args=[world.municipality.uuid]),
            {"bestand": upload},
        )

    job = Job.objects.get()
    assert response.status_code == 302
    assert response["Location"] == reverse("jobs:detail", args=[job.uuid])
    with app.connection_for_read() as connection:
        sent = connection.SimpleQueue(app.conf.task_default_queue).get(timeout=1)
    assert sent.headers["task"] == tasks.message_import.name
    assert sent.decode()[0] == [str(job.uuid)]
    assert world.wmo.person.bsn not in json.dumps([sent.headers, sent.body.decode()])
    page = client.get(response["Location"]).content.decode()
    assert "In de wachtrij" in page and "Vernieuw de pagina" in page

    tasks.message_import(str(job.uuid))  # what the worker does with it

    page = client.get(response["Location"]).content.decode()
    claim = Message.objects.get(code="323")
    assert "Declaratie (323) van Trapliften Noord verwerkt." in page
    assert reverse("provision_messages:detail", args=[claim.uuid]) in page
