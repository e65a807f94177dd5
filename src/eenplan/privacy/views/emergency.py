"""Break-the-glass pages: open and end one's own emergency access; the privacy officer's review.

Only case workers reach the first pages and only privacy officers the review (403 otherwise).
"""

import uuid

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import redirect, render
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from eenplan.cases.forms import add_service_errors
from eenplan.privacy import emergency, policy
from eenplan.privacy.forms import EmergencyFindForm, EmergencyOpenForm, EmergencyReviewForm


def _case_worker_only(user) -> None:
    if not emergency.may_open(user):
        raise PermissionDenied


def _index(request, find_form, found=(), open_forms=None, status=200):
    return render(
        request,
        "privacy/emergency.html",
        {
            "find_form": find_form,
            "found": [
                (case, (open_forms or {}).get(case.pk) or EmergencyOpenForm()) for case in found
            ],
            "accesses": emergency.own_emergency_accesses(request.user)[:20],
            "may_review": policy.may_read_access_log(request.user),
        },
        status=status,
    )


@login_required
@require_http_methods(["GET", "POST"])
def emergency_index(request):
    """GET: the form and one's own accesses. POST: find the household (the BSN stays out of
    URLs), then choose a case to open."""
    _case_worker_only(request.user)
    if request.method == "GET":
        return _index(request, EmergencyFindForm())
    form = EmergencyFindForm(request.POST)
    if not form.is_valid():
        return _index(request, form, status=400)
    found = emergency.emergency_cases_find(
        user=request.user, bsn=form.cleaned_data["bsn"], reference=form.cleaned_data["reference"]
    )
    if not found:
        form.add_error(None, "Geen open casus gevonden met dit BSN of casuskenmerk.")
    return _index(request, form, found)


@login_required
@require_POST
def emergency_open(request, case_uuid: uuid.UUID):
    case = emergency.emergency_case_get(user=request.user, case_uuid=case_uuid)
    form = EmergencyOpenForm(request.POST)
    if form.is_valid():
        try:
            access = emergency.emergency_access_open(
                actor=request.user, case=case, **form.cleaned_data
            )
        except ValidationError as exc:
            add_service_errors(form, exc)
        else:
            messages.warning(
                request,
                f"U heeft noodtoegang tot {access.expires_at:%d-%m-%Y %H:%M}. "
                "Alles wat u bekijkt wordt vastgelegd en nagekeken.",
            )
            return redirect("people:household", household_uuid=case.household.uuid)
    return _index(request, EmergencyFindForm(), [case], {case.pk: form}, status=400)


@login_required
@require_POST
def emergency_end(request, access_uuid: uuid.UUID):
    access = emergency.own_access_get(request.user, access_uuid)
    emergency.emergency_access_end(actor=request.user, access=access)
    messages.success(request, f"De noodtoegang tot {access.case.reference} is beëindigd.")
    return redirect("privacy:emergency")


@login_required
@require_GET
def review_queue(request):
    accesses = emergency.review_queue(request.user)
    return render(request, "privacy/emergency_queue.html", {"accesses": accesses[:200]})


@login_required
@require_http_methods(["GET", "POST"])
def review_detail(request, access_uuid: uuid.UUID):
    review = emergency.review_get(request.user, access_uuid)
    form = EmergencyReviewForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            emergency.emergency_access_review(
                actor=request.user, access=review.access, **form.cleaned_data
            )
        except ValidationError as exc:
            add_service_errors(form, exc)
        else:
            messages.success(request, "Uw oordeel is vastgelegd.")
            return redirect("privacy:emergency-queue")
    status = 400 if request.method == "POST" else 200
    return render(
        request, "privacy/emergency_review.html", {"review": review, "form": form}, status=status
    )
