"""Agreed versions of a plan: what changed between two, and the PDF of one."""

import uuid

from django.contrib.auth.decorators import login_required
from django.core.exceptions import ObjectDoesNotExist
from django.http import Http404, HttpResponse
from django.shortcuts import render
from django.views.decorators.http import require_GET

from eenplan.cases.selectors import case_involvements
from eenplan.plans import selectors
from eenplan.plans.forms import CompareForm
from eenplan.plans.pdf import render_plan_pdf
from eenplan.plans.views.base import load_plan_view, plan_or_404
from eenplan.plans.views.lookups import case_contacts


def _default_comparison(view) -> dict:
    """Without a choice: the latest version against the draft, or the last two versions."""
    numbers = [version.number for version in view.versions]
    if view.plan.is_draft:
        return {"van": numbers[0], "naar": ""}
    return {"van": numbers[1] if len(numbers) > 1 else numbers[0], "naar": numbers[0]}


@login_required
@require_GET
def versions_compare(request, case_uuid: uuid.UUID):
    view = load_plan_view(request, case_uuid)
    plan = plan_or_404(view)
    form, changes = None, None
    if view.versions:
        data = request.GET if "van" in request.GET else _default_comparison(view)
        form = CompareForm(data, numbers=[v.number for v in view.versions], has_draft=plan.is_draft)
        if form.is_valid():
            changes = selectors.plan_versions_compare(
                user=request.user,
                case_uuid=case_uuid,
                old=form.cleaned_data["van"],
                new=form.cleaned_data["naar"],
            )
    context = {
        "view": view,
        "case": view.case,
        "household": view.case.household,
        "plan": plan,
        "form": form,
        "changes": changes,
    }
    return render(request, "plans/versions.html", context)


@login_required
@require_GET
def version_pdf(request, case_uuid: uuid.UUID, number: int):
    try:
        version = selectors.plan_version_get(user=request.user, case_uuid=case_uuid, number=number)
        involvements = case_involvements(user=request.user, case_uuid=case_uuid)
        contacts = case_contacts(request.user, case_uuid, involvements)
    except ObjectDoesNotExist as exc:
        raise Http404 from exc
    response = HttpResponse(
        render_plan_pdf(version=version, contacts=contacts), content_type="application/pdf"
    )
    filename = f"ons-plan-{version.content.get('case_reference', 'plan')}-versie-{number}.pdf"
    response["Content-Disposition"] = f'inline; filename="{filename}"'
    response["Cache-Control"] = "no-store"
    return response
