"""Meetings: the list, planning one (also the next of a series), the meeting page and what is
posted on it about the meeting as a whole, putting a case on an agenda from the household, and
the minutes as PDF."""

import uuid

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ObjectDoesNotExist, ValidationError
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from eenplan.cases import selectors as case_selectors
from eenplan.cases.forms import add_service_errors, page_number
from eenplan.cases.models import Case
from eenplan.consultations import selectors, services
from eenplan.consultations.constants import ConsultationKind
from eenplan.consultations.forms import CaseAgendaForm, MeetingForm
from eenplan.consultations.pdf import render_minutes_pdf
from eenplan.consultations.views.detail import (
    agenda_form,
    attendee_form,
    detail_url,
    item_anchor,
    load_view,
    next_form,
    render_detail,
    signal_form,
)
from eenplan.consultations.views.lookups import (
    attendee_or_404,
    case_agenda_items,
    case_by_reference,
    meeting_or_404,
    municipalities_for,
    open_meetings_to_come,
    staff_by_organisation,
)
from eenplan.tenancy.models import Organisation

PAST_PAGE_SIZE = 25
UPCOMING_PAGE_SIZE = 100
UNKNOWN_CASE = (
    "U ziet geen casus met dit nummer. Kijk het nummer na op de pagina van het huishouden."
)


@login_required
@require_GET
def consultation_list(request):
    upcoming = selectors.consultation_list(
        user=request.user, upcoming=True, page_size=UPCOMING_PAGE_SIZE
    )
    past = selectors.consultation_list(
        user=request.user,
        upcoming=False,
        page=page_number(request.GET.get("page")),
        page_size=PAST_PAGE_SIZE,
    )
    return render(request, "consultations/list.html", {"upcoming": upcoming, "past": past})


def _plan_initial(user) -> dict:
    organisation = user.acting_organisation
    municipalities = list(municipalities_for(user)[:2])
    return {
        "kind": ConsultationKind.NETWORK,
        "chair": str(user.uuid),
        "organisations": [organisation] if organisation else [],
        "municipality": municipalities[0] if len(municipalities) == 1 else None,
    }


@login_required
@require_http_methods(["GET", "POST"])
def consultation_plan(request):
    data = request.POST if request.method == "POST" else None
    staff = staff_by_organisation(Organisation.objects.all())
    form = MeetingForm(data, staff=staff, initial=_plan_initial(request.user), auto_id="overleg-%s")
    if data is not None and form.is_valid():
        try:
            consultation = services.consultation_plan(actor=request.user, **form.cleaned_data)
        except ValidationError as exc:
            add_service_errors(form, exc)
        else:
            messages.success(
                request,
                "Het overleg is gepland. Zet nu de casussen op de agenda, met de vraag aan het "
                "overleg.",
            )
            return redirect(detail_url(consultation.uuid))
    status = 400 if data is not None else 200
    return render(request, "consultations/plan.html", {"form": form}, status=status)


@login_required
@require_POST
def consultation_plan_next(request, consultation_uuid: uuid.UUID):
    consultation = meeting_or_404(request.user, consultation_uuid)
    if consultation.series is None:
        raise Http404
    form = next_form(consultation, request.POST)
    if form.is_valid():
        try:
            planned = services.consultation_plan_next(
                actor=request.user, series=consultation.series, date=form.cleaned_data["date"]
            )
        except ValidationError as exc:
            add_service_errors(form, exc)
        else:
            messages.success(
                request,
                "Het volgende overleg is gepland, met dezelfde deelnemers en voorzitter. De open "
                "afspraken van eerdere overleggen staan bovenaan.",
            )
            return redirect(detail_url(planned.uuid))
    return render_detail(request, consultation_uuid, bound={"next": form}, status=400)


@login_required
@require_GET
def consultation_detail(request, consultation_uuid: uuid.UUID):
    return render_detail(request, consultation_uuid)


@login_required
@require_POST
def agenda_add(request, consultation_uuid: uuid.UUID):
    consultation = meeting_or_404(request.user, consultation_uuid)
    form = agenda_form(request.POST)
    if form.is_valid():
        case = case_by_reference(request.user, form.cleaned_data["reference"])
        if case is None:
            form.add_error("reference", UNKNOWN_CASE)
        else:
            item = _put_on_agenda(request, form, consultation, case)
            if item is not None:
                return redirect(detail_url(consultation_uuid, item_anchor(item.uuid)))
    return render_detail(request, consultation_uuid, bound={"agenda": form}, status=400)


def _put_on_agenda(request, form, consultation, case):
    """Call the service; its errors land on ``form``. The item, or None after an error."""
    try:
        item = services.agenda_add(
            actor=request.user,
            consultation=consultation,
            case=case,
            question=form.cleaned_data["question"],
        )
    except Case.DoesNotExist:
        form.add_error("reference" if "reference" in form.fields else None, UNKNOWN_CASE)
        return None
    except ObjectDoesNotExist as exc:
        raise Http404 from exc
    except ValidationError as exc:
        add_service_errors(form, exc)
        return None
    messages.success(
        request,
        f"Casus {case.reference} staat op de agenda. Leg vast dat het huishouden instemt met "
        "bespreken, of op welke grond het mag.",
    )
    return item


@login_required
@require_http_methods(["GET", "POST"])
def case_agenda(request, case_uuid: uuid.UUID):
    """From the household page: put its case on the agenda of a meeting to come."""
    try:
        case = case_selectors.case_get(user=request.user, case_uuid=case_uuid)
    except ObjectDoesNotExist as exc:
        raise Http404 from exc
    meetings = open_meetings_to_come(request.user)
    data = request.POST if request.method == "POST" else None
    form = CaseAgendaForm(
        data,
        meetings=meetings,
        initial={"consultation": request.GET.get("overleg")},
        auto_id="agenderen-%s",
    )
    if data is not None and form.is_valid():
        consultation = form.cleaned_data["consultation"]
        item = _put_on_agenda(request, form, consultation, case)
        if item is not None:
            return redirect(detail_url(consultation.uuid, item_anchor(item.uuid)))
    context = {
        "case": case,
        "form": form,
        "has_meetings": meetings.exists(),
        "agenda_items": case_agenda_items(request.user, case),
    }
    return render(
        request, "consultations/case_agenda.html", context, status=400 if data is not None else 200
    )


@login_required
@require_POST
def attendee_add(request, consultation_uuid: uuid.UUID):
    view = load_view(request, consultation_uuid)
    form = attendee_form(request.user, view, request.POST)
    if form.is_valid():
        try:
            services.attendee_add(
                actor=request.user, consultation=view.consultation, **form.service_kwargs()
            )
        except ObjectDoesNotExist as exc:
            raise Http404 from exc
        except ValidationError as exc:
            who = dict.fromkeys(("professional", "organisation", "person", "network_member"), "who")
            add_service_errors(form, exc, who)
        else:
            messages.success(request, "De deelnemer is toegevoegd.")
            return redirect(detail_url(consultation_uuid, "deelnemers"))
    return render_detail(
        request, consultation_uuid, view=view, bound={"attendee": form}, status=400
    )


def _button(request, consultation_uuid: uuid.UUID, call, *, anchor: str):
    """POST of a form that is only a button: the service's error shows at the top (400)."""
    try:
        message = call()
    except ObjectDoesNotExist as exc:
        raise Http404 from exc
    except ValidationError as exc:
        return render_detail(request, consultation_uuid, error=" ".join(exc.messages), status=400)
    messages.success(request, message)
    return redirect(detail_url(consultation_uuid, anchor))


@login_required
@require_POST
def attendee_remove(request, consultation_uuid: uuid.UUID, attendee_uuid: uuid.UUID):
    consultation = meeting_or_404(request.user, consultation_uuid)
    attendee = attendee_or_404(consultation, attendee_uuid)

    def call() -> str:
        services.attendee_remove(actor=request.user, attendee=attendee)
        return "De deelnemer is verwijderd."

    return _button(request, consultation_uuid, call, anchor="deelnemers")


@login_required
@require_POST
def consultation_close(request, consultation_uuid: uuid.UUID):
    consultation = meeting_or_404(request.user, consultation_uuid)

    def call() -> str:
        services.consultation_close(actor=request.user, consultation=consultation)
        return "Het verslag is afgerond. Het verandert niet meer; de PDF blijft hetzelfde."

    return _button(request, consultation_uuid, call, anchor="")


@login_required
@require_POST
def policy_signal_raise(request, consultation_uuid: uuid.UUID):
    consultation = meeting_or_404(request.user, consultation_uuid)
    form = signal_form(request.POST)
    if form.is_valid():
        try:
            services.policy_signal_raise(
                actor=request.user, consultation=consultation, **form.cleaned_data
            )
        except ObjectDoesNotExist as exc:
            raise Http404 from exc
        except ValidationError as exc:
            add_service_errors(form, exc)
        else:
            messages.success(
                request,
                "Het beleidssignaal is ingebracht. De gemeente reageert; u leest de reactie bij "
                "Beleidssignalen.",
            )
            return redirect(detail_url(consultation_uuid, "beleidssignalen"))
    return render_detail(request, consultation_uuid, bound={"signal": form}, status=400)


@login_required
@require_GET
def minutes_pdf(request, consultation_uuid: uuid.UUID):
    view = load_view(request, consultation_uuid)
    response = HttpResponse(render_minutes_pdf(view), content_type="application/pdf")
    name = f"verslag-{view.consultation.date:%Y-%m-%d}-{view.consultation.uuid}.pdf"
    response["Content-Disposition"] = f'inline; filename="{name}"'
    response["Cache-Control"] = "no-store"
    return response
