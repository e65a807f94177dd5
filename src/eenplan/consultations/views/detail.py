"""The meeting page: header, attendees, open agreements carried over, the agenda with the
minutes of each item, and the forms around them.

``render_detail`` builds every form from the meeting view (``selectors.consultation_get``). The
views that post a form build the same form with what was posted and, on an error, render this
page again with that form bound (``bound``, keyed as in ``ANCHORS``; an item's forms carry the
item's UUID), with status 400. Item forms are there only for items the user sees with content,
and only while the minutes are open; the services decide the rest.
"""

import datetime
import uuid
from dataclasses import dataclass

from django import forms
from django.core.exceptions import ObjectDoesNotExist
from django.http import Http404
from django.shortcuts import render
from django.urls import reverse

from eenplan.cases.constants import SharingGround
from eenplan.consultations import selectors
from eenplan.consultations.constants import (
    AgreementState,
    AttendeeKind,
    ConsultationKind,
)
from eenplan.consultations.forms import (
    AgendaAddForm,
    AgreementForm,
    AttendeeForm,
    ConsentToDiscussForm,
    DecisionForm,
    MinutesForm,
    NextMeetingForm,
    PolicySignalForm,
)
from eenplan.consultations.selectors import ConsultationView
from eenplan.consultations.views.lookups import (
    ItemChoices,
    item_choices,
    network_by_household,
    staff_by_organisation,
)

NEXT_MEETING_AFTER = datetime.timedelta(weeks=4)

# Where on the page the form with an error sits, by the name in the key of ``bound``.
ANCHORS = {
    "consent": "toestemming",
    "minutes": "verslag",
    "decision": "besluit",
    "agreement": "afspraak",
    "agenda": "agenda-toevoegen",
    "attendee": "deelnemer-toevoegen",
    "signal": "beleidssignaal-inbrengen",
    "next": "volgende-overleg",
}
ITEM_FORMS = ("consent", "minutes", "decision", "agreement")
STATE_BADGES = {
    AgreementState.OPEN: "",
    AgreementState.OVERDUE: "overdue",
    AgreementState.DONE: "klaar",
    AgreementState.CANCELLED: "geannuleerd",
}


def detail_url(consultation_uuid: uuid.UUID, anchor: str = "") -> str:
    url = reverse("consultations:detail", kwargs={"consultation_uuid": consultation_uuid})
    return f"{url}#{anchor}" if anchor else url


def item_anchor(item_uuid: uuid.UUID, name: str = "") -> str:
    return f"agendapunt-{item_uuid}" + (f"-{ANCHORS[name]}" if name else "")


def bound_key(name: str, item_uuid: uuid.UUID | None = None) -> str:
    return f"{name}:{item_uuid}" if item_uuid else name


def anchor_of(key: str) -> str:
    name, _, item_uuid = key.partition(":")
    return item_anchor(item_uuid, name) if item_uuid else ANCHORS[name]


def mark_states(agreements) -> list:
    """Give each agreement (annotated ``state``) its ``state_label`` and ``state_badge``."""
    for agreement in agreements:
        agreement.state_label = AgreementState(agreement.state).label
        agreement.state_badge = STATE_BADGES[agreement.state]
        agreement.is_overdue = agreement.state == AgreementState.OVERDUE
    return agreements


# ---------------------------------------------------------------------------- form builders
# Used for the page (unbound) and for a post (bound), so both offer the same choices.


def _members(item) -> list:
    return [member.person for member in item.case.household.member_list]


def consent_form(item, data=None) -> ConsentToDiscussForm:
    initial = {
        "ground": item.consent_ground or SharingGround.CONSENT,
        "given_by": str(item.consent_given_by.uuid) if item.consent_given_by else "",
        "note": item.consent_note,
    }
    return ConsentToDiscussForm(
        data,
        persons=_members(item),
        initial=initial,
        auto_id=f"{item_anchor(item.uuid, 'consent')}-%s",
    )


def minutes_form(item, data=None) -> MinutesForm:
    return MinutesForm(
        data, initial={"summary": item.summary}, auto_id=f"{item_anchor(item.uuid, 'minutes')}-%s"
    )


def decision_form(item, choices: ItemChoices, data=None) -> DecisionForm:
    return DecisionForm(
        data,
        professionals=choices.professionals,
        auto_id=f"{item_anchor(item.uuid, 'decision')}-%s",
    )


def agreement_form(item, choices: ItemChoices, data=None) -> AgreementForm:
    return AgreementForm(
        data,
        options=choices.owners,
        goals=choices.goals,
        auto_id=f"{item_anchor(item.uuid, 'agreement')}-%s",
    )


def agenda_form(data=None) -> AgendaAddForm:
    return AgendaAddForm(data, auto_id=f"{ANCHORS['agenda']}-%s")


def attendee_form(user, view: ConsultationView, data=None) -> AttendeeForm:
    """Professionals of the participating organisations who do not attend yet; in a plan
    meeting also the members and own network of the households the user sees on the agenda."""
    attending = {a.professional_id for a in view.attendees if a.professional_id}
    staff = {
        organisation: [user for user in users if user.pk not in attending]
        for organisation, users in staff_by_organisation(
            view.consultation.organisations.all()
        ).items()
    }
    persons, network = [], []
    if view.consultation.kind == ConsultationKind.PLAN_MEETING:
        present = {a.person_id for a in view.attendees} | {
            a.network_member_id for a in view.attendees
        }
        households = {item.case.household_id for item in view.items if item.content}
        for item in view.items:
            if item.content:
                persons += [p for p in _members(item) if p.pk not in present]
        found = network_by_household(user, households) if households else {}
        network = [m for members in found.values() for m in members if m.pk not in present]
    return AttendeeForm(
        data,
        staff={org: users for org, users in staff.items() if users},
        persons=persons,
        network=network,
        auto_id=f"{ANCHORS['attendee']}-%s",
    )


def signal_form(data=None) -> PolicySignalForm:
    return PolicySignalForm(data, auto_id=f"{ANCHORS['signal']}-%s")


def next_form(consultation, data=None) -> NextMeetingForm:
    return NextMeetingForm(
        data,
        initial={"date": consultation.date + NEXT_MEETING_AFTER},
        auto_id=f"{ANCHORS['next']}-%s",
    )


# ---------------------------------------------------------------------------- the page


@dataclass
class ItemBlock:
    """One agenda item as the page shows it, with its forms (None: not offered)."""

    item: object
    number: int
    consent_form: ConsentToDiscussForm | None = None
    minutes_form: MinutesForm | None = None
    decision_form: DecisionForm | None = None
    agreement_form: AgreementForm | None = None

    @property
    def anchor(self) -> str:
        return item_anchor(self.item.uuid)

    @property
    def consent_text(self) -> str:
        """Why the item may be discussed (only for an item with content)."""
        item = self.item
        if not item.consent_ground:
            return ""
        if item.consent_ground == SharingGround.CONSENT and item.consent_given_by:
            return f"Toestemming van {item.consent_given_by.full_name}"
        return str(SharingGround(item.consent_ground).label)


@dataclass(frozen=True)
class AttendeeRow:
    attendee: object
    label: str
    may_remove: bool


def attendee_label(attendee) -> str:
    """A professional with their organisation; someone of a household only by name when the
    reader sees that household's case with content."""
    if attendee.kind == AttendeeKind.PROFESSIONAL:
        name = attendee.professional.get_full_name() or attendee.professional.username
        return f"{name} ({attendee.organisation.name})"
    if attendee.kind == AttendeeKind.HOUSEHOLD_MEMBER:
        if attendee.name_visible:
            return f"{attendee.person.full_name} (gezinslid)"
        return "Gezinslid (afgeschermd)"
    if attendee.name_visible:
        return f"{attendee.network_member.name} (eigen netwerk)"
    return "Iemand uit het eigen netwerk (afgeschermd)"


def load_view(request, consultation_uuid: uuid.UUID) -> ConsultationView:
    try:
        view = selectors.consultation_get(user=request.user, consultation_uuid=consultation_uuid)
    except ObjectDoesNotExist as exc:
        raise Http404 from exc
    return view


def _item_blocks(request, view: ConsultationView, form) -> list[ItemBlock]:
    is_open = not view.consultation.is_closed
    choices = item_choices(request.user, view.items) if is_open else {}
    blocks = []
    for number, item in enumerate(view.items, start=1):
        block = ItemBlock(item=item, number=number)
        if item.content and is_open:
            found = choices[item.pk]
            block.consent_form = form(
                bound_key("consent", item.uuid), lambda i=item: consent_form(i)
            )
            block.minutes_form = form(
                bound_key("minutes", item.uuid), lambda i=item: minutes_form(i)
            )
            block.decision_form = form(
                bound_key("decision", item.uuid), lambda i=item, c=found: decision_form(i, c)
            )
            block.agreement_form = form(
                bound_key("agreement", item.uuid), lambda i=item, c=found: agreement_form(i, c)
            )
        blocks.append(block)
    return blocks


def render_detail(
    request,
    consultation_uuid: uuid.UUID,
    *,
    view: ConsultationView | None = None,
    bound: dict[str, forms.Form] | None = None,
    error: str = "",
    status: int = 200,
):
    """The meeting page; also rendered again with a posted form that has errors (``bound``)
    or with the ``error`` of a button (closing the minutes, removing an attendee)."""
    bound = bound or {}
    view = view or load_view(request, consultation_uuid)
    consultation = view.consultation
    is_open = not consultation.is_closed
    placed: set[str] = set()

    def form(key: str, make):
        placed.add(key)
        return bound[key] if key in bound else make()

    blocks = _item_blocks(request, view, form)
    mark_states(view.agreements)
    context = {
        "view": view,
        "consultation": consultation,
        "blocks": blocks,
        "content_count": sum(1 for block in blocks if block.item.content),
        "attendees": [
            AttendeeRow(
                attendee=attendee,
                label=attendee_label(attendee),
                may_remove=is_open and attendee.professional_id != consultation.chair_id,
            )
            for attendee in view.attendees
        ],
        "carried": mark_states(view.carried),
        "is_open": is_open,
        "agenda_form": form("agenda", agenda_form) if is_open else None,
        "attendee_form": (
            form("attendee", lambda: attendee_form(request.user, view)) if is_open else None
        ),
        "signal_form": form("signal", signal_form),
        "next_form": form("next", lambda: next_form(consultation)) if consultation.series else None,
        "error": error,
        "error_anchor": next((anchor_of(k) for k, f in bound.items() if f.errors), ""),
        # A form whose item is gone from the page: its errors show at the top instead.
        "unplaced_errors": [
            message
            for key, bound_form in bound.items()
            if key not in placed
            for messages in bound_form.errors.values()
            for message in messages
        ],
    }
    return render(request, "consultations/detail.html", context, status=status)
