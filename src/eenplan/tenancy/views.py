"""The professional's login pages: password, then the second step (link an authenticator app, or
type its code), and the page to see or replace one's app. The rules are in
``tenancy.twofactor``; these views only show them."""

from django.conf import settings
from django.contrib import messages
from django.contrib.auth import views as auth_views
from django.contrib.auth.decorators import login_required
from django.shortcuts import redirect, render, resolve_url
from django.utils.http import url_has_allowed_host_and_scheme
from django.views.decorators.http import require_http_methods

from eenplan.portal.forms import ProfessionalLoginForm
from eenplan.tenancy import oidc, twofactor
from eenplan.tenancy.forms import CodeForm


class ProfessionalLoginView(auth_views.LoginView):
    """The password step; when two-factor login applies, on to the second step."""

    authentication_form = ProfessionalLoginForm

    def get_context_data(self, **kwargs):
        return super().get_context_data(**kwargs, organisation_login=oidc.is_enabled())

    def get_success_url(self):
        url = super().get_success_url()
        if twofactor.needs_verification(self.request):
            return twofactor.step_url(self.request.user, url)
        return url


def _next_url(request) -> str:
    """Where the user was going: only a page of EenPlan itself."""
    url = request.POST.get("next") or request.GET.get("next") or ""
    safe = url_has_allowed_host_and_scheme(
        url, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    )
    return url if safe else resolve_url(settings.LOGIN_REDIRECT_URL)


@login_required
@require_http_methods(["GET", "POST"])
def otp_verify(request):
    device = twofactor.confirmed_device(request.user)
    if device is None:
        return redirect(twofactor.step_url(request.user, _next_url(request)))
    if twofactor.is_verified(request):
        return redirect(_next_url(request))
    form = CodeForm(request.POST or None, device=device)
    if form.is_valid():
        twofactor.session_verify(request, device)
        return redirect(_next_url(request))
    return render(
        request,
        "tenancy/otp_verify.html",
        {"form": form, "next": _next_url(request)},
        status=400 if form.errors else 200,
    )


@login_required
@require_http_methods(["GET", "POST"])
def otp_setup(request):
    """Link an app; replacing a linked one needs its code first, so a password alone never
    replaces it."""
    if twofactor.confirmed_device(request.user) and not twofactor.is_verified(request):
        return redirect(twofactor.step_url(request.user, request.get_full_path()))
    device = twofactor.pending_device(request.user)
    form = CodeForm(request.POST or None, device=device)
    if form.is_valid():
        twofactor.device_confirm(user=request.user, device=device)
        twofactor.session_verify(request, device)
        messages.success(
            request,
            "Uw app is gekoppeld. Voortaan vraagt EenPlan bij het inloggen "
            "om een code uit deze app.",
        )
        return redirect(_next_url(request))
    context = {
        "form": form,
        "next": _next_url(request),
        "qr_code": twofactor.qr_code_svg(device),
        "manual_key": twofactor.manual_key(device),
    }
    return render(request, "tenancy/otp_setup.html", context, status=400 if form.errors else 200)


@login_required
def otp_device(request):
    if twofactor.needs_verification(request):
        return redirect(twofactor.step_url(request.user, request.get_full_path()))
    context = {
        "device": twofactor.confirmed_device(request.user),
        "required": twofactor.is_required_for(request.user),
    }
    return render(request, "tenancy/otp_device.html", context)
