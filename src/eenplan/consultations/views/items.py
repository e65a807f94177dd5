"""The minutes of one agenda item: the consent to discuss it, the summary, decisions and
agreements. Each posts, calls its service and goes back to the item with a message; with an
error it shows the meeting page again with the form as typed (400)."""

import uuid
from collections.abc import Callable

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ObjectDoesNotExist, ValidationError
from django.http import Http404
from django.shortcuts import redirect
from django.views.decorators.http import require_POST

from eenplan.cases.forms import add_service_errors
from eenplan.consultations import selectors, services
from eenplan.consultations.constants import DecisionKind
from eenplan.consultations.forms import DECISION_FIELDS
from eenplan.consultations.views.detail import (
    agreement_form,
    bound_key,
    consent_form,
    decision_form,
    detail_url,
    item_anchor,
    minutes_form,
    render_detail,
)
from eenplan.consultations.views.lookups import item_choices


def _item_or_404(request, consultation_uuid: uuid.UUID, item_uuid: uuid.UUID):
    """The item with ``content``: without it the user may not change the minutes (404, as for
    an item that does not exist)."""
    try:
        item = selectors.agenda_item_get(user=request.user, item_uuid=item_uuid)
    except ObjectDoesNotExist as exc:
        raise Http404 from exc
    if item.consultation.uuid != consultation_uuid or not item.content:
        raise Http404
    return item


def _submit(
    request,
    item,
    name: str,
    form,
    save: Callable[[], str],
    *,
    fields: dict[str, str] | None = None,
):
    """Validate ``form``, let ``save`` call the service (it returns the message), answer."""
    consultation_uuid = item.consultation.uuid
    if form.is_valid():
        try:
            message = save()
        except ObjectDoesNotExist as exc:
            raise Http404 from exc
        except ValidationError as exc:
            add_service_errors(form, exc, fields)
        else:
            messages.success(request, message)
            return redirect(detail_url(consultation_uuid, item_anchor(item.uuid)))
    bound = {bound_key(name, item.uuid): form}
    return render_detail(request, consultation_uuid, bound=bound, status=400)


@login_required
@require_POST
def item_consent(request, consultation_uuid: uuid.UUID, item_uuid: uuid.UUID):
    item = _item_or_404(request, consultation_uuid, item_uuid)
    form = consent_form(item, request.POST)

    def save() -> str:
        services.agenda_record_consent(actor=request.user, item=item, **form.service_kwargs())
        return f"Vastgelegd waarom casus {item.case.reference} besproken mag worden."

    return _submit(request, item, "consent", form, save)


@login_required
@require_POST
def item_minutes(request, consultation_uuid: uuid.UUID, item_uuid: uuid.UUID):
    item = _item_or_404(request, consultation_uuid, item_uuid)
    form = minutes_form(item, request.POST)

    def save() -> str:
        services.minutes_record(actor=request.user, item=item, **form.cleaned_data)
        return f"De samenvatting bij casus {item.case.reference} is opgeslagen."

    return _submit(request, item, "minutes", form, save)


@login_required
@require_POST
def item_decision(request, consultation_uuid: uuid.UUID, item_uuid: uuid.UUID):
    item = _item_or_404(request, consultation_uuid, item_uuid)
    form = decision_form(item, item_choices(request.user, [item])[item.pk], request.POST)

    def save() -> str:
        decision = services.decision_record(actor=request.user, item=item, **form.service_kwargs())
        if decision.kind == DecisionKind.COORDINATOR:
            return "Het besluit is vastgelegd en de regisseur staat nu bij de casus."
        if decision.kind == DecisionKind.ESCALATION:
            return "Het besluit is vastgelegd en het opschalingsniveau van de casus is aangepast."
        return "Het besluit is vastgelegd en staat in de tijdlijn van de casus."

    return _submit(request, item, "decision", form, save, fields=DECISION_FIELDS)


@login_required
@require_POST
def item_agreement(request, consultation_uuid: uuid.UUID, item_uuid: uuid.UUID):
    item = _item_or_404(request, consultation_uuid, item_uuid)
    form = agreement_form(item, item_choices(request.user, [item])[item.pk], request.POST)

    def save() -> str:
        agreement = services.agreement_add(actor=request.user, item=item, **form.service_kwargs())
        return (
            f"De afspraak staat als actie voor {agreement.action.owner_label} in het plan van "
            "het huishouden."
        )

    # A new goal's errors from the plan services name the goal's own fields.
    fields = {"title": "goal_title"}
    return _submit(request, item, "agreement", form, save, fields=fields)
