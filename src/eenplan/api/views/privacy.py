"""The access log, for privacy officers."""

from drf_spectacular.utils import extend_schema
from rest_framework.views import APIView

from eenplan.api.pagination import listing_response, paginated, validated_query
from eenplan.api.permissions import IsProfessional, MayReadAccessLog
from eenplan.api.serializers.privacy import AccessLogEntrySerializer, AccessLogQuerySerializer
from eenplan.api.views.responses import BAD_REQUEST, FORBIDDEN
from eenplan.privacy import selectors


class AccessLogListView(APIView):
    permission_classes = [IsProfessional, MayReadAccessLog]

    @extend_schema(
        operation_id="access_log_list",
        summary="Toegangslog",
        description=(
            "Wie heeft wanneer welke persoonsgegevens verwerkt, in de velden van Logboek "
            "Dataverwerkingen. Alleen voor een privacy officer."
        ),
        parameters=[AccessLogQuerySerializer],
        responses={
            200: paginated(AccessLogEntrySerializer),
            400: BAD_REQUEST,
            403: FORBIDDEN,
        },
    )
    def get(self, request):
        listing = selectors.access_log_list(
            user=request.user, **validated_query(request, AccessLogQuerySerializer)
        )
        return listing_response(request, listing, AccessLogEntrySerializer)
