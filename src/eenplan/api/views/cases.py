"""Cases: the list, one case, its involvements and timeline, and a status transition."""

from drf_spectacular.utils import extend_schema
from rest_framework.response import Response
from rest_framework.views import APIView

from eenplan.api.pagination import listing_response, paginated, validated_query
from eenplan.api.serializers.cases import (
    CaseDetailSerializer,
    CaseListItemSerializer,
    CaseListQuerySerializer,
    CaseTransitionSerializer,
    InvolvementSerializer,
    TimelineEventSerializer,
)
from eenplan.api.views.responses import BAD_REQUEST, NOT_FOUND
from eenplan.cases import selectors, services


class CaseListView(APIView):
    @extend_schema(
        operation_id="cases_list",
        summary="Casussen",
        description="De casussen die u mag zien, nieuwste eerst.",
        parameters=[CaseListQuerySerializer],
        responses={200: paginated(CaseListItemSerializer), 400: BAD_REQUEST},
    )
    def get(self, request):
        listing = selectors.case_list(
            user=request.user, **validated_query(request, CaseListQuerySerializer)
        )
        return listing_response(request, listing, CaseListItemSerializer)


class CaseDetailView(APIView):
    @extend_schema(
        operation_id="cases_retrieve",
        summary="Eén casus",
        responses={200: CaseDetailSerializer, 404: NOT_FOUND},
    )
    def get(self, request, uuid):
        case = selectors.case_get(user=request.user, case_uuid=uuid)
        return Response(CaseDetailSerializer(case).data)


class CaseTransitionView(APIView):
    @extend_schema(
        operation_id="cases_transition",
        summary="Status van een casus wijzigen",
        description=(
            "Zet de casus in een nieuwe status, als dat een toegestane stap is "
            "(zie allowed_transitions). Afsluiten vraagt een closing_reason, heropenen een note."
        ),
        request=CaseTransitionSerializer,
        responses={200: CaseDetailSerializer, 400: BAD_REQUEST, 404: NOT_FOUND},
    )
    def post(self, request, uuid):
        serializer = CaseTransitionSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        data = serializer.validated_data
        services.case_transition(
            actor=request.user,
            case=selectors.case_get(user=request.user, case_uuid=uuid),
            to_status=data["status"],
            closing_reason=data["closing_reason"],
            note=data["note"],
        )
        # Re-read, so the answer is redacted like every other read of the case.
        return Response(
            CaseDetailSerializer(selectors.case_get(user=request.user, case_uuid=uuid)).data
        )


class CaseInvolvementsView(APIView):
    @extend_schema(
        operation_id="cases_involvements_list",
        summary="Betrokken organisaties van een casus",
        responses={200: InvolvementSerializer(many=True), 404: NOT_FOUND},
    )
    def get(self, request, uuid):
        involvements = selectors.case_involvements(user=request.user, case_uuid=uuid)
        return Response(InvolvementSerializer(involvements, many=True).data)


class CaseTimelineView(APIView):
    @extend_schema(
        operation_id="cases_timeline_list",
        summary="Tijdlijn van een casus",
        description="De nieuwste 200 gebeurtenissen, nieuwste eerst.",
        responses={200: TimelineEventSerializer(many=True), 404: NOT_FOUND},
    )
    def get(self, request, uuid):
        events = selectors.case_timeline(user=request.user, case_uuid=uuid)
        return Response(TimelineEventSerializer(events, many=True).data)
