"""The citizen's API, under ``/api/v1/me/``: Mijn EenPlan for an app of the household.

A household member logs in with ``me/token/`` (a citizen account only) and then reaches only these
endpoints (``IsCitizen``; a professional's token gets 403). Reads go through
``eenplan.portal.selectors`` (the access log is written there), changes through
``eenplan.portal.services`` and ``eenplan.complaints.services`` (they check what this member may
do). A case, action, organisation, person, decision or complaint of another household answers
404, exactly like one that does not exist, and a view looks it up before it validates the rest of
the body.
"""

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiResponse, extend_schema
from rest_framework import status
from rest_framework.authtoken.serializers import AuthTokenSerializer
from rest_framework.authtoken.views import ObtainAuthToken
from rest_framework.exceptions import NotFound
from rest_framework.response import Response
from rest_framework.views import APIView

from eenplan.api.pagination import (
    PageQuerySerializer,
    listing_response,
    paginated,
    validated,
    validated_query,
)
from eenplan.api.permissions import IsCitizen
from eenplan.api.views.auth import CitizenAuthTokenSerializer, LoginRateThrottle, TokenSerializer
from eenplan.api.views.responses import BAD_REQUEST, CONFLICT, FORBIDDEN, NOT_FOUND
from eenplan.common.selectors import Listing
from eenplan.complaints import services as complaint_services
from eenplan.plans.models import Plan
from eenplan.portal import selectors, services
from eenplan.portal.rules import persons_in_care
from eenplan.portal.serializers import (
    MeActionSerializer,
    MeActionTickSerializer,
    MeAgreedSerializer,
    MeCaseRefSerializer,
    MeComplaintAnswerSerializer,
    MeComplaintInputSerializer,
    MeComplaintSerializer,
    MeComplaintWithdrawSerializer,
    MeConsentInputSerializer,
    MeConsentRefSerializer,
    MeConsentRowSerializer,
    MeFeedbackInputSerializer,
    MeFeedbackSerializer,
    MeHouseholdPlanSerializer,
    MeLookedAtSerializer,
    MeMessageInputSerializer,
    MeMessageSerializer,
    MePlanAgreeSerializer,
    MeProposalInputSerializer,
    MeProposalSerializer,
    MeSerializer,
    MeThreadSerializer,
)
from eenplan.tenancy.models import Organisation

TAGS = ["me"]
HOUSEHOLD_RULE = (
    " Alleen voor een inwoneraccount (anders 403). Een casus van een ander huishouden geeft 404."
)


# ------------------------------------------------------------------------------ login


class CitizenTokenObtainView(ObtainAuthToken):
    """Like ``auth/token/``, for household members: a professional account is refused with the
    answer of a wrong password, so trying tells nothing about which accounts exist."""

    serializer_class = CitizenAuthTokenSerializer
    authentication_classes = ()
    permission_classes = ()
    throttle_classes = (LoginRateThrottle,)

    @extend_schema(
        operation_id="me_token_create",
        summary="Token ophalen voor een inwoner",
        description=(
            "Met de gebruikersnaam en het wachtwoord van Mijn EenPlan. Alleen een inwoneraccount "
            "krijgt een token; met een account van een medewerker is het antwoord 400, net als "
            "bij een fout wachtwoord."
        ),
        request=AuthTokenSerializer,
        responses={200: TokenSerializer, 400: BAD_REQUEST},
        auth=[],
        tags=TAGS,
    )
    def post(self, request, *args, **kwargs):
        return super().post(request, *args, **kwargs)


# ------------------------------------------------------------------------------ helpers


class CitizenView(APIView):
    permission_classes = (IsCitizen,)


def _me(request):
    return selectors.citizen_of(request.user).person


def _own_case(request):
    """The case named in the body, among the member's households' cases (404 otherwise)."""
    data = validated(MeCaseRefSerializer, request.data)
    return selectors.own_case_get(user=request.user, case_uuid=data["case"])


def _body(serializer_class, request) -> dict:
    """The body validated, without the case (already looked up)."""
    data = validated(serializer_class, request.data)
    data.pop("case", None)
    return data


# ------------------------------------------------------------------------------ me


class MeView(CitizenView):
    @extend_schema(
        operation_id="me_retrieve",
        summary="Uw gegevens en uw huishoudens",
        description=(
            "Uw naam, geboortedatum, adres en contactgegevens; per huishouden de voornamen van "
            "de leden; en voor wie u beslist: uzelf en uw kinderen onder de 16." + HOUSEHOLD_RULE
        ),
        responses={200: MeSerializer, 403: FORBIDDEN},
        tags=TAGS,
    )
    def get(self, request):
        plans = selectors.my_plans(user=request.user)
        me = _me(request)
        in_care = {}
        for item in plans:
            in_care.update({person.pk: person for person in item.in_care})
        data = {
            "person": me,
            "households": [item.household for item in plans],
            "persons_in_care": list(in_care.values()) or [me],
        }
        return Response(MeSerializer(data, context={"me": me}).data)


# ------------------------------------------------------------------------------ plan


class MyPlanView(CitizenView):
    @extend_schema(
        operation_id="me_plan_list",
        summary="Uw plan, per huishouden",
        description=(
            "Per huishouden de casus met de belangrijkste vraag, de regisseur en hoe u die "
            "bereikt, het plan (concept of vastgesteld, en of u al instemde), de doelen met de "
            "acties (mine: die doet u zelf), de organisaties die helpen en de voorstellen van "
            "het huishouden. Wat een huisgenoot voor u verborg staat er niet bij." + HOUSEHOLD_RULE
        ),
        responses={200: MeHouseholdPlanSerializer(many=True), 403: FORBIDDEN},
        tags=TAGS,
    )
    def get(self, request):
        plans = selectors.my_plans(user=request.user)
        context = {"me": _me(request)}
        return Response(MeHouseholdPlanSerializer(plans, many=True, context=context).data)


class PlanAgreeView(CitizenView):
    @extend_schema(
        operation_id="me_plan_agree",
        summary="Instemmen met het plan",
        description=(
            "U stemt digitaal in met het plan zoals het nu is. Is het een concept, dan wordt het "
            "een vastgestelde versie; is het al vastgesteld, dan komt uw instemming erbij. "
            "Is het plan gewijzigd sinds u het las (revision), dan is het antwoord 409."
            + HOUSEHOLD_RULE
        ),
        request=MePlanAgreeSerializer,
        responses={
            200: MeAgreedSerializer,
            400: BAD_REQUEST,
            403: FORBIDDEN,
            404: NOT_FOUND,
            409: CONFLICT,
        },
        tags=TAGS,
    )
    def post(self, request, case_uuid):
        case = selectors.own_case_get(user=request.user, case_uuid=case_uuid)
        revision = validated(MePlanAgreeSerializer, request.data)["revision"]
        try:
            version = services.plan_agree(user=request.user, case=case, revision=revision)
        except Plan.DoesNotExist:
            raise ValidationError(_("Er is nog geen plan om mee in te stemmen.")) from None
        return Response(MeAgreedSerializer(version).data)


class ActionTickView(CitizenView):
    @extend_schema(
        operation_id="me_actions_partial_update",
        summary="Een eigen actie afvinken of weer openzetten",
        description="Alleen een actie die u zelf doet." + HOUSEHOLD_RULE,
        request=MeActionTickSerializer,
        responses={
            200: MeActionSerializer,
            400: BAD_REQUEST,
            403: FORBIDDEN,
            404: NOT_FOUND,
            409: CONFLICT,
        },
        tags=TAGS,
    )
    def patch(self, request, action_uuid):
        action = selectors.own_action_get(user=request.user, action_uuid=action_uuid)
        data = validated(MeActionTickSerializer, request.data)
        action = services.action_tick(user=request.user, action=action, done=data["done"])
        return Response(MeActionSerializer(action, context={"me": _me(request)}).data)


class ProposalView(CitizenView):
    @extend_schema(
        operation_id="me_proposals_create",
        summary="Iets voorstellen voor het plan",
        description=(
            "Een doel (met leefgebied), iets wat goed gaat, of iemand uit uw netwerk die helpt "
            "(met soort). Het blijft een voorstel tot de regisseur het in het plan zet."
            + HOUSEHOLD_RULE
        ),
        request=MeProposalInputSerializer,
        responses={201: MeProposalSerializer, 400: BAD_REQUEST, 403: FORBIDDEN, 404: NOT_FOUND},
        tags=TAGS,
    )
    def post(self, request):
        case = _own_case(request)
        data = _body(MeProposalInputSerializer, request)
        proposal = services.proposal_submit(user=request.user, case=case, **data)
        return Response(MeProposalSerializer(proposal).data, status=status.HTTP_201_CREATED)


class FeedbackView(CitizenView):
    @extend_schema(
        operation_id="me_feedback_create",
        summary="Een cijfer geven voor de hulp",
        description=(
            "Een rapportcijfer (1 tot en met 10) voor de periode van het vastgestelde plan. Een "
            "tweede cijfer in dezelfde periode vervangt het eerste." + HOUSEHOLD_RULE
        ),
        request=MeFeedbackInputSerializer,
        responses={201: MeFeedbackSerializer, 400: BAD_REQUEST, 403: FORBIDDEN, 404: NOT_FOUND},
        tags=TAGS,
    )
    def post(self, request):
        case = _own_case(request)
        data = _body(MeFeedbackInputSerializer, request)
        feedback = services.feedback_give(user=request.user, case=case, **data)
        return Response(MeFeedbackSerializer(feedback).data, status=status.HTTP_201_CREATED)


# ------------------------------------------------------------------------------ messages


class MessagesView(CitizenView):
    @extend_schema(
        operation_id="me_messages_list",
        summary="Berichten met uw regisseur",
        description=(
            "Per casus het gesprek tussen het huishouden en de regisseur. Wat de regisseur "
            "schreef telt hierna als gelezen." + HOUSEHOLD_RULE
        ),
        responses={200: MeThreadSerializer(many=True), 403: FORBIDDEN},
        tags=TAGS,
    )
    def get(self, request):
        threads = [
            {"case": case, "messages": thread}
            for case, thread in selectors.my_messages(user=request.user)
        ]
        data = MeThreadSerializer(threads, many=True, context={"request": request}).data
        for thread in threads:
            services.messages_mark_read(user=request.user, case=thread["case"])
        return Response(data)

    @extend_schema(
        operation_id="me_messages_create",
        summary="Uw regisseur een bericht sturen",
        description=(
            "De regisseur krijgt een mail dat er een bericht is, zonder de inhoud. Zonder "
            "regisseur is het antwoord 400." + HOUSEHOLD_RULE
        ),
        request=MeMessageInputSerializer,
        responses={201: MeMessageSerializer, 400: BAD_REQUEST, 403: FORBIDDEN, 404: NOT_FOUND},
        tags=TAGS,
    )
    def post(self, request):
        case = _own_case(request)
        data = _body(MeMessageInputSerializer, request)
        message = services.message_send(user=request.user, case=case, body=data["body"])
        data = MeMessageSerializer(message, context={"request": request}).data
        return Response(data, status=status.HTTP_201_CREATED)


# ------------------------------------------------------------------------------ consent


def _consent_row(rows, *, case, organisation, person):
    """The row the UUIDs point at, among the member's own rows only; 404 otherwise."""
    for row in rows:
        if (row.case.uuid, row.organisation.uuid, row.person.uuid) == (case, organisation, person):
            return row
    raise NotFound


class ConsentsView(CitizenView):
    @extend_schema(
        operation_id="me_consents_list",
        summary="Wie mag wat weten",
        description=(
            "Per casus, organisatie en persoon (uzelf en uw kinderen onder de 16): welke "
            "gegevens de organisatie met toestemming krijgt, welke wettelijke grondslagen er "
            "zijn en wat de organisatie dus ziet (inhoud, of alleen dat u bekend bent)."
            + HOUSEHOLD_RULE
        ),
        responses={200: MeConsentRowSerializer(many=True), 403: FORBIDDEN},
        tags=TAGS,
    )
    def get(self, request):
        rows = selectors.my_consents(user=request.user)
        return Response(MeConsentRowSerializer(rows, many=True).data)

    @extend_schema(
        operation_id="me_consents_update",
        summary="Toestemming geven, wijzigen of intrekken",
        description=(
            "Wat deze organisatie over deze persoon mag krijgen. Dit geldt meteen; een lege "
            "lijst trekt alle toestemming in. Een wettelijke grondslag blijft. Een casus, "
            "organisatie of persoon die niet in uw overzicht staat geeft 404." + HOUSEHOLD_RULE
        ),
        request=MeConsentInputSerializer,
        responses={200: MeConsentRowSerializer, 400: BAD_REQUEST, 403: FORBIDDEN, 404: NOT_FOUND},
        tags=TAGS,
    )
    def post(self, request):
        ref = validated(MeConsentRefSerializer, request.data)
        row = _consent_row(selectors.my_consents(user=request.user), **ref)
        data = validated(MeConsentInputSerializer, request.data)
        services.consent_change(
            user=request.user,
            case=row.case,
            organisation=row.organisation,
            person=row.person,
            categories=data["categories"],
        )
        row = _consent_row(selectors.my_consents(user=request.user), **ref)
        return Response(MeConsentRowSerializer(row).data)


# ------------------------------------------------------------------------------ complaints

COMPLAINT_RULE = (
    " Alleen voor een inwoneraccount (anders 403). Een klacht of bezwaar van iemand anders dan "
    "uzelf of uw kind onder de 16 geeft 404."
)


def _complaint_response(request, complaint_uuid, status_code=status.HTTP_200_OK) -> Response:
    item = selectors.my_complaint_get(user=request.user, complaint_uuid=complaint_uuid)
    return Response(MeComplaintSerializer(item).data, status=status_code)


def _complaint_person(request, case, person_uuid, decision):
    """The person it is for, among the member and their children under 16 (404 otherwise);
    without one: the member, or for an objection the person the decision is about."""
    citizen = selectors.citizen_of(request.user)
    if person_uuid is None:
        return decision.person if decision is not None else citizen.person
    for person in persons_in_care(citizen, case.household):
        if person.uuid == person_uuid:
            return person
    raise NotFound


def _complaint_decision(request, case, decision_uuid):
    """The decision named, among those the member may object to (404 otherwise)."""
    if decision_uuid is None:
        return None
    for item in selectors.my_objectable_decisions(user=request.user, case=case):
        if item.decision.uuid == decision_uuid:
            return item.decision
    raise NotFound


def _organisations(uuids) -> list:
    # Not personal data; the service checks that they help or helped the household.
    organisations = list(Organisation.objects.filter(uuid__in=uuids))
    if len(organisations) != len(set(uuids)):
        raise ValidationError({"organisations": _("Kies organisaties die uw huishouden helpen.")})
    return organisations


class MyComplaintsView(CitizenView):
    @extend_schema(
        operation_id="me_complaints_list",
        summary="Uw klachten en bezwaren",
        description=(
            "Uw klachten en bezwaren en die van uw kinderen onder de 16, nieuwste eerst, met hoe "
            "het ervoor staat (in gewone woorden), wie het behandelt en wat er gebeurde."
            + HOUSEHOLD_RULE
        ),
        responses={200: MeComplaintSerializer(many=True), 403: FORBIDDEN},
        tags=TAGS,
    )
    def get(self, request):
        items = selectors.my_complaints(user=request.user)
        return Response(MeComplaintSerializer(items, many=True).data)

    @extend_schema(
        operation_id="me_complaints_create",
        summary="Een klacht indienen of bezwaar maken",
        description=(
            "Een klacht (type klacht) gaat over hoe iemand met u omging of over de hulp. Een "
            "bezwaar (type bezwaar) gaat over een besluit met een brief, over uzelf of uw kind "
            "onder de 16. Na de bezwaartermijn kan het nog; de behandelaar beoordeelt of het te "
            "laat is. Iemand neemt binnen enkele werkdagen contact met u op (contact_due). Een "
            "persoon of besluit dat niet van u of uw kind onder de 16 is, geeft 404."
            + HOUSEHOLD_RULE
        ),
        request=MeComplaintInputSerializer,
        responses={201: MeComplaintSerializer, 400: BAD_REQUEST, 403: FORBIDDEN, 404: NOT_FOUND},
        tags=TAGS,
    )
    def post(self, request):
        case = _own_case(request)
        data = _body(MeComplaintInputSerializer, request)
        decision = _complaint_decision(request, case, data["decision"])
        person = _complaint_person(request, case, data["person"], decision)
        if decision is not None and decision.person_id != person.pk:
            raise ValidationError(
                {"decision": _("Dit besluit gaat over iemand anders dan voor wie het is.")}
            )
        complaint = complaint_services.complaint_register(
            actor=request.user,
            case=case,
            person=person,
            kind=data["type"],
            decision=decision,
            description=data["description"],
            theme=data["theme"],
            organisations=_organisations(data["organisations"]),
            contact_phone=data["contact_phone"],
            contact_email=data["contact_email"],
        )
        return _complaint_response(request, complaint.uuid, status.HTTP_201_CREATED)


class MyComplaintView(CitizenView):
    @extend_schema(
        operation_id="me_complaints_retrieve",
        summary="Eén klacht of bezwaar",
        description="Met hoe het ervoor staat, wie het behandelt en wat er gebeurde."
        + COMPLAINT_RULE,
        responses={200: MeComplaintSerializer, 403: FORBIDDEN, 404: NOT_FOUND},
        tags=TAGS,
    )
    def get(self, request, complaint_uuid):
        return _complaint_response(request, complaint_uuid)


class MyComplaintAnswerView(CitizenView):
    @extend_schema(
        operation_id="me_complaints_answer",
        summary="Zeggen of het is opgelost",
        description=(
            "Na een gesprek vragen we of het is opgelost (may_answer). resolved true sluit het "
            "af; false: we praten verder. Vragen we het niet, dan is het antwoord 400."
            + COMPLAINT_RULE
        ),
        request=MeComplaintAnswerSerializer,
        responses={
            200: MeComplaintSerializer,
            400: BAD_REQUEST,
            403: FORBIDDEN,
            404: NOT_FOUND,
        },
        tags=TAGS,
    )
    def post(self, request, complaint_uuid):
        item = selectors.my_complaint_get(user=request.user, complaint_uuid=complaint_uuid)
        data = validated(MeComplaintAnswerSerializer, request.data)
        complaint_services.resolution_answer(
            user=request.user,
            complaint=item.complaint,
            resolved=data["resolved"],
            text=data["text"],
        )
        return _complaint_response(request, complaint_uuid)


class MyComplaintWithdrawView(CitizenView):
    @extend_schema(
        operation_id="me_complaints_withdraw",
        summary="Een klacht of bezwaar intrekken",
        description=(
            "We stoppen met de behandeling; dit kan niet worden teruggedraaid. Is het al "
            "afgehandeld, dan is het antwoord 400." + COMPLAINT_RULE
        ),
        request=MeComplaintWithdrawSerializer,
        responses={
            200: MeComplaintSerializer,
            400: BAD_REQUEST,
            403: FORBIDDEN,
            404: NOT_FOUND,
        },
        tags=TAGS,
    )
    def post(self, request, complaint_uuid):
        item = selectors.my_complaint_get(user=request.user, complaint_uuid=complaint_uuid)
        data = validated(MeComplaintWithdrawSerializer, request.data)
        complaint_services.withdraw(actor=request.user, complaint=item.complaint, text=data["text"])
        return _complaint_response(request, complaint_uuid)


# ------------------------------------------------------------------------------ access log


class AccessLogView(CitizenView):
    @extend_schema(
        operation_id="me_access_log_list",
        summary="Wie heeft mijn gegevens bekeken",
        description=(
            "Wie (welke organisatie) wanneer wat deed met de gegevens van u en uw kinderen onder "
            "de 16, nieuwste eerst. Wat u zelf deed staat er niet bij." + HOUSEHOLD_RULE
        ),
        parameters=[PageQuerySerializer],
        responses={200: paginated(MeLookedAtSerializer), 400: BAD_REQUEST, 403: FORBIDDEN},
        tags=TAGS,
    )
    def get(self, request):
        query = validated_query(request, PageQuerySerializer)
        entries = selectors.my_access_log(user=request.user)
        page, page_size = query["page"], query["page_size"]
        offset = (page - 1) * page_size
        listing = Listing(entries[offset : offset + page_size], len(entries), page, page_size)
        return listing_response(request, listing, MeLookedAtSerializer)


# ------------------------------------------------------------------------------ export


class ExportView(CitizenView):
    @extend_schema(
        operation_id="me_export_retrieve",
        summary="Al uw gegevens (inzageverzoek)",
        description=(
            "Alles wat EenPlan over u bewaart (AVG artikel 15), en niets over anderen: uw "
            "persoonsgegevens, per casus het plan met uw acties, toestemmingen, metingen, "
            "voorzieningen, voorstellen, berichten, cijfers en klachten, en wie uw gegevens "
            "bekeek." + HOUSEHOLD_RULE
        ),
        responses={
            200: OpenApiResponse(
                OpenApiTypes.OBJECT,
                description="De gegevens, zoals in de download van Mijn EenPlan.",
            ),
            403: FORBIDDEN,
        },
        tags=TAGS,
    )
    def get(self, request):
        response = Response(selectors.my_data(user=request.user))
        response["Cache-Control"] = "no-store"  # personal data: keep it out of shared caches
        return response
