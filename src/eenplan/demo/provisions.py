"""Loading provisions in Proeftuin Eemsdelta (``eenplan.demo.data.provisions``).

Configuration goes through the services as the functional admin: the regional catalogue, the
contracts with the providers and the neighbourhood teams' mandates. The demo households'
decisions go through ``decision_request`` and the officer's steps as the professionals in their
stories, so they have a timeline, an access log and mandate reasons; their moments are dated
back afterwards, as ``eenplan.demo.history`` does for cases.

The synthetic cases (``eenplan.demo.synthetic``) get decisions in bulk, one per kind of help
that a municipality pays for, with amounts from ``eenplan.provisions.amounts``, and iWmo/iJw
ones an allocation (301) and accepted claims (323) for the months that passed, so the budget has
commitments and spending worth showing.
Like the rest of the synthetic history they bypass the services and stay out of sight: the
requester is the region's inactive synthetic professional, the providers are the synthetic
organisations, and no demo account works for either. Then the budgets of last year and this year
are set, sized on those commitments (see ``USAGE_THIS_YEAR``).

Everything is skipped when it exists: loading twice changes nothing.
"""

import datetime
import random
from dataclasses import dataclass, field

from django.utils import timezone
from django.utils.text import slugify

from eenplan.cases.constants import TimelineEventKind
from eenplan.cases.models import Case, Involvement, TimelineEvent
from eenplan.demo.data.provisions import (
    ADMIN,
    CONTRACTS,
    DECISIONS,
    DELIVERED,
    EXTRAS,
    FLOOR_CENTS_PER_INHABITANT,
    MANDATE_LIMITS,
    MANDATE_MONTHS,
    MANDATE_NAME,
    MANDATE_PRODUCTS,
    MANDATE_TEAMS,
    PRODUCTS,
    PROVISIONS_SEED,
    ROUND_TO_CENTS,
    SHIFT_BY,
    SHIFT_REASON,
    SHIFT_SHARE,
    SYNTHETIC,
    USAGE_LAST_YEAR,
    USAGE_PREVENTION,
    USAGE_THIS_YEAR,
    DecisionSpec,
)
from eenplan.demo.data.regions import DELFZIJL, EEMSDELTA
from eenplan.demo.data.synthetic import COORDINATING, ORGANISATIONS, SYNTHETIC_PREFIX
from eenplan.people.models import Household
from eenplan.plans.models import Goal
from eenplan.provisions import amounts, services
from eenplan.provisions.constants import (
    BudgetDomain,
    ClaimStatus,
    DecisionStatus,
    Frequency,
    Route,
)
from eenplan.provisions.models import (
    Budget,
    Claim,
    Contract,
    ContractProduct,
    Decision,
    Mandate,
    Message,
    Product,
)
from eenplan.provisions.selectors import budget_view
from eenplan.tenancy.constants import Role
from eenplan.tenancy.models import Municipality, Organisation, Region, User

DAY = datetime.timedelta(days=1)
BATCH = 500
ALLOCATION, CLAIM = "301", "323"  # iWmo/iJw message codes
SYNTHETIC_MESSAGE = (
    "Synthetisch bericht (demo): de toewijzingen en goedgekeurde declaratieregels van de "
    "synthetische historie, zonder berichtinhoud."
)


def provisions_load(*, users: dict[str, User], municipalities: dict[str, Municipality]) -> int:
    """Load what does not exist yet; returns the number of demo-household decisions created."""
    today = timezone.localdate()
    admin = users[ADMIN]
    region = Region.objects.get(name=EEMSDELTA.name)
    eemsdelta = [municipalities[spec.cbs_code] for spec in EEMSDELTA.municipalities]
    products = _catalogue_load(admin, region)
    _contracts_load(admin, region, eemsdelta, products, today)
    _mandates_load(admin, municipalities, products)
    created = sum(_decision_load(spec, users, products, today) for spec in DECISIONS)
    _synthetic_load(region, eemsdelta, products, today)
    _budgets_load(users, eemsdelta, today)
    return created


# --- configuration ------------------------------------------------------------------------------


def _catalogue_load(admin: User, region: Region) -> dict[str, Product]:
    products = {}
    for spec in PRODUCTS:
        found = Product.objects.filter(region=region, name=spec.name).first()
        products[spec.key] = found or services.product_create(
            actor=admin,
            region=region,
            name=spec.name,
            description=spec.description,
            standard=spec.standard,
            category=spec.category,
            code=spec.code,
            unit=spec.unit,
            frequency=spec.frequency,
            legal_basis=spec.legal_basis,
            budget_domain=spec.domain,
            list_price_cents=spec.list_price_cents,
        )
    return products


def _contracts_load(admin, region, municipalities, products, today) -> None:
    """Four years: from 1 January last year to 31 December the year after next, so a demo
    decision of up to two years fits whenever the demo is seeded."""
    for spec in CONTRACTS:
        if Contract.objects.filter(region=region, reference=spec.reference).exists():
            continue
        services.contract_create(
            actor=admin,
            region=region,
            provider=Organisation.objects.get(name=spec.provider),
            reference=spec.reference,
            valid_from=datetime.date(today.year - 1, 1, 1),
            valid_until=datetime.date(today.year + 2, 12, 31),
            municipalities=municipalities,
            tariffs={products[key]: cents for key, cents in spec.tariffs},
        )


def _mandates_load(admin, municipalities, products) -> None:
    for code, team in MANDATE_TEAMS.items():
        municipality = municipalities[code]
        if Mandate.objects.filter(municipality=municipality, name=MANDATE_NAME).exists():
            continue
        services.mandate_create(
            actor=admin,
            municipality=municipality,
            name=MANDATE_NAME,
            role=Role.NEIGHBOURHOOD_TEAM_PROFESSIONAL,
            organisation=Organisation.objects.get(name=team),
            products=[products[key] for key in MANDATE_PRODUCTS],
            max_months=MANDATE_MONTHS,
            **MANDATE_LIMITS,
        )


# --- the demo households' decisions -------------------------------------------------------------


def _moment(day: datetime.date, hour: int = 10) -> datetime.datetime:
    return timezone.make_aware(datetime.datetime.combine(day, datetime.time(hour)))


def _decision_load(spec: DecisionSpec, users, products, today: datetime.date) -> bool:
    """Request (and decide, or end) one provision; False when the household already has it."""
    household = Household.objects.get(name=spec.household)
    case = Case.objects.filter(household=household).order_by("-pk").first()
    members = household.memberships.select_related("person").order_by("pk")
    person = members[spec.member].person
    product = products[spec.product]
    if Decision.objects.filter(case=case, person=person, product=product).exists():
        return False
    start = today - spec.start_days_ago * DAY
    decision = services.decision_request(
        actor=users[spec.by],
        case=case,
        person=person,
        terms=services.Terms(
            product=product,
            volume=spec.volume,
            start_date=start,
            end_date=amounts.add_months(start, spec.months) - DAY,
            provider=Organisation.objects.get(name=spec.provider) if spec.provider else None,
        ),
        motivation=spec.motivation,
        goal=Goal.objects.filter(plan__case=case, title=spec.goal).first(),
    )
    requested = min(start - 14 * DAY, today - 3 * DAY)
    moments = {
        TimelineEventKind.DECISION_REQUESTED: requested,
        TimelineEventKind.DECISION_GRANTED: requested,
    }
    outcome = spec.outcome
    if outcome and outcome.step in ("approve", "refuse"):
        step = services.decision_approve if outcome.step == "approve" else services.decision_refuse
        decision = step(actor=users[outcome.by], decision=decision, reason=outcome.reason)
        decided = requested + 5 * DAY
        moments[TimelineEventKind.DECISION_GRANTED] = decided
        moments[TimelineEventKind.DECISION_REFUSED] = decided
    elif outcome and outcome.step == "end":
        ended_on = today - outcome.days_ago * DAY
        services.decision_end(
            actor=users[outcome.by], decision=decision, ended_on=ended_on, reason=outcome.reason
        )
        moments[TimelineEventKind.DECISION_ENDED] = ended_on
    _date_back(decision, moments)
    return True


def _date_back(decision: Decision, moments: dict) -> None:
    """The services write "now"; the story happened on the days in ``moments``."""
    decided = moments.get(TimelineEventKind.DECISION_REFUSED) or moments.get(
        TimelineEventKind.DECISION_GRANTED
    )
    Decision.objects.filter(pk=decision.pk, decided_at__isnull=False).update(
        decided_at=_moment(decided, 15)
    )
    Decision.objects.filter(pk=decision.pk).update(
        requested_at=_moment(moments[TimelineEventKind.DECISION_REQUESTED])
    )
    ended = moments.get(TimelineEventKind.DECISION_ENDED)
    if ended:
        Decision.objects.filter(pk=decision.pk).update(ended_at=_moment(ended, 15))
    events = TimelineEvent.objects.filter(case=decision.case, data__decision=str(decision.uuid))
    for kind, day in moments.items():
        events.filter(kind=kind).update(occurred_at=_moment(day, 15))


# --- the synthetic history's decisions and claims -----------------------------------------------


@dataclass
class _Synthetic:
    """Decisions for the synthetic involvements of one region, as unsaved rows."""

    products: dict[str, Product]
    mandates: dict[int, Mandate]  # by municipality id
    tariffs: dict[str, int]  # by product key: the lowest contracted tariff, or the list price
    user: User
    team: Organisation
    today: datetime.date
    decisions: list[Decision] = field(default_factory=list)

    @property
    def first_day(self) -> datetime.date:
        """The first day of the budgets: 1 January last year."""
        return datetime.date(self.today.year - 1, 1, 1)

    def add(self, involvement, person_id: int, key: str, volume: int, months: int) -> None:
        """One decision per period of ``months`` while the help lasts; a period cut short by
        the end of the help is ended on that day."""
        product = self.products[key]
        start, stop = involvement.start_date, involvement.end_date
        once = product.frequency == Frequency.TOTAL
        while start <= (stop or self.today):
            end = amounts.add_months(start, months) - DAY
            ended_on = stop if stop is not None and stop < end and not once else None
            if end >= self.first_day:
                self._row(involvement, person_id, key, volume, (start, end, ended_on))
            if once or ended_on:
                return
            start = end + DAY

    def _row(self, involvement, person_id: int, key: str, volume: int, period: tuple) -> None:
        (start, end, ended_on), product = period, self.products[key]
        tariff = self.tariffs[key]
        amount = amounts.amount_cents(
            volume=volume, frequency=product.frequency, start=start, end=end, tariff_cents=tariff
        )
        mandate = self.mandates.get(involvement.case.household.municipality_id)
        within = (
            mandate is not None
            and key in MANDATE_PRODUCTS
            and amount <= mandate.max_per_decision_cents
        )
        self.decisions.append(
            Decision(
                case_id=involvement.case_id,
                person_id=person_id,
                product=product,
                provider=involvement.organisation if product.list_price_cents is None else None,
                volume=volume,
                unit=product.unit,
                frequency=product.frequency,
                start_date=start,
                end_date=end,
                tariff_cents=tariff,
                amount_cents=amount,
                legal_basis=product.legal_basis,
                motivation="Synthetisch besluit (demo).",
                status=DecisionStatus.ENDED if ended_on else DecisionStatus.GRANTED,
                route=Route.MANDATE if within else Route.OFFICER,
                mandate=mandate if within else None,
                requested_by=self.user,
                requested_by_organisation=self.team,
                decided_by=self.user,
                decided_at=_moment(start - 7 * DAY),
                ended_on=ended_on,
                ended_at=_moment(ended_on) if ended_on else None,
                end_reason="Hulp gestopt." if ended_on else "",
                # iWmo/iJw: the provider reported the start (305) and stop (307) of delivery
                delivery_started_on=start if product.standard and start <= self.today else None,
                delivery_ended_on=ended_on if product.standard else None,
            )
        )


def _synthetic_load(region, municipalities, products, today) -> int:
    """Decisions and claims for the region's synthetic cases, unless they have some already."""
    synthetic = Decision.objects.filter(
        case__household__municipality__in=municipalities,
        case__household__name__startswith=SYNTHETIC_PREFIX,
    )
    user = User.objects.filter(username=f"synthetisch.{slugify(region.name)}").first()
    team_name = f"{ORGANISATIONS[COORDINATING][0]} ({region.name})"
    team = Organisation.objects.filter(name=team_name).first()
    if synthetic.exists() or user is None or team is None:
        return 0
    plan = _Synthetic(
        products=products,
        mandates={m.municipality_id: m for m in Mandate.objects.filter(name=MANDATE_NAME)},
        tariffs=_tariffs(products),
        user=user,
        team=team,
        today=today,
    )
    _plan_decisions(plan, municipalities)
    decisions = Decision.objects.bulk_create(plan.decisions, batch_size=BATCH)
    for decision in decisions:
        decision.requested_at = decision.decided_at  # bulk_create wrote "now"
    Decision.objects.bulk_update(decisions, ["requested_at"], batch_size=BATCH)
    _messages_load(decisions, user, today)
    return len(decisions)


def _tariffs(products: dict[str, Product]) -> dict[str, int]:
    tariffs = {}
    for key, product in products.items():
        lowest = ContractProduct.objects.filter(product=product).order_by("tariff_cents").first()
        tariffs[key] = lowest.tariff_cents if lowest else product.list_price_cents
    return tariffs


def _plan_decisions(plan: _Synthetic, municipalities: list[Municipality]) -> None:
    involvements = list(
        Involvement.objects.filter(
            case__household__municipality__in=municipalities,
            case__household__name__startswith=SYNTHETIC_PREFIX,
            service_type__in=SYNTHETIC,
        )
        .select_related("case__household__municipality", "organisation")
        .order_by("pk")
    )
    persons: dict[int, list[int]] = {}
    for involvement_id, person_id in (
        Involvement.persons.through.objects.filter(involvement__in=involvements)
        .order_by("person_id")
        .values_list("involvement_id", "person_id")
    ):
        persons.setdefault(involvement_id, []).append(person_id)
    rngs = {m.pk: random.Random(f"{PROVISIONS_SEED}:{m.cbs_code}") for m in municipalities}
    for involvement in involvements:
        if involvement.pk not in persons:
            continue
        rng = rngs[involvement.case.household.municipality_id]
        person_id = persons[involvement.pk][0]
        key, (low, high), months, chance = SYNTHETIC[involvement.service_type]
        if rng.random() >= chance:
            continue
        plan.add(involvement, person_id, key, rng.randint(low, high), months)
        for extra, extra_chance, (low, high) in EXTRAS.get(key, ()):
            if rng.random() < extra_chance:
                plan.add(involvement, person_id, extra, rng.randint(low, high), months)


def _messages_load(decisions: list[Decision], user: User, today: datetime.date) -> None:
    """The iWmo/iJw decisions' allocation (301) and accepted claims per month that passed (323):
    a provider delivers 90 to 100 percent of what was granted. One synthetic message of each per
    municipality and standard holds them, so no synthetic decision waits for a 301."""
    rng = random.Random(f"{PROVISIONS_SEED}:claims")
    this_month = today.replace(day=1)
    municipality_of = dict(
        Case.objects.filter(pk__in={d.case_id for d in decisions}).values_list(
            "pk", "household__municipality_id"
        )
    )
    messages: dict[tuple, Message] = {}

    def message(municipality_id: int, standard: str, code: str) -> Message:
        if (municipality_id, standard, code) not in messages:
            messages[municipality_id, standard, code] = Message.objects.create(
                municipality_id=municipality_id,
                standard=standard,
                code=code,
                incoming=code == CLAIM,
                identification=f"SYN-{code}-{standard.upper()}",
                content=SYNTHETIC_MESSAGE,
                outcome={"synthetisch": True},
                created_by=user,
            )
        return messages[municipality_id, standard, code]

    allocated, claims = [], []
    for decision in decisions:
        standard = decision.product.standard
        if standard:
            municipality_id = municipality_of[decision.case_id]
            decision.allocation_message = message(municipality_id, standard, ALLOCATION)
            allocated.append(decision)
            claims += _claims_for(
                decision, message(municipality_id, standard, CLAIM), this_month, rng
            )
    Decision.objects.bulk_update(allocated, ["allocation_message"], batch_size=BATCH)
    Claim.objects.bulk_create(claims, batch_size=BATCH)


def _claims_for(decision: Decision, message: Message, this_month: datetime.date, rng):
    stop = decision.ended_on or decision.end_date
    month = decision.start_date.replace(day=1)
    while month < this_month and month <= stop:
        following = amounts.add_months(month, 1)
        first, last = max(month, decision.start_date), min(following - DAY, stop)
        if decision.frequency == Frequency.TOTAL:
            share = decision.amount_cents if first == decision.start_date else 0
        else:
            share = amounts.share_between(
                decision.amount_cents, decision.start_date, decision.end_date, first, last
            )
        delivered = rng.uniform(*DELIVERED)
        units = amounts.total_units(decision.volume, decision.frequency, first, last)
        if share and round(units * delivered) > 0:
            yield Claim(
                decision=decision,
                message=message,
                reference=f"SYN-{decision.pk}-{month:%Y%m}",
                period_start=first,
                period_end=last,
                volume=round(units * delivered),
                amount_cents=round(share * delivered),
                status=ClaimStatus.ACCEPTED,
            )
        month = following


# --- budgets ------------------------------------------------------------------------------------


def _budgets_load(users, municipalities: list[Municipality], today: datetime.date) -> None:
    admin = users[ADMIN]
    for municipality in municipalities:
        for year in (today.year - 1, today.year):
            if Budget.objects.filter(municipality=municipality, year=year).exists():
                continue
            usage = (
                USAGE_THIS_YEAR[municipality.cbs_code] if year == today.year else USAGE_LAST_YEAR
            )
            view = budget_view(user=admin, municipality=municipality, year=year, today=today)
            allocations = {
                line.domain: _allocation(line, usage, municipality) for line in view.lines
            }
            shift = 0
            if year < today.year and municipality.cbs_code == DELFZIJL:
                shift = _round(allocations[BudgetDomain.PREVENTION] * SHIFT_SHARE)
                allocations[BudgetDomain.PREVENTION] += shift  # moved to youth below
                allocations[BudgetDomain.YOUTH] -= shift
            budget = services.budget_set(
                actor=admin, municipality=municipality, year=year, allocations=allocations
            )
            if shift:
                services.budget_shift(
                    actor=users[SHIFT_BY],
                    budget=budget,
                    from_domain=BudgetDomain.PREVENTION,
                    to_domain=BudgetDomain.YOUTH,
                    amount_cents=shift,
                    reason=SHIFT_REASON,
                )


def _round(cents: float) -> int:
    return max(1, round(cents / ROUND_TO_CENTS)) * ROUND_TO_CENTS


def _allocation(line, usage: dict, municipality: Municipality) -> int:
    """Sized on the forecast where claims come in (iWmo, iJw), else on the commitments."""
    base = line.forecast if line.spent else line.committed
    share = usage.get(line.domain, USAGE_PREVENTION)
    floor = FLOOR_CENTS_PER_INHABITANT.get(line.domain, 0) * municipality.inhabitants
    return max(_round(base / share), _round(floor))
