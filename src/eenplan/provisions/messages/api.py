"""Messages with providers in API v1: list and read them, import a provider's message, write
the allocations.

The same rule as the pages: municipal officers and functional admins of the municipality; anyone
else gets 403. The list holds no personal data; reading one message (with its XML) writes the
access log. A file that cannot be processed is a 400 with the reason, and nothing is stored.
"""

from django.core.exceptions import ValidationError
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, extend_schema
from rest_framework import status
from rest_framework.parsers import BaseParser, MultiPartParser
from rest_framework.response import Response
from rest_framework.views import APIView

from eenplan.api.pagination import listing_response, paginated, validated, validated_query
from eenplan.api.views.responses import BAD_REQUEST, FORBIDDEN, NOT_FOUND
from eenplan.provisions.messages import selectors, services, uploads
from eenplan.provisions.messages.serializers import (
    ExportResultSerializer,
    MessageDetailSerializer,
    MessageImportSerializer,
    MessageListQuerySerializer,
    MessageSerializer,
    MunicipalityInputSerializer,
)
from eenplan.tenancy.models import Municipality

TAGS = ["messages"]
RULE = (
    "Voor consulenten en functioneel beheerders van de gemeente; anderen krijgen 403. "
    "Een bericht met zijn XML inzien komt in het toegangslog."
)


class XMLBodyParser(BaseParser):
    """A raw XML body: at most the upload limit and one byte are read, the reader refuses
    anything larger."""

    media_type = "application/xml"

    def parse(self, stream, media_type=None, parser_context=None):
        return {"content": uploads.read_limited(stream)}


class TextXMLParser(XMLBodyParser):
    media_type = "text/xml"


def _municipality(value) -> Municipality:
    municipality = Municipality.objects.filter(uuid=value).first()
    if municipality is None:
        raise ValidationError({"municipality": ["Onbekende gemeente."]})
    return municipality


class MessageListView(APIView):
    @extend_schema(
        operation_id="messages_list",
        summary="Berichten met aanbieders",
        description="De iWmo- en iJw-berichten van de gemeenten waarvoor u berichten "
        "uitwisselt, nieuwste eerst, zonder inhoud. " + RULE,
        parameters=[MessageListQuerySerializer],
        responses={200: paginated(MessageSerializer), 400: BAD_REQUEST, 403: FORBIDDEN},
        tags=TAGS,
    )
    def get(self, request):
        query = validated_query(request, MessageListQuerySerializer)
        listing = selectors.message_list(
            user=request.user, municipality_uuid=query.pop("municipality"), **query
        )
        return listing_response(request, listing, MessageSerializer)


class MessageDetailView(APIView):
    @extend_schema(
        operation_id="messages_retrieve",
        summary="Eén bericht",
        description="Het bericht met zijn XML en het resultaat per regel. " + RULE,
        responses={200: MessageDetailSerializer, 403: FORBIDDEN, 404: NOT_FOUND},
        tags=TAGS,
    )
    def get(self, request, uuid):
        message = selectors.message_get(user=request.user, message_uuid=uuid)
        return Response(MessageDetailSerializer(message).data)


class MessageImportView(APIView):
    parser_classes = [MultiPartParser, XMLBodyParser, TextXMLParser]

    @extend_schema(
        operation_id="messages_import",
        summary="Een bericht van een aanbieder inlezen",
        description=(
            "Een start (305), stop (307) of declaratie (323), iWmo of iJw: als bestand (multipart, "
            "velden file en municipality) of als XML-body (Content-Type application/xml, met "
            "?municipality=). Elke regel wordt aan een toewijzing gekoppeld en vastgelegd, of "
            "afgekeurd met de retourcode van de standaard; een declaratie krijgt meteen haar "
            "antwoord (325, zie reply). Een bestand dat niet te lezen is, geen .xml-bestand is, "
            "groter is dan EENPLAN_MAX_UPLOAD_MB (standaard 5 MB), "
            "voor een andere gemeente is, van een aanbieder zonder contract komt of al eerder "
            "is ingelezen, geeft 400 en er wordt niets opgeslagen. " + RULE
        ),
        parameters=[
            OpenApiParameter(
                "municipality",
                OpenApiTypes.UUID,
                OpenApiParameter.QUERY,
                required=False,
                description="De gemeente, bij een XML-body.",
            )
        ],
        request={
            "multipart/form-data": MessageImportSerializer,
            "application/xml": OpenApiTypes.BINARY,
            "text/xml": OpenApiTypes.BINARY,
        },
        responses={201: MessageDetailSerializer, 400: BAD_REQUEST, 403: FORBIDDEN},
        tags=TAGS,
    )
    def post(self, request):
        if request.content_type.split(";")[0].strip() in ("application/xml", "text/xml"):
            query = validated(MunicipalityInputSerializer, request.query_params)
            municipality = _municipality(query["municipality"])
            content, file_name = request.data.get("content", b""), ""
        else:
            data = validated(MessageImportSerializer, request.data)
            municipality = _municipality(data["municipality"])
            content, file_name = uploads.read_limited(data["file"]), data["file"].name or ""
        message = services.message_import(
            actor=request.user, municipality=municipality, content=content, file_name=file_name
        )
        return Response(MessageDetailSerializer(message).data, status=status.HTTP_201_CREATED)


class MessageExportView(APIView):
    @extend_schema(
        operation_id="messages_export",
        summary="Toewijzingen (301) schrijven",
        description=(
            "Schrijft een toewijzing (301) per aanbieder, inwoner en standaard voor de toegekende "
            "besluiten met een aanbieder die er nog geen hebben. skipped noemt de besluiten die "
            "niet als bericht kunnen (bijvoorbeeld: geen BSN), met de reden. " + RULE
        ),
        request=MunicipalityInputSerializer,
        responses={200: ExportResultSerializer, 400: BAD_REQUEST, 403: FORBIDDEN},
        tags=TAGS,
    )
    def post(self, request):
        data = validated(MunicipalityInputSerializer, request.data)
        municipality = _municipality(data["municipality"])
        written = services.message_export_allocations(actor=request.user, municipality=municipality)
        skipped = services.allocation_skips(actor=request.user, municipality=municipality)
        result = {"messages": written, "skipped": [str(skip) for skip in skipped]}
        return Response(ExportResultSerializer(result).data)
