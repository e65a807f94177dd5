"""Two-factor login for professionals: a password and a code from an authenticator app (TOTP).

``REQUIRE_2FA`` (``EENPLAN_REQUIRE_2FA``, on by default in production) switches it on. Then a
professional's session is *verified* only after a six-digit code from the app they linked to
their account (a confirmed ``TOTPDevice`` of django-otp), or after a login through the
organisation's identity provider when EenPlan trusts its multi-factor login
(``tenancy.oidc``). Until then ``tenancy.middleware.TwoFactorMiddleware`` sends every page, the
admin and the API back to this step: to linking an app (no confirmed device yet) or to typing
the code. The API token endpoint asks the code with the password (``verify_code``).

Citizens are never asked: they log in to the portal only, with DigiD or their own password.
Wrong codes are slowed down by django-otp's throttling (1, 2, 4, 8, ... seconds between tries),
on top of the lockout of django-axes for wrong passwords.
"""

from base64 import b32encode
from urllib.parse import urlencode

import segno
from django.conf import settings
from django.db import transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.safestring import SafeString, mark_safe
from django_otp import login as otp_login
from django_otp.plugins.otp_totp.models import TOTPDevice

# The session key that says "verified by the identity provider's own multi-factor login"; it
# holds the user's pk, so it never counts for another account in the same browser.
IDP_MFA_SESSION_KEY = "eenplan_idp_mfa_user"
DEVICE_NAME = "Authenticator-app"

WRONG_CODE = "Deze code klopt niet. Kijk in de app en typ de zes cijfers die er nu staan."
TOO_MANY = (
    "U heeft te vaak een verkeerde code getypt. Wacht {seconds} seconden en probeer het dan "
    "opnieuw."
)


def is_required_for(user) -> bool:
    """Whether this account needs the second step: every professional when it is switched on."""
    return bool(settings.REQUIRE_2FA) and user.is_authenticated and not user.is_citizen


def is_verified(request) -> bool:
    user = request.user
    if getattr(user, "is_verified", None) is not None and user.is_verified():
        return True
    return request.session.get(IDP_MFA_SESSION_KEY) == user.pk


def needs_verification(request) -> bool:
    return is_required_for(request.user) and not is_verified(request)


def mark_verified_by_idp(request) -> None:
    request.session[IDP_MFA_SESSION_KEY] = request.user.pk


def confirmed_device(user) -> TOTPDevice | None:
    return TOTPDevice.objects.filter(user=user, confirmed=True).order_by("-pk").first()


def pending_device(user) -> TOTPDevice:
    """The app being linked: one unconfirmed device per user, kept until it is confirmed so the
    QR code stays the same when the page is loaded again."""
    device = TOTPDevice.objects.filter(user=user, confirmed=False).order_by("-pk").first()
    return device or TOTPDevice.objects.create(user=user, name=DEVICE_NAME, confirmed=False)


def step_url(user, next_url: str = "") -> str:
    """Where the second step happens for this user: linking an app, or typing its code."""
    name = "tenancy:otp-verify" if confirmed_device(user) else "tenancy:otp-setup"
    url = reverse(name)
    return f"{url}?{urlencode({'next': next_url})}" if next_url else url


def check_code(device: TOTPDevice, code: str) -> str:
    """ "" when ``code`` is the app's current code; else what to tell the user. A wrong code
    counts towards django-otp's throttling, a good one resets it."""
    code = "".join(str(code or "").split())
    with transaction.atomic():
        device = TOTPDevice.objects.select_for_update().get(pk=device.pk)
        allowed, details = device.verify_is_allowed()
        if not allowed:
            wait = (details["locked_until"] - timezone.now()).total_seconds()
            return TOO_MANY.format(seconds=max(1, round(wait)))
        return "" if device.verify_token(code) else WRONG_CODE


def verify_code(user, code: str) -> bool:
    """For the API: the code of the user's linked app is right (and not throttled)."""
    device = confirmed_device(user)
    return device is not None and bool(code) and check_code(device, code) == ""


def session_verify(request, device: TOTPDevice) -> None:
    """The session is verified from now on, under a new session key (the privilege changed)."""
    request.session.cycle_key()
    otp_login(request, device)


@transaction.atomic
def device_confirm(*, user, device: TOTPDevice) -> TOTPDevice:
    """The newly linked app replaces any earlier one: one app per account."""
    TOTPDevice.objects.filter(user=user).exclude(pk=device.pk).delete()
    device.confirmed = True
    device.save(update_fields=["confirmed"])
    return device


def devices_reset(*, users) -> int:
    """A functional admin unlinks the apps of ``users`` (a lost phone): at the next page they link
    a new one. Returns how many accounts had an app."""
    devices = TOTPDevice.objects.filter(user__in=users)
    count = devices.values("user").distinct().count()
    devices.delete()
    return count


def qr_code_svg(device: TOTPDevice) -> SafeString:
    """The QR code to scan, as inline SVG markup: no image URL and no style, so the strict
    Content-Security-Policy allows it. Safe: segno writes only paths and our fixed title."""
    svg = segno.make(device.config_url, error="m").svg_inline(
        scale=5,
        border=4,
        dark="#000",
        light="#fff",
        svgclass=None,
        lineclass=None,
        title="QR-code om te scannen met uw authenticator-app",
    )
    return mark_safe(svg)


def manual_key(device: TOTPDevice) -> str:
    """The secret as the apps ask for it when typed in (base32), in groups of four."""
    key = b32encode(device.bin_key).decode().rstrip("=")
    return " ".join(key[i : i + 4] for i in range(0, len(key), 4))
