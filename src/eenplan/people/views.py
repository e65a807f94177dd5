"""Pages for professionals about households: search and the integrated client view.

Views stay thin: the selectors decide what a user may see and write the access log. A household
the user may not see is a 404, exactly like a household that does not exist.
"""

import datetime
import uuid
from dataclasses import dataclass

from django import forms
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ObjectDoesNotExist, ValidationError
from django.http import Http404
from django.shortcuts import render
from django.utils import timezone
from django.views.decorators.http import require_GET, require_http_methods

from eenplan.assessments.selectors import latest_assessments
from eenplan.cases.constants import DataCategory
from eenplan.cases.forms import TransitionForm, add_service_errors
from eenplan.cases.views.household import household_sections
from eenplan.people import selectors
from eenplan.people.forms import SearchForm
from eenplan.people.models import HouseholdMember
from eenplan.plans.models import Plan
from eenplan.plans.selectors import Progress, plan_progress
from eenplan.privacy import emergency
from eenplan.signals.selectors import case_signals

BSN_VISIBLE_DIGITS = 3


def age_on(birth_date: datetime.date | None, day: datetime.date) -> int | None:
    if birth_date is None:
        return None
    had_birthday = (day.month, day.day) >= (birth_date.month, birth_date.day)
    return day.year - birth_date.year - (0 if had_birthday else 1)


@dataclass(frozen=True)
class MemberRow:
    """A household member as the page shows it: age computed, BSN masked, and whether the
    user's organisation may see this member's contact details."""

    member: HouseholdMember
    age: int | None
    contact_shared: bool = True

    @property
    def person(self):
        return self.member.person

    @property
    def bsn_hidden_part(self) -> str:
        return "*" * (len(self.person.bsn) - BSN_VISIBLE_DIGITS) if self.person.bsn else ""

    @property
    def bsn_last_digits(self) -> str:
        return self.person.bsn[-BSN_VISIBLE_DIGITS:] if self.person.bsn else ""


def plan_at_a_glance(user, case) -> tuple[Plan | None, Progress | None]:
    """The case's plan and its progress in counts, for the household page."""
    plan = Plan.objects.visible_to(user).filter(case=case).first() if case else None
    return plan, plan_progress(plan=plan) if plan else None


@login_required
@require_http_methods(["GET", "POST"])
def search(request):
    """POST, so that a BSN or a name never ends up in a URL, a browser history or a server log."""
    form = SearchForm(request.POST if request.method == "POST" else None)
    results = None
    if form.is_bound and form.is_valid():
        try:
            results = selectors.person_search(user=request.user, **form.cleaned_data)
        except ValidationError as exc:
            add_service_errors(form, exc)
    context = {
        "form": form,
        "results": results,
        "search_limit": selectors.SEARCH_LIMIT,
        "may_open_emergency": emergency.may_open(request.user),
    }
    return render(request, "people/search.html", context)


@login_required
@require_GET
def household(request, household_uuid: uuid.UUID):
    return render_household(request, household_uuid=household_uuid)


def render_household(
    request,
    *,
    household_uuid: uuid.UUID,
    bound: dict[str, forms.Form] | None = None,
    status: int = 200,
):
    """The household page; also re-rendered with a posted form that has errors.

    ``bound`` holds that form, keyed as ``cases.views.household.ERROR_ANCHORS`` says
    ("transition" for the status change; "consent", "referral", ... for the network sections).
    """
    bound = bound or {}
    try:
        view = selectors.household_client_view(
            user=request.user, household_uuid=household_uuid, with_network=True
        )
    except ObjectDoesNotExist as exc:
        raise Http404 from exc
    transition_form = bound.get("transition")
    if transition_form is None and view.case is not None:
        transition_form = TransitionForm(current_status=view.case.status)
    today = timezone.localdate()
    plan, progress = plan_at_a_glance(request.user, view.case)
    context = {
        "view": view,
        "household": view.household,
        "emergency_access": emergency.active_access(request.user, view.case),
        "case": view.case,
        "members": [
            MemberRow(
                member=m,
                age=age_on(m.person.birth_date, today),
                contact_shared=view.access.allows(DataCategory.CONTACT, m.person),
            )
            for m in view.members
        ],
        "earlier_cases": [c for c in view.cases if c != view.case],
        "today": today,
        "transition_form": transition_form,
        "plan": plan,
        "progress": progress,
        "sections": household_sections(request, view, bound),
        "case_signals": case_signals(user=request.user, case_uuid=view.case.uuid)
        if view.case
        else [],
        "assessments_shared": view.access.allows(DataCategory.ASSESSMENTS),
        "latest_assessments": latest_assessments(
            user=request.user, case=view.case, access=view.access, members=view.members
        )
        if view.case
        else [],
    }
    return render(request, "people/household.html", context, status=status)
