"""One coordinator (regisseur) per case: proposals, agreement, withdrawal, and escalation.

Same shape as ``api.views.network``: the object is looked up among what the user may see first
(404), then the body is validated (400), then the service decides (400 with a reason).
"""

from drf_spectacular.utils import extend_schema
from rest_framework import status
from rest_framework.response import Response
from rest_framework.views import APIView

from eenplan.api.pagination import validated
from eenplan.api.serializers.cases import CaseDetailSerializer
from eenplan.api.serializers.network import (
    CoordinatorAgreeSerializer,
    CoordinatorProposalInputSerializer,
    CoordinatorProposalSerializer,
    EscalationInputSerializer,
)
from eenplan.api.views.network import organisation_for, professional_for
from eenplan.api.views.responses import BAD_REQUEST, NOT_FOUND
from eenplan.cases import selectors, services
from eenplan.cases.models import CoordinatorProposal

TAGS = ["coordination"]


def _proposal_response(user, proposal: CoordinatorProposal, status_code=status.HTTP_200_OK):
    proposal = selectors.coordinator_proposal_get(user=user, proposal_uuid=proposal.uuid)
    return Response(CoordinatorProposalSerializer(proposal).data, status=status_code)


class CaseCoordinatorProposalsView(APIView):
    @extend_schema(
        operation_id="cases_coordinator_proposals_list",
        summary="Voorstellen voor de regisseur",
        description=(
            "Alle voorstellen en overdrachten voor de regisseur van de casus, nieuwste eerst."
        ),
        responses={200: CoordinatorProposalSerializer(many=True), 404: NOT_FOUND},
        tags=TAGS,
    )
    def get(self, request, uuid):
        proposals = selectors.coordinator_proposal_list(user=request.user, case_uuid=uuid)
        return Response(CoordinatorProposalSerializer(proposals, many=True).data)

    @extend_schema(
        operation_id="cases_coordinator_proposals_create",
        summary="Een regisseur voorstellen",
        description=(
            "Stelt een professional van een betrokken organisatie voor als regisseur; heeft de "
            "casus al een regisseur, dan is het een voorstel tot overdracht. Een ander dan de "
            "voorsteller stemt in, met instemming van het huishouden."
        ),
        request=CoordinatorProposalInputSerializer,
        responses={201: CoordinatorProposalSerializer, 400: BAD_REQUEST, 404: NOT_FOUND},
        tags=TAGS,
    )
    def post(self, request, uuid):
        case = selectors.case_get(user=request.user, case_uuid=uuid)
        data = validated(CoordinatorProposalInputSerializer, request.data)
        proposal = services.coordinator_propose(
            actor=request.user,
            case=case,
            coordinator=professional_for(data["coordinator"], "coordinator"),
            organisation=organisation_for(data["organisation"], "organisation"),
            motivation=data["motivation"],
        )
        return _proposal_response(request.user, proposal, status.HTTP_201_CREATED)


class CoordinatorProposalAgreeView(APIView):
    @extend_schema(
        operation_id="coordinator_proposals_agree",
        summary="Instemmen met een regisseur",
        description=(
            "Legt vast wie instemt en wanneer, met de instemming van het huishouden "
            "(household_agreed moet true zijn). Instemmen doet de voorgestelde regisseur, de "
            "huidige regisseur of een andere betrokken organisatie dan die van de voorsteller. "
            "De voorgestelde professional wordt regisseur; andere open voorstellen vervallen."
        ),
        request=CoordinatorAgreeSerializer,
        responses={200: CoordinatorProposalSerializer, 400: BAD_REQUEST, 404: NOT_FOUND},
        tags=TAGS,
    )
    def post(self, request, uuid):
        proposal = selectors.coordinator_proposal_get(user=request.user, proposal_uuid=uuid)
        data = validated(CoordinatorAgreeSerializer, request.data)
        proposal = services.coordinator_agree(
            actor=request.user, proposal=proposal, household_agreed=data["household_agreed"]
        )
        return _proposal_response(request.user, proposal)


class CoordinatorProposalWithdrawView(APIView):
    @extend_schema(
        operation_id="coordinator_proposals_withdraw",
        summary="Een voorstel intrekken",
        description="De voorsteller of de voorgestelde regisseur trekt een open voorstel in.",
        request=None,
        responses={200: CoordinatorProposalSerializer, 400: BAD_REQUEST, 404: NOT_FOUND},
        tags=TAGS,
    )
    def post(self, request, uuid):
        proposal = selectors.coordinator_proposal_get(user=request.user, proposal_uuid=uuid)
        proposal = services.coordinator_proposal_withdraw(actor=request.user, proposal=proposal)
        return _proposal_response(request.user, proposal)


class CaseEscalationView(APIView):
    @extend_schema(
        operation_id="cases_escalation",
        summary="Opschalen",
        description=(
            "Zet het opschalingsniveau (1 uitvoerders onderling tot 5 gemeente, "
            "doorzettingsmacht). Boven niveau 1 is een reden verplicht. Een besluit (decision) "
            "legt alleen de regisseur of een professional van de gemeente vast."
        ),
        request=EscalationInputSerializer,
        responses={200: CaseDetailSerializer, 400: BAD_REQUEST, 404: NOT_FOUND},
        tags=TAGS,
    )
    def post(self, request, uuid):
        case = selectors.case_get(user=request.user, case_uuid=uuid)
        data = validated(EscalationInputSerializer, request.data)
        services.case_escalate(
            actor=request.user,
            case=case,
            level=data["level"],
            reason=data["reason"],
            decision=data["decision"],
        )
        case = selectors.case_get(user=request.user, case_uuid=uuid)
        return Response(CaseDetailSerializer(case).data)
