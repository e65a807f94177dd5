"""Every change to complaints and objections goes through these functions.

A citizen registers their own complaint or objection in Mijn EenPlan (for themselves or a child
under 16); a professional who sees the case registers one on a citizen's behalf. Each one gets a
handling organisation and a handler at once, and a date by which the handler makes personal
contact. What comes of that contact decides the route: resolved in the conversation, mediation,
or the formal route with acknowledgement, hearing and decision within the legal period. Every
step is a ``Step``, writes the access log and tells the citizen (an e-mail without content) that
there is news in Mijn EenPlan.
"""

import datetime
import uuid
from collections.abc import Iterable

from django.conf import settings
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.mail import send_mail
from django.db import transaction
from django.db.models import Count, Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from eenplan.cases.models import Case
from eenplan.complaints import deadlines
from eenplan.complaints.constants import (
    DECISION_OUTCOMES,
    Channel,
    ContactOutcome,
    ContactWay,
    Kind,
    Outcome,
    Status,
    StepKind,
    Theme,
)
from eenplan.complaints.models import Complaint, ComplaintSettings, Step
from eenplan.portal.rules import persons_in_care
from eenplan.privacy import policy
from eenplan.privacy.constants import Action, ProcessingActivity
from eenplan.privacy.services import access_log_write
from eenplan.provisions.letter import has_letter, letter_date
from eenplan.tenancy.constants import AccountKind, OrganisationType, Role
from eenplan.tenancy.models import Membership, Organisation, User


def settings_for(municipality) -> ComplaintSettings:
    """The municipality's settings, or the defaults when it set none."""
    found = ComplaintSettings.objects.filter(municipality=municipality).first()
    return found or ComplaintSettings(municipality=municipality)


# ------------------------------------------------------------------------------ notices


def _send(addresses: Iterable[str], subject: str, body: str) -> None:
    addresses = sorted({a for a in addresses if a})
    if addresses:
        transaction.on_commit(lambda: send_mail(subject, body, None, addresses))


def _link(path: str) -> str:
    return settings.BASE_URL + path


def _citizen_accounts(complaint: Complaint):
    """The accounts of the person it is from and, when a parent filed it, of that parent."""
    return User.objects.filter(
        Q(citizen__person=complaint.person) | Q(pk=complaint.registered_by_id),
        kind=AccountKind.CITIZEN,
        is_active=True,
    )


def _citizen_addresses(complaint: Complaint) -> list[str]:
    return [
        email for email in _citizen_accounts(complaint).values_list("email", flat=True) if email
    ]


def _tell_citizen(complaint: Complaint) -> None:
    _send(
        _citizen_addresses(complaint),
        _("Nieuws over uw klacht of bezwaar"),
        _("Er is nieuws over uw %(kind)s (%(reference)s). Log in om het te lezen:\n%(link)s")
        % {
            "kind": complaint.get_kind_display().lower(),
            "reference": complaint.reference,
            "link": _link(reverse("portal:complaints")),
        },
    )


def _tell_professional(users: Iterable, complaint: Complaint, what: str) -> None:
    _send(
        [user.email for user in users if user],
        _("%(kind)s %(reference)s")
        % {
            "kind": complaint.get_kind_display(),
            "reference": complaint.reference,
        },
        _("%(what)s Kijk in EenPlan:\n%(link)s")
        % {"what": what, "link": _link(reverse("complaints:detail", args=[complaint.uuid]))},
    )


# ------------------------------------------------------------------------------ access


def _log(actor, complaint: Complaint, name: str, action: Action = Action.UPDATE) -> None:
    access_log_write(
        actor=actor,
        action=action,
        name=name,
        subjects=[(complaint.case, complaint.person)],
        activity=ProcessingActivity.COMPLAINT_HANDLING,
    )


def handlers_of(organisation: Organisation):
    return User.objects.filter(
        memberships__organisation=organisation,
        memberships__role=Role.COMPLAINTS_HANDLER,
        memberships__is_active=True,
        is_active=True,
    ).distinct()


def _decided_by(decision) -> set[int]:
    """Who requested or took the decision an objection is against (none for a complaint)."""
    if decision is None:
        return set()
    return {decision.requested_by_id, decision.decided_by_id} - {None}


def eligible_handlers(organisation: Organisation, decision=None):
    """Who may handle it: the complaints handlers of ``organisation``, for an objection never
    someone who requested or took the decision (Awb 7:5)."""
    return handlers_of(organisation).exclude(pk__in=_decided_by(decision))


def may_handle(actor, complaint: Complaint) -> bool:
    """The handler, or a complaints handler of the handling organisation."""
    return (
        complaint.handler_id == actor.pk
        or Membership.objects.filter(
            user_id=actor.pk,
            organisation_id=complaint.handling_organisation_id,
            role=Role.COMPLAINTS_HANDLER,
            is_active=True,
        ).exists()
    )


def _lock_for_handler(actor, complaint: Complaint) -> Complaint:
    """The complaint, locked, when ``actor`` handles it and it is still open."""
    complaint = (
        Complaint.objects.visible_to(actor).select_for_update().filter(pk=complaint.pk).first()
    )
    if complaint is None or not may_handle(actor, complaint):
        raise PermissionDenied(_("Alleen de behandelaar van deze klacht of dit bezwaar mag dit."))
    if not complaint.is_open:
        raise ValidationError(_("Deze klacht of dit bezwaar is al afgehandeld."))
    return complaint


def _own_persons(user, case: Case) -> list:
    """The persons a citizen acts for in ``case``: themselves and their children under 16."""
    if not Case.objects.filter(policy.own_household_case_visibility(user), pk=case.pk).exists():
        raise PermissionDenied(_("Dit is niet uw huishouden."))
    return persons_in_care(user.citizen, case.household)


# ------------------------------------------------------------------------------ register


def _municipal_organisation(municipality) -> Organisation:
    organisation = (
        Organisation.objects.filter(type=OrganisationType.MUNICIPALITY, municipalities=municipality)
        .order_by("name")
        .first()
    )
    if organisation is None:
        raise ValidationError(
            _("Gemeente %(name)s heeft geen organisatie in EenPlan die klachten behandelt.")
            % {"name": municipality.name}
        )
    return organisation


def _handling_organisation(kind: str, organisations: list, municipality) -> Organisation:
    """An objection goes to the municipality that decided. A complaint about one organisation
    goes to that organisation when it has a complaints handler; any other complaint goes to the
    municipality."""
    if (
        kind == Kind.COMPLAINT
        and len(organisations) == 1
        and handlers_of(organisations[0]).exists()
    ):
        return organisations[0]
    return _municipal_organisation(municipality)


def _pick_handler(organisation: Organisation, decision):
    """The eligible handler with the fewest open items."""
    return (
        eligible_handlers(organisation, decision)
        .annotate(
            open_items=Count(
                "complaints_handling", filter=~Q(complaints_handling__status=Status.CLOSED)
            )
        )
        .order_by("open_items", "username")
        .first()
    )


def _check_registration(
    *, case, person, kind, theme, channel, organisations, decision, description
) -> dict:
    errors = {}
    if not description.strip():
        errors["description"] = _("Schrijf op wat er aan de hand is.")
    if not case.household.memberships.filter(person=person).exists():
        errors["person"] = _("Kies iemand uit het huishouden.")
    involved = set(case.involvements.values_list("organisation_id", flat=True))
    if any(organisation.pk not in involved for organisation in organisations):
        errors["organisations"] = _("Kies organisaties die bij dit huishouden betrokken zijn.")
    if kind == Kind.OBJECTION:
        if decision is None or decision.case_id != case.pk or not has_letter(decision):
            errors["decision"] = _("Kies het besluit waartegen het bezwaar is.")
        elif decision.person_id != person.pk:
            errors["decision"] = _("Dit besluit gaat over iemand anders.")
    elif decision is not None:
        errors["decision"] = _("Alleen een bezwaar gaat over een besluit.")
    chosen = {"kind": (kind, Kind), "theme": (theme, Theme), "channel": (channel, Channel)}
    errors.update(
        {
            name: _("Maak een keuze.")
            for name, (value, kinds) in chosen.items()
            if value not in kinds
        }
    )
    return errors


@transaction.atomic
def complaint_register(
    *,
    actor,
    case: Case,
    person,
    kind: str,
    description: str,
    theme: str = Theme.OTHER,
    channel: str = Channel.PORTAL,
    received_on: datetime.date | None = None,
    organisations: Iterable[Organisation] = (),
    decision=None,
    contact_phone: str = "",
    contact_email: str = "",
) -> Complaint:
    """Register a complaint or an objection, give it a handler and tell everyone concerned."""
    today = timezone.localdate()
    if actor.is_citizen:
        if person not in _own_persons(actor, case):
            raise PermissionDenied(_("U kunt dit alleen voor uzelf of uw kind onder 16 doen."))
        channel, received_on = Channel.PORTAL, today
    elif not Case.objects.filter(policy.case_visibility(actor), pk=case.pk).exists():
        raise PermissionDenied(_("U werkt niet aan deze casus."))
    organisations = list(organisations)
    errors = _check_registration(
        case=case,
        person=person,
        kind=kind,
        theme=theme,
        channel=channel,
        organisations=organisations,
        decision=decision,
        description=description,
    )
    received_on = received_on or today
    if received_on > today:
        errors["received_on"] = _("Die datum ligt in de toekomst.")
    if errors:
        raise ValidationError(errors)

    municipality = case.household.municipality
    rules = settings_for(municipality)
    handling = _handling_organisation(kind, organisations, municipality)
    if kind == Kind.OBJECTION:
        theme = Theme.DECISION
        made_known_on = letter_date(decision)
        if received_on < made_known_on:
            raise ValidationError({"received_on": _("Dat is voor de datum van het besluit.")})
        committee = rules.objections_committee
        due = deadlines.objection_due(made_known_on, received_on, committee=committee)
    else:
        made_known_on, committee = None, rules.complaints_committee
        due = deadlines.complaint_due(received_on, committee=committee)
    complaint = Complaint.objects.create(
        kind=kind,
        reference=f"tmp-{uuid.uuid4().hex[:16]}",  # until the pk is known
        case=case,
        person=person,
        municipality=municipality,
        decision=decision,
        decision_made_known_on=made_known_on,
        description=description.strip(),
        theme=theme,
        channel=channel,
        contact_phone=contact_phone.strip(),
        contact_email=contact_email.strip(),
        received_on=received_on,
        registered_by=actor,
        handling_organisation=handling,
        handler=_pick_handler(handling, decision),
        committee=committee,
        status=Status.NEW,
        contact_due=deadlines.contact_due(received_on, rules.contact_working_days),
        decision_due=due,
    )
    letter = "K" if kind == Kind.COMPLAINT else "B"
    complaint.reference = f"{letter}-{received_on.year}-{complaint.pk:05d}"
    complaint.save(update_fields=["reference"])
    complaint.organisations.set(organisations)
    _step(actor, complaint, StepKind.REGISTERED, occurred_on=received_on, tell_citizen=False)
    _log(actor, complaint, f"{complaint.get_kind_display().lower()} registreren", Action.CREATE)
    _tell_citizen(complaint)
    what = _("Er is een %(kind)s binnengekomen.") % {"kind": complaint.get_kind_display().lower()}
    _tell_professional([complaint.handler], complaint, what + " " + _("U bent de behandelaar."))
    _tell_professional(
        [case.coordinator],
        complaint,
        what + " " + _("Het gaat over een huishouden dat u regisseert."),
    )
    return complaint


def _step(actor, complaint: Complaint, kind: str, *, tell_citizen: bool = True, **fields) -> Step:
    fields.setdefault("occurred_on", timezone.localdate())
    step = Step.objects.create(complaint=complaint, kind=kind, recorded_by=actor, **fields)
    if tell_citizen and not actor.is_citizen:
        _tell_citizen(complaint)
    return step


def _close(complaint: Complaint, outcome: str, day: datetime.date) -> None:
    complaint.status = Status.CLOSED
    complaint.outcome = outcome
    complaint.closed_on = day
    complaint.save(update_fields=["status", "outcome", "closed_on"])
    if complaint.case.coordinator_id:
        _tell_professional(
            [complaint.case.coordinator],
            complaint,
            _("De %(kind)s bij een huishouden dat u regisseert is afgehandeld.")
            % {"kind": complaint.get_kind_display().lower()},
        )


def _past_or_today(day: datetime.date, field: str = "occurred_on") -> None:
    if day > timezone.localdate():
        raise ValidationError({field: _("Die datum ligt in de toekomst.")})


# ------------------------------------------------------------------------------ handler


@transaction.atomic
def handler_assign(*, actor, complaint: Complaint, handler) -> Complaint:
    complaint = _lock_for_handler(actor, complaint)
    if handler.pk in _decided_by(complaint.decision):
        raise ValidationError(
            {"handler": _("Wie aan het besluit meewerkte, behandelt het bezwaar niet (Awb 7:5).")}
        )
    if not handlers_of(complaint.handling_organisation).filter(pk=handler.pk).exists():
        raise ValidationError(
            {
                "handler": _("Kies een behandelaar van %(name)s.")
                % {"name": complaint.handling_organisation.name}
            }
        )
    complaint.handler = handler
    complaint.save(update_fields=["handler"])
    _step(actor, complaint, StepKind.HANDLER, text=handler.get_full_name(), tell_citizen=False)
    _log(actor, complaint, "behandelaar kiezen")
    _tell_professional([handler], complaint, _("U bent nu de behandelaar."))
    return complaint


# ------------------------------------------------------------------------------ conversation

CONTACT_STATUS = {
    ContactOutcome.RESOLVED_CONFIRM_IN_PORTAL: Status.AWAITING_CONFIRMATION,
    ContactOutcome.TALK_AGAIN: Status.IN_CONVERSATION,
    ContactOutcome.MEDIATION: Status.MEDIATION,
    ContactOutcome.FORMAL: Status.FORMAL,
}


def _check_contact(complaint, occurred_on, way, summary, outcome) -> dict:
    errors = {}
    if occurred_on < complaint.received_on:
        errors["occurred_on"] = _("Het gesprek was voordat het binnenkwam.")
    if not summary.strip():
        errors["summary"] = _("Schrijf op wat er achter zit en wat u afsprak.")
    if way not in ContactWay.values:
        errors["way"] = _("Kies hoe u contact had.")
    if outcome not in ContactOutcome.values:
        errors["outcome"] = _("Kies wat er uit het gesprek kwam.")
    elif (
        outcome == ContactOutcome.RESOLVED_CONFIRM_IN_PORTAL
        and not _citizen_accounts(complaint).exists()
    ):
        errors["outcome"] = _("De inwoner heeft geen account. Vraag de bevestiging in het gesprek.")
    return errors


@transaction.atomic
def contact_record(
    *,
    actor,
    complaint: Complaint,
    occurred_on: datetime.date,
    way: str,
    summary: str,
    outcome: str,
) -> Complaint:
    """Record a personal contact: what lies behind the complaint and what came of it."""
    complaint = _lock_for_handler(actor, complaint)
    _past_or_today(occurred_on)
    errors = _check_contact(complaint, occurred_on, way, summary, outcome)
    if errors:
        raise ValidationError(errors)
    _step(
        actor,
        complaint,
        StepKind.CONTACT,
        occurred_on=occurred_on,
        contact_way=way,
        contact_outcome=outcome,
        text=summary.strip(),
    )
    if outcome != ContactOutcome.NOT_REACHED and not complaint.contacted_on:
        complaint.contacted_on = occurred_on
        complaint.save(update_fields=["contacted_on"])
    _log(actor, complaint, "persoonlijk contact vastleggen")
    if outcome == ContactOutcome.RESOLVED:
        _close(complaint, Outcome.RESOLVED_INFORMALLY, occurred_on)
    elif outcome in CONTACT_STATUS:
        complaint.status = CONTACT_STATUS[outcome]
        complaint.save(update_fields=["status"])
    return complaint


@transaction.atomic
def resolution_answer(*, user, complaint: Complaint, resolved: bool, text: str = "") -> Complaint:
    """The citizen says in Mijn EenPlan whether the conversation resolved it."""
    complaint = own_complaint_lock(user, complaint)
    if complaint.status != Status.AWAITING_CONFIRMATION:
        raise ValidationError(_("Er is niets om te bevestigen."))
    kind = StepKind.CONFIRMED if resolved else StepKind.NOT_RESOLVED
    _step(user, complaint, kind, text=text.strip())
    _log(user, complaint, "oplossing bevestigen" if resolved else "oplossing afwijzen")
    if resolved:
        _close(complaint, Outcome.RESOLVED_INFORMALLY, timezone.localdate())
    else:
        complaint.status = Status.IN_CONVERSATION
        complaint.save(update_fields=["status"])
    _tell_professional(
        [complaint.handler],
        complaint,
        _("De inwoner bevestigt dat het is opgelost.")
        if resolved
        else _("De inwoner vindt het nog niet opgelost."),
    )
    return complaint


def own_complaint_lock(user, complaint: Complaint) -> Complaint:
    complaint = Complaint.objects.select_for_update().select_related("case").get(pk=complaint.pk)
    if complaint.person not in _own_persons(user, complaint.case):
        raise PermissionDenied(_("Dit is niet uw klacht of bezwaar."))
    return complaint


# ------------------------------------------------------------------------------ formal route


@transaction.atomic
def formal_start(*, actor, complaint: Complaint, reason: str) -> Complaint:
    complaint = _lock_for_handler(actor, complaint)
    if not reason.strip():
        raise ValidationError({"reason": _("Schrijf op waarom het formeel verder gaat.")})
    if complaint.status == Status.FORMAL:
        raise ValidationError(_("De formele behandeling loopt al."))
    _step(actor, complaint, StepKind.FORMAL, text=reason.strip())
    complaint.status = Status.FORMAL
    complaint.save(update_fields=["status"])
    _log(actor, complaint, "formele behandeling starten")
    return complaint


@transaction.atomic
def acknowledge(*, actor, complaint: Complaint) -> Step:
    """The acknowledgement of receipt (Awb 6:14, 9:6), with its letter."""
    complaint = _lock_for_handler(actor, complaint)
    if complaint.steps.filter(kind=StepKind.ACKNOWLEDGED).exists():
        raise ValidationError(_("De ontvangst is al bevestigd."))
    step = _step(actor, complaint, StepKind.ACKNOWLEDGED, due_on=complaint.decision_due)
    _log(actor, complaint, "ontvangst bevestigen")
    return step


def _extensions(complaint: Complaint) -> tuple[int, int]:
    """Weeks postponed so far: (by the handler alone, with the objector's consent)."""
    steps = complaint.steps.filter(kind=StepKind.EXTENDED)
    alone = sum(s.weeks for s in steps if not s.with_consent)
    return alone, sum(s.weeks for s in steps if s.with_consent)


def _due(complaint: Complaint) -> datetime.date:
    if complaint.kind == Kind.OBJECTION:
        return deadlines.objection_due(
            complaint.decision_made_known_on,
            complaint.received_on,
            committee=complaint.committee,
            extension_weeks=complaint.extension_weeks,
        )
    return deadlines.complaint_due(
        complaint.received_on,
        committee=complaint.committee,
        extension_weeks=complaint.extension_weeks,
    )


MAX_EXTENSION_WEEKS = 52


@transaction.atomic
def extend(
    *, actor, complaint: Complaint, weeks: int, reason: str, with_consent: bool = False
) -> Step:
    """Postpone the decision: a complaint once by at most 4 weeks (Awb 9:11); an objection once
    by at most 6 weeks (7:10 paragraph 3), and further only with the objector's consent
    (paragraph 4a)."""
    complaint = _lock_for_handler(actor, complaint)
    if not reason.strip():
        raise ValidationError({"reason": _("Schrijf op waarom het langer duurt.")})
    if not 1 <= weeks <= MAX_EXTENSION_WEEKS:
        raise ValidationError({"weeks": _("Uitstellen kan met 1 tot en met 52 weken.")})
    alone, _agreed = _extensions(complaint)
    if complaint.kind == Kind.COMPLAINT:
        if with_consent:
            raise ValidationError({"with_consent": _("Een klacht kan één keer uitgesteld worden.")})
        if alone or weeks > deadlines.COMPLAINT_MAX_EXTENSION_WEEKS:
            raise ValidationError(
                {"weeks": _("Een klacht kan één keer, met ten hoogste 4 weken, uitgesteld worden.")}
            )
    elif not with_consent and (alone or weeks > deadlines.OBJECTION_MAX_EXTENSION_WEEKS):
        raise ValidationError(
            {
                "weeks": _(
                    "Zonder instemming van de indiener kan een bezwaar één keer, met ten hoogste "
                    "6 weken, uitgesteld worden."
                )
            }
        )
    complaint.extension_weeks += weeks
    complaint.decision_due = _due(complaint)
    complaint.save(update_fields=["extension_weeks", "decision_due"])
    step = _step(
        actor,
        complaint,
        StepKind.EXTENDED,
        weeks=weeks,
        with_consent=with_consent,
        due_on=complaint.decision_due,
        text=reason.strip(),
    )
    _log(actor, complaint, "beslissing uitstellen")
    return step


@transaction.atomic
def hearing_plan(*, actor, complaint: Complaint, at: datetime.datetime, place: str) -> Step:
    """Invite the citizen to be heard (Awb 7:2, 9:10), with a letter."""
    complaint = _lock_for_handler(actor, complaint)
    if at <= timezone.now():
        raise ValidationError({"at": _("Kies een moment in de toekomst.")})
    if not place.strip():
        raise ValidationError({"place": _("Schrijf op waar het gesprek is.")})
    step = _step(actor, complaint, StepKind.HEARING_PLANNED, hearing_at=at, place=place.strip())
    _log(actor, complaint, "hoorzitting plannen")
    return step


@transaction.atomic
def hearing_record(*, actor, complaint: Complaint, occurred_on: datetime.date, report: str) -> Step:
    complaint = _lock_for_handler(actor, complaint)
    _past_or_today(occurred_on)
    if not report.strip():
        raise ValidationError({"report": _("Schrijf op wat er is gezegd.")})
    step = _step(
        actor, complaint, StepKind.HEARING_HELD, occurred_on=occurred_on, text=report.strip()
    )
    _log(actor, complaint, "hoorzitting vastleggen")
    return step


@transaction.atomic
def decide(*, actor, complaint: Complaint, outcome: str, reasons: str) -> Step:
    """The decision on the complaint or objection, with its letter; it closes the item."""
    complaint = _lock_for_handler(actor, complaint)
    if outcome not in DECISION_OUTCOMES:
        raise ValidationError({"outcome": _("Kies een besluit.")})
    if not reasons.strip():
        raise ValidationError({"reasons": _("Schrijf op waarom.")})
    step = _step(actor, complaint, StepKind.DECIDED, outcome=outcome, text=reasons.strip())
    _close(complaint, outcome, step.occurred_on)
    _log(actor, complaint, "besluit nemen")
    return step


@transaction.atomic
def withdraw(*, actor, complaint: Complaint, text: str = "") -> Complaint:
    """The citizen withdraws it, in Mijn EenPlan or as recorded by the handler."""
    if actor.is_citizen:
        complaint = own_complaint_lock(actor, complaint)
        if not complaint.is_open:
            raise ValidationError(_("Deze klacht of dit bezwaar is al afgehandeld."))
    else:
        complaint = _lock_for_handler(actor, complaint)
    _step(actor, complaint, StepKind.WITHDRAWN, text=text.strip())
    _close(complaint, Outcome.WITHDRAWN, timezone.localdate())
    _log(actor, complaint, "intrekken")
    if actor.is_citizen:
        _tell_professional([complaint.handler], complaint, _("De inwoner heeft het ingetrokken."))
    return complaint
