"""One complaint or objection: its page with the steps and letters, the handler's forms (each
posts to its own URL and calls one service), and the letter of a step as a PDF.

Everyone who sees it through ``selectors.complaint_get`` sees the page; only its handler and the
complaints handlers of the handling organisation get the forms. Anyone else who posts one gets
403, as the services would answer.
"""

import uuid
from collections.abc import Callable
from dataclasses import dataclass, field

from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.text import slugify
from django.views.decorators.http import require_GET, require_POST

from eenplan.cases.forms import add_service_errors
from eenplan.cases.models import Case
from eenplan.complaints import selectors, services
from eenplan.complaints.constants import LETTER_STEPS, Status, StepKind
from eenplan.complaints.forms import (
    HEARING_FIELDS,
    AcknowledgeForm,
    ContactForm,
    DecideForm,
    ExtendForm,
    FormalForm,
    HandlerForm,
    HearingPlanForm,
    HearingRecordForm,
    StepForm,
    WithdrawForm,
)
from eenplan.complaints.letters import render_letter
from eenplan.complaints.models import Complaint, Step
from eenplan.complaints.templatetags.complaints import the_kind
from eenplan.complaints.views.deadlines import deadlines_of
from eenplan.plans.pdf import long_date


def _the_kind(complaint: Complaint) -> str:
    """'De klacht' or 'Het bezwaar', to start a sentence with."""
    return the_kind(complaint).capitalize()


def _contact_done(complaint: Complaint) -> str:
    if not complaint.is_open:
        return f"Het contact is vastgelegd. {_the_kind(complaint)} is opgelost en afgehandeld."
    return f"Het contact is vastgelegd. De status is nu: {complaint.get_status_display()}."


@dataclass(frozen=True)
class Act:
    """A handler's form, the service it calls, and what the page says when it worked."""

    form: type[StepForm]
    service: Callable
    done: Callable[[Complaint], str]
    fields: dict[str, str] = field(default_factory=dict)  # service argument -> form field


ACTS = {
    "assign": Act(
        HandlerForm,
        services.handler_assign,
        lambda c: f"{c.handler.get_full_name() or c.handler.username} is nu de behandelaar.",
    ),
    "contact": Act(ContactForm, services.contact_record, _contact_done),
    "formal": Act(
        FormalForm,
        services.formal_start,
        lambda c: "De formele behandeling is gestart. Bevestig nu de ontvangst.",
    ),
    "acknowledge": Act(
        AcknowledgeForm,
        services.acknowledge,
        lambda c: (
            "De ontvangst is bevestigd. De brief staat klaar: wij beslissen uiterlijk op "
            f"{long_date(c.decision_due)}."
        ),
    ),
    "extend": Act(
        ExtendForm,
        services.extend,
        lambda c: (
            f"De beslissing is uitgesteld tot uiterlijk {long_date(c.decision_due)}. "
            "De brief staat klaar."
        ),
    ),
    "hearing_plan": Act(
        HearingPlanForm,
        services.hearing_plan,
        lambda c: "De hoorzitting is gepland. De uitnodiging staat klaar.",
        HEARING_FIELDS,
    ),
    "hearing_record": Act(
        HearingRecordForm,
        services.hearing_record,
        lambda c: "Het verslag van de hoorzitting is vastgelegd.",
    ),
    "decide": Act(
        DecideForm,
        services.decide,
        lambda c: (
            f"Het besluit is vastgelegd. {_the_kind(c)} is afgehandeld. De brief staat klaar."
        ),
    ),
    "withdraw": Act(
        WithdrawForm,
        services.withdraw,
        lambda c: f"{_the_kind(c)} is ingetrokken en afgehandeld.",
    ),
}


def _complaint_or_404(user, complaint_uuid: uuid.UUID) -> Complaint:
    try:
        return selectors.complaint_get(user=user, complaint_uuid=complaint_uuid)
    except Complaint.DoesNotExist as exc:
        raise Http404 from exc


def _available(complaint: Complaint, steps: list[Step]) -> list[str]:
    """The forms that fit where the complaint stands: the conversation first, then the formal
    route with acknowledgement, hearing and decision."""
    if not complaint.is_open:
        return []
    names = ["assign", "contact"]
    if complaint.status != Status.FORMAL:
        names.append("formal")
    else:
        if not any(step.kind == StepKind.ACKNOWLEDGED for step in steps):
            names.append("acknowledge")
        names += ["extend", "hearing_plan", "hearing_record", "decide"]
    return [*names, "withdraw"]


def _form(name: str, complaint: Complaint, data=None) -> forms.Form:
    kwargs = {"complaint": complaint, "prefix": name.replace("_", "-")}
    if name == "assign":
        kwargs["handlers"] = services.eligible_handlers(
            complaint.handling_organisation, complaint.decision
        ).order_by("first_name", "last_name", "username")
    return ACTS[name].form(data, **kwargs)


def render_detail(request, complaint: Complaint, *, bound: dict | None = None, status: int = 200):
    steps = list(complaint.steps.all())
    handles = services.may_handle(request.user, complaint)
    forms_shown = {}
    if handles:
        forms_shown = {name: _form(name, complaint) for name in _available(complaint, steps)}
    context = {
        "complaint": complaint,
        "steps": steps,
        "letter_kinds": LETTER_STEPS,
        "deadlines": deadlines_of(complaint, timezone.localdate()),
        "organisations": list(complaint.organisations.all()),
        "handles": handles,
        "forms": forms_shown | (bound or {}),
        "case_visible": Case.objects.visible_to(request.user).filter(pk=complaint.case_id).exists(),
    }
    return render(request, "complaints/detail.html", context, status=status)


@login_required
@require_GET
def complaint_detail(request, complaint_uuid: uuid.UUID):
    return render_detail(request, _complaint_or_404(request.user, complaint_uuid))


@login_required
@require_POST
def complaint_act(request, complaint_uuid: uuid.UUID, name: str):
    """One of the handler's forms (``name`` in ``ACTS``, set by the URL)."""
    complaint = _complaint_or_404(request.user, complaint_uuid)
    if not services.may_handle(request.user, complaint):
        raise PermissionDenied("Alleen de behandelaar van deze klacht of dit bezwaar mag dit.")
    act = ACTS[name]
    form = _form(name, complaint, request.POST)
    if form.is_valid():
        try:
            result = act.service(actor=request.user, complaint=complaint, **form.service_kwargs())
        except ValidationError as exc:
            add_service_errors(form, exc, act.fields)
        else:
            changed = result if isinstance(result, Complaint) else result.complaint
            messages.success(request, act.done(changed))
            return redirect("complaints:detail", complaint_uuid=complaint.uuid)
    return render_detail(request, complaint, bound={name: form}, status=400)


@login_required
@require_GET
def step_letter(request, complaint_uuid: uuid.UUID, step_uuid: uuid.UUID):
    complaint = _complaint_or_404(request.user, complaint_uuid)
    try:
        step = selectors.step_get(complaint=complaint, step_uuid=step_uuid)
    except Step.DoesNotExist as exc:
        raise Http404 from exc
    if step.kind not in LETTER_STEPS:
        raise Http404("Bij deze stap hoort geen brief.")
    response = HttpResponse(render_letter(step), content_type="application/pdf")
    name = f"{complaint.reference}-{slugify(step.get_kind_display())}"
    response["Content-Disposition"] = f'inline; filename="{name}.pdf"'
    response["Cache-Control"] = "no-store"
    return response
