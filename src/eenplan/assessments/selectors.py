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

from django.db.models import Prefetch, Q
from django.utils import timezone

from eenplan.assessments.constants import Direction
from eenplan.assessments.models import Assessment, Domain, Instrument, ScaleLevel, Score
from eenplan.cases.models import Case
from eenplan.privacy.constants import Action
from eenplan.privacy.services import access_log_write


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


def assessment_get(*, user, assessment_uuid: uuid.UUID) -> tuple[Assessment, Assessment | None]:
    """One assessment and the one before it of the same subject and instrument (to compare),
    both within the rule; ``Assessment.DoesNotExist`` when not visible."""
    started_at = timezone.now()
    visible = (
        Assessment.objects.visible_to(user)
        .select_related("case__household", "person", "instrument", "assessed_by", "organisation")
        .prefetch_related(
            Prefetch("scores", queryset=Score.objects.select_related("domain")),
            "instrument__levels",
        )
    )
    assessment = visible.get(uuid=assessment_uuid)
    previous = (
        visible.filter(
            case_id=assessment.case_id,
            person_id=assessment.person_id,
            instrument__code=assessment.instrument.code,
        )
        .filter(assessed_on__lt=assessment.assessed_on)
        .order_by("-assessed_on", "-pk")
        .first()
    )
    log_assessment_read(
        user=user, case=assessment.case, assessments=[assessment], started_at=started_at
    )
    return assessment, previous


def log_assessment_read(*, user, case: Case, assessments: list[Assessment], started_at) -> None:
    persons = {a.person_id: a.person for a in assessments if a.person_id}
    if any(a.person_id is None for a in assessments):
        persons.update(
            {m.person_id: m.person for m in case.household.memberships.select_related("person")}
        )
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
