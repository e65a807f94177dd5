"""The privacy officer's pages for requests of data subjects (AVG art. 16 and 17)."""

import uuid

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.shortcuts import redirect, render
from django.utils import timezone
from django.views.decorators.http import require_http_methods, require_POST

from eenplan.cases.forms import add_service_errors
from eenplan.privacy import requests
from eenplan.privacy.constants import RequestKind
from eenplan.privacy.forms import RequestCarryOutForm, RequestDecideForm, RequestRegisterForm


@login_required
@require_http_methods(["GET", "POST"])
def request_list(request):
    """The requests, open ones first by due date; and the form for one that came by letter."""
    queue = requests.request_queue(request.user)
    form = RequestRegisterForm(request.POST or None, initial={"received_on": timezone.localdate()})
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        person = requests.person_for_request(request.user, data["bsn"])
        if person is None:
            form.add_error("bsn", "Er is in EenPlan niemand met dit BSN.")
        else:
            try:
                registered = requests.request_register(
                    actor=request.user,
                    person=person,
                    kind=data["kind"],
                    description=data["description"],
                    received_on=data["received_on"],
                )
            except ValidationError as exc:
                add_service_errors(form, exc)
            else:
                messages.success(request, "Het verzoek is geregistreerd.")
                return redirect("privacy:request", request_uuid=registered.uuid)
    status = 400 if form.errors else 200
    context = {"requests": queue[:200], "form": form, "today": timezone.localdate()}
    return render(request, "privacy/requests.html", context, status=status)


def _render_detail(request, subject_request, decide_form=None, carry_out_form=None, status=200):
    is_correction = subject_request.kind == RequestKind.CORRECTION
    person = subject_request.person
    return render(
        request,
        "privacy/request_detail.html",
        {
            "subject_request": subject_request,
            "decide_form": decide_form or RequestDecideForm(corrections=is_correction),
            "carry_out_form": carry_out_form or RequestCarryOutForm(),
            "current": requests.current_details(person),
            "open_cases": requests.open_cases(person) if person else [],
            "corrections": [
                (requests.CORRECTABLE_FIELDS[name], value)
                for name, value in subject_request.corrections.items()
            ],
        },
        status=status,
    )


@login_required
@require_http_methods(["GET", "POST"])
def request_detail(request, request_uuid: uuid.UUID):
    subject_request = requests.request_get(request.user, request_uuid)
    if request.method == "GET":
        return _render_detail(request, subject_request)
    form = RequestDecideForm(
        request.POST, corrections=subject_request.kind == RequestKind.CORRECTION
    )
    if form.is_valid():
        try:
            requests.request_decide(
                actor=request.user, request=subject_request, **form.service_arguments()
            )
        except ValidationError as exc:
            add_service_errors(form, exc)
        else:
            messages.success(request, "De beslissing is vastgelegd.")
            return redirect("privacy:request", request_uuid=subject_request.uuid)
    return _render_detail(request, subject_request, decide_form=form, status=400)


@login_required
@require_POST
def request_carry_out(request, request_uuid: uuid.UUID):
    subject_request = requests.request_get(request.user, request_uuid)
    form = RequestCarryOutForm(request.POST)
    if form.is_valid():
        try:
            requests.request_carry_out(
                actor=request.user, request=subject_request, note=form.cleaned_data["note"]
            )
        except ValidationError as exc:
            add_service_errors(form, exc)
        else:
            messages.success(request, "Het verzoek is uitgevoerd.")
            return redirect("privacy:request", request_uuid=subject_request.uuid)
    return _render_detail(request, subject_request, carry_out_form=form, status=400)
