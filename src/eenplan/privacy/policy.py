"""Need-to-know: the one access rule for personal data in EenPlan.

A user sees a case when one of *their working organisations* has an active involvement in that case
(started, not ended) or coordinates it. Working organisations are those where the user holds an
active membership in a case-working role: uitvoerder, regisseur, wijkteamprofessional or consulent.
A household is visible when one of its cases is visible; a person when one of their households is.

Seeing a case is the *known* level (the Verwijsindex level): that the household is known, who its
members are, which organisations are involved and whom to contact there. The *content* of a case
is split in data categories (plan, notes, assessments, contact details); an organisation sees a
category only while it holds an active consent or legal basis (``cases.Consent``) that covers it.
Plan content is household-wide, so one member's consent opens it; contact details and assessments
are per person, so they open per member (or for all through a household-wide legal basis).
Notes carry their own audience: own organisation, all involved with notes consent, or only the
coordinator.

Everyone else sees no case and no person: team leaders, directors and policy officers (they get
aggregates), privacy officers (they get the access log), functional admins (configuration),
anonymous users, and superusers: being a superuser grants nothing here, so the admin is no back
door.

The rule is one SQL condition built from EXISTS subqueries, applied through the ``visible_to(user)``
querysets of Case, Household and Person. Pages, the API, search, counts and the admin all filter in
the database with it, so a case you may not see behaves exactly like a case that does not exist.
"""

import datetime
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field

from django.apps import apps
from django.db.models import Exists, IntegerField, OuterRef, Q, QuerySet, Value
from django.utils import timezone

from eenplan.cases.constants import DataCategory, NoteAudience
from eenplan.tenancy.constants import CASE_WORKER_ROLES, Role

NOTHING = Q(pk__in=[])

CATEGORY_FIELDS = {
    DataCategory.PLAN: "shares_plan",
    DataCategory.NOTES: "shares_notes",
    DataCategory.ASSESSMENTS: "shares_assessments",
    DataCategory.CONTACT: "shares_contact",
}


def working_organisation_ids(user) -> QuerySet:
    """Subquery of the organisations for which ``user`` works on cases."""
    membership = apps.get_model("tenancy", "Membership")
    return membership.objects.filter(
        user_id=user.pk, is_active=True, role__in=CASE_WORKER_ROLES
    ).values("organisation_id")


def active_involvement(on: datetime.date | None = None) -> Q:
    day = on or timezone.localdate()
    return Q(start_date__lte=day) & (Q(end_date__isnull=True) | Q(end_date__gte=day))


def active_basis(on: datetime.date | None = None) -> Q:
    """A consent or legal basis in force on ``on``: started, not expired, not withdrawn."""
    day = on or timezone.localdate()
    return Q(withdrawn_at__isnull=True, valid_from__lte=day) & (
        Q(valid_until__isnull=True) | Q(valid_until__gte=day)
    )


def _may_see_personal_data(user) -> bool:
    """Professionals only: a citizen reaches their own household through the portal's own rule."""
    return bool(user and user.is_authenticated and user.is_active and not user.is_citizen)


def own_household_case_visibility(user) -> Q:
    """The portal's rule: a citizen reaches the cases of the households their person belongs to.
    Only the portal's services and selectors use it; every professional rule grants a citizen
    nothing."""
    if not (user and user.is_authenticated and user.is_active and user.is_citizen):
        return NOTHING
    member = apps.get_model("people", "HouseholdMember").objects.filter(
        household_id=OuterRef("household_id"), person__citizen_account__user_id=user.pk
    )
    return Q(Exists(member))


def emergency_case_ids(user, category: DataCategory | None = None) -> QuerySet:
    """Subquery of the cases the user opened by break-the-glass and may still see: the known
    level, or one content ``category`` when given. The access is the user's own, not their
    organisation's, and only until it expires or the user ends it."""
    emergency = apps.get_model("privacy", "EmergencyAccess").objects.active().filter(user=user.pk)
    if category is not None:
        emergency = emergency.filter(**{CATEGORY_FIELDS[category]: True})
    return emergency.values("case_id")


def case_visibility(user) -> Q:
    if not _may_see_personal_data(user):
        return NOTHING
    involvement = apps.get_model("cases", "Involvement")
    organisations = working_organisation_ids(user)
    involved = involvement.objects.filter(
        active_involvement(), case=OuterRef("pk"), organisation_id__in=organisations
    )
    return (
        Q(Exists(involved))
        | Q(coordinator_organisation_id__in=organisations)
        | Q(pk__in=emergency_case_ids(user))
    )


def case_content_visibility(user, category: DataCategory) -> Q:
    """Cases whose ``category`` content the user may see: known, plus consent or legal basis
    (or a break-the-glass access that covers the category)."""
    if not _may_see_personal_data(user):
        return NOTHING
    consent = apps.get_model("cases", "Consent")
    basis = consent.objects.filter(
        active_basis(),
        case=OuterRef("pk"),
        organisation_id__in=working_organisation_ids(user),
        **{CATEGORY_FIELDS[category]: True},
    )
    return case_visibility(user) & (Q(Exists(basis)) | Q(pk__in=emergency_case_ids(user, category)))


def related_case_visibility(
    user, case_path: str, category: DataCategory | None = DataCategory.PLAN
) -> Q:
    """Visibility of data that belongs to one case: the content rule for ``category`` (plan by
    default: plans, goals, actions), or the known level when ``category`` is None."""
    if not _may_see_personal_data(user):
        return NOTHING
    case = apps.get_model("cases", "Case")
    rule = case_visibility(user) if category is None else case_content_visibility(user, category)
    return Q(Exists(case.objects.filter(rule, pk=OuterRef(f"{case_path}_id"))))


def note_visibility(user) -> Q:
    """A note reaches its audience only, and only while the reader may see the case."""
    if not _may_see_personal_data(user):
        return NOTHING
    organisations = working_organisation_ids(user)
    own_organisation = Q(author_organisation_id__in=organisations)
    audience = (
        Q(audience=NoteAudience.OWN_ORGANISATION) & own_organisation
        | Q(audience=NoteAudience.INVOLVED)
        & (own_organisation | related_case_visibility(user, "case", DataCategory.NOTES))
        | Q(audience=NoteAudience.COORDINATOR)
        & (Q(author_id=user.pk) | Q(case__coordinator_id=user.pk))
    )
    return related_case_visibility(user, "case", category=None) & audience


def referral_visibility(user) -> Q:
    """The sender sees its referrals while it may see the case; the receiver sees what it was
    sent, which the household consented to when the referral was made."""
    if not _may_see_personal_data(user):
        return NOTHING
    organisations = working_organisation_ids(user)
    sent = Q(from_organisation_id__in=organisations) & related_case_visibility(
        user, "case", category=None
    )
    return sent | Q(to_organisation_id__in=organisations)


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


def person_contact_visibility(user) -> Q:
    """Persons whose contact details the user may see: a consent of that person, or a
    household-wide legal basis, for contact details in a case the user may see."""
    if not _may_see_personal_data(user):
        return NOTHING
    case = apps.get_model("cases", "Case")
    consent = apps.get_model("cases", "Consent")
    shared = consent.objects.filter(
        active_basis(),
        Exists(case.objects.filter(case_visibility(user), pk=OuterRef("case_id"))),
        organisation_id__in=working_organisation_ids(user),
        shares_contact=True,
    )
    own = shared.filter(person=OuterRef("pk"))
    household_wide = shared.filter(
        person__isnull=True, case__household__memberships__person=OuterRef("pk")
    )
    emergency = case.objects.filter(
        pk__in=emergency_case_ids(user, DataCategory.CONTACT),
        household__memberships__person=OuterRef("pk"),
    )
    return Q(Exists(own)) | Q(Exists(household_wide)) | Q(Exists(emergency))


def assessment_visibility(user) -> Q:
    """An assessment (``assessments.Assessment``) of a person opens with a basis for assessments
    of that person or for the whole household; one of the household as a whole with any basis
    for assessments in the case. Always within the case rule."""
    if not _may_see_personal_data(user):
        return NOTHING
    consent = apps.get_model("cases", "Consent")
    basis = consent.objects.filter(
        active_basis(),
        case_id=OuterRef("case_id"),
        organisation_id__in=working_organisation_ids(user),
        shares_assessments=True,
    )
    for_person = basis.filter(Q(person__isnull=True) | Q(person_id=OuterRef("person_id")))
    return related_case_visibility(user, "case", category=None) & (
        Q(person__isnull=True) & Q(Exists(basis))
        | Q(person__isnull=False) & Q(Exists(for_person))
        | Q(case_id__in=emergency_case_ids(user, DataCategory.ASSESSMENTS))
    )


def may_read_access_log(user) -> bool:
    return _may_see_personal_data(user) and user.has_role(Role.PRIVACY_OFFICER)


@dataclass(frozen=True)
class CaseAccess:
    """What a user may see of one case beyond the known level.

    ``categories`` opens household-wide content (any member's consent will do);
    ``household_wide`` and ``per_person`` open one member's own data (contact, assessments).
    """

    categories: frozenset[str] = frozenset()
    household_wide: frozenset[str] = frozenset()
    per_person: Mapping[int, frozenset[str]] = field(default_factory=dict)

    @property
    def has_content(self) -> bool:
        return bool(self.categories)

    def allows(self, category: DataCategory, person=None) -> bool:
        if person is None:
            return category in self.categories
        return category in self.household_wide or category in self.per_person.get(person.pk, ())

    @property
    def plan(self) -> bool:
        return self.allows(DataCategory.PLAN)

    @property
    def notes(self) -> bool:
        return self.allows(DataCategory.NOTES)


def case_access(user, case_ids: Iterable[int]) -> dict[int, CaseAccess]:
    """Per case id, the categories the user's organisations hold a basis for, in one query.

    The cases must already be visible to the user (the known level).
    """
    case_ids = list(case_ids)
    if not case_ids or not _may_see_personal_data(user):
        return {case_id: CaseAccess() for case_id in case_ids}
    consent = apps.get_model("cases", "Consent")
    rows = consent.objects.filter(
        active_basis(),
        case_id__in=case_ids,
        organisation_id__in=working_organisation_ids(user),
    ).values("case_id", "person_id", *CATEGORY_FIELDS.values())
    # A break-the-glass access grants its categories household-wide, like a legal basis.
    emergency = (
        apps.get_model("privacy", "EmergencyAccess")
        .objects.active()
        .filter(user=user.pk, case_id__in=case_ids)
        .annotate(person_id=Value(None, output_field=IntegerField()))
        .values("case_id", "person_id", *CATEGORY_FIELDS.values())
    )
    grants: dict[int, dict[int | None, set[str]]] = {case_id: {} for case_id in case_ids}
    for row in rows.order_by().union(emergency.order_by(), all=True):
        granted = {category for category, name in CATEGORY_FIELDS.items() if row[name]}
        grants[row["case_id"]].setdefault(row["person_id"], set()).update(granted)
    return {case_id: _access(by_person) for case_id, by_person in grants.items()}


def _access(by_person: dict[int | None, set[str]]) -> CaseAccess:
    return CaseAccess(
        categories=frozenset().union(*by_person.values()),
        household_wide=frozenset(by_person.get(None, ())),
        per_person={pid: frozenset(cats) for pid, cats in by_person.items() if pid is not None},
    )


def signal_visibility(user) -> Q:
    """Who reads a signal (``signals.Signal``): it is addressed to the organisations it concerns
    and to the case's coordinator, and read within the case rule.

    A user sees a signal when one of their working organisations is among the signal's
    organisations concerned, or they are the coordinator of its case; and they may see the case
    (the known level); and, for every kind except a match, their organisation may see the plan
    content, because the explanation of an overlap, gap or stalled plan tells what the plan is
    about. A match tells only *that* other organisations work with a person and whom to contact,
    so the known level is enough.
    """
    if not _may_see_personal_data(user):
        return NOTHING
    from eenplan.signals.constants import SignalKind

    party = apps.get_model("signals", "SignalOrganisation")
    concerned = party.objects.filter(
        signal=OuterRef("pk"), organisation_id__in=working_organisation_ids(user)
    )
    addressed = Q(Exists(concerned)) | Q(case__coordinator_id=user.pk)
    known = related_case_visibility(user, "case", category=None)
    plan_content = related_case_visibility(user, "case", DataCategory.PLAN)  # implies known
    return addressed & (Q(kind=SignalKind.MATCH) & known | plan_content)


POLICY_ROLES = frozenset({Role.TEAM_LEADER, Role.DIRECTOR, Role.POLICY_OFFICER})


def member_organisation_ids(user) -> QuerySet:
    """Subquery of the organisations where ``user`` holds any active membership."""
    membership = apps.get_model("tenancy", "Membership")
    return membership.objects.filter(user_id=user.pk, is_active=True).values("organisation_id")


def consultation_visibility(user) -> Q:
    """A meeting (``consultations.Consultation``) is seen by its chair and by everyone working
    for a participating organisation. Seeing the meeting is not seeing its cases: each agenda
    item shows names and content only under the case content rule (plan category)."""
    if not _may_see_personal_data(user):
        return NOTHING
    participating = apps.get_model("consultations", "Consultation").organisations.through
    taking_part = participating.objects.filter(
        consultation_id=OuterRef("pk"), organisation_id__in=member_organisation_ids(user)
    )
    return Q(chair_id=user.pk) | Q(Exists(taking_part))


def role_municipality_ids(user, roles: Iterable[str]) -> QuerySet:
    """Subquery of the municipalities served by the organisations where the user holds one of
    ``roles``."""
    organisation = apps.get_model("tenancy", "Organisation")
    membership = apps.get_model("tenancy", "Membership")
    organisations = membership.objects.filter(
        user_id=user.pk, is_active=True, role__in=list(roles)
    ).values("organisation_id")
    return organisation.municipalities.through.objects.filter(
        organisation_id__in=organisations
    ).values("municipality_id")


def policy_role_municipality_ids(user) -> QuerySet:
    """Subquery of the municipalities served by the organisations where the user holds a
    policy role (team leader, director, policy officer)."""
    return role_municipality_ids(user, POLICY_ROLES)


def policy_signal_visibility(user) -> Q:
    """A policy signal holds no personal data. Team leaders, directors and policy officers see
    those of the municipalities their organisation serves and may answer them; the raising
    organisation and the participants of the meeting it came from see it and the answer."""
    if not _may_see_personal_data(user):
        return NOTHING
    consultation = apps.get_model("consultations", "Consultation")
    from_visible_meeting = consultation.objects.filter(
        consultation_visibility(user), pk=OuterRef("consultation_id")
    )
    return (
        Q(municipality_id__in=policy_role_municipality_ids(user))
        | Q(raised_by_organisation_id__in=member_organisation_ids(user))
        | Q(Exists(from_visible_meeting))
    )


def decision_visibility(user) -> Q:
    """A decision (``provisions.Decision``) on a provision for a person is part of the joint
    plan: those who may see the case's plan content see it. Besides them, the municipal officers
    of the household's municipality see its decisions (they decide beyond mandate and answer for
    the budget), and a provider sees the allocations made to it (it receives them in the 301)."""
    if not _may_see_personal_data(user):
        return NOTHING
    officer_of = role_municipality_ids(user, [Role.MUNICIPAL_OFFICER])
    return (
        related_case_visibility(user, "case", DataCategory.PLAN)
        | Q(case__household__municipality_id__in=officer_of)
        | Q(provider_id__in=working_organisation_ids(user))
    )


BUDGET_ROLES = POLICY_ROLES | {Role.MUNICIPAL_OFFICER, Role.FUNCTIONAL_ADMIN}


def budget_municipality_ids(user) -> QuerySet:
    """Municipalities whose budget (aggregates only, never a person) the user may see: those
    served by an organisation where the user is a municipal officer, a functional admin, or holds
    a policy role."""
    return role_municipality_ids(user, BUDGET_ROLES)


def complaint_visibility(user) -> Q:
    """A complaint or objection (``complaints.Complaint``) is seen by its handler and the
    complaints handlers of the handling organisation, by whoever registered it on the citizen's
    behalf, by the coordinator of the case (who is informed), and by those working on the case
    for an organisation it is about (who must be able to answer it). An organisation it is not
    about sees nothing of it, even when it works on the same case."""
    if not _may_see_personal_data(user):
        return NOTHING
    handling = apps.get_model("tenancy", "Membership").objects.filter(
        user_id=user.pk, is_active=True, role=Role.COMPLAINTS_HANDLER
    )
    about = apps.get_model("complaints", "Complaint").organisations.through.objects.filter(
        complaint_id=OuterRef("pk"), organisation_id__in=working_organisation_ids(user)
    )
    return (
        Q(handler_id=user.pk)
        | Q(registered_by_id=user.pk)
        | Q(handling_organisation_id__in=handling.values("organisation_id"))
        | Q(case__coordinator_id=user.pk)
        | (Q(Exists(about)) & related_case_visibility(user, "case", None))
    )
