"""Provisions in API v1: catalogue, contracts, mandates, decisions and budgets.

The catalogue, contracts and mandates hold no personal data: every authenticated user reads them.
Decisions are read through ``eenplan.provisions.selectors`` (the decision rule, every read
logged) and changed through ``eenplan.provisions.services``; a decision the user may not see is a
404, like one that does not exist. Budgets are aggregates for municipal officers, policy roles and
functional admins of the municipality (403 for anyone else); they never name a person.
UUIDs in a body are resolved among what the user may see: an unknown or hidden one is a 400 on
its field.
"""

import uuid

from django.core.exceptions import PermissionDenied
from django.utils import timezone
from django.utils.translation import gettext as _
from drf_spectacular.utils import extend_schema
from rest_framework import status
from rest_framework.exceptions import NotFound, ValidationError
from rest_framework.response import Response
from rest_framework.views import APIView

from eenplan.api.pagination import (
    listing_from_queryset,
    listing_response,
    paginated,
    validated,
    validated_query,
)
from eenplan.api.views.network import person_for
from eenplan.api.views.responses import BAD_REQUEST, FORBIDDEN, NOT_FOUND
from eenplan.cases.models import Case
from eenplan.cases.selectors import case_get
from eenplan.common.selectors import Listing
from eenplan.plans import selectors as plan_selectors
from eenplan.plans.models import Goal
from eenplan.provisions import selectors, services
from eenplan.provisions.models import Budget, Contract, Mandate, Product
from eenplan.provisions.serializers import (
    BudgetQuerySerializer,
    BudgetSerializer,
    BudgetShiftInputSerializer,
    CatalogueQuerySerializer,
    ContractSerializer,
    DecisionApproveSerializer,
    DecisionEndSerializer,
    DecisionRefuseSerializer,
    MandateQuerySerializer,
    MandateSerializer,
    ProductSerializer,
    ProvisionDecisionInputSerializer,
    ProvisionDecisionQuerySerializer,
    ProvisionDecisionSerializer,
)
from eenplan.tenancy.models import Municipality, Organisation, Region

TAGS = ["provisions"]
RULE = (
    "U ziet een besluit als u de plangegevens van de casus mag zien, als consulent van de "
    "gemeente van het huishouden, of als aanbieder aan wie het is toegewezen. Beleidsrollen zien "
    "geen besluiten. Elk getoond besluit komt in het toegangslog."
)
BUDGET_RULE = (
    "Voor consulenten, beleidsmedewerkers, teamleiders, directeuren en functioneel beheerders "
    "van de gemeente (anders 403); alleen totalen, nooit een persoon."
)


def _found(queryset, value: uuid.UUID | None, field: str, message: str):
    """The object with UUID ``value`` in ``queryset``; a 400 on ``field`` when there is none."""
    if value is None:
        return None
    found = queryset.filter(uuid=value).first()
    if found is None:
        raise ValidationError({field: [message]})
    return found


def _region_and_municipality(query: dict) -> tuple[Region | None, Municipality | None]:
    region = _found(Region.objects, query.pop("region", None), "region", _("Onbekende regio."))
    municipality = _found(
        Municipality.objects,
        query.pop("municipality", None),
        "municipality",
        _("Onbekende gemeente."),
    )
    return region, municipality


# --- Catalogue, contracts, mandates -------------------------------------------------------------


class ProductListView(APIView):
    @extend_schema(
        operation_id="products_list",
        summary="Producten",
        description=(
            "De regionale productcatalogus: iWmo- en iJw-producten (categorie en code) en "
            "producten daarbuiten (schuldhulp, re-integratie, bijzondere bijstand, "
            "algemene voorzieningen). Met municipality de producten die in die gemeente in "
            "gebruik zijn; met region die van de regio."
        ),
        parameters=[CatalogueQuerySerializer],
        responses={200: paginated(ProductSerializer), 400: BAD_REQUEST},
        tags=TAGS,
    )
    def get(self, request):
        query = validated_query(request, CatalogueQuerySerializer)
        region, municipality = _region_and_municipality(query)
        if municipality is not None:
            products = selectors.products_for(municipality)
        else:
            products = Product.objects.filter(is_active=True)
        if region is not None:
            products = products.filter(region=region)
        listing = listing_from_queryset(products.select_related("region"), **query)
        return listing_response(request, listing, ProductSerializer)


class ContractListView(APIView):
    @extend_schema(
        operation_id="contracts_list",
        summary="Contracten",
        description=(
            "De contracten met aanbieders: looptijd, gemeenten en per product het tarief per "
            "eenheid. Met municipality de contracten voor die gemeente, met region die van de "
            "regio."
        ),
        parameters=[CatalogueQuerySerializer],
        responses={200: paginated(ContractSerializer), 400: BAD_REQUEST},
        tags=TAGS,
    )
    def get(self, request):
        query = validated_query(request, CatalogueQuerySerializer)
        region, municipality = _region_and_municipality(query)
        if municipality is not None:
            contracts = selectors.contracts_in(municipality.region_id).filter(
                municipalities=municipality
            )
            if region is not None and region.pk != municipality.region_id:
                contracts = contracts.none()
        elif region is not None:
            contracts = selectors.contracts_in(region.pk)
        else:
            contracts = Contract.objects.select_related("provider").prefetch_related(
                "municipalities", "lines__product"
            )
        listing = listing_from_queryset(contracts.order_by("provider__name", "reference"), **query)
        return listing_response(request, listing, ContractSerializer)


class MandateListView(APIView):
    @extend_schema(
        operation_id="mandates_list",
        summary="Mandaten",
        description=(
            "Wat een rol en/of team per gemeente mag toekennen zonder de gemeente: welke "
            "producten, hoeveel per besluit en per inwoner per jaar, en hoe lang."
        ),
        parameters=[MandateQuerySerializer],
        responses={200: paginated(MandateSerializer), 400: BAD_REQUEST},
        tags=TAGS,
    )
    def get(self, request):
        query = validated_query(request, MandateQuerySerializer)
        municipality = _found(
            Municipality.objects,
            query.pop("municipality"),
            "municipality",
            _("Onbekende gemeente."),
        )
        if municipality is not None:
            mandates = selectors.mandates_for(municipality)
        else:
            mandates = Mandate.objects.select_related("organisation").prefetch_related("products")
        mandates = mandates.select_related("municipality").order_by("municipality__name", "name")
        listing = listing_from_queryset(mandates, **query)
        return listing_response(request, listing, MandateSerializer)


# --- Decisions ----------------------------------------------------------------------------------


def _case_for(*, user, value) -> Case:
    try:
        return case_get(user=user, case_uuid=value)
    except Case.DoesNotExist:
        raise ValidationError({"case": [_("Onbekende casus.")]}) from None


def _goal_for(*, user, case: Case, value) -> Goal | None:
    if value is None:
        return None
    try:
        return plan_selectors.goal_for(user=user, case_uuid=case.uuid, goal_uuid=value)
    except Goal.DoesNotExist:
        raise ValidationError({"goal": [_("Onbekend doel in het plan van deze casus.")]}) from None


def _page(items: list, *, page: int, page_size: int) -> Listing:
    offset = (page - 1) * page_size
    return Listing(items[offset : offset + page_size], len(items), page, page_size)


class DecisionListView(APIView):
    @extend_schema(
        operation_id="decisions_list",
        summary="Besluiten",
        description=(
            "De besluiten (beschikkingen) in een casus (case), nieuwste eerst, of de aanvragen "
            "boven mandaat die op u wachten als consulent van de gemeente (awaiting=true), oudste "
            "eerst. Een casus die u niet mag zien geeft een lege lijst. " + RULE
        ),
        parameters=[ProvisionDecisionQuerySerializer],
        responses={200: paginated(ProvisionDecisionSerializer), 400: BAD_REQUEST},
        tags=TAGS,
    )
    def get(self, request):
        query = validated_query(request, ProvisionDecisionQuerySerializer)
        if query.pop("awaiting"):
            decisions = selectors.decisions_awaiting(user=request.user)
        else:
            # Municipal officers see decisions in cases they cannot open: look the case up by
            # UUID only; the selector applies the decision rule and logs what it returns.
            case = Case.objects.only("pk").filter(uuid=query["case"]).first()
            decisions = (
                [] if case is None else selectors.decisions_for_case(user=request.user, case=case)
            )
        query.pop("case")
        return listing_response(request, _page(decisions, **query), ProvisionDecisionSerializer)

    @extend_schema(
        operation_id="decisions_create",
        summary="Een voorziening aanvragen",
        description=(
            "Vraagt een voorziening aan voor een lid van het huishouden, bij een product uit de "
            "catalogus en (voor iWmo/iJw) een gecontracteerde aanbieder. Het bedrag is omvang "
            "maal tarief over de periode. Past de aanvraag binnen uw mandaat, dan is het besluit "
            "meteen toegekend (status toegekend, route mandaat); anders wacht het op een "
            "consulent van de gemeente (status aangevraagd) en staat in beyond_mandate waarom. "
            "U moet de plangegevens van de casus mogen zien. Het besluit komt op de tijdlijn."
        ),
        request=ProvisionDecisionInputSerializer,
        responses={201: ProvisionDecisionSerializer, 400: BAD_REQUEST, 404: NOT_FOUND},
        tags=TAGS,
    )
    def post(self, request):
        data = validated(ProvisionDecisionInputSerializer, request.data)
        user = request.user
        case = _case_for(user=user, value=data["case"])
        terms = services.Terms(
            product=_found(Product.objects, data["product"], "product", _("Onbekend product.")),
            provider=_found(
                Organisation.objects, data["provider"], "provider", _("Onbekende aanbieder.")
            ),
            volume=data["volume"],
            frequency=data["frequency"],
            start_date=data["start_date"],
            end_date=data["end_date"],
        )
        decision = services.decision_request(
            actor=user,
            case=case,
            person=person_for(user=user, value=data["person"], field="person"),
            terms=terms,
            motivation=data["motivation"],
            goal=_goal_for(user=user, case=case, value=data["goal"]),
        )
        decision = selectors.decision_get(user=user, decision_uuid=decision.uuid)
        return Response(ProvisionDecisionSerializer(decision).data, status=status.HTTP_201_CREATED)


class DecisionDetailView(APIView):
    @extend_schema(
        operation_id="decisions_retrieve",
        summary="Eén besluit",
        description="Een besluit met product, bedrag, periode, route en motivering. " + RULE,
        responses={200: ProvisionDecisionSerializer, 404: NOT_FOUND},
        tags=TAGS,
    )
    def get(self, request, uuid):
        decision = selectors.decision_get(user=request.user, decision_uuid=uuid)
        return Response(ProvisionDecisionSerializer(decision).data)


def _decided(request, uuid, serializer_class, change) -> Response:
    """Read the decision (404 when hidden), validate the body, apply ``change``."""
    decision = selectors.decision_get(user=request.user, decision_uuid=uuid)
    data = validated(serializer_class, request.data)
    decision = change(actor=request.user, decision=decision, **data)
    return Response(ProvisionDecisionSerializer(decision).data)


DECIDE_RESPONSES = {
    200: ProvisionDecisionSerializer,
    400: BAD_REQUEST,
    403: FORBIDDEN,
    404: NOT_FOUND,
}


class DecisionApproveView(APIView):
    @extend_schema(
        operation_id="decisions_approve",
        summary="Een aanvraag boven mandaat toekennen",
        description=(
            "Alleen een consulent van de gemeente van het huishouden kent een aanvraag boven "
            "mandaat toe, met een optionele motivering."
        ),
        request=DecisionApproveSerializer,
        responses=DECIDE_RESPONSES,
        tags=TAGS,
    )
    def post(self, request, uuid):
        return _decided(request, uuid, DecisionApproveSerializer, services.decision_approve)


class DecisionRefuseView(APIView):
    @extend_schema(
        operation_id="decisions_refuse",
        summary="Een aanvraag boven mandaat afwijzen",
        description=(
            "Alleen een consulent van de gemeente van het huishouden wijst af, met een reden."
        ),
        request=DecisionRefuseSerializer,
        responses=DECIDE_RESPONSES,
        tags=TAGS,
    )
    def post(self, request, uuid):
        return _decided(request, uuid, DecisionRefuseSerializer, services.decision_refuse)


class DecisionEndView(APIView):
    @extend_schema(
        operation_id="decisions_end",
        summary="Een toegekende voorziening beëindigen",
        description=(
            "Wie de voorziening toekende of een consulent van de gemeente beëindigt haar per een "
            "dag in de periode, met een reden. Vanaf die dag legt zij geen geld meer vast."
        ),
        request=DecisionEndSerializer,
        responses=DECIDE_RESPONSES,
        tags=TAGS,
    )
    def post(self, request, uuid):
        return _decided(request, uuid, DecisionEndSerializer, services.decision_end)


# --- Budgets ------------------------------------------------------------------------------------


def _budget_response(request, municipality: Municipality, year: int, code=status.HTTP_200_OK):
    view = selectors.budget_view(user=request.user, municipality=municipality, year=year)
    return Response(BudgetSerializer(view).data, status=code)


class BudgetView(APIView):
    @extend_schema(
        operation_id="budgets_retrieve",
        summary="Budget sociaal domein",
        description=(
            "Het budget van een gemeente voor een jaar, per domein: budget, vastgelegd door "
            "toegekende besluiten, besteed (goedgekeurde declaraties) en de prognose (besteed "
            "plus wat de besluiten de rest van het jaar kosten), met per maand de opgetelde "
            "bedragen en hoeveel besluiten binnen mandaat of door een consulent zijn genomen. "
            + BUDGET_RULE
        ),
        parameters=[BudgetQuerySerializer],
        responses={200: BudgetSerializer, 400: BAD_REQUEST, 403: FORBIDDEN},
        tags=TAGS,
    )
    def get(self, request):
        query = validated_query(request, BudgetQuerySerializer)
        municipality = _found(
            Municipality.objects, query["municipality"], "municipality", _("Onbekende gemeente.")
        )
        return _budget_response(request, municipality, query["year"] or timezone.localdate().year)


class BudgetShiftView(APIView):
    @extend_schema(
        operation_id="budgets_shift",
        summary="Geld verschuiven tussen domeinen",
        description=(
            "Verschuift een bedrag van het ene domein naar het andere; het totaal blijft gelijk. "
            "Voor consulenten, beleidsmedewerkers en functioneel beheerders van de gemeente. "
            "Het antwoord is het budget na de verschuiving."
        ),
        request=BudgetShiftInputSerializer,
        responses={201: BudgetSerializer, 400: BAD_REQUEST, 403: FORBIDDEN, 404: NOT_FOUND},
        tags=TAGS,
    )
    def post(self, request, uuid, year):
        municipality = Municipality.objects.filter(uuid=uuid).first()
        if municipality is None:
            raise NotFound
        if not selectors.may_view_budget(request.user, municipality):
            raise PermissionDenied
        budget = Budget.objects.filter(municipality=municipality, year=year).first()
        if budget is None:
            raise NotFound(_("Er is geen budget voor %(year)s.") % {"year": year})
        data = validated(BudgetShiftInputSerializer, request.data)
        services.budget_shift(actor=request.user, budget=budget, **data)
        return _budget_response(request, municipality, year, status.HTTP_201_CREATED)
