"""EenPlan: one household, one plan, one coordinator."""

# The Celery app is loaded with Django, so every ``shared_task`` belongs to it.
from eenplan.conf.celery import app as celery_app

__all__ = ("celery_app",)
