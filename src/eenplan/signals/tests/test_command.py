"""The full pass: the command, the CLI name, batches, and a fixed number of queries per batch."""

import io

import pytest
from django.core.management import call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext

from eenplan import cli
from eenplan.cases.constants import CaseStatus, ServiceType
from eenplan.cases.models import HelpQuestion
from eenplan.cases.tests.factories import CaseFactory
from eenplan.common.constants import LifeDomain
from eenplan.plans.constants import OwnerKind
from eenplan.plans.tests.factories import ActionFactory, GoalFactory, PlanFactory
from eenplan.signals.constants import SignalKind, SignalStatus
from eenplan.signals.models import Signal
from eenplan.signals.services import signals_full_pass
from eenplan.signals.tests.conftest import days_ago, involve
from eenplan.tenancy.tests.factories import OrganisationFactory, user_in

pytestmark = pytest.mark.django_db

# A pass of one batch: count and page the cases (3), read the facts and the existing signals
# (11), write (at most 6, plus one per ~50 new signals where SQLite splits a bulk INSERT).
MAX_QUERIES_ONE_BATCH = 22


def busy_case(organisations: list) -> None:
    """A case that raises every kind of signal."""
    case = CaseFactory(household__members=3)
    for organisation in organisations:
        involve(
            case,
            organisation,
            contact=user_in(organisation),
            life_domains=[LifeDomain.FINANCES.value],
            service_type=ServiceType.DEBT_HELP,
            start_date=days_ago(60),
        )
    HelpQuestion.objects.create(case=case, text="Woning", life_domain=LifeDomain.HOUSING)
    goal = GoalFactory(plan=PlanFactory(case=case, evaluation_date=days_ago(3)))
    ActionFactory(
        goal=goal,
        owner_kind=OwnerKind.ORGANISATION,
        owner_person=None,
        owner_organisation=organisations[0],
        due_date=days_ago(40),
    )
    GoalFactory(plan=case.plan, life_domain=LifeDomain.SOCIAL_NETWORK)


def full_pass_queries(batch_size: int = 100) -> int:
    with CaptureQueriesContext(connection) as queries:
        signals_full_pass(batch_size=batch_size)
    return len(queries)


def test_full_pass_is_a_fixed_number_of_queries_per_batch(django_assert_max_num_queries):
    organisations = [OrganisationFactory() for _ in range(3)]
    for _ in range(2):
        busy_case(organisations)
    with django_assert_max_num_queries(MAX_QUERIES_ONE_BATCH):
        signals_full_pass(batch_size=100)
    reads_for_two = full_pass_queries()
    for _ in range(6):
        busy_case(organisations)
    Signal.objects.all().delete()

    with django_assert_max_num_queries(MAX_QUERIES_ONE_BATCH):
        result = signals_full_pass(batch_size=100)

    assert result.summary.cases == 8 and result.summary.raised == Signal.objects.count()
    assert set(Signal.objects.values_list("kind", flat=True)) == set(SignalKind.values)
    assert full_pass_queries() == reads_for_two, "nothing changed: 8 cases read like 2"


def test_full_pass_in_batches_and_twice_raises_once():
    organisations = [OrganisationFactory() for _ in range(3)]
    for _ in range(5):
        busy_case(organisations)
    closed = CaseFactory(status=CaseStatus.CLOSED, closing_reason="anders")
    involve(closed, organisations[0])
    involve(closed, organisations[1])
    progress = []

    first = signals_full_pass(batch_size=2, progress=lambda done, total: progress.append(done))
    count = Signal.objects.count()
    second = signals_full_pass(batch_size=2)

    assert progress == [2, 4, 5]
    assert first.summary.raised == count > 0
    assert second.summary.raised == second.summary.reopened == second.summary.cleared == 0
    assert Signal.objects.count() == count
    assert not Signal.objects.filter(case=closed).exists()


def test_full_pass_clears_signals_of_a_closed_case():
    organisations = [OrganisationFactory() for _ in range(3)]
    busy_case(organisations)
    signals_full_pass()
    case = Signal.objects.first().case
    case.status, case.closing_reason = CaseStatus.CLOSED, "anders"
    case.save()

    signals_full_pass()

    assert set(Signal.objects.values_list("status", flat=True)) == {SignalStatus.CLEARED}


def test_command_and_cli_name():
    busy_case([OrganisationFactory() for _ in range(3)])
    out = io.StringIO()

    call_command("evaluate_signals", "--batch-size", "10", stdout=out)

    text = out.getvalue()
    assert "1 van 1 casussen beoordeeld" in text
    assert "Klaar: 1 casussen" in text and "Nieuw: " in text
    with pytest.raises(SystemExit) as done:
        cli.main(["evaluate-signals", "--help"])
    assert done.value.code == 0
