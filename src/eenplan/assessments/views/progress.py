"""The 'Metingen' tab of a case and the page of one assessment."""

import uuid
from dataclasses import dataclass

from django.contrib.auth.decorators import login_required
from django.http import Http404
from django.shortcuts import render
from django.views.decorators.http import require_GET

from eenplan.assessments import selectors
from eenplan.assessments.charts import LineChart, progress_chart
from eenplan.assessments.constants import Direction
from eenplan.assessments.models import Assessment
from eenplan.assessments.selectors import DomainTrend, SubjectProgress
from eenplan.cases.models import Case


def subject_name(subject: SubjectProgress) -> str:
    return subject.person.full_name if subject.person is not None else "Het huishouden"


@dataclass(frozen=True)
class TableRow:
    """One domain of a subject: its score in each assessment (None: not filled in)."""

    trend: DomainTrend
    cells: list[int | None]


@dataclass(frozen=True)
class SubjectView:
    subject: SubjectProgress
    name: str
    anchor: str
    rows: list[TableRow]
    chart: LineChart

    @property
    def unfilled(self) -> list[DomainTrend]:
        return [trend for trend in self.subject.domains if not trend.points]


def subject_view(subject: SubjectProgress) -> SubjectView:
    by_assessment = [
        {score.domain.code: score.value for score in assessment.scores.all()}
        for assessment in subject.assessments
    ]
    rows = [
        TableRow(trend, [scores.get(trend.code) for scores in by_assessment])
        for trend in subject.domains
        if trend.points
    ]
    name = subject_name(subject)
    whom = subject.person.uuid if subject.person else "huishouden"
    anchor = f"meting-{whom}-{subject.instrument.code}"
    of = name if subject.person else "het huishouden"
    title = f"Voortgang van {of}, {subject.instrument.name}"
    return SubjectView(subject, name, anchor, rows, progress_chart(subject, title=title))


@login_required
@require_GET
def case_assessments(request, case_uuid: uuid.UUID):
    try:
        page = selectors.case_assessments(user=request.user, case_uuid=case_uuid)
    except Case.DoesNotExist as exc:
        raise Http404 from exc
    context = {
        "page": page,
        "case": page.case,
        "household": page.case.household,
        "subjects": [subject_view(subject) for subject in page.subjects],
    }
    return render(request, "assessments/case.html", context)


@dataclass(frozen=True)
class ComparisonRow:
    """A domain of an assessment next to the assessment before it."""

    name: str
    value: int | None
    label: str
    note: str
    previous: int | None
    previous_label: str

    @property
    def change(self) -> int | None:
        if self.value is None or self.previous is None:
            return None
        return self.value - self.previous

    @property
    def direction(self) -> Direction | None:
        if self.value is None:
            return None
        if self.previous is None:
            return Direction.NEW
        if self.change > 0:
            return Direction.UP
        return Direction.DOWN if self.change < 0 else Direction.SAME


def _labels(assessment: Assessment) -> dict[int, str]:
    return {level.value: level.label for level in assessment.instrument.levels.all()}


def comparison(assessment: Assessment, previous: Assessment | None) -> list[ComparisonRow]:
    """Every domain scored now, in the instrument's order, and after them the domains that were
    scored the time before but not now. Domains are matched by code, across versions."""
    labels = _labels(assessment)
    before = {s.domain.code: s for s in previous.scores.all()} if previous else {}
    before_labels = _labels(previous) if previous else {}
    rows = []
    for score in assessment.scores.all():
        earlier = before.pop(score.domain.code, None)
        rows.append(
            ComparisonRow(
                name=score.domain.name,
                value=score.value,
                label=labels.get(score.value, ""),
                note=score.note,
                previous=earlier.value if earlier else None,
                previous_label=before_labels.get(earlier.value, "") if earlier else "",
            )
        )
    for earlier in before.values():
        rows.append(
            ComparisonRow(
                name=earlier.domain.name,
                value=None,
                label="",
                note="",
                previous=earlier.value,
                previous_label=before_labels.get(earlier.value, ""),
            )
        )
    return rows


@login_required
@require_GET
def assessment_detail(request, assessment_uuid: uuid.UUID):
    try:
        assessment, previous = selectors.assessment_get(
            user=request.user, assessment_uuid=assessment_uuid
        )
    except Assessment.DoesNotExist as exc:
        raise Http404 from exc
    case = assessment.case
    context = {
        "assessment": assessment,
        "previous": previous,
        "case": case,
        "household": case.household,
        "subject_name": assessment.person.full_name if assessment.person else "het huishouden",
        "rows": comparison(assessment, previous),
    }
    return render(request, "assessments/detail.html", context)
