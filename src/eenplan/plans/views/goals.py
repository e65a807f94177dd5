"""Goals of a plan: add, change, remove, evaluate, link an organisation's own plan."""

import uuid

from django.contrib.auth.decorators import login_required
from django.urls import reverse
from django.views.decorators.http import require_http_methods
from django.views.decorators.vary import vary_on_headers

from eenplan.plans import services
from eenplan.plans.constants import GoalResult
from eenplan.plans.forms import (
    EvaluateForm,
    GoalEditForm,
    GoalForm,
    ProfessionalPlanForm,
    RemoveForm,
)
from eenplan.plans.selectors import goal_for, plan_for
from eenplan.plans.views.base import (
    GOALS,
    Panel,
    find_goal,
    goal_or_404,
    goal_region,
    plan_or_404,
    show_form,
    submit_form,
)

FORM_METHODS = ["GET", "POST"]


def _url(name: str, case_uuid: uuid.UUID, goal_uuid: uuid.UUID | None = None) -> str:
    kwargs = {"case_uuid": case_uuid}
    if goal_uuid:
        kwargs["goal_uuid"] = goal_uuid
    return reverse(f"plans:{name}", kwargs=kwargs)


def _goal_lock(goal_uuid: uuid.UUID):
    def lock(view):
        goal = find_goal(view, goal_uuid)
        return goal.lock_version if goal else None

    return lock


def _add_panel(case_uuid: uuid.UUID, data=None) -> Panel:
    return Panel(
        form=GoalForm(data),
        url=_url("goal-add", case_uuid),
        region=GOALS,
        slot="nieuw-doel",
        title="Doel toevoegen",
        submit="Doel toevoegen",
    )


@login_required
@require_http_methods(FORM_METHODS)
@vary_on_headers("HX-Request")
def goal_add(request, case_uuid: uuid.UUID):
    if request.method == "GET":
        return show_form(
            request, case_uuid, lambda view: plan_or_404(view) and _add_panel(case_uuid)
        )

    def save(data: dict) -> str:
        plan = plan_for(user=request.user, case_uuid=case_uuid)
        goal = services.goal_add(actor=request.user, plan=plan, **data)
        return f"Het doel '{goal.title}' is toegevoegd."

    return submit_form(request, case_uuid, _add_panel(case_uuid, request.POST), save)


def _edit_panel(case_uuid, goal_uuid, *, data=None, goal=None) -> Panel:
    initial = None
    if goal is not None:
        initial = {
            "lock_version": goal.lock_version,
            "life_domain": goal.life_domain,
            "title": goal.title,
            "description": goal.description,
        }
    return Panel(
        form=GoalEditForm(data, initial=initial),
        url=_url("goal-edit", case_uuid, goal_uuid),
        region=GOALS,
        goal_uuid=goal_uuid,
        level=5,
        title="Doel wijzigen",
        submit="Doel opslaan",
        lock=_goal_lock(goal_uuid),
    )


@login_required
@require_http_methods(FORM_METHODS)
@vary_on_headers("HX-Request")
def goal_edit(request, case_uuid: uuid.UUID, goal_uuid: uuid.UUID):
    if request.method == "GET":
        return show_form(
            request,
            case_uuid,
            lambda view: _edit_panel(case_uuid, goal_uuid, goal=goal_or_404(view, goal_uuid)),
        )

    def save(data: dict) -> str:
        goal = goal_for(user=request.user, case_uuid=case_uuid, goal_uuid=goal_uuid)
        goal = services.goal_update(actor=request.user, goal=goal, **data)
        return f"Het doel '{goal.title}' is opgeslagen."

    panel = _edit_panel(case_uuid, goal_uuid, data=request.POST)
    return submit_form(request, case_uuid, panel, save)


def _remove_panel(case_uuid, goal_uuid, *, data=None, goal=None) -> Panel:
    initial = {"lock_version": goal.lock_version} if goal else None
    return Panel(
        form=RemoveForm(data, initial=initial),
        url=_url("goal-remove", case_uuid, goal_uuid),
        region=GOALS,
        goal_uuid=goal_uuid,
        level=5,
        title="Doel verwijderen",
        intro="Weet u het zeker? De acties bij dit doel worden ook verwijderd.",
        submit="Ja, verwijder dit doel",
        danger=True,
        lock=_goal_lock(goal_uuid),
    )


@login_required
@require_http_methods(FORM_METHODS)
@vary_on_headers("HX-Request")
def goal_remove(request, case_uuid: uuid.UUID, goal_uuid: uuid.UUID):
    if request.method == "GET":
        return show_form(
            request,
            case_uuid,
            lambda view: _remove_panel(case_uuid, goal_uuid, goal=goal_or_404(view, goal_uuid)),
        )

    def save(data: dict) -> str:
        goal = goal_for(user=request.user, case_uuid=case_uuid, goal_uuid=goal_uuid)
        services.goal_remove(actor=request.user, goal=goal, **data)
        return f"Het doel '{goal.title}' is verwijderd."

    panel = _remove_panel(case_uuid, goal_uuid, data=request.POST)
    return submit_form(request, case_uuid, panel, save)


def _evaluate_panel(case_uuid, goal_uuid, data=None) -> Panel:
    return Panel(
        form=EvaluateForm(data),
        url=_url("goal-evaluate", case_uuid, goal_uuid),
        region=goal_region(goal_uuid),
        goal_uuid=goal_uuid,
        level=5,
        title="Doel evalueren",
        intro="Bespreek met het gezin: is dit doel gelukt?",
        submit="Evaluatie opslaan",
    )


@login_required
@require_http_methods(FORM_METHODS)
@vary_on_headers("HX-Request")
def goal_evaluate(request, case_uuid: uuid.UUID, goal_uuid: uuid.UUID):
    if request.method == "GET":
        return show_form(
            request,
            case_uuid,
            lambda view: goal_or_404(view, goal_uuid) and _evaluate_panel(case_uuid, goal_uuid),
        )

    def save(data: dict) -> str:
        goal = goal_for(user=request.user, case_uuid=case_uuid, goal_uuid=goal_uuid)
        evaluation = services.goal_evaluate(actor=request.user, goal=goal, **data)
        result = GoalResult(evaluation.result).label.lower()
        return f"De evaluatie van '{goal.title}' is opgeslagen: {result}."

    return submit_form(
        request, case_uuid, _evaluate_panel(case_uuid, goal_uuid, request.POST), save
    )


def _link_panel(case_uuid, goal_uuid, data=None) -> Panel:
    return Panel(
        form=ProfessionalPlanForm(data),
        url=_url("goal-link", case_uuid, goal_uuid),
        region=goal_region(goal_uuid),
        goal_uuid=goal_uuid,
        level=5,
        title="Eigen plan van uw organisatie koppelen",
        intro="Werkt uw organisatie met een eigen plan aan dit doel? Koppel het hier.",
        submit="Eigen plan koppelen",
    )


@login_required
@require_http_methods(FORM_METHODS)
@vary_on_headers("HX-Request")
def goal_link(request, case_uuid: uuid.UUID, goal_uuid: uuid.UUID):
    if request.method == "GET":
        return show_form(
            request,
            case_uuid,
            lambda view: goal_or_404(view, goal_uuid) and _link_panel(case_uuid, goal_uuid),
        )

    def save(data: dict) -> str:
        goal = goal_for(user=request.user, case_uuid=case_uuid, goal_uuid=goal_uuid)
        link = services.professional_plan_link(actor=request.user, goal=goal, **data)
        return f"Het eigen plan {link.reference} is gekoppeld aan '{goal.title}'."

    return submit_form(request, case_uuid, _link_panel(case_uuid, goal_uuid, request.POST), save)
