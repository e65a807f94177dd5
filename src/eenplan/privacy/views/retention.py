"""Retention pages for privacy officers: what will be destroyed when, legal holds, the last runs.

Everyone else gets 403 (``retention.require_privacy_officer``).
"""

import csv
import uuid

from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.views.decorators.http import require_GET, require_POST

from eenplan.cases.forms import add_service_errors
from eenplan.common.routing import replica_reads
from eenplan.privacy import retention


class LegalHoldForm(forms.Form):
    reference = forms.CharField(
        label="Casuskenmerk",
        max_length=20,
        help_text="Bijvoorbeeld EP-2026-000012.",
        widget=forms.TextInput(attrs={"autocomplete": "off"}),
    )
    reason = forms.CharField(
        label="Reden",
        help_text=(
            "Welke procedure of welk onderzoek loopt er, bijvoorbeeld een rechtszaak of een "
            "klacht bij de Nationale ombudsman? De casus blijft bewaard tot u de bewaarplicht "
            "opheft."
        ),
        widget=forms.Textarea(attrs={"rows": 3}),
    )


def _page(request, form: LegalHoldForm, status: int = 200):
    report = retention.retention_report(user=request.user)
    return render(
        request, "privacy/retention.html", {"report": report, "form": form}, status=status
    )


@login_required
@require_GET
@replica_reads
def retention_index(request):
    retention.require_privacy_officer(request.user)
    return _page(request, LegalHoldForm())


@login_required
@require_POST
def hold_place(request):
    retention.require_privacy_officer(request.user)
    form = LegalHoldForm(request.POST)
    if form.is_valid():
        try:
            case = retention.case_for_hold(request.user, form.cleaned_data["reference"])
            retention.legal_hold_place(
                actor=request.user, case=case, reason=form.cleaned_data["reason"]
            )
        except ValidationError as exc:
            add_service_errors(form, exc)
        else:
            messages.success(request, f"Casus {case.reference} heeft nu een bewaarplicht.")
            return redirect("privacy:retention")
    return _page(request, form, status=400)


@login_required
@require_POST
def hold_lift(request, hold_uuid: uuid.UUID):
    hold = retention.legal_hold_get(request.user, hold_uuid)
    try:
        retention.legal_hold_lift(actor=request.user, hold=hold)
    except ValidationError as exc:
        messages.error(request, exc.messages[0])
    else:
        messages.success(
            request,
            f"De bewaarplicht op {hold.case.reference} is opgeheven. Is de bewaartermijn "
            "verstreken, dan gaat de casus bij de volgende run.",
        )
    return redirect("privacy:retention")


@login_required
@require_GET
@replica_reads
def retention_csv(request):
    rows = retention.retention_rows(user=request.user)
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    filename = f"bewaartermijnen-{timezone.localdate():%Y-%m-%d}.csv"
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    writer = csv.writer(response, delimiter=";")
    writer.writerow(["casus", "soort", "einde hulp", "vernietigen vanaf", "tegengehouden door"])
    for item in rows:
        writer.writerow(
            [
                item.reference,
                item.kind_name,
                item.help_ended_on.isoformat(),
                item.due_on.isoformat(),
                item.stopped_by,
            ]
        )
    return response
