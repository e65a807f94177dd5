"""Consultations in API v1: meetings, their agenda, minutes, decisions, agreements, and policy
signals.

Reads go through ``eenplan.consultations.selectors`` (filtered, content only under the case
content rule, logged); changes through ``eenplan.consultations.services`` (locked, validated, on
the case timeline). A view looks its object up before it validates the body, so an object the
user may not see is a 404 whatever the body holds. A meeting is no personal data: it is looked
up among the meetings the user takes part in. An agenda item is read by every attendee; changing
it (consent, minutes, decisions, agreements) needs its content, else 403 (``NotShared``). UUIDs in
a body are resolved among what the user may see, like the other views: an unknown or hidden one
is a 400 on its field.
"""

import uuid

from django.core.exceptions import PermissionDenied
from django.utils import timezone
from django.utils.translation import gettext as _
from drf_spectacular.utils import OpenApiResponse, extend_schema
from rest_framework import status
from rest_framework.exceptions import ValidationError
from rest_framework.response import Response
from rest_framework.views import APIView

from eenplan.api.pagination import listing_response, paginated, validated, validated_query
from eenplan.api.views.network import organisation_for, person_for, professional_for
from eenplan.api.views.plan_lookups import owner_from
from eenplan.api.views.responses import BAD_REQUEST, NOT_FOUND
from eenplan.cases.models import Case
from eenplan.cases.selectors import case_get
from eenplan.consultations import selectors, services
from eenplan.consultations.models import AgendaItem, Consultation
from eenplan.consultations.serializers import (
    AgendaConsentInputSerializer,
    AgendaItemInputSerializer,
    AgendaItemSerializer,
    AgreementListQuerySerializer,
    ConsultationAgreementInputSerializer,
    ConsultationAgreementSerializer,
    ConsultationDetailSerializer,
    ConsultationInputSerializer,
    ConsultationListQuerySerializer,
    ConsultationSerializer,
    DecisionInputSerializer,
    DecisionSerializer,
    MinutesInputSerializer,
    PolicySignalInputSerializer,
    PolicySignalListQuerySerializer,
    PolicySignalReportQuerySerializer,
    PolicySignalReportRowSerializer,
    PolicySignalRespondSerializer,
    PolicySignalSerializer,
)
from eenplan.plans.models import Goal
from eenplan.plans.selectors import goal_for
from eenplan.privacy.exceptions import NotShared
from eenplan.tenancy.models import Municipality

TAGS = ["consultations"]
SIGNAL_TAGS = ["policy-signals"]

NO_CONTENT = OpenApiResponse(
    description="Uw organisatie ziet de casus van dit agendapunt niet met inhoud (betrokken, met "
    "toestemming voor het plan); alleen dan legt u iets vast."
)
NOT_CHAIR = OpenApiResponse(description="Alleen de voorzitter rondt het verslag af.")
NOT_RESPONDER = OpenApiResponse(
    description="Alleen een teamleider, directeur of beleidsmedewerker van de gemeente reageert."
)


# --- Lookups -----------------------------------------------------------------------------------


def _meeting(*, user, consultation_uuid: uuid.UUID) -> Consultation:
    """A meeting the user takes part in (no personal data); ``DoesNotExist`` (404) otherwise."""
    return Consultation.objects.visible_to(user).get(uuid=consultation_uuid)


def _meeting_in_body(*, user, value: uuid.UUID | None, field: str) -> Consultation | None:
    if value is None:
        return None
    found = Consultation.objects.visible_to(user).filter(uuid=value).first()
    if found is None:
        raise ValidationError({field: [_("Onbekend overleg.")]})
    return found


def _municipality_for(value: uuid.UUID | None, field: str) -> Municipality | None:
    """A municipality by UUID (no personal data); unknown is a 400 on ``field``."""
    if value is None:
        return None
    found = Municipality.objects.filter(uuid=value).first()
    if found is None:
        raise ValidationError({field: [_("Onbekende gemeente.")]})
    return found


def _case_for(*, user, value: uuid.UUID, field: str) -> Case:
    """A case the user may see (read through the selector, so logged); else a 400 on ``field``.
    The service checks that the user may put it on the agenda."""
    try:
        return case_get(user=user, case_uuid=value)
    except Case.DoesNotExist:
        raise ValidationError({field: [_("Onbekende casus.")]}) from None


def _goal_for(*, user, item: AgendaItem, value: uuid.UUID | None) -> Goal | None:
    """A goal of the plan of the item's case; else a 400 on ``goal``."""
    if value is None:
        return None
    try:
        return goal_for(user=user, case_uuid=item.case.uuid, goal_uuid=value)
    except Goal.DoesNotExist:
        raise ValidationError(
            {"goal": [_("Kies een doel uit het plan van dit huishouden.")]}
        ) from None


def _owner(*, user, data: dict):
    """The owner as the plan API resolves it, its errors on this body's ``owner_*`` names."""
    try:
        return owner_from(user=user, data=data)
    except ValidationError as error:
        raise ValidationError(
            {f"owner_{name}": messages for name, messages in error.detail["owner"].items()}
        ) from None


def _item_with_content(*, user, item_uuid: uuid.UUID) -> AgendaItem:
    """An agenda item to change: 404 when its meeting is hidden, 403 without its content."""
    item = selectors.agenda_item_get(user=user, item_uuid=item_uuid)
    if not item.content:
        raise NotShared()
    return item


def _detail(request, consultation_uuid, status_code=status.HTTP_200_OK) -> Response:
    view = selectors.consultation_get(user=request.user, consultation_uuid=consultation_uuid)
    return Response(ConsultationDetailSerializer(view).data, status=status_code)


def _item(request, item_uuid, status_code=status.HTTP_200_OK) -> Response:
    item = selectors.agenda_item_get(user=request.user, item_uuid=item_uuid)
    return Response(AgendaItemSerializer(item).data, status=status_code)


# --- Meetings ----------------------------------------------------------------------------------


class ConsultationListView(APIView):
    @extend_schema(
        operation_id="consultations_list",
        summary="Overleggen",
        description=(
            "De overleggen waar u aan deelneemt: als voorzitter of omdat uw organisatie "
            "deelneemt. Met upcoming=true de komende, eerstvolgende eerst; anders nieuwste eerst."
        ),
        parameters=[ConsultationListQuerySerializer],
        responses={200: paginated(ConsultationSerializer), 400: BAD_REQUEST},
        tags=TAGS,
    )
    def get(self, request):
        query = validated_query(request, ConsultationListQuerySerializer)
        listing = selectors.consultation_list(user=request.user, **query)
        return listing_response(request, listing, ConsultationSerializer)

    @extend_schema(
        operation_id="consultations_create",
        summary="Een overleg plannen",
        description=(
            "Plant een casusoverleg met de deelnemende organisaties. U en de voorzitter werken "
            "bij een deelnemende organisatie; de voorzitter is de eerste deelnemer."
        ),
        request=ConsultationInputSerializer,
        responses={201: ConsultationDetailSerializer, 400: BAD_REQUEST},
        tags=TAGS,
    )
    def post(self, request):
        data = validated(ConsultationInputSerializer, request.data)
        chair = data["chair"]
        consultation = services.consultation_plan(
            actor=request.user,
            kind=data["kind"],
            title=data["title"],
            municipality=_municipality_for(data["municipality"], "municipality"),
            date=data["date"],
            start_time=data["start_time"],
            location=data["location"],
            chair=professional_for(chair, "chair") if chair else request.user,
            organisations=[
                organisation_for(value, "organisations")
                for value in dict.fromkeys(data["organisations"])
            ],
        )
        return _detail(request, consultation.uuid, status.HTTP_201_CREATED)


class ConsultationDetailView(APIView):
    @extend_schema(
        operation_id="consultations_retrieve",
        summary="Eén overleg",
        description=(
            "Het overleg met deelnemers, de open afspraken uit eerdere overleggen van de reeks, "
            "de agenda en de beleidssignalen. Van elk agendapunt ziet u het casusnummer en de "
            "vraag; het huishouden, het verslag en de afspraken alleen als u de inhoud van de "
            "casus mag zien (content). Elk getoond huishouden komt in het toegangslog."
        ),
        responses={200: ConsultationDetailSerializer, 404: NOT_FOUND},
        tags=TAGS,
    )
    def get(self, request, uuid):
        return _detail(request, uuid)


class ConsultationItemsView(APIView):
    @extend_schema(
        operation_id="consultations_items_create",
        summary="Een casus op de agenda zetten",
        description=(
            "De regisseur of een professional van een betrokken organisatie zet de casus op de "
            "agenda, met de vraag aan het overleg. Iedereen aan tafel leest die vraag: zonder "
            "namen, casusnummer of andere gegevens waarmee iemand te herkennen is."
        ),
        request=AgendaItemInputSerializer,
        responses={201: AgendaItemSerializer, 400: BAD_REQUEST, 404: NOT_FOUND},
        tags=TAGS,
    )
    def post(self, request, uuid):
        consultation = _meeting(user=request.user, consultation_uuid=uuid)
        data = validated(AgendaItemInputSerializer, request.data)
        item = services.agenda_add(
            actor=request.user,
            consultation=consultation,
            case=_case_for(user=request.user, value=data["case"], field="case"),
            question=data["question"],
        )
        return _item(request, item.uuid, status.HTTP_201_CREATED)


class ConsultationCloseView(APIView):
    @extend_schema(
        operation_id="consultations_close",
        summary="Het verslag afronden",
        description="De voorzitter rondt het verslag af; daarna ligt het vast.",
        request=None,
        responses={
            200: ConsultationDetailSerializer,
            400: BAD_REQUEST,
            403: NOT_CHAIR,
            404: NOT_FOUND,
        },
        tags=TAGS,
    )
    def post(self, request, uuid):
        consultation = _meeting(user=request.user, consultation_uuid=uuid)
        if consultation.chair_id != request.user.pk:  # the service checks this again
            raise PermissionDenied(_("De voorzitter rondt het verslag af."))
        services.consultation_close(actor=request.user, consultation=consultation)
        return _detail(request, uuid)


# --- Agenda items ------------------------------------------------------------------------------


class AgendaItemDetailView(APIView):
    @extend_schema(
        operation_id="agenda_items_retrieve",
        summary="Eén agendapunt",
        description=(
            "Voor iedere deelnemer: casusnummer en vraag. Het huishouden, de grond om te "
            "bespreken, het verslag, de besluiten en de afspraken alleen met content."
        ),
        responses={200: AgendaItemSerializer, 404: NOT_FOUND},
        tags=TAGS,
    )
    def get(self, request, uuid):
        return _item(request, uuid)


class AgendaItemConsentView(APIView):
    @extend_schema(
        operation_id="agenda_items_consent",
        summary="Vastleggen dat de casus besproken mag worden",
        description=(
            "Met toestemming van een gezinslid van 16 jaar of ouder (given_by), of op een "
            "wettelijke grondslag met onderbouwing (note). Pas daarna volgen verslag, besluiten "
            "en afspraken."
        ),
        request=AgendaConsentInputSerializer,
        responses={200: AgendaItemSerializer, 400: BAD_REQUEST, 403: NO_CONTENT, 404: NOT_FOUND},
        tags=TAGS,
    )
    def post(self, request, uuid):
        item = _item_with_content(user=request.user, item_uuid=uuid)
        data = validated(AgendaConsentInputSerializer, request.data)
        services.agenda_record_consent(
            actor=request.user,
            item=item,
            ground=data["ground"],
            given_by=person_for(user=request.user, value=data["given_by"], field="given_by"),
            note=data["note"],
        )
        return _item(request, uuid)


class AgendaItemMinutesView(APIView):
    @extend_schema(
        operation_id="agenda_items_minutes",
        summary="Het verslag van een agendapunt",
        description="Vat samen wat besproken is; het komt op de tijdlijn van de casus.",
        request=MinutesInputSerializer,
        responses={200: AgendaItemSerializer, 400: BAD_REQUEST, 403: NO_CONTENT, 404: NOT_FOUND},
        tags=TAGS,
    )
    def post(self, request, uuid):
        item = _item_with_content(user=request.user, item_uuid=uuid)
        data = validated(MinutesInputSerializer, request.data)
        services.minutes_record(actor=request.user, item=item, summary=data["summary"])
        return _item(request, uuid)


class AgendaItemDecisionsView(APIView):
    @extend_schema(
        operation_id="agenda_items_decisions_create",
        summary="Een besluit vastleggen",
        description=(
            "Een afgesproken regisseur (kind regisseur, met coordinator en "
            "coordinator_organisation) of opschaling (escalation_level) wijzigt ook de casus, "
            "met de regels van die wijziging; een ander besluit komt op de tijdlijn."
        ),
        request=DecisionInputSerializer,
        responses={201: DecisionSerializer, 400: BAD_REQUEST, 403: NO_CONTENT, 404: NOT_FOUND},
        tags=TAGS,
    )
    def post(self, request, uuid):
        item = _item_with_content(user=request.user, item_uuid=uuid)
        data = validated(DecisionInputSerializer, request.data)
        coordinator, organisation = data["coordinator"], data["coordinator_organisation"]
        decision = services.decision_record(
            actor=request.user,
            item=item,
            kind=data["kind"],
            text=data["text"],
            coordinator=professional_for(coordinator, "coordinator") if coordinator else None,
            coordinator_organisation=(
                organisation_for(organisation, "coordinator_organisation") if organisation else None
            ),
            escalation_level=data["escalation_level"],
        )
        item = selectors.agenda_item_get(user=request.user, item_uuid=uuid)
        (decision,) = [d for d in item.decision_list if d.pk == decision.pk]
        return Response(DecisionSerializer(decision).data, status=status.HTTP_201_CREATED)


class AgendaItemAgreementsView(APIView):
    @extend_schema(
        operation_id="agenda_items_agreements_create",
        summary="Een afspraak vastleggen",
        description=(
            "De afspraak wordt een actie in het plan van het huishouden (action), onder een "
            "bestaand doel (goal) of een nieuw doel (life_domain en goal_title). Wie de actie "
            "doet: een betrokken organisatie (eventueel een van haar professionals), een lid van "
            "het huishouden of iemand uit het eigen netwerk."
        ),
        request=ConsultationAgreementInputSerializer,
        responses={
            201: ConsultationAgreementSerializer,
            400: BAD_REQUEST,
            403: NO_CONTENT,
            404: NOT_FOUND,
        },
        tags=TAGS,
    )
    def post(self, request, uuid):
        item = _item_with_content(user=request.user, item_uuid=uuid)
        data = validated(ConsultationAgreementInputSerializer, request.data)
        agreement = services.agreement_add(
            actor=request.user,
            item=item,
            description=data["description"],
            owner=_owner(user=request.user, data=data["owner"]),
            due_date=data["due_date"],
            goal=_goal_for(user=request.user, item=item, value=data["goal"]),
            life_domain=data["life_domain"],
            goal_title=data["goal_title"],
        )
        item = selectors.agenda_item_get(user=request.user, item_uuid=uuid)
        (agreement,) = [a for a in item.agreement_list if a.pk == agreement.pk]
        return Response(
            ConsultationAgreementSerializer(agreement).data, status=status.HTTP_201_CREATED
        )


class AgreementListView(APIView):
    @extend_schema(
        operation_id="agreements_list",
        summary="Afspraken uit overleggen",
        description=(
            "Afspraken van casussen waarvan u het plan mag zien, om op te volgen: per overleg, "
            "per organisatie of per professional (owner). Zonder state de open en te late, "
            "vroegste deadline eerst. Elk getoond huishouden komt in het toegangslog."
        ),
        parameters=[AgreementListQuerySerializer],
        responses={200: paginated(ConsultationAgreementSerializer), 400: BAD_REQUEST},
        tags=TAGS,
    )
    def get(self, request):
        query = validated_query(request, AgreementListQuerySerializer)
        listing = selectors.agreement_list(user=request.user, **query)
        return listing_response(request, listing, ConsultationAgreementSerializer)


# --- Policy signals ----------------------------------------------------------------------------


def _signal(request, signal_uuid, status_code=status.HTTP_200_OK) -> Response:
    signal = selectors.policy_signal_get(user=request.user, signal_uuid=signal_uuid)
    return Response(PolicySignalSerializer(signal).data, status=status_code)


class PolicySignalListView(APIView):
    @extend_schema(
        operation_id="policy_signals_list",
        summary="Beleidssignalen",
        description=(
            "Knelpunten en lessen voor beleid, nieuwste eerst. Teamleiders, directeuren en "
            "beleidsmedewerkers zien die van de gemeenten van hun organisatie; deelnemers die "
            "uit hun overleggen en die van hun organisatie. Een signaal bevat geen "
            "persoonsgegevens."
        ),
        parameters=[PolicySignalListQuerySerializer],
        responses={200: paginated(PolicySignalSerializer), 400: BAD_REQUEST},
        tags=SIGNAL_TAGS,
    )
    def get(self, request):
        query = validated_query(request, PolicySignalListQuerySerializer)
        listing = selectors.policy_signal_list(user=request.user, **query)
        return listing_response(request, listing, PolicySignalSerializer)

    @extend_schema(
        operation_id="policy_signals_create",
        summary="Een beleidssignaal inbrengen",
        description=(
            "Uit een overleg (consultation) of voor een gemeente (municipality). Titel en "
            "toelichting worden geweigerd zolang ze namen, casusnummers of andere gegevens "
            "bevatten waarmee iemand te herkennen is."
        ),
        request=PolicySignalInputSerializer,
        responses={201: PolicySignalSerializer, 400: BAD_REQUEST},
        tags=SIGNAL_TAGS,
    )
    def post(self, request):
        data = validated(PolicySignalInputSerializer, request.data)
        signal = services.policy_signal_raise(
            actor=request.user,
            theme=data["theme"],
            title=data["title"],
            description=data["description"],
            consultation=_meeting_in_body(
                user=request.user, value=data["consultation"], field="consultation"
            ),
            municipality=_municipality_for(data["municipality"], "municipality"),
        )
        return _signal(request, signal.uuid, status.HTTP_201_CREATED)


class PolicySignalDetailView(APIView):
    @extend_schema(
        operation_id="policy_signals_retrieve",
        summary="Eén beleidssignaal",
        responses={200: PolicySignalSerializer, 404: NOT_FOUND},
        tags=SIGNAL_TAGS,
    )
    def get(self, request, uuid):
        return _signal(request, uuid)


class PolicySignalRespondView(APIView):
    @extend_schema(
        operation_id="policy_signals_respond",
        summary="Op een beleidssignaal reageren",
        description=(
            "Een teamleider, directeur of beleidsmedewerker van de gemeente zet de status en "
            "schrijft een reactie; de deelnemers lezen die."
        ),
        request=PolicySignalRespondSerializer,
        responses={
            200: PolicySignalSerializer,
            400: BAD_REQUEST,
            403: NOT_RESPONDER,
            404: NOT_FOUND,
        },
        tags=SIGNAL_TAGS,
    )
    def post(self, request, uuid):
        signal = selectors.policy_signal_get(user=request.user, signal_uuid=uuid)
        if not signal.may_respond:  # the service checks this again
            raise PermissionDenied(
                _("Een teamleider, directeur of beleidsmedewerker van de gemeente reageert.")
            )
        data = validated(PolicySignalRespondSerializer, request.data)
        services.policy_signal_respond(
            actor=request.user, signal=signal, status=data["status"], response=data["response"]
        )
        return _signal(request, uuid)


class PolicySignalReportView(APIView):
    @extend_schema(
        operation_id="policy_signals_report",
        summary="Beleidssignalen per thema en kwartaal",
        description=(
            "Per thema het aantal signalen per kwartaal van het jaar (standaard dit jaar), het "
            "totaal en hoeveel er zijn opgepakt; over de signalen die u mag zien."
        ),
        parameters=[PolicySignalReportQuerySerializer],
        responses={200: PolicySignalReportRowSerializer(many=True), 400: BAD_REQUEST},
        tags=SIGNAL_TAGS,
    )
    def get(self, request):
        query = validated_query(request, PolicySignalReportQuerySerializer)
        year = query["year"] or timezone.localdate().year
        rows = selectors.policy_signal_report(user=request.user, year=year)
        return Response(PolicySignalReportRowSerializer(rows, many=True).data)
