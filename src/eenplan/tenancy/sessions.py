"""How long a login lasts: at most ``SESSION_COOKIE_AGE`` after logging in (absolute), and no more
than ``SESSION_IDLE_MINUTES`` without a request (idle). Both for professionals and citizens.

The idle limit needs the time of the last request in the session, so the session is written
now and then (``tenancy.middleware.SessionIdleTimeoutMiddleware``). Django would then move the
end of the session along with every write; the end is therefore fixed at login, as a date.
"""

import datetime
import time

from django.conf import settings
from django.utils import timezone

ACTIVITY_KEY = "eenplan_last_activity"
# The stamp is renewed at most once a minute: see SessionIdleTimeoutMiddleware.
TOUCH_INTERVAL_SECONDS = 60

IDLE_MESSAGE = (
    "U was te lang niet actief en bent daarom uitgelogd. Zo kan niemand anders verder in uw "
    "gegevens als u weg bent van uw computer. Log opnieuw in."
)


def idle_limit_seconds() -> int:
    return settings.SESSION_IDLE_MINUTES * 60


def session_start(sender, request, user, **kwargs) -> None:
    """On login (``user_logged_in``): fix the absolute end and start the idle clock."""
    if request is None or not hasattr(request, "session"):
        return
    ends = timezone.now() + datetime.timedelta(seconds=settings.SESSION_COOKIE_AGE)
    request.session.set_expiry(ends)
    request.session[ACTIVITY_KEY] = int(time.time())


def seconds_idle(session, now: float) -> float | None:
    last = session.get(ACTIVITY_KEY)
    return None if last is None else now - last
