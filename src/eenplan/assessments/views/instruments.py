"""Instruments for functional admins: the list, a new instrument and a new version of one.

``selectors.admin_municipalities`` refuses anyone who is no functional admin (403) before
anything else is read; ``services.instrument_define`` checks again for the chosen municipality.
"""

import uuid

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import Http404
from django.shortcuts import redirect, render
from django.urls import reverse
from django.views.decorators.http import require_GET, require_http_methods

from eenplan.assessments import selectors, services
from eenplan.assessments.forms import InstrumentForm, domains_text, levels_text
from eenplan.assessments.models import Instrument
from eenplan.cases.forms import add_service_errors


@login_required
@require_GET
def instrument_list(request):
    instruments = selectors.instruments_managed(user=request.user)
    return render(request, "assessments/instruments/list.html", {"instruments": instruments})


@login_required
@require_http_methods(["GET", "POST"])
def instrument_new(request):
    return _define(request, source=None)


@login_required
@require_http_methods(["GET", "POST"])
def instrument_new_version(request, instrument_uuid: uuid.UUID):
    try:
        source = selectors.instrument_managed_get(
            user=request.user, instrument_uuid=instrument_uuid
        )
    except Instrument.DoesNotExist as exc:
        raise Http404 from exc
    return _define(request, source=source)


def _initial(source: Instrument | None, municipalities) -> dict:
    only = list(municipalities[:2])
    initial = {"municipality": only[0] if len(only) == 1 else None}
    if source is not None:
        initial |= {
            "name": source.name,
            "subject": source.subject,
            "description": source.description,
            "domains": domains_text(source),
            "levels": levels_text(source),
        }
        if source.municipality_id and any(m.pk == source.municipality_id for m in municipalities):
            initial["municipality"] = source.municipality
    return initial


def _define(request, *, source: Instrument | None):
    municipalities = selectors.admin_municipalities(request.user)
    data = request.POST if request.method == "POST" else None
    form = InstrumentForm(
        data,
        municipalities=municipalities,
        initial=_initial(source, municipalities),
        auto_id="instrument-%s",
    )
    if data is not None and form.is_valid():
        try:
            instrument = services.instrument_define(
                actor=request.user,
                code=source.code if source else "",
                **form.cleaned_data,
            )
        except ValidationError as exc:
            add_service_errors(form, exc)
        else:
            messages.success(
                request,
                f"{instrument} staat klaar. Professionals in gemeente "
                f"{instrument.municipality.name} kunnen er nu mee meten.",
            )
            return redirect(reverse("assessments:instruments") + f"#instrument-{instrument.uuid}")
    context = {"form": form, "source": source}
    return render(
        request,
        "assessments/instruments/form.html",
        context,
        status=400 if data is not None else 200,
    )
