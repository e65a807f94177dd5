"""Forms of the household page about the network of a case: record or withdraw consent or a
legal basis, refer to another organisation, write a note.

Each posts, calls its service and goes back to its section of the household page with a message.
With an error it shows the household page again, the form filled in as typed, with status 400.
"""

import uuid
from collections.abc import Callable

from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ObjectDoesNotExist, ValidationError
from django.http import Http404
from django.shortcuts import redirect
from django.urls import reverse
from django.views.decorators.http import require_POST

from eenplan.cases import selectors, services
from eenplan.cases.constants import NoteAudience, SharingGround
from eenplan.cases.forms import add_service_errors
from eenplan.cases.views.household import (
    ERROR_ANCHORS,
    bound_key,
    consent_form,
    note_form,
    referral_form,
    withdraw_form,
)
from eenplan.people.views import render_household


def case_or_404(request, case_uuid: uuid.UUID):
    """The case through ``case_get``, with its members; a hidden case is a 404."""
    try:
        return selectors.case_get(user=request.user, case_uuid=case_uuid)
    except ObjectDoesNotExist as exc:
        raise Http404 from exc


def members(case) -> list:
    return [member.person for member in case.household.member_list]


def household_url(case, anchor: str = "") -> str:
    url = reverse("people:household", kwargs={"household_uuid": case.household.uuid})
    return f"{url}#{anchor}" if anchor else url


def submit(
    request,
    case,
    form: forms.Form,
    key: str,
    save: Callable[[], str],
    *,
    fields: dict[str, str] | None = None,
):
    """Validate ``form``, let ``save`` call the service (it returns the message), answer.

    Success goes back to the form's section; a service error lands on the fields it names
    (``fields`` maps service arguments to form fields); a hidden object is a 404.
    """
    if form.is_valid():
        try:
            message = save()
        except ObjectDoesNotExist as exc:
            raise Http404 from exc
        except ValidationError as exc:
            add_service_errors(form, exc, fields)
        else:
            messages.success(request, message)
            return redirect(household_url(case, ERROR_ANCHORS[key.split(":")[0]]))
    return render_household(
        request, household_uuid=case.household.uuid, bound={key: form}, status=400
    )


@login_required
@require_POST
def consent_record(request, case_uuid: uuid.UUID):
    case = case_or_404(request, case_uuid)
    form = consent_form(request.user, members(case), request.POST)

    def save() -> str:
        consent = services.consent_record(actor=request.user, case=case, **form.service_kwargs())
        what = "De toestemming" if consent.ground == SharingGround.CONSENT else "De grondslag"
        return f"{what} voor {consent.organisation.name} is vastgelegd."

    return submit(request, case, form, "consent", save)


@login_required
@require_POST
def consent_withdraw(request, case_uuid: uuid.UUID, consent_uuid: uuid.UUID):
    case = case_or_404(request, case_uuid)
    consents = selectors.consent_list(user=request.user, case_uuid=case_uuid)
    consent = next((c for c in consents if c.uuid == consent_uuid), None)
    if consent is None:
        raise Http404
    form = withdraw_form(consent, request.POST)

    def save() -> str:
        services.consent_withdraw(actor=request.user, consent=consent, **form.cleaned_data)
        return (
            f"De toestemming voor {consent.organisation.name} is ingetrokken. De organisatie "
            "ziet de gegevens vanaf nu niet meer."
        )

    return submit(request, case, form, bound_key("withdraw", consent.uuid), save)


@login_required
@require_POST
def referral_send(request, case_uuid: uuid.UUID):
    case = case_or_404(request, case_uuid)
    form = referral_form(request.user, members(case), request.POST)

    def save() -> str:
        referral = services.referral_send(actor=request.user, case=case, **form.service_kwargs())
        return (
            f"De aanmelding bij {referral.to_organisation.name} is verstuurd. Hieronder ziet u "
            "of zij de aanmelding accepteert."
        )

    return submit(
        request, case, form, "referral", save, fields={"given_by": "guardian", "person": "persons"}
    )


@login_required
@require_POST
def note_add(request, case_uuid: uuid.UUID):
    case = case_or_404(request, case_uuid)
    form = note_form(case, request.POST)

    def save() -> str:
        note = services.note_add(actor=request.user, case=case, **form.cleaned_data)
        audience = NoteAudience(note.audience).label.lower()
        return f"De notitie is opgeslagen. Wie mag hem lezen: {audience}."

    return submit(request, case, form, "note", save)
