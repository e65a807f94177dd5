"""Professional login through the organisation's identity provider over OpenID Connect.

Active only when ``EENPLAN_OIDC_CLIENT_ID`` (with the secret and the endpoints) is set: then the
settings put ``ProfessionalOIDCBackend`` among the authentication backends, fill
``PROFESSIONAL_OIDC`` and the login page offers "Inloggen via uw organisatie". Without them the
two pages under ``/inloggen/oidc/`` answer "not found".

mozilla-django-oidc reads one global set of ``OIDC_*`` settings, and those belong to the citizens'
DigiD broker (``eenplan.portal.oidc``). The backend and the views here therefore read their own
set, ``PROFESSIONAL_OIDC``, through ``get_settings``, and never fall back to the global one.

The provider vouches for one claim (``EENPLAN_OIDC_USER_CLAIM``, default ``email``). It is
matched, ignoring case, to the e-mail address or the username (``EENPLAN_OIDC_ACCOUNT_FIELD``) of
exactly one active professional account. No account is ever created, and a citizen account is
never found. Whether the login also counts as the second step of two-factor login is
``EENPLAN_OIDC_TRUSTS_IDP_MFA`` (default: no, the code of the authenticator app still follows).
"""

import logging

import requests
from django.conf import settings
from django.contrib import auth, messages
from django.core.exceptions import ImproperlyConfigured, PermissionDenied, SuspiciousOperation
from django.http import Http404, HttpResponseRedirect
from django.shortcuts import resolve_url
from django.urls import reverse
from mozilla_django_oidc.auth import OIDCAuthenticationBackend
from mozilla_django_oidc.views import (
    OIDCAuthenticationCallbackView,
    OIDCAuthenticationRequestView,
)

from eenplan.tenancy import twofactor
from eenplan.tenancy.constants import AccountKind
from eenplan.tenancy.models import User

logger = logging.getLogger(__name__)

CALLBACK_URL_NAME = "tenancy:oidc-callback"
FAILED = (
    "Inloggen via uw organisatie is niet gelukt. Misschien heeft u nog geen account in EenPlan, "
    "of is het geblokkeerd. Vraag de functioneel beheerder van uw organisatie om hulp, of log in "
    "met uw gebruikersnaam en wachtwoord."
)


def is_enabled() -> bool:
    return bool(getattr(settings, "PROFESSIONAL_OIDC_ENABLED", False))


def oidc_setting(attr: str, *default):
    """mozilla-django-oidc's ``get_settings``, from ``PROFESSIONAL_OIDC`` only."""
    values = getattr(settings, "PROFESSIONAL_OIDC", {})
    if attr in values:
        return values[attr]
    if default:
        return default[0]
    raise ImproperlyConfigured(f"{attr} is missing from PROFESSIONAL_OIDC.")


def professional_for_claims(claims: dict) -> User | None:
    """The one active professional whose e-mail address (or username) is the claim's value."""
    value = str(claims.get(settings.PROFESSIONAL_OIDC_CLAIM) or "").strip()
    if not value or claims.get("email_verified") is False:
        return None
    field = settings.PROFESSIONAL_OIDC_ACCOUNT_FIELD
    matches = list(
        User.objects.filter(
            kind=AccountKind.PROFESSIONAL, is_active=True, **{f"{field}__iexact": value}
        )[:2]
    )
    if len(matches) != 1:
        if matches:  # two accounts share the address: choosing one would be a guess
            logger.warning("oidc login refused: the claim matches several accounts")
        return None
    return matches[0]


class ProfessionalOIDCBackend(OIDCAuthenticationBackend):
    """The code flow against the organisation's provider; the user is found, never made.

    It answers only on its own callback page. There a failure stops Django from asking the next
    backend (``PermissionDenied``), so the citizens' backend never sends this provider's code to
    the DigiD broker."""

    get_settings = staticmethod(oidc_setting)

    def authenticate(self, request, **kwargs):
        if "password" in kwargs or request is None or request.path != reverse(CALLBACK_URL_NAME):
            return None
        try:
            user = super().authenticate(request, **kwargs)
        except (requests.RequestException, SuspiciousOperation) as exc:
            logger.warning("oidc login failed at the provider: %s", type(exc).__name__)
            user = None
        if user is None:
            raise PermissionDenied
        return user

    def get_or_create_user(self, access_token, id_token, payload):
        """The claims of the (verified) ID token, completed by the userinfo endpoint if the
        provider has one."""
        claims = dict(payload)
        if self.OIDC_OP_USER_ENDPOINT:
            claims.update(self.get_userinfo(access_token, id_token, payload))
        return professional_for_claims(claims)


class ProfessionalRequestView(OIDCAuthenticationRequestView):
    """To the provider, with state, nonce and PKCE kept in the session."""

    get_settings = staticmethod(oidc_setting)


class ProfessionalCallbackView(OIDCAuthenticationCallbackView):
    """Back from the provider: logged in and on to the code step (unless the provider's own
    multi-factor login is trusted), or back to the login page with a plain message."""

    get_settings = staticmethod(oidc_setting)

    @property
    def failure_url(self):
        return reverse("login")

    def login_failure(self):
        messages.error(self.request, FAILED)
        return HttpResponseRedirect(self.failure_url)

    def login_success(self):
        auth.login(self.request, self.user)
        if settings.PROFESSIONAL_OIDC_TRUSTS_IDP_MFA:
            twofactor.mark_verified_by_idp(self.request)
        next_url = self.request.session.get("oidc_login_next") or resolve_url(
            settings.LOGIN_REDIRECT_URL
        )
        if twofactor.needs_verification(self.request):
            next_url = twofactor.step_url(self.user, next_url)
        return HttpResponseRedirect(next_url)


def _only_when_enabled(view):
    def wrapper(request, *args, **kwargs):
        if not is_enabled():
            raise Http404
        return view(request, *args, **kwargs)

    return wrapper


login_start = _only_when_enabled(ProfessionalRequestView.as_view())
login_callback = _only_when_enabled(ProfessionalCallbackView.as_view())
