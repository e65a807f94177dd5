"""Every change to a consultation goes through these functions.

Changes to a case (putting it on the agenda, the minutes, decisions, agreements) lock the case
through the case services' rule, so only who may see it changes it, and they land on the case
timeline (which writes the access log). The question to the meeting and a policy signal are read
by people who may not see the case: both are refused while they hold identifying details.
"""

import datetime

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Max
from django.utils import timezone
from django.utils.translation import gettext as _

from eenplan.cases.constants import DataCategory, SharingGround, TimelineEventKind
from eenplan.cases.models import Case
from eenplan.cases.services import (
    case_escalate,
    case_lock_visible,
    case_set_coordinator,
    timeline_record,
)
from eenplan.cases.services.network import AGE_OWN_CONSENT
from eenplan.consultations.anonymity import household_names, identifying_details
from eenplan.consultations.constants import (
    AttendeeKind,
    ConsultationKind,
    DecisionKind,
    PolicySignalStatus,
)
from eenplan.consultations.models import (
    AgendaItem,
    Agreement,
    Attendee,
    Consultation,
    Decision,
    PolicySignal,
    Series,
)
from eenplan.plans.models import Goal, Plan
from eenplan.plans.services import Owner, action_add, goal_add, plan_create
from eenplan.privacy import policy
from eenplan.tenancy.models import Membership


def _meeting_label(consultation: Consultation) -> str:
    return f"{consultation.title} ({consultation.date:%d-%m-%Y})"


def _lock_meeting(*, actor, consultation: Consultation) -> Consultation:
    """The meeting re-read under a lock; ``DoesNotExist`` when the actor may not see it."""
    return (
        Consultation.objects.visible_to(actor)
        .select_for_update(of=("self",))
        .get(pk=consultation.pk)
    )


def _open_meeting(*, actor, consultation: Consultation) -> Consultation:
    consultation = _lock_meeting(actor=actor, consultation=consultation)
    if consultation.is_closed:
        raise ValidationError(_("Het verslag van dit overleg is afgerond."))
    return consultation


def _refuse_identifying(text: str, *, field: str, names=(), references=()) -> None:
    found = identifying_details(text, names=names, references=references)
    if found:
        raise ValidationError(
            {
                field: _(
                    "Haal gegevens weg waarmee iemand te herkennen is: %(found)s. "
                    "Deze tekst lezen ook mensen die het huishouden niet kennen."
                )
                % {"found": ", ".join(found)}
            }
        )


@transaction.atomic
def consultation_plan(
    *,
    actor,
    kind: str,
    title: str,
    municipality,
    date: datetime.date,
    chair,
    organisations,
    series: Series | None = None,
    start_time: datetime.time | None = None,
    location: str = "",
) -> Consultation:
    """Plan a meeting. The planner and the chair work for a participating organisation."""
    organisations = list(organisations)
    if kind not in ConsultationKind.values:
        raise ValidationError({"kind": _("Kies de soort overleg.")})
    if not organisations:
        raise ValidationError({"organisations": _("Kies de deelnemende organisaties.")})
    member_of = set(
        Membership.objects.filter(user__in=[actor, chair], is_active=True)
        .filter(organisation__in=organisations)
        .values_list("user_id", flat=True)
    )
    if chair.pk not in member_of:
        raise ValidationError({"chair": _("De voorzitter werkt bij een deelnemende organisatie.")})
    if actor.pk not in member_of:
        raise ValidationError(
            {"organisations": _("U plant alleen overleggen waar uw organisatie aan deelneemt.")}
        )
    consultation = Consultation(
        series=series,
        kind=kind,
        title=title.strip(),
        municipality=municipality,
        date=date,
        start_time=start_time,
        location=location.strip(),
        chair=chair,
        created_by=actor,
    )
    consultation.full_clean()
    consultation.save()
    consultation.organisations.set(organisations)
    Attendee.objects.create(
        consultation=consultation,
        kind=AttendeeKind.PROFESSIONAL,
        professional=chair,
        organisation=Membership.objects.filter(
            user=chair, is_active=True, organisation__in=organisations
        )
        .order_by("created_at", "pk")
        .first()
        .organisation,
    )
    return consultation


def consultation_plan_next(*, actor, series: Series, date: datetime.date) -> Consultation:
    """The next meeting of a series, with its participants and chair. Its agenda opens with the
    open agreements of the earlier meetings (``selectors.carried_agreements``)."""
    return consultation_plan(
        actor=actor,
        kind=series.kind,
        title=series.name,
        municipality=series.municipality,
        date=date,
        chair=series.chair,
        organisations=series.organisations.all(),
        series=series,
    )


@transaction.atomic
def attendee_add(
    *,
    actor,
    consultation: Consultation,
    professional=None,
    organisation=None,
    person=None,
    network_member=None,
) -> Attendee:
    """Add a professional of a participating organisation, or, to a plan meeting, a member of
    the household or its network whose case is on the agenda and visible to the actor."""
    consultation = _open_meeting(actor=actor, consultation=consultation)
    if professional is not None:
        if not consultation.organisations.filter(pk=getattr(organisation, "pk", None)).exists():
            raise ValidationError({"organisation": _("Kies een deelnemende organisatie.")})
        if not Membership.objects.filter(
            user=professional, organisation=organisation, is_active=True
        ).exists():
            raise ValidationError(
                {"professional": _("Deze professional werkt niet bij de organisatie.")}
            )
        attendee = Attendee(
            consultation=consultation,
            kind=AttendeeKind.PROFESSIONAL,
            professional=professional,
            organisation=organisation,
        )
    else:
        if consultation.kind != ConsultationKind.PLAN_MEETING:
            raise ValidationError(_("Gezinsleden en hun netwerk schuiven aan bij een plangesprek."))
        visible_households = consultation.items.filter(
            policy.related_case_visibility(actor, "case")
        ).values("case__household")
        if person is not None:
            kind = AttendeeKind.HOUSEHOLD_MEMBER
            household = person.households.filter(pk__in=visible_households).first()
        elif network_member is not None:
            kind = AttendeeKind.NETWORK_MEMBER
            household = (
                visible_households.filter(case__household=network_member.household_id).exists()
                and network_member.household
            )
        else:
            raise ValidationError(_("Kies wie deelneemt."))
        if not household:
            raise ValidationError(
                _("Kies iemand van een huishouden waarvan u de casus op de agenda ziet.")
            )
        attendee = Attendee(
            consultation=consultation,
            kind=kind,
            person=person,
            network_member=network_member,
            household=household,
        )
    attendee.full_clean()
    attendee.save()
    return attendee


@transaction.atomic
def attendee_remove(*, actor, attendee: Attendee) -> None:
    consultation = _open_meeting(actor=actor, consultation=attendee.consultation)
    if attendee.professional_id == consultation.chair_id:
        raise ValidationError(_("De voorzitter blijft deelnemer."))
    attendee.delete()


def _may_put_on_agenda(actor, case: Case) -> bool:
    """The coordinator of the case or a professional of an involved organisation."""
    if case.coordinator_id == actor.pk:
        return True
    return (
        case.involvements.active()
        .filter(organisation__in=policy.working_organisation_ids(actor))
        .exists()
    )


@transaction.atomic
def agenda_add(*, actor, consultation: Consultation, case: Case, question: str) -> AgendaItem:
    """Put a case on the agenda with the question for the meeting, free of identifying
    details: every attendee reads the question, also those who may not see the case."""
    consultation = _open_meeting(actor=actor, consultation=consultation)
    case = case_lock_visible(actor=actor, case=case)
    if not _may_put_on_agenda(actor, case):
        raise ValidationError(
            _("De regisseur of een betrokken professional zet een casus op de agenda.")
        )
    if case.is_closed:
        raise ValidationError(_("Een afgesloten casus komt niet meer op de agenda."))
    if consultation.items.filter(case=case).exists():
        raise ValidationError(_("Deze casus staat al op de agenda van dit overleg."))
    question = question.strip()
    if not question:
        raise ValidationError({"question": _("Schrijf op welke vraag u aan het overleg stelt.")})
    _refuse_identifying(question, field="question", names=household_names(case), references=())
    position = consultation.items.aggregate(last=Max("position"))["last"] or 0
    item = AgendaItem.objects.create(
        consultation=consultation,
        case=case,
        question=question,
        position=position + 1,
        added_by=actor,
        added_by_organisation=actor.acting_organisation,
    )
    timeline_record(
        actor=actor,
        case=case,
        kind=TimelineEventKind.AGENDA_ADDED,
        summary=_("Op de agenda van %(meeting)s. Vraag: %(question)s")
        % {"meeting": _meeting_label(consultation), "question": question},
        data={"consultation": str(consultation.uuid)},
    )
    return item


def _lock_item(*, actor, item: AgendaItem) -> AgendaItem:
    """The item with its meeting open and its case locked under the content rule."""
    item = AgendaItem.objects.select_related("consultation", "case").get(pk=item.pk)
    item.consultation = _open_meeting(actor=actor, consultation=item.consultation)
    item.case = case_lock_visible(actor=actor, case=item.case, category=DataCategory.PLAN)
    return item


@transaction.atomic
def agenda_record_consent(
    *, actor, item: AgendaItem, ground: str, given_by=None, note: str = ""
) -> AgendaItem:
    """Record why this case may be discussed in this meeting: the consent of a household
    member aged 16 or over, or a legal ground with its justification."""
    item = _lock_item(actor=actor, item=item)
    if ground not in SharingGround.values:
        raise ValidationError({"ground": _("Kies de grond om de casus te bespreken.")})
    if ground == SharingGround.CONSENT:
        members = item.case.household.members.all()
        if given_by is None or not members.filter(pk=given_by.pk).exists():
            raise ValidationError({"given_by": _("Kies wie uit het huishouden toestemming gaf.")})
        age = given_by.age_on(timezone.localdate())
        if age is not None and age < AGE_OWN_CONSENT:
            raise ValidationError({"given_by": _("Toestemming geeft iemand van 16 jaar of ouder.")})
    else:
        given_by = None
        if not note.strip():
            raise ValidationError({"note": _("Leg uit waarom deze grond van toepassing is.")})
    item.consent_ground, item.consent_given_by, item.consent_note = ground, given_by, note.strip()
    item.consent_recorded_by, item.consent_recorded_at = actor, timezone.now()
    item.save(
        update_fields=[
            "consent_ground",
            "consent_given_by",
            "consent_note",
            "consent_recorded_by",
            "consent_recorded_at",
        ]
    )
    who = given_by.full_name if given_by else SharingGround(ground).label
    timeline_record(
        actor=actor,
        case=item.case,
        kind=TimelineEventKind.CONSENT_RECORDED,
        summary=_("Bespreken in %(meeting)s mag: %(who)s.")
        % {"meeting": _meeting_label(item.consultation), "who": who},
    )
    return item


def _discussable(*, actor, item: AgendaItem) -> AgendaItem:
    item = _lock_item(actor=actor, item=item)
    if not item.may_be_discussed:
        raise ValidationError(
            _("Leg eerst vast dat het huishouden instemt met bespreken (of op welke grond).")
        )
    return item


@transaction.atomic
def minutes_record(*, actor, item: AgendaItem, summary: str) -> AgendaItem:
    item = _discussable(actor=actor, item=item)
    summary = summary.strip()
    if not summary:
        raise ValidationError({"summary": _("Vat samen wat besproken is.")})
    item.summary, item.minutes_by = summary, actor
    item.discussed_at = item.discussed_at or timezone.now()
    item.save(update_fields=["summary", "minutes_by", "discussed_at"])
    timeline_record(
        actor=actor,
        case=item.case,
        kind=TimelineEventKind.DISCUSSED,
        summary=_("Besproken in %(meeting)s: %(summary)s")
        % {"meeting": _meeting_label(item.consultation), "summary": summary},
    )
    return item


@transaction.atomic
def decision_record(
    *,
    actor,
    item: AgendaItem,
    kind: str,
    text: str,
    coordinator=None,
    coordinator_organisation=None,
    escalation_level: int | None = None,
) -> Decision:
    """Record a decision; an agreed coordinator or an escalation changes the case through the
    case services, which check who may decide and put it on the timeline."""
    item = _discussable(actor=actor, item=item)
    text = text.strip()
    if not text:
        raise ValidationError({"text": _("Schrijf het besluit op.")})
    origin = _("Besluit in %(meeting)s.") % {"meeting": _meeting_label(item.consultation)}
    if kind == DecisionKind.COORDINATOR:
        if coordinator is None or coordinator_organisation is None:
            raise ValidationError({"coordinator": _("Kies de regisseur en de organisatie.")})
        case_set_coordinator(
            actor=actor,
            case=item.case,
            coordinator=coordinator,
            organisation=coordinator_organisation,
            note=f"{origin} {text}",
        )
    elif kind == DecisionKind.ESCALATION:
        if escalation_level is None:
            raise ValidationError({"escalation_level": _("Kies het opschalingsniveau.")})
        case_escalate(
            actor=actor, case=item.case, level=escalation_level, reason=f"{origin} {text}"
        )
    elif kind == DecisionKind.OTHER:
        timeline_record(
            actor=actor,
            case=item.case,
            kind=TimelineEventKind.MEETING_DECISION,
            summary=f"{origin} {text}",
        )
    else:
        raise ValidationError({"kind": _("Kies de soort besluit.")})
    item.discussed_at = item.discussed_at or timezone.now()
    item.save(update_fields=["discussed_at"])
    return Decision.objects.create(item=item, kind=kind, text=text, recorded_by=actor)


def _goal_for(*, actor, case: Case, goal: Goal | None, life_domain: str, goal_title: str) -> Goal:
    """The goal the agreement serves: a goal of the case's plan, or a new one."""
    plan = Plan.objects.filter(case=case).first() or plan_create(actor=actor, case=case)
    if goal is not None:
        if goal.plan_id != plan.pk:
            raise ValidationError({"goal": _("Kies een doel uit het plan van dit huishouden.")})
        return goal
    if not goal_title.strip():
        raise ValidationError({"goal": _("Kies een doel uit het plan of maak een nieuw doel.")})
    return goal_add(actor=actor, plan=plan, life_domain=life_domain, title=goal_title)


@transaction.atomic
def agreement_add(
    *,
    actor,
    item: AgendaItem,
    description: str,
    owner: Owner,
    due_date: datetime.date | None,
    goal: Goal | None = None,
    life_domain: str = "",
    goal_title: str = "",
) -> Agreement:
    """An agreement from the meeting becomes an action in the household's plan, linked both
    ways; the plan services check the owner and put the action on the timeline."""
    item = _discussable(actor=actor, item=item)
    description = description.strip()
    if not description:
        raise ValidationError({"description": _("Schrijf op wat is afgesproken.")})
    if due_date is None:
        raise ValidationError({"due_date": _("Spreek af wanneer het klaar is.")})
    goal = _goal_for(
        actor=actor, case=item.case, goal=goal, life_domain=life_domain, goal_title=goal_title
    )
    action = action_add(
        actor=actor,
        goal=goal,
        description=description,
        owner=owner,
        due_date=due_date,
        origin=_("Afspraak uit %(meeting)s.") % {"meeting": _meeting_label(item.consultation)},
    )
    item.discussed_at = item.discussed_at or timezone.now()
    item.save(update_fields=["discussed_at"])
    return Agreement.objects.create(
        item=item, action=action, description=description, recorded_by=actor
    )


@transaction.atomic
def consultation_close(*, actor, consultation: Consultation) -> Consultation:
    """The chair closes the minutes; from then on they are fixed (the PDF stays the same)."""
    consultation = _open_meeting(actor=actor, consultation=consultation)
    if consultation.chair_id != actor.pk:
        raise ValidationError(_("De voorzitter rondt het verslag af."))
    consultation.minutes_closed_at = timezone.now()
    consultation.save(update_fields=["minutes_closed_at"])
    return consultation


@transaction.atomic
def policy_signal_raise(
    *,
    actor,
    theme: str,
    title: str,
    description: str,
    consultation: Consultation | None = None,
    municipality=None,
) -> PolicySignal:
    """Raise a bottleneck or lesson. It is refused while it names anyone from the cases of the
    meeting it comes from, or holds details personal by their form."""
    names, references = [], []
    if consultation is not None:
        consultation = Consultation.objects.visible_to(actor).get(pk=consultation.pk)
        municipality = consultation.municipality
        for item in consultation.items.select_related("case__household"):
            names += household_names(item.case)
            references.append(item.case.reference)
    if municipality is None:
        raise ValidationError({"municipality": _("Kies voor welke gemeente het signaal is.")})
    organisation = actor.acting_organisation
    if organisation is None:
        raise ValidationError(_("U werkt niet namens een organisatie."))
    signal = PolicySignal(
        theme=theme,
        title=title.strip(),
        description=description.strip(),
        municipality=municipality,
        consultation=consultation,
        raised_by=actor,
        raised_by_organisation=organisation,
    )
    signal.full_clean()
    for field in ("title", "description"):
        _refuse_identifying(getattr(signal, field), field=field, names=names, references=references)
    signal.save()
    return signal


def may_respond(user, signal: PolicySignal) -> bool:
    return (
        policy.policy_role_municipality_ids(user).filter(municipality_id=signal.municipality_id)
    ).exists()


@transaction.atomic
def policy_signal_respond(
    *, actor, signal: PolicySignal, status: str, response: str
) -> PolicySignal:
    """A team leader, director or policy officer of the municipality answers the signal."""
    signal = PolicySignal.objects.select_for_update().get(pk=signal.pk)
    if not may_respond(actor, signal):
        raise ValidationError(
            _("Een teamleider, directeur of beleidsmedewerker van de gemeente reageert.")
        )
    if status not in PolicySignalStatus.values:
        raise ValidationError({"status": _("Kies een status.")})
    if status != PolicySignalStatus.OPEN and not response.strip():
        raise ValidationError({"response": _("Schrijf een reactie voor de deelnemers.")})
    signal.status, signal.response = status, response.strip()
    signal.responded_by, signal.responded_at = actor, timezone.now()
    signal.save(update_fields=["status", "response", "responded_by", "responded_at"])
    return signal
