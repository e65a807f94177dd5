"""Every change to a household plan goes through these functions.

Each locks the case row through ``visible_to(actor)`` (only involved professionals change a plan,
and changes to one plan never interleave), validates, checks the editor's ``lock_version`` so a
concurrent edit is refused instead of overwritten, and records the change on the case timeline,
which also writes the access log. Changing goals or actions of an agreed plan opens the next
draft version; agreeing freezes the content as an immutable ``PlanVersion``.
"""

import datetime
from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import F, Prefetch
from django.utils import timezone
from django.utils.translation import gettext as _

from eenplan.cases.constants import CaseStatus, DataCategory, TimelineEventKind
from eenplan.cases.services import case_lock_visible, case_transition, timeline_record
from eenplan.common.locking import ConflictError, save_if_unchanged
from eenplan.plans.constants import (
    OPEN_ACTION_STATUSES,
    ActionStatus,
    AgreementMethod,
    GoalResult,
    OwnerKind,
)
from eenplan.plans.models import (
    Action,
    Commitment,
    Goal,
    GoalEvaluation,
    Plan,
    PlanVersion,
    ProfessionalPlanLink,
)
from eenplan.plans.versions import plan_snapshot
from eenplan.privacy import policy
from eenplan.signals.services import signals_refresh_case


@dataclass(frozen=True)
class Owner:
    """Who does an action: an organisation (optionally a named professional), a household member
    or someone from the household's own network."""

    kind: OwnerKind
    organisation: object | None = None
    professional: object | None = None
    person: object | None = None
    network_member: object | None = None


def _lock(*, actor, plan: Plan, household: bool = False) -> Plan:
    """The plan, fresh, after locking its open case; ``Case.DoesNotExist`` when not visible.

    ``household=True``: a member of the household may act too (agreeing, ticking own actions).
    """
    case = case_lock_visible(
        actor=actor, case=plan.case, category=DataCategory.PLAN, household=household
    )
    if case.is_closed:
        raise ValidationError(_("De casus is afgesloten: het plan verandert niet meer."))
    plan = Plan.objects.get(pk=plan.pk)
    plan.case = case
    return plan


def _record(*, actor, plan: Plan, kind=TimelineEventKind.PLAN_CHANGED, summary: str) -> None:
    timeline_record(actor=actor, case=plan.case, kind=kind, summary=summary)


def _content_changed(*, actor, plan: Plan, summary: str) -> None:
    """Goals or actions changed: count the revision and, if the plan was agreed, open a draft."""
    opens_draft = not plan.is_draft
    Plan.objects.filter(pk=plan.pk).update(
        revision=F("revision") + 1,
        is_draft=True,
        version_number=F("version_number") + int(opens_draft),
        updated_at=timezone.now(),
    )
    plan.refresh_from_db(fields=["revision", "is_draft", "version_number"])
    if opens_draft:
        summary += " " + _("Nieuw concept: versie %(n)s.") % {"n": plan.version_number}
    _record(actor=actor, plan=plan, summary=summary)


@transaction.atomic
def plan_create(*, actor, case) -> Plan:
    case = case_lock_visible(actor=actor, case=case, category=DataCategory.PLAN)
    if case.is_closed:
        raise ValidationError(_("Een afgesloten casus krijgt geen nieuw plan."))
    if Plan.objects.filter(case=case).exists():
        raise ValidationError(_("Dit huishouden heeft al een plan: één gezin, één plan."))
    plan = Plan.objects.create(case=case)
    _record(actor=actor, plan=plan, summary=_("Plan gestart (concept versie 1)."))
    signals_refresh_case(case=case)
    return plan


@transaction.atomic
def plan_update(
    *,
    actor,
    plan: Plan,
    lock_version: int,
    strengths: str,
    concerns: str,
    evaluation_date: datetime.date | None,
) -> Plan:
    plan = _lock(actor=actor, plan=plan)
    plan.strengths, plan.concerns = strengths.strip(), concerns.strip()
    plan.evaluation_date = evaluation_date
    save_if_unchanged(
        plan,
        lock_version=lock_version,
        fields=["strengths", "concerns", "evaluation_date", "updated_at"],
    )
    _content_changed(actor=actor, plan=plan, summary=_("Sterke punten, zorgen of evaluatiedatum."))
    signals_refresh_case(case=plan.case)
    return plan


@transaction.atomic
def goal_add(*, actor, plan: Plan, life_domain: str, title: str, description: str = "") -> Goal:
    plan = _lock(actor=actor, plan=plan)
    goal = Goal(
        plan=plan,
        life_domain=life_domain,
        title=title.strip(),
        description=description.strip(),
        position=plan.goals.count() + 1,
    )
    goal.full_clean()
    goal.save()
    _content_changed(actor=actor, plan=plan, summary=_("Doel toegevoegd: %s.") % goal.title)
    signals_refresh_case(case=plan.case)
    return goal


@transaction.atomic
def goal_update(
    *, actor, goal: Goal, lock_version: int, life_domain: str, title: str, description: str = ""
) -> Goal:
    plan = _lock(actor=actor, plan=goal.plan)
    goal.life_domain, goal.title, goal.description = life_domain, title.strip(), description.strip()
    save_if_unchanged(
        goal, lock_version=lock_version, fields=["life_domain", "title", "description"]
    )
    _content_changed(actor=actor, plan=plan, summary=_("Doel gewijzigd: %s.") % goal.title)
    signals_refresh_case(case=plan.case)
    return goal


@transaction.atomic
def goal_remove(*, actor, goal: Goal, lock_version: int) -> None:
    plan = _lock(actor=actor, plan=goal.plan)
    if not Goal.objects.filter(pk=goal.pk, lock_version=lock_version).delete()[0]:
        raise ConflictError
    _content_changed(actor=actor, plan=plan, summary=_("Doel verwijderd: %s.") % goal.title)
    signals_refresh_case(case=plan.case)


def _owner_fields(*, case, owner: Owner) -> dict:
    """The owner as model fields, after checking it belongs to this case."""
    fields = {
        "owner_kind": owner.kind,
        "owner_organisation": None,
        "owner_professional": None,
        "owner_person": None,
        "owner_network_member": None,
    }
    if owner.kind == OwnerKind.ORGANISATION:
        involved = case.involvements.active().filter(organisation=owner.organisation)
        if owner.organisation is None or not involved.exists():
            raise ValidationError({"owner": _("Kies een organisatie die betrokken is.")})
        if owner.professional is not None and not _works_for(
            owner.professional, owner.organisation
        ):
            raise ValidationError({"owner": _("Deze professional werkt niet bij de organisatie.")})
        fields.update(owner_organisation=owner.organisation, owner_professional=owner.professional)
    elif owner.kind == OwnerKind.HOUSEHOLD_MEMBER:
        if owner.person is None or not case.household.members.filter(pk=owner.person.pk).exists():
            raise ValidationError({"owner": _("Kies iemand uit het huishouden.")})
        fields["owner_person"] = owner.person
    elif owner.kind == OwnerKind.NETWORK_MEMBER:
        member = owner.network_member
        if member is None or member.household_id != case.household_id:
            raise ValidationError({"owner": _("Kies iemand uit het eigen netwerk.")})
        fields["owner_network_member"] = member
    else:
        raise ValidationError({"owner": _("Kies wie de actie doet.")})
    return fields


def _is_involved(plan: Plan, organisation) -> bool:
    return plan.case.involvements.active().filter(organisation=organisation).exists()


def _works_for(user, organisation) -> bool:
    return policy.working_organisation_ids(user).filter(organisation_id=organisation.pk).exists()


@transaction.atomic
def action_add(
    *,
    actor,
    goal: Goal,
    description: str,
    owner: Owner,
    due_date: datetime.date | None = None,
    origin: str = "",
) -> Action:
    """Add an action; ``origin`` says on the timeline where it was agreed (a meeting)."""
    plan = _lock(actor=actor, plan=goal.plan)
    action = Action(
        goal=goal,
        description=description.strip(),
        due_date=due_date,
        position=goal.actions.count() + 1,
        **_owner_fields(case=plan.case, owner=owner),
    )
    action.full_clean()
    action.save()
    summary = _("Actie toegevoegd voor %(owner)s.") % {"owner": action.owner_label}
    _content_changed(actor=actor, plan=plan, summary=f"{summary} {origin}".strip())
    signals_refresh_case(case=plan.case)
    return action


@transaction.atomic
def action_update(
    *,
    actor,
    action: Action,
    lock_version: int,
    description: str,
    owner: Owner,
    due_date: datetime.date | None,
) -> Action:
    plan = _lock(actor=actor, plan=action.goal.plan)
    owner_fields = _owner_fields(case=plan.case, owner=owner)
    for name, value in owner_fields.items():
        setattr(action, name, value)
    action.description, action.due_date = description.strip(), due_date
    save_if_unchanged(
        action,
        lock_version=lock_version,
        fields=["description", "due_date", "updated_at", *owner_fields],
    )
    summary = _("Actie gewijzigd voor %(owner)s.") % {"owner": action.owner_label}
    _content_changed(actor=actor, plan=plan, summary=summary)
    signals_refresh_case(case=plan.case)
    return action


@transaction.atomic
def action_set_status(
    *, actor, action: Action, lock_version: int, status: str, cancel_reason: str = ""
) -> Action:
    """Progress of an action. Execution, not plan content: it opens no new draft.

    A household member may tick off (or reopen) an action they own themself."""
    plan = _lock(actor=actor, plan=action.goal.plan, household=True)
    if status not in ActionStatus.values:
        raise ValidationError({"status": _("Onbekende status.")})
    if actor.is_citizen:
        _check_own_action(actor=actor, action=action, status=status)
    if status == ActionStatus.CANCELLED and not cancel_reason.strip():
        raise ValidationError({"cancel_reason": _("Schrijf op waarom de actie niet doorgaat.")})
    action.status = status
    action.cancel_reason = cancel_reason.strip() if status == ActionStatus.CANCELLED else ""
    if status in OPEN_ACTION_STATUSES:
        action.completed_at = None
    elif action.completed_at is None:
        action.completed_at = timezone.now()
    save_if_unchanged(
        action,
        lock_version=lock_version,
        fields=["status", "cancel_reason", "completed_at", "updated_at"],
    )
    _record(
        actor=actor,
        plan=plan,
        kind=TimelineEventKind.ACTION_PROGRESS,
        summary=_("Actie van %(owner)s: %(status)s.")
        % {"owner": action.owner_label, "status": ActionStatus(status).label.lower()},
    )
    signals_refresh_case(case=plan.case)
    return action


def _check_own_action(*, actor, action: Action, status: str) -> None:
    if action.owner_person_id is None or action.owner_person_id != actor.citizen.person_id:
        raise ValidationError(_("U kunt alleen uw eigen acties afvinken."))
    if status not in (ActionStatus.DONE, ActionStatus.OPEN):
        raise ValidationError({"status": _("Zet de actie op klaar of weer open.")})


def _check_agreement(*, actor, plan: Plan, agreed_by: list, method: str) -> None:
    if not plan.is_draft:
        raise ValidationError(_("Deze versie is al vastgesteld. Wijzig het plan voor een nieuwe."))
    if not plan.goals.exists():
        raise ValidationError(_("Een plan zonder doelen kan niet worden vastgesteld."))
    member_ids = set(plan.case.household.members.values_list("pk", flat=True))
    if not agreed_by or any(person.pk not in member_ids for person in agreed_by):
        raise ValidationError({"agreed_by": _("Kies wie in het huishouden heeft ingestemd.")})
    if method not in AgreementMethod.values:
        raise ValidationError({"method": _("Kies hoe het huishouden heeft ingestemd.")})
    if actor.is_citizen and (
        [p.pk for p in agreed_by] != [actor.citizen.person_id] or method != AgreementMethod.DIGITAL
    ):
        raise ValidationError(_("In het portaal stemt u alleen voor uzelf in."))


def _plan_for_snapshot(plan: Plan) -> Plan:
    return (
        Plan.objects.select_related("case__household")
        .prefetch_related(
            "case__other_questions",
            Prefetch(
                "goals__actions",
                queryset=Action.objects.select_related(
                    "owner_organisation",
                    "owner_professional",
                    "owner_person",
                    "owner_network_member",
                ),
            ),
        )
        .get(pk=plan.pk)
    )


@transaction.atomic
def plan_agree(
    *,
    actor,
    plan: Plan,
    revision: int,
    agreed_by: list,
    method: str,
    agreed_on: datetime.date | None = None,
) -> PlanVersion:
    """Record that the household agreed this draft: it becomes an immutable numbered version.

    ``revision`` is the content revision the household saw; if the plan changed since, nothing
    is agreed. The actor's organisation commits to the version; a case in `plan` moves on to
    `uitvoering`. A household member agrees for themself only, digitally, in the portal.
    """
    plan = _lock(actor=actor, plan=plan, household=True)
    _check_agreement(actor=actor, plan=plan, agreed_by=agreed_by, method=method)
    if plan.revision != revision:
        raise ConflictError
    version = PlanVersion.objects.create(
        plan=plan,
        number=plan.version_number,
        content=plan_snapshot(_plan_for_snapshot(plan)),
        agreed_on=agreed_on or timezone.localdate(),
        agreement_method=method,
        recorded_by=actor,
    )
    version.agreed_by.set(agreed_by)
    Plan.objects.filter(pk=plan.pk).update(is_draft=False, updated_at=timezone.now())
    organisation = actor.acting_organisation
    if organisation and _is_involved(plan, organisation):
        Commitment.objects.create(version=version, organisation=organisation, committed_by=actor)
    _record(
        actor=actor,
        plan=plan,
        kind=TimelineEventKind.PLAN_AGREED,
        summary=_("Plan versie %(n)s vastgesteld (%(how)s) met %(who)s.")
        % {
            "n": version.number,
            "how": AgreementMethod(method).label.lower(),
            "who": ", ".join(person.full_name for person in agreed_by),
        },
    )
    if plan.case.status == CaseStatus.PLAN:
        case_transition(actor=actor, case=plan.case, to_status=CaseStatus.EXECUTION, household=True)
    signals_refresh_case(case=plan.case)
    return version


@transaction.atomic
def plan_agree_also(*, actor, version: PlanVersion) -> PlanVersion:
    """A household member joins the agreement of the current version in the portal (another
    member, or a professional on paper, agreed it first)."""
    plan = _lock(actor=actor, plan=version.plan, household=True)
    person = actor.citizen.person
    if plan.is_draft or version.number != plan.version_number:
        raise ValidationError(_("Dit is niet meer de geldende versie van het plan."))
    if version.agreed_by.filter(pk=person.pk).exists():
        raise ValidationError(_("U heeft al ingestemd met deze versie."))
    version.agreed_by.add(person)
    _record(
        actor=actor,
        plan=plan,
        kind=TimelineEventKind.PLAN_AGREED,
        summary=_("%(who)s stemt digitaal in met plan versie %(n)s.")
        % {"who": person.full_name, "n": version.number},
    )
    return version


@transaction.atomic
def plan_commit(*, actor, version: PlanVersion) -> Commitment:
    """The actor's organisation commits to an agreed version of the plan."""
    plan = _lock(actor=actor, plan=version.plan)
    organisation = actor.acting_organisation
    if organisation is None or not _is_involved(plan, organisation):
        raise ValidationError(_("Alleen een betrokken organisatie verbindt zich aan het plan."))
    commitment, created = Commitment.objects.get_or_create(
        version=version, organisation=organisation, defaults={"committed_by": actor}
    )
    if created:
        _record(
            actor=actor,
            plan=plan,
            kind=TimelineEventKind.PLAN_COMMITTED,
            summary=_("%(org)s verbindt zich aan plan versie %(n)s.")
            % {"org": organisation.name, "n": version.number},
        )
    return commitment


@transaction.atomic
def plan_start_evaluation(*, actor, plan: Plan) -> Plan:
    """Move the case to `evaluatie` through the state machine."""
    plan = _lock(actor=actor, plan=plan)
    case_transition(actor=actor, case=plan.case, to_status=CaseStatus.EVALUATION)
    signals_refresh_case(case=plan.case)
    return plan


@transaction.atomic
def goal_evaluate(*, actor, goal: Goal, result: str, note: str = "") -> GoalEvaluation:
    plan = _lock(actor=actor, plan=goal.plan)
    if result not in GoalResult.values:
        raise ValidationError({"result": _("Kies bereikt, deels bereikt of niet bereikt.")})
    evaluation = GoalEvaluation.objects.create(
        goal=goal,
        version_number=plan.version_number,
        result=result,
        note=note.strip(),
        evaluated_by=actor,
    )
    _record(
        actor=actor,
        plan=plan,
        kind=TimelineEventKind.GOAL_EVALUATED,
        summary=_("Doel '%(goal)s': %(result)s.")
        % {"goal": goal.title, "result": GoalResult(result).label.lower()},
    )
    signals_refresh_case(case=plan.case)
    return evaluation


@transaction.atomic
def professional_plan_link(
    *, actor, goal: Goal, reference: str, summary: str = ""
) -> ProfessionalPlanLink:
    """Link the actor's organisation's own plan to the joint goal it serves."""
    plan = _lock(actor=actor, plan=goal.plan)
    organisation = actor.acting_organisation
    if organisation is None or not _is_involved(plan, organisation):
        raise ValidationError(_("Alleen een betrokken organisatie koppelt een eigen plan."))
    link = ProfessionalPlanLink(
        goal=goal, organisation=organisation, reference=reference.strip(), summary=summary.strip()
    )
    link.full_clean()
    link.save()
    _record(
        actor=actor,
        plan=plan,
        summary=_("%(org)s koppelt een eigen plan aan doel '%(goal)s'.")
        % {"org": organisation.name, "goal": goal.title},
    )
    return link
