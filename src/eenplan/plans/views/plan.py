"""The plan tab and what is done to the plan as a whole: start it, edit its fields, agree it,
commit to it, start the evaluation."""

import uuid

from django.contrib.auth.decorators import login_required
from django.core.exceptions import ObjectDoesNotExist
from django.http import Http404
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.http import require_GET, require_http_methods, require_POST
from django.views.decorators.vary import vary_on_headers

from eenplan.cases.selectors import case_get
from eenplan.plans import selectors, services
from eenplan.plans.forms import AgreeForm, PlanFieldsForm
from eenplan.plans.selectors import plan_for
from eenplan.plans.views.base import (
    BODY,
    FIELDS,
    Panel,
    plan_or_404,
    render_plan,
    show_form,
    submit_button,
    submit_form,
)


@login_required
@require_GET
@vary_on_headers("HX-Request")
def plan(request, case_uuid: uuid.UUID):
    return render_plan(request, case_uuid)


@login_required
@require_POST
def plan_create(request, case_uuid: uuid.UUID):
    def call() -> str:
        case = case_get(user=request.user, case_uuid=case_uuid)
        services.plan_create(actor=request.user, case=case)
        return (
            "Het plan is gestart. Schrijf samen met het gezin op wat goed gaat en wat de doelen "
            "zijn."
        )

    return submit_button(request, case_uuid, call)


def _fields_panel(case_uuid: uuid.UUID, *, data=None, plan=None) -> Panel:
    initial = None
    if plan is not None:
        initial = {
            "lock_version": plan.lock_version,
            "strengths": plan.strengths,
            "concerns": plan.concerns,
            "evaluation_date": plan.evaluation_date,
        }
    return Panel(
        form=PlanFieldsForm(data, initial=initial),
        url=reverse("plans:plan-edit", kwargs={"case_uuid": case_uuid}),
        region=FIELDS,
        slot="velden",
        title="Wat gaat goed, zorgen en evaluatie wijzigen",
        submit="Opslaan",
        lock=lambda view: view.plan.lock_version if view.plan else None,
    )


@login_required
@require_http_methods(["GET", "POST"])
@vary_on_headers("HX-Request")
def plan_edit(request, case_uuid: uuid.UUID):
    if request.method == "GET":
        return show_form(
            request, case_uuid, lambda view: _fields_panel(case_uuid, plan=plan_or_404(view))
        )

    def save(data: dict) -> str:
        plan = plan_for(user=request.user, case_uuid=case_uuid)
        services.plan_update(actor=request.user, plan=plan, **data)
        return "Wat goed gaat, de zorgen en de evaluatiedatum zijn opgeslagen."

    return submit_form(request, case_uuid, _fields_panel(case_uuid, data=request.POST), save)


def _agree_panel(case_uuid: uuid.UUID, members: list, *, data=None, plan=None) -> Panel:
    initial = None
    if plan is not None:
        initial = {"revision": plan.revision, "agreed_on": timezone.localdate()}
    return Panel(
        form=AgreeForm(data, initial=initial, members=members),
        url=reverse("plans:plan-agree", kwargs={"case_uuid": case_uuid}),
        region=BODY,
        slot="vaststellen",
        title="Plan vaststellen",
        intro=(
            "Leg vast wie in het gezin het eens is met dit plan, en hoe. Daarna verandert deze "
            "versie niet meer. Wijzigt u later iets, dan komt er een nieuwe versie."
        ),
        submit="Plan vaststellen",
        lock=lambda view: view.plan.revision if view.plan and view.plan.is_draft else None,
        lock_field="revision",
    )


@login_required
@require_http_methods(["GET", "POST"])
@vary_on_headers("HX-Request")
def plan_agree(request, case_uuid: uuid.UUID):
    if request.method == "GET":
        return show_form(
            request,
            case_uuid,
            lambda view: _agree_panel(
                case_uuid, view.case.household.member_list, plan=plan_or_404(view)
            ),
        )
    try:
        case = case_get(user=request.user, case_uuid=case_uuid)
    except ObjectDoesNotExist as exc:
        raise Http404 from exc
    panel = _agree_panel(case_uuid, case.household.member_list, data=request.POST)

    def save(data: dict) -> str:
        version = services.plan_agree(
            actor=request.user,
            plan=plan_for(user=request.user, case_uuid=case_uuid),
            revision=data["revision"],
            agreed_by=data["agreed_by"],
            method=data["method"],
            agreed_on=data["agreed_on"],
        )
        return f"Versie {version.number} van het plan is vastgesteld."

    return submit_form(request, case_uuid, panel, save)


@login_required
@require_POST
def plan_commit(request, case_uuid: uuid.UUID, number: int):
    def call() -> str:
        version = selectors.plan_version_get(user=request.user, case_uuid=case_uuid, number=number)
        commitment = services.plan_commit(actor=request.user, version=version)
        return f"{commitment.organisation.name} verbindt zich aan versie {number} van het plan."

    return submit_button(request, case_uuid, call)


@login_required
@require_POST
def plan_start_evaluation(request, case_uuid: uuid.UUID):
    def call() -> str:
        services.plan_start_evaluation(
            actor=request.user, plan=plan_for(user=request.user, case_uuid=case_uuid)
        )
        return "De evaluatie is gestart. Bespreek per doel met het gezin of het is gelukt."

    return submit_button(request, case_uuid, call)
