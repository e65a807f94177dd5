"""Actions of a goal: add, change, set their status."""

import uuid

from django.contrib.auth.decorators import login_required
from django.core.exceptions import ObjectDoesNotExist
from django.http import Http404
from django.urls import reverse
from django.views.decorators.http import require_http_methods
from django.views.decorators.vary import vary_on_headers

from eenplan.cases.selectors import case_get
from eenplan.plans import services
from eenplan.plans.constants import ActionStatus
from eenplan.plans.forms import ActionEditForm, ActionForm, ActionStatusForm, owner_value
from eenplan.plans.selectors import action_for, goal_for
from eenplan.plans.views.base import (
    Panel,
    action_or_404,
    find_action,
    goal_or_404,
    goal_region,
    show_form,
    submit_form,
)
from eenplan.plans.views.lookups import action_owner_options

FORM_METHODS = ["GET", "POST"]


def _action_lock(action_uuid: uuid.UUID):
    def lock(view):
        action = find_action(view, action_uuid)
        return action.lock_version if action else None

    return lock


def _owner_options_for_post(request, case_uuid: uuid.UUID) -> list:
    try:
        case = case_get(user=request.user, case_uuid=case_uuid)
    except ObjectDoesNotExist as exc:
        raise Http404 from exc
    return action_owner_options(request.user, case)


def _add_panel(case_uuid, goal_uuid, options, data=None) -> Panel:
    return Panel(
        form=ActionForm(data, options=options),
        url=reverse("plans:action-add", kwargs={"case_uuid": case_uuid, "goal_uuid": goal_uuid}),
        region=goal_region(goal_uuid),
        goal_uuid=goal_uuid,
        level=5,
        title="Actie toevoegen",
        intro=(
            "Wie doet wat, en wanneer is het klaar? Ook het gezin en het eigen netwerk doen acties."
        ),
        submit="Actie toevoegen",
    )


@login_required
@require_http_methods(FORM_METHODS)
@vary_on_headers("HX-Request")
def action_add(request, case_uuid: uuid.UUID, goal_uuid: uuid.UUID):
    if request.method == "GET":

        def make(view) -> Panel:
            goal_or_404(view, goal_uuid)
            options = action_owner_options(request.user, view.case)
            return _add_panel(case_uuid, goal_uuid, options)

        return show_form(request, case_uuid, make)
    options = _owner_options_for_post(request, case_uuid)

    def save(data: dict) -> str:
        goal = goal_for(user=request.user, case_uuid=case_uuid, goal_uuid=goal_uuid)
        action = services.action_add(actor=request.user, goal=goal, **data)
        return f"De actie voor {action.owner_label} is toegevoegd."

    return submit_form(
        request, case_uuid, _add_panel(case_uuid, goal_uuid, options, request.POST), save
    )


def _action_url(name: str, case_uuid: uuid.UUID, action) -> str:
    return reverse(f"plans:{name}", kwargs={"case_uuid": case_uuid, "action_uuid": action.uuid})


def _action_or_404(request, case_uuid: uuid.UUID, action_uuid: uuid.UUID):
    try:
        return action_for(user=request.user, case_uuid=case_uuid, action_uuid=action_uuid)
    except ObjectDoesNotExist as exc:
        raise Http404 from exc


def _edit_panel(case_uuid, action, options, data=None) -> Panel:
    initial = {
        "lock_version": action.lock_version,
        "description": action.description,
        "owner": owner_value(action),
        "due_date": action.due_date,
    }
    return Panel(
        form=ActionEditForm(data, initial=initial, options=options),
        url=_action_url("action-edit", case_uuid, action),
        region=goal_region(action.goal.uuid),
        goal_uuid=action.goal.uuid,
        level=5,
        title="Actie wijzigen",
        submit="Actie opslaan",
        lock=_action_lock(action.uuid),
    )


@login_required
@require_http_methods(FORM_METHODS)
@vary_on_headers("HX-Request")
def action_edit(request, case_uuid: uuid.UUID, action_uuid: uuid.UUID):
    if request.method == "GET":

        def make(view) -> Panel:
            action = action_or_404(view, action_uuid)
            return _edit_panel(case_uuid, action, action_owner_options(request.user, view.case))

        return show_form(request, case_uuid, make)
    action = _action_or_404(request, case_uuid, action_uuid)
    options = _owner_options_for_post(request, case_uuid)

    def save(data: dict) -> str:
        updated = services.action_update(actor=request.user, action=action, **data)
        return f"De actie voor {updated.owner_label} is opgeslagen."

    return submit_form(
        request, case_uuid, _edit_panel(case_uuid, action, options, request.POST), save
    )


def _status_panel(case_uuid, action, data=None) -> Panel:
    initial = {
        "lock_version": action.lock_version,
        "status": action.status,
        "cancel_reason": action.cancel_reason,
    }
    return Panel(
        form=ActionStatusForm(data, initial=initial),
        url=_action_url("action-status", case_uuid, action),
        region=goal_region(action.goal.uuid),
        goal_uuid=action.goal.uuid,
        level=5,
        title="Hoe staat het met deze actie?",
        intro=action.description,
        submit="Status opslaan",
        lock=_action_lock(action.uuid),
    )


@login_required
@require_http_methods(FORM_METHODS)
@vary_on_headers("HX-Request")
def action_status(request, case_uuid: uuid.UUID, action_uuid: uuid.UUID):
    if request.method == "GET":
        return show_form(
            request,
            case_uuid,
            lambda view: _status_panel(case_uuid, action_or_404(view, action_uuid)),
        )
    action = _action_or_404(request, case_uuid, action_uuid)

    def save(data: dict) -> str:
        updated = services.action_set_status(actor=request.user, action=action, **data)
        label = ActionStatus(updated.status).label.lower()
        return f"De actie van {updated.owner_label} staat nu op: {label}."

    return submit_form(request, case_uuid, _status_panel(case_uuid, action, request.POST), save)
