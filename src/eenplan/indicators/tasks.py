"""Counting the dashboard ahead of its viewers: every few minutes from beat, the measures of the
default dashboard go into the cache (``values.measure_values``). Like sealing, it keeps no Job
row: it is idempotent, and a run that failed is made good by the next."""

import structlog
from celery import shared_task

from eenplan.indicators.forms import DEFAULT_TREND
from eenplan.indicators.periods import last_quarters
from eenplan.indicators.selectors import dashboard_refresh

log = structlog.get_logger(__name__)


@shared_task(name="eenplan.indicators.refresh")
def refresh_indicators() -> None:
    log.info("indicators.refreshed", cells=dashboard_refresh(last_quarters(DEFAULT_TREND)))
