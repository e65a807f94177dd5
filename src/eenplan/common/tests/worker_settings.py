"""Settings of the workers the kill test (``test_jobs.py``) starts: the project's, on a queue of
the test's own, with Redis handing back a lost worker's message after seconds instead of an hour.
This module holds no tests."""

import os

from eenplan.conf.settings import *  # noqa: F403

CELERY_TASK_DEFAULT_QUEUE = os.environ["EENPLAN_TEST_QUEUE"]
CELERY_WORKER_ENABLE_REMOTE_CONTROL = False  # no control queue left behind in Redis
CELERY_BROKER_TRANSPORT_OPTIONS = {
    "visibility_timeout": int(os.environ["EENPLAN_TEST_VISIBILITY_TIMEOUT"]),
    "unacked_restore_interval": 1,
    "unacked_restore_throttle": 1,
}
