"""Complaints and objections in API v1, for professionals (a citizen's token gets 403; citizens
use Mijn EenPlan).

Reads go through ``eenplan.complaints.selectors`` (the complaint rule, every read logged) and
changes through ``eenplan.complaints.services`` (who handles it, the legal periods, the access
log). A complaint the user may not see is a 404, like one that does not exist, and a view looks
it up before it validates the body. UUIDs in a body are resolved among what the user may see: an
unknown or hidden one is a 400 on its field.
"""

import uuid

from django.core.exceptions import ValidationError as DjangoValidationError
from django.utils.translation import gettext as _
from drf_spectacular.utils import PolymorphicProxySerializer, extend_schema
from rest_framework import status
from rest_framework.exceptions import ValidationError
from rest_framework.response import Response
from rest_framework.views import APIView

from eenplan.api.pagination import listing_response, paginated, validated, validated_query
from eenplan.api.views.network import organisation_for, person_for, professional_for
from eenplan.api.views.responses import BAD_REQUEST, FORBIDDEN, NOT_FOUND
from eenplan.cases.models import Case
from eenplan.cases.selectors import case_get
from eenplan.common.selectors import Listing
from eenplan.complaints import selectors, services
from eenplan.complaints.constants import StepKind
from eenplan.complaints.selectors import ComplaintFilter
from eenplan.complaints.serializers import (
    STEP_INPUTS,
    ComplaintDetailSerializer,
    ComplaintInputSerializer,
    ComplaintQuerySerializer,
    ComplaintReceiptSerializer,
    ComplaintSerializer,
    ComplaintStepKindSerializer,
    ComplaintStepSerializer,
)

TAGS = ["complaints"]
RULE = (
    "U ziet een klacht of bezwaar als behandelaar, als klachtbehandelaar van de behandelende "
    "organisatie, als regisseur van de casus, of als u aan de casus werkt voor een organisatie "
    "waar het over gaat. Anders is het 404, net als iets dat niet bestaat. Elk getoond item komt "
    "in het toegangslog."
)


# ------------------------------------------------------------------------------ list, register


def _case_for(*, user, value: uuid.UUID) -> Case:
    try:
        return case_get(user=user, case_uuid=value)
    except Case.DoesNotExist:
        raise ValidationError({"case": [_("Onbekende casus.")]}) from None


def _decision_for(*, user, case: Case, value: uuid.UUID | None):
    """A decision of ``case`` with a letter, among those the user may see; else a 400."""
    if value is None:
        return None
    found = selectors.objectable_decisions(user=user, case=case).filter(uuid=value).first()
    if found is None:
        raise ValidationError(
            {"decision": [_("Kies een besluit in deze casus waartegen bezwaar kan.")]}
        )
    return found


class ComplaintListView(APIView):
    @extend_schema(
        operation_id="complaints_list",
        summary="Klachten en bezwaren",
        description=(
            "De klachten en bezwaren die u mag zien, de dichtstbijzijnde beslistermijn eerst, "
            "50 per pagina. Zonder filters alleen wat open is. " + RULE
        ),
        parameters=[ComplaintQuerySerializer],
        responses={200: paginated(ComplaintSerializer), 400: BAD_REQUEST},
        tags=TAGS,
    )
    def get(self, request):
        query = validated_query(request, ComplaintQuerySerializer)
        chosen = ComplaintFilter(
            open_only=query["open"],
            kind=query["type"],
            handler_uuid=query["handler"],
            organisation_uuid=query["organisation"],
            overdue_only=query["overdue"],
            mine=query["mine"],
        )
        page = selectors.complaint_page(user=request.user, chosen=chosen, number=query["page"])
        listing = Listing(
            items=list(page.object_list),
            count=page.paginator.count,
            page=page.number,
            page_size=page.paginator.per_page,
        )
        return listing_response(request, listing, ComplaintSerializer)

    @extend_schema(
        operation_id="complaints_create",
        summary="Een klacht of bezwaar registreren",
        description=(
            "Registreert een klacht of bezwaar namens een lid van het huishouden, bijvoorbeeld "
            "na een telefoontje of een brief. U moet aan de casus werken. Een bezwaar gaat over "
            "een besluit in de casus met een brief. Het krijgt meteen een behandelende "
            "organisatie, een behandelaar (nooit wie aan het besluit meewerkte) en de termijnen. "
            "Het antwoord is wat u de inwoner vertelt: kenmerk en data. De klacht zelf ziet u "
            "daarna alleen als de regel hieronder dat toestaat. " + RULE
        ),
        request=ComplaintInputSerializer,
        responses={201: ComplaintReceiptSerializer, 400: BAD_REQUEST},
        tags=TAGS,
    )
    def post(self, request):
        data = validated(ComplaintInputSerializer, request.data)
        user = request.user
        case = _case_for(user=user, value=data["case"])
        complaint = services.complaint_register(
            actor=user,
            case=case,
            person=person_for(user=user, value=data["person"], field="person"),
            kind=data["type"],
            description=data["description"],
            theme=data["theme"],
            channel=data["channel"],
            received_on=data["received_on"],
            organisations=[
                organisation_for(value, "organisations")
                for value in dict.fromkeys(data["organisations"])
            ],
            decision=_decision_for(user=user, case=case, value=data["decision"]),
            contact_phone=data["contact_phone"],
            contact_email=data["contact_email"],
        )
        return Response(ComplaintReceiptSerializer(complaint).data, status=status.HTTP_201_CREATED)


# ------------------------------------------------------------------------------ one


class ComplaintDetailView(APIView):
    @extend_schema(
        operation_id="complaints_retrieve",
        summary="Eén klacht of bezwaar",
        description=(
            "Met wat er aan de hand is, de organisaties waar het over gaat, hoe de inwoner te "
            "bereiken is en alle stappen. " + RULE
        ),
        responses={200: ComplaintDetailSerializer, 404: NOT_FOUND},
        tags=TAGS,
    )
    def get(self, request, uuid):
        complaint = selectors.complaint_get(user=request.user, complaint_uuid=uuid)
        return Response(ComplaintDetailSerializer(complaint).data)


# ------------------------------------------------------------------------------ steps


def _handler_assign(*, actor, complaint, handler):
    services.handler_assign(
        actor=actor, complaint=complaint, handler=professional_for(handler, "handler")
    )


def _hearing_plan(*, actor, complaint, hearing_at, place):
    try:
        services.hearing_plan(actor=actor, complaint=complaint, at=hearing_at, place=place)
    except DjangoValidationError as error:
        # The service calls the moment ``at``; in the API it is ``hearing_at``.
        if "at" in getattr(error, "error_dict", {}):
            raise DjangoValidationError({"hearing_at": error.error_dict["at"]}) from None
        raise


STEP_SERVICES = {
    StepKind.HANDLER: _handler_assign,
    StepKind.CONTACT: services.contact_record,
    StepKind.FORMAL: services.formal_start,
    StepKind.ACKNOWLEDGED: services.acknowledge,
    StepKind.EXTENDED: services.extend,
    StepKind.HEARING_PLANNED: _hearing_plan,
    StepKind.HEARING_HELD: services.hearing_record,
    StepKind.DECIDED: services.decide,
    StepKind.WITHDRAWN: services.withdraw,
}

STEP_INPUT = PolymorphicProxySerializer(
    component_name="ComplaintStepInput",
    serializers={kind.value: serializer for kind, serializer in STEP_INPUTS.items()},
    resource_type_field_name="kind",
)


class ComplaintStepsView(APIView):
    @extend_schema(
        operation_id="complaints_steps_list",
        summary="De stappen van een klacht of bezwaar",
        description="Alles wat er gebeurde, in volgorde. " + RULE,
        responses={200: ComplaintStepSerializer(many=True), 404: NOT_FOUND},
        tags=TAGS,
    )
    def get(self, request, uuid):
        complaint = selectors.complaint_get(user=request.user, complaint_uuid=uuid)
        return Response(ComplaintStepSerializer(complaint.steps.all(), many=True).data)

    @extend_schema(
        operation_id="complaints_steps_create",
        summary="Een stap vastleggen",
        description=(
            "Alleen de behandelaar of een klachtbehandelaar van de behandelende organisatie "
            "(anders 403), zolang het open is. kind zegt welke stap: behandelaar (een andere "
            "behandelaar), contact (het persoonlijke gesprek; opgelost sluit het af), formeel, "
            "ontvangstbevestiging, verdaagd (uitstel binnen de wettelijke grenzen), "
            "gesprek_gepland (hoorzitting), gehoord, besloten (sluit het af) of ingetrokken. "
            "Het antwoord is de klacht of het bezwaar met de nieuwe stap. " + RULE
        ),
        request=STEP_INPUT,
        responses={
            201: ComplaintDetailSerializer,
            400: BAD_REQUEST,
            403: FORBIDDEN,
            404: NOT_FOUND,
        },
        tags=TAGS,
    )
    def post(self, request, uuid):
        complaint = selectors.complaint_get(user=request.user, complaint_uuid=uuid)
        kind = validated(ComplaintStepKindSerializer, request.data)["kind"]
        data = validated(STEP_INPUTS[kind], request.data)
        data.pop("kind")
        STEP_SERVICES[kind](actor=request.user, complaint=complaint, **data)
        complaint = selectors.complaint_get(user=request.user, complaint_uuid=uuid)
        return Response(ComplaintDetailSerializer(complaint).data, status=status.HTTP_201_CREATED)
