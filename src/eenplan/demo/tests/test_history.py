"""The demo households' history: cases dated back, two years of ZRM assessments recorded through
the service, progress with relapses, and the gap signal of a low score without a goal."""

import datetime
import itertools

import pytest
from django.utils import timezone

from eenplan.assessments.models import Assessment, Score
from eenplan.cases.constants import TimelineEventKind
from eenplan.cases.models import Case, TimelineEvent
from eenplan.demo.data.history import HISTORIES
from eenplan.indicators.models import LocalIndicator, PopulationFigure, Story
from eenplan.plans.models import Goal
from eenplan.signals.constants import SignalKind, SignalStatus
from eenplan.signals.models import Signal
from eenplan.tenancy.models import User

pytestmark = pytest.mark.django_db


def _days_ago(moment: datetime.datetime) -> int:
    return (timezone.localdate() - timezone.localdate(moment)).days


def test_demo_cases_began_when_their_history_says(seeded):
    for name, spec in HISTORIES.items():
        case = Case.objects.get(household__name=name)
        assert _days_ago(case.opened_at) == spec.days, name
        if case.intake_started_at:
            assert case.opened_at < case.intake_started_at <= timezone.now(), name
        opened = TimelineEvent.objects.get(case=case, kind=TimelineEventKind.CASE_OPENED)
        assert opened.occurred_at == case.opened_at, name


def test_two_years_of_assessments_with_progress_and_relapse(seeded):
    hoekstra = Case.objects.get(household__name="Familie Hoekstra")
    main = Assessment.objects.filter(case=hoekstra, person__given_names="Gerrit")
    days = sorted(main.values_list("assessed_on", flat=True))
    assert len(days) >= 7
    assert (timezone.localdate() - days[0]).days >= 600
    assert all(80 <= (b - a).days <= 100 for a, b in itertools.pairwise(days))
    assert Assessment.objects.filter(case=hoekstra, person=None).count() >= 2  # household ZRM

    improved = measured = 0
    for name, spec in HISTORIES.items():
        case = Case.objects.get(household__name=name)
        members = [m.person for m in case.household.memberships.order_by("pk")]
        scores = Score.objects.filter(
            assessment__person=members[spec.members[0]],
            domain__life_domain=case.priority_domain,
        ).order_by("assessment__assessed_on")
        values = list(scores.values_list("value", flat=True))
        if len(values) >= 2:
            measured += 1
            improved += values[-1] > values[0]
    assert measured >= 10
    assert improved >= 6  # most move on on their priority question; some fell back

    doornbos = Case.objects.get(household__name="Familie Doornbos")
    values = list(
        Score.objects.filter(
            assessment__case=doornbos,
            assessment__person__isnull=False,
            domain__life_domain="middelengebruik",
        )
        .order_by("assessment__assessed_on")
        .values_list("value", flat=True)
    )
    assert any(later < earlier for earlier, later in itertools.pairwise(values))


def test_assessments_went_through_the_service(seeded):
    demo = Assessment.objects.filter(case__household__name__in=HISTORIES)
    assert demo.count() >= 60
    recorded = TimelineEvent.objects.filter(kind=TimelineEventKind.ASSESSMENT_RECORDED)
    assert recorded.count() == demo.count()
    for assessment in demo.select_related("assessed_by", "case"):
        assert Assessment.objects.visible_to(assessment.assessed_by).filter(pk=assessment.pk)
        assert assessment.assessed_on <= timezone.localdate()


def test_a_low_score_without_a_goal_is_a_gap_signal(seeded):
    bakker = Case.objects.get(household__name="Familie Bakker")
    assert not Goal.objects.filter(plan__case=bakker, life_domain="huisvesting").exists()
    signal = Signal.objects.get(kind=SignalKind.GAP, key=f"gat:meting:{bakker.pk}:huisvesting")
    assert signal.status == SignalStatus.OPEN

    coordinator = User.objects.get(username="regisseur.delfzijl")
    assert Signal.objects.visible_to(coordinator).filter(pk=signal.pk).exists()
    # Only that case: elsewhere domains without a goal stay at 3 or more.
    others = Signal.objects.filter(kind=SignalKind.GAP, key__startswith="gat:meting:")
    assert list(others.values_list("case_id", flat=True)) == [bakker.pk]


def test_population_figures_stories_and_a_local_indicator(seeded):
    assert PopulationFigure.objects.count() == 22
    assert Story.objects.count() == 5
    for story in Story.objects.all():
        assert story.themes and story.indicator_codes
    local = LocalIndicator.objects.get()
    assert local.municipality.cbs_code == "GM0010"
    assert local.created_by.username == "beheer.eenplan"
    assert (local.numerator, local.denominator, local.priority_domain, local.scale) == (
        "lopende_casussen",
        "huishoudens",
        "financien",
        1000,
    )
