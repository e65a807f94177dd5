"""The synthetic history: enough cases for a benchmark worth reading in both regions, and
invisible to every demo account."""

import datetime
import random

import pytest
from django.db.models import Count
from django.utils import timezone

from eenplan.assessments.models import Assessment
from eenplan.cases.constants import CaseStatus, ClosingReason, ServiceType, TimelineEventKind
from eenplan.cases.models import Case, Involvement, TimelineEvent
from eenplan.consultations.models import Agreement, Consultation
from eenplan.demo.data import HOUSEHOLDS, NO_CASES_ACCOUNT, START_ACCOUNT, USERNAMES
from eenplan.demo.data.synthetic import PROFILES, SYNTHETIC_PREFIX
from eenplan.demo.synthetic import plan_stories
from eenplan.indicators.definitions import CORE
from eenplan.indicators.periods import last_quarters
from eenplan.indicators.selectors import benchmark
from eenplan.people.models import Household, Person
from eenplan.signals.constants import SignalKind, SignalStatus
from eenplan.signals.models import Signal
from eenplan.tenancy.models import User

DEMO_NAMES = {spec.name for spec in HOUSEHOLDS}


@pytest.mark.django_db
def test_the_benchmark_shows_most_core_indicators_in_both_regions(seeded):
    quarters = last_quarters(8)
    result = benchmark(user=User.objects.get(username="beleid.delfzijl"), quarters=quarters)
    available = [indicator for indicator in CORE if indicator.available]
    by_name = {m.name: m for m in result.municipalities}

    def readable(name: str) -> int:
        """Core indicators with a value (not suppressed) in at least half the quarters."""
        municipality = by_name[name]
        return sum(
            sum(
                1
                for quarter in quarters
                if (cell := result.cell(indicator.code, municipality.pk, quarter))
                and not cell.suppressed
            )
            >= len(quarters) / 2
            for indicator in available
        )

    for name in ("Delfzijl", "Appingedam", "Hilversum", "Huizen", "Gooise Meren"):
        assert readable(name) > len(available) / 2, name
    # Every municipality has its running cases per 1,000 households in every quarter.
    running = "lopende_casussen_per_1000_huishoudens"
    for municipality in result.municipalities:
        for quarter in quarters:
            cell = result.cell(running, municipality.pk, quarter)
            assert cell and not cell.suppressed and 2 < cell.value < 15, municipality


@pytest.mark.django_db
def test_demo_accounts_see_only_the_demo_households(seeded):
    for username in USERNAMES:
        user = User.objects.get(username=username)
        visible = set(Household.objects.visible_to(user).values_list("name", flat=True))
        assert visible <= DEMO_NAMES, username
        assert not Signal.objects.visible_to(user).filter(
            case__household__name__startswith=SYNTHETIC_PREFIX
        ), username
        assert not Consultation.objects.visible_to(user).filter(title__startswith="Synthetisch")
        assert not Assessment.objects.visible_to(user).filter(
            case__household__name__startswith=SYNTHETIC_PREFIX
        )
    assert not Household.objects.visible_to(User.objects.get(username=NO_CASES_ACCOUNT))
    coordinator = User.objects.get(username=START_ACCOUNT)
    assert Household.objects.visible_to(coordinator).filter(municipality__cbs_code="GM0010")
    for synthetic in User.objects.filter(username__startswith="synthetisch."):
        assert not synthetic.is_active and not synthetic.has_usable_password()


@pytest.mark.django_db
def test_synthetic_history_has_every_fact_the_indicators_count(seeded):
    cases = Case.objects.filter(household__name__startswith=SYNTHETIC_PREFIX)
    since = last_quarters(8)[0].start_at
    assert cases.count() > 1500
    assert not Person.objects.filter(households__name__startswith=SYNTHETIC_PREFIX).exclude(
        bsn_digest=""
    )
    # Spread over the two years, not all registered on the day of seeding.
    assert cases.filter(opened_at__lt=since).exists()
    assert cases.filter(opened_at__gte=timezone.now() - datetime.timedelta(days=30)).exists()
    closed = cases.filter(status=CaseStatus.CLOSED)
    reached = closed.filter(closing_reason=ClosingReason.GOALS_REACHED).count()
    assert closed.count() / 2 < reached < closed.count()
    returned = cases.values("household").annotate(n=Count("pk")).filter(n__gt=1)
    assert returned.count() > 50
    coordinator_set = TimelineEvent.objects.filter(
        case__in=cases, kind=TimelineEventKind.COORDINATOR_SET
    )
    assert coordinator_set.filter(occurred_at__lt=since).exists()
    involvements = Involvement.objects.filter(case__in=cases)
    for service in (
        ServiceType.YOUTH_CARE_AMBULANT,
        ServiceType.YOUTH_PROTECTION,
        ServiceType.SUPPORT,
        ServiceType.HOUSEHOLD_HELP,
        ServiceType.REINTEGRATION,
        ServiceType.DEBT_HELP,
    ):
        assert involvements.filter(service_type=service).exists(), service
    overlap = Signal.objects.filter(case__in=cases, kind=SignalKind.OVERLAP)
    assert overlap.filter(status=SignalStatus.RESOLVED).exists()
    assert overlap.filter(status=SignalStatus.OPEN).exists()
    assert overlap.filter(raised_at__lt=since).exists()
    assert Assessment.objects.filter(case__in=cases).count() > cases.count()
    assert Agreement.objects.filter(item__case__in=cases, action__completed_at=None).exists()


def test_the_history_is_the_same_every_time():
    profile = PROFILES[0]
    since = last_quarters(8)[0].start

    def summary(seed):
        stories = plan_stories(profile, 11_770, since, random.Random(seed))
        return [(s.opened, s.domain, s.status, len(s.helps), len(s.assessments)) for s in stories]

    assert summary("een") == summary("een")
    assert summary("een") != summary("twee")
