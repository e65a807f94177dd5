"""Citizen login through a DigiD broker over OpenID Connect (docs/portaal.md).

Active only when ``EENPLAN_CITIZEN_OIDC_CLIENT_ID`` (with the secret and the endpoints) is set:
then the settings add ``CitizenOIDCBackend`` to the authentication backends and this module's
``urlpatterns`` hold the two OIDC pages under ``/mijn/oidc/``. Without those settings nothing
here is used and the portal keeps its password login only.

The broker vouches for a BSN. The backend turns that BSN into a citizen with ``citizen_for_bsn``:
the person with that BSN who belongs to a household and is 16 or older. Such a person gets an
account without a password on the first login. Anyone else (unknown BSN, no household, younger
than 16, a blocked account) is not logged in. The backend never finds or creates a professional.
"""

import uuid

from django.conf import settings
from django.contrib import messages
from django.http import HttpResponseRedirect
from django.urls import path, reverse
from django.utils import timezone
from mozilla_django_oidc.auth import OIDCAuthenticationBackend
from mozilla_django_oidc.views import (
    OIDCAuthenticationCallbackView,
    OIDCAuthenticationRequestView,
)

from eenplan.common.validators import is_valid_bsn, normalise_bsn
from eenplan.people.models import Person
from eenplan.portal.boundary import is_portal_path
from eenplan.portal.constants import OWN_ACCOUNT_AGE
from eenplan.portal.models import Citizen
from eenplan.portal.services import citizen_account_create
from eenplan.privacy.constants import Action as LogAction
from eenplan.privacy.services import access_log_write

DEFAULT_BSN_CLAIM = "bsn"


def is_enabled() -> bool:
    return bool(getattr(settings, "CITIZEN_OIDC_ENABLED", False))


def bsn_from_claims(claims: dict) -> str:
    """The BSN in the claim the broker uses for it (``EENPLAN_CITIZEN_OIDC_BSN_CLAIM``); "" when
    it is missing or not a valid BSN."""
    name = getattr(settings, "CITIZEN_OIDC_BSN_CLAIM", DEFAULT_BSN_CLAIM) or DEFAULT_BSN_CLAIM
    bsn = normalise_bsn(str(claims.get(name) or ""))
    return bsn if is_valid_bsn(bsn) else ""


def _may_have_account(person: Person) -> bool:
    # The age must be known: the broker vouches for the BSN, not for the age.
    age = person.age_on(timezone.localdate())
    return age is not None and age >= OWN_ACCOUNT_AGE and person.memberships.exists()


def _account_create(person: Person) -> Citizen:
    """A first DigiD login: an account without a password (the broker is the only way in)."""
    # Not the BSN: a username shows up in logs and screens.
    citizen = citizen_account_create(person=person, username=f"inwoner-{uuid.uuid4().hex[:12]}")
    access_log_write(
        actor=citizen.user,
        action=LogAction.CREATE,
        name="inwoneraccount aanmaken bij inloggen met DigiD",
        subjects=[(None, person)],
    )
    return citizen


def citizen_for_bsn(bsn: str):
    """The citizen account (a ``User``) of the household member with this BSN, created when
    missing; None when nobody of 16 or older in a household has it, or the account is blocked."""
    person = Person.objects.with_bsn(bsn).first() if bsn else None
    if person is None or not _may_have_account(person):
        return None
    citizen = Citizen.objects.select_related("user").filter(person=person).first()
    if citizen is None:
        citizen = _account_create(person)
    user = citizen.user
    return user if user.is_active and user.is_citizen else None


def citizen_for_claims(claims: dict):
    return citizen_for_bsn(bsn_from_claims(claims))


class CitizenOIDCBackend(OIDCAuthenticationBackend):
    """mozilla-django-oidc's code flow, with the user found by BSN instead of e-mail."""

    def authenticate(self, request, **kwargs):
        if "password" in kwargs:  # a password login: not ours
            return None
        return super().authenticate(request, **kwargs)

    def get_or_create_user(self, access_token, id_token, payload):
        """The claims of the (verified) ID token, completed by the userinfo endpoint if the
        broker has one."""
        claims = dict(payload)
        if self.OIDC_OP_USER_ENDPOINT:
            claims.update(self.get_userinfo(access_token, id_token, payload))
        return citizen_for_claims(claims)


class CitizenCallbackView(OIDCAuthenticationCallbackView):
    """Back from the broker: into the portal, or to its login page with a plain message."""

    @property
    def success_url(self):
        next_url = self.request.session.get("oidc_login_next") or ""
        return next_url if is_portal_path(next_url) else reverse("portal:home")

    @property
    def failure_url(self):
        return reverse("portal:login")

    def login_failure(self):
        messages.error(
            self.request,
            "Inloggen met DigiD is niet gelukt. Misschien heeft u (nog) geen plan in EenPlan, of "
            "bent u jonger dan 16. Vraag uw regisseur of hulpverlener om hulp.",
        )
        return HttpResponseRedirect(self.failure_url)


def _urlpatterns() -> list:
    if not is_enabled():
        return []
    return [
        path(
            "inloggen/",
            OIDCAuthenticationRequestView.as_view(),
            name="oidc_authentication_init",
        ),
        path("terug/", CitizenCallbackView.as_view(), name="oidc_authentication_callback"),
    ]


# Included by the project's urls under /mijn/oidc/; empty without the settings.
urlpatterns = _urlpatterns()
