"""The network around a case: consents and legal bases, referrals between organisations, notes.

Reads go through ``eenplan.cases.selectors`` (filtered, logged); changes through
``eenplan.cases.services`` (locked, validated, on the timeline). A view looks its object up before
it validates the body, so an object the user may not see is a 404 whatever the body holds. UUIDs
in a body are resolved among what the user may see: an unknown or hidden one is a 400 on its
field. Organisations and professionals are no personal data; persons are resolved through
``people.selectors.person_get`` (filtered and logged).
"""

import uuid

from django.contrib.auth import get_user_model
from django.core.exceptions import PermissionDenied
from django.utils.translation import gettext as _
from drf_spectacular.utils import OpenApiResponse, extend_schema
from rest_framework import status
from rest_framework.exceptions import ValidationError
from rest_framework.response import Response
from rest_framework.views import APIView

from eenplan.api.pagination import listing_response, paginated, validated, validated_query
from eenplan.api.serializers.network import (
    ConsentInputSerializer,
    ConsentSerializer,
    ConsentWithdrawSerializer,
    NoteInputSerializer,
    NoteSerializer,
    ReferralAcceptSerializer,
    ReferralDeclineSerializer,
    ReferralInputSerializer,
    ReferralListQuerySerializer,
    ReferralSerializer,
)
from eenplan.api.views.responses import BAD_REQUEST, NOT_FOUND
from eenplan.cases import selectors, services
from eenplan.cases.models import Referral
from eenplan.people.models import Person
from eenplan.people.selectors import person_get
from eenplan.tenancy.models import Organisation

TAGS = ["network"]

NOT_RECEIVER = OpenApiResponse(
    description="Alleen de organisatie die de aanmelding kreeg, beslist erover."
)


def organisation_for(value: uuid.UUID, field: str) -> Organisation:
    """An organisation by UUID (no personal data); unknown is a 400 on ``field``."""
    found = Organisation.objects.filter(uuid=value).first()
    if found is None:
        raise ValidationError({field: [_("Onbekende organisatie.")]})
    return found


def professional_for(value: uuid.UUID, field: str):
    """An active user by UUID; unknown is a 400 on ``field``. The service checks where they work."""
    found = get_user_model().objects.filter(uuid=value, is_active=True).first()
    if found is None:
        raise ValidationError({field: [_("Onbekende professional.")]})
    return found


def person_for(*, user, value: uuid.UUID | None, field: str) -> Person | None:
    """A person the user may see (read through the selector, so logged); else a 400 on
    ``field``. The service checks that they belong to the household."""
    if value is None:
        return None
    try:
        return person_get(user=user, person_uuid=value)
    except Person.DoesNotExist:
        raise ValidationError({field: [_("Onbekende persoon.")]}) from None


def persons_for(*, user, values: list[uuid.UUID], field: str) -> list[Person]:
    persons = []
    for value in dict.fromkeys(values):
        try:
            persons.append(person_get(user=user, person_uuid=value))
        except Person.DoesNotExist:
            raise ValidationError({field: [_("Onbekende persoon: %s.") % value]}) from None
    return persons


# --- Consent and legal bases -------------------------------------------------------------------


class CaseConsentsView(APIView):
    @extend_schema(
        operation_id="cases_consents_list",
        summary="Toestemmingen en grondslagen van een casus",
        description=(
            "Alle toestemmingen en wettelijke grondslagen van de casus, ook ingetrokken en "
            "verlopen, nieuwste eerst: welke organisatie welke soorten gegevens mag zien, "
            "waarom en hoe lang. Zichtbaar voor iedere betrokken organisatie, zodat zij weet "
            "waarom zij ziet wat zij ziet en bij wie zij toestemming kan vragen."
        ),
        responses={200: ConsentSerializer(many=True), 404: NOT_FOUND},
        tags=TAGS,
    )
    def get(self, request, uuid):
        consents = selectors.consent_list(user=request.user, case_uuid=uuid)
        return Response(ConsentSerializer(consents, many=True).data)

    @extend_schema(
        operation_id="cases_consents_create",
        summary="Toestemming of grondslag vastleggen",
        description=(
            "Legt vast dat een organisatie soorten gegevens van de casus mag ontvangen: met "
            "toestemming van een gezinslid (vanaf 16 jaar zelf, voor een jonger kind een ouder "
            "of voogd in given_by), of op een wettelijke grondslag met onderbouwing (eventueel "
            "voor het hele huishouden, zonder person). Een grondslag legt de organisatie zelf of "
            "de regisseur vast. Het werkt direct."
        ),
        request=ConsentInputSerializer,
        responses={201: ConsentSerializer, 400: BAD_REQUEST, 404: NOT_FOUND},
        tags=TAGS,
    )
    def post(self, request, uuid):
        case = selectors.case_get(user=request.user, case_uuid=uuid)
        data = validated(ConsentInputSerializer, request.data)
        consent = services.consent_record(
            actor=request.user,
            case=case,
            organisation=organisation_for(data["organisation"], "organisation"),
            categories=data["categories"],
            purpose=data["purpose"],
            ground=data["ground"],
            person=person_for(user=request.user, value=data["person"], field="person"),
            given_by=person_for(user=request.user, value=data["given_by"], field="given_by"),
            justification=data["justification"],
            valid_from=data["valid_from"],
            valid_until=data["valid_until"],
        )
        return Response(ConsentSerializer(consent).data, status=status.HTTP_201_CREATED)


class ConsentWithdrawView(APIView):
    @extend_schema(
        operation_id="consents_withdraw",
        summary="Toestemming intrekken",
        description=(
            "Trekt een toestemming in of beëindigt een grondslag. Vanaf het volgende verzoek "
            "ziet de organisatie de gegevens niet meer."
        ),
        request=ConsentWithdrawSerializer,
        responses={200: ConsentSerializer, 400: BAD_REQUEST, 404: NOT_FOUND},
        tags=TAGS,
    )
    def post(self, request, uuid):
        consent = selectors.consent_get(user=request.user, consent_uuid=uuid)
        data = validated(ConsentWithdrawSerializer, request.data)
        services.consent_withdraw(actor=request.user, consent=consent, note=data["note"])
        consent = selectors.consent_get(user=request.user, consent_uuid=uuid)
        return Response(ConsentSerializer(consent).data)


# --- Referrals ---------------------------------------------------------------------------------


class ReferralListView(APIView):
    @extend_schema(
        operation_id="referrals_list",
        summary="Aanmeldingen",
        description=(
            "Aanmeldingen bij uw organisaties (direction=incoming, standaard) of door uw "
            "organisaties (outgoing), nieuwste eerst. Elke getoonde aangemelde persoon komt in "
            "het toegangslog."
        ),
        parameters=[ReferralListQuerySerializer],
        responses={200: paginated(ReferralSerializer), 400: BAD_REQUEST},
        tags=TAGS,
    )
    def get(self, request):
        query = validated_query(request, ReferralListQuerySerializer)
        listing = selectors.referral_list(
            user=request.user,
            incoming=query.pop("direction") == "incoming",
            **query,
        )
        return listing_response(request, listing, ReferralSerializer)


class ReferralDetailView(APIView):
    @extend_schema(
        operation_id="referrals_retrieve",
        summary="Eén aanmelding",
        description="Voor de organisatie die aanmeldde en de organisatie die de aanmelding kreeg.",
        responses={200: ReferralSerializer, 404: NOT_FOUND},
        tags=TAGS,
    )
    def get(self, request, uuid):
        referral = selectors.referral_get(user=request.user, referral_uuid=uuid)
        return Response(ReferralSerializer(referral).data)


class CaseReferralsView(APIView):
    @extend_schema(
        operation_id="cases_referrals_create",
        summary="Gezinsleden aanmelden bij een andere organisatie",
        description=(
            "Uw organisatie (betrokken bij de casus) meldt gezinsleden aan. Ieder aangemeld "
            "gezinslid geeft toestemming voor de gekozen soorten gegevens; voor een kind onder de "
            "16 een ouder of voogd (guardian). In plaats daarvan kan een wettelijke grondslag met "
            "onderbouwing. De ontvanger ziet de aanmelding en, na accepteren, de casus."
        ),
        request=ReferralInputSerializer,
        responses={201: ReferralSerializer, 400: BAD_REQUEST, 404: NOT_FOUND},
        tags=TAGS,
    )
    def post(self, request, uuid):
        case = selectors.case_get(user=request.user, case_uuid=uuid)
        data = validated(ReferralInputSerializer, request.data)
        referral = services.referral_send(
            actor=request.user,
            case=case,
            to_organisation=organisation_for(data["to_organisation"], "to_organisation"),
            persons=persons_for(user=request.user, values=data["persons"], field="persons"),
            reason=data["reason"],
            service_type=data["service_type"],
            life_domains=data["life_domains"],
            categories=data["categories"],
            guardian=person_for(user=request.user, value=data["guardian"], field="guardian"),
            ground=data["ground"],
            justification=data["justification"],
        )
        referral = selectors.referral_get(user=request.user, referral_uuid=referral.uuid)
        return Response(ReferralSerializer(referral).data, status=status.HTTP_201_CREATED)


def _decide(request, referral: Referral, decide) -> Response:
    """Let the service decide about a referral the user may see, and answer with it afresh. The
    service refuses a user who did not receive it with ``DoesNotExist``; that is a 403 here: the
    referral's existence is no secret to them (they sent it), the decision is not theirs."""
    try:
        decide()
    except Referral.DoesNotExist:
        raise PermissionDenied(
            _("Alleen de organisatie die de aanmelding kreeg, beslist erover.")
        ) from None
    referral = selectors.referral_get(user=request.user, referral_uuid=referral.uuid)
    return Response(ReferralSerializer(referral).data)


class ReferralAcceptView(APIView):
    @extend_schema(
        operation_id="referrals_accept",
        summary="Een aanmelding accepteren",
        description=(
            "Uw organisatie wordt betrokken bij de casus voor de aangemelde personen, met "
            "contact (standaard uzelf) als contactpersoon."
        ),
        request=ReferralAcceptSerializer,
        responses={200: ReferralSerializer, 400: BAD_REQUEST, 403: NOT_RECEIVER, 404: NOT_FOUND},
        tags=TAGS,
    )
    def post(self, request, uuid):
        referral = selectors.referral_get(user=request.user, referral_uuid=uuid)
        data = validated(ReferralAcceptSerializer, request.data)
        contact = professional_for(data["contact"], "contact") if data["contact"] else None
        return _decide(
            request,
            referral,
            lambda: services.referral_accept(
                actor=request.user, referral=referral, contact=contact
            ),
        )


class ReferralDeclineView(APIView):
    @extend_schema(
        operation_id="referrals_decline",
        summary="Een aanmelding afwijzen",
        description="Afwijzen vraagt een reden; de toestemming bij de aanmelding vervalt.",
        request=ReferralDeclineSerializer,
        responses={200: ReferralSerializer, 400: BAD_REQUEST, 403: NOT_RECEIVER, 404: NOT_FOUND},
        tags=TAGS,
    )
    def post(self, request, uuid):
        referral = selectors.referral_get(user=request.user, referral_uuid=uuid)
        data = validated(ReferralDeclineSerializer, request.data)
        return _decide(
            request,
            referral,
            lambda: services.referral_decline(
                actor=request.user, referral=referral, reason=data["reason"]
            ),
        )


# --- Notes -------------------------------------------------------------------------------------


class CaseNotesView(APIView):
    @extend_schema(
        operation_id="cases_notes_list",
        summary="Notities van een casus",
        description=(
            "De notities waarvoor u publiek bent, nieuwste eerst: van uw eigen organisatie, voor "
            "alle betrokkenen (als uw organisatie toestemming voor notities heeft), of voor de "
            "regisseur (als u dat bent of ze schreef)."
        ),
        responses={200: NoteSerializer(many=True), 404: NOT_FOUND},
        tags=TAGS,
    )
    def get(self, request, uuid):
        notes = selectors.note_list(user=request.user, case_uuid=uuid)
        return Response(NoteSerializer(notes, many=True).data)

    @extend_schema(
        operation_id="cases_notes_create",
        summary="Een notitie schrijven",
        description=(
            "Een notitie voor uw eigen organisatie (standaard), alle betrokkenen of alleen de "
            "regisseur. De tijdlijn meldt alleen dat er een notitie is, nooit de tekst."
        ),
        request=NoteInputSerializer,
        responses={201: NoteSerializer, 400: BAD_REQUEST, 404: NOT_FOUND},
        tags=TAGS,
    )
    def post(self, request, uuid):
        case = selectors.case_get(user=request.user, case_uuid=uuid)
        data = validated(NoteInputSerializer, request.data)
        note = services.note_add(
            actor=request.user, case=case, text=data["text"], audience=data["audience"]
        )
        return Response(NoteSerializer(note).data, status=status.HTTP_201_CREATED)
