"""Two gates every request passes after authentication: the idle logout and the second login
step. Both act on session logins only; an API call with a token has no session to go idle, and
its token was issued after the code (``api.views.auth``)."""

import time

from django.conf import settings
from django.contrib import messages
from django.contrib.auth import logout
from django.contrib.auth.views import redirect_to_login
from django.http import JsonResponse
from django.shortcuts import redirect, resolve_url
from django.urls import reverse
from django_htmx.http import HttpResponseClientRedirect

from eenplan.tenancy import sessions, twofactor

API_PREFIX = "/api/"
# Reachable before the second step: the login pages themselves, logging out, static files and
# the API's token login (which asks the code itself).
OPEN_PREFIXES = (
    "/" + settings.STATIC_URL.lstrip("/"),
    "/inloggen/",
    "/uitloggen/",
    "/api/v1/auth/token/",
)
NOT_VERIFIED = (
    "Bevestig eerst dat u het bent: log in op de website met de code uit uw authenticator-app, "
    "of haal een token op met uw code."
)


def _redirect(request, url: str):
    # htmx follows a redirect itself and would put the login page inside the current page.
    if request.headers.get("HX-Request"):
        return HttpResponseClientRedirect(url)
    return redirect(url)


class SessionIdleTimeoutMiddleware:
    """Logs a user out after ``SESSION_IDLE_MINUTES`` without a request, and says why on the
    login page.

    The time of the last request is written to the session at most once a minute, not on every
    request: every write is a database write and a new cookie, and parallel requests (htmx
    loads parts of a page at once) would each save the whole session and undo each other's
    changes. To the minute is precise enough for a limit of half an hour.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        limit = sessions.idle_limit_seconds()
        if limit > 0 and request.user.is_authenticated:
            now = time.time()
            idle = sessions.seconds_idle(request.session, now)
            if idle is not None and idle > limit:
                return self._log_out(request)
            if idle is None or idle >= sessions.TOUCH_INTERVAL_SECONDS:
                request.session[sessions.ACTIVITY_KEY] = int(now)
        return self.get_response(request)

    def _log_out(self, request):
        portal = request.user.is_citizen
        login_url = reverse("portal:login") if portal else resolve_url(settings.LOGIN_URL)
        logout(request)
        if request.path.startswith(API_PREFIX):
            return self.get_response(request)  # on as anonymous: 401 or 403
        messages.warning(request, sessions.IDLE_MESSAGE)
        if request.headers.get("HX-Request"):
            return HttpResponseClientRedirect(login_url)
        return redirect_to_login(request.get_full_path(), login_url)


class TwoFactorMiddleware:
    """A professional whose session is not yet verified (``tenancy.twofactor``) reaches only the
    login pages: every page and the admin send them to the second step, the API answers 403."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if not request.path.startswith(OPEN_PREFIXES) and twofactor.needs_verification(request):
            if request.path.startswith(API_PREFIX):
                return JsonResponse({"detail": NOT_VERIFIED}, status=403)
            return _redirect(request, twofactor.step_url(request.user, request.get_full_path()))
        return self.get_response(request)
