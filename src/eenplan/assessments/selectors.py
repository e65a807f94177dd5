"""Every read of assessments goes through these functions: they filter with the assessment rule
(``policy.assessment_visibility``) and log one access-log entry per person whose scores they
return.

Assessments are grouped by *subject*: a person (or the household) with one instrument, across
its versions. Within a subject, domains are followed by their code, so a score on "Financiën" in
ZRM 2017 and in a later version is one line on the chart.
"""

import datetime
import uuid
from dataclasses import dataclass, field

from django.core.exceptions import PermissionDenied
from django.db.models import Prefetch, Q, QuerySet
from django.utils import timezone

from eenplan.assessments.constants import Direction, Subject
from eenplan.assessments.models import Assessment, Domain, Instrument, ScaleLevel, Score
from eenplan.cases.constants import DataCategory
from eenplan.cases.models import Case
from eenplan.cases.redaction import redact_case
from eenplan.cases.selectors.case import members_prefetch
from eenplan.common.selectors import Listing
from eenplan.people.models import HouseholdMember, Person
from eenplan.privacy import policy
from eenplan.privacy.constants import Action
from eenplan.privacy.services import access_log_write
from eenplan.tenancy.constants import Role
from eenplan.tenancy.models import Municipality

MAX_PAGE_SIZE = 100


@dataclass(frozen=True)
class Point:
    day: datetime.date
    value: int
    label: str


@dataclass
class DomainTrend:
    """One domain of one subject over time, oldest first."""

    code: str
    name: str
    life_domain: str
    points: list[Point] = field(default_factory=list)

    @property
    def latest(self) -> Point | None:
        return self.points[-1] if self.points else None

    @property
    def previous(self) -> Point | None:
        return self.points[-2] if len(self.points) > 1 else None

    @property
    def direction(self) -> Direction:
        if self.previous is None:
            return Direction.NEW
        if self.latest.value > self.previous.value:
            return Direction.UP
        if self.latest.value < self.previous.value:
            return Direction.DOWN
        return Direction.SAME


@dataclass
class SubjectProgress:
    """The assessments of one person (``person`` None: the household) with one instrument."""

    person: object | None
    instrument: Instrument  # the latest version used
    assessments: list[Assessment]  # oldest first
    domains: list[DomainTrend]
    scale: list[ScaleLevel]

    @property
    def latest(self) -> Assessment:
        return self.assessments[-1]


def _assessments(user, case: Case) -> list[Assessment]:
    return list(
        Assessment.objects.visible_to(user)
        .filter(case=case)
        .select_related("person", "instrument", "assessed_by", "organisation")
        .prefetch_related(
            Prefetch("scores", queryset=Score.objects.select_related("domain")),
            Prefetch("instrument__domains", queryset=Domain.objects.order_by("position")),
            "instrument__levels",
        )
        .order_by("assessed_on", "pk")
    )


def progress_by_subject(assessments: list[Assessment]) -> list[SubjectProgress]:
    """Group assessments (oldest first) per person and instrument code, domains in the order of
    the latest version, with the scale's labels on every point."""
    groups: dict[tuple, list[Assessment]] = {}
    for assessment in assessments:
        groups.setdefault((assessment.person_id, assessment.instrument.code), []).append(assessment)
    subjects = []
    for group in groups.values():
        latest_instrument = group[-1].instrument
        trends = {
            d.code: DomainTrend(d.code, d.name, d.life_domain)
            for d in latest_instrument.domains.all()
        }
        for assessment in group:
            labels = {level.value: level.label for level in assessment.instrument.levels.all()}
            for score in assessment.scores.all():
                trend = trends.setdefault(
                    score.domain.code,
                    DomainTrend(score.domain.code, score.domain.name, score.domain.life_domain),
                )
                trend.points.append(
                    Point(assessment.assessed_on, score.value, labels.get(score.value, ""))
                )
        subjects.append(
            SubjectProgress(
                person=group[0].person,
                instrument=latest_instrument,
                assessments=group,
                domains=list(trends.values()),
                scale=list(latest_instrument.levels.all()),
            )
        )
    return sorted(
        subjects, key=lambda s: (s.person is not None, str(s.person or ""), s.instrument.name)
    )


def case_progress(*, user, case_uuid: uuid.UUID) -> tuple[Case, list[SubjectProgress]]:
    """The case (``Case.DoesNotExist`` unless visible) and the progress of every subject whose
    assessments the user may see. Logged per person (a household assessment: every member)."""
    started_at = timezone.now()
    case = Case.objects.visible_to(user).select_related("household").get(uuid=case_uuid)
    assessments = _assessments(user, case)
    log_assessment_read(user=user, case=case, assessments=assessments, started_at=started_at)
    return case, progress_by_subject(assessments)


@dataclass
class CaseAssessments:
    """The 'Metingen' page of a case: its progress per subject, and what the user's organisation
    may do. ``case.access`` is attached (``cases.redaction``)."""

    case: Case
    subjects: list[SubjectProgress]

    @property
    def access(self) -> policy.CaseAccess:
        return self.case.access

    @property
    def shared(self) -> bool:
        """The organisation holds a basis for assessments of someone in the case."""
        return self.access.allows(DataCategory.ASSESSMENTS)


def case_assessments(*, user, case_uuid: uuid.UUID) -> CaseAssessments:
    """``case_progress`` for the page: the case with its household, municipality and access
    attached. ``Case.DoesNotExist`` unless the user may see the case."""
    started_at = timezone.now()
    case = (
        Case.objects.visible_to(user).select_related("household__municipality").get(uuid=case_uuid)
    )
    redact_case(case, policy.case_access(user, [case.pk])[case.pk])
    assessments = _assessments(user, case) if case.access.allows(DataCategory.ASSESSMENTS) else []
    log_assessment_read(user=user, case=case, assessments=assessments, started_at=started_at)
    return CaseAssessments(case=case, subjects=progress_by_subject(assessments))


def latest_assessments(
    *, user, case: Case, access: policy.CaseAccess, members: list[HouseholdMember]
) -> list[SubjectProgress]:
    """For the household page: the progress per subject of ``case`` (already read through a
    selector, with ``access`` and the household's ``members``). No query at all when the
    organisation holds no basis for assessments; otherwise one, plus the prefetches and one
    INSERT for the access log when there is something to show."""
    if not access.allows(DataCategory.ASSESSMENTS):
        return []
    started_at = timezone.now()
    assessments = _assessments(user, case)
    log_assessment_read(
        user=user, case=case, assessments=assessments, started_at=started_at, members=members
    )
    return progress_by_subject(assessments)


@dataclass
class RecordingChoices:
    """What the form for a new assessment offers: the instruments of the household's
    municipality, and the members the user's organisation may assess (a basis for assessments of
    that person, or household-wide)."""

    case: Case
    instruments: list[Instrument]
    persons: list[Person]

    @property
    def may_assess_household(self) -> bool:
        return self.case.access.allows(DataCategory.ASSESSMENTS)

    def offered(self) -> list[Instrument]:
        """Instruments the user can use here: household instruments with any basis for
        assessments, person instruments when there is someone to assess."""
        return [
            instrument
            for instrument in self.instruments
            if (
                self.may_assess_household
                if instrument.subject == Subject.HOUSEHOLD
                else self.persons
            )
        ]


def recording_choices(*, user, case_uuid: uuid.UUID) -> RecordingChoices:
    """``Case.DoesNotExist`` unless the user may see the case. The names of the members offered
    are logged as read."""
    started_at = timezone.now()
    case = (
        Case.objects.visible_to(user)
        .select_related("household__municipality")
        .prefetch_related(members_prefetch())
        .get(uuid=case_uuid)
    )
    access = policy.case_access(user, [case.pk])[case.pk]
    redact_case(case, access)
    members = sorted(
        case.household.member_list,
        key=lambda m: (not m.is_contact, m.person.birth_date or datetime.date.max, m.pk),
    )
    persons = [m.person for m in members if access.allows(DataCategory.ASSESSMENTS, m.person)]
    access_log_write(
        actor=user,
        action=Action.READ,
        name="meting voorbereiden",
        subjects=[(case, person) for person in persons] or [(case, None)],
        started_at=started_at,
    )
    return RecordingChoices(
        case=case, instruments=instruments_for(case.household.municipality), persons=persons
    )


def _visible_assessments(user):
    return (
        Assessment.objects.visible_to(user)
        .select_related(
            "case__household__municipality",
            "person",
            "instrument",
            "assessed_by",
            "organisation",
        )
        .prefetch_related(
            Prefetch("scores", queryset=Score.objects.select_related("domain")),
            "instrument__levels",
        )
    )


def assessment_get(*, user, assessment_uuid: uuid.UUID) -> tuple[Assessment, Assessment | None]:
    """One assessment and the one before it of the same subject and instrument (to compare),
    both within the rule; ``Assessment.DoesNotExist`` when not visible."""
    started_at = timezone.now()
    visible = _visible_assessments(user)
    assessment = visible.get(uuid=assessment_uuid)
    previous = (
        visible.filter(
            case_id=assessment.case_id,
            person_id=assessment.person_id,
            instrument__code=assessment.instrument.code,
        )
        .filter(
            Q(assessed_on__lt=assessment.assessed_on)
            | Q(assessed_on=assessment.assessed_on, pk__lt=assessment.pk)
        )
        .order_by("-assessed_on", "-pk")
        .first()
    )
    log_assessment_read(
        user=user, case=assessment.case, assessments=[assessment], started_at=started_at
    )
    return assessment, previous


def assessment_list(
    *,
    user,
    case_uuid: uuid.UUID | None = None,
    person_uuid: uuid.UUID | None = None,
    page: int = 1,
    page_size: int = 25,
) -> Listing:
    """The assessments the user may see, newest first, of one case and/or one person (a person's
    own assessments: household assessments only come with ``case_uuid``). A case or person the
    user may not see gives an empty list, like one that does not exist. Logged per person."""
    started_at = timezone.now()
    page, page_size = max(1, page), min(max(1, page_size), MAX_PAGE_SIZE)
    assessments = _visible_assessments(user)
    if case_uuid:
        assessments = assessments.filter(case__uuid=case_uuid)
    if person_uuid:
        assessments = assessments.filter(person__uuid=person_uuid)
    count = assessments.count()
    offset = (page - 1) * page_size
    items = list(assessments.order_by("-assessed_on", "-pk")[offset : offset + page_size])
    _log_list_read(user=user, assessments=items, started_at=started_at)
    return Listing(items=items, count=count, page=page, page_size=page_size)


def _log_list_read(*, user, assessments: list[Assessment], started_at) -> None:
    """One entry per (case, person) shown; a household assessment counts for every member of
    its household (one query for all of them)."""
    households = {a.case.household_id for a in assessments if a.person_id is None}
    members: dict[int, list[Person]] = {}
    if households:
        for member in HouseholdMember.objects.filter(household_id__in=households).select_related(
            "person"
        ):
            members.setdefault(member.household_id, []).append(member.person)
    subjects: dict[tuple[int, int], tuple] = {}
    for assessment in assessments:
        persons = (
            [assessment.person]
            if assessment.person_id
            else members.get(assessment.case.household_id, [])
        )
        for person in persons:
            subjects[(assessment.case_id, person.pk)] = (assessment.case, person)
    if subjects:
        access_log_write(
            actor=user,
            action=Action.READ,
            name="metingen bekijken",
            subjects=list(subjects.values()),
            started_at=started_at,
        )


def log_assessment_read(
    *,
    user,
    case: Case,
    assessments: list[Assessment],
    started_at,
    members: list[HouseholdMember] | None = None,
) -> None:
    """One entry per person whose scores are read; a household assessment reads every member
    (``members`` when the caller already has them, else one query)."""
    persons = {a.person_id: a.person for a in assessments if a.person_id}
    if any(a.person_id is None for a in assessments):
        if members is None:
            members = list(case.household.memberships.select_related("person"))
        persons.update({m.person_id: m.person for m in members})
    if persons:
        access_log_write(
            actor=user,
            action=Action.READ,
            name="metingen bekijken",
            subjects=[(case, person) for person in persons.values()],
            started_at=started_at,
        )


def instruments_for(municipality) -> list[Instrument]:
    """The instruments professionals in ``municipality`` may use now: the shared ones and the
    municipality's own, with their domains and scale."""
    return list(
        Instrument.objects.usable()
        .filter(Q(municipality__isnull=True) | Q(municipality=municipality))
        .prefetch_related(
            Prefetch("domains", queryset=Domain.objects.order_by("position")), "levels"
        )
    )


def instrument_list(*, municipality_uuid: uuid.UUID | None = None) -> QuerySet:
    """Instruments in use (no personal data): all of them, or those of one municipality (the
    shared ones and its own), with their domains and scale."""
    instruments = Instrument.objects.usable()
    if municipality_uuid:
        instruments = instruments.filter(
            Q(municipality__isnull=True) | Q(municipality__uuid=municipality_uuid)
        )
    return _with_definition(instruments)


def instrument_get(*, instrument_uuid: uuid.UUID) -> Instrument:
    """Any instrument, also a version no longer in use (earlier assessments refer to it)."""
    return _with_definition(Instrument.objects.all()).get(uuid=instrument_uuid)


def _with_definition(instruments):
    return instruments.select_related("municipality").prefetch_related(
        Prefetch("domains", queryset=Domain.objects.order_by("position")), "levels"
    )


# ------------------------------------------------------------------ for functional admins


def admin_municipalities(user):
    """The municipalities the user is a functional admin for; ``PermissionDenied`` (403) for
    anyone who is none."""
    if not user.is_authenticated or not user.has_role(Role.FUNCTIONAL_ADMIN):
        raise PermissionDenied
    return Municipality.objects.filter(
        pk__in=policy.role_municipality_ids(user, [Role.FUNCTIONAL_ADMIN])
    ).order_by("name")


def instruments_managed(*, user) -> list[Instrument]:
    """Every version of the shared instruments and of those of the user's municipalities, for
    a functional admin (``PermissionDenied`` otherwise)."""
    municipalities = admin_municipalities(user)
    return list(
        _with_definition(
            Instrument.objects.filter(
                Q(municipality__isnull=True) | Q(municipality__in=municipalities)
            )
        ).order_by("-is_standard", "name", "code", "-created_at")
    )


def instrument_managed_get(*, user, instrument_uuid: uuid.UUID) -> Instrument:
    """An instrument a functional admin may base a new version on; ``Instrument.DoesNotExist``
    when it is another municipality's."""
    municipalities = admin_municipalities(user)
    return _with_definition(
        Instrument.objects.filter(Q(municipality__isnull=True) | Q(municipality__in=municipalities))
    ).get(uuid=instrument_uuid)
