"""The signals item in the main menu, with the number of open signals."""

from django.utils.functional import SimpleLazyObject

from eenplan.signals.counts import signal_count as count_open_signals
from eenplan.tenancy.constants import CASE_WORKER_ROLES


def signal_count(request) -> dict:
    """``show_signals`` for users who work on cases, and ``signal_count``: the open signals they
    may see, one COUNT query, run only when a page shows it."""
    user = getattr(request, "user", None)
    works_on_cases = bool(
        user
        and user.is_authenticated
        and any(m.role in CASE_WORKER_ROLES for m in user.active_memberships)
    )
    return {
        "show_signals": works_on_cases,
        "signal_count": SimpleLazyObject(lambda: count_open_signals(user=user))
        if works_on_cases
        else 0,
    }
