"""The one social-domain budget of a municipality per year: allocation, commitments, spending
and forecast per domain, a chart, warnings, and for budget editors setting and shifting it.

Aggregates only: the page never names a resident. ``selectors.budget_view`` answers 403 to
anyone who may not see the municipality's budget; ``services.budget_set`` and ``budget_shift``
to anyone who may not change it (the forms are only shown to those who may).
"""

import uuid

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.http import require_GET, require_POST

from eenplan.cases.forms import add_service_errors
from eenplan.common.routing import replica_reads
from eenplan.privacy import policy
from eenplan.provisions import selectors, services
from eenplan.provisions.charts import MONTHS, budget_chart
from eenplan.provisions.forms import SHIFT_FIELDS, AllocationForm, BudgetChoiceForm, ShiftForm
from eenplan.provisions.models import Allocation
from eenplan.tenancy.models import Municipality

FIRST_YEAR, LAST_YEAR = 2000, 2100


def _year_url(municipality: Municipality, year: int) -> str:
    return reverse("provisions:budget-year", args=[municipality.uuid, year])


@login_required
@require_GET
def budget_choose(request):
    """Without a choice: the user's first municipality this year; with one: that budget."""
    municipalities = selectors.budget_municipalities(request.user)
    first = municipalities.first()
    if first is None:
        raise PermissionDenied("U mag het budget van geen enkele gemeente zien.")
    if not request.GET:
        return redirect(_year_url(first, timezone.localdate().year))
    form = BudgetChoiceForm(request.GET, municipalities=municipalities, auto_id="keuze-%s")
    if form.is_valid():
        return redirect(_year_url(form.cleaned_data["gemeente"], form.cleaned_data["jaar"]))
    return render(request, "provisions/budget_choose.html", {"choice_form": form}, status=400)


def _may_edit(user, municipality: Municipality) -> bool:
    editors = policy.role_municipality_ids(user, services.BUDGET_EDITOR_ROLES)
    return editors.filter(municipality_id=municipality.pk).exists()


def _municipality(municipality_uuid: uuid.UUID, year: int) -> Municipality:
    if not FIRST_YEAR <= year <= LAST_YEAR:
        raise Http404("Kies een jaar van 2000 tot en met 2100.")
    return get_object_or_404(Municipality, uuid=municipality_uuid)


def _editable_or_403(user, municipality_uuid: uuid.UUID, year: int) -> Municipality:
    municipality = _municipality(municipality_uuid, year)
    if not _may_edit(user, municipality):
        raise PermissionDenied("U mag het budget van deze gemeente niet wijzigen.")
    return municipality


def render_budget(request, municipality: Municipality, year: int, *, bound=None, status=200):
    view = selectors.budget_view(user=request.user, municipality=municipality, year=year)
    bound = bound or {}
    editable = _may_edit(request.user, municipality)
    allocated = {line.domain: line.allocated for line in view.lines}
    months = list(zip(MONTHS, view.committed_by_month, view.spent_by_month, strict=True))
    context = {
        "view": view,
        "municipality": municipality,
        "year": year,
        "months": months,
        "chart": budget_chart(
            committed=view.committed_by_month,
            spent=view.spent_by_month,
            allocated=view.total.allocated,
            title=f"Budget sociaal domein {municipality.name} {year}: vastgelegd en uitgegeven",
        ),
        "choice_form": BudgetChoiceForm(
            initial={"gemeente": municipality.uuid, "jaar": year},
            municipalities=selectors.budget_municipalities(request.user),
            auto_id="keuze-%s",
        ),
        "editable": editable,
        "shifts": list(view.budget.shifts.all()) if view.budget else [],
    }
    if editable:
        context["set_form"] = bound.get("set") or AllocationForm(
            initial=allocated, prefix="verdeling"
        )
        if view.budget is not None:
            context["shift_form"] = bound.get("shift") or ShiftForm(prefix="verschuiving")
    return render(request, "provisions/budget.html", context, status=status)


@login_required
@require_GET
@replica_reads
def budget_page(request, municipality_uuid: uuid.UUID, year: int):
    return render_budget(request, _municipality(municipality_uuid, year), year)


@login_required
@require_POST
def budget_set(request, municipality_uuid: uuid.UUID, year: int):
    municipality = _editable_or_403(request.user, municipality_uuid, year)
    form = AllocationForm(request.POST, prefix="verdeling")
    if form.is_valid():
        try:
            services.budget_set(
                actor=request.user,
                municipality=municipality,
                year=year,
                allocations=form.allocations(),
            )
        except ValidationError as exc:
            add_service_errors(form, exc)
        else:
            messages.success(request, f"Het budget voor {year} is opgeslagen.")
            return redirect(_year_url(municipality, year))
    return render_budget(request, municipality, year, bound={"set": form}, status=400)


@login_required
@require_POST
def budget_shift(request, municipality_uuid: uuid.UUID, year: int):
    municipality = _editable_or_403(request.user, municipality_uuid, year)
    form = ShiftForm(request.POST, prefix="verschuiving")
    budget = municipality.budgets.filter(year=year).first()
    if budget is None:
        form.add_error(None, "Stel eerst het budget per domein vast.")
    elif form.is_valid():
        data = form.cleaned_data
        try:
            services.budget_shift(
                actor=request.user,
                budget=budget,
                from_domain=data["from_domain"],
                to_domain=data["to_domain"],
                amount_cents=data["amount"],
                reason=data["reason"],
            )
        except Allocation.DoesNotExist:
            form.add_error(None, "Stel eerst het budget per domein vast.")
        except ValidationError as exc:
            add_service_errors(form, exc, SHIFT_FIELDS)
        else:
            amount = services.euros(data["amount"])
            messages.success(request, f"{amount} is verschoven. Het totale budget blijft gelijk.")
            return redirect(_year_url(municipality, year))
    return render_budget(request, municipality, year, bound={"shift": form}, status=400)
