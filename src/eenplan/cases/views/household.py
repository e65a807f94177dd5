"""The network sections of the household page: coordinator, consent and legal bases, referrals,
notes and escalation, each with its forms.

``household_sections`` builds them from the client view (``people.selectors``), which reads and
logs the network rows together with the household. The views in ``network`` and ``coordination``
build the same forms with what was posted and, on an error, render the household page again with
that form bound (``bound``, keyed as in ``ERROR_ANCHORS``). The choices of organisations and of
professionals are staff data, not data about citizens.
"""

import datetime
import uuid
from dataclasses import dataclass, field

from django import forms
from django.urls import reverse
from django.utils import timezone

from eenplan.cases import services
from eenplan.cases.constants import ProposalStatus
from eenplan.cases.forms import (
    AgreeCoordinatorForm,
    ConsentForm,
    ConsentWithdrawForm,
    EscalationForm,
    NoteForm,
    ProposeCoordinatorForm,
    ReferralForm,
    involved_organisations,
    professionals_by_organisation,
)
from eenplan.tenancy.models import Organisation

# Where on the household page the form with an error sits, by the key of ``bound``.
ERROR_ANCHORS = {
    "transition": "status-wijzigen",
    "consent": "toestemming",
    "withdraw": "toestemming",
    "referral": "aanmeldingen",
    "note": "notities",
    "propose": "regisseur",
    "agree": "regisseur",
    "escalation": "opschaling",
}


def bound_key(name: str, item_uuid: uuid.UUID | None = None) -> str:
    """The key of a bound form: the form's name, and for a form per item the item's UUID."""
    return f"{name}:{item_uuid}" if item_uuid else name


def error_anchor(bound: dict[str, forms.Form]) -> str:
    """The section of the first bound form that has errors, for the link at the top."""
    for key, form in bound.items():
        if form.errors:
            return ERROR_ANCHORS[key.split(":")[0]]
    return ""


def is_active_on(start: datetime.date, end: datetime.date | None, day: datetime.date) -> bool:
    return start <= day and (end is None or end >= day)


# ---------------------------------------------------------------------------- form builders
# Used for the page (unbound) and for a post (bound), so both offer the same choices.


def consent_form(user, persons: list, data=None) -> ConsentForm:
    return ConsentForm(
        data,
        persons=persons,
        auto_id="toestemming-%s",
        initial={"organisation": user.acting_organisation},
    )


def withdraw_form(consent, data=None) -> ConsentWithdrawForm:
    return ConsentWithdrawForm(data, auto_id=f"intrekken-{consent.uuid}-%s")


def referral_form(user, persons: list, data=None) -> ReferralForm:
    """Every organisation but the one the user works for may receive a referral."""
    organisations = Organisation.objects.order_by("name")
    own = user.acting_organisation
    if own is not None:
        organisations = organisations.exclude(pk=own.pk)
    return ReferralForm(data, persons=persons, organisations=organisations, auto_id="aanmelding-%s")


def note_form(case, data=None) -> NoteForm:
    return NoteForm(data, has_coordinator=case.coordinator_id is not None, auto_id="notitie-%s")


def propose_form(case_uuid: uuid.UUID, data=None, *, organisation=None) -> ProposeCoordinatorForm:
    """The organisations involved now, and their professionals (only ``organisation``'s when
    given: the htmx answer when the user picks an organisation)."""
    organisations = involved_organisations(case_uuid)
    professionals = professionals_by_organisation(
        organisations.filter(pk=organisation.pk) if organisation else organisations
    )
    form = ProposeCoordinatorForm(
        data, organisations=organisations, professionals=professionals, auto_id="regisseur-%s"
    )
    form.fields["organisation"].widget.attrs |= {
        "hx-get": reverse("cases:professionals", kwargs={"case_uuid": case_uuid}),
        "hx-trigger": "change",
        "hx-target": "#regisseur-coordinator",
        "hx-swap": "outerHTML",
    }
    return form


def agree_form(proposal, data=None) -> AgreeCoordinatorForm:
    return AgreeCoordinatorForm(data, auto_id=f"instemmen-{proposal.uuid}-%s")


def escalation_form(user, case, data=None) -> EscalationForm:
    """Filled in with the current level; with the reason and decision only when the user may see
    the plan content (they tell what the case is about)."""
    initial = {"level": case.escalation_level}
    if case.access.plan:
        initial |= {"reason": case.escalation_reason, "decision": case.escalation_decision}
    return EscalationForm(
        data, may_decide=services.may_decide(user, case), initial=initial, auto_id="opschaling-%s"
    )


# ---------------------------------------------------------------------------- rows


@dataclass(frozen=True)
class Contact:
    """Whom a professional can call about the household."""

    role: str
    organisation: str
    name: str
    phone: str
    email: str


def contacts(case, today: datetime.date) -> list[Contact]:
    """The coordinator, then the contact person of every organisation involved now."""
    found = []
    if case.coordinator:
        found.append(_contact("Regisseur", case.coordinator, case.coordinator_organisation))
    for involvement in case.involvements.all():
        if is_active_on(involvement.start_date, involvement.end_date, today):
            found.append(_contact("Contactpersoon", involvement.contact, involvement.organisation))
    return found


def _contact(role: str, user, organisation) -> Contact:
    return Contact(
        role=role,
        organisation=organisation.name if organisation else "",
        name=(user.get_full_name() or user.username) if user else "",
        phone=phone_of(user, organisation),
        email=(user.email if user else "") or (organisation.email if organisation else ""),
    )


def phone_of(user, organisation) -> str:
    """The professional's own number, else the organisation's."""
    return (user.phone if user else "") or (organisation.phone if organisation else "")


CONSENT_STATES = {
    "actief": "Geldig",
    "gepland": "Nog niet geldig",
    "verlopen": "Verlopen",
    "ingetrokken": "Ingetrokken",
}


@dataclass
class ConsentRow:
    consent: object
    state: str
    withdraw_form: ConsentWithdrawForm | None = None

    @property
    def state_label(self) -> str:
        return CONSENT_STATES[self.state]

    @property
    def is_active(self) -> bool:
        return self.state == "actief"

    @property
    def category_labels(self) -> list[str]:
        """'Het plan', 'Notities', ...: the data category labels up to their explanation."""
        return [str(category.label).split(":")[0] for category in self.consent.categories]


def consent_state(consent, today: datetime.date) -> str:
    if consent.withdrawn_at is not None:
        return "ingetrokken"
    if consent.valid_until is not None and consent.valid_until < today:
        return "verlopen"
    if consent.valid_from > today:
        return "gepland"
    return "actief"


@dataclass
class ProposalRow:
    proposal: object
    agree_form: AgreeCoordinatorForm | None
    may_withdraw: bool


@dataclass
class Sections:
    """What the network sections of the household page show."""

    access: object
    contacts: list[Contact]
    coordinator_phone: str
    consents: list[ConsentRow]
    consent_form: ConsentForm
    referrals: list
    referral_form: ReferralForm
    notes: list
    note_form: NoteForm
    open_proposals: list[ProposalRow]
    earlier_proposals: list
    propose_form: ProposeCoordinatorForm
    escalation_form: EscalationForm
    error_anchor: str = ""
    unplaced_errors: list[str] = field(default_factory=list)

    @property
    def known_level_only(self) -> bool:
        """No plan content: the page shows the household is known and whom to call."""
        return not self.access.plan


def household_sections(request, view, bound: dict[str, forms.Form]) -> Sections | None:
    """The sections for the client view's current case; None when there is no case."""
    case = view.case
    if case is None:
        return None
    user, today = request.user, timezone.localdate()
    persons = [member.person for member in view.members]

    placed: set[str] = {"transition"}

    def form(key: str, make):
        placed.add(key)
        return bound[key] if key in bound else make()

    consents = [
        ConsentRow(consent=consent, state=consent_state(consent, today))
        for consent in view.case_network.consents
    ]
    for row in consents:
        if row.is_active:
            key = bound_key("withdraw", row.consent.uuid)
            row.withdraw_form = form(key, lambda c=row.consent: withdraw_form(c))

    proposals = view.case_network.proposals
    open_proposals = [
        ProposalRow(
            proposal=proposal,
            agree_form=(
                form(bound_key("agree", proposal.uuid), lambda p=proposal: agree_form(p))
                if proposal.proposed_by_id != user.pk
                else None
            ),
            may_withdraw=user.pk in (proposal.proposed_by_id, proposal.coordinator_id),
        )
        for proposal in proposals
        if proposal.status == ProposalStatus.PROPOSED
    ]

    sections = Sections(
        access=view.access,
        contacts=contacts(case, today),
        coordinator_phone=phone_of(case.coordinator, case.coordinator_organisation)
        if case.coordinator
        else "",
        consents=consents,
        consent_form=form("consent", lambda: consent_form(user, persons)),
        referrals=[
            ReferralRow(referral=referral, sent=sent)
            for referral, sent in view.case_network.referrals
        ],
        referral_form=form("referral", lambda: referral_form(user, persons)),
        notes=view.case_network.notes,
        note_form=form("note", lambda: note_form(case)),
        open_proposals=open_proposals,
        earlier_proposals=[p for p in proposals if p.status != ProposalStatus.PROPOSED],
        propose_form=form("propose", lambda: propose_form(case.uuid)),
        escalation_form=form("escalation", lambda: escalation_form(user, case)),
        error_anchor=error_anchor(bound),
    )
    # A form whose item is gone from the page (a consent someone withdrew meanwhile): its
    # errors show at the top instead.
    sections.unplaced_errors = [
        error
        for key, bound_form in bound.items()
        if key not in placed
        for errors in bound_form.errors.values()
        for error in errors
    ]
    return sections


@dataclass(frozen=True)
class ReferralRow:
    referral: object
    sent: bool  # sent by one of the user's organisations (else received)
