"""The Celery app of EenPlan's background jobs (docs/adr/0012-background-jobs.md).

Configured from the Django settings under ``CELERY_``. With ``EENPLAN_BROKER_URL`` (Redis) the
workers (``make worker``) run the jobs and beat (``make beat``) schedules them; without it every
job runs at once in the process that asks for it, so ``make run`` and the tests need no Redis.
Each app's ``tasks.py`` holds its tasks.
"""

import os

from celery import Celery
from celery.signals import beat_init, worker_init

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "eenplan.conf.settings")

app = Celery("eenplan")
app.config_from_object("django.conf:settings", namespace="CELERY")
app.autodiscover_tasks()


@worker_init.connect
@beat_init.connect
def require_broker(**_kwargs) -> None:
    """A worker or beat without a broker would wait for messages nobody can send. (Celery logs
    and swallows an exception from a signal handler; SystemExit stops it.)"""
    if app.conf.task_always_eager:
        raise SystemExit(
            "EENPLAN_BROKER_URL is not set: jobs run in the web process. Set it (for example "
            "redis://127.0.0.1:6379/0) to run workers and beat."
        )
