"""Municipalities and organisations: no personal data, readable by every authenticated user."""

from drf_spectacular.utils import extend_schema
from rest_framework.response import Response
from rest_framework.views import APIView

from eenplan.api.pagination import (
    PageQuerySerializer,
    listing_from_queryset,
    listing_response,
    paginated,
    validated_query,
)
from eenplan.api.serializers.tenancy import MunicipalitySerializer, OrganisationSerializer
from eenplan.api.views.responses import BAD_REQUEST, NOT_FOUND
from eenplan.tenancy.models import Municipality, Organisation


def _municipalities():
    return Municipality.objects.select_related("region")


def _organisations():
    return Organisation.objects.prefetch_related("municipalities")


class MunicipalityListView(APIView):
    @extend_schema(
        operation_id="municipalities_list",
        summary="Gemeenten",
        parameters=[PageQuerySerializer],
        responses={200: paginated(MunicipalitySerializer), 400: BAD_REQUEST},
    )
    def get(self, request):
        listing = listing_from_queryset(
            _municipalities(), **validated_query(request, PageQuerySerializer)
        )
        return listing_response(request, listing, MunicipalitySerializer)


class MunicipalityDetailView(APIView):
    @extend_schema(
        operation_id="municipalities_retrieve",
        summary="Eén gemeente",
        responses={200: MunicipalitySerializer, 404: NOT_FOUND},
    )
    def get(self, request, uuid):
        return Response(MunicipalitySerializer(_municipalities().get(uuid=uuid)).data)


class OrganisationListView(APIView):
    @extend_schema(
        operation_id="organisations_list",
        summary="Organisaties",
        parameters=[PageQuerySerializer],
        responses={200: paginated(OrganisationSerializer), 400: BAD_REQUEST},
    )
    def get(self, request):
        listing = listing_from_queryset(
            _organisations(), **validated_query(request, PageQuerySerializer)
        )
        return listing_response(request, listing, OrganisationSerializer)


class OrganisationDetailView(APIView):
    @extend_schema(
        operation_id="organisations_retrieve",
        summary="Eén organisatie",
        responses={200: OrganisationSerializer, 404: NOT_FOUND},
    )
    def get(self, request, uuid):
        return Response(OrganisationSerializer(_organisations().get(uuid=uuid)).data)
