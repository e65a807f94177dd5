"""Signals in API v1: the list (the inbox is ``?status=open``), one signal, and resolving it.

Reads go through ``eenplan.signals.selectors`` (filtered with the signal rule, logged); resolving
through ``eenplan.signals.services.signal_resolve`` (only the coordinator, on the timeline). A
signal the user may not see is a 404.
"""

from drf_spectacular.utils import extend_schema
from rest_framework import serializers
from rest_framework.response import Response
from rest_framework.views import APIView

from eenplan.api.pagination import listing_response, paginated, validated_query
from eenplan.api.views.responses import BAD_REQUEST, NOT_FOUND
from eenplan.signals import selectors, services
from eenplan.signals.selectors import SignalFilters
from eenplan.signals.serializers import (
    SignalListQuerySerializer,
    SignalResolveSerializer,
    SignalSerializer,
)

TAGS = ["signals"]


class SignalListView(APIView):
    @extend_schema(
        operation_id="signals_list",
        summary="Signalen",
        description=(
            "De signalen die u mag zien, nieuwste eerst: van uw organisaties en van de "
            "huishoudens waarvan u de regisseur bent. Een match ziet u als uw organisatie het "
            "huishouden kent; de andere soorten alleen met toestemming voor het plan."
        ),
        parameters=[SignalListQuerySerializer],
        responses={200: paginated(SignalSerializer), 400: BAD_REQUEST},
        tags=TAGS,
    )
    def get(self, request):
        query = validated_query(request, SignalListQuerySerializer)
        filters = SignalFilters(
            kind=query["kind"], status=query["status"], case_uuid=query.get("case")
        )
        listing = selectors.signal_list(
            user=request.user, filters=filters, page=query["page"], page_size=query["page_size"]
        )
        return listing_response(request, listing, SignalSerializer)


class SignalDetailView(APIView):
    @extend_schema(
        operation_id="signals_retrieve",
        summary="Eén signaal",
        responses={200: SignalSerializer, 404: NOT_FOUND},
        tags=TAGS,
    )
    def get(self, request, uuid):
        signal = selectors.signal_get(user=request.user, signal_uuid=uuid)
        return Response(SignalSerializer(signal).data)


def _organisations(signal, uuids: list, field: str) -> list:
    """The organisations the signal concerns with these UUIDs; 400 for any other."""
    concerned = {p.organisation.uuid: p.organisation for p in signal.parties.all()}
    unknown = [str(value) for value in uuids if value not in concerned]
    if unknown:
        raise serializers.ValidationError(
            {field: [f"Geen organisatie van dit signaal: {', '.join(unknown)}."]}
        )
    return [concerned[value] for value in uuids]


class SignalResolveView(APIView):
    @extend_schema(
        operation_id="signals_resolve",
        summary="Een signaal afhandelen",
        description=(
            "Leg vast hoe het signaal is afgehandeld: wie doorgaat en wie stopt (bij een match "
            "of overlap), of waarom het goed is zo. Alleen de regisseur van het huishouden; "
            "zonder regisseur een professional van een betrokken organisatie. Stoppen legt de "
            "afspraak vast, de betrokkenheid eindigt er niet vanzelf door."
        ),
        request=SignalResolveSerializer,
        responses={200: SignalSerializer, 400: BAD_REQUEST, 404: NOT_FOUND},
        tags=TAGS,
    )
    def post(self, request, uuid):
        signal = selectors.signal_get(user=request.user, signal_uuid=uuid)
        body = SignalResolveSerializer(data=request.data)
        body.is_valid(raise_exception=True)
        data = body.validated_data
        continuing = data["continuing_organisation"]
        services.signal_resolve(
            actor=request.user,
            signal=signal,
            outcome=data["outcome"],
            note=data["note"],
            continuing_organisation=(
                _organisations(signal, [continuing], "continuing_organisation")[0]
                if continuing
                else None
            ),
            stopping_organisations=_organisations(
                signal, data["stopping_organisations"], "stopping_organisations"
            ),
        )
        signal = selectors.signal_get(user=request.user, signal_uuid=uuid)
        return Response(SignalSerializer(signal).data)
