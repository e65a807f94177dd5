"""One decision: its page, its letter, the officer's approval or refusal, ending it; and the
officer's queue of requests beyond mandate."""

import uuid
from dataclasses import dataclass

from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.formats import date_format
from django.views.decorators.http import require_GET, require_POST

from eenplan.cases.forms import add_service_errors
from eenplan.cases.models import Case
from eenplan.provisions import selectors, services
from eenplan.provisions.constants import DecisionStatus, Route
from eenplan.provisions.forms import ApproveForm, EndForm, RefuseForm
from eenplan.provisions.letter import (
    OBJECTABLE_STATUSES,
    has_letter,
    letter_date,
    objection_deadline,
    render_decision_letter,
)
from eenplan.provisions.models import Decision
from eenplan.tenancy.constants import Role

PREFIXES = {"approve": "toekennen", "refuse": "afwijzen", "end": "beeindigen"}


def _decision_or_404(user, decision_uuid: uuid.UUID) -> Decision:
    try:
        return selectors.decision_get(user=user, decision_uuid=decision_uuid)
    except Decision.DoesNotExist as exc:
        raise Http404 from exc


@dataclass(frozen=True)
class Step:
    """A moment in the history of a decision."""

    when: object
    what: str
    who: str


def _name(user, organisation=None) -> str:
    name = user.get_full_name() or user.username
    return f"{name}, {organisation.name}" if organisation else name


def history(decision: Decision) -> list[Step]:
    within = decision.route == Route.MANDATE
    steps = [
        Step(
            decision.requested_at,
            "Aangevraagd en binnen mandaat toegekend" if within else "Aangevraagd bij de gemeente",
            _name(decision.requested_by, decision.requested_by_organisation),
        )
    ]
    if not within and decision.decided_at:
        what = "Afgewezen" if decision.status == DecisionStatus.REFUSED else "Toegekend"
        steps.append(
            Step(decision.decided_at, f"{what} door de gemeente", _name(decision.decided_by))
        )
    if decision.status == DecisionStatus.ENDED:
        ended_on = date_format(decision.ended_on, "j F Y")
        steps.append(Step(letter_date(decision), f"Beëindigd; de laatste dag is {ended_on}", ""))
    return steps


def _forms(request, decision: Decision, bound: dict) -> dict:
    user = request.user
    may_decide = services.may_decide(user, decision)
    result = {}
    if decision.status == DecisionStatus.REQUESTED and may_decide:
        result["approve"] = ApproveForm(prefix=PREFIXES["approve"])
        result["refuse"] = RefuseForm(prefix=PREFIXES["refuse"])
    if decision.status == DecisionStatus.GRANTED and (
        may_decide or decision.requested_by_id == user.pk
    ):
        result["end"] = EndForm(prefix=PREFIXES["end"])
    return result | bound


def render_detail(request, decision: Decision, *, bound: dict | None = None, status: int = 200):
    day = letter_date(decision)
    context = {
        "decision": decision,
        "case": decision.case,
        "household": decision.case.household,
        "case_visible": Case.objects.visible_to(request.user).filter(pk=decision.case_id).exists(),
        "history": history(decision),
        "letter_date": day,
        "has_letter": has_letter(decision),
        "objection_until": (
            objection_deadline(day) if decision.status in OBJECTABLE_STATUSES else None
        ),
        "forms": _forms(request, decision, bound or {}),
    }
    return render(request, "provisions/detail.html", context, status=status)


@login_required
@require_GET
def decision_detail(request, decision_uuid: uuid.UUID):
    return render_detail(request, _decision_or_404(request.user, decision_uuid))


def _act(request, decision_uuid: uuid.UUID, name: str, form_class, act, done: str):
    decision = _decision_or_404(request.user, decision_uuid)
    form: forms.Form = form_class(request.POST, prefix=PREFIXES[name])
    if form.is_valid():
        try:
            act(actor=request.user, decision=decision, **form.cleaned_data)
        except Decision.DoesNotExist as exc:
            raise Http404 from exc
        except ValidationError as exc:
            add_service_errors(form, exc)
        else:
            messages.success(request, done)
            return redirect(reverse("provisions:detail", args=[decision.uuid]))
    return render_detail(request, decision, bound={name: form}, status=400)


@login_required
@require_POST
def decision_approve(request, decision_uuid: uuid.UUID):
    done = "De aanvraag is toegekend. De brief voor de inwoner staat klaar."
    return _act(request, decision_uuid, "approve", ApproveForm, services.decision_approve, done)


@login_required
@require_POST
def decision_refuse(request, decision_uuid: uuid.UUID):
    done = "De aanvraag is afgewezen. De brief met de reden en de bezwaartermijn staat klaar."
    return _act(request, decision_uuid, "refuse", RefuseForm, services.decision_refuse, done)


@login_required
@require_POST
def decision_end(request, decision_uuid: uuid.UUID):
    done = "De voorziening is beëindigd. De brief voor de inwoner staat klaar."
    return _act(request, decision_uuid, "end", EndForm, services.decision_end, done)


@login_required
@require_GET
def decision_letter(request, decision_uuid: uuid.UUID):
    decision = _decision_or_404(request.user, decision_uuid)
    if not has_letter(decision):
        raise Http404("Er is nog geen besluit, dus ook geen brief.")
    response = HttpResponse(render_decision_letter(decision), content_type="application/pdf")
    response["Content-Disposition"] = f'inline; filename="besluit-{decision.reference}.pdf"'
    response["Cache-Control"] = "no-store"
    return response


@login_required
@require_GET
def awaiting(request):
    """Requests beyond mandate for the municipal officers of the household's municipality."""
    if not request.user.has_role(Role.MUNICIPAL_OFFICER):
        raise PermissionDenied("Alleen een consulent van de gemeente beslist boven mandaat.")
    decisions = selectors.decisions_awaiting(user=request.user)
    return render(request, "provisions/awaiting.html", {"decisions": decisions})
