"""Persons (search and detail) and the integrated client view of a household."""

from drf_spectacular.utils import extend_schema
from rest_framework.response import Response
from rest_framework.views import APIView

from eenplan.api.pagination import validated_query
from eenplan.api.serializers.cases import ClientViewSerializer
from eenplan.api.serializers.people import (
    PersonSearchQuerySerializer,
    PersonSearchResultSerializer,
    PersonSerializer,
)
from eenplan.api.views.responses import BAD_REQUEST, NOT_FOUND
from eenplan.people import selectors


class PersonSearchView(APIView):
    @extend_schema(
        operation_id="persons_search",
        summary="Personen zoeken",
        description=(
            "Zoekt onder de personen die u mag zien: leden van een huishouden met een casus "
            "waarbij uw organisatie betrokken is. Geef minstens één zoekterm; een persoon moet "
            "aan alle gegeven termen voldoen. Hoogstens 50 resultaten. Elke gevonden persoon "
            "komt in het toegangslog."
        ),
        parameters=[PersonSearchQuerySerializer],
        responses={200: PersonSearchResultSerializer, 400: BAD_REQUEST},
    )
    def get(self, request):
        hits = selectors.person_search(
            user=request.user, **validated_query(request, PersonSearchQuerySerializer)
        )
        return Response(PersonSearchResultSerializer({"count": len(hits), "results": hits}).data)


class PersonDetailView(APIView):
    @extend_schema(
        operation_id="persons_retrieve",
        summary="Eén persoon",
        responses={200: PersonSerializer, 404: NOT_FOUND},
    )
    def get(self, request, uuid):
        person = selectors.person_get(user=request.user, person_uuid=uuid)
        return Response(PersonSerializer(person).data)


class HouseholdDetailView(APIView):
    @extend_schema(
        operation_id="households_retrieve",
        summary="Integraal klantbeeld van een huishouden",
        description=(
            "Het huishouden in één antwoord: leden, relaties, eigen netwerk, de huidige casus "
            "met hulpvragen, regisseur en opschaling, de betrokken organisaties en de tijdlijn "
            "van de huidige casus."
        ),
        responses={200: ClientViewSerializer, 404: NOT_FOUND},
    )
    def get(self, request, uuid):
        view = selectors.household_client_view(user=request.user, household_uuid=uuid)
        return Response(ClientViewSerializer(view).data)
