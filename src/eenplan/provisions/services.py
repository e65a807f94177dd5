"""Every change to provisions goes through these functions.

Configuration (catalogue, contracts, mandates) is the functional admin's; budgets are set and
shifted by the municipality (officers, policy officers, functional admins). A decision starts as a
request from someone working on the case: within the requester's mandate it is granted at once,
beyond it it waits for a municipal officer, who grants or refuses with reasons. Each step lands on
the case timeline, which writes the access log.
"""

import datetime
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.db.models import Sum
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _

from eenplan.cases.constants import DataCategory, TimelineEventKind
from eenplan.cases.models import Case
from eenplan.cases.services import case_lock_visible, timeline_record
from eenplan.privacy import policy
from eenplan.provisions import amounts
from eenplan.provisions.constants import (
    CATEGORIES,
    BudgetDomain,
    DecisionStatus,
    Route,
    Standard,
    Unit,
)
from eenplan.provisions.models import (
    Allocation,
    Budget,
    BudgetShift,
    Contract,
    ContractProduct,
    Decision,
    Mandate,
    Product,
)
from eenplan.tenancy.constants import Role
from eenplan.tenancy.models import Municipality, Organisation, Region

BUDGET_EDITOR_ROLES = (Role.MUNICIPAL_OFFICER, Role.POLICY_OFFICER, Role.FUNCTIONAL_ADMIN)
EURO_TARIFF_CENTS = 100


def euros(cents: int) -> str:
    """'€ 1.234,50' — amounts in Dutch notation for texts and letters."""
    whole, rest = divmod(abs(cents), 100)
    sign = "-" if cents < 0 else ""
    return f"{sign}€ {whole:,}".replace(",", ".") + f",{rest:02d}"


def _municipality_ids(actor, roles) -> set[int]:
    return set(policy.role_municipality_ids(actor, roles).values_list("municipality_id", flat=True))


def _require_admin_of(actor, municipalities: Iterable[Municipality]) -> None:
    allowed = _municipality_ids(actor, [Role.FUNCTIONAL_ADMIN])
    if not allowed or any(m.pk not in allowed for m in municipalities):
        raise PermissionDenied(_("Alleen een functioneel beheerder van de gemeente mag dit."))


def _require_admin_in_region(actor, region: Region) -> None:
    allowed = _municipality_ids(actor, [Role.FUNCTIONAL_ADMIN])
    if not region.municipalities.filter(pk__in=allowed).exists():
        raise PermissionDenied(_("Alleen een functioneel beheerder in deze regio mag dit."))


# --- catalogue, contracts and mandates ----------------------------------------------------------


@transaction.atomic
def product_create(
    *,
    actor,
    region: Region,
    name: str,
    unit: str,
    frequency: str,
    legal_basis: str,
    budget_domain: str,
    standard: str = Standard.NONE,
    category: str = "",
    code: str = "",
    description: str = "",
    list_price_cents: int | None = None,
) -> Product:
    _require_admin_in_region(actor, region)
    if standard and category not in CATEGORIES[standard]:
        raise ValidationError(
            {"category": _("Kies een productcategorie van de %s.") % Standard(standard).label}
        )
    if not standard and (category or code):
        raise ValidationError(
            {"category": _("Een product buiten de iStandaarden heeft geen categorie of code.")}
        )
    if (
        standard
        and Product.objects.filter(
            region=region, standard=standard, category=category, code=code
        ).exists()
    ):
        raise ValidationError({"code": _("Dit product staat al in de catalogus van de regio.")})
    product = Product(
        region=region,
        name=name.strip(),
        description=description.strip(),
        standard=standard,
        category=category,
        code=code.strip(),
        unit=unit,
        frequency=frequency,
        legal_basis=legal_basis,
        budget_domain=budget_domain,
        list_price_cents=EURO_TARIFF_CENTS if unit == Unit.EURO else list_price_cents,
    )
    product.full_clean()
    product.save()
    return product


@transaction.atomic
def contract_create(
    *,
    actor,
    region: Region,
    provider: Organisation,
    reference: str,
    valid_from: datetime.date,
    valid_until: datetime.date | None,
    municipalities: Iterable[Municipality],
    tariffs: Mapping[Product, int],
) -> Contract:
    """A contract with ``provider``; ``tariffs`` gives the tariff per unit (cents) per product."""
    _require_admin_in_region(actor, region)
    municipalities = list(municipalities)
    if not municipalities or any(m.region_id != region.pk for m in municipalities):
        raise ValidationError({"municipalities": _("Kies een of meer gemeenten uit de regio.")})
    if valid_until is not None and valid_until < valid_from:
        raise ValidationError({"valid_until": _("De einddatum ligt voor de begindatum.")})
    if not tariffs:
        raise ValidationError({"tariffs": _("Een contract heeft minstens één product.")})
    if any(product.region_id != region.pk for product in tariffs):
        raise ValidationError({"tariffs": _("Een product komt niet uit de regiocatalogus.")})
    if any(product.standard and not provider.agb_code for product in tariffs):
        raise ValidationError(
            {"provider": _("Voor iWmo- en iJw-producten heeft de aanbieder een AGB-code nodig.")}
        )
    if Contract.objects.filter(region=region, reference=reference.strip()).exists():
        raise ValidationError({"reference": _("Dit kenmerk bestaat al in de regio.")})
    contract = Contract.objects.create(
        region=region,
        provider=provider,
        reference=reference.strip(),
        valid_from=valid_from,
        valid_until=valid_until,
    )
    contract.municipalities.set(municipalities)
    ContractProduct.objects.bulk_create(
        ContractProduct(contract=contract, product=product, tariff_cents=tariff)
        for product, tariff in tariffs.items()
    )
    return contract


@transaction.atomic
def mandate_create(
    *,
    actor,
    municipality: Municipality,
    name: str,
    products: Iterable[Product],
    max_per_decision_cents: int,
    max_per_year_cents: int,
    max_months: int,
    role: str = "",
    organisation: Organisation | None = None,
) -> Mandate:
    _require_admin_of(actor, [municipality])
    products = list(products)
    if not role and organisation is None:
        raise ValidationError(_("Een mandaat geldt voor een rol, een team of allebei."))
    if not products or any(p.region_id != municipality.region_id for p in products):
        raise ValidationError({"products": _("Kies een of meer producten uit de regiocatalogus.")})
    if max_per_year_cents < max_per_decision_cents:
        raise ValidationError(
            {"max_per_year_cents": _("Het jaarmaximum is lager dan het maximum per besluit.")}
        )
    if max_months < 1:
        raise ValidationError({"max_months": _("Een mandaat geldt minstens één maand.")})
    mandate = Mandate.objects.create(
        municipality=municipality,
        name=name.strip(),
        role=role,
        organisation=organisation,
        max_per_decision_cents=max_per_decision_cents,
        max_per_year_cents=max_per_year_cents,
        max_months=max_months,
    )
    mandate.products.set(products)
    return mandate


# --- decisions ----------------------------------------------------------------------------------


@dataclass(frozen=True)
class MandateCheck:
    """The outcome of testing a request against the requester's mandates."""

    mandate: Mandate | None
    reasons: list[str] = field(default_factory=list)

    @property
    def within(self) -> bool:
        return self.mandate is not None


def _mandates_held(actor, municipality: Municipality, product: Product) -> list[Mandate]:
    memberships = actor.active_memberships
    serving = set(
        Organisation.municipalities.through.objects.filter(
            municipality=municipality, organisation_id__in=[m.organisation_id for m in memberships]
        ).values_list("organisation_id", flat=True)
    )
    candidates = Mandate.objects.filter(
        municipality=municipality, is_active=True, products=product
    ).order_by("-max_per_decision_cents", "pk")
    return [
        mandate
        for mandate in candidates
        if any(
            m.organisation_id in serving
            and mandate.role in ("", m.role)
            and mandate.organisation_id in (None, m.organisation_id)
            for m in memberships
        )
    ]


def _limits_exceeded(
    mandate: Mandate, *, person, amount: int, start: datetime.date, end: datetime.date
) -> list[str]:
    reasons = []
    if amount > mandate.max_per_decision_cents:
        reasons.append(
            _("Het bedrag van %(amount)s is hoger dan het mandaat van %(max)s per besluit.")
            % {"amount": euros(amount), "max": euros(mandate.max_per_decision_cents)}
        )
    granted_this_year = (
        Decision.objects.committing()
        .filter(person=person, mandate=mandate, start_date__year=start.year)
        .aggregate(total=Sum("amount_cents"))["total"]
        or 0
    )
    if granted_this_year + amount > mandate.max_per_year_cents:
        reasons.append(
            _(
                "Samen met wat deze inwoner in %(year)s al binnen mandaat kreeg (%(granted)s) "
                "komt dit boven het jaarmaximum van %(max)s."
            )
            % {
                "year": start.year,
                "granted": euros(granted_this_year),
                "max": euros(mandate.max_per_year_cents),
            }
        )
    last_day = amounts.add_months(start, mandate.max_months) - datetime.timedelta(days=1)
    if end > last_day:
        reasons.append(
            _("De periode is langer dan het mandaat van %(months)s maanden (tot en met %(day)s).")
            % {"months": mandate.max_months, "day": date_format(last_day, "j F Y")}
        )
    return reasons


def mandate_check(
    *, actor, municipality: Municipality, product: Product, person, amount: int,
    start: datetime.date, end: datetime.date,
) -> MandateCheck:  # fmt: skip
    """Whether ``actor`` may grant this without the municipality, and if not, why not."""
    held = _mandates_held(actor, municipality, product)
    if not held:
        return MandateCheck(
            None,
            [_("U heeft geen mandaat voor %(product)s in %(municipality)s.")
             % {"product": product.name, "municipality": municipality.name}],
        )  # fmt: skip
    first_reasons = None
    for mandate in held:
        reasons = _limits_exceeded(mandate, person=person, amount=amount, start=start, end=end)
        if not reasons:
            return MandateCheck(mandate)
        first_reasons = first_reasons or reasons
    return MandateCheck(None, first_reasons)


@dataclass(frozen=True)
class Terms:
    """What a request asks for: the provision, how much, how long, from whom."""

    product: Product
    volume: int
    start_date: datetime.date
    end_date: datetime.date
    frequency: str = ""  # the product's frequency when empty
    provider: Organisation | None = None


def _contract_line(terms: Terms, municipality: Municipality) -> ContractProduct:
    line = (
        ContractProduct.objects.filter(
            product=terms.product,
            contract__provider=terms.provider,
            contract__municipalities=municipality,
            contract__valid_from__lte=terms.start_date,
        )
        .select_related("contract")
        .order_by("-contract__valid_from")
        .first()
    )
    if line is None:
        raise ValidationError(
            {"provider": _("%(provider)s heeft geen contract voor dit product in %(name)s.")
             % {"provider": terms.provider, "name": municipality.name}}
        )  # fmt: skip
    valid_until = line.contract.valid_until
    if valid_until is not None and terms.end_date > valid_until:
        raise ValidationError(
            {"end_date": _("Het contract loopt tot en met %s. Kies een eerdere einddatum.")
             % date_format(valid_until, "j F Y")}
        )  # fmt: skip
    return line


def _price(terms: Terms, municipality: Municipality) -> tuple[int, Contract | None]:
    if terms.provider is not None:
        line = _contract_line(terms, municipality)
        return line.tariff_cents, line.contract
    if terms.product.standard:
        raise ValidationError(
            {"provider": _("Kies een gecontracteerde aanbieder voor dit product.")}
        )
    if terms.product.list_price_cents is None:
        raise ValidationError(
            {"provider": _("Dit product heeft geen richtprijs. Kies een aanbieder.")}
        )
    return terms.product.list_price_cents, None


def _check_terms(terms: Terms, case: Case) -> None:
    product = terms.product
    if not product.is_active or product.region_id != case.household.municipality.region_id:
        raise ValidationError({"product": _("Dit product is niet te kiezen in deze gemeente.")})
    if terms.volume < 1:
        raise ValidationError({"volume": _("De omvang is minstens 1.")})
    if terms.end_date < terms.start_date:
        raise ValidationError({"end_date": _("De einddatum ligt voor de ingangsdatum.")})


@transaction.atomic
def decision_request(
    *, actor, case: Case, person, terms: Terms, motivation: str, goal=None
) -> Decision:
    """Ask for a provision for ``person``; granted at once when it fits the actor's mandate."""
    case = case_lock_visible(actor=actor, case=case, category=DataCategory.PLAN)
    if not case.household.memberships.filter(person=person).exists():
        raise ValidationError({"person": _("Kies een lid van dit huishouden.")})
    if goal is not None and goal.plan.case_id != case.pk:
        raise ValidationError({"goal": _("Dit doel hoort niet bij het plan van dit huishouden.")})
    if not motivation.strip():
        raise ValidationError({"motivation": _("Schrijf op waarom deze voorziening nodig is.")})
    _check_terms(terms, case)
    municipality = case.household.municipality
    frequency = terms.frequency or terms.product.frequency
    tariff, contract = _price(terms, municipality)
    amount = amounts.amount_cents(
        volume=terms.volume,
        frequency=frequency,
        start=terms.start_date,
        end=terms.end_date,
        tariff_cents=tariff,
    )
    check = mandate_check(
        actor=actor,
        municipality=municipality,
        product=terms.product,
        person=person,
        amount=amount,
        start=terms.start_date,
        end=terms.end_date,
    )
    now = timezone.now()
    decision = Decision.objects.create(
        case=case,
        person=person,
        product=terms.product,
        goal=goal,
        provider=terms.provider,
        contract=contract,
        volume=terms.volume,
        unit=terms.product.unit,
        frequency=frequency,
        start_date=terms.start_date,
        end_date=terms.end_date,
        tariff_cents=tariff,
        amount_cents=amount,
        legal_basis=terms.product.legal_basis,
        motivation=motivation.strip(),
        status=DecisionStatus.GRANTED if check.within else DecisionStatus.REQUESTED,
        route=Route.MANDATE if check.within else Route.OFFICER,
        mandate=check.mandate,
        beyond_mandate="\n".join(check.reasons),
        requested_by=actor,
        requested_by_organisation=actor.acting_organisation,
        decided_by=actor if check.within else None,
        decided_at=now if check.within else None,
    )
    if check.within:
        summary = _("%(product)s voor %(person)s toegekend binnen mandaat (%(amount)s).")
        kind = TimelineEventKind.DECISION_GRANTED
    else:
        summary = _("%(product)s voor %(person)s aangevraagd bij de gemeente (%(amount)s).")
        kind = TimelineEventKind.DECISION_REQUESTED
    _record(actor, decision, kind, summary)
    return decision


def _record(actor, decision: Decision, kind: TimelineEventKind, summary: str) -> None:
    timeline_record(
        actor=actor,
        case=decision.case,
        kind=kind,
        summary=summary
        % {
            "product": decision.product.name,
            "person": decision.person.given_names,
            "amount": euros(decision.amount_cents),
        },
        data={"decision": str(decision.uuid)},
    )


def may_decide(actor, decision: Decision) -> bool:
    """Municipal officers of the household's municipality decide beyond mandate."""
    municipality_id = decision.case.household.municipality_id
    return municipality_id in _municipality_ids(actor, [Role.MUNICIPAL_OFFICER])


def _lock_decision(actor, decision: Decision, status: DecisionStatus) -> Decision:
    """The decision re-read under a row lock; ``Decision.DoesNotExist`` when not visible."""
    locked = (
        Decision.objects.visible_to(actor)
        .select_related("case__household", "product", "person")
        .select_for_update(of=("self",))
        .get(pk=decision.pk)
    )
    if locked.status != status:
        raise ValidationError(_("Dit besluit is al %s.") % locked.get_status_display().lower())
    return locked


@transaction.atomic
def decision_approve(*, actor, decision: Decision, reason: str = "") -> Decision:
    decision = _lock_decision(actor, decision, DecisionStatus.REQUESTED)
    if not may_decide(actor, decision):
        raise PermissionDenied(_("Alleen een consulent van de gemeente beslist boven mandaat."))
    decision.status = DecisionStatus.GRANTED
    decision.decided_by, decision.decided_at = actor, timezone.now()
    decision.decision_reason = reason.strip()
    decision.save(update_fields=["status", "decided_by", "decided_at", "decision_reason"])
    _record(
        actor,
        decision,
        TimelineEventKind.DECISION_GRANTED,
        _("%(product)s voor %(person)s toegekend door de gemeente (%(amount)s)."),
    )
    return decision


@transaction.atomic
def decision_refuse(*, actor, decision: Decision, reason: str) -> Decision:
    decision = _lock_decision(actor, decision, DecisionStatus.REQUESTED)
    if not may_decide(actor, decision):
        raise PermissionDenied(_("Alleen een consulent van de gemeente beslist boven mandaat."))
    if not reason.strip():
        raise ValidationError({"reason": _("Schrijf op waarom de aanvraag wordt afgewezen.")})
    decision.status = DecisionStatus.REFUSED
    decision.decided_by, decision.decided_at = actor, timezone.now()
    decision.decision_reason = reason.strip()
    decision.save(update_fields=["status", "decided_by", "decided_at", "decision_reason"])
    _record(
        actor,
        decision,
        TimelineEventKind.DECISION_REFUSED,
        _("%(product)s voor %(person)s afgewezen door de gemeente."),
    )
    return decision


@transaction.atomic
def decision_end(*, actor, decision: Decision, ended_on: datetime.date, reason: str) -> Decision:
    """End a granted provision early; from ``ended_on`` on it commits no more money."""
    decision = _lock_decision(actor, decision, DecisionStatus.GRANTED)
    if not (may_decide(actor, decision) or decision.requested_by_id == actor.pk):
        raise PermissionDenied(
            _("Alleen wie de voorziening toekende of een consulent van de gemeente mag dit.")
        )
    if not decision.start_date <= ended_on <= decision.end_date:
        raise ValidationError({"ended_on": _("Kies een datum in de periode van het besluit.")})
    if not reason.strip():
        raise ValidationError({"reason": _("Schrijf op waarom de voorziening stopt.")})
    decision.status = DecisionStatus.ENDED
    decision.ended_on, decision.end_reason = ended_on, reason.strip()
    decision.ended_at = timezone.now()
    decision.save(update_fields=["status", "ended_on", "ended_at", "end_reason"])
    _record(
        actor,
        decision,
        TimelineEventKind.DECISION_ENDED,
        _("%(product)s voor %(person)s beëindigd."),
    )
    return decision


# --- budget -------------------------------------------------------------------------------------


def _require_budget_editor(actor, municipality: Municipality) -> None:
    if municipality.pk not in _municipality_ids(actor, BUDGET_EDITOR_ROLES):
        raise PermissionDenied(_("U mag het budget van deze gemeente niet wijzigen."))


@transaction.atomic
def budget_set(
    *, actor, municipality: Municipality, year: int, allocations: Mapping[str, int]
) -> Budget:
    """Set the allocation per domain (cents) of the municipality's budget for ``year``."""
    _require_budget_editor(actor, municipality)
    unknown = set(allocations) - set(BudgetDomain.values)
    if unknown:
        raise ValidationError(_("Onbekend budgetdomein: %s.") % ", ".join(sorted(unknown)))
    if any(amount < 0 for amount in allocations.values()):
        raise ValidationError(_("Een budget kan niet negatief zijn."))
    budget, _created = Budget.objects.get_or_create(municipality=municipality, year=year)
    for domain in BudgetDomain.values:
        Allocation.objects.update_or_create(
            budget=budget, domain=domain, defaults={"amount_cents": allocations.get(domain, 0)}
        )
    return budget


@transaction.atomic
def budget_shift(
    *, actor, budget: Budget, from_domain: str, to_domain: str, amount_cents: int, reason: str
) -> BudgetShift:
    """Move money between two domains; the budget as a whole stays the same."""
    _require_budget_editor(actor, budget.municipality)
    if from_domain == to_domain:
        raise ValidationError(_("Kies twee verschillende domeinen."))
    if amount_cents <= 0:
        raise ValidationError({"amount_cents": _("Het bedrag moet groter zijn dan nul.")})
    if not reason.strip():
        raise ValidationError({"reason": _("Schrijf op waarom het geld verschuift.")})
    source = Allocation.objects.select_for_update().get(budget=budget, domain=from_domain)
    target = Allocation.objects.select_for_update().get(budget=budget, domain=to_domain)
    if source.amount_cents < amount_cents:
        raise ValidationError(
            {"amount_cents": _("Er staat maar %s op dit domein.") % euros(source.amount_cents)}
        )
    source.amount_cents -= amount_cents
    target.amount_cents += amount_cents
    Allocation.objects.bulk_update([source, target], ["amount_cents"])
    return BudgetShift.objects.create(
        budget=budget,
        from_domain=from_domain,
        to_domain=to_domain,
        amount_cents=amount_cents,
        reason=reason.strip(),
        shifted_by=actor,
    )
