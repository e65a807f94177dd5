"""Defining a local indicator: functional admins, for a municipality their organisation serves."""

from urllib.parse import urlencode

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import redirect, render
from django.urls import reverse
from django.views.decorators.http import require_http_methods

from eenplan.cases.forms import add_service_errors
from eenplan.indicators import selectors, services
from eenplan.indicators.forms import LocalIndicatorForm


@login_required
@require_http_methods(["GET", "POST"])
def local_indicator_define(request):
    municipalities = selectors.local_indicator_municipalities(request.user)
    if not municipalities:
        raise PermissionDenied("Lokale indicatoren legt een functioneel beheerder vast.")
    data = request.POST if request.method == "POST" else None
    form = LocalIndicatorForm(data, municipalities=municipalities, auto_id="indicator-%s")
    if data is not None and form.is_valid():
        try:
            local = services.local_indicator_define(actor=request.user, **form.cleaned_data)
        except ValidationError as exc:
            add_service_errors(form, exc)
        else:
            messages.success(
                request,
                f"De indicator '{local.name}' staat op het dashboard, bij {local.municipality}.",
            )
            query = urlencode({"municipalities": local.municipality.uuid})
            return redirect(f"{reverse('indicators:dashboard')}?{query}")
    status = 400 if data is not None else 200
    return render(request, "indicators/local.html", {"form": form}, status=status)
