"""Rendering the plan tab: the whole page, one region of it, or one form ("panel") in it.

Without JavaScript every link opens the plan tab with a form in place and every form posts and
redirects back. With htmx a link loads only the form, and a post answers with the region it
changed (a goal card, the goal list, the plan fields or the whole plan) plus, out of band, the
plan status, which every change can affect. Errors answer 400, a conflicting edit 409, both with
the form still filled in as the user typed it.
"""

import uuid
from collections.abc import Callable
from dataclasses import dataclass

from django import forms
from django.contrib import messages
from django.core.exceptions import ObjectDoesNotExist, ValidationError
from django.http import Http404
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone

from eenplan.cases import workflow
from eenplan.cases.constants import CaseStatus
from eenplan.cases.forms import add_service_errors
from eenplan.common.locking import CONFLICT_MESSAGE, ConflictError
from eenplan.plans import selectors
from eenplan.plans.selectors import PlanView

REGIONS = {
    "body": ("plan-inhoud", "plans/regions/body.html"),
    "status": ("plan-status", "plans/regions/status.html"),
    "fields": ("plan-velden", "plans/regions/fields.html"),
    "goals": ("doelen", "plans/regions/goals.html"),
    "goal": ("", "plans/regions/goal.html"),
}


@dataclass(frozen=True)
class Region:
    """A part of the plan tab that a change re-renders."""

    name: str
    goal_uuid: uuid.UUID | None = None

    @property
    def element_id(self) -> str:
        return f"doel-{self.goal_uuid}" if self.name == "goal" else REGIONS[self.name][0]

    @property
    def template(self) -> str:
        return REGIONS[self.name][1]


BODY, FIELDS, GOALS = Region("body"), Region("fields"), Region("goals")


def goal_region(goal_uuid: uuid.UUID) -> Region:
    return Region("goal", goal_uuid)


@dataclass(frozen=True)
class Notice:
    text: str
    error: bool = False


@dataclass
class Panel:
    """A form shown in a place on the plan tab.

    ``slot`` names the place ("velden", "nieuw-doel", "vaststellen", or a goal's card when
    ``goal_uuid`` is set); ``region`` is what a post of the form re-renders. ``lock`` reads the
    current ``lock_field`` value from a fresh plan view, for re-offering the form after a conflict.
    """

    form: forms.Form
    url: str
    region: Region
    title: str
    submit: str
    slot: str = ""
    goal_uuid: uuid.UUID | None = None
    intro: str = ""
    level: int = 3
    danger: bool = False
    lock: Callable[[PlanView], int | None] | None = None
    lock_field: str = "lock_version"
    conflict: bool = False

    def __post_init__(self):
        self.form.auto_id = f"{self.slot_id}-%s"

    @property
    def slot_id(self) -> str:
        return f"doel-{self.goal_uuid}-paneel" if self.goal_uuid else f"{self.slot}-paneel"

    @property
    def conflict_message(self) -> str:
        return str(CONFLICT_MESSAGE)

    def offer_again(self, view: PlanView) -> bool:
        """After a conflict: keep the typed text, but with the current lock so that saving again
        is a deliberate choice. False when the row is gone."""
        current = self.lock(view) if self.lock else None
        if current is None:
            return False
        self.form.data = self.form.data.copy()
        self.form.data[self.form.add_prefix(self.lock_field)] = str(current)
        return True


def load_plan_view(request, case_uuid: uuid.UUID) -> PlanView:
    try:
        return selectors.plan_view(user=request.user, case_uuid=case_uuid)
    except ObjectDoesNotExist as exc:
        raise Http404 from exc


def find_goal(view: PlanView, goal_uuid: uuid.UUID):
    return next((goal for goal in view.goals if goal.uuid == goal_uuid), None)


def find_action(view: PlanView, action_uuid: uuid.UUID):
    actions = (action for goal in view.goals for action in goal.actions.all())
    return next((action for action in actions if action.uuid == action_uuid), None)


def goal_or_404(view: PlanView, goal_uuid: uuid.UUID):
    goal = find_goal(view, goal_uuid)
    if goal is None:
        raise Http404
    return goal


def action_or_404(view: PlanView, action_uuid: uuid.UUID):
    action = find_action(view, action_uuid)
    if action is None:
        raise Http404
    return action


def plan_or_404(view: PlanView):
    if view.plan is None:
        raise Http404
    return view.plan


def plan_url(case_uuid: uuid.UUID) -> str:
    return reverse("plans:plan", kwargs={"case_uuid": case_uuid})


def _goal_groups(goals: list) -> list[tuple[str, list]]:
    """Goals per life domain, domains in the order of their first goal."""
    groups: dict[str, list] = {}
    for goal in goals:
        groups.setdefault(goal.get_life_domain_display(), []).append(goal)
    return list(groups.items())


def _may_commit(user, view: PlanView) -> bool:
    latest, organisation = view.latest_version, user.acting_organisation
    if latest is None or organisation is None:
        return False
    return all(c.organisation_id != organisation.pk for c in latest.commitments.all())


def plan_context(request, view: PlanView, **extra) -> dict:
    today = timezone.localdate()
    for goal in view.goals:
        for action in goal.actions.all():
            action.is_overdue = selectors.is_overdue(action, today)
    case = view.case
    return {
        "view": view,
        "case": case,
        "household": case.household,
        "plan": view.plan,
        "goal_groups": _goal_groups(view.goals),
        "versions": view.versions,
        "latest": view.latest_version,
        "progress": selectors.plan_progress(plan=view.plan) if view.plan else None,
        "may_commit": _may_commit(request.user, view),
        "may_start_evaluation": CaseStatus.EVALUATION in workflow.allowed_transitions(case.status),
        "evaluating": case.status == CaseStatus.EVALUATION,
        "today": today,
        **extra,
    }


def render_plan(
    request,
    case_uuid: uuid.UUID,
    *,
    view: PlanView | None = None,
    panel: Panel | None = None,
    region: Region = BODY,
    notice: Notice | None = None,
    status: int = 200,
):
    """The plan tab; for htmx only ``region`` (a post) or only the panel (a form opened)."""
    view = view or load_plan_view(request, case_uuid)
    if panel and panel.conflict and not panel.offer_again(view):
        panel, region = None, BODY
        notice = Notice("Dit is intussen verwijderd door iemand anders.", error=True)
    goal = find_goal(view, region.goal_uuid) if region.goal_uuid else None
    if region.name == "goal" and goal is None:
        region = BODY
    fragment = "region" if request.htmx else "page"
    if request.htmx and request.method == "GET" and panel:
        fragment = "panel"
    context = plan_context(
        request,
        view,
        panel=panel,
        region=region,
        goal=goal,
        notice=notice,
        notice_at=region.name if fragment == "region" else "page",
        fragment=fragment,
    )
    template = {
        "page": "plans/plan.html",
        "region": "plans/fragment.html",
        "panel": "plans/panels/panel.html",
    }[fragment]
    return render(request, template, context, status=status)


def show_form(request, case_uuid: uuid.UUID, make_panel: Callable[[PlanView], Panel]):
    """GET: the plan tab with a form opened, or for htmx only the form."""
    view = load_plan_view(request, case_uuid)
    return render_plan(request, case_uuid, view=view, panel=make_panel(view))


def done(request, case_uuid: uuid.UUID, region: Region, message: str):
    if request.htmx:
        return render_plan(request, case_uuid, region=region, notice=Notice(message))
    messages.success(request, message)
    return redirect(f"{plan_url(case_uuid)}#{region.element_id}")


def submit_form(request, case_uuid: uuid.UUID, panel: Panel, save: Callable[[dict], str]):
    """POST: validate, let ``save`` call the service (it returns the success message), answer.

    A hidden or vanished object is a 404; a conflicting edit 409; other errors 400.
    """
    form, status = panel.form, 400
    if form.is_valid():
        try:
            message = save(form.cleaned_data)
        except ObjectDoesNotExist as exc:
            raise Http404 from exc
        except ConflictError:
            panel.conflict, status = True, 409
        except ValidationError as exc:
            add_service_errors(form, exc)
        else:
            return done(request, case_uuid, panel.region, message)
    return render_plan(request, case_uuid, panel=panel, region=panel.region, status=status)


def submit_button(request, case_uuid: uuid.UUID, call: Callable[[], str]):
    """POST of a form that is only a button (start the plan, commit, start the evaluation)."""
    try:
        message = call()
    except ObjectDoesNotExist as exc:
        raise Http404 from exc
    except ValidationError as exc:
        status = 409 if isinstance(exc, ConflictError) else 400
        notice = Notice(" ".join(exc.messages), error=True)
        return render_plan(request, case_uuid, notice=notice, status=status)
    return done(request, case_uuid, BODY, message)
