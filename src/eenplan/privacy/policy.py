"""Need-to-know: the one access rule for personal data in EenPlan.

A user sees a case when one of *their working organisations* has an active involvement in that case
(started, not ended) or coordinates it. Working organisations are those where the user holds an
active membership in a case-working role: uitvoerder, regisseur, wijkteamprofessional or consulent.
A household is visible when one of its cases is visible; a person when one of their households is.

Everyone else sees no case and no person: team leaders, directors and policy officers (they get
aggregates), privacy officers (they get the access log), functional admins (configuration),
anonymous users, and superusers: being a superuser grants nothing here, so the admin is no back
door.

The rule is one SQL condition built from EXISTS subqueries, applied through the ``visible_to(user)``
querysets of Case, Household and Person. Pages, the API, search, counts and the admin all filter in
the database with it, so a case you may not see behaves exactly like a case that does not exist.
"""

import datetime

from django.apps import apps
from django.db.models import Exists, OuterRef, Q, QuerySet
from django.utils import timezone

from eenplan.tenancy.constants import CASE_WORKER_ROLES, Role

NOTHING = Q(pk__in=[])


def working_organisation_ids(user) -> QuerySet:
    """Subquery of the organisations for which ``user`` works on cases."""
    membership = apps.get_model("tenancy", "Membership")
    return membership.objects.filter(
        user_id=user.pk, is_active=True, role__in=CASE_WORKER_ROLES
    ).values("organisation_id")


def active_involvement(on: datetime.date | None = None) -> Q:
    day = on or timezone.localdate()
    return Q(start_date__lte=day) & (Q(end_date__isnull=True) | Q(end_date__gte=day))


def _may_see_personal_data(user) -> bool:
    return bool(user and user.is_authenticated and user.is_active)


def case_visibility(user) -> Q:
    if not _may_see_personal_data(user):
        return NOTHING
    involvement = apps.get_model("cases", "Involvement")
    organisations = working_organisation_ids(user)
    involved = involvement.objects.filter(
        active_involvement(), case=OuterRef("pk"), organisation_id__in=organisations
    )
    return Q(Exists(involved)) | Q(coordinator_organisation_id__in=organisations)


def related_case_visibility(user, case_path: str) -> Q:
    """Visibility of data that belongs to one case (a plan, goal, action): that case's rule."""
    if not _may_see_personal_data(user):
        return NOTHING
    case = apps.get_model("cases", "Case")
    visible = case.objects.filter(case_visibility(user), pk=OuterRef(f"{case_path}_id"))
    return Q(Exists(visible))


def household_visibility(user) -> Q:
    if not _may_see_personal_data(user):
        return NOTHING
    case = apps.get_model("cases", "Case")
    return Q(Exists(case.objects.filter(case_visibility(user), household=OuterRef("pk"))))


def person_visibility(user) -> Q:
    if not _may_see_personal_data(user):
        return NOTHING
    case = apps.get_model("cases", "Case")
    return Q(
        Exists(
            case.objects.filter(
                case_visibility(user), household__memberships__person=OuterRef("pk")
            )
        )
    )


def may_read_access_log(user) -> bool:
    return _may_see_personal_data(user) and user.has_role(Role.PRIVACY_OFFICER)
