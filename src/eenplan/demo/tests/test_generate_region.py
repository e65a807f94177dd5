"""``eenplan generate-region``: a small region (3,000 inhabitants) written in bulk, checked
through the real code: proportions, reproducibility, the invariants the access rule reads, the
sealed access log, and the pages a generated professional opens."""

import datetime
from io import StringIO

import pytest
from django.core.management import CommandError, call_command
from django.db import connection, transaction
from django.db.models import Count, Q
from django.urls import reverse
from django.utils import timezone

from eenplan.assessments.models import Assessment, Score
from eenplan.cases.constants import CaseStatus
from eenplan.cases.models import Case, Consent, Involvement, TimelineEvent
from eenplan.common.validators import is_valid_bsn
from eenplan.consultations.models import AgendaItem
from eenplan.demo.region.names import REGION_NAME
from eenplan.demo.region.volumes import Volumes
from eenplan.demo.region.writer import bulk_writer
from eenplan.people.models import Household, Person
from eenplan.plans.models import Action, Goal
from eenplan.privacy import chain
from eenplan.privacy.models import AccessLogEntry
from eenplan.provisions.constants import DecisionStatus, Standard
from eenplan.provisions.models import Claim, Decision
from eenplan.signals.constants import SignalKind, SignalStatus
from eenplan.signals.models import Signal
from eenplan.tenancy.constants import CASE_WORKER_ROLES
from eenplan.tenancy.models import Membership, Municipality, Organisation, User

pytestmark = pytest.mark.django_db
INHABITANTS = 3_000
SEED = 7
VOLUMES = Volumes.for_inhabitants(INHABITANTS)


def _generate(seed: int) -> str:
    out = StringIO()
    call_command(
        "generate_region",
        inhabitants=INHABITANTS,
        seed=seed,
        batch=500,
        verbosity=0,
        stdout=out,
    )
    return out.getvalue()


def _snapshot() -> dict:
    """What a seed must reproduce: the counts and the persons' first names, in order."""
    persons = Person.objects.filter(memberships__household__municipality__region__name=REGION_NAME)
    return {
        "counts": {
            model.__name__: model.objects.count()
            for model in (Household, Person, Case, Involvement, Goal, Action, Assessment)
        },
        "names": list(persons.order_by("pk").values_list("given_names", flat=True)),
    }


def _generated_and_rolled_back(seed: int) -> dict:
    with transaction.atomic():
        _generate(seed)
        snapshot = _snapshot()
        transaction.set_rollback(True)
    return snapshot


@pytest.fixture(scope="module")
def region_once(django_db_setup, django_db_blocker):
    """Generate three times: two seeds to compare (rolled back), then the region the tests read,
    inside a transaction rolled back when the module ends."""
    with django_db_blocker.unblock(), transaction.atomic():
        first = _generated_and_rolled_back(SEED)
        other = _generated_and_rolled_back(SEED + 1)
        output = _generate(SEED)
        yield {"output": output, "first": first, "other": other, "again": _snapshot()}
        transaction.set_rollback(True)


@pytest.fixture
def region(region_once, db) -> dict:
    return region_once


def _near(value: int, target: int, margin: float) -> bool:
    return abs(value - target) <= target * margin


def test_volumes_follow_the_inhabitants(region):
    municipalities = Municipality.objects.filter(region__name=REGION_NAME)
    assert sum(municipalities.values_list("inhabitants", flat=True)) == INHABITANTS
    households = Household.objects.filter(municipality__in=municipalities)
    assert households.count() == VOLUMES.households
    persons = Person.objects.filter(memberships__household__in=households)
    assert 2.1 <= persons.count() / households.count() <= 2.7
    assert _near(Involvement.objects.count(), VOLUMES.involvements, 0.15)
    assert _near(Assessment.objects.count(), VOLUMES.assessments, 0.1)
    assert _near(Goal.objects.count(), VOLUMES.goals, 0.1)
    assert _near(Action.objects.count(), VOLUMES.actions, 0.1)
    assert _near(AgendaItem.objects.count(), VOLUMES.agenda_items, 0.3)
    assert AccessLogEntry.objects.count() == VOLUMES.access_log
    assert Score.objects.count() > 8 * Assessment.objects.count()
    assert "Rijen per tabel" in region["output"]


def test_household_sizes_and_organisations_spread(region):
    sizes = Household.objects.annotate(n=Count("memberships")).values_list("n", flat=True)
    assert set(sizes) == {1, 2, 3, 4, 5, 6}
    per_case = list(
        Case.objects.annotate(n=Count("involvements__organisation", distinct=True)).values_list(
            "n", flat=True
        )
    )
    few = sum(1 for n in per_case if 1 <= n <= 3)
    assert few / len(per_case) > 0.55  # most households: one to three organisations
    assert max(per_case) >= 8  # and a tail
    assert Organisation.objects.filter(type="wijkteam").count() >= 7  # one per municipality


def test_cases_in_every_status_and_some_escalated(region):
    statuses = set(Case.objects.values_list("status", flat=True))
    assert statuses == set(CaseStatus.values)
    assert Case.objects.filter(escalation_level__gt=1).exists()
    open_cases = Case.objects.exclude(status=CaseStatus.CLOSED)
    in_plan_or_execution = open_cases.filter(status__in=[CaseStatus.PLAN, CaseStatus.EXECUTION])
    assert in_plan_or_execution.count() > open_cases.count() / 2


def test_same_seed_same_region_other_seed_other_names(region):
    assert region["first"] == region["again"]
    assert region["other"]["names"] != region["first"]["names"]


def test_first_persons_have_test_bsns_encrypted_like_the_model(region):
    with_bsn = Person.objects.exclude(bsn_digest="").order_by("pk")
    assert with_bsn.count() == Person.objects.count()  # 3,000 inhabitants: fewer than 909
    person = with_bsn.first()
    assert is_valid_bsn(person.bsn) and person.bsn.startswith("99999")
    assert Person.objects.with_bsn(person.bsn).get() == person


def test_coordinators_contacts_and_consent_follow_the_access_rule(region):
    """The invariants the access rule reads hold for every generated case."""
    working = Membership.objects.filter(is_active=True, role__in=CASE_WORKER_ROLES)
    members = set(working.values_list("user_id", "organisation_id"))
    coordinated = Case.objects.filter(coordinator__isnull=False)
    for case in coordinated.exclude(status=CaseStatus.CLOSED):
        assert (case.coordinator_id, case.coordinator_organisation_id) in members
        assert (
            case.involvements.active()
            .filter(organisation_id=case.coordinator_organisation_id)
            .exists()
        )
        assert (
            Consent.objects.active()
            .filter(case=case, organisation_id=case.coordinator_organisation_id, shares_plan=True)
            .exists()
        )
    contacts = set(Involvement.objects.values_list("contact_id", "organisation_id"))
    assert contacts <= members
    seen = Involvement.objects.active().values("case_id")
    assert not Case.objects.exclude(status=CaseStatus.CLOSED).exclude(pk__in=seen).exists()
    connection.check_constraints()  # every foreign key, unique and check constraint


def test_signals_come_from_the_rules(region):
    kinds = set(Signal.objects.filter(status=SignalStatus.OPEN).values_list("kind", flat=True))
    assert {
        SignalKind.MATCH,
        SignalKind.OVERLAP,
        SignalKind.GAP,
        SignalKind.NO_COORDINATOR,
    } <= kinds
    assert Signal.objects.filter(status=SignalStatus.RESOLVED).exists()
    assert not Signal.objects.filter(case__status=CaseStatus.CLOSED, status=SignalStatus.OPEN)


def test_allocations_for_bsn_persons_can_be_claimed(region):
    allocated = Decision.objects.filter(
        status=DecisionStatus.GRANTED,
        product__standard=Standard.IWMO,
        provider__agb_code__regex=r"^[0-9]{8}$",
        allocation_message__isnull=False,
        start_date__lt=timezone.localdate() - datetime.timedelta(days=60),
        end_date__gt=timezone.localdate(),
    ).exclude(person__bsn_digest="")
    assert allocated.count() > 50
    decision = allocated.select_related("person").first()
    assert is_valid_bsn(decision.person.bsn)
    assert decision.provider.contracts.filter(
        municipalities=decision.case.household.municipality
    ).exists()
    assert Claim.objects.filter(decision=decision).exists()  # the months that passed


def test_access_log_is_sealed_and_verifies(region):
    result = chain.verify()
    assert result.intact, result.problems
    assert result.checked == VOLUMES.access_log and result.unsealed == 0
    out = StringIO()
    call_command("verify_access_log", stdout=out)
    assert "intact" in out.getvalue()
    by_bsn = AccessLogEntry.objects.filter(data_subject_id_type="BSN")
    assert by_bsn.exists() and not by_bsn.filter(data_subject_id__startswith="99999").exists()


def test_timeline_tells_each_case(region):
    without = Case.objects.annotate(n=Count("timeline")).filter(n__lt=2)
    assert not without.exists()
    assert TimelineEvent.objects.filter(kind="regisseur_gekozen").exists()


def _coordinator() -> User:
    case = (
        Case.objects.filter(
            ~Q(status=CaseStatus.CLOSED),
            coordinator__isnull=False,
            coordinator_organisation__type="wijkteam",
        )
        .select_related("coordinator")
        .order_by("pk")
        .first()
    )
    return case.coordinator


def test_a_generated_professional_reads_households_cases_and_signals(region, client):
    user = _coordinator()
    client.force_login(user)
    household = Household.objects.visible_to(user).order_by("pk").first()
    page = client.get(reverse("people:household", kwargs={"household_uuid": household.uuid}))
    assert page.status_code == 200
    assert household.name in page.content.decode()

    newest = Case.objects.visible_to(user).select_related("household").first()
    page = client.get(reverse("cases:my-cases"))
    assert page.status_code == 200
    assert newest.household.name in page.content.decode()

    page = client.get(reverse("signals:inbox"))
    assert page.status_code == 200
    names = set(
        Signal.objects.visible_to(user).open().values_list("case__household__name", flat=True)
    )
    assert names and any(name in page.content.decode() for name in names)


def test_refuses_a_second_region_and_production(region, settings):
    with pytest.raises(CommandError, match="bestaat al"):
        _generate(SEED)
    settings.IS_PRODUCTION = True
    with pytest.raises(CommandError, match="productieomgeving"):
        _generate(SEED)


def test_writer_asks_for_what_has_no_default(db):
    writer = bulk_writer(10)
    with pytest.raises(ValueError, match="UUID"):
        writer.write(Municipality, ["name"], [])
    with pytest.raises(ValueError, match="no default"):
        writer.write(Case, ["uuid"], [])


def test_refuses_a_tiny_region(db):
    with pytest.raises(CommandError, match="minstens"):
        call_command("generate_region", inhabitants=10, stdout=StringIO())
