"""The number of open signals in the main menu, cached per user."""

from django.core.cache import cache
from django.db import transaction

from eenplan.signals.models import Signal

COUNT_SECONDS = 60
VERSION_KEY = "signals:version"


def signal_count(*, user) -> int:
    """How many open signals the user may see: one COUNT, no personal data (not logged).

    The menu shows it on every page, and over a region's signals it costs more than the rest of a
    page, so it is cached per user until signals change (``signal_counts_changed``), at most a
    minute: a new involvement or consent changes what one sees without changing a signal.
    """
    key = f"signals:open:{user.pk}:{cache.get_or_set(VERSION_KEY, 0)}"
    count = cache.get(key)
    if count is None:
        count = Signal.objects.visible_to(user).open().count()
        cache.set(key, count, COUNT_SECONDS)
    return count


def signal_counts_changed() -> None:
    """Signals were raised, changed or resolved: every cached count is out of date once this
    transaction commits (before, a count would be made again from the old signals)."""
    transaction.on_commit(_new_version)


def _new_version() -> None:
    try:
        cache.incr(VERSION_KEY)
    except ValueError:  # not cached (yet, or any more): counts made from now on start afresh
        cache.set(VERSION_KEY, 1, None)
