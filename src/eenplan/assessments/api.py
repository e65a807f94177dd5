"""Assessments in API v1: instruments, and assessments per person and case.

Instruments are no personal data: every authenticated user reads them. Assessments are read
through ``eenplan.assessments.selectors`` (the assessment rule: the case rule plus a basis for
assessments of that person, or household-wide; every read logged) and recorded through
``eenplan.assessments.services`` (locked, validated, on the case timeline). UUIDs in a body are
resolved among what the user may see, like the other views: an unknown or hidden one is a 400 on
its field.
"""

from django.utils.translation import gettext as _
from drf_spectacular.utils import extend_schema
from rest_framework import status
from rest_framework.exceptions import ValidationError
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
from eenplan.api.views.responses import BAD_REQUEST, NOT_FOUND
from eenplan.assessments import selectors, services
from eenplan.assessments.models import Instrument
from eenplan.assessments.serializers import (
    AssessmentDetailSerializer,
    AssessmentInputSerializer,
    AssessmentListQuerySerializer,
    AssessmentSerializer,
    InstrumentListQuerySerializer,
    InstrumentSerializer,
)
from eenplan.assessments.services import ScoreInput
from eenplan.cases.models import Case
from eenplan.cases.selectors import case_get

TAGS = ["assessments"]
RULE = (
    "U ziet een meting van een gezinslid als uw organisatie betrokken is bij de casus én "
    "toestemming of een wettelijke grondslag heeft voor diagnoses en metingen van dat gezinslid "
    "(of van het hele huishouden); een meting van het hele huishouden met een grondslag voor "
    "metingen in de casus. Elke getoonde meting komt in het toegangslog."
)


class InstrumentListView(APIView):
    @extend_schema(
        operation_id="instruments_list",
        summary="Instrumenten",
        description=(
            "De instrumenten (versies) die in gebruik zijn, met hun domeinen en schaal. Met "
            "municipality alleen die voor één gemeente: de gedeelde en die van de gemeente zelf."
        ),
        parameters=[InstrumentListQuerySerializer],
        responses={200: paginated(InstrumentSerializer), 400: BAD_REQUEST},
        tags=TAGS,
    )
    def get(self, request):
        query = validated_query(request, InstrumentListQuerySerializer)
        instruments = selectors.instrument_list(municipality_uuid=query.pop("municipality"))
        listing = listing_from_queryset(instruments, **query)
        return listing_response(request, listing, InstrumentSerializer)


class InstrumentDetailView(APIView):
    @extend_schema(
        operation_id="instruments_retrieve",
        summary="Eén instrument",
        description=(
            "Ook een versie die niet meer in gebruik is: eerdere metingen verwijzen ernaar."
        ),
        responses={200: InstrumentSerializer, 404: NOT_FOUND},
        tags=TAGS,
    )
    def get(self, request, uuid):
        instrument = selectors.instrument_get(instrument_uuid=uuid)
        return Response(InstrumentSerializer(instrument).data)


def _detail(request, assessment_uuid, status_code=status.HTTP_200_OK) -> Response:
    assessment, previous = selectors.assessment_get(
        user=request.user, assessment_uuid=assessment_uuid
    )
    assessment.previous = previous
    return Response(AssessmentDetailSerializer(assessment).data, status=status_code)


def _case_for(*, user, value) -> Case:
    """A case the user may see (read through the selector, so logged); else a 400 on ``case``.
    The service checks that the user may assess in it."""
    try:
        return case_get(user=user, case_uuid=value)
    except Case.DoesNotExist:
        raise ValidationError({"case": [_("Onbekende casus.")]}) from None


def _instrument_for(value) -> Instrument:
    try:
        return selectors.instrument_get(instrument_uuid=value)
    except Instrument.DoesNotExist:
        raise ValidationError({"instrument": [_("Onbekend instrument.")]}) from None


class AssessmentListView(APIView):
    @extend_schema(
        operation_id="assessments_list",
        summary="Metingen",
        description=(
            "De metingen die u mag zien, nieuwste eerst: van een casus (case), van een gezinslid "
            "(person; zonder de metingen van het hele huishouden) of van een gezinslid in een "
            "casus. Een casus of persoon die u niet mag zien geeft een lege lijst. " + RULE
        ),
        parameters=[AssessmentListQuerySerializer],
        responses={200: paginated(AssessmentSerializer), 400: BAD_REQUEST},
        tags=TAGS,
    )
    def get(self, request):
        query = validated_query(request, AssessmentListQuerySerializer)
        listing = selectors.assessment_list(
            user=request.user,
            case_uuid=query.pop("case"),
            person_uuid=query.pop("person"),
            **query,
        )
        return listing_response(request, listing, AssessmentSerializer)

    @extend_schema(
        operation_id="assessments_create",
        summary="Een meting vastleggen",
        description=(
            "Legt een meting vast van een gezinslid (person) of, met een instrument voor het "
            "huishouden, van het hele huishouden. Alleen de domeinen in scores worden bewaard; "
            "elk domein is optioneel, met een optionele toelichting. Uw organisatie heeft "
            "toestemming of een wettelijke grondslag nodig voor metingen van wie u meet. De "
            "meting komt op de tijdlijn van de casus. Het antwoord vergelijkt met de vorige meting."
        ),
        request=AssessmentInputSerializer,
        responses={201: AssessmentDetailSerializer, 400: BAD_REQUEST, 404: NOT_FOUND},
        tags=TAGS,
    )
    def post(self, request):
        data = validated(AssessmentInputSerializer, request.data)
        case = _case_for(user=request.user, value=data["case"])
        assessment = services.assessment_record(
            actor=request.user,
            case=case,
            instrument=_instrument_for(data["instrument"]),
            person=person_for(user=request.user, value=data["person"], field="person"),
            assessed_on=data["assessed_on"],
            scores=[
                ScoreInput(score["domain"], score["value"], score["note"])
                for score in data["scores"]
            ],
            note=data["note"],
        )
        return _detail(request, assessment.uuid, status.HTTP_201_CREATED)


class AssessmentDetailView(APIView):
    @extend_schema(
        operation_id="assessments_retrieve",
        summary="Eén meting",
        description=(
            "Een meting met per domein de score, de betekenis en de toelichting, vergeleken met "
            "de vorige meting van dezelfde persoon (of het huishouden) met hetzelfde instrument. "
            + RULE
        ),
        responses={200: AssessmentDetailSerializer, 404: NOT_FOUND},
        tags=TAGS,
    )
    def get(self, request, uuid):
        return _detail(request, uuid)
