"""The coordinator's side of Mijn EenPlan: the tab "Inbreng huishouden" of a case.

What the household sent in through the portal: its proposals for the plan, and the message
thread with its coordinator. Professionals who may see the plan read the proposals; the
coordinator (while there is none, a professional who may change the plan) takes them into the
plan or declines them with an answer. Only the coordinator reads and writes the messages.
Reads go through ``portal.selectors``, changes through ``portal.services``; a case the user may
not see is a 404.
"""

import uuid

from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ObjectDoesNotExist, ValidationError
from django.http import Http404
from django.shortcuts import redirect, render
from django.urls import reverse
from django.views.decorators.http import require_GET, require_POST

from eenplan.cases.forms import add_service_errors
from eenplan.cases.selectors import case_get
from eenplan.portal import selectors, services
from eenplan.portal.constants import ProposalKind, ProposalStatus


class TakeInForm(forms.Form):
    answer = forms.CharField(
        label="Antwoord aan het huishouden",
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
        help_text="Het huishouden leest dit in Mijn EenPlan.",
    )


class DeclineForm(forms.Form):
    answer = forms.CharField(
        label="Waarom niet?",
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text="Het huishouden leest dit in Mijn EenPlan. Schrijf het in gewone woorden.",
        error_messages={"required": "Schrijf aan het huishouden waarom niet."},
    )


class ReplyForm(forms.Form):
    body = forms.CharField(
        label="Bericht aan het huishouden",
        widget=forms.Textarea(attrs={"rows": 5}),
        help_text="Het huishouden krijgt een mail dat er een bericht is, zonder de inhoud.",
        error_messages={"required": "Schrijf een bericht."},
    )


TAKE_IN, DECLINE, REPLY = "overnemen", "niet-overnemen", "bericht"
WHAT_TAKING_IN_DOES = {
    ProposalKind.GOAL: "Het doel staat nu in het plan.",
    ProposalKind.STRENGTH: "Het staat nu bij wat goed gaat in het plan.",
    ProposalKind.NETWORK_MEMBER: "Deze persoon staat nu in het netwerk van het huishouden.",
}


def _case_or_404(request, case_uuid: uuid.UUID):
    """The case through ``case_get`` (the user's visibility rule, logged); 404 if hidden."""
    try:
        return case_get(user=request.user, case_uuid=case_uuid)
    except ObjectDoesNotExist as exc:
        raise Http404 from exc


def _page_url(case, anchor: str = "") -> str:
    url = reverse("household_input:page", kwargs={"case_uuid": case.uuid})
    return f"{url}#{anchor}" if anchor else url


def _decides(user, case) -> bool:
    """Who may take proposals in: the service checks again; this only decides what to show."""
    return bool(case.access.plan) and case.coordinator_id in (None, user.pk)


def _proposal_rows(proposals, *, decides: bool, bound: dict) -> list[dict]:
    rows = []
    for proposal in proposals:
        row = {"proposal": proposal}
        if decides and proposal.status == ProposalStatus.OPEN:
            take_in, decline = f"{TAKE_IN}-{proposal.uuid}", f"{DECLINE}-{proposal.uuid}"
            row["take_in_form"] = bound.get(take_in) or TakeInForm(prefix=take_in)
            row["decline_form"] = bound.get(decline) or DeclineForm(prefix=decline)
        rows.append(row)
    return rows


def _render(request, case, *, proposals=None, bound: dict | None = None, status: int = 200):
    """The tab; ``bound`` maps a form's prefix to the form with errors (status 400)."""
    bound = bound or {}
    user = request.user
    if proposals is None:
        proposals = selectors.case_proposals(user=user, case=case)
    is_coordinator, decides = case.coordinator_id == user.pk, _decides(user, case)
    thread = selectors.case_messages(user=user, case=case) if is_coordinator else []
    open_rows = _proposal_rows(
        [p for p in proposals if p.status == ProposalStatus.OPEN], decides=decides, bound=bound
    )
    # A form shows its own errors; one the user does not get to see (not the coordinator) has
    # them shown at the top of the page.
    hidden_errors = [
        form for key, form in bound.items() if not (is_coordinator if key == REPLY else decides)
    ]
    context = {
        "case": case,
        "household": case.household,
        "open_rows": open_rows,
        "decided": [p for p in proposals if p.status != ProposalStatus.OPEN],
        "open_proposals": len(open_rows),
        "is_coordinator": is_coordinator,
        "thread": thread,
        "reply_form": bound.get(REPLY) or ReplyForm(prefix=REPLY),
        "has_errors": bool(bound),
        "error_form": next(iter(hidden_errors), None),
    }
    response = render(request, "portal/case_household.html", context, status=status)
    if is_coordinator and request.method == "GET":
        services.messages_mark_read(user=user, case=case)  # shown, so read
    return response


@login_required
@require_GET
def page(request, case_uuid: uuid.UUID):
    return _render(request, _case_or_404(request, case_uuid))


def _proposal_or_404(request, case, proposal_uuid: uuid.UUID):
    """Among the proposals the user may see in this case only."""
    proposals = selectors.case_proposals(user=request.user, case=case)
    for proposal in proposals:
        if proposal.uuid == proposal_uuid:
            return proposal, proposals
    raise Http404


def _answer(request, case_uuid, proposal_uuid, *, key: str, form_class, decide, done: str):
    """Validate the answer form, let ``decide`` call the service, go back with a message."""
    case = _case_or_404(request, case_uuid)
    proposal, proposals = _proposal_or_404(request, case, proposal_uuid)
    prefix = f"{key}-{proposal.uuid}"
    form = form_class(request.POST, prefix=prefix)
    if form.is_valid():
        try:
            decide(proposal, form.cleaned_data["answer"])
        except ObjectDoesNotExist as exc:
            raise Http404 from exc
        except ValidationError as exc:
            add_service_errors(form, exc)
        else:
            messages.success(request, done(proposal))
            return redirect(_page_url(case, "voorstellen"))
    return _render(request, case, proposals=proposals, bound={prefix: form}, status=400)


@login_required
@require_POST
def proposal_take_in(request, case_uuid: uuid.UUID, proposal_uuid: uuid.UUID):
    def decide(proposal, answer: str) -> None:
        services.proposal_take_in(actor=request.user, proposal=proposal, answer=answer)

    def done(proposal) -> str:
        return f"{WHAT_TAKING_IN_DOES[proposal.kind]} Het huishouden ziet dat in Mijn EenPlan."

    return _answer(
        request,
        case_uuid,
        proposal_uuid,
        key=TAKE_IN,
        form_class=TakeInForm,
        decide=decide,
        done=done,
    )


@login_required
@require_POST
def proposal_decline(request, case_uuid: uuid.UUID, proposal_uuid: uuid.UUID):
    def decide(proposal, answer: str) -> None:
        services.proposal_decline(actor=request.user, proposal=proposal, answer=answer)

    def done(proposal) -> str:
        return "Het voorstel staat op niet overgenomen. Het huishouden leest uw antwoord."

    return _answer(
        request,
        case_uuid,
        proposal_uuid,
        key=DECLINE,
        form_class=DeclineForm,
        decide=decide,
        done=done,
    )


@login_required
@require_POST
def message_reply(request, case_uuid: uuid.UUID):
    case = _case_or_404(request, case_uuid)
    form = ReplyForm(request.POST, prefix=REPLY)
    if form.is_valid():
        try:
            services.message_send(user=request.user, case=case, body=form.cleaned_data["body"])
        except ObjectDoesNotExist as exc:
            raise Http404 from exc
        except ValidationError as exc:
            add_service_errors(form, exc)
        else:
            messages.success(
                request, "Uw bericht is verstuurd. Het huishouden krijgt een mail dat het er is."
            )
            return redirect(_page_url(case, "berichten"))
    return _render(request, case, bound={REPLY: form}, status=400)
