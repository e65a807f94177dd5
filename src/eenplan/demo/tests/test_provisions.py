"""Provisions in the demo region: catalogue, contracts, mandates, decisions in every status for
the demo households, synthetic commitments and spending, and budgets that tell a story."""

from io import StringIO

import pytest
from django.core.exceptions import ValidationError
from django.core.management import call_command
from django.utils import timezone

from eenplan.cases.constants import TimelineEventKind
from eenplan.cases.models import TimelineEvent
from eenplan.demo.data import USERNAMES
from eenplan.demo.data.provisions import DECISIONS, PRODUCTS
from eenplan.demo.data.synthetic import SYNTHETIC_PREFIX
from eenplan.provisions import selectors
from eenplan.provisions.constants import BudgetDomain, BudgetStatus, DecisionStatus, Route
from eenplan.provisions.messages.services import message_import
from eenplan.provisions.models import (
    Allocation,
    Budget,
    BudgetShift,
    Claim,
    Contract,
    Decision,
    Mandate,
    Message,
    Product,
)
from eenplan.tenancy.constants import Role
from eenplan.tenancy.models import Municipality, User

pytestmark = pytest.mark.django_db

COUNTED = (Product, Contract, Mandate, Decision, Claim, Message, Budget, Allocation, BudgetShift)


def _user(username: str) -> User:
    return User.objects.get(username=username)


def _demo_decisions():
    return Decision.objects.exclude(case__household__name__startswith=SYNTHETIC_PREFIX)


def _is_synthetic(decision) -> bool:
    return decision.case.household.name.startswith(SYNTHETIC_PREFIX)


def test_the_catalogue_contracts_and_mandates_are_loaded(seeded):
    assert Product.objects.count() == len(PRODUCTS)
    assert all(len(code) <= 5 for code in Product.objects.values_list("code", flat=True))
    assert set(Product.objects.values_list("standard", flat=True)) == {"iwmo", "ijw", ""}
    for municipality in Municipality.objects.filter(region__name="Proeftuin Eemsdelta"):
        assert selectors.contract_lines_for(municipality).count() >= 10
        (mandate,) = selectors.mandates_for(municipality)
        assert mandate.role == Role.NEIGHBOURHOOD_TEAM_PROFESSIONAL
        assert mandate.max_per_decision_cents == 500_000


def test_the_demo_households_have_decisions_in_every_status(seeded):
    decisions = list(_demo_decisions().select_related("product", "requested_by"))

    assert len(decisions) == len(DECISIONS)
    assert {d.status for d in decisions} == set(DecisionStatus.values)
    assert {d.route for d in decisions} == set(Route.values)
    assert all(d.goal_id for d in decisions)
    within = [d for d in decisions if d.route == Route.MANDATE]
    assert {d.requested_by.username for d in within} == {
        "wijkteam.delfzijl",
        "wijkteam.appingedam",
    }
    stairlift = next(d for d in decisions if d.product.category == "13")
    assert stairlift.status == DecisionStatus.GRANTED
    assert stairlift.route == Route.MANDATE


def test_the_decisions_are_on_the_timeline_back_in_time(seeded):
    decision = _demo_decisions().get(
        status=DecisionStatus.REFUSED, case__household__name="Familie Wiersma"
    )
    events = TimelineEvent.objects.filter(case=decision.case, data__decision=str(decision.uuid))

    assert {e.kind for e in events} == {
        TimelineEventKind.DECISION_REQUESTED,
        TimelineEventKind.DECISION_REFUSED,
    }
    assert all(e.occurred_at.date() < timezone.localdate() for e in events)
    assert decision.requested_at < decision.decided_at
    assert "Ziektewet" in decision.decision_reason


def test_consulent_delfzijl_has_a_request_waiting(seeded):
    waiting = selectors.decisions_awaiting(user=_user("consulent.delfzijl"))

    (request,) = waiting
    assert request.case.household.name == "Huishouden Pranger"
    assert "12 maanden" in request.beyond_mandate
    assert selectors.decisions_awaiting(user=_user("consulent.appingedam")) == []


def test_the_delfzijl_budget_of_this_year_warns_about_youth(seeded):
    delfzijl = Municipality.objects.get(name="Delfzijl")
    view = selectors.budget_view(
        user=_user("beleid.delfzijl"), municipality=delfzijl, year=timezone.localdate().year
    )

    assert [(line.domain, line.status) for line in view.warnings] == [
        (BudgetDomain.YOUTH, BudgetStatus.OVER)
    ]
    assert all(line.allocated > 0 for line in view.lines)
    assert view.total.committed > view.total.allocated / 2
    assert view.within_mandate > 10 and view.by_officer > 10
    past = timezone.localdate().month - 1
    if past:  # accepted claims over the months that passed
        assert view.spent_by_month[past - 1] == view.total.spent > 0


def test_last_year_is_budgeted_with_a_shift(seeded):
    year = timezone.localdate().year - 1
    shift = BudgetShift.objects.get(budget__municipality__name="Delfzijl", budget__year=year)

    assert shift.shifted_by.username == "beleid.delfzijl"
    assert (shift.from_domain, shift.to_domain) == (BudgetDomain.PREVENTION, BudgetDomain.YOUTH)
    assert Budget.objects.filter(year__in=[year, year + 1]).count() == 6


def test_demo_accounts_never_see_synthetic_persons(seeded):
    synthetic = Decision.objects.filter(case__household__name__startswith=SYNTHETIC_PREFIX)
    assert synthetic.count() > 500
    # Allocated already (a synthetic 301), so none waits in a municipality's export.
    assert not synthetic.exclude(product__standard="").filter(allocation_message=None).exists()
    for username in USERNAMES:
        user = _user(username)
        shown = [
            *selectors.decisions_awaiting(user=user),
            *Decision.objects.visible_to(user).filter(provider__memberships__user=user),
        ]
        assert not any(_is_synthetic(d) for d in shown), username
        if not any(m.role == Role.MUNICIPAL_OFFICER for m in user.active_memberships):
            visible = Decision.objects.visible_to(user)
            assert not visible.filter(case__household__name__startswith=SYNTHETIC_PREFIX).exists()


def test_seeding_again_adds_no_provisions(seeded):
    before = {model.__name__: model.objects.count() for model in COUNTED}

    call_command("seed_demo", stdout=StringIO())

    assert {model.__name__: model.objects.count() for model in COUNTED} == before


def _with_xml(code: str) -> list[Message]:
    """Messages with real XML, not the synthetic history (content is encrypted: no SQL filter)."""
    return [m for m in Message.objects.filter(code=code) if m.content.startswith("<")]


def test_providers_answered_the_allocations(seeded):
    assert _with_xml("301")
    assert Message.objects.filter(code="305").count() >= 2
    claim = _with_xml("323")[0]
    assert claim.reply.code == "325"


def test_provider_files_to_import_by_hand(seeded, tmp_path):
    out = StringIO()
    call_command("demo_messages", map=str(tmp_path), stdout=out)
    delfzijl = Municipality.objects.get(name="Delfzijl")
    officer = _user("consulent.delfzijl")
    outcomes = {}
    for path in sorted(tmp_path.iterdir()):
        try:
            message = message_import(
                actor=officer, municipality=delfzijl, content=path.read_bytes()
            )
            outcomes[path.name] = (message.outcome["accepted"], message.outcome["refused"])
        except ValidationError:
            outcomes[path.name] = "geweigerd"
    assert outcomes["1-declaratie-met-fouten.xml"] == (0, 3)
    assert outcomes["1-declaratie-vorige-maand.xml"][1] == 0
    assert outcomes["1-stop.xml"] == (1, 0)
    assert outcomes["9-entiteiten.xml"] == outcomes["9-geen-xml.xml"] == "geweigerd"
