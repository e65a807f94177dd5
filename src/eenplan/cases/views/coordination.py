"""Forms of the household page about who leads: propose a coordinator (or a hand-over), agree
to or withdraw a proposal, and escalate the case.

The professional choice follows the chosen organisation: with htmx the page asks
``coordinator_professionals`` for that organisation's professionals; without it the choice lists
every involved organisation's professionals, grouped by organisation.
"""

import uuid

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ObjectDoesNotExist, ValidationError
from django.http import Http404
from django.shortcuts import redirect, render
from django.views.decorators.http import require_GET, require_POST

from eenplan.cases import selectors, services
from eenplan.cases.constants import EscalationLevel, ProposalStatus
from eenplan.cases.forms import involved_organisations
from eenplan.cases.views.household import (
    agree_form,
    bound_key,
    escalation_form,
    propose_form,
)
from eenplan.cases.views.network import case_or_404, household_url, submit
from eenplan.people.views import render_household


def _name(user) -> str:
    return user.get_full_name() or user.username


def _open_proposal_or_404(request, case_uuid: uuid.UUID, proposal_uuid: uuid.UUID):
    try:
        proposals = selectors.coordinator_proposal_list(user=request.user, case_uuid=case_uuid)
    except ObjectDoesNotExist as exc:
        raise Http404 from exc
    for proposal in proposals:
        if proposal.uuid == proposal_uuid and proposal.status == ProposalStatus.PROPOSED:
            return proposal
    raise Http404


@login_required
@require_POST
def coordinator_propose(request, case_uuid: uuid.UUID):
    case = case_or_404(request, case_uuid)
    form = propose_form(case.uuid, request.POST)

    def save() -> str:
        data = form.cleaned_data
        proposal = services.coordinator_propose(
            actor=request.user,
            case=case,
            coordinator=data["coordinator"],
            organisation=data["organisation"],
            motivation=data["motivation"],
        )
        name = _name(proposal.coordinator)
        if proposal.is_handover:
            return (
                f"U heeft voorgesteld de regie over te dragen aan {name}. De regie gaat over als "
                "een ander instemt, samen met het huishouden."
            )
        return (
            f"U heeft {name} voorgesteld als regisseur. {name} wordt regisseur als een ander "
            "instemt, samen met het huishouden."
        )

    return submit(request, case, form, "propose", save)


@login_required
@require_GET
def coordinator_professionals(request, case_uuid: uuid.UUID):
    """htmx: the professional choice for the organisation picked in the proposal form."""
    try:
        selectors.case_access_get(user=request.user, case_uuid=case_uuid)
    except ObjectDoesNotExist as exc:
        raise Http404 from exc
    organisation = (
        involved_organisations(case_uuid)
        .filter(uuid=_uuid_or_none(request.GET.get("organisation")))
        .first()
    )
    form = propose_form(case_uuid, organisation=organisation)
    return render(request, "cases/household/_coordinator_select.html", {"form": form})


def _uuid_or_none(value) -> uuid.UUID | None:
    try:
        return uuid.UUID(str(value))
    except ValueError:
        return None


@login_required
@require_POST
def coordinator_agree(request, case_uuid: uuid.UUID, proposal_uuid: uuid.UUID):
    case = case_or_404(request, case_uuid)
    proposal = _open_proposal_or_404(request, case_uuid, proposal_uuid)
    form = agree_form(proposal, request.POST)

    def save() -> str:
        services.coordinator_agree(actor=request.user, proposal=proposal, household_agreed=True)
        return f"{_name(proposal.coordinator)} is nu de regisseur van dit huishouden."

    return submit(request, case, form, bound_key("agree", proposal.uuid), save)


@login_required
@require_POST
def coordinator_proposal_withdraw(request, case_uuid: uuid.UUID, proposal_uuid: uuid.UUID):
    case = case_or_404(request, case_uuid)
    proposal = _open_proposal_or_404(request, case_uuid, proposal_uuid)
    try:
        services.coordinator_proposal_withdraw(actor=request.user, proposal=proposal)
    except ObjectDoesNotExist as exc:
        raise Http404 from exc
    except ValidationError as exc:
        messages.error(request, " ".join(exc.messages))
        return render_household(request, household_uuid=case.household.uuid, status=400)
    messages.success(request, f"Het voorstel voor {_name(proposal.coordinator)} is ingetrokken.")
    return redirect(household_url(case, "regisseur"))


@login_required
@require_POST
def case_escalate(request, case_uuid: uuid.UUID):
    case = case_or_404(request, case_uuid)
    form = escalation_form(request.user, case, request.POST)

    def save() -> str:
        case_now = services.case_escalate(actor=request.user, case=case, **form.service_kwargs())
        return f"Opschaling: {EscalationLevel(case_now.escalation_level).label}."

    return submit(request, case, form, "escalation", save)
