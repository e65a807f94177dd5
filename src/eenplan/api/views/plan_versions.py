"""Agreeing the plan and its versions: agreement, commitments, history, comparison, evaluation.

An agreed version is immutable: its content is the snapshot the household agreed to. Changing
goals or actions afterwards opens the next draft, which ``compare`` sets against any version.
"""

from drf_spectacular.utils import extend_schema
from rest_framework import status
from rest_framework.response import Response
from rest_framework.views import APIView

from eenplan.api.pagination import validated_query
from eenplan.api.serializers.plan_input import AgreementSerializer, VersionCompareQuerySerializer
from eenplan.api.serializers.plans import (
    CommitmentSerializer,
    PlanSerializer,
    PlanVersionSerializer,
    PlanVersionSummarySerializer,
    VersionCompareSerializer,
)
from eenplan.api.views.plan_lookups import no_plan_yet, persons_for, plan_for, version_number
from eenplan.api.views.plans import TAGS, plan_response
from eenplan.api.views.responses import BAD_REQUEST, CONFLICT, NOT_FOUND
from eenplan.plans import selectors, services


def _version(request, uuid, number: int):
    return selectors.plan_version_get(
        user=request.user, case_uuid=uuid, number=version_number(number)
    )


class PlanVersionListView(APIView):
    @extend_schema(
        operation_id="cases_plan_versions_list",
        summary="Vastgestelde versies van het plan",
        description="Nieuwste eerst, zonder inhoud; de inhoud staat bij één versie.",
        responses={200: PlanVersionSummarySerializer(many=True), 404: NOT_FOUND},
        tags=TAGS,
    )
    def get(self, request, uuid):
        view = selectors.plan_view(user=request.user, case_uuid=uuid)
        if view.plan is None:
            raise no_plan_yet()
        return Response(PlanVersionSummarySerializer(view.versions, many=True).data)


class PlanVersionDetailView(APIView):
    @extend_schema(
        operation_id="cases_plan_versions_retrieve",
        summary="Eén vastgestelde versie",
        description="De inhoud zoals het huishouden die vaststelde; die verandert nooit meer.",
        responses={200: PlanVersionSerializer, 404: NOT_FOUND},
        tags=TAGS,
    )
    def get(self, request, uuid, number):
        return Response(PlanVersionSerializer(_version(request, uuid, number)).data)


class PlanVersionCommitmentView(APIView):
    @extend_schema(
        operation_id="cases_plan_versions_commitment_create",
        summary="Uw organisatie verbindt zich aan een versie",
        description=(
            "Voor een organisatie die bij de casus betrokken is. Nog een keer verbinden verandert "
            "niets (200)."
        ),
        request=None,
        responses={
            201: CommitmentSerializer,
            200: CommitmentSerializer,
            400: BAD_REQUEST,
            404: NOT_FOUND,
        },
        tags=TAGS,
    )
    def post(self, request, uuid, number):
        version = _version(request, uuid, number)
        committed = {c.organisation_id for c in version.commitments.all()}
        commitment = services.plan_commit(actor=request.user, version=version)
        created = commitment.organisation_id not in committed
        return Response(
            CommitmentSerializer(commitment).data,
            status=status.HTTP_201_CREATED if created else status.HTTP_200_OK,
        )


class PlanVersionCompareView(APIView):
    @extend_schema(
        operation_id="cases_plan_versions_compare",
        summary="Twee versies vergelijken",
        description=(
            "Wat er veranderde van versie from naar versie to; zonder to: naar het huidige concept."
        ),
        parameters=[VersionCompareQuerySerializer],
        responses={200: VersionCompareSerializer, 400: BAD_REQUEST, 404: NOT_FOUND},
        tags=TAGS,
    )
    def get(self, request, uuid):
        query = validated_query(request, VersionCompareQuerySerializer)
        changes = selectors.plan_versions_compare(user=request.user, case_uuid=uuid, **query)
        return Response(VersionCompareSerializer({**query, "changes": changes}).data)


class PlanAgreementView(APIView):
    @extend_schema(
        operation_id="cases_plan_agreement_create",
        summary="Vastleggen dat het huishouden met het plan instemt",
        description=(
            "Het concept wordt een vastgestelde versie met een vast nummer. Geef de revision "
            "van het plan dat het huishouden zag: is het plan sindsdien gewijzigd, dan volgt 409. "
            "Uw organisatie verbindt zich meteen aan de versie; een casus in de fase plan gaat "
            "naar uitvoering."
        ),
        request=AgreementSerializer,
        responses={201: PlanVersionSerializer, 400: BAD_REQUEST, 404: NOT_FOUND, 409: CONFLICT},
        tags=TAGS,
    )
    def post(self, request, uuid):
        plan = plan_for(user=request.user, case_uuid=uuid)
        serializer = AgreementSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        data = serializer.validated_data
        version = services.plan_agree(
            actor=request.user,
            plan=plan,
            revision=data["revision"],
            agreed_by=persons_for(user=request.user, uuids=data["agreed_by"]),
            method=data["method"],
            agreed_on=data["agreed_on"],
        )
        return Response(
            PlanVersionSerializer(_version(request, uuid, version.number)).data,
            status=status.HTTP_201_CREATED,
        )


class PlanEvaluationView(APIView):
    @extend_schema(
        operation_id="cases_plan_evaluation_create",
        summary="De evaluatie van het plan starten",
        description="Zet de casus in de fase evaluatie, als dat een toegestane stap is.",
        request=None,
        responses={200: PlanSerializer, 400: BAD_REQUEST, 404: NOT_FOUND},
        tags=TAGS,
    )
    def post(self, request, uuid):
        plan = plan_for(user=request.user, case_uuid=uuid)
        services.plan_start_evaluation(actor=request.user, plan=plan)
        return plan_response(request, uuid)
