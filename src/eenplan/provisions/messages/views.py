"""Pages of the messages with providers: per municipality the list, reading a provider's file,
writing the allocations (301), one message with its result per line, and its XML.

Views stay thin: ``selectors`` decide what a user sees (and log reading a message),
``services`` decide what a user may do. Anyone who exchanges no messages for the municipality
gets 403; a message the user may not see is a 404, like one that does not exist.
"""

import re
import uuid
from dataclasses import dataclass

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_GET, require_POST

from eenplan.cases.forms import page_number
from eenplan.common.models import JobStatus
from eenplan.provisions import tasks
from eenplan.provisions.messages import codes, selectors, services
from eenplan.provisions.messages.forms import ImportForm
from eenplan.provisions.models import Message
from eenplan.tenancy.models import Municipality

PAGE_SIZE = 25


@dataclass(frozen=True)
class Row:
    """A message in a list: its name (WMO301) and what it is (Toewijzing)."""

    message: Message

    @property
    def name(self) -> str:
        return codes.message_name(self.message.standard, self.message.code)

    @property
    def label(self) -> str:
        return codes.LABELS.get(self.message.code, "")

    @property
    def summary(self) -> str:
        outcome = self.message.outcome
        return outcome.get("summary", "") if isinstance(outcome, dict) else ""


def _municipality_or_403(user, municipality_uuid: uuid.UUID) -> Municipality:
    municipality = get_object_or_404(Municipality, uuid=municipality_uuid)
    if not services.may_exchange_messages(user, municipality):
        raise PermissionDenied("U wisselt geen berichten uit voor deze gemeente.")
    return municipality


@login_required
@require_GET
def index(request):
    """The user's municipality, or a choice when there are more."""
    municipalities = list(selectors.exchange_municipalities(request.user).order_by("name"))
    if not municipalities:
        raise PermissionDenied("U wisselt voor geen enkele gemeente berichten uit.")
    if len(municipalities) == 1:
        return redirect("provision_messages:list", municipality_uuid=municipalities[0].uuid)
    return render(request, "provisions/messages/choose.html", {"municipalities": municipalities})


def _render_list(request, municipality: Municipality, form=None, status: int = 200):
    listing = selectors.message_list(
        user=request.user,
        municipality_uuid=municipality.uuid,
        page=page_number(request.GET.get("page")),
        page_size=PAGE_SIZE,
    )
    context = {
        "municipality": municipality,
        "listing": listing,
        "rows": [Row(message) for message in listing.items],
        "form": form or ImportForm(auto_id="bericht-%s"),
        "waiting": services.allocations_waiting(actor=request.user, municipality=municipality),
        "skips": services.allocation_skips(actor=request.user, municipality=municipality),
    }
    return render(request, "provisions/messages/list.html", context, status=status)


@login_required
@require_GET
def municipality_messages(request, municipality_uuid: uuid.UUID):
    municipality = _municipality_or_403(request.user, municipality_uuid)
    return _render_list(request, municipality)


@login_required
@require_POST
def message_import(request, municipality_uuid: uuid.UUID):
    municipality = _municipality_or_403(request.user, municipality_uuid)
    form = ImportForm(request.POST, request.FILES, auto_id="bericht-%s")
    if form.is_valid():
        upload = form.cleaned_data["bestand"]
        job = tasks.message_import_submit(
            actor=request.user,
            municipality=municipality,
            content=upload["content"],
            file_name=upload["name"],
        )
        job.refresh_from_db()  # without a broker the job has run already
        if job.status == JobStatus.DONE:
            messages.success(request, job.summary)
            return redirect(job.result["url"])
        if job.status != JobStatus.FAILED:
            messages.info(request, "Het bestand wordt ingelezen. Hier ziet u wanneer het klaar is.")
            return redirect("jobs:detail", job_uuid=job.uuid)
        form.add_error("bestand", job.detail.splitlines() or [job.summary])
    return _render_list(request, municipality, form=form, status=400)


@login_required
@require_POST
def allocations_export(request, municipality_uuid: uuid.UUID):
    municipality = _municipality_or_403(request.user, municipality_uuid)
    written = services.message_export_allocations(actor=request.user, municipality=municipality)
    if written:
        count = len(written)
        messages.success(
            request,
            f"{count} toewijzingsbericht{'en' if count != 1 else ''} (301) geschreven. "
            "Download ze hieronder en stuur ze naar de aanbieders.",
        )
    else:
        messages.info(request, "Er waren geen nieuwe toewijzingen om te versturen.")
    return redirect("provision_messages:list", municipality_uuid=municipality.uuid)


def _message_or_404(user, message_uuid: uuid.UUID) -> Message:
    try:
        return selectors.message_get(user=user, message_uuid=message_uuid)
    except Message.DoesNotExist as exc:
        raise Http404 from exc


@login_required
@require_GET
def message_detail(request, message_uuid: uuid.UUID):
    message = _message_or_404(request.user, message_uuid)
    reply = getattr(message, "reply", None)
    context = {
        "row": Row(message),
        "message": message,
        "reply": Row(reply) if reply else None,
        "request_row": Row(message.in_reply_to) if message.in_reply_to else None,
        "lines": message.outcome.get("lines", []) if isinstance(message.outcome, dict) else [],
    }
    return render(request, "provisions/messages/detail.html", context)


def download_name(message: Message) -> str:
    name = f"{codes.message_name(message.standard, message.code)}_{message.identification}.xml"
    return re.sub(r"[^A-Za-z0-9._-]", "_", name)


@login_required
@require_GET
def message_download(request, message_uuid: uuid.UUID):
    message = _message_or_404(request.user, message_uuid)
    response = HttpResponse(message.content, content_type="application/xml; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{download_name(message)}"'
    return response
