"""The decisions of a case, and requesting a provision for one of its members."""

import uuid

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ObjectDoesNotExist, ValidationError
from django.http import Http404
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.http import require_GET, require_http_methods

from eenplan.cases.forms import add_service_errors
from eenplan.cases.models import Case
from eenplan.cases.selectors import case_get
from eenplan.plans.selectors import plan_view
from eenplan.provisions import selectors, services
from eenplan.provisions.constants import DecisionStatus
from eenplan.provisions.forms import REQUEST_FIELDS, DecisionRequestForm, offers
from eenplan.provisions.models import Decision


@login_required
@require_GET
def case_decisions(request, case_uuid: uuid.UUID):
    try:
        case = case_get(user=request.user, case_uuid=case_uuid)
    except Case.DoesNotExist as exc:
        raise Http404 from exc
    decisions = selectors.decisions_for_case(user=request.user, case=case)
    context = {"case": case, "household": case.household, "decisions": decisions}
    return render(request, "provisions/case.html", context)


def _message(request, decision: Decision) -> None:
    name = decision.person.given_names
    amount = services.euros(decision.amount_cents)
    if decision.status == DecisionStatus.GRANTED:
        messages.success(
            request,
            f"Toegekend binnen uw mandaat: {decision.product.name} voor {name} ({amount}). "
            "De brief voor de inwoner staat klaar.",
        )
        return
    reasons = " ".join(decision.beyond_mandate.splitlines())
    messages.warning(
        request,
        f"Dit past niet binnen uw mandaat. De aanvraag ({amount}) is naar een consulent van de "
        f"gemeente gestuurd, die beslist. Waarom: {reasons}",
    )


@login_required
@require_http_methods(["GET", "POST"])
def decision_request(request, case_uuid: uuid.UUID):
    """The request form. ``plan_view`` reads the case, its members and its goals (403 without
    plan consent: a request is part of the plan)."""
    try:
        view = plan_view(user=request.user, case_uuid=case_uuid)
    except ObjectDoesNotExist as exc:
        raise Http404 from exc
    case = view.case
    municipality = case.household.municipality
    form = DecisionRequestForm(
        request.POST if request.method == "POST" else None,
        persons=[member.person for member in case.household.member_list],
        goals=view.goals,
        offers=offers(
            selectors.contract_lines_for(municipality),
            selectors.products_for(municipality).filter(standard=""),
        ),
        auto_id="aanvraag-%s",
    )
    if form.is_bound and form.is_valid():
        try:
            decision = services.decision_request(
                actor=request.user, case=case, **form.service_kwargs()
            )
        except Case.DoesNotExist as exc:
            raise Http404 from exc
        except ValidationError as exc:
            add_service_errors(form, exc, REQUEST_FIELDS)
        else:
            _message(request, decision)
            return redirect(reverse("provisions:detail", args=[decision.uuid]))
    context = {
        "case": case,
        "household": case.household,
        "form": form,
        "today": timezone.localdate(),
    }
    return render(request, "provisions/request.html", context, status=400 if form.is_bound else 200)
