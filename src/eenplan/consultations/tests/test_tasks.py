"""Reminders as a background job: daily from beat, each due moment sent once."""

import datetime

import pytest
from django.core import mail

from eenplan.common.models import Job, JobStatus
from eenplan.consultations.tasks import send_reminders
from eenplan.consultations.tests.test_services import TODAY, agree

pytestmark = pytest.mark.django_db


def test_the_daily_reminders_job_sends_each_reminder_once(item, professional):
    professional.email = "eigenaar@example.org"
    professional.save()
    agree(item, professional, due=TODAY + datetime.timedelta(days=2))

    send_reminders.delay()
    send_reminders.delay()

    job = Job.objects.get()
    assert (job.status, job.attempts) == (JobStatus.DONE, 1)
    assert (
        job.summary == "1 herinneringen verstuurd; 0 afspraken zonder e-mailadres niet verstuurd."
    )
    assert len(mail.outbox) == 1
