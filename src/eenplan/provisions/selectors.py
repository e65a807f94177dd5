"""Every read of provisions goes through these functions.

Decisions are personal data: they are filtered with ``policy.decision_visibility`` and each read
logs one access-log entry per person. The catalogue, contracts and mandates hold none. Budgets are
aggregates over decisions and claims: municipal officers, policy roles and functional admins of the
municipality see them, and they never name a person.
"""

import datetime
import uuid
from dataclasses import dataclass, field

from django.core.exceptions import PermissionDenied
from django.db.models import Q, QuerySet, Sum
from django.utils import timezone

from eenplan.cases.models import Case
from eenplan.privacy import policy
from eenplan.privacy.constants import Action
from eenplan.privacy.services import access_log_write
from eenplan.provisions import amounts
from eenplan.provisions.constants import (
    WATCH_SHARE,
    BudgetDomain,
    BudgetStatus,
    ClaimStatus,
    DecisionStatus,
    Route,
)
from eenplan.provisions.models import (
    Budget,
    Claim,
    Contract,
    ContractProduct,
    Decision,
    Mandate,
    Product,
)
from eenplan.tenancy.constants import Role
from eenplan.tenancy.models import Municipality


def _decisions(user) -> QuerySet:
    return Decision.objects.visible_to(user).select_related(
        "case__household__municipality",
        "person",
        "product",
        "provider",
        "goal",
        "mandate",
        "requested_by",
        "requested_by_organisation",
        "decided_by",
    )


def _log(user, decisions, name: str) -> None:
    subjects = {(d.case_id, d.person_id): (d.case, d.person) for d in decisions}
    if subjects:
        access_log_write(actor=user, action=Action.READ, name=name, subjects=subjects.values())


def decisions_for_case(*, user, case: Case) -> list[Decision]:
    decisions = list(_decisions(user).filter(case=case).order_by("-requested_at", "-pk"))
    _log(user, decisions, "voorzieningen van een huishouden inzien")
    return decisions


def decision_get(*, user, decision_uuid: uuid.UUID) -> Decision:
    """One decision; ``Decision.DoesNotExist`` when the user may not see it."""
    decision = _decisions(user).get(uuid=decision_uuid)
    _log(user, [decision], "besluit inzien")
    return decision


def decisions_awaiting(*, user) -> list[Decision]:
    """Requests beyond mandate waiting for a municipal officer of the user's municipalities."""
    officer_of = policy.role_municipality_ids(user, [Role.MUNICIPAL_OFFICER])
    decisions = list(
        _decisions(user)
        .filter(status=DecisionStatus.REQUESTED, case__household__municipality_id__in=officer_of)
        .order_by("requested_at", "pk")
    )
    _log(user, decisions, "aanvragen boven mandaat inzien")
    return decisions


# --- catalogue ----------------------------------------------------------------------------------


def products_for(municipality: Municipality) -> QuerySet:
    return Product.objects.filter(region_id=municipality.region_id, is_active=True)


def contract_lines_for(municipality: Municipality, on: datetime.date | None = None) -> QuerySet:
    """Products with their contracted providers and tariffs in ``municipality`` on a day."""
    day = on or timezone.localdate()
    return (
        ContractProduct.objects.filter(
            contract__municipalities=municipality,
            contract__valid_from__lte=day,
            product__is_active=True,
        )
        .filter(Q(contract__valid_until__isnull=True) | Q(contract__valid_until__gte=day))
        .select_related("contract__provider", "product")
        .order_by("product__category", "product__name", "contract__provider__name")
    )


def contracts_in(region_id: int) -> QuerySet:
    return (
        Contract.objects.filter(region_id=region_id)
        .select_related("provider")
        .prefetch_related("municipalities", "lines__product")
    )


def mandates_for(municipality: Municipality) -> QuerySet:
    return (
        Mandate.objects.filter(municipality=municipality)
        .select_related("organisation")
        .prefetch_related("products")
    )


# --- budget -------------------------------------------------------------------------------------


def budget_municipalities(user) -> QuerySet:
    return Municipality.objects.filter(pk__in=policy.budget_municipality_ids(user))


def may_view_budget(user, municipality: Municipality) -> bool:
    return user.is_authenticated and budget_municipalities(user).filter(pk=municipality.pk).exists()


@dataclass
class BudgetLine:
    """One domain of the budget, or the whole (``domain`` empty). Amounts in cents."""

    domain: str
    label: str
    allocated: int = 0
    committed: int = 0
    spent: int = 0
    forecast: int = 0
    committed_past: int = 0  # of ``committed``: up to today

    @property
    def status(self) -> BudgetStatus:
        if self.forecast > self.allocated:
            return BudgetStatus.OVER
        if self.forecast >= self.allocated * WATCH_SHARE:
            return BudgetStatus.WATCH
        return BudgetStatus.OK

    @property
    def remaining(self) -> int:
        return self.allocated - self.forecast


@dataclass
class BudgetView:
    municipality: Municipality
    year: int
    budget: Budget | None
    lines: list[BudgetLine]
    total: BudgetLine
    # Per month (1-12), cumulative: what granted decisions commit and what accepted claims spend.
    committed_by_month: list[int] = field(default_factory=list)
    spent_by_month: list[int] = field(default_factory=list)
    within_mandate: int = 0  # number of decisions taken by a team within its mandate
    by_officer: int = 0  # number decided by a municipal officer

    @property
    def warnings(self) -> list[BudgetLine]:
        return [line for line in [*self.lines, self.total] if line.status != BudgetStatus.OK]


def budget_view(
    *, user, municipality: Municipality, year: int, today: datetime.date | None = None
) -> BudgetView:
    """Allocation, commitments, spending and forecast per domain of one municipality's budget.

    Commitment: every granted (or ended, up to its end) decision's amount, spread evenly over its
    days, for the part in ``year``. Spending: accepted claims whose period starts in ``year``.
    Forecast per domain: the larger of spending and commitments up to today, plus the
    commitments for the rest of the year; the total's is the sum of the domains'.
    """
    if not may_view_budget(user, municipality):
        raise PermissionDenied
    today = today or timezone.localdate()
    budget = Budget.objects.filter(municipality=municipality, year=year).first()
    lines = {domain: BudgetLine(domain, str(label)) for domain, label in BudgetDomain.choices}
    if budget is not None:
        for allocation in budget.allocations.all():
            lines[allocation.domain].allocated = allocation.amount_cents
    committed_by_month = _add_commitments(lines, municipality, year, today)
    spent_by_month = _add_spending(lines, municipality, year)
    routes = Decision.objects.committing().filter(
        case__household__municipality=municipality, start_date__year=year
    )
    total = BudgetLine("", "Totaal")
    for line in lines.values():
        # What was spent, or committed when providers have not claimed it (yet), up to today,
        # plus what is committed for the rest of the year.
        rest = line.committed - line.committed_past
        line.forecast = max(line.spent, line.committed_past) + rest
        for name in ("allocated", "committed", "spent", "forecast", "committed_past"):
            setattr(total, name, getattr(total, name) + getattr(line, name))
    return BudgetView(
        municipality=municipality,
        year=year,
        budget=budget,
        lines=list(lines.values()),
        total=total,
        committed_by_month=committed_by_month,
        spent_by_month=spent_by_month,
        within_mandate=routes.filter(route=Route.MANDATE).count(),
        by_officer=routes.filter(route=Route.OFFICER).count(),
    )


def _add_commitments(
    lines: dict[str, BudgetLine], municipality: Municipality, year: int, today: datetime.date
) -> list[int]:
    first, last = datetime.date(year, 1, 1), datetime.date(year, 12, 31)
    month_ends = [amounts.add_months(first, m + 1) - datetime.timedelta(days=1) for m in range(12)]
    by_month = [0] * 12
    decisions = (
        Decision.objects.committing()
        .filter(
            case__household__municipality=municipality, start_date__lte=last, end_date__gte=first
        )
        .values_list("amount_cents", "start_date", "end_date", "ended_on", "product__budget_domain")
    )
    for amount, start, end, ended_on, domain in decisions:
        # An ended decision keeps its rate: ending it cuts the tail of its period off.
        stop = min(end, ended_on) if ended_on else end

        def share(since: datetime.date, until: datetime.date) -> int:
            return amounts.share_between(amount, start, end, since, min(until, stop))  # noqa: B023

        line = lines[domain]
        line.committed += share(first, last)
        line.committed_past += share(first, min(today, last))
        for month, month_end in enumerate(month_ends):
            by_month[month] += share(first, month_end)
    return by_month


def _add_spending(lines: dict[str, BudgetLine], municipality: Municipality, year: int) -> list[int]:
    by_month = [0] * 12
    claims = (
        Claim.objects.filter(
            status=ClaimStatus.ACCEPTED,
            decision__case__household__municipality=municipality,
            period_start__year=year,
        )
        .values("decision__product__budget_domain", "period_start__month")
        .annotate(total=Sum("amount_cents"))
    )
    for row in claims:
        line = lines[row["decision__product__budget_domain"]]
        line.spent += row["total"]
        for month in range(row["period_start__month"] - 1, 12):
            by_month[month] += row["total"]
    return by_month
