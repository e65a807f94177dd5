"""Registering a complaint or an objection on a citizen's behalf, from the case."""

import uuid

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import Http404
from django.shortcuts import redirect, render
from django.views.decorators.http import require_http_methods

from eenplan.cases.forms import add_service_errors
from eenplan.cases.models import Case
from eenplan.cases.selectors import case_get
from eenplan.complaints import selectors, services
from eenplan.complaints.forms import RegisterForm
from eenplan.complaints.models import Complaint
from eenplan.complaints.templatetags.complaints import the_kind
from eenplan.plans.pdf import long_date
from eenplan.tenancy.models import Organisation


def _message(complaint: Complaint) -> str:
    handler = complaint.handler.get_full_name() if complaint.handler else ""
    return (
        f"{the_kind(complaint).capitalize()} is geregistreerd met kenmerk {complaint.reference}. "
        + (f"Behandelaar: {handler}. " if handler else "")
        + f"Persoonlijk contact uiterlijk op {long_date(complaint.contact_due)}."
    )


@login_required
@require_http_methods(["GET", "POST"])
def complaint_new(request, case_uuid: uuid.UUID):
    try:
        case = case_get(user=request.user, case_uuid=case_uuid)
    except Case.DoesNotExist as exc:
        raise Http404 from exc
    form = RegisterForm(
        request.POST if request.method == "POST" else None,
        persons=[member.person for member in case.household.member_list],
        organisations=Organisation.objects.filter(involvements__case=case)
        .distinct()
        .order_by("name"),
        decisions=selectors.objectable_decisions(user=request.user, case=case),
        auto_id="klacht-%s",
    )
    if form.is_bound and form.is_valid():
        try:
            complaint = services.complaint_register(
                actor=request.user, case=case, **form.cleaned_data
            )
        except ValidationError as exc:
            add_service_errors(form, exc)
        else:
            messages.success(request, _message(complaint))
            return redirect("complaints:detail", complaint_uuid=complaint.uuid)
    context = {"case": case, "household": case.household, "form": form}
    return render(request, "complaints/new.html", context, status=400 if form.is_bound else 200)
