"""'Mijn casussen' and the status change."""

import uuid

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ObjectDoesNotExist, ValidationError
from django.http import Http404
from django.shortcuts import redirect, render
from django.views.decorators.http import require_GET, require_POST

from eenplan.cases import selectors, services
from eenplan.cases.constants import CaseStatus
from eenplan.cases.forms import CaseFilterForm, TransitionForm, add_service_errors, page_number
from eenplan.people.views import render_household


@login_required
@require_GET
def my_cases(request):
    form = CaseFilterForm(request.GET)
    listing = None
    if form.is_valid():
        listing = selectors.case_list(
            user=request.user,
            page=page_number(request.GET.get("page")),
            **form.filters(request.user),
        )
    return render(request, "cases/my_cases.html", {"form": form, "listing": listing})


@login_required
@require_POST
def case_transition(request, case_uuid: uuid.UUID):
    try:
        case = selectors.case_get(user=request.user, case_uuid=case_uuid)
    except ObjectDoesNotExist as exc:
        raise Http404 from exc
    form = TransitionForm(request.POST, current_status=case.status)
    if form.is_valid():
        try:
            case = services.case_transition(actor=request.user, case=case, **form.service_kwargs())
        except ObjectDoesNotExist as exc:
            raise Http404 from exc
        except ValidationError as exc:
            add_service_errors(form, exc)
        else:
            label = CaseStatus(case.status).label
            messages.success(request, f"De status van casus {case.reference} is nu: {label}.")
            return redirect("people:household", household_uuid=case.household.uuid)
    return render_household(
        request, household_uuid=case.household.uuid, bound={"transition": form}, status=400
    )
