"""The budget page: the numbers of ``budget_view`` (adding up to the total), warnings in words,
the chart, the counts of both routes, setting and shifting the budget, and who may do what.
Never a resident's name."""

import datetime
import re

import pytest
from django.urls import reverse
from django.utils import timezone

from eenplan.cases.tests.test_views_layout import assert_accessible_page
from eenplan.provisions.constants import BudgetDomain
from eenplan.provisions.models import Allocation, Budget, BudgetShift, Claim, Message
from eenplan.provisions.selectors import budget_view
from eenplan.provisions.services import Terms, budget_set, decision_approve, decision_request
from eenplan.tenancy.constants import OrganisationType, Role
from eenplan.tenancy.tests.factories import OrganisationFactory, user_in

pytestmark = pytest.mark.django_db

# A year that has not started, so the forecast is the whole commitment whatever today is.
YEAR = timezone.localdate().year + 1
AMOUNT = re.compile(r'data-bedrag="(\w+)">([^<]*)<')
COLUMNS = ("budget", "vastgelegd", "uitgegeven", "prognose", "over")


def _url(setting, year=YEAR) -> str:
    return reverse("provisions:budget-year", args=[setting.municipality.uuid, year])


def _cents(text: str) -> int:
    sign = -1 if text.startswith("-") else 1
    return sign * int(text.lstrip("-").replace("€", "").replace(".", "").replace(",", "").strip())


def _rows(page: str) -> list[dict[str, int]]:
    """The amounts of the table per row (5 domains, then the total), by column."""
    cells = AMOUNT.findall(page)
    assert len(cells) == 6 * len(COLUMNS)
    rows = [cells[i : i + len(COLUMNS)] for i in range(0, len(cells), len(COLUMNS))]
    return [{name: _cents(value) for name, value in row} for row in rows]


def _request(setting):
    return decision_request(
        actor=setting.team_member,
        case=setting.case,
        person=setting.case.household.members.order_by("pk").first(),
        terms=Terms(
            product=setting.stairlift,
            provider=setting.provider,
            volume=1,
            start_date=datetime.date(YEAR, 1, 1),
            end_date=datetime.date(YEAR, 12, 31),
        ),
        motivation="Zelfstandig blijven wonen.",
        goal=setting.goal,
    )


@pytest.fixture
def budgeted(setting):
    """€ 10.000 for Wmo and € 5.000 for each other domain; a stairlift of € 4.000 granted within
    mandate and one granted by the officer beyond it."""
    allocations = {domain: 500_000 for domain in BudgetDomain.values} | {
        BudgetDomain.WMO: 1_000_000
    }
    budget_set(
        actor=setting.officer, municipality=setting.municipality, year=YEAR, allocations=allocations
    )
    _request(setting)
    setting.mandate.max_per_decision_cents = 100_000
    setting.mandate.save()
    decision_approve(actor=setting.officer, decision=_request(setting))
    return setting


def _allocate(setting, domain, cents):
    Allocation.objects.filter(budget__year=YEAR, domain=domain).update(amount_cents=cents)


def test_the_page_shows_the_commitments_of_both_decisions(client, budgeted):
    client.force_login(budgeted.officer)
    response = client.get(_url(budgeted))
    assert response.status_code == 200
    page = response.content.decode()
    assert_accessible_page(page)

    view = budget_view(user=budgeted.officer, municipality=budgeted.municipality, year=YEAR)
    rows = _rows(page)
    for row, line in zip(rows, [*view.lines, view.total], strict=True):
        assert row == {
            "budget": line.allocated,
            "vastgelegd": line.committed,
            "uitgegeven": line.spent,
            "prognose": line.forecast,
            "over": line.remaining,
        }
    *domains, total = rows
    for column in COLUMNS:
        assert sum(row[column] for row in domains) == total[column]
    assert total["vastgelegd"] == 800_000  # both stairlifts
    assert total["budget"] == 3_000_000
    assert "<strong>1</strong> binnen het mandaat" in page
    assert "<strong>1</strong> door een consulent" in page
    assert page.count('role="img"') == 1  # the chart
    assert "Let op" not in page


def test_never_a_residents_name(client, budgeted):
    client.force_login(budgeted.officer)
    page = client.get(_url(budgeted)).content.decode()
    household = budgeted.case.household
    assert household.name not in page
    for person in household.members.all():
        assert person.surname not in page and person.given_names not in page


def test_a_domain_over_its_allocation_is_said_in_words(client, budgeted):
    _allocate(budgeted, BudgetDomain.WMO, 700_000)
    client.force_login(budgeted.officer)
    page = client.get(_url(budgeted)).content.decode()
    assert "De prognose gaat over het budget heen" in page
    assert "Over het budget" in page
    assert "€ 1.000,00 tekort" in page


def test_a_domain_close_to_its_allocation_is_a_warning(client, budgeted):
    _allocate(budgeted, BudgetDomain.WMO, 850_000)
    client.force_login(budgeted.officer)
    page = client.get(_url(budgeted)).content.decode()
    assert "Let op: de prognose komt dicht bij het budget" in page


def test_a_shift_keeps_the_total(client, budgeted):
    client.force_login(budgeted.officer)
    before = sum(
        Allocation.objects.filter(budget__year=YEAR).values_list("amount_cents", flat=True)
    )
    response = client.post(
        reverse("provisions:budget-shift", args=[budgeted.municipality.uuid, YEAR]),
        {
            "verschuiving-from_domain": BudgetDomain.YOUTH,
            "verschuiving-to_domain": BudgetDomain.WMO,
            "verschuiving-amount": "2.000,00",
            "verschuiving-reason": "Meer trapliften dan begroot.",
        },
        follow=True,
    )
    after = dict(Allocation.objects.filter(budget__year=YEAR).values_list("domain", "amount_cents"))
    assert sum(after.values()) == before
    assert after[BudgetDomain.YOUTH] == 300_000 and after[BudgetDomain.WMO] == 1_200_000
    page = response.content.decode()
    assert "Meer trapliften dan begroot." in page
    assert _rows(page)[-1]["budget"] == before
    assert BudgetShift.objects.count() == 1


@pytest.mark.parametrize(
    ("to_domain", "amount", "message"),
    [
        (BudgetDomain.YOUTH, "10", "Kies twee verschillende domeinen."),
        (BudgetDomain.WMO, "6.000", "Er staat maar € 5.000,00 op dit domein."),
        (BudgetDomain.WMO, "twee", "Vul een bedrag in euro in"),
    ],
)
def test_a_wrong_shift_changes_nothing(client, budgeted, to_domain, amount, message):
    client.force_login(budgeted.officer)
    response = client.post(
        reverse("provisions:budget-shift", args=[budgeted.municipality.uuid, YEAR]),
        {
            "verschuiving-from_domain": BudgetDomain.YOUTH,
            "verschuiving-to_domain": to_domain,
            "verschuiving-amount": amount,
            "verschuiving-reason": "Waarom niet.",
        },
    )
    assert response.status_code == 400
    assert message in response.content.decode()
    assert not BudgetShift.objects.exists()


def test_setting_the_budget_from_the_page(client, setting):
    client.force_login(setting.officer)
    page = client.get(_url(setting)).content.decode()
    assert f"Voor {YEAR} is nog geen budget vastgesteld." in page
    data = {f"verdeling-{domain}": "1.000" for domain in BudgetDomain.values}
    response = client.post(
        reverse("provisions:budget-set", args=[setting.municipality.uuid, YEAR]), data
    )
    assert response.status_code == 302
    budget = Budget.objects.get(municipality=setting.municipality, year=YEAR)
    assert sorted(budget.allocations.values_list("amount_cents", flat=True)) == [100_000] * 5


def test_a_team_leader_sees_but_does_not_change_the_budget(client, budgeted):
    municipal = OrganisationFactory(name="Gemeente leiding", type=OrganisationType.MUNICIPALITY)
    municipal.municipalities.add(budgeted.municipality)
    client.force_login(user_in(municipal, Role.TEAM_LEADER, username="teamleider"))
    page = client.get(_url(budgeted)).content.decode()
    assert "Per domein" in page
    assert "Geld verschuiven" not in page and "Budget opslaan" not in page
    response = client.post(
        reverse("provisions:budget-shift", args=[budgeted.municipality.uuid, YEAR]), {}
    )
    assert response.status_code == 403


def test_a_professional_without_a_budget_role_gets_403(client, budgeted):
    client.force_login(budgeted.team_member)
    assert client.get(reverse("provisions:budget")).status_code == 403
    assert client.get(_url(budgeted)).status_code == 403
    assert "Budget</a>" not in client.get(reverse("cases:my-cases")).content.decode()


def test_choosing_a_municipality_and_year(client, setting):
    client.force_login(setting.officer)
    response = client.get(reverse("provisions:budget"))
    assert response.url == _url(setting, timezone.localdate().year)
    chosen = client.get(
        reverse("provisions:budget"), {"gemeente": str(setting.municipality.uuid), "jaar": "2027"}
    )
    assert chosen.url == _url(setting, 2027)
    wrong = client.get(reverse("provisions:budget"), {"gemeente": "niets", "jaar": "twee"})
    assert wrong.status_code == 400
    assert "Kies een gemeente uit de lijst." in wrong.content.decode()
    assert client.get(_url(setting, 1900)).status_code == 404


def _claim(decision, cents, month):
    message = Message.objects.create(
        municipality=decision.case.household.municipality,
        standard=decision.product.standard,
        code="323",
        incoming=True,
        content="<Bericht/>",
        created_by=decision.requested_by,
    )
    Claim.objects.create(
        decision=decision,
        message=message,
        reference=f"R{month}",
        period_start=datetime.date(YEAR, month, 1),
        period_end=datetime.date(YEAR, month, 28),
        volume=1,
        amount_cents=cents,
        status="goedgekeurd",
    )


def test_the_forecast_counts_unclaimed_commitments_and_claims_beyond_them(budgeted):
    """Two stairlifts of € 4.000 over the whole year: on 30 June half of it is committed so far."""
    mid_year = datetime.date(YEAR, 7, 2)  # 182 of 365 days have passed

    def wmo():
        view = budget_view(
            user=budgeted.officer, municipality=budgeted.municipality, year=YEAR, today=mid_year
        )
        return next(line for line in view.lines if line.domain == BudgetDomain.WMO)

    assert wmo().committed == 800_000
    assert wmo().forecast == 800_000  # nothing claimed yet: the commitments stand
    decision = budgeted.case.decisions.first()
    _claim(decision, 300_000, month=2)
    assert wmo().spent == 300_000
    assert wmo().forecast == 800_000  # claimed less than committed so far
    _claim(decision, 200_000, month=3)
    past = wmo().committed_past
    assert wmo().forecast == 500_000 + (800_000 - past)  # claimed more than committed so far
