"""Provisions in the region: catalogue, contracts, mandates, decisions, allocations and claims.

The region gets the demo's catalogue (``eenplan.demo.data.provisions.PRODUCTS``), a contract
with every home care, youth care, mental health, debt help and employment organisation for the
products they deliver, and a mandate per neighbourhood team. Decisions follow the help: an
involvement whose kind of help a municipality pays for (``SYNTHETIC`` of the demo) gets a
decision for its first person per period, over the last two budget years, granted within the
team's mandate or by a consulent, ended when the help stopped; a few wait for the consulent or
were refused.

iWmo/iJw decisions carry an allocation and accepted claims for every month that passed, held by
one synthetic 301 and 323 per municipality and standard (no XML content). The persons with a BSN
(all in the central town) get home help and support from the central town's main Wmo provider
from ``BSN_DECISION_MONTHS_BACK`` months ago for ``BSN_DECISION_MONTHS`` months, so a benchmark
can send that provider's 323 with thousands of lines for the months still to come.
"""

import datetime
import random

from eenplan.cases.constants import TimelineEventKind
from eenplan.cases.models import TimelineEvent
from eenplan.demo.data.provisions import (
    CONTRACTS,
    DELIVERED,
    EXTRAS,
    MANDATE_LIMITS,
    MANDATE_MONTHS,
    MANDATE_PRODUCTS,
    PRODUCTS,
    SYNTHETIC,
)
from eenplan.demo.region import texts
from eenplan.demo.region.draw import DAY, at
from eenplan.demo.region.records import CaseRecord, Involve, Org, World
from eenplan.demo.region.volumes import (
    BSN_DECISION_MONTHS,
    BSN_DECISION_MONTHS_BACK,
    DECISION_SHARE,
)
from eenplan.demo.region.writer import BulkWriter
from eenplan.provisions import amounts
from eenplan.provisions.constants import (
    BudgetDomain,
    ClaimStatus,
    DecisionStatus,
    Frequency,
    Route,
    Standard,
    Unit,
)
from eenplan.provisions.models import (
    Allocation,
    Budget,
    Claim,
    Contract,
    ContractProduct,
    Decision,
    Mandate,
    Message,
    Product,
)
from eenplan.provisions.services import EURO_TARIFF_CENTS
from eenplan.tenancy.constants import OrganisationType as T
from eenplan.tenancy.constants import Role

PROVIDED = {  # product key → the kinds of organisation contracted for it
    "hh": (T.HOME_CARE,),
    "begeleiding": (T.HOME_CARE, T.MENTAL_HEALTH),
    "dagbesteding": (T.HOME_CARE,),
    "traplift": (T.HOME_CARE,),
    "hulpmiddel": (T.HOME_CARE,),
    "ambulant": (T.YOUTH_CARE, T.MENTAL_HEALTH),
    "verblijf": (T.YOUTH_CARE,),
    "schuldhulp": (T.DEBT_HELP,),
    "reintegratie": (T.EMPLOYMENT_SERVICE,),
}
TARIFFS = {key: cents for spec in CONTRACTS for key, cents in spec.tariffs}
BSN_PRODUCTS = (("hh", 3), ("begeleiding", 2))  # (product, hours a week)
PENDING_SHARE, REFUSED_SHARE = 0.02, 0.03
REFUSAL = "Een voorliggende voorziening is passend en toereikend."
BUDGET_CENTS_PER_INHABITANT = {
    BudgetDomain.YOUTH: 45_000,
    BudgetDomain.WMO: 40_000,
    BudgetDomain.PARTICIPATION: 25_000,
    BudgetDomain.DEBT_HELP: 4_000,
    BudgetDomain.PREVENTION: 6_000,
}
DECISION_FIELDS = [
    "uuid", "case_id", "person_id", "product_id", "goal_id", "provider_id", "contract_id",
    "volume", "unit", "frequency", "start_date", "end_date", "tariff_cents", "amount_cents",
    "legal_basis", "motivation", "status", "route", "mandate_id", "requested_by_id",
    "requested_by_organisation_id", "requested_at", "decided_by_id", "decided_at",
    "decision_reason", "ended_on", "ended_at", "end_reason", "delivery_started_on",
    "delivery_ended_on", "allocation_message_id",
]  # fmt: skip


def planned_rows(world: World) -> int:
    return len(world.cases)  # about one decision per case, and its claims


class _Catalogue:
    """The region's products, contracts and mandates, once written."""

    def __init__(self) -> None:
        self.products: dict[str, tuple] = {}  # key → (id, spec)
        self.contracts: dict[tuple[int, str], tuple[int, int]] = {}  # (org, key) → (id, tariff)
        self.providers: dict[str, list[Org]] = {}
        self.mandates: dict[int, tuple[int, int]] = {}  # team id → (mandate id, max cents)
        self.messages: dict[tuple[int, str, str], int] = {}  # (town, standard, code) → id
        self.standards: dict[int, str] = {}  # product id → iStandaard ('' outside them)


def write_provisions(world: World, writer: BulkWriter) -> None:
    rng = world.rng("provisions")
    catalogue = _Catalogue()
    _products(world, writer, catalogue)
    _contracts(world, writer, catalogue, rng)
    _mandates(world, writer, catalogue)
    _messages(world, catalogue)
    decisions = _decisions(world, catalogue, rng)
    first = writer.reserve(Decision, len(decisions))
    writer.write(
        Decision,
        ["id", *DECISION_FIELDS],
        ((first + i, *(d[name] for name in DECISION_FIELDS)) for i, d in enumerate(decisions)),
    )
    _claims(world, writer, catalogue, rng, first, decisions)
    _events(world, writer, catalogue, decisions)
    _budgets(world, writer)


def _products(world: World, writer: BulkWriter, catalogue: _Catalogue) -> None:
    first = writer.reserve(Product, len(PRODUCTS))
    rows = []
    for offset, spec in enumerate(PRODUCTS):
        catalogue.products[spec.key] = (first + offset, spec)
        catalogue.standards[first + offset] = spec.standard
        price = EURO_TARIFF_CENTS if spec.unit == Unit.EURO else spec.list_price_cents
        rows.append(
            (first + offset, world.new_uuid(), world.region_id, spec.name, spec.description,
             spec.standard, spec.category, spec.code, spec.unit, spec.frequency,
             spec.legal_basis, spec.domain, price)
        )  # fmt: skip
    writer.write(
        Product,
        [
            "id", "uuid", "region_id", "name", "description", "standard", "category", "code",
            "unit", "frequency", "legal_basis", "budget_domain", "list_price_cents",
        ],
        rows,
    )  # fmt: skip


def _contracts(world: World, writer: BulkWriter, catalogue: _Catalogue, rng) -> None:
    providers = sorted(
        {o.id: o for k in PROVIDED.values() for t in k for o in world.orgs_of(t)}.values(),
        key=lambda o: o.id,
    )
    first = writer.reserve(Contract, len(providers))
    valid = (datetime.date(world.today.year - 2, 1, 1), datetime.date(world.today.year + 2, 12, 31))
    contracts, lines, towns = [], [], []
    for offset, org in enumerate(providers):
        contract_id = first + offset
        contracts.append(
            (contract_id, world.new_uuid(), world.region_id, org.id, f"LV-{offset + 1:03d}", *valid)
        )
        towns += [(contract_id, town.id) for town in world.towns]
        for key, kinds_ in PROVIDED.items():
            if org.type in kinds_:
                tariff = round(TARIFFS[key] * rng.uniform(0.95, 1.08))
                lines.append((contract_id, catalogue.products[key][0], tariff))
                catalogue.contracts[org.id, key] = (contract_id, tariff)
                catalogue.providers.setdefault(key, []).append(org)
    writer.write(
        Contract,
        ["id", "uuid", "region_id", "provider_id", "reference", "valid_from", "valid_until"],
        contracts,
    )
    writer.write(Contract.municipalities.through, ["contract_id", "municipality_id"], towns)
    writer.write(ContractProduct, ["contract_id", "product_id", "tariff_cents"], lines)


def _mandates(world: World, writer: BulkWriter, catalogue: _Catalogue) -> None:
    teams = [(town, team) for town in world.towns for team in town.teams]
    first = writer.reserve(Mandate, len(teams))
    rows, products = [], []
    for offset, (town, team) in enumerate(teams):
        mandate_id = first + offset
        catalogue.mandates[team.id] = (mandate_id, MANDATE_LIMITS["max_per_decision_cents"])
        rows.append(
            (mandate_id, world.new_uuid(), town.id, f"Mandaat {team.name}",
             Role.NEIGHBOURHOOD_TEAM_PROFESSIONAL, team.id,
             MANDATE_LIMITS["max_per_decision_cents"], MANDATE_LIMITS["max_per_year_cents"],
             MANDATE_MONTHS)
        )  # fmt: skip
        products += [(mandate_id, catalogue.products[key][0]) for key in MANDATE_PRODUCTS]
    writer.write(
        Mandate,
        [
            "id", "uuid", "municipality_id", "name", "role", "organisation_id",
            "max_per_decision_cents", "max_per_year_cents", "max_months",
        ],
        rows,
    )  # fmt: skip
    writer.write(Mandate.products.through, ["mandate_id", "product_id"], products)


def _messages(world: World, catalogue: _Catalogue) -> None:
    """One synthetic 301 and 323 per municipality and standard, through the ORM (their content
    is encrypted at rest by the field)."""
    for town in world.towns:
        officer = town.office.officers[0]
        for standard in (Standard.IWMO, Standard.IJW):
            for code in ("301", "323"):
                message = Message.objects.create(
                    municipality_id=town.id,
                    standard=standard,
                    code=code,
                    incoming=code == "323",
                    identification=f"RG-{code}-{standard.upper()}",
                    content="Synthetisch bericht (eenplan generate-region), zonder inhoud.",
                    outcome={"synthetisch": True},
                    created_by_id=officer,
                )
                catalogue.messages[town.id, standard, code] = message.pk


def _goal_for(case: CaseRecord, involvement: Involve) -> int | None:
    if case.plan is None:
        return None
    return next((g.id for g in case.plan.goals if g.domain in involvement.domains), None)


def _decisions(world: World, catalogue: _Catalogue, rng: random.Random) -> list[dict]:
    """Every decision as a dict of ``DECISION_FIELDS`` (without its id)."""
    first_day = datetime.date(world.today.year - 1, 1, 1)
    rows = []
    for case in world.cases:
        latest = {involvement.org.id: involvement for involvement in case.involvements}
        for involvement in latest.values():
            if involvement.org is case.allocations:
                rows += _bsn_decisions(world, catalogue, rng, case, involvement)
            elif involvement.service in SYNTHETIC and not (
                involvement.end and involvement.end < first_day
            ):
                for key, volume, months in _products_for(rng, involvement.service):
                    terms = (key, volume, months, first_day)
                    rows += _periods(world, catalogue, rng, case, involvement, terms)
    return rows


def _products_for(rng: random.Random, service: str) -> list[tuple[str, int, int]]:
    """``(product, volume, months)`` a municipality pays for this help: none, the main product
    or with extras (the demo's ``SYNTHETIC`` and ``EXTRAS``)."""
    key, (low, high), months, chance = SYNTHETIC[service]
    if rng.random() >= chance * DECISION_SHARE:
        return []
    extras = [
        (extra, rng.randint(*volume), months)
        for extra, share, volume in EXTRAS.get(key, ())
        if rng.random() < share
    ]
    return [(key, rng.randint(low, high), months), *extras]


def _periods(world, catalogue, rng, case: CaseRecord, involvement: Involve, terms: tuple):
    """One decision per period of ``months`` while the help lasts, from the budget years on."""
    key, volume, months, first_day = terms
    once = catalogue.products[key][1].frequency == Frequency.TOTAL
    start, stop = involvement.start, involvement.end
    while start <= (stop or world.today):
        end = amounts.add_months(start, months) - DAY
        ended_on = stop if stop is not None and stop < end and not once else None
        if end >= first_day:
            decision = _decision(
                world, catalogue, rng, case, involvement, (key, volume), start, end
            )
            yield _outcome(world, catalogue, rng, case, decision, ended_on)
        if once or ended_on:
            return
        start = end + DAY


def _provider(catalogue: _Catalogue, rng, org: Org, key: str) -> Org | None:
    """The involved organisation when it is contracted for the product, else one that is; none
    for a product with a list price (a general provision, special assistance in euros)."""
    spec = catalogue.products[key][1]
    if spec.list_price_cents is not None or spec.unit == Unit.EURO:
        return None
    if (org.id, key) in catalogue.contracts:
        return org
    options = catalogue.providers.get(key)
    return rng.choice(options) if options else None


def _decision(world, catalogue, rng, case, involvement, product, start, end) -> dict:
    key, volume = product
    product_id, spec = catalogue.products[key]
    provider = _provider(catalogue, rng, involvement.org, key)
    if provider:
        contract_id, tariff = catalogue.contracts[provider.id, key]
    else:
        contract_id, tariff = None, spec.list_price_cents or EURO_TARIFF_CENTS
    amount = amounts.amount_cents(
        volume=volume, frequency=spec.frequency, start=start, end=end, tariff_cents=tariff
    )
    team = case.home.team
    mandate_id, limit = catalogue.mandates[team.id]
    within = (
        key in MANDATE_PRODUCTS
        and amount <= limit
        and amounts.months_in(start, end) <= MANDATE_MONTHS
    )
    requester = case.coordinator if case.coordinator_org is team else rng.choice(team.workers)
    decided = start - 7 * DAY
    return {
        "uuid": world.new_uuid(),
        "case_id": case.id,
        "person_id": involvement.persons[0].id,
        "product_id": product_id,
        "goal_id": _goal_for(case, involvement),
        "provider_id": provider.id if provider else None,
        "contract_id": contract_id,
        "volume": volume,
        "unit": spec.unit,
        "frequency": spec.frequency,
        "start_date": start,
        "end_date": end,
        "tariff_cents": tariff,
        "amount_cents": amount,
        "legal_basis": spec.legal_basis,
        "motivation": texts.DECISION_MOTIVATION,
        "status": DecisionStatus.GRANTED,
        "route": Route.MANDATE if within else Route.OFFICER,
        "mandate_id": mandate_id if within else None,
        "requested_by_id": requester,
        "requested_by_organisation_id": team.id,
        "requested_at": at(decided - 5 * DAY, 11),
        "decided_by_id": requester if within else rng.choice(case.home.town.office.officers),
        "decided_at": at(decided, 15),
        "decision_reason": "",
        "ended_on": None,
        "ended_at": None,
        "end_reason": "",
        "delivery_started_on": None,
        "delivery_ended_on": None,
        "allocation_message_id": None,
    }


def _outcome(world, catalogue, rng, case: CaseRecord, decision: dict, ended_on) -> dict:
    """Granted (and ended when the help stopped), or now and then still waiting for the
    consulent or refused; a granted iWmo/iJw decision with a provider is allocated and its
    delivery began."""
    roll = rng.random()
    officer = rng.choice(case.home.town.office.officers)
    if case.closed is None and decision["route"] == Route.OFFICER and roll < PENDING_SHARE:
        decision.update(status=DecisionStatus.REQUESTED, decided_by_id=None, decided_at=None)
        return decision
    if roll < PENDING_SHARE + REFUSED_SHARE:
        decision.update(
            status=DecisionStatus.REFUSED, decided_by_id=officer, decision_reason=REFUSAL
        )
        return decision
    if ended_on:
        decision.update(
            status=DecisionStatus.ENDED,
            ended_on=ended_on,
            ended_at=at(ended_on, 15),
            end_reason="Hulp gestopt.",
        )
    standard = catalogue.standards[decision["product_id"]]
    if standard and decision["provider_id"]:
        start = decision["start_date"]
        decision.update(
            delivery_started_on=start if start <= world.today else None,
            delivery_ended_on=ended_on,
            allocation_message_id=catalogue.messages[case.home.town.id, standard, "301"],
        )
    return decision


def _bsn_decisions(world, catalogue, rng, case: CaseRecord, involvement: Involve):
    """Home help and support for every BSN person, running a year ahead (see module doc)."""
    this_month = world.today.replace(day=1)
    start = amounts.add_months(this_month, -BSN_DECISION_MONTHS_BACK)
    end = amounts.add_months(start, BSN_DECISION_MONTHS) - DAY
    officer = case.home.town.office.officers[0]
    for person in involvement.persons:
        for key, volume in BSN_PRODUCTS:
            product = (key, volume)
            decision = _decision(world, catalogue, rng, case, involvement, product, start, end)
            standard = catalogue.standards[decision["product_id"]]
            decision.update(
                person_id=person.id,
                route=Route.OFFICER,
                mandate_id=None,
                requested_by_id=case.coordinator or involvement.contact,
                requested_by_organisation_id=(case.coordinator_org or involvement.org).id,
                decided_by_id=officer,
                delivery_started_on=start,
                allocation_message_id=catalogue.messages[case.home.town.id, standard, "301"],
            )
            yield decision


def _claims(world, writer, catalogue, rng, first_id: int, decisions: list[dict]) -> None:
    """Accepted claims for each allocation, per month that passed: 90 to 100 percent of it."""
    this_month = world.today.replace(day=1)
    town_of = {case.id: case.home.town.id for case in world.cases}

    def rows():
        for offset, decision in enumerate(decisions):
            if decision["allocation_message_id"] is None:
                continue
            standard = catalogue.standards[decision["product_id"]]
            message = catalogue.messages[town_of[decision["case_id"]], standard, "323"]
            yield from _monthly(rng, first_id + offset, decision, message, this_month)

    writer.write(
        Claim,
        [
            "uuid", "decision_id", "message_id", "reference", "period_start", "period_end",
            "volume", "amount_cents", "status",
        ],
        ((world.new_uuid(), *claim) for claim in rows()),
    )  # fmt: skip


def _monthly(rng, decision_id: int, decision: dict, message: int, this_month: datetime.date):
    start, end = decision["start_date"], decision["end_date"]
    stop = decision["ended_on"] or end
    volume, frequency = decision["volume"], decision["frequency"]
    month = start.replace(day=1)
    while month < this_month and month <= stop:
        following = amounts.add_months(month, 1)
        first, last = max(month, start), min(following - DAY, stop)
        if frequency == Frequency.TOTAL:
            share = decision["amount_cents"] if first == start else 0
        else:
            share = amounts.share_between(decision["amount_cents"], start, end, first, last)
        delivered = rng.uniform(*DELIVERED)
        units = round(amounts.total_units(volume, frequency, first, last) * delivered)
        if share and units > 0:
            reference = f"RG-{decision_id}-{month:%Y%m}"
            amount = round(share * delivered)
            yield decision_id, message, reference, first, last, units, amount, ClaimStatus.ACCEPTED
        month = following


def _events(world, writer, catalogue, decisions: list[dict]) -> None:
    names = {product_id: spec.name for product_id, spec in catalogue.products.values()}
    granted = (DecisionStatus.GRANTED, DecisionStatus.ENDED)
    writer.write(
        TimelineEvent,
        ["uuid", "case_id", "occurred_at", "actor_id", "actor_organisation_id", "kind", "summary"],
        (
            (world.new_uuid(), d["case_id"], d["decided_at"], d["decided_by_id"],
             d["requested_by_organisation_id"], TimelineEventKind.DECISION_GRANTED,
             f"Voorziening toegekend: {names[d['product_id']]}.")
            for d in decisions
            if d["status"] in granted
        ),
    )  # fmt: skip


def _budgets(world: World, writer: BulkWriter) -> None:
    years = (world.today.year - 1, world.today.year)
    first = writer.reserve(Budget, len(world.towns) * len(years))
    budgets, allocations = [], []
    for offset, (town, year) in enumerate((t, y) for t in world.towns for y in years):
        budget_id = first + offset
        budgets.append((budget_id, world.new_uuid(), town.id, year))
        allocations += [
            (budget_id, domain, cents * town.inhabitants)
            for domain, cents in BUDGET_CENTS_PER_INHABITANT.items()
        ]
    writer.write(Budget, ["id", "uuid", "municipality_id", "year"], budgets)
    writer.write(Allocation, ["budget_id", "domain", "amount_cents"], allocations)
