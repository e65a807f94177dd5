"""Every change to a case goes through these functions.

Each is keyword-only and transactional; it re-reads the case through ``visible_to(actor)`` with a
row lock (so a user who may not see a case cannot change it either, and two changes never
interleave), validates, saves, adds a timeline event and writes the access log. Changes the
signal rules read (involvements, coordinator, status) re-evaluate the case's signals.
"""

import datetime

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from eenplan.cases import workflow
from eenplan.cases.constants import (
    CaseStatus,
    ClosingReason,
    DataCategory,
    EscalationLevel,
    ServiceType,
    TimelineEventKind,
)
from eenplan.cases.models import Case, HelpQuestion, Involvement, TimelineEvent
from eenplan.common.constants import LifeDomain
from eenplan.privacy import policy
from eenplan.privacy.constants import Action
from eenplan.privacy.services import access_log_write
from eenplan.signals import services as signal_services
from eenplan.tenancy.constants import CASE_WORKER_ROLES, OrganisationType
from eenplan.tenancy.models import Membership, Organisation


def case_lock_visible(
    *, actor, case: Case, category: DataCategory | None = None, household: bool = False
) -> Case:
    """The case re-read under a row lock; ``Case.DoesNotExist`` when the actor may not see it,
    or, with ``category``, when the actor's organisation holds no consent or basis for it.

    ``household=True`` lets a member of the case's household act through the portal (the
    services that allow it check what the member may do)."""
    if household and actor.is_citizen:
        rule = policy.own_household_case_visibility(actor)
    elif category is None:
        rule = policy.case_visibility(actor)
    else:
        rule = policy.case_content_visibility(actor, category)
    return (
        Case.objects.filter(rule)
        .select_related("household")
        .select_for_update(of=("self",))
        .get(pk=case.pk)
    )


def timeline_record(*, actor, case: Case, kind: TimelineEventKind, summary: str, data=None) -> None:
    TimelineEvent.objects.create(
        case=case,
        actor=actor,
        actor_organisation=actor.acting_organisation,
        kind=kind,
        summary=summary,
        data=data or {},
    )
    members = case.household.memberships.select_related("person")
    access_log_write(
        actor=actor,
        action=Action.UPDATE,
        name=str(kind.label).lower(),
        subjects=[(case, member.person) for member in members] or [(case, None)],
    )


def validate_life_domains(codes: list[str], field: str = "life_domains") -> list[str]:
    unknown = [code for code in codes if code not in LifeDomain.values]
    if unknown:
        raise ValidationError({field: _("Onbekend leefgebied: %s") % ", ".join(unknown)})
    return list(dict.fromkeys(codes))


def is_working_member(user, organisation: Organisation) -> bool:
    return policy.working_organisation_ids(user).filter(organisation_id=organisation.pk).exists()


@transaction.atomic
def case_open(
    *,
    actor,
    household,
    priority_question: str,
    service_type: ServiceType,
    priority_domain: str = "",
    other_questions: list[tuple[str, str]] = (),
    organisation: Organisation | None = None,
) -> Case:
    """Register (aanmelden) a case for a household.

    The registering organisation becomes the first involved organisation, with the actor as its
    contact. ``other_questions`` holds ``(text, life_domain)`` pairs after the priority question.
    """
    organisation = organisation or actor.acting_organisation
    if organisation is None or not is_working_member(actor, organisation):
        raise ValidationError(
            {"organisation": _("U kunt alleen aanmelden namens een organisatie waar u werkt.")}
        )
    if household.cases.open().exists():
        raise ValidationError(
            {"household": _("Dit huishouden heeft al een lopende casus: één gezin, één plan.")}
        )
    if not priority_question.strip():
        raise ValidationError({"priority_question": _("Vul de prio-vraag in.")})
    validate_life_domains([priority_domain] if priority_domain else [], "priority_domain")
    case = Case(
        household=household,
        reference=f"tmp-{timezone.now():%H%M%S%f}",
        priority_question=priority_question.strip(),
        priority_domain=priority_domain,
    )
    case.save()
    case.reference = f"EP-{case.opened_at:%Y}-{case.pk:06d}"
    case.save(update_fields=["reference"])
    HelpQuestion.objects.bulk_create(
        HelpQuestion(case=case, text=text, life_domain=domain, position=position)
        for position, (text, domain) in enumerate(other_questions, start=1)
    )
    Involvement.objects.create(
        case=case,
        organisation=organisation,
        contact=actor,
        service_type=service_type,
        life_domains=[priority_domain] if priority_domain else [],
        start_date=timezone.localdate(),
    ).persons.set(household.members.all())
    timeline_record(
        actor=actor,
        case=case,
        kind=TimelineEventKind.CASE_OPENED,
        summary=_("Aangemeld door %(org)s.") % {"org": organisation.name},
    )
    signal_services.signals_refresh_case(case=case)
    return case


@transaction.atomic
def case_transition(
    *,
    actor,
    case: Case,
    to_status: str,
    closing_reason: str = "",
    note: str = "",
    household: bool = False,
) -> Case:
    """Move the case to ``to_status`` if the state machine allows it.

    Closing needs a closing reason; reopening a closed case needs a note saying why.
    ``household``: the move follows from a household member's act in the portal (agreeing the
    plan starts its execution).
    """
    case = case_lock_visible(actor=actor, case=case, household=household)
    workflow.check_transition(case.status, to_status)
    previous = CaseStatus(case.status)
    kind = TimelineEventKind.STATUS_CHANGED
    if to_status == CaseStatus.CLOSED:
        if closing_reason not in ClosingReason.values:
            raise ValidationError(
                {"closing_reason": _("Kies een reden om de casus af te sluiten.")}
            )
        case.closing_reason, case.closing_note = closing_reason, note.strip()
        case.closed_at = timezone.now()
    elif previous == CaseStatus.CLOSED:
        if not note.strip():
            raise ValidationError({"note": _("Schrijf op waarom de casus weer opengaat.")})
        if case.household.cases.open().exists():
            raise ValidationError(
                {"status": _("Dit huishouden heeft al een lopende casus: één gezin, één plan.")}
            )
        kind = TimelineEventKind.CASE_REOPENED
        case.closing_reason, case.closing_note, case.closed_at = "", "", None
    if previous == CaseStatus.REFERRAL and case.intake_started_at is None:
        case.intake_started_at = timezone.now()
    case.status = to_status
    case.save()
    summary = _("Status van %(from)s naar %(to)s.") % {
        "from": previous.label,
        "to": CaseStatus(to_status).label,
    }
    timeline_record(
        actor=actor,
        case=case,
        kind=kind,
        summary=f"{summary} {note.strip()}".strip(),
        data={"from": previous.value, "to": to_status, "closing_reason": closing_reason},
    )
    signal_services.signals_refresh_case(case=case)
    return case


@transaction.atomic
def case_set_coordinator(
    *, actor, case: Case, coordinator, organisation: Organisation, note: str = ""
) -> Case:
    """Record the agreed coordinator: a professional of an organisation involved in the case.

    ``actor`` is who records the agreement; ``note`` says with whom and how it was agreed.
    """
    case = case_lock_visible(actor=actor, case=case)
    if not case.involvements.active().filter(organisation=organisation).exists():
        raise ValidationError(
            {"organisation": _("De regisseur komt van een organisatie die betrokken is.")}
        )
    if not is_working_member(coordinator, organisation):
        raise ValidationError(
            {"coordinator": _("De regisseur moet als professional bij deze organisatie werken.")}
        )
    case.coordinator, case.coordinator_organisation = coordinator, organisation
    case.save(update_fields=["coordinator", "coordinator_organisation", "updated_at"])
    names = {"name": coordinator.get_full_name() or coordinator.username, "org": organisation.name}
    timeline_record(
        actor=actor,
        case=case,
        kind=TimelineEventKind.COORDINATOR_SET,
        summary=f"{_('%(name)s (%(org)s) is regisseur.') % names} {note.strip()}".strip(),
        data={"coordinator": str(coordinator.uuid), "organisation": str(organisation.uuid)},
    )
    signal_services.signals_refresh_case(case=case)
    return case


@transaction.atomic
def case_escalate(*, actor, case: Case, level: int, reason: str, decision: str = "") -> Case:
    """Set the escalation level (1 to 5); every level above 1 needs a reason.

    ``decision`` records what was decided under the authority to decide (doorzettingsmacht);
    only the coordinator of the case or a professional of a municipality may record one.
    """
    case = case_lock_visible(actor=actor, case=case)
    if level not in EscalationLevel.values:
        raise ValidationError({"level": _("Het opschalingsniveau is 1 tot en met 5.")})
    if level > EscalationLevel.PROFESSIONALS and not reason.strip():
        raise ValidationError({"reason": _("Schrijf op waarom de casus wordt opgeschaald.")})
    if decision.strip() and not may_decide(actor, case):
        raise ValidationError(
            {"decision": _("Alleen de regisseur of de gemeente legt een besluit vast.")}
        )
    previous = case.escalation_level
    case.escalation_level, case.escalation_reason = level, reason.strip()
    case.escalation_decision = decision.strip()
    case.save(
        update_fields=[
            "escalation_level",
            "escalation_reason",
            "escalation_decision",
            "updated_at",
        ]
    )
    summary = _("Opschaling van niveau %(from)s naar %(to)s. %(reason)s") % {
        "from": previous,
        "to": level,
        "reason": reason.strip(),
    }
    if case.escalation_decision:
        summary += " " + _("Besluit: %(decision)s") % {"decision": case.escalation_decision}
    timeline_record(
        actor=actor,
        case=case,
        kind=TimelineEventKind.ESCALATION_CHANGED,
        summary=summary.strip(),
        data={"from": previous, "to": level, "decision": bool(case.escalation_decision)},
    )
    return case


def may_decide(actor, case: Case) -> bool:
    """Whether ``actor`` may record a decision under the authority to decide: the coordinator of
    the case or a case worker of a municipality."""
    if case.coordinator_id == actor.pk:
        return True
    return Membership.objects.filter(
        user=actor,
        is_active=True,
        role__in=CASE_WORKER_ROLES,
        organisation__type=OrganisationType.MUNICIPALITY,
    ).exists()


@transaction.atomic
def involvement_add(
    *,
    actor,
    case: Case,
    organisation: Organisation,
    service_type: ServiceType,
    life_domains: list[str],
    persons: list,
    contact=None,
    start_date: datetime.date | None = None,
    end_date: datetime.date | None = None,
) -> Involvement:
    """Record that an organisation works with (some persons of) the household."""
    case = case_lock_visible(actor=actor, case=case)
    return involvement_create(
        actor=actor,
        case=case,
        organisation=organisation,
        service_type=service_type,
        life_domains=life_domains,
        persons=persons,
        contact=contact,
        start_date=start_date,
        end_date=end_date,
    )


def involvement_create(
    *,
    actor,
    case: Case,
    organisation: Organisation,
    service_type: ServiceType,
    life_domains: list[str],
    persons: list,
    contact=None,
    start_date: datetime.date | None = None,
    end_date: datetime.date | None = None,
) -> Involvement:
    """Create an involvement in a case the caller has already locked and checked."""
    member_ids = set(case.household.memberships.values_list("person_id", flat=True))
    if not persons or any(person.pk not in member_ids for person in persons):
        raise ValidationError({"persons": _("Kies een of meer leden van dit huishouden.")})
    if (
        contact is not None
        and not Membership.objects.filter(
            user=contact, organisation=organisation, is_active=True
        ).exists()
    ):
        raise ValidationError({"contact": _("De contactpersoon werkt niet bij deze organisatie.")})
    involvement = Involvement(
        case=case,
        organisation=organisation,
        contact=contact,
        service_type=service_type,
        life_domains=validate_life_domains(life_domains),
        start_date=start_date or timezone.localdate(),
        end_date=end_date,
    )
    involvement.full_clean()
    involvement.save()
    involvement.persons.set(persons)
    timeline_record(
        actor=actor,
        case=case,
        kind=TimelineEventKind.INVOLVEMENT_ADDED,
        summary=_("%(org)s is betrokken: %(service)s.")
        % {"org": organisation.name, "service": ServiceType(service_type).label},
        data={"involvement": str(involvement.uuid)},
    )
    signal_services.signals_refresh_case(case=case)
    return involvement


@transaction.atomic
def involvement_end(
    *, actor, involvement: Involvement, end_date: datetime.date | None = None
) -> Involvement:
    case = case_lock_visible(actor=actor, case=involvement.case)
    involvement.end_date = end_date or timezone.localdate()
    involvement.full_clean()
    involvement.save(update_fields=["end_date"])
    timeline_record(
        actor=actor,
        case=case,
        kind=TimelineEventKind.INVOLVEMENT_ENDED,
        summary=_("Betrokkenheid van %(org)s beëindigd per %(date)s.")
        % {"org": involvement.organisation.name, "date": f"{involvement.end_date:%d-%m-%Y}"},
        data={"involvement": str(involvement.uuid)},
    )
    signal_services.signals_refresh_case(case=case)
    return involvement
