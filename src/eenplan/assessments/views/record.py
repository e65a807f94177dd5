"""Recording an assessment, in two steps: choose the instrument (GET ``?instrument=<uuid>``),
then whom, when and the scores. A household instrument has no step for the person."""

import uuid

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import Http404
from django.shortcuts import redirect, render
from django.urls import reverse
from django.views.decorators.http import require_http_methods

from eenplan.assessments import selectors, services
from eenplan.assessments.forms import AssessmentForm, InstrumentChoiceForm
from eenplan.cases.forms import add_service_errors
from eenplan.cases.models import Case


@login_required
@require_http_methods(["GET", "POST"])
def assessment_record(request, case_uuid: uuid.UUID):
    try:
        choices = selectors.recording_choices(user=request.user, case_uuid=case_uuid)
    except Case.DoesNotExist as exc:
        raise Http404 from exc
    offered = choices.offered()
    choosing = request.method == "POST" or "instrument" in request.GET
    choice_form = InstrumentChoiceForm(
        request.GET if choosing else None, instruments=offered, auto_id="instrument-%s"
    )
    context = {
        "case": choices.case,
        "household": choices.case.household,
        "offered": offered,
        "choice_form": choice_form,
    }
    if not choice_form.is_bound or not choice_form.is_valid():
        status = 400 if choice_form.is_bound else 200
        return render(request, "assessments/record.html", context, status=status)

    instrument = next(i for i in offered if str(i.uuid) == choice_form.cleaned_data["instrument"])
    data = request.POST if request.method == "POST" else None
    form = AssessmentForm(data, instrument=instrument, persons=choices.persons, auto_id="meting-%s")
    if data is not None and form.is_valid():
        try:
            assessment = services.assessment_record(
                actor=request.user,
                case=choices.case,
                instrument=instrument,
                **form.service_kwargs(),
            )
        except Case.DoesNotExist as exc:
            raise Http404 from exc
        except ValidationError as exc:
            add_service_errors(form, exc)
        else:
            messages.success(
                request,
                "De meting is vastgelegd. Hieronder ziet u de scores naast die van de vorige "
                "meting.",
            )
            return redirect(reverse("assessments:detail", args=[assessment.uuid]))
    context |= {"instrument": instrument, "form": form}
    return render(
        request, "assessments/record.html", context, status=400 if data is not None else 200
    )
