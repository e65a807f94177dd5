"""'Beleidssignalen': bottlenecks and lessons for policy, without any personal data. The list
with filters, raising one outside a meeting, one signal with the municipality's response, and
the report per theme and quarter."""

import uuid

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ObjectDoesNotExist, PermissionDenied, ValidationError
from django.http import Http404
from django.shortcuts import redirect, render
from django.urls import reverse
from django.views.decorators.http import require_GET, require_http_methods

from eenplan.cases.forms import add_service_errors, page_number
from eenplan.common.routing import replica_reads
from eenplan.consultations import selectors, services
from eenplan.consultations.forms import (
    PolicyResponseForm,
    PolicySignalFilterForm,
    PolicySignalRaiseForm,
    ReportForm,
)
from eenplan.consultations.views.lookups import municipalities_for

PAGE_SIZE = 25
QUARTERS = ("Kwartaal 1", "Kwartaal 2", "Kwartaal 3", "Kwartaal 4")


def signal_url(signal) -> str:
    return reverse("policy-signals:detail", kwargs={"signal_uuid": signal.uuid})


@login_required
@require_GET
def signal_list(request):
    form = PolicySignalFilterForm(request.GET)
    listing = None
    if form.is_valid():
        listing = selectors.policy_signal_list(
            user=request.user,
            page=page_number(request.GET.get("page")),
            page_size=PAGE_SIZE,
            **form.cleaned_data,
        )
    filtered = bool(request.GET.get("theme") or request.GET.get("status"))
    context = {"form": form, "listing": listing, "filtered": filtered}
    return render(request, "consultations/policy/list.html", context)


@login_required
@require_http_methods(["GET", "POST"])
def signal_raise(request):
    municipalities = municipalities_for(request.user)
    data = request.POST if request.method == "POST" else None
    only = list(municipalities[:2])
    form = PolicySignalRaiseForm(
        data,
        municipalities=municipalities,
        initial={"municipality": only[0] if len(only) == 1 else None},
        auto_id="signaal-%s",
    )
    if data is not None and form.is_valid():
        try:
            signal = services.policy_signal_raise(actor=request.user, **form.cleaned_data)
        except ValidationError as exc:
            add_service_errors(form, exc)
        else:
            messages.success(
                request, "Het beleidssignaal is ingebracht. Hieronder leest u straks de reactie."
            )
            return redirect(signal_url(signal))
    status = 400 if data is not None else 200
    return render(request, "consultations/policy/raise.html", {"form": form}, status=status)


@login_required
@require_http_methods(["GET", "POST"])
def signal_detail(request, signal_uuid: uuid.UUID):
    try:
        signal = selectors.policy_signal_get(user=request.user, signal_uuid=signal_uuid)
    except ObjectDoesNotExist as exc:
        raise Http404 from exc
    data = request.POST if request.method == "POST" else None
    if data is not None and not signal.may_respond:
        raise PermissionDenied(
            "Een teamleider, directeur of beleidsmedewerker van de gemeente reageert."
        )
    form = None
    if signal.may_respond:
        initial = {"status": signal.status, "response": signal.response}
        form = PolicyResponseForm(data, initial=initial, auto_id="reactie-%s")
    if data is not None and form.is_valid():
        try:
            services.policy_signal_respond(actor=request.user, signal=signal, **form.cleaned_data)
        except ValidationError as exc:
            add_service_errors(form, exc)
        else:
            messages.success(
                request, "Uw reactie is opgeslagen. Wie het signaal inbracht, leest hem hier."
            )
            return redirect(signal_url(signal))
    status = 400 if data is not None else 200
    context = {"signal": signal, "form": form}
    return render(request, "consultations/policy/detail.html", context, status=status)


@login_required
@require_GET
@replica_reads
def signal_report(request):
    form = ReportForm(request.GET)
    valid = form.is_valid()
    year = form.chosen_year() if valid else None
    rows = selectors.policy_signal_report(user=request.user, year=year) if valid else []
    totals = {
        "per_quarter": [sum(row.per_quarter[q] for row in rows) for q in range(4)],
        "total": sum(row.total for row in rows),
        "acted_on": sum(row.acted_on for row in rows),
    }
    context = {"form": form, "year": year, "rows": rows, "totals": totals, "quarters": QUARTERS}
    return render(request, "consultations/policy/report.html", context)
