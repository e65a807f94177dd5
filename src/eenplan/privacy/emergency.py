"""Break-the-glass (noodtoegang): opening a case one does not work on, in an emergency.

A professional who works on cases (a crisis service at night, say) finds the household by BSN
or case reference, states why, chooses what they need to see and for how long (at most
``EMERGENCY_ACCESS_MAX_HOURS``). The access is theirs alone, not their organisation's, and the
access rule (``policy.emergency_case_ids``) honours it until it expires or they end it. Opening
it is logged with the processing activity "noodtoegang"; every read during it is logged as
usual; the privacy officer reviews each one afterwards, and the household sees it in Mijn
EenPlan.
"""

import datetime
import uuid
from dataclasses import dataclass

from django.conf import settings
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.db.models import F, QuerySet
from django.shortcuts import get_object_or_404
from django.utils import timezone
from django.utils.translation import gettext as _

from eenplan.cases.constants import CaseStatus, DataCategory
from eenplan.cases.models import Case
from eenplan.people.models import Person
from eenplan.privacy import policy
from eenplan.privacy.constants import Action, ProcessingActivity, ReviewOutcome
from eenplan.privacy.models import AccessLogEntry, EmergencyAccess
from eenplan.privacy.services import access_log_write
from eenplan.tenancy.constants import CASE_WORKER_ROLES

MIN_REASON_LENGTH = 20


def may_open(user) -> bool:
    """Only professionals who work on cases may break the glass."""
    return bool(
        user.is_authenticated
        and not user.is_citizen
        and any(m.role in CASE_WORKER_ROLES for m in user.active_memberships)
    )


def _subjects(cases: list[Case]) -> list[tuple[Case, Person | None]]:
    """(case, member) for every member of each case's household, in one query."""
    by_household: dict[int, list[Person]] = {}
    members = Person.objects.filter(
        memberships__household_id__in={case.household_id for case in cases}
    ).annotate(household_id=F("memberships__household_id"))
    for person in members:
        by_household.setdefault(person.household_id, []).append(person)
    return [
        (case, person) for case in cases for person in by_household.get(case.household_id, [])
    ] or [(case, None) for case in cases]


def _log(actor, cases: list[Case], name: str, action: Action = Action.READ) -> None:
    if cases:
        access_log_write(
            actor=actor,
            action=action,
            name=name,
            subjects=_subjects(cases),
            activity=ProcessingActivity.EMERGENCY_ACCESS,
        )


def emergency_cases_find(*, user, bsn: str = "", reference: str = "") -> list[Case]:
    """The open cases of the households of the person with this BSN, or the case with this
    reference: whether the user works on them or not. A hit is logged as an emergency search."""
    if not may_open(user):
        raise PermissionDenied
    if reference:
        cases = Case.objects.filter(reference=reference.strip().upper())
    elif bsn:
        persons = Person.objects.with_bsn(bsn)
        cases = Case.objects.filter(household__memberships__person__in=persons)
    else:
        return []
    found = list(
        cases.exclude(status=CaseStatus.CLOSED).select_related("household").distinct()[:10]
    )
    _log(user, found, "noodtoegang: huishouden zoeken", Action.SEARCH)
    return found


def emergency_case_get(*, user, case_uuid: uuid.UUID) -> Case:
    """The open case to open in an emergency, whether the user works on it or not."""
    if not may_open(user):
        raise PermissionDenied
    return get_object_or_404(
        Case.objects.exclude(status=CaseStatus.CLOSED).select_related("household"),
        uuid=case_uuid,
    )


def emergency_access_open(
    *, actor, case: Case, reason: str, categories: list[str], hours: int
) -> EmergencyAccess:
    """Open ``case`` for ``actor`` for ``hours`` hours, for the content ``categories`` (none:
    only the known level — who is involved and whom to call)."""
    if not may_open(actor):
        raise PermissionDenied
    reason = reason.strip()
    if len(reason) < MIN_REASON_LENGTH:
        raise ValidationError(
            {"reason": _("Beschrijf de noodsituatie in minstens %d tekens.") % MIN_REASON_LENGTH}
        )
    if not 1 <= hours <= settings.EMERGENCY_ACCESS_MAX_HOURS:
        raise ValidationError(
            {
                "hours": _("Kies tussen 1 en %d uur.") % settings.EMERGENCY_ACCESS_MAX_HOURS,
            }
        )
    unknown = set(categories) - set(DataCategory.values)
    if unknown:
        raise ValidationError({"categories": _("Onbekend soort gegevens.")})
    if case.is_closed:
        raise ValidationError(_("Deze casus is afgesloten."))
    already = EmergencyAccess.objects.active().filter(user=actor, case=case).first()
    if already:
        return already
    if Case.objects.visible_to(actor).filter(pk=case.pk).exists():
        raise ValidationError(_("U werkt al aan deze casus: noodtoegang is niet nodig."))
    now = timezone.now()
    with transaction.atomic():
        access = EmergencyAccess.objects.create(
            user=actor,
            organisation=actor.acting_organisation,
            case=case,
            reason=reason,
            started_at=now,
            expires_at=now + datetime.timedelta(hours=hours),
            **{name: category in categories for category, name in policy.CATEGORY_FIELDS.items()},
        )
        _log(actor, [case], "noodtoegang geopend", Action.READ)
    return access


def emergency_access_end(*, actor, access: EmergencyAccess) -> EmergencyAccess:
    """The user ends their own access before it expires."""
    if access.user_id != actor.pk:
        raise PermissionDenied
    if access.ended_at is None and access.expires_at > timezone.now():
        access.ended_at = timezone.now()
        access.save(update_fields=["ended_at"])
    return access


def emergency_access_review(
    *, actor, access: EmergencyAccess, outcome: str, note: str
) -> EmergencyAccess:
    """The privacy officer's judgement; an unjustified access needs an explanation (what
    follows: a talk with the professional, a report to the data protection officer)."""
    if not policy.may_read_access_log(actor) or access.user_id == actor.pk:
        raise PermissionDenied
    if outcome not in ReviewOutcome.values:
        raise ValidationError({"outcome": _("Kies een oordeel.")})
    note = note.strip()
    if outcome == ReviewOutcome.NOT_JUSTIFIED and not note:
        raise ValidationError(
            {"note": _("Leg uit waarom de toegang onterecht was en wat er nu gebeurt.")}
        )
    access.reviewed_by, access.reviewed_at = actor, timezone.now()
    access.review_outcome, access.review_note = outcome, note
    access.save(update_fields=["reviewed_by", "reviewed_at", "review_outcome", "review_note"])
    return access


# Selectors


def own_emergency_accesses(user) -> QuerySet:
    """The user's own accesses, newest first: the open ones to use or end, the past ones."""
    return EmergencyAccess.objects.filter(user=user.pk).select_related("case", "organisation")


def review_queue(user) -> QuerySet:
    """For privacy officers: every access, those not yet reviewed first."""
    if not policy.may_read_access_log(user):
        raise PermissionDenied
    return EmergencyAccess.objects.select_related(
        "user", "organisation", "case", "reviewed_by"
    ).order_by(F("reviewed_at").asc(nulls_first=True), "-started_at")


@dataclass(frozen=True)
class Review:
    access: EmergencyAccess
    entries: list[AccessLogEntry]


def review_get(user, access_uuid: uuid.UUID) -> Review:
    """One access with what the professional did during it, from the access log."""
    access = get_object_or_404(review_queue(user), uuid=access_uuid)
    entries = AccessLogEntry.objects.filter(
        actor_id=access.user_id,
        case_uuid=access.case.uuid,
        start_time__gte=access.started_at,
        start_time__lte=access.closes_at,
    ).order_by("start_time", "pk")
    return Review(access=access, entries=list(entries[:500]))


def active_access(user, case: Case | None) -> EmergencyAccess | None:
    """The user's open emergency access to ``case``, to remind them on the case's pages."""
    if case is None:
        return None
    return EmergencyAccess.objects.active().filter(user=user.pk, case=case).first()


def own_access_get(user, access_uuid: uuid.UUID) -> EmergencyAccess:
    return get_object_or_404(own_emergency_accesses(user), uuid=access_uuid)
